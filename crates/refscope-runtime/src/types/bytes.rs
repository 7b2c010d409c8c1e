//! `bytes`: an immutable byte string with a cached hash.

use crate::object::PyRef;
use crate::vm::Vm;
use std::cell::Cell;

pub struct BytesData {
    b: Box<[u8]>,
    hash: Cell<i64>,
}

impl BytesData {
    pub fn new(b: Vec<u8>) -> BytesData {
        BytesData { b: b.into_boxed_slice(), hash: Cell::new(-1) }
    }
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.b
    }
    pub fn hash(&self, vm: &Vm) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = refscope_text::hash_bytes(&self.b, &vm.hash_key);
        self.hash.set(h);
        h
    }
}

pub fn get(obj: &PyRef) -> Option<&[u8]> {
    obj.payload::<BytesData>().map(|b| b.as_bytes())
}

pub fn repr(b: &[u8]) -> String {
    refscope_text::bytes_repr(b, "")
}
