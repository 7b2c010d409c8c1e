//! Printing exceptions as CPython does: the traceback entries with their
//! source lines, chained exceptions (`__cause__`, `__context__`), the final
//! `Type: message` line with CPython 3.11's "Did you mean" suggestions for
//! NameError and AttributeError, and the exception's `__notes__`.

use crate::object::PyRef;
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

thread_local! {
    /// Source text of every compiled unit, by file name.
    static SOURCES: RefCell<HashMap<String, std::rc::Rc<str>>> = RefCell::new(HashMap::new());
    /// Files read from disk for traceback lines (as `linecache` does).
    static DISK: RefCell<HashMap<String, Option<std::rc::Rc<str>>>> = RefCell::new(HashMap::new());
}

/// Set when the program ended with an uncaught KeyboardInterrupt: the
/// process then dies of SIGINT, as CPython's does.
static UNHANDLED_KEYBOARD_INTERRUPT: AtomicBool = AtomicBool::new(false);

pub fn unhandled_keyboard_interrupt() -> bool {
    UNHANDLED_KEYBOARD_INTERRUPT.load(Ordering::SeqCst)
}

pub fn remember_source(filename: &str, source: &str) {
    SOURCES.with(|s| {
        s.borrow_mut().insert(filename.to_string(), source.into());
    });
}

/// The stripped text of a line of a file, as CPython's traceback shows it:
/// only for real files (not `<string>`, `<stdin>`), read from disk like
/// `linecache`; the compiled text stands in when the file cannot be read.
fn source_line(filename: &str, line: u32) -> Option<String> {
    if filename.starts_with('<') && filename.ends_with('>') {
        return None;
    }
    let text = DISK.with(|d| {
        d.borrow_mut()
            .entry(filename.to_string())
            .or_insert_with(|| std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).into_owned().into()))
            .clone()
    });
    let text = text.or_else(|| SOURCES.with(|s| s.borrow().get(filename).cloned()))?;
    let l = text.lines().nth(line.checked_sub(1)? as usize)?;
    let t = l.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\x0c' || c == '\r' || c == '\n');
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

/// The text CPython prints for an exception (with its chain, and the
/// exceptions of a group nested in boxes).
pub fn format_exception(vm: &Vm, exc: &PyRef) -> String {
    let mut p = Printer { vm, out: String::new(), seen: Vec::new(), depth: 0, need_close: false };
    p.recursive(exc);
    p.out
}

/// At most this many exceptions of a group are shown, and groups nested at
/// most this deep (CPython's defaults).
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// CPython's exception printer: exceptions inside a group are printed at a
/// depth, each line behind an indent of two spaces per level and a `| `
/// margin; each sub-exception opens with a `+---- n ----` line and the
/// last closes its box.
struct Printer<'v> {
    vm: &'v Vm,
    out: String,
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// The indent and margin every line at this depth starts with.
    fn margin(&self) -> String {
        let mut m = self.indent();
        if self.depth > 0 {
            m.push_str("| ");
        }
        m
    }

    fn recursive(&mut self, exc: &PyRef) {
        self.seen.push(exc.id());
        if let Some(ed) = exceptions::get(exc) {
            let cause = ed.cause.borrow().clone();
            let context = ed.context.borrow().clone();
            if let Some(c) = cause {
                if !self.seen.contains(&c.id()) {
                    self.chained(&c, "The above exception was the direct cause of the following exception:\n");
                }
            } else if let Some(c) = context {
                if !ed.suppress_context.get() && !self.seen.contains(&c.id()) {
                    self.chained(&c, "During handling of the above exception, another exception occurred:\n");
                }
            }
        }
        if typeobj::isinstance(exc, &self.vm.exc.base_exception_group) {
            self.group(exc);
        } else {
            self.one(exc);
        }
    }

    fn chained(&mut self, exc: &PyRef, message: &str) {
        let need_close = self.need_close;
        self.recursive(exc);
        self.need_close = need_close;
        let m = self.margin();
        self.out.push_str(&format!("{m}\n{m}{message}{m}\n"));
    }

    /// The traceback, the `Type: message` line and the notes.
    fn one(&mut self, exc: &PyRef) {
        let vm = self.vm;
        let margin = self.margin();
        let tb = exceptions::get(exc).and_then(|d| d.traceback.borrow().clone());
        if let Some(tb) = tb {
            let is_group = typeobj::isinstance(exc, &vm.exc.base_exception_group);
            let header = if is_group { "Exception Group Traceback (most recent call last):\n" } else { "Traceback (most recent call last):\n" };
            let header_margin = if is_group && self.depth == 1 { format!("{}+ ", self.indent()) } else { margin.clone() };
            self.out.push_str(&header_margin);
            self.out.push_str(header);
            let mut lines = String::new();
            traceback_lines(&mut lines, &tb);
            for l in lines.split_inclusive('\n') {
                self.out.push_str(&margin);
                self.out.push_str(l);
            }
        }
        self.out.push_str(&exception_line_with_margin(vm, exc, &margin));
        self.out.push('\n');
        format_notes(vm, exc, &mut self.out, &margin);
    }

    fn group(&mut self, exc: &PyRef) {
        if self.depth > MAX_GROUP_DEPTH {
            let m = self.margin();
            self.out.push_str(&format!("{m}... (max_group_depth is {MAX_GROUP_DEPTH})\n"));
            return;
        }
        if self.depth == 0 {
            self.depth = 1;
        }
        self.one(exc);
        let excs = crate::types::exception_group::excs(self.vm, exc).map(|t| tuple::items(&t).to_vec()).unwrap_or_default();
        let n = if excs.len() <= MAX_GROUP_WIDTH { excs.len() } else { MAX_GROUP_WIDTH + 1 };
        self.need_close = false;
        for i in 0..n {
            let last = i == n - 1;
            if last {
                // The closing line may come from a nested group instead.
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let open = if i == 0 { "+-" } else { "  " };
            let label = if truncated { "...".to_string() } else { (i + 1).to_string() };
            self.out.push_str(&format!("{}{open}+---------------- {label} ----------------\n", self.indent()));
            self.depth += 1;
            if truncated {
                let more = excs.len() - MAX_GROUP_WIDTH;
                let m = self.margin();
                self.out.push_str(&format!("{m}and {more} more exception{}\n", if more > 1 { "s" } else { "" }));
            } else {
                self.recursive(&excs[i]);
            }
            if last && self.need_close {
                self.out.push_str(&format!("{}+------------------------------------\n", self.indent()));
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if self.depth == 1 {
            self.depth = 0;
        }
    }
}

fn format_traceback(out: &mut String, tb: &PyRef) {
    out.push_str("Traceback (most recent call last):\n");
    traceback_lines(out, tb);
}

/// The entries of a traceback (without its header).
fn traceback_lines(out: &mut String, tb: &PyRef) {
    let mut cur = Some(tb.clone());
    let mut last: Option<(String, u32, String)> = None;
    let mut repeat = 0usize;
    while let Some(t) = cur {
        let Some(td) = traceback::get(&t) else { break };
        let Some(fd) = frame::get(&td.frame) else { break };
        let Some(cd) = code::get(&fd.code) else { break };
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
                if let Some(c) = caret_line(&key.0, key.1, cd, td.lasti as usize) {
                    out.push_str(&c);
                }
            }
        }
        last = Some(key);
        cur = td.next.clone();
    }
    flush_repeats(out, repeat);
}

/// The text of file `filename` (as `source_line` finds it).
fn source_text(filename: &str) -> Option<std::rc::Rc<str>> {
    let text = DISK.with(|d| d.borrow().get(filename).cloned().flatten());
    text.or_else(|| SOURCES.with(|s| s.borrow().get(filename).cloned()))
}

/// The caret line under a traceback's source line (PEP 657): `^` under the
/// failing instruction's source range, or `~` with `^` under the operator
/// of a binary operation or the brackets of a subscript; none when the
/// range is the whole line (and is not such an expression). CPython 3.11's
/// rules; columns count characters.
fn caret_line(filename: &str, lineno: u32, cd: &code::CodeData, lasti: usize) -> Option<String> {
    let (start, end) = *cd.code.spans.get(lasti)?;
    let text = source_text(filename)?;
    let (start, end) = (start as usize, end as usize);
    // (The file may have changed since it was compiled: offsets that are
    // not character boundaries of the text read now give no carets.)
    let (before, segment) = (text.get(..start)?, text.get(start..end)?);
    if segment.is_empty() {
        return None;
    }
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    // The error's line must be the traceback's line.
    let line_no = before.matches('\n').count() as u32 + 1;
    if line_no != lineno {
        return None;
    }
    let line = &text[line_start..line_end];
    let chars = |bytes: &str| bytes.chars().count();
    let leading = chars(line) - chars(line.trim_start_matches([' ', '\t', '\x0c']));
    let stripped = line.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\x0c' || c == '\r');
    let col = chars(&before[line_start..]);
    let (end_col, anchors) = if end <= line_end {
        let anchors = refscope_compiler::caret_anchors(segment).and_then(|(l, r)| Some((chars(segment.get(..l)?), chars(segment.get(..r.min(segment.len()))?))));
        (col + chars(segment), anchors)
    } else {
        // A range over several lines: carets to the end of this one.
        (leading + chars(stripped), None)
    };
    let width = end_col.saturating_sub(col);
    let operator = anchors.is_some_and(|(l, r)| r > l);
    if width >= chars(stripped) && !operator {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(col.saturating_sub(leading)));
    match anchors {
        Some((l, r)) => {
            s.push_str(&"~".repeat(l));
            s.push_str(&"^".repeat(r.saturating_sub(l)));
            s.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => s.push_str(&"^".repeat(width)),
    }
    s.push('\n');
    Some(s)
}

fn flush_repeats(out: &mut String, repeat: usize) {
    if repeat >= 3 {
        let n = repeat - 2;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
}

/// The exception's `__notes__`, one per line (CPython 3.11: a note whose
/// `str()` fails shows as `<note str() failed>`; notes that are not a
/// sequence show as their repr).
fn format_notes(vm: &Vm, exc: &PyRef, out: &mut String, margin: &str) {
    let Ok(notes) = ops::get_attr_str(vm, exc, "__notes__") else { return };
    let is_sequence = notes.kind() != crate::object::Kind::Dict && ops::lookup_special(vm, &notes, "__getitem__").is_some() && ops::lookup_special(vm, &notes, "__len__").is_some();
    if !is_sequence {
        out.push_str(margin);
        match ops::repr_string(vm, &notes) {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        out.push('\n');
        return;
    }
    let Ok(items) = ops::iterate(vm, &notes) else { return };
    for note in items {
        let text = match ops::str_string(vm, &note) {
            Ok(s) => s,
            Err(_) => "<note str() failed>".to_string(),
        };
        // Each line of a note behind the margin.
        for line in split_lines_keep_ends(&text) {
            out.push_str(margin);
            out.push_str(line);
        }
        if !text.ends_with(is_line_break) {
            out.push('\n');
        }
    }
}

/// The line breaks of `str.splitlines`.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `text.splitlines(keepends=True)`.
fn split_lines_keep_ends(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = it.peek() {
                    end = j + 1;
                    it.next();
                }
            }
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The name CPython prints for an exception's type: `module.Qualname`,
/// without the module for `builtins` and `__main__`, `<unknown>` when the
/// type's `__module__` is not a string.
fn type_display_name(vm: &Vm, ty: &PyRef) -> String {
    let td = typeobj::data(ty);
    let qualname = td.qualname.borrow().clone();
    let module = match ops::get_attr_str(vm, ty, "__module__") {
        Ok(m) if m.kind() == crate::object::Kind::Str => Some(str::as_str(&m).to_string()),
        Ok(_) => None,
        Err(_) => td.module.borrow().clone(),
    };
    match module.as_deref() {
        Some("builtins") | Some("__main__") => qualname,
        Some(m) => format!("{}.{}", m, qualname),
        None => format!("<unknown>.{}", qualname),
    }
}

/// `Type: message` (or just `Type` when the message is empty).
pub fn exception_line(vm: &Vm, exc: &PyRef) -> String {
    exception_line_with_margin(vm, exc, "")
}

/// `exception_line` behind a margin (inside a group): the first line of
/// the message and a SyntaxError's `File` line have it, the rest not.
fn exception_line_with_margin(vm: &Vm, exc: &PyRef, margin: &str) -> String {
    let name = type_display_name(vm, exc.ty());
    if typeobj::isinstance(exc, &vm.exc.syntax_error) {
        return syntax_error_line(vm, exc, &name, margin);
    }
    let mut msg = match ops::str_(vm, exc) {
        Ok(s) => str::as_str(&s).to_string(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    if let Some(s) = suggestion(vm, exc) {
        msg.push_str(&format!(". Did you mean: '{}'?", s));
    }
    if msg.is_empty() {
        format!("{}{}", margin, name)
    } else {
        format!("{}{}: {}", margin, name, msg)
    }
}

fn syntax_error_line(vm: &Vm, exc: &PyRef, name: &str, margin: &str) -> String {
    let get = |n: &str| ops::get_attr_str(vm, exc, n).ok().filter(|v| !v.is(&vm.none));
    let msg = get("msg").map(|m| ops::str_string(vm, &m).unwrap_or_default()).unwrap_or_default();
    let mut head = String::new();
    if let (Some(f), Some(l)) = (get("filename"), get("lineno")) {
        head.push_str(&format!("{}  File \"{}\", line {}\n", margin, ops::str_string(vm, &f).unwrap_or_default(), ops::str_string(vm, &l).unwrap_or_default()));
        if let Some(t) = get("text") {
            let text = ops::str_string(vm, &t).unwrap_or_default();
            let trimmed = text.trim_end_matches('\n');
            let stripped = trimmed.trim_start_matches([' ', '\t', '\x0c']);
            let lead = trimmed.chars().count() - stripped.chars().count();
            head.push_str(&format!("    {}\n", stripped));
            if let Some(o) = get("offset").and_then(|o| int::as_i64(&o)) {
                let len = stripped.chars().count() as i64;
                let start = (o - 1 - lead as i64).clamp(0, len.max(0));
                let end_line = get("end_lineno").and_then(|o| int::as_i64(&o));
                let same_line = end_line.is_none() || end_line == get("lineno").and_then(|o| int::as_i64(&o));
                let end = match get("end_offset").and_then(|o| int::as_i64(&o)) {
                    Some(e) if same_line && e > o => (e - 1 - lead as i64).min(len + 1),
                    _ => start + 1,
                };
                let width = (end - start).max(1) as usize;
                head.push_str(&format!("    {}{}\n", " ".repeat(start as usize), "^".repeat(width)));
            }
        }
    }
    format!("{}{}{}: {}", head, margin, name, msg)
}

// ----------------------------------------------------------- suggestions

const MAX_CANDIDATES: usize = 750;
const MAX_NAME_LEN: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// Edit distance of two byte strings where inserting, deleting or
/// replacing a byte costs `MOVE_COST` and replacing a letter by itself in
/// the other case costs `CASE_COST` (CPython 3.11's weights). Returns
/// `None` when the distance is over `max` or the strings, after dropping
/// their common prefix and suffix, are longer than `MAX_NAME_LEN`.
fn edit_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    let common_prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[common_prefix..], &b[common_prefix..]);
    let common_suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[..a.len() - common_suffix], &b[..b.len() - common_suffix]);
    if a.is_empty() || b.is_empty() {
        let d = (a.len() + b.len()) * MOVE_COST;
        return (d <= max).then_some(d);
    }
    if a.len() > MAX_NAME_LEN || b.len() > MAX_NAME_LEN {
        return None;
    }
    if a.len().abs_diff(b.len()) * MOVE_COST > max {
        return None;
    }
    let replace = |x: u8, y: u8| {
        if x == y {
            0
        } else if x.eq_ignore_ascii_case(&y) {
            CASE_COST
        } else {
            MOVE_COST
        }
    };
    // prev[j]: distance between a[..i] and b[..j].
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j * MOVE_COST).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i * MOVE_COST;
        for j in 1..=b.len() {
            row[j] = (prev[j - 1] + replace(a[i - 1], b[j - 1])).min(prev[j] + MOVE_COST).min(row[j - 1] + MOVE_COST);
        }
        if row.iter().min().copied().unwrap_or(0) > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

/// The closest of `candidates` to `name`, if close enough: at most a third
/// of the characters involved may change. The first of equally close ones
/// wins.
fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = best {
            max = max.min(d.saturating_sub(1));
            if d == 0 {
                continue;
            }
        }
        if let Some(d) = edit_distance(name.as_bytes(), c.as_bytes(), max) {
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, c));
            }
        }
    }
    best.map(|(_, c)| c.clone())
}

fn str_keys(dict: &PyRef) -> Vec<String> {
    dict::get(dict).map(|d| d.keys()).unwrap_or_default().iter().filter_map(|k| str::get(k).map(|s| s.as_str().to_string())).collect()
}

/// CPython 3.11's suggestion for an exception of exactly type NameError
/// (the failing frame's local variable names, then its globals, then its
/// builtins) or AttributeError (`dir()` of the object).
fn suggestion(vm: &Vm, exc: &PyRef) -> Option<String> {
    let ty = exc.ty();
    let name_attr = |vm: &Vm| -> Option<String> {
        let n = ops::get_attr_str(vm, exc, "name").ok()?;
        (n.ty().is(&vm.types.str_)).then(|| str::as_str(&n).to_string())
    };
    if ty.is(&vm.exc.attribute_error) {
        let name = name_attr(vm)?;
        let obj = ops::get_attr_str(vm, exc, "obj").ok().filter(|o| !o.is(&vm.none))?;
        let dir = vm.builtins_dict();
        let dir_fn = dict::get_str_key(&dir, &vm.intern("dir"))?;
        let listing = ops::call_owned(vm, &dir_fn, vec![obj], None).ok()?;
        let names: Vec<String> = ops::iterate(vm, &listing).ok()?.iter().filter_map(|k| str::get(k).map(|s| s.as_str().to_string())).collect();
        return closest(&name, &names);
    }
    if ty.is(&vm.exc.name_error) {
        let name = name_attr(vm)?;
        let mut tb = exceptions::get(exc)?.traceback.borrow().clone()?;
        while let Some(next) = traceback::get(&tb)?.next.clone() {
            tb = next;
        }
        let frame = traceback::get(&tb)?.frame.clone();
        let fd = frame::get(&frame)?;
        let cd = code::get(&fd.code)?;
        let locals: Vec<String> = cd.code.varnames.iter().map(|s| s.to_string()).collect();
        if let Some(s) = closest(&name, &locals) {
            return Some(s);
        }
        if let Some(s) = closest(&name, &str_keys(fd.globals())) {
            return Some(s);
        }
        return closest(&name, &str_keys(fd.builtins()));
    }
    None
}

// ----------------------------------------------------------- printing

pub fn print_exception(vm: &Vm, exc: &PyRef) {
    let s = format_exception(vm, exc);
    crate::modules::sys::write_stderr(vm, &s);
}

/// Report an exception that ended the program: through `sys.excepthook`
/// when the program replaced it, else CPython's display.
pub fn print_uncaught(vm: &Vm, exc: &PyRef) {
    if typeobj::isinstance(exc, &vm.exc.keyboard_interrupt) {
        UNHANDLED_KEYBOARD_INTERRUPT.store(true, Ordering::SeqCst);
    }
    report_exception(vm, exc);
}

/// Show an exception through `sys.excepthook` (CPython's display unless the
/// program replaced the hook): what the interactive prompt does with an
/// exception a statement raised.
pub fn report_exception(vm: &Vm, exc: &PyRef) {
    let hook = vm.sys_attr("excepthook");
    let default = vm.sys_attr("__excepthook__");
    match hook {
        Some(h) if default.as_ref().is_none_or(|d| !h.is(d)) => {
            let tb = exceptions::get(exc).and_then(|d| d.traceback.borrow().clone()).unwrap_or_else(|| vm.none());
            if let Err(e) = ops::call_owned(vm, &h, vec![exc.ty().clone(), exc.clone(), tb], None) {
                let mut s = String::from("Error in sys.excepthook:\n");
                s.push_str(&format_exception(vm, &e.0));
                s.push_str("\nOriginal exception was:\n");
                s.push_str(&format_exception(vm, exc));
                crate::modules::sys::write_stderr(vm, &s);
            }
        }
        Some(_) => print_exception(vm, exc),
        None => {
            crate::modules::sys::write_stderr(vm, "sys.excepthook is missing\n");
            print_exception(vm, exc);
        }
    }
}

/// `sys.excepthook(type, value, traceback)` / `sys.__excepthook__`.
pub fn excepthook(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> crate::vm::PyResult {
    if a.len() != 3 {
        return Err(vm.type_error(format!("excepthook expected 3 arguments, got {}", a.len())));
    }
    let value = &a[1];
    if !exceptions::is_exception(vm, value) {
        let line = format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            vm.type_name(value)
        );
        crate::modules::sys::write_stderr(vm, &line);
        return Ok(vm.none());
    }
    // The traceback given goes on the exception if it has none.
    if a[2].kind() == crate::object::Kind::Traceback {
        if let Some(d) = exceptions::get(value) {
            if d.traceback.borrow().is_none() {
                *d.traceback.borrow_mut() = Some(a[2].clone());
            }
        }
    }
    print_exception(vm, value);
    Ok(vm.none())
}

/// Report the compiler's warnings as the default `warnings.showwarning`
/// does: `file:line: Category: message`, then the source line.
pub fn print_compile_warnings(vm: &Vm) {
    for w in refscope_compiler::warnings::take_warnings() {
        let mut s = format!("{}:{}: {}: {}\n", w.filename, w.line, w.category, w.message);
        if let Some(l) = source_line(&w.filename, w.line) {
            s.push_str(&format!("  {}\n", l));
        }
        crate::modules::sys::write_stderr(vm, &s);
    }
}

/// CPython's report of an exception that cannot propagate (in `__del__`).
/// Like CPython's default `sys.unraisablehook`: the exception's own
/// traceback (or, when it has none, the frame running when it was reported)
/// and its line, without its chain or notes.
pub fn print_unraisable(vm: &Vm, exc: &PyRef, what: &str) {
    let mut s = format!("Exception ignored in: {}\n", what);
    let tb = exceptions::get(exc).and_then(|d| d.traceback.borrow().clone());
    match tb {
        Some(tb) => format_traceback(&mut s, &tb),
        None => {
            let top = vm.frames.borrow().last().cloned();
            if let Some(f) = top {
                let fd = frame::get(&f).unwrap();
                let cd = code::get(&fd.code).unwrap();
                let line = cd.code.line_of(fd.lasti.get() as usize);
                s.push_str("Traceback (most recent call last):\n");
                s.push_str(&format!("  File \"{}\", line {}, in {}\n", cd.code.filename, line, cd.code.name));
                if let Some(l) = source_line(&cd.code.filename, line) {
                    s.push_str(&format!("    {}\n", l));
                }
            }
        }
    }
    s.push_str(&exception_line(vm, exc));
    s.push('\n');
    crate::modules::sys::write_stderr(vm, &s);
}
