//! dict operations used by the interpreter: `{**a}`, `f(**kw)`, update().

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn update_from(vm: &Vm, d: &PyRef, other: &PyRef) -> PyResult<()> {
    let dd = dict::get(d).unwrap();
    if other.kind() == Kind::Dict {
        for (k, v) in dict::get(other).unwrap().items() {
            dd.set(vm, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = ops::lookup_special(vm, other, "keys") {
        let ks = ops::call_unbound(vm, &keys, other, &[])?;
        for k in ops::iterate(vm, &ks)? {
            let v = ops::get_item(vm, other, &k)?;
            dd.set(vm, k, v)?;
        }
        return Ok(());
    }
    let items = match ops::iterate(vm, other) {
        Ok(v) => v,
        Err(_) => return Err(vm.type_error(format!("'{}' object is not a mapping", vm.type_name(other)))),
    };
    for (i, item) in items.iter().enumerate() {
        let pair = match ops::iterate(vm, item) {
            Ok(p) => p,
            Err(_) => {
                return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{} to a sequence", i)));
            }
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let k = it.next().unwrap();
        let v = it.next().unwrap();
        dd.set(vm, k, v)?;
    }
    Ok(())
}

/// `f(**a, **b)`: merge, rejecting duplicates and non-mappings.
pub fn merge_kwargs(vm: &Vm, d: &PyRef, other: &PyRef, func: &PyRef) -> PyResult<()> {
    let dd = dict::get(d).unwrap();
    let fname = || crate::types::function_impl::callable_display(vm, func);
    let pairs: Vec<(PyRef, PyRef)> = if other.kind() == Kind::Dict {
        dict::get(other).unwrap().items()
    } else if let Some(keys) = ops::lookup_special(vm, other, "keys") {
        let ks = ops::call_unbound(vm, &keys, other, &[])?;
        let mut v = Vec::new();
        for k in ops::iterate(vm, &ks)? {
            let val = ops::get_item(vm, other, &k)?;
            v.push((k, val));
        }
        v
    } else {
        return Err(vm.type_error(format!("{} argument after ** must be a mapping, not {}", fname(), vm.type_name(other))));
    };
    for (k, v) in pairs {
        if k.kind() != Kind::Str {
            return Err(vm.type_error("keywords must be strings"));
        }
        if dd.contains(vm, &k)? {
            return Err(vm.type_error(format!("{} got multiple values for keyword argument '{}'", fname(), str::as_str(&k))));
        }
        dd.set(vm, k, v)?;
    }
    Ok(())
}
