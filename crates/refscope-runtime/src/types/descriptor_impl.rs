//! __get__/__set__ of the Rust descriptors.

use crate::object::PyRef;
use crate::types::descriptor::{self, DescriptorKind};
use crate::types::*;
use crate::vm::{PyResult, Vm};

pub fn get(vm: &Vm, d: &PyRef, obj: &PyRef) -> PyResult {
    let dd = descriptor::get(d).unwrap();
    match &dd.kind {
        DescriptorKind::GetSet { getter, .. } | DescriptorKind::ReadonlyMember { getter } => getter(vm, obj),
        DescriptorKind::Member { index } => {
            let v = obj.slots().get(*index).and_then(|s| s.get());
            v.ok_or_else(|| vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_name(obj), str::as_str(&dd.name))))
        }
        DescriptorKind::TupleItem { index, .. } => match tuple::get(obj).and_then(|items| items.get(*index)) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_name(obj), str::as_str(&dd.name)))),
        },
        DescriptorKind::ExceptionField { .. } => match exceptions::read_member(vm, obj, &dd.name) {
            Some(v) => Ok(v),
            None => Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_name(obj), str::as_str(&dd.name)))),
        },
        DescriptorKind::InstanceDict => match crate::ops::instance_dict(vm, obj, true) {
            Some(d) => {
                crate::object::gc::materialize_dict(&d);
                Ok(d)
            }
            None => Err(vm.attribute_error(format!("'{}' object has no attribute '__dict__'", vm.type_name(obj)))),
        },
        DescriptorKind::Weakref => Ok(crate::modules::weakref::first_weakref(vm, obj)),
    }
}

pub fn set(vm: &Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let dd = descriptor::get(d).unwrap();
    match &dd.kind {
        DescriptorKind::GetSet { setter: Some(s), .. } => s(vm, obj, value),
        DescriptorKind::GetSet { setter: None, .. } => Err(vm.attribute_error(format!(
            "attribute '{}' of '{}' objects is not writable",
            str::as_str(&dd.name),
            typeobj::type_name(&dd.objclass)
        ))),
        DescriptorKind::Member { index } => {
            let Some(slot) = obj.slots().get(*index) else { return Err(vm.type_error("bad slot")) };
            if value.is_none() && !slot.is_some() {
                return Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_name(obj), str::as_str(&dd.name))));
            }
            crate::observe::touch(obj.id());
            let old = slot.replace(value);
            drop(old);
            Ok(())
        }
        DescriptorKind::TupleItem { .. } | DescriptorKind::ReadonlyMember { .. } => Err(vm.attribute_error("readonly attribute")),
        DescriptorKind::ExceptionField { .. } => exceptions::write_member(vm, obj, &dd.name, value).unwrap_or_else(|| Err(vm.type_error("bad member"))),
        DescriptorKind::InstanceDict => {
            let Some(ext) = obj.ext() else { return Err(vm.type_error("cannot set __dict__")) };
            // The values leave with the dict they stand for.
            crate::ops::spill_inline_values(vm, obj);
            match value {
                Some(v) if v.kind() == crate::object::Kind::Dict => {
                    crate::observe::touch(obj.id());
                    let old = ext.dict.replace(Some(v));
                    drop(old);
                    Ok(())
                }
                Some(v) => Err(vm.type_error(format!("__dict__ must be set to a dictionary, not a '{}'", vm.type_name(&v)))),
                None => {
                    let old = ext.dict.replace(None);
                    drop(old);
                    Ok(())
                }
            }
        }
        DescriptorKind::Weakref => Err(vm.attribute_error(format!("attribute '__weakref__' of '{}' objects is not writable", typeobj::type_name(&dd.objclass)))),
    }
}

// ---- the descriptors' own attributes and methods ----------------------------

fn this(vm: &Vm, a: &[PyRef], name: &str) -> PyResult<PyRef> {
    match a.first() {
        Some(d) if descriptor::get(d).is_some() => Ok(d.clone()),
        _ => Err(vm.type_error(format!("descriptor '{}' needs a descriptor", name))),
    }
}

/// CPython's descr_check: `obj` must be an instance of the descriptor's class.
fn check_applies(vm: &Vm, d: &PyRef, obj: &PyRef) -> PyResult<()> {
    let dd = descriptor::get(d).unwrap();
    if typeobj::isinstance(obj, &dd.objclass) {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        str::as_str(&dd.name),
        typeobj::tp_name(&dd.objclass),
        typeobj::tp_name(obj.ty())
    )))
}

/// `d.__get__(instance, owner=None)`.
fn d_get(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let d = this(vm, a, "__get__")?;
    if k.is_some_and(|k| !tuple::items(k).is_empty()) {
        return Err(vm.type_error("__get__() takes no keyword arguments"));
    }
    let (obj, owner) = match &a[1..] {
        [o] => (o, None),
        [o, t] => (o, Some(t)),
        rest => return Err(vm.type_error(format!("expected 1 or 2 arguments, got {}", rest.len()))),
    };
    // None stands for no instance (and for no owner).
    if obj.is(&vm.none) {
        if owner.is_none_or(|t| t.is(&vm.none)) {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(d);
    }
    check_applies(vm, &d, obj)?;
    get(vm, &d, obj)
}

fn d_set(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let d = this(vm, a, "__set__")?;
    let [obj, value] = &a[1..] else { return Err(vm.type_error(format!("expected 2 arguments, got {}", a.len().saturating_sub(1)))) };
    check_applies(vm, &d, obj)?;
    set(vm, &d, obj, Some(value.clone()))?;
    Ok(vm.none())
}

fn d_delete(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let d = this(vm, a, "__delete__")?;
    let [obj] = &a[1..] else { return Err(vm.type_error(format!("expected 1 argument, got {}", a.len().saturating_sub(1)))) };
    check_applies(vm, &d, obj)?;
    set(vm, &d, obj, None)?;
    Ok(vm.none())
}

fn g_name(_vm: &Vm, d: &PyRef) -> PyResult {
    Ok(descriptor::get(d).unwrap().name.clone())
}

fn g_qualname(vm: &Vm, d: &PyRef) -> PyResult {
    let dd = descriptor::get(d).unwrap();
    let owner = typeobj::data(&dd.objclass).qualname.borrow().clone();
    Ok(vm.str_owned(format!("{}.{}", owner, str::as_str(&dd.name))))
}

fn g_objclass(_vm: &Vm, d: &PyRef) -> PyResult {
    Ok(descriptor::get(d).unwrap().objclass.clone())
}

/// A member's documentation: a struct sequence field's, else None (as a
/// `__slots__` member's).
fn g_member_doc(vm: &Vm, d: &PyRef) -> PyResult {
    match descriptor::get(d).unwrap().kind {
        DescriptorKind::TupleItem { doc, .. } | DescriptorKind::ExceptionField { doc } => Ok(vm.str(doc)),
        _ => Ok(vm.none()),
    }
}

pub fn init(vm: &Vm) {
    for ty in [&vm.types.member_descriptor, &vm.types.getset_descriptor] {
        typeobj::add_method(vm, ty, "__get__", d_get);
        typeobj::add_method(vm, ty, "__set__", d_set);
        typeobj::add_method(vm, ty, "__delete__", d_delete);
        typeobj::add_getter(vm, ty, "__objclass__", g_objclass);
        typeobj::add_getter(vm, ty, "__name__", g_name);
        typeobj::add_getter(vm, ty, "__qualname__", g_qualname);
    }
    typeobj::add_getter(vm, &vm.types.member_descriptor, "__doc__", g_member_doc);
}
