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
    Ok(vm.tuple(core_gc::generation_sizes().iter().map(|&n| vm.int(n as i64)).collect()))
}

fn r_allocated_blocks(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "allocated_blocks", a, k)?;
    Ok(vm.int(crate::object::heap::live_blocks() as i64))
}

pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "refscope");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: [(&'static str, NativeFn); 4] = [
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
