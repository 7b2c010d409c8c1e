//! `super()`: construction (including the zero-argument form, which reads
//! the `__class__` cell and the first argument of the calling frame) and
//! attribute lookup that skips the MRO up to the given class.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyResult, Vm};

pub fn new_super(vm: &Vm, thisclass: &PyRef, obj: &PyRef) -> PyResult<PyRef> {
    let obj_type = if obj.kind() == Kind::Type && typeobj::is_subtype(obj, thisclass) {
        obj.clone()
    } else if typeobj::isinstance(obj, thisclass) {
        obj.ty().clone()
    } else {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    };
    Ok(PyRef::new(&vm.types.super_, super_::SuperData { thisclass: thisclass.clone(), obj: Some(obj.clone()), obj_type: Some(obj_type) }))
}

/// `super(...)` called from Python.
pub fn super_call(vm: &Vm, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    if kwnames.is_some() {
        return Err(vm.type_error("super() takes no keyword arguments"));
    }
    match args.len() {
        0 => {
            let frame = vm.frames.borrow().last().cloned().ok_or_else(|| vm.runtime_error("super(): no current frame"))?;
            let fd = frame::get(&frame).unwrap();
            let cd = code::get(&fd.code).unwrap();
            if cd.code.argcount == 0 && cd.code.flags & refscope_compiler::bytecode::code_flags::VARARGS == 0 {
                return Err(vm.runtime_error("super(): no arguments"));
            }
            // The first argument (possibly moved into a cell).
            let mut first = fd.get_fast(0);
            if let Some(ci) = cd.code.cell2arg.iter().position(|a| *a == Some(0)) {
                let c = fd.get_fast(cd.code.varnames.len() + ci);
                first = c.and_then(|c| cell::get_cell(&c).get());
            }
            let Some(first) = first else {
                return Err(vm.runtime_error("super(): arg[0] deleted"));
            };
            let Some(idx) = cd.code.freevars.iter().position(|f| &**f == "__class__") else {
                return Err(vm.runtime_error("super(): __class__ cell not found"));
            };
            let slot = cd.code.varnames.len() + cd.code.cellvars.len() + idx;
            let cellobj = fd.get_fast(slot).ok_or_else(|| vm.runtime_error("super(): __class__ cell not found"))?;
            let Some(cls) = cell::get_cell(&cellobj).get() else {
                return Err(vm.runtime_error("super(): empty __class__ cell"));
            };
            new_super(vm, &cls, &first)
        }
        1 => {
            if args[0].kind() != Kind::Type {
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&args[0]))));
            }
            Ok(PyRef::new(&vm.types.super_, super_::SuperData { thisclass: args[0].clone(), obj: None, obj_type: None }))
        }
        2 => {
            if args[0].kind() != Kind::Type {
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&args[0]))));
            }
            new_super(vm, &args[0], &args[1])
        }
        n => Err(vm.type_error(format!("super() takes at most 2 arguments ({} given)", n))),
    }
}

pub fn getattr(vm: &Vm, sup: &PyRef, name: &PyRef) -> PyResult {
    let s = super_::get(sup).unwrap();
    if let (Some(obj), Some(st)) = (&s.obj, &s.obj_type) {
        if str::as_str(name) != "__class__" {
            // Looked up with the MRO borrowed (str keys: no Python code
            // runs), bound after the borrow ends (`__get__` may).
            let found = {
                let mro = typeobj::data(st).mro.borrow();
                let items = tuple::items(&mro);
                let start = items.iter().position(|t| t.is(&s.thisclass)).map(|i| i + 1).unwrap_or(items.len());
                items[start..].iter().find_map(|t| dict::get_str_key(&typeobj::data(t).dict, name))
            };
            if let Some(v) = found {
                let inst = if obj.is(st) { None } else { Some(obj) };
                return ops::descr_get(vm, &v, inst, st);
            }
        }
    }
    ops::generic_get_attr_plain(vm, sup, name)
}
