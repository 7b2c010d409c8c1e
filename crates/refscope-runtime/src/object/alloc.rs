//! The process's allocator: mimalloc.
//!
//! Object blocks come from the object core's own size classes (`pool.rs`);
//! everything else (list and dict storage, strings, argument vectors, the
//! pool's chunks) from the global allocator. A running program allocates and
//! frees such buffers constantly, and glibc's malloc spent a fifth of the
//! time of the call benchmark; mimalloc, a maintained allocator made for
//! this pattern, is installed as the global allocator instead.
//!
//! Under Miri, and with the `system-alloc` feature (what valgrind checks
//! use, so that memcheck sees every allocation), the system allocator
//! stays.

#[cfg(not(any(miri, feature = "system-alloc")))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's option numbers (`mi_option_e` in mimalloc.h).
#[cfg(not(any(miri, feature = "system-alloc")))]
mod option {
    pub const ARENA_EAGER_COMMIT: i32 = 4;
    pub const PURGE_DELAY: i32 = 15;
}

/// Tune the allocator for peak memory close to CPython's. Call first thing
/// in `main`, before the interpreter allocates.
///
/// By default mimalloc commits arenas up front and keeps freed pages for
/// 10 ms; kept pages showed up as resident memory (peaks 12 to 20% higher
/// on the trees, generators and cyclic-garbage benchmarks). Committing on
/// demand and returning freed pages at once keeps the peak near what the
/// program uses. The price: programs that free many buffers at once (a
/// collection of dict-holding instances) spend some time in `madvise` and
/// page faults. (Transparent huge pages, the other source of resident
/// memory, are off at build time: libmimalloc-sys's `no_thp` feature.)
pub fn configure() {
    #[cfg(not(any(miri, feature = "system-alloc")))]
    // SAFETY: mi_option_set only stores an integer option; both numbers are
    // valid options of the mimalloc version built by libmimalloc-sys.
    unsafe {
        libmimalloc_sys::mi_option_set(option::ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(option::PURGE_DELAY, 0);
    }
}
