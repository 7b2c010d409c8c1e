//! `bytearray`: a mutable byte string.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct ByteArrayData {
    pub b: RefCell<Vec<u8>>,
}

impl ByteArrayData {
    pub fn new(b: Vec<u8>) -> ByteArrayData {
        ByteArrayData { b: RefCell::new(b) }
    }
}

pub fn get(obj: &PyRef) -> Option<&ByteArrayData> {
    obj.payload::<ByteArrayData>()
}

pub fn repr(b: &[u8]) -> String {
    refscope_text::bytes_repr(b, "bytearray")
}
