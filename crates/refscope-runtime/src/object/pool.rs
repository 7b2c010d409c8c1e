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
/// Bytes taken from the global allocator at a time (whole pools, aligned
/// to the pool size).
const CHUNK: usize = 256 * 1024;
/// Blocks are carved from pools of this size (pymalloc's pools), each
/// serving one size class at a time and aligned to its size, so that a
/// block's pool is its address rounded down.
const POOL_BYTES: usize = 16 * 1024;
/// Room for the pool header at the start of a pool (a multiple of GRAIN;
/// pymalloc's is 48 bytes too, so blocks of a class sit at the same
/// offsets in their pools as CPython's).
const POOL_HEADER: usize = 48;

/// A free block: its first word links to the next free block of its pool.
struct FreeBlock {
    next: *mut FreeBlock,
}

/// The start of every pool.
#[repr(C)]
struct PoolHeader {
    /// The thread's `Pool` that serves from this pool.
    owner: *const Pool,
    /// Free blocks of this pool, last freed first, while it is not its
    /// class's first pool (the first pool's are `Pool::free`).
    free: *mut FreeBlock,
    /// The next pool in the class's list of pools with free blocks (a
    /// list only ever changed at its head).
    next: *mut PoolHeader,
    class: usize,
    /// Never used blocks: from `bump` to the end of the pool.
    bump: *mut u8,
    /// No free block, no unused room: on no list.
    full: bool,
}

const _: () = assert!(std::mem::size_of::<PoolHeader>() <= POOL_HEADER);

/// One thread's size classes. As in pymalloc, a class allocates from the
/// first pool of its list of pools that have free blocks, until that pool
/// is full; a pool that a free makes non-full again goes first in its
/// list. (Unlike pymalloc, a pool whose blocks are all free stays with its
/// class, as the blocks of the pools before did.) The first pool's free
/// list is kept here, so that allocating is a pop from it and freeing a
/// block of that pool a push, as short as with one free list per class.
/// So new objects lie close together (the collector's passes over a
/// generation read memory in order, even after collections have freed
/// objects all over), and a block freed from the pool being allocated
/// from is the next one handed out (`id([]) == id([])`).
pub(super) struct Pool {
    /// Per class, the first pool with free blocks (it is allocated from),
    /// the head of the list of such pools.
    used: [*mut PoolHeader; CLASSES],
    /// Per class, the free blocks of the first pool.
    free: [*mut FreeBlock; CLASSES],
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
        Pool { used: [ptr::null_mut(); CLASSES], free: [ptr::null_mut(); CLASSES], bump: ptr::null_mut(), end: ptr::null_mut() }
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
        let b = self.free[c];
        if b.is_null() {
            return self.alloc_slow(c);
        }
        // SAFETY: a block on a free list is a live, unused block of this
        // class whose first word is its link.
        self.free[c] = unsafe { (*b).next };
        b.cast()
    }

    /// The first pool of class `c` has no free block: a block from its
    /// unused room; else it is full and leaves the list, and the next pool
    /// (or a new one) becomes the first.
    #[cold]
    fn alloc_slow(&mut self, c: usize) -> *mut u8 {
        let size = (c + 1) * GRAIN;
        loop {
            let ph = self.used[c];
            if ph.is_null() {
                let p = self.new_pool();
                if p.is_null() {
                    return p;
                }
                let ph = p.cast::<PoolHeader>();
                // SAFETY: `ph` is a whole pool, unused: its header is
                // written here, its blocks start after the header.
                unsafe {
                    ph.write(PoolHeader {
                        owner: self as *const Pool,
                        free: ptr::null_mut(),
                        next: ptr::null_mut(),
                        class: c,
                        bump: ph.cast::<u8>().add(POOL_HEADER),
                        full: false,
                    });
                }
                self.used[c] = ph;
                continue;
            }
            // SAFETY: the first pool of a class is a live pool of this Pool;
            // the pools on its list too.
            unsafe {
                if ph as usize + POOL_BYTES - (*ph).bump as usize >= size {
                    let b = (*ph).bump;
                    (*ph).bump = b.add(size);
                    return b;
                }
                // Full.
                (*ph).full = true;
                let next = (*ph).next;
                (*ph).next = ptr::null_mut();
                self.used[c] = next;
                if !next.is_null() {
                    self.free[c] = (*next).free;
                    (*next).free = ptr::null_mut();
                    if !self.free[c].is_null() {
                        let b = self.free[c];
                        self.free[c] = (*b).next;
                        return b.cast();
                    }
                }
            }
        }
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
        let ph = (p as usize & !(POOL_BYTES - 1)) as *mut PoolHeader;
        let b = p.cast::<FreeBlock>();
        if ph == self.used[c] {
            (*b).next = self.free[c];
            self.free[c] = b;
        } else {
            self.dealloc_other(ph, b, c);
        }
    }

    /// Free a block of a pool that is not its class's first.
    ///
    /// # Safety
    /// As `dealloc`; `ph` is the block's pool, `c` its class.
    #[cold]
    unsafe fn dealloc_other(&mut self, ph: *mut PoolHeader, b: *mut FreeBlock, c: usize) {
        if !std::ptr::eq((*ph).owner, self) {
            // Another thread's block (never the case for objects, which
            // stay on their thread): its pool is not ours to change, so the
            // block is not reused. The memory stays valid, as every chunk.
            return;
        }
        (*b).next = (*ph).free;
        (*ph).free = b;
        if (*ph).full {
            // Usable again: first in its class's list.
            (*ph).full = false;
            let head = self.used[c];
            if !head.is_null() {
                (*head).free = self.free[c];
            }
            (*ph).next = head;
            self.used[c] = ph;
            self.free[c] = (*ph).free;
            (*ph).free = ptr::null_mut();
        }
    }

    /// A fresh pool from the newest chunk (a new chunk when it is used up).
    fn new_pool(&mut self) -> *mut u8 {
        let size = POOL_BYTES;
        if (self.end as usize) - (self.bump as usize) < size {
            let layout = Layout::from_size_align(CHUNK, POOL_BYTES).expect("chunk layout");
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
