//! `property`: a data descriptor calling fget/fset/fdel.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct PropertyData {
    pub fget: RefCell<Option<PyRef>>,
    pub fset: RefCell<Option<PyRef>>,
    pub fdel: RefCell<Option<PyRef>>,
    pub doc: RefCell<Option<PyRef>>,
    pub name: RefCell<Option<PyRef>>,
}

pub fn get(obj: &PyRef) -> Option<&PropertyData> {
    obj.payload::<PropertyData>()
}
