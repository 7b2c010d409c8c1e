//! Printing exceptions as CPython does: the traceback entries with their
//! source lines, chained exceptions (`__cause__`, `__context__`), and the
//! final `Type: message` line.

use crate::object::PyRef;
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Source text of every compiled file, for traceback lines.
    static SOURCES: RefCell<HashMap<String, std::rc::Rc<str>>> = RefCell::new(HashMap::new());
}

pub fn remember_source(filename: &str, source: &str) {
    SOURCES.with(|s| {
        s.borrow_mut().insert(filename.to_string(), source.into());
    });
}

fn source_line(filename: &str, line: u32) -> Option<String> {
    let text = SOURCES.with(|s| s.borrow().get(filename).cloned())?;
    text.lines().nth(line.checked_sub(1)? as usize).map(|l| l.trim().to_string())
}

/// The text CPython prints for an exception (with its chain).
pub fn format_exception(vm: &Vm, exc: &PyRef) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, exc, &mut out, &mut seen);
    out
}

fn format_chain(vm: &Vm, exc: &PyRef, out: &mut String, seen: &mut Vec<usize>) {
    seen.push(exc.id());
    if let Some(ed) = exceptions::get(exc) {
        let cause = ed.cause.borrow().clone();
        let context = ed.context.borrow().clone();
        if let Some(c) = cause {
            if !seen.contains(&c.id()) {
                format_chain(vm, &c, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if let Some(c) = context {
            if !ed.suppress_context.get() && !seen.contains(&c.id()) {
                format_chain(vm, &c, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
    }
    format_one(vm, exc, out);
}

fn format_one(vm: &Vm, exc: &PyRef, out: &mut String) {
    let tb = exceptions::get(exc).and_then(|d| d.traceback.borrow().clone());
    if let Some(tb) = tb {
        out.push_str("Traceback (most recent call last):\n");
        let mut cur = Some(tb);
        let mut last: Option<(String, u32, String)> = None;
        let mut repeat = 0usize;
        while let Some(t) = cur {
            let td = traceback::get(&t).unwrap();
            let fd = frame::get(&td.frame).unwrap();
            let cd = code::get(&fd.code).unwrap();
            let key = (cd.code.filename.to_string(), td.lineno, cd.code.name.to_string());
            if last.as_ref() == Some(&key) {
                repeat += 1;
            } else {
                flush_repeats(out, repeat);
                repeat = 0;
            }
            if repeat < 3 {
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", key.0, key.1, key.2));
                if let Some(l) = source_line(&key.0, key.1) {
                    out.push_str(&format!("    {}\n", l));
                }
            }
            last = Some(key);
            cur = td.next.clone();
        }
        flush_repeats(out, repeat);
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}

fn flush_repeats(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
}

/// `Type: message` (or just `Type` when the message is empty).
pub fn exception_line(vm: &Vm, exc: &PyRef) -> String {
    let ty = exc.ty();
    let td = typeobj::data(ty);
    let module = td.module.borrow().clone();
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") | None => td.qualname.borrow().clone(),
        Some(m) => format!("{}.{}", m, td.qualname.borrow()),
    };
    if typeobj::isinstance(exc, &vm.exc.syntax_error) {
        return syntax_error_line(vm, exc, &name);
    }
    let msg = match ops::str_(vm, exc) {
        Ok(s) => str::as_str(&s).to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}

fn syntax_error_line(vm: &Vm, exc: &PyRef, name: &str) -> String {
    let get = |n: &str| ops::get_attr_str(vm, exc, n).ok().filter(|v| !v.is(&vm.none));
    let msg = get("msg").map(|m| ops::str_string(vm, &m).unwrap_or_default()).unwrap_or_default();
    let mut head = String::new();
    if let (Some(f), Some(l)) = (get("filename"), get("lineno")) {
        head.push_str(&format!("  File \"{}\", line {}\n", ops::str_string(vm, &f).unwrap_or_default(), ops::str_string(vm, &l).unwrap_or_default()));
        if let Some(t) = get("text") {
            let text = ops::str_string(vm, &t).unwrap_or_default();
            let trimmed = text.trim_end_matches('\n');
            let stripped = trimmed.trim_start();
            let lead = trimmed.chars().count() - stripped.chars().count();
            head.push_str(&format!("    {}\n", stripped));
            if let Some(o) = get("offset").and_then(|o| int::as_i64(&o)) {
                let end = get("end_offset").and_then(|o| int::as_i64(&o)).unwrap_or(o + 1);
                let start = (o - 1 - lead as i64).max(0) as usize;
                let width = (end - o).max(1) as usize;
                head.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
            }
        }
    }
    format!("{}{}: {}", head, name, msg)
}

pub fn print_exception(vm: &Vm, exc: &PyRef) {
    let s = format_exception(vm, exc);
    crate::modules::sys::write_stderr(vm, &s);
}

/// CPython's report of an exception that cannot propagate (in `__del__`).
pub fn print_unraisable(vm: &Vm, exc: &PyRef, what: &str) {
    let mut s = format!("Exception ignored in: {}\n", what);
    s.push_str(&format_exception(vm, exc));
    crate::modules::sys::write_stderr(vm, &s);
}
