//! __get__/__set__ of the Rust descriptors.

use crate::object::PyRef;
use crate::types::descriptor::{self, DescriptorKind};
use crate::types::*;
use crate::vm::{PyResult, Vm};

pub fn get(vm: &Vm, d: &PyRef, obj: &PyRef) -> PyResult {
    let dd = descriptor::get(d).unwrap();
    match &dd.kind {
        DescriptorKind::GetSet { getter, .. } => getter(vm, obj),
        DescriptorKind::Member { index } => {
            let v = obj.slots().get(*index).and_then(|s| s.get());
            v.ok_or_else(|| vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_name(obj), str::as_str(&dd.name))))
        }
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
