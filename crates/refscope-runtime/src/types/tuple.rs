//! `tuple`: an immutable array of references. The empty tuple is a cached
//! singleton (`Vm::empty_tuple`).

use crate::object::PyRef;

pub struct TupleData {
    items: Box<[PyRef]>,
}

impl TupleData {
    pub fn new(items: Vec<PyRef>) -> TupleData {
        TupleData { items: items.into_boxed_slice() }
    }
    #[inline]
    pub fn items(&self) -> &[PyRef] {
        &self.items
    }
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

impl Drop for TupleData {
    /// CPython releases a tuple's items from the last to the first.
    fn drop(&mut self) {
        let mut v = std::mem::take(&mut self.items).into_vec();
        while let Some(x) = v.pop() {
            drop(x);
        }
    }
}
