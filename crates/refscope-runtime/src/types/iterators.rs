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
    /// (Boxed: four big ints would make every iterator's state as big.)
    BigRange(Box<BigRangeState>),
    /// dict keys/values/items iterators.
    /// `result`: an items iterator's kept result tuple (CPython's
    /// `di_result`, reused while nothing else holds it).
    Dict { dict: Option<PyRef>, pos: usize, len_at_start: usize, seen: usize, result: Option<ResultTuple> },
    /// reversed() of a dict or its views: the dict walked live from its
    /// last entry (`which`: 0 keys, 1 values, 2 items).
    DictReverse { dict: Option<PyRef>, pos: isize, len_at_start: usize, remaining: usize, which: u8, result: Option<ResultTuple> },
    Set { set: Option<PyRef>, pos: usize, len_at_start: usize },
    Callable { func: Option<PyRef>, sentinel: PyRef },
    Enumerate { iter: PyRef, count: EnumCount, result: ResultTuple },
    /// `held`: CPython's tuple of the iterators.
    Zip { iters: Vec<PyRef>, strict: bool, held: HeldTransient, result: ResultTuple },
    /// `held`: CPython's tuple of the iterators.
    Map { iters: Vec<PyRef>, held: HeldTransient },
    Filter { iter: PyRef },
    Reversed { seq: Option<PyRef>, index: isize },
    Exhausted,
}

/// CPython's result tuple of enumerate and zip: made with the iterator
/// (holding Nones), handed out as a result, kept, and reused for the next
/// result while nothing else holds it (else a new tuple is made).
/// Refscope's tuples are immutable, so reusing it means freeing the kept
/// tuple and making the new one in its place (same block, same counts);
/// keeping it keeps its items alive as long as CPython's does.
pub enum ResultTuple {
    Kept(PyRef),
    /// Freed for reuse: the next result takes its place.
    Reusing,
}

/// An enumerate's next index: a machine integer while it fits (CPython's
/// `en_index`), else a big one.
pub enum EnumCount {
    Small(i64),
    Big(BigInt),
}

impl EnumCount {
    pub fn new(start: BigInt) -> EnumCount {
        match i64::try_from(&start) {
            Ok(i) => EnumCount::Small(i),
            Err(_) => EnumCount::Big(start),
        }
    }

    pub fn value(&self) -> BigInt {
        match self {
            EnumCount::Small(i) => BigInt::from(*i),
            EnumCount::Big(b) => b.clone(),
        }
    }

    /// The index as an int object; the count moves on.
    pub fn take(&mut self, vm: &Vm) -> PyRef {
        match self {
            EnumCount::Small(i) => {
                let v = vm.int(*i);
                match i.checked_add(1) {
                    Some(n) => *i = n,
                    None => *self = EnumCount::Big(BigInt::from(*i) + 1),
                }
                v
            }
            EnumCount::Big(b) => {
                let v = vm.bigint(b.clone());
                *b += 1;
                v
            }
        }
    }
}

impl ResultTuple {
    pub fn new(vm: &Vm, n: usize) -> ResultTuple {
        ResultTuple::Kept(vm.tuple(std::iter::repeat_n(&vm.none, n).cloned()))
    }

    /// Whether CPython would reuse its tuple now (nothing else holds it).
    pub fn reusable(&self) -> bool {
        matches!(self, ResultTuple::Kept(t) if t.refcount() == 1)
    }

    /// If reusable: the tuple refscope frees for the new result to take
    /// its place (drop it outside any borrow: an item's `__del__` may run).
    pub fn take_reusable(&mut self) -> Option<PyRef> {
        if !self.reusable() {
            return None;
        }
        match std::mem::replace(self, ResultTuple::Reusing) {
            ResultTuple::Kept(t) => Some(t),
            ResultTuple::Reusing => None,
        }
    }

    /// The result made in the reused tuple's place becomes the kept one.
    pub fn keep(&mut self, t: &PyRef) {
        if matches!(self, ResultTuple::Reusing) {
            *self = ResultTuple::Kept(t.clone());
        }
    }

    pub fn held(&self) -> Option<&PyRef> {
        match self {
            ResultTuple::Kept(t) => Some(t),
            ResultTuple::Reusing => None,
        }
    }
}

/// A range iterator beyond machine integers.
pub struct BigRangeState {
    pub next: BigInt,
    pub step: BigInt,
    pub remaining: BigInt,
    pub start: BigInt,
}

pub struct IteratorData {
    pub state: RefCell<IterState>,
    /// The function map and filter call. It lies outside the state so that
    /// it can be called as it is held, with no reference of its own for the
    /// call (the state is not borrowed while Python code runs). Like
    /// CPython's map and filter, which have no `tp_clear`, the iterator
    /// keeps it until it is freed.
    pub func: Option<PyRef>,
}

impl IteratorData {
    pub fn new(s: IterState) -> IteratorData {
        IteratorData { state: RefCell::new(s), func: None }
    }
}

pub fn get(obj: &PyRef) -> Option<&IteratorData> {
    obj.payload::<IteratorData>()
}

/// A map or filter iterator calling `func`.
pub fn new_with_func(ty: &PyRef, func: PyRef, s: IterState) -> PyRef {
    PyRef::new(ty, IteratorData { state: RefCell::new(s), func: Some(func) })
}

pub fn new(vm: &Vm, ty: &PyRef, s: IterState) -> PyRef {
    let _ = vm;
    if matches!(s, IterState::Range { .. } | IterState::BigRange(_)) {
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
// Every iterator object carries a state: keep the largest variant small
// (big values go in boxes).
const _: () = assert!(std::mem::size_of::<IterState>() <= 56);
