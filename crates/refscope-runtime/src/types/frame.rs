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
    /// The function being run (None for module bodies, `exec` and `eval`).
    pub func: Option<PyRef>,
    /// The globals and builtins of a frame that runs no function. A
    /// function's frame reads its function's and holds no reference to
    /// them, as CPython 3.11's frames borrow theirs: a call does not change
    /// the namespace's count. (For a module body, `exec` and `eval`,
    /// CPython makes a function that holds them; these stand for it.)
    pub own_namespaces: Option<(PyRef, PyRef)>,
    /// The namespace of module and class bodies (`locals()` there).
    pub locals: Option<PyRef>,
    /// A function frame's `f_locals` dict, made by the first `locals()` or
    /// `frame.f_locals` and updated by each later one (CPython 3.11's
    /// `frame->f_locals`): the same dict every time, holding the values
    /// while the frame lives.
    pub locals_dict: RefSlot,
    /// Index of the instruction being executed.
    pub lasti: Cell<u32>,
    /// The line last reported (for tracing).
    pub lineno: Cell<u32>,
    /// The caller's frame, while this one runs.
    pub back: RefCell<Option<PyRef>>,
}

impl FrameData {
    /// The frame's globals.
    #[inline]
    pub fn globals(&self) -> &PyRef {
        match &self.own_namespaces {
            Some((g, _)) => g,
            None => &self.function().globals,
        }
    }
    /// The frame's builtins.
    #[inline]
    pub fn builtins(&self) -> &PyRef {
        match &self.own_namespaces {
            Some((_, b)) => b,
            None => &self.function().builtins,
        }
    }
    /// Whether the frame runs a function body (its code makes new locals:
    /// not a module or class body, `exec` or `eval`), as tracers tell.
    pub fn runs_function_body(&self) -> bool {
        crate::types::code::get(&self.code).is_some_and(|c| c.code.flags & refscope_compiler::bytecode::code_flags::NEWLOCALS != 0)
    }
    #[inline]
    fn function(&self) -> &crate::types::function::FunctionData {
        // A frame has its own namespaces or runs a function (`interp`
        // makes frames only so).
        self.func.as_ref().and_then(crate::types::function::get).expect("a frame without namespaces runs a function")
    }
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
