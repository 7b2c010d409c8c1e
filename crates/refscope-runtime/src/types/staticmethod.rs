//! `staticmethod`: returns the wrapped callable unbound.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct StaticMethodData {
    pub func: RefCell<PyRef>,
    /// The instance `__dict__` (made when the constructor copies the
    /// callable's `__name__`, `__doc__`, ... as CPython 3.10+ does).
    pub dict: RefCell<Option<PyRef>>,
}

impl StaticMethodData {
    pub fn new(f: PyRef) -> StaticMethodData {
        StaticMethodData { func: RefCell::new(f), dict: RefCell::new(None) }
    }
    pub fn func(&self) -> PyRef {
        self.func.borrow().clone()
    }
}
