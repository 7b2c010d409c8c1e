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
    // The code's own qualname object (for module-level code, the name).
    let qualname = cd.qualname.clone();
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

/// Assigning or deleting a function's own attributes (`__defaults__`,
/// `__name__`, ...): `None` when `name` is not one of them (it then goes to
/// the function's `__dict__`). The old value is released at once, as in
/// CPython, so `f.__defaults__ = None` frees the defaults.
pub fn set_special(vm: &Vm, f: &PyRef, name: &str, value: Option<PyRef>) -> Option<crate::vm::PyResult<()>> {
    use crate::object::Kind;
    let fd = function::get(f)?;
    let is_none = |v: &Option<PyRef>| v.as_ref().map_or(true, |v| v.is(&vm.none));
    let old: Option<PyRef> = match name {
        "__defaults__" => {
            if !is_none(&value) && value.as_ref().unwrap().kind() != Kind::Tuple {
                return Some(Err(vm.type_error("__defaults__ must be set to a tuple object")));
            }
            fd.defaults.replace(value.filter(|v| !v.is(&vm.none)))
        }
        "__kwdefaults__" => {
            if !is_none(&value) && value.as_ref().unwrap().kind() != Kind::Dict {
                return Some(Err(vm.type_error("__kwdefaults__ must be set to a dict object")));
            }
            fd.kwdefaults.replace(value.filter(|v| !v.is(&vm.none)))
        }
        "__annotations__" => {
            if !is_none(&value) && value.as_ref().unwrap().kind() != Kind::Dict {
                return Some(Err(vm.type_error("__annotations__ must be set to a dict object")));
            }
            fd.annotations.replace(value.filter(|v| !v.is(&vm.none)))
        }
        "__name__" | "__qualname__" => {
            let Some(v) = value.filter(|v| v.kind() == Kind::Str) else {
                return Some(Err(vm.type_error(format!("{} must be set to a string object", name))));
            };
            let cell = if name == "__name__" { &fd.name } else { &fd.qualname };
            Some(cell.replace(v))
        }
        "__code__" => {
            let Some(v) = value.filter(|v| v.kind() == Kind::Code) else {
                return Some(Err(vm.type_error("__code__ must be set to a code object")));
            };
            let nfree = code::get(&v).unwrap().code.freevars.len();
            let nclosure = fd.closure.as_ref().map_or(0, |c| crate::types::tuple::items(c).len());
            if nfree != nclosure {
                let fname = str::as_str(&fd.name.borrow()).to_string();
                return Some(Err(vm.value_error(format!("{}() requires a code object with {} free vars, not {}", fname, nclosure, nfree))));
            }
            Some(fd.code.replace(v))
        }
        "__doc__" => Some(fd.doc.replace(value.unwrap_or_else(|| vm.none()))),
        "__module__" => Some(fd.module.replace(value.unwrap_or_else(|| vm.none()))),
        "__globals__" | "__closure__" | "__builtins__" => {
            return Some(Err(vm.new_exception(&vm.exc.attribute_error, "readonly attribute".into())));
        }
        _ => return None,
    };
    drop(old);
    Some(Ok(()))
}
