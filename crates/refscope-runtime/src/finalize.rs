//! Finalizers run when an object's count reaches zero (see object/heap.rs):
//! `__del__` of instances of classes that define it, and `close()` of
//! generators freed while suspended (so their `finally` blocks run).
//! Exceptions raised by a finalizer cannot propagate; like CPython, they are
//! reported on stderr as "Exception ignored in: ..." and execution goes on.

use crate::object::{Kind, PyRef};
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::Vm;
use std::cell::Cell;

thread_local! {
    static RUNS_CODE: Cell<bool> = const { Cell::new(false) };
}

/// Something now exists that could run Python code when it is freed: a
/// class with `__del__`, a started generator (its `finally` blocks), a
/// weak reference with a callback.
#[inline]
pub fn note_code_at_death() {
    RUNS_CODE.set(true);
}

/// Whether `note_code_at_death` was ever called: if not, freeing objects
/// runs no Python code (the shutdown collection can be skipped, see
/// `Interpreter::finalize`).
pub fn code_at_death_possible() -> bool {
    RUNS_CODE.get()
}

pub fn needs_finalizer(r: &PyRef) -> bool {
    match r.kind() {
        Kind::Generator => {
            let g = generator::get(r).unwrap();
            g.started.get() && !g.finished.get()
        }
        // Instances of classes (exceptions keep their own dict, not an
        // extension).
        _ => (r.has_ext() || r.kind() == Kind::Exception) && typeobj::data(r.ty()).flag(tflags::HAS_DEL),
    }
}

pub fn run_finalizer(r: &PyRef) -> bool {
    let Some(vm) = Vm::try_current() else { return false };
    // A finalizer must not disturb the exception being handled.
    let saved = vm.handled.borrow().clone();
    let result = if r.kind() == Kind::Generator {
        crate::types::generator_impl::close(vm, r).map_err(|e| (e, crate::ops::repr_string(vm, r).unwrap_or_default()))
    } else {
        match typeobj::lookup_str(vm, r.ty(), "__del__") {
            Some(f) => crate::ops::call_unbound(vm, &f, r, &[]).map(|_| ()).map_err(|e| (e, crate::ops::repr_string(vm, &f).unwrap_or_default())),
            None => Ok(()),
        }
    };
    if let Err((e, what)) = result {
        crate::traceback_print::print_unraisable(vm, &e.0, &what);
    }
    let old = vm.handled.replace(saved);
    drop(old);
    true
}
