//! Making function objects (`MakeFunction`) and their attributes.

use crate::object::PyRef;
use crate::types::{code, dict, function, str};
use crate::vm::Vm;
use std::cell::RefCell;

pub fn new_function(
    vm: &Vm,
    code_obj: PyRef,
    globals: PyRef,
    defaults: Option<PyRef>,
    kwdefaults: Option<PyRef>,
    closure: Option<PyRef>,
    annotations: Option<PyRef>,
) -> PyRef {
    let cd = code::get(&code_obj).unwrap();
    let name = vm.intern(&cd.code.name);
    let qualname = vm.str(&cd.code.qualname);
    let doc = if cd.code.has_docstring { cd.consts[0].clone() } else { vm.none() };
    let module = dict::get_str_key(&globals, &vm.intern("__name__")).unwrap_or_else(|| vm.none());
    let builtins = vm.builtins_dict();
    PyRef::new(
        &vm.types.function,
        function::FunctionData {
            code: RefCell::new(code_obj),
            globals,
            builtins,
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            defaults: RefCell::new(defaults),
            kwdefaults: RefCell::new(kwdefaults),
            closure,
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            annotations: RefCell::new(annotations),
            dict: RefCell::new(None),
        },
    )
}

pub fn name_of(f: &PyRef) -> String {
    let fd = function::get(f).unwrap();
    let n = fd.name.borrow();
    str::as_str(&n).to_string()
}

/// How CPython names a function in call errors: `module.qualname` unless the
/// module is builtins.
pub fn display_name(vm: &Vm, f: &PyRef) -> String {
    let fd = function::get(f).unwrap();
    let q = str::as_str(&fd.qualname.borrow()).to_string();
    let m = fd.module.borrow().clone();
    match m.kind() {
        crate::object::Kind::Str if str::as_str(&m) != "builtins" => format!("{}.{}", str::as_str(&m), q),
        _ => {
            let _ = vm;
            q
        }
    }
}

/// `f()` as CPython's call errors name a callable.
pub fn callable_display(vm: &Vm, f: &PyRef) -> String {
    match f.kind() {
        crate::object::Kind::Function => format!("{}()", display_name(vm, f)),
        crate::object::Kind::BuiltinFunction => format!("{}()", crate::types::builtin_function::get(f).unwrap().name),
        crate::object::Kind::Method => {
            let m = crate::types::method::get(f).unwrap();
            callable_display(vm, &m.func)
        }
        crate::object::Kind::Type => format!("{}()", crate::types::typeobj::type_name(f)),
        _ => format!("{} object", vm.type_name(f)),
    }
}
