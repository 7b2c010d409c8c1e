//! Ctrl-C: the command line's SIGINT handler sets a flag; the interpreter
//! checks it where a running program can loop forever (backward jumps and
//! calls) and raises KeyboardInterrupt there, as CPython's eval breaker
//! does.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Called from the signal handler's thread: ask the interpreter to raise
/// KeyboardInterrupt at its next check.
pub fn request() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Forget an interruption that arrived while no Python code ran.
pub fn clear() {
    INTERRUPTED.store(false, Ordering::SeqCst);
}

/// Whether an interruption is waiting; consumes it.
#[inline]
pub fn take() -> bool {
    INTERRUPTED.load(Ordering::Relaxed) && INTERRUPTED.swap(false, Ordering::SeqCst)
}

/// Whether an interruption is waiting (without consuming it).
pub fn requested() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}
