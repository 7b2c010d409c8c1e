//! `generator`: a suspended frame plus its saved value and block stacks.
//! Freeing an unfinished generator closes it (its `finally` blocks run),
//! which `finalize` arranges.

use crate::interp::ExecState;
use crate::object::PyRef;
use std::cell::{Cell, RefCell};

pub struct GeneratorData {
    pub frame: PyRef,
    pub state: RefCell<Option<ExecState>>,
    pub running: Cell<bool>,
    pub started: Cell<bool>,
    pub finished: Cell<bool>,
    pub name: RefCell<PyRef>,
    pub qualname: RefCell<PyRef>,
    /// The sub-iterator of an active `yield from`.
    pub yieldfrom: RefCell<Option<PyRef>>,
    /// The exception its frame handles, kept while it is suspended in an
    /// except block (CPython's `gi_exc_state`).
    pub exc_state: RefCell<Option<PyRef>>,
}

pub fn get(obj: &PyRef) -> Option<&GeneratorData> {
    obj.payload::<GeneratorData>()
}
