//! range indexing and membership.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

fn parts(r: &range::RangeData) -> (BigInt, BigInt, BigInt) {
    (int::to_bigint(&r.start), int::to_bigint(&r.stop), int::to_bigint(&r.step))
}

pub fn getitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult {
    let r = range::get(obj).unwrap();
    let (a, b, c) = parts(r);
    let n = range::length(&a, &b, &c);
    if key.kind() == Kind::Slice {
        let len = num_traits::ToPrimitive::to_i64(&n).unwrap_or(i64::MAX);
        let (start, stop, step, _) = slice::indices(vm, slice::get(key).unwrap(), len)?;
        let ns = &a + &c * start;
        let ne = &a + &c * stop;
        let nst = &c * step;
        return Ok(new_range(vm, ns, ne, nst));
    }
    let i = match int::index_value(vm, key) {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_name(key)))),
    };
    let i = if i.is_negative() { i + &n } else { i };
    if i.is_negative() || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.bigint(a + c * i))
}

pub fn new_range(vm: &Vm, a: BigInt, b: BigInt, c: BigInt) -> PyRef {
    use num_traits::ToPrimitive;
    let small = match (a.to_i64(), b.to_i64(), c.to_i64()) {
        (Some(x), Some(y), Some(z)) => Some((x, y, z)),
        _ => None,
    };
    PyRef::new(&vm.types.range, range::RangeData { start: vm.bigint(a), stop: vm.bigint(b), step: vm.bigint(c), small })
}

pub fn contains(vm: &Vm, obj: &PyRef, item: &PyRef) -> PyResult<bool> {
    let r = range::get(obj).unwrap();
    if item.kind() == Kind::Int && item.ty().is(&vm.types.int) || item.ty().is(&vm.types.bool_) {
        let (a, b, c) = parts(r);
        let x = int::to_bigint(item);
        let inside = if c.is_positive() { x >= a && x < b } else { x <= a && x > b };
        return Ok(inside && (x - a).mod_floor(&c).is_zero());
    }
    let it = ops::get_iter(vm, obj)?;
    while let Some(v) = ops::next(vm, &it)? {
        if ops::eq(vm, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}
