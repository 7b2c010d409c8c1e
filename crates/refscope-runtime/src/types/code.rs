//! `code`: a compiled code object with its constants turned into objects.

use crate::object::PyRef;
use refscope_compiler::CodeObject;
use std::rc::Rc;

pub struct CodeData {
    pub code: Rc<CodeObject>,
    /// co_consts as objects (merged per compilation unit).
    pub consts: Vec<PyRef>,
    /// co_names as interned strs.
    pub names: Vec<PyRef>,
    /// Local variable names as interned strs (varnames, cellvars, freevars).
    pub localsplus_names: Vec<PyRef>,
}

pub fn get(obj: &PyRef) -> Option<&CodeData> {
    obj.payload::<CodeData>()
}
