//! `import refscope`: what CPython hides and this interpreter knows about
//! its memory.
//!
//! - `live_objects()`: a dict, payload layout name -> number of live object
//!   blocks of it (everything: the program's objects and the interpreter's,
//!   cached small ints and interned strings included).
//! - `live_instances()`: a dict, class name -> number of tracked instances,
//!   for objects the cycle collector tracks (containers), by their type.
//! - `generation_sizes()`: a tuple, the number of objects tracked in each of
//!   the collector's three generations (CPython only shows allocation
//!   counts, `gc.get_count()`).
//! - `allocated_blocks()`: the total number of live object blocks
//!   (`sys.getallocatedblocks()` reports the same number).
//! - `mem()`: print the caller's names (a function's locals, or the
//!   module's globals), what each refers to (type, id, reference count, a
//!   short repr) and which names share one object; the interactive
//!   prompt's `%mem` command calls it.

use crate::object::gc as core_gc;
use crate::object::kinds::ALL_KINDS;
use crate::object::{Kind, PyRef};
use crate::types::{builtin_function, dict, module};
use crate::vm::{NativeFn, PyResult, Vm};

fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Object => "object",
        Kind::Type => "type",
        Kind::Int => "int",
        Kind::Float => "float",
        Kind::Complex => "complex",
        Kind::Str => "str",
        Kind::Bytes => "bytes",
        Kind::ByteArray => "bytearray",
        Kind::List => "list",
        Kind::Tuple => "tuple",
        Kind::Dict => "dict",
        Kind::Set => "set",
        Kind::Range => "range",
        Kind::Slice => "slice",
        Kind::Function => "function",
        Kind::BuiltinFunction => "builtin_function_or_method",
        Kind::Method => "method",
        Kind::Property => "property",
        Kind::ClassMethod => "classmethod",
        Kind::StaticMethod => "staticmethod",
        Kind::Super => "super",
        Kind::Cell => "cell",
        Kind::Code => "code",
        Kind::Frame => "frame",
        Kind::Traceback => "traceback",
        Kind::Module => "module",
        Kind::Generator => "generator",
        Kind::Iterator => "iterator",
        Kind::DictView => "dict_view",
        Kind::Exception => "BaseException",
        Kind::Descriptor => "descriptor",
        Kind::File => "file",
        #[allow(unreachable_patterns)]
        _ => "other",
    }
}

fn no_args(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    if !a.is_empty() || !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error(format!("{}() takes no arguments ({} given)", name, a.len())));
    }
    Ok(())
}

fn r_live_objects(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "live_objects", a, k)?;
    let d = vm.dict();
    for &kind in ALL_KINDS {
        let n = crate::object::heap::live_blocks_of(kind);
        if n > 0 {
            dict::set_item_str(vm, &d, vm.intern(kind_name(kind)), vm.int(n as i64));
        }
    }
    Ok(d)
}

fn r_live_instances(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "live_instances", a, k)?;
    let mut counts: Vec<(String, i64)> = Vec::new();
    for o in core_gc::objects(None) {
        let name = crate::types::typeobj::type_name(o.ty()).to_string();
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some(e) => e.1 += 1,
            None => counts.push((name, 1)),
        }
    }
    let d = vm.dict();
    for (n, c) in counts {
        dict::set_item_str(vm, &d, vm.str(&n), vm.int(c));
    }
    Ok(d)
}

fn r_generation_sizes(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "generation_sizes", a, k)?;
    Ok(vm.tuple(core_gc::generation_sizes().iter().map(|&n| vm.int(n as i64)).collect::<Vec<_>>()))
}

fn r_allocated_blocks(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "allocated_blocks", a, k)?;
    Ok(vm.int(crate::object::heap::live_blocks() as i64))
}

/// The names of a namespace as `mem()` shows them: dunder names (the
/// module's `__name__`, `__builtins__`, ...) are left out.
fn shown(name: &str) -> bool {
    !(name.starts_with("__") && name.ends_with("__"))
}

/// `mem()`'s table for `pairs` (name, object), each object counted as the
/// program's references see it: `held` is how many references to it the
/// caller of this function holds only for the inspection.
pub fn describe_names(vm: &Vm, title: &str, pairs: &[(String, PyRef)]) -> PyResult<String> {
    let mut rows: Vec<[String; 5]> = Vec::new();
    for (name, obj) in pairs {
        let held = pairs.iter().filter(|(_, o)| o.is(obj)).count();
        let refs = obj.refcount().saturating_sub(held);
        // The interpreter's cached objects (small ints, None, ...) start
        // with a huge count so that they are never freed: not a count
        // worth showing.
        let refs = if refs >= 1 << 29 { "-".to_string() } else { refs.to_string() };
        let mut text = crate::ops::repr_string(vm, obj)?;
        if text.chars().count() > 40 {
            text = text.chars().take(37).collect::<String>() + "...";
        }
        let mut notes: Vec<String> = Vec::new();
        let others: Vec<&str> = pairs.iter().filter(|(n, o)| o.is(obj) && n != name).map(|(n, _)| n.as_str()).collect();
        if !others.is_empty() {
            notes.push(format!("same object as {}", others.join(", ")));
        }
        if obj.is(&vm.none) || obj.is(&vm.true_) || obj.is(&vm.false_) {
            notes.push("singleton".into());
        } else if obj.kind() == Kind::Int && obj.ty().is(&vm.types.int) {
            if let Some(i) = crate::types::int::as_i64(obj) {
                if (-5..=256).contains(&i) {
                    notes.push("cached small int, shared interpreter-wide".into());
                }
            }
        } else if obj.kind() == Kind::Str && obj.flags() & crate::object::flags::INTERNED != 0 {
            notes.push("interned".into());
        }
        rows.push([name.clone(), vm.type_name(obj), obj.id().to_string(), refs, if notes.is_empty() { text } else { format!("{}   ({})", text, notes.join("; ")) }]);
    }
    let head = ["name", "type", "id", "refs", "value"];
    let mut width = head.map(|h| h.len());
    for r in &rows {
        for (w, c) in width.iter_mut().zip(r.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            s.push(' ');
            if i == 4 {
                s.push_str(c);
            } else if i == 3 {
                s.push_str(&format!("{:>w$}", c, w = width[i]));
                s.push(' ');
            } else {
                s.push_str(&format!("{:<w$}", c, w = width[i]));
                s.push(' ');
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = format!("{}\n", title);
    if rows.is_empty() {
        out.push_str("  (no names)\n");
        return Ok(out);
    }
    out.push_str(&line(head));
    for r in &rows {
        out.push_str(&line([&r[0], &r[1], &r[2], &r[3], &r[4]]));
    }
    Ok(out)
}

/// The names bound in `frame` (fast locals and cells, or its namespace
/// dict), in order, each paired with its object.
pub fn frame_names(frame: &PyRef) -> PyResult<Vec<(String, PyRef)>> {
    let fd = crate::types::frame::get(frame).unwrap();
    let mut pairs = Vec::new();
    if let Some(l) = &fd.locals {
        for k in dict::get(l).map(|d| d.keys()).unwrap_or_default() {
            if k.kind() != Kind::Str || !shown(crate::types::str::as_str(&k)) {
                continue;
            }
            if let Some(v) = dict::get_str_key(l, &k) {
                pairs.push((crate::types::str::as_str(&k).to_string(), v));
            }
        }
        return Ok(pairs);
    }
    let cd = crate::types::code::get(&fd.code).unwrap();
    let nv = cd.code.varnames.len();
    for i in 0..cd.code.nlocalsplus() {
        let Some(v) = fd.get_fast(i) else { continue };
        let v = if i >= nv {
            match crate::types::cell::get_cell(&v).get() {
                Some(x) => x,
                None => continue,
            }
        } else {
            v
        };
        let name = cd.code.localsplus_name(i).to_string();
        // A parameter that is also a cell is one variable: the cell holds
        // its live value.
        match pairs.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = v,
            None => pairs.push((name, v)),
        }
    }
    Ok(pairs)
}

fn r_mem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "mem", a, k)?;
    let Some(frame) = vm.frames.borrow().last().cloned() else {
        return Ok(vm.none());
    };
    let fd = crate::types::frame::get(&frame).unwrap();
    let where_ = crate::types::code::get(&fd.code).map(|c| c.code.name.clone()).unwrap_or_default();
    let pairs = frame_names(&frame)?;
    drop(frame);
    let text = describe_names(vm, &format!("names in {}:", where_), &pairs)?;
    drop(pairs);
    crate::modules::sys::write_stdout(vm, &text)?;
    Ok(vm.none())
}

pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "refscope");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: [(&'static str, NativeFn); 5] = [
        ("mem", r_mem),
        ("live_objects", r_live_objects),
        ("live_instances", r_live_instances),
        ("generation_sizes", r_generation_sizes),
        ("allocated_blocks", r_allocated_blocks),
    ];
    for (name, f) in funcs {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    m
}
