//! `function`: a code object bound to globals, defaults and a closure.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct FunctionData {
    pub code: RefCell<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
    pub defaults: RefCell<Option<PyRef>>,
    pub kwdefaults: RefCell<Option<PyRef>>,
    pub closure: Option<PyRef>,
    pub doc: RefCell<PyRef>,
    pub module: RefCell<PyRef>,
    pub annotations: RefCell<Option<PyRef>>,
    pub dict: RefCell<Option<PyRef>>,
}

pub fn get(obj: &PyRef) -> Option<&FunctionData> {
    obj.payload::<FunctionData>()
}
