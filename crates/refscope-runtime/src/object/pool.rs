//! The small-block allocator for object blocks: pymalloc's idea.
//!
//! Almost every object a program creates is a block of at most a few
//! hundred bytes, and most die young. CPython serves these from pymalloc:
//! size classes 16 bytes apart, each with a list of free blocks, carved
//! from big chunks. refscope does the same here, for two reasons:
//! - speed: allocating is popping a list head, freeing is pushing one;
//! - identity: a freed block is the very next one handed out in its size
//!   class (last in, first out), so `id([]) == id([])` is True as in
//!   CPython. General-purpose allocators do not promise this (mimalloc,
//!   the process's allocator, hands out a page's other free blocks first).
//!
//! Invariants:
//! - Chunks are never returned: a block's memory stays valid for the whole
//!   process, so a block freed on another thread than the one that
//!   allocated it only moves between the threads' lists. Peak memory is
//!   what counts here (CPython also keeps its arenas while any block in
//!   them lives).
//! - Every chunk stays recorded in `CHUNKS`, so leak checkers (valgrind,
//!   Miri) see the memory as reachable, not lost.
//! - Blocks bigger than `MAX_SMALL` or more aligned than `GRAIN` go to the
//!   global allocator directly.
//!
//! With the `system-alloc` feature, and under Miri, object blocks come from
//! the global allocator instead, so that valgrind and Miri see each
//! object's allocation and free (use-after-free of an object is then an
//! error they report, not a reused block). The pool itself is tested under
//! Miri directly (`tests.rs`).

use std::alloc::{self, Layout};
use std::cell::UnsafeCell;
use std::ptr;
use std::sync::Mutex;

/// Size classes are multiples of this (also the blocks' alignment).
const GRAIN: usize = 16;
/// The largest block served from size classes.
const MAX_SMALL: usize = 512;
const CLASSES: usize = MAX_SMALL / GRAIN;
/// Bytes taken from the global allocator at a time.
const CHUNK: usize = 256 * 1024;
/// Each size class carves its blocks from pools of this size taken from a
/// chunk (pymalloc's pools): blocks of one class lie next to each other,
/// not interleaved with other classes, so that walking many objects of one
/// kind (the collector's passes over a generation) reads memory in order.
const POOL_BYTES: usize = 16 * 1024;

/// A free block: its first word links to the next free block of its class.
struct FreeBlock {
    next: *mut FreeBlock,
}

/// One thread's size classes.
pub(super) struct Pool {
    free: [*mut FreeBlock; CLASSES],
    /// Per class, the unused rest of its newest pool.
    next: [*mut u8; CLASSES],
    limit: [*mut u8; CLASSES],
    /// The unused rest of the newest chunk (whole pools).
    bump: *mut u8,
    end: *mut u8,
}

/// A chunk's address, kept for the process's lifetime.
struct Chunk(#[allow(dead_code)] *mut u8);
// SAFETY: the pointer is only stored, never followed, through this list.
unsafe impl Send for Chunk {}

static CHUNKS: Mutex<Vec<Chunk>> = Mutex::new(Vec::new());

impl Pool {
    pub(super) const fn new() -> Pool {
        Pool { free: [ptr::null_mut(); CLASSES], next: [ptr::null_mut(); CLASSES], limit: [ptr::null_mut(); CLASSES], bump: ptr::null_mut(), end: ptr::null_mut() }
    }

    #[inline]
    fn class_of(layout: Layout) -> Option<usize> {
        if layout.size() <= MAX_SMALL && layout.align() <= GRAIN && layout.size() > 0 {
            Some((layout.size() - 1) / GRAIN)
        } else {
            None
        }
    }

    /// Allocate a block for `layout` (non-zero size). Returns null when
    /// memory is exhausted.
    #[inline]
    pub(super) fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let Some(c) = Self::class_of(layout) else {
            // SAFETY: callers pass layouts of non-zero size.
            return unsafe { alloc::alloc(layout) };
        };
        let head = self.free[c];
        if head.is_null() {
            return self.carve(c);
        }
        // SAFETY: a block on a free list is a live, unused block of this
        // class whose first word is its link.
        self.free[c] = unsafe { (*head).next };
        head.cast()
    }

    /// Give back a block that `alloc` returned for the same layout.
    ///
    /// # Safety
    /// `p` must come from `alloc` (of any thread's pool) with `layout`, and
    /// must not be used afterwards.
    #[inline]
    pub(super) unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        let Some(c) = Self::class_of(layout) else {
            alloc::dealloc(p, layout);
            return;
        };
        let b = p.cast::<FreeBlock>();
        // Blocks are at least GRAIN bytes and GRAIN-aligned: room for a link.
        (*b).next = self.free[c];
        self.free[c] = b;
    }

    #[cold]
    fn carve(&mut self, c: usize) -> *mut u8 {
        let size = (c + 1) * GRAIN;
        if (self.limit[c] as usize) - (self.next[c] as usize) < size {
            let pool = self.new_pool();
            if pool.is_null() {
                return pool;
            }
            self.next[c] = pool;
            // SAFETY: one past the end of the pool just taken.
            self.limit[c] = unsafe { pool.add(POOL_BYTES) };
        }
        let p = self.next[c];
        // SAFETY: `size` bytes remain in the class's pool (checked above).
        self.next[c] = unsafe { p.add(size) };
        p
    }

    /// A fresh pool from the newest chunk (a new chunk when it is used up).
    fn new_pool(&mut self) -> *mut u8 {
        let size = POOL_BYTES;
        if (self.end as usize) - (self.bump as usize) < size {
            let layout = Layout::from_size_align(CHUNK, GRAIN).expect("chunk layout");
            // SAFETY: CHUNK is non-zero.
            let chunk = unsafe { alloc::alloc(layout) };
            if chunk.is_null() {
                return chunk;
            }
            match CHUNKS.lock() {
                Ok(mut l) => l.push(Chunk(chunk)),
                Err(poisoned) => poisoned.into_inner().push(Chunk(chunk)),
            }
            self.bump = chunk;
            // SAFETY: one past the end of the chunk just allocated.
            self.end = unsafe { chunk.add(CHUNK) };
        }
        let p = self.bump;
        // SAFETY: `size` bytes remain in the chunk (checked above).
        self.bump = unsafe { p.add(size) };
        p
    }
}

/// Whether object blocks come from the pool (see the module comment).
const USE_POOL: bool = !cfg!(any(miri, feature = "system-alloc"));

thread_local! {
    static POOL: UnsafeCell<Pool> = const { UnsafeCell::new(Pool::new()) };
}

/// Allocate an object block (non-zero size); null when out of memory.
#[inline]
pub(super) fn alloc_block(layout: Layout) -> *mut u8 {
    if !USE_POOL {
        // SAFETY: layouts of object blocks have non-zero size.
        return unsafe { alloc::alloc(layout) };
    }
    // SAFETY: the pool is only reached through these two functions, which
    // do not re-enter each other; the reference does not outlive the call.
    unsafe { (*pool()).alloc(layout) }
}

/// This thread's pool. Only the address is taken inside `with`, so that
/// the access is a plain thread-local address computation and the pool's
/// fast paths inline into the allocation sites.
#[inline(always)]
fn pool() -> *mut Pool {
    POOL.with(|p| p.get())
}

/// Free an object block.
///
/// # Safety
/// As `Pool::dealloc`: `p` came from `alloc_block` with `layout`.
#[inline]
pub(super) unsafe fn free_block(p: *mut u8, layout: Layout) {
    if !USE_POOL {
        alloc::dealloc(p, layout);
        return;
    }
    (*pool()).dealloc(p, layout)
}
