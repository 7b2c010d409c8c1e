//! `staticmethod`: returns the wrapped callable unbound.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct StaticMethodData {
    pub func: RefCell<PyRef>,
}

impl StaticMethodData {
    pub fn new(f: PyRef) -> StaticMethodData {
        StaticMethodData { func: RefCell::new(f) }
    }
    pub fn func(&self) -> PyRef {
        self.func.borrow().clone()
    }
}
