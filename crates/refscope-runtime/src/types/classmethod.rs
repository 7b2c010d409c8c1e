//! `classmethod`: binds the wrapped callable to the class.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct ClassMethodData {
    pub func: RefCell<PyRef>,
}

impl ClassMethodData {
    pub fn new(f: PyRef) -> ClassMethodData {
        ClassMethodData { func: RefCell::new(f) }
    }
    pub fn func(&self) -> PyRef {
        self.func.borrow().clone()
    }
}
