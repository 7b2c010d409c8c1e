//! The builtin iterator types (list_iterator, range_iterator, enumerate,
//! zip, map, filter, reversed, ...). One payload with a state per kind; the
//! type pointer says which Python type it is.
//!
//! As in CPython, a sequence iterator drops its reference to the sequence
//! once exhausted, which `sys.getrefcount` can observe.

use crate::object::gc::HeldTransient;
use crate::object::PyRef;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use std::cell::RefCell;

pub enum IterState {
    /// list, tuple, str, bytes, bytearray iterators and the __getitem__
    /// protocol: the sequence and the next index.
    Seq { seq: Option<PyRef>, index: usize },
    ListReverse { seq: Option<PyRef>, index: isize },
    /// `start` is the first value (for `__reduce__`: CPython's range
    /// iterator keeps its start and an index).
    Range { next: i64, step: i64, remaining: u64, start: i64 },
    BigRange { next: BigInt, step: BigInt, remaining: BigInt, start: BigInt },
    /// dict keys/values/items iterators.
    Dict { dict: Option<PyRef>, pos: usize, len_at_start: usize, seen: usize },
    Set { set: Option<PyRef>, pos: usize, len_at_start: usize },
    Callable { func: Option<PyRef>, sentinel: PyRef },
    /// `result`: CPython's result tuple, made with the iterator.
    Enumerate { iter: PyRef, count: BigInt, result: HeldTransient },
    /// `held`: CPython's tuple of the iterators and its result tuple.
    Zip { iters: Vec<PyRef>, strict: bool, held: HeldTransient, result: HeldTransient },
    /// `held`: CPython's tuple of the iterators.
    Map { func: PyRef, iters: Vec<PyRef>, held: HeldTransient },
    Filter { func: PyRef, iter: PyRef },
    Reversed { seq: Option<PyRef>, index: isize },
    Exhausted,
}

pub struct IteratorData {
    pub state: RefCell<IterState>,
}

impl IteratorData {
    pub fn new(s: IterState) -> IteratorData {
        IteratorData { state: RefCell::new(s) }
    }
}

pub fn get(obj: &PyRef) -> Option<&IteratorData> {
    obj.payload::<IteratorData>()
}

pub fn new(vm: &Vm, ty: &PyRef, s: IterState) -> PyRef {
    let _ = vm;
    if matches!(s, IterState::Range { .. } | IterState::BigRange { .. }) {
        // range iterators hold only numbers: CPython's are not GC objects.
        PyRef::new_atomic(ty, IteratorData::new(s))
    } else {
        PyRef::new(ty, IteratorData::new(s))
    }
}

/// Replace the state, dropping the old one after the borrow ends.
pub fn set_state(d: &IteratorData, s: IterState) {
    let old = std::mem::replace(&mut *d.state.borrow_mut(), s);
    drop(old);
}

pub fn exhausted(vm: &Vm) -> PyResult<Option<PyRef>> {
    let _ = vm;
    Ok(None)
}
