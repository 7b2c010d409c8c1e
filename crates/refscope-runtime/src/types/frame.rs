//! `frame`: an executing (or finished) function call's variables.
//!
//! The fast locals (plain locals, then cells, then free variables) live in
//! the frame object's own block (a `Tailed` payload: no second allocation
//! per call), so a traceback that references the frame keeps them
//! alive after the call ends, as in CPython. The value stack and the block
//! stack belong to the interpreter loop (`interp::ExecState`).

use crate::object::{PyRef, RefSlot, Tailed};
use std::cell::{Cell, RefCell};

pub struct FrameData {
    pub code: PyRef,
    /// The function being run (None for module and class bodies).
    pub func: Option<PyRef>,
    pub globals: PyRef,
    pub builtins: PyRef,
    /// The namespace of module and class bodies (`locals()` there).
    pub locals: Option<PyRef>,
    /// Index of the instruction being executed.
    pub lasti: Cell<u32>,
    /// The line last reported (for tracing).
    pub lineno: Cell<u32>,
    /// The caller's frame, while this one runs.
    pub back: RefCell<Option<PyRef>>,
}

/// A frame object's payload: `FrameData`, then the fast locals.
pub type FrameObj = Tailed<FrameData, RefSlot>;

impl FrameObj {
    /// The fast locals.
    #[inline]
    pub fn fast(&self) -> &[RefSlot] {
        self.items()
    }
    #[inline]
    pub fn get_fast(&self, i: usize) -> Option<PyRef> {
        self.items()[i].get()
    }
    /// Store into a local; returns the previous value for the caller to drop.
    #[inline]
    pub fn set_fast(&self, i: usize, v: Option<PyRef>) -> Option<PyRef> {
        self.items()[i].replace(v)
    }
    pub fn is_bound(&self, i: usize) -> bool {
        self.items()[i].is_some()
    }
    /// Release every local (when a generator is closed, or a frame cleared).
    pub fn clear_locals(&self) {
        let mut old = Vec::with_capacity(self.items().len());
        for c in self.items().iter() {
            old.push(c.take());
        }
        drop(old);
    }
}

pub fn get(obj: &PyRef) -> Option<&FrameObj> {
    obj.payload::<FrameObj>()
}
