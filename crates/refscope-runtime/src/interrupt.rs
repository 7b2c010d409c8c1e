//! Ctrl-C: the command line's SIGINT handler sets a flag; the interpreter
//! checks it where a running program can loop forever (backward jumps and
//! calls) and raises KeyboardInterrupt there, as CPython's eval breaker
//! does.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock};

static INTERRUPTED: LazyLock<Arc<AtomicBool>> = LazyLock::new(|| Arc::new(AtomicBool::new(false)));

/// The flag itself, for a signal handler to set (the command line's
/// SIGINT handler, registered with `signal_hook::flag`).
pub fn flag() -> Arc<AtomicBool> {
    INTERRUPTED.clone()
}

/// Forget an interruption that arrived while no Python code ran.
pub fn clear() {
    INTERRUPTED.store(false, Ordering::SeqCst);
}

/// Whether an interruption is waiting; consumes it.
#[inline]
pub fn take() -> bool {
    let f: &AtomicBool = &INTERRUPTED;
    f.load(Ordering::Relaxed) && f.swap(false, Ordering::SeqCst)
}
