//! `traceback`: one entry of an exception's traceback: the frame (which
//! keeps its locals alive), the instruction and line, and the next entry.

use crate::object::PyRef;

pub struct TracebackData {
    pub next: Option<PyRef>,
    pub frame: PyRef,
    pub lasti: u32,
    pub lineno: u32,
}

pub fn get(obj: &PyRef) -> Option<&TracebackData> {
    obj.payload::<TracebackData>()
}
