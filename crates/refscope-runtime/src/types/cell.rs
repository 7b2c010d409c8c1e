//! `cell`: the box a closure variable lives in, shared between the frame that
//! owns the variable and every function that captured it.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct CellData {
    pub value: RefCell<Option<PyRef>>,
}

impl CellData {
    pub fn new(v: Option<PyRef>) -> CellData {
        CellData { value: RefCell::new(v) }
    }
    pub fn get(&self) -> Option<PyRef> {
        self.value.borrow().clone()
    }
    /// Replace the content; the old value is dropped after the borrow ends.
    pub fn set(&self, v: Option<PyRef>) {
        crate::observe::touch(self as *const Self as usize);
        let old = std::mem::replace(&mut *self.value.borrow_mut(), v);
        drop(old);
    }
}

/// The cell payload of a cell object (a bug if it is not a cell).
pub fn get_cell(obj: &PyRef) -> &CellData {
    obj.payload_unchecked::<CellData>()
}
