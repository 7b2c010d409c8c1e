//! `tuple`: an immutable array of references. The empty tuple is a cached
//! singleton (`Vm::empty_tuple`).

use crate::object::PyRef;

/// A tuple's payload: its items live in the object's own block, as in
/// CPython (one allocation per tuple), released from the last to the
/// first when it is freed.
pub type TupleData = crate::object::Tailed<(), PyRef>;

/// A new tuple of type `ty` (`tuple` or a subclass) holding `n` items.
pub fn alloc(ty: &PyRef, n: usize, items: impl Iterator<Item = PyRef>) -> PyRef {
    PyRef::new_tailed(ty, (), n, items)
}

/// Items of a tuple object (empty for anything else).
#[inline]
pub fn items(obj: &PyRef) -> &[PyRef] {
    match obj.payload::<TupleData>() {
        Some(t) => t.items(),
        None => &[],
    }
}

pub fn get(obj: &PyRef) -> Option<&[PyRef]> {
    obj.payload::<TupleData>().map(|t| t.items())
}

/// CPython 3.11's tuple hash (xxHash-based).
pub fn hash_from(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((len as u64) ^ (P5 ^ 3527539u64));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}


// ---------------------------------------------------------------- methods

use crate::ops;
use crate::types::methods::{noargs, one_arg, pos_args};
use crate::vm::{PyResult, Vm};

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a [PyRef]> {
    a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor requires a 'tuple' object"))
}

fn tuple_index(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "tuple", "index", a, k, 1, 3)?;
    let mut start = match p.get(1) {
        Some(x) => crate::types::list_impl::slice_index_not_none(vm, x)?,
        None => 0,
    };
    let mut stop = match p.get(2) {
        Some(x) => crate::types::list_impl::slice_index_not_none(vm, x)?,
        None => i64::MAX,
    };
    let items = this(vm, a)?;
    let n = items.len() as i64;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    let stop = stop.min(n);
    for i in start.max(0)..stop {
        if ops::eq(vm, &items[i as usize], &p[0])? {
            return Ok(vm.int(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "tuple", "count", a, k)?;
    let mut c = 0;
    for item in this(vm, a)? {
        if ops::eq(vm, item, x)? {
            c += 1;
        }
    }
    Ok(vm.int(c))
}

fn tuple_getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "tuple", "__getnewargs__", a, k)?;
    Ok(vm.tuple([vm.tuple(this(vm, a)?.to_vec())]))
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types.tuple;
    crate::types::typeobj::add_method(vm, t, "index", tuple_index);
    crate::types::typeobj::add_method(vm, t, "count", tuple_count);
    crate::types::typeobj::add_method(vm, t, "__getnewargs__", tuple_getnewargs);
}
