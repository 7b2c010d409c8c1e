//! `object`: the root type's methods, and instance creation for classes.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// object.__new__: an instance of `cls` with the layout of its builtin base.
pub fn object_new(vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    let td = typeobj::data(cls);
    if td.flag(tflags::IS_ABSTRACT) {
        return Err(vm.type_error(format!("Can't instantiate abstract class {}", td.name.borrow())));
    }
    if cls.is(&vm.types.object) {
        return Ok(PyRef::new(cls, ()));
    }
    if td.instance_kind != Kind::Object {
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", td.name.borrow(), td.name.borrow())));
    }
    let nslots = td.slot_names.borrow().len();
    Ok(PyRef::new_ext(cls, (), nslots))
}

fn obj_init(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.none())
}

fn obj_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.str_owned(crate::types::repr_impl::default_repr(vm, &a[0])))
}

fn obj_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    ops::repr(vm, &a[0])
}

fn obj_eq(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(if a[0].is(&a[1]) { vm.true_.clone() } else { vm.not_implemented.clone() })
}

fn obj_ne(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    // Inverts __eq__ unless it returns NotImplemented.
    let r = match ops::lookup_special(vm, &a[0], "__eq__") {
        Some(f) => ops::call_unbound(vm, &f, &a[0], &[a[1].clone()])?,
        None => vm.not_implemented.clone(),
    };
    if r.is(&vm.not_implemented) {
        return Ok(r);
    }
    Ok(vm.bool(!ops::truthy(vm, &r)?))
}

fn obj_cmp_ni(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn obj_hash(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(ops::id_hash(&a[0])))
}

fn obj_getattribute(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a[1].kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&a[1]))));
    }
    ops::generic_get_attr(vm, &a[0], &a[1])
}

fn obj_setattr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a[1].kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&a[1]))));
    }
    ops::generic_set_attr(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(vm.none())
}

fn obj_delattr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    ops::generic_set_attr(vm, &a[0], &a[1], None)?;
    Ok(vm.none())
}

fn obj_init_subclass(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.none())
}

fn obj_format(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() < 2 {
        return Err(vm.type_error("__format__() takes exactly one argument (0 given)"));
    }
    if let Some(s) = str::get(&a[1]) {
        if !s.as_str().is_empty() {
            return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(&a[0]))));
        }
    }
    ops::str_(vm, &a[0])
}

fn obj_dir(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::builtins::dir_of(vm, &a[0])
}

fn obj_new_method(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.is_empty() {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    }
    let cls = &a[0];
    if cls.kind() != Kind::Type {
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    // Arguments are allowed only when __init__ is overridden.
    let nargs = a.len() - 1 + k.map(|x| crate::types::tuple::items(x).len()).unwrap_or(0) * 0;
    if nargs > 0 {
        let init = typeobj::lookup_str(vm, cls, "__init__");
        let init_is_object = init.map(|i| i.kind() == Kind::BuiltinFunction).unwrap_or(true);
        if init_is_object {
            return Err(vm.type_error(format!("{}() takes no arguments", typeobj::type_name(cls))));
        }
    }
    let td = typeobj::data(cls);
    let newfn = td.new.get().unwrap_or(object_new);
    newfn(vm, cls, &[], None)
}

fn obj_sizeof(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(crate::modules::sys::basic_size(vm, &a[0]) as i64))
}

fn obj_reduce_ex(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Err(vm.type_error("__reduce_ex__ is not supported by refscope yet"))
}

pub fn init(vm: &Vm) {
    let o = &vm.types.object;
    typeobj::add_method(vm, o, "__init__", obj_init);
    typeobj::add_staticmethod(vm, o, "__new__", obj_new_method);
    typeobj::add_method(vm, o, "__repr__", obj_repr);
    typeobj::add_method(vm, o, "__str__", obj_str);
    typeobj::add_method(vm, o, "__eq__", obj_eq);
    typeobj::add_method(vm, o, "__ne__", obj_ne);
    typeobj::add_method(vm, o, "__lt__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__le__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__gt__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__ge__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__hash__", obj_hash);
    typeobj::add_method(vm, o, "__getattribute__", obj_getattribute);
    typeobj::add_method(vm, o, "__setattr__", obj_setattr);
    typeobj::add_method(vm, o, "__delattr__", obj_delattr);
    typeobj::add_classmethod(vm, o, "__init_subclass__", obj_init_subclass);
    typeobj::add_method(vm, o, "__format__", obj_format);
    typeobj::add_method(vm, o, "__dir__", obj_dir);
    typeobj::add_method(vm, o, "__sizeof__", obj_sizeof);
    typeobj::add_method(vm, o, "__reduce_ex__", obj_reduce_ex);
}
