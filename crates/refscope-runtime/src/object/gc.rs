//! The cycle collector's core: CPython 3.11's generational algorithm.
//!
//! Reference counting frees everything but cycles. Every container (a block
//! allocated with a collector head, see `kinds::gc_mode`) can be *tracked*:
//! linked into one of three generation lists (plus the permanent generation
//! of `gc.freeze`). A collection of generation `g`:
//!
//! 1. merges the younger generations into `g` (CPython's order: each younger
//!    list appended at the tail);
//! 2. copies each object's reference count into its head (`update_refs`),
//!    then subtracts every reference that an object of the generation holds
//!    to another one (`subtract_refs`): what stays above zero is referenced
//!    from outside the generation;
//! 3. scans the list (`move_unreachable`): objects with a count left are
//!    reachable and so is everything they reach; the rest move, in the order
//!    found, to the *unreachable* list;
//! 4. untracks tuples that hold only atomic or untracked items, moves the
//!    survivors to the next generation (full collections also untrack dicts
//!    of atomic keys and values);
//! 5. hands the unreachable objects to the runtime (`Collector`): their weak
//!    references are cleared and callbacks called, then finalizers run (once
//!    per object, PEP 442); a second pass finds what the finalizers
//!    resurrected (moved to the older generation; the pass is skipped when
//!    no callback or finalizer ran, as it would find every object
//!    unreachable again, in the same order); the rest is cleared
//!    (`Trace::clear` of each object, in order), which breaks the cycles so
//!    that reference counting frees them.
//!
//! The lists are intrusive and doubly linked, so tracking, untracking and
//! unlinking a freed object are O(1), and an object freed while a collection
//! runs (a finalizer dropping the last reference) simply leaves whatever
//! list it is in. The collection's temporary lists have their sentinels on
//! the Rust stack; objects are only linked into them while the collection
//! runs.
//!
//! Allocation counting: every allocation of a counted container adds one to
//! generation 0's count and its free subtracts one (never below zero); when
//! the count exceeds the threshold (700), `PENDING` is set and the
//! interpreter collects at its next instruction boundary (`collect_pending`
//! is the runtime's; this module only raises the flag). Running collections
//! at instruction boundaries rather than inside an allocation means no Rust
//! code is in the middle of changing a container when finalizers run.

use std::cell::Cell;
use std::ptr;
use std::sync::atomic::Ordering;

use super::core::PyRef;
use super::kinds::{clear_payload, trace_payload, trace_payload_hot, Kind};

/// The collector's word pair in front of a container's header (16 bytes,
/// as CPython's, so that objects stay 16-byte aligned). `prev` carries the
/// flags in its low bits (heads are 8-byte aligned); during a collection,
/// from `update_refs` until `move_unreachable` has walked past it, an
/// object of the generation being collected keeps its count copy there
/// instead of the pointer (count << 2 | flags), as CPython does: the list
/// is then walked through `next` alone and `move_unreachable` puts the
/// pointers back.
#[repr(C)]
pub struct GcHead {
    next: Cell<*mut GcHead>,
    prev: Cell<*mut GcHead>,
}

/// In the generation being collected (and not yet scanned as reachable).
const COLLECTING: usize = 1;
/// In the tentatively unreachable list of `move_unreachable`.
const UNREACHABLE: usize = 2;
const FLAG_BITS: usize = 3;

impl GcHead {
    pub(super) const fn new() -> GcHead {
        GcHead { next: Cell::new(ptr::null_mut()), prev: Cell::new(ptr::null_mut()) }
    }
    fn flags(&self) -> usize {
        self.prev.get().addr() & FLAG_BITS
    }
    /// The previous head (valid outside a collection's count window).
    fn prev_ptr(&self) -> *mut GcHead {
        self.prev.get().map_addr(|a| a & !FLAG_BITS)
    }
    fn set_prev_ptr(&self, p: *mut GcHead) {
        let f = self.flags();
        self.prev.set(p.map_addr(|a| a | f));
    }
    fn refs(&self) -> isize {
        (self.prev.get().addr() >> 2) as isize
    }
    fn set_refs(&self, n: isize) {
        let f = self.flags();
        self.prev.set(ptr::without_provenance_mut(((n as usize) << 2) | f));
    }
    fn has(&self, f: usize) -> bool {
        self.flags() & f != 0
    }
    fn set(&self, f: usize) {
        self.prev.set(self.prev.get().map_addr(|a| a | f));
    }
    fn unset(&self, f: usize) {
        self.prev.set(self.prev.get().map_addr(|a| a & !f));
    }
}

/// A collector head, by raw pointer. For a block's head the pointer has the
/// provenance of the whole block (see `PyRef::gc_head`), which is what lets
/// `PyRef::from_gc_head` step from the head to the header; the lists store
/// these pointers, never ones made from references. Field access goes
/// through a transient shared reference (`Deref`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Node(*mut GcHead);

impl Node {
    /// A sentinel (list head) that is not part of a block.
    fn of(h: &GcHead) -> Node {
        Node(h as *const GcHead as *mut GcHead)
    }
    pub(super) fn from_raw(p: *mut GcHead) -> Node {
        Node(p)
    }
    fn ptr(&self) -> *mut GcHead {
        self.0
    }
}

impl std::ops::Deref for Node {
    type Target = GcHead;
    fn deref(&self) -> &GcHead {
        // SAFETY: a Node is a sentinel or the head of a live block (see the
        // list invariants below).
        unsafe { &*self.0 }
    }
}

pub const NUM_GENERATIONS: usize = 3;

struct GcState {
    gens: [GcHead; NUM_GENERATIONS],
    permanent: GcHead,
    count: [Cell<isize>; NUM_GENERATIONS],
    threshold: [Cell<isize>; NUM_GENERATIONS],
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    long_lived_total: Cell<isize>,
    long_lived_pending: Cell<isize>,
    /// Objects CPython's start-up leaves tracked that refscope does not
    /// have (its standard library and builtins are mostly not objects
    /// here): counted in `long_lived_total`, so that full collections are
    /// as rare as CPython's.
    startup_extra: Cell<isize>,
    /// Containers tracked after an automatic collection became due and
    /// before it ran. CPython 3.11 collects inside the allocation that
    /// passes the threshold, before that object is tracked; here the
    /// collection waits for the next instruction boundary, so what is
    /// allocated meanwhile waits here and joins generation 0 afterwards.
    nursery: GcHead,
    /// Generation 0's count when the collection became due.
    trigger_count: Cell<isize>,
    /// Allocations between the trigger and the collection, counted once
    /// the collection is over (`finish_automatic`).
    since_trigger: Cell<isize>,
}

thread_local! {
    // No destructor: the sentinels stay valid for as long as the thread runs.
    static GC: GcState = const {
        GcState {
            gens: [GcHead::new(), GcHead::new(), GcHead::new()],
            permanent: GcHead::new(),
            count: [Cell::new(0), Cell::new(0), Cell::new(0)],
            threshold: [Cell::new(700), Cell::new(10), Cell::new(10)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            startup_extra: Cell::new(0),
            nursery: GcHead::new(),
            trigger_count: Cell::new(0),
            since_trigger: Cell::new(0),
        }
    };
}

thread_local! {
    /// Bit `GC_PENDING`: generation 0's count passed its threshold, and the
    /// interpreter should call the runtime's automatic collection at its
    /// next safe point. Bit `OBSERVED`: an observer is attached. The
    /// interpreter loop checks the whole byte once per instruction
    /// (`attention`).
    static PENDING_FLAG: Cell<u8> = const { Cell::new(0) };
}

const GC_PENDING: u8 = 1;
const OBSERVED: u8 = 2;

/// The pending flag, as `store`/`load` like an atomic for readability.
struct Pending;
impl Pending {
    #[inline]
    fn load(&self, _o: Ordering) -> bool {
        PENDING_FLAG.with(|p| p.get() & GC_PENDING != 0)
    }
    #[inline]
    fn store(&self, v: bool, _o: Ordering) {
        PENDING_FLAG.with(|p| p.set(if v { p.get() | GC_PENDING } else { p.get() & !GC_PENDING }))
    }
}
static PENDING: Pending = Pending;

/// Whether an automatic collection is due (cheap: one thread-local load).
#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed)
}

/// Whether the interpreter loop has anything to do between instructions:
/// an automatic collection is due or an observer is attached (one
/// thread-local load for both).
#[inline(always)]
pub fn attention() -> bool {
    PENDING_FLAG.with(|p| p.get() != 0)
}

/// Whether an observer is attached.
pub fn is_observed() -> bool {
    PENDING_FLAG.with(|p| p.get() & OBSERVED != 0)
}

/// An observer was attached or detached (see `attention`).
pub fn set_observed(on: bool) {
    PENDING_FLAG.with(|p| p.set(if on { p.get() | OBSERVED } else { p.get() & !OBSERVED }))
}

/// The automatic collection will not run after all: what waited for it
/// joins generation 0.
pub fn clear_pending() {
    PENDING.store(false, Ordering::Relaxed);
    with(|s| merge(Node::of(&s.nursery), Node::of(&s.gens[0])));
}

fn with<R>(f: impl FnOnce(&GcState) -> R) -> R {
    GC.with(|g| {
        // The list heads are made circular on first use (a thread-local
        // cannot start out pointing at itself); all at once, so that one
        // check says whether it was done.
        if g.nursery.next.get().is_null() {
            for h in g.gens.iter().chain([&g.permanent, &g.nursery]) {
                init_list(Node::of(h));
            }
        }
        f(g)
    })
}

// ---- list primitives -------------------------------------------------------
//
// Every pointer in a list is either a sentinel (a `GcHead` of the thread's
// `GcState` or on the stack of a running collection) or the head of a live
// tracked block: blocks unlink themselves before they are freed or deferred
// (`unlink_if_tracked`, called by the core). So dereferencing the pointers
// of a list is sound while the list's sentinel lives.

fn head_of(r: &PyRef) -> Option<Node> {
    r.gc_head().map(Node)
}

fn init_list(h: Node) {
    h.next.set(h.ptr());
    h.set_prev_ptr(h.ptr());
}

/// # Safety (all `node`)
/// The pointer is a sentinel or the head of a live tracked block.
unsafe fn node(p: *mut GcHead) -> Node {
    Node(p)
}

fn is_empty(list: Node) -> bool {
    list.next.get() == list.ptr()
}

fn append(list: Node, g: Node) {
    // SAFETY: list pointers are valid (see above).
    let last = unsafe { node(list.prev_ptr()) };
    g.set_prev_ptr(last.ptr());
    g.next.set(list.ptr());
    last.next.set(g.ptr());
    list.set_prev_ptr(g.ptr());
}

fn unlink(g: Node) {
    // SAFETY: a linked head's neighbours are valid.
    let (p, n) = unsafe { (node(g.prev_ptr()), node(g.next.get())) };
    p.next.set(n.ptr());
    n.set_prev_ptr(p.ptr());
    g.next.set(ptr::null_mut());
    g.set_prev_ptr(ptr::null_mut());
}

fn move_to(g: Node, list: Node) {
    unlink(g);
    append(list, g);
}

/// Append all of `from` at the tail of `to`; `from` becomes empty.
fn merge(from: Node, to: Node) {
    if is_empty(from) {
        return;
    }
    // SAFETY: list pointers are valid.
    unsafe {
        let first = node(from.next.get());
        let last = node(from.prev_ptr());
        let tail = node(to.prev_ptr());
        tail.next.set(first.ptr());
        first.set_prev_ptr(tail.ptr());
        last.next.set(to.ptr());
        to.set_prev_ptr(last.ptr());
    }
    init_list(from);
}

fn size(list: Node) -> usize {
    let mut n = 0;
    let mut p = list.next.get();
    while p != list.ptr() {
        n += 1;
        // SAFETY: list pointers are valid.
        p = unsafe { node(p) }.next.get();
    }
    n
}

/// The objects of a list, as new references (in list order).
fn snapshot(list: Node) -> Vec<PyRef> {
    let mut out = Vec::new();
    let mut p = list.next.get();
    while p != list.ptr() {
        // SAFETY: list pointers are valid; the view is cloned at once.
        let o = unsafe { PyRef::from_gc_head(p) };
        out.push(o.new_ref());
        p = unsafe { node(p) }.next.get();
    }
    out
}

// ---- tracking ---------------------------------------------------------------

/// Start tracking a container (no-op for atomic or already tracked objects
/// and for immortal ones).
pub fn track(r: &PyRef) {
    if let Some(g) = head_of(r) {
        if g.next.get().is_null() && r.flags() & super::core::flags::IMMORTAL == 0 {
            with(|s| append(if pending() { Node::of(&s.nursery) } else { Node::of(&s.gens[0]) }, g));
        }
    }
}

pub fn untrack(r: &PyRef) {
    if let Some(g) = head_of(r) {
        unlink_if_tracked(g);
    }
}

pub fn is_tracked(r: &PyRef) -> bool {
    head_of(r).is_some_and(|g| !g.next.get().is_null())
}

/// CPython's `_PyObject_GC_MAY_BE_TRACKED`: a container that is not a
/// tuple, or a tracked tuple.
pub fn may_be_tracked(r: &PyRef) -> bool {
    r.is_gc() && (r.kind() != Kind::Tuple || r.has_ext() || is_tracked(r))
}

/// Whether `materialize_frame` made `f` an object Python code has seen (a
/// frame object CPython would have made).
pub fn is_materialized(f: &PyRef) -> bool {
    f.is_gc_counted()
}

/// A frame becomes an object Python code can hold (a traceback entry,
/// `sys._getframe()`, `f_back`, `gi_frame`): CPython allocates its frame
/// object then, so it counts as allocated from now on, and is tracked.
pub fn materialize_frame(f: &PyRef) {
    f.set_gc_counted();
    track(f);
}

/// A managed instance dict (`flags::MANAGED_DICT`) is exposed to Python
/// code: from now on it is a dict object of its own, counted, and tracked
/// if it holds containers (CPython materializes the dict then).
pub fn materialize_dict(d: &PyRef) {
    if d.flags() & super::core::flags::MANAGED_DICT == 0 {
        return;
    }
    d.clear_flag(super::core::flags::MANAGED_DICT);
    d.set_gc_counted();
    let mut needs = false;
    trace_payload(d, &mut |x| needs |= may_be_tracked(x));
    if needs {
        track(d);
    }
}

/// Whether the head is on a collector list.
#[inline]
pub(super) fn is_linked(g: &GcHead) -> bool {
    !g.next.get().is_null()
}

pub(super) fn unlink_if_tracked(g: Node) {
    if !g.next.get().is_null() {
        unlink(g);
        g.prev.set(ptr::null_mut());
    }
}

/// CPython 3.11's free lists of GC objects, as far as the allocation count
/// sees them: an object allocated from a non-empty free list is not
/// counted, and an object freed onto a free list with room is not
/// uncounted. Memory is not actually reused from them (only their
/// occupancy is followed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FreeList {
    List,
    Dict,
    /// Tuples of this length (1..20); 0 is the empty-tuple singleton,
    /// which is never allocated or freed.
    Tuple(usize),
    /// CPython's one-slot slice cache: not emptied by full collections.
    Slice,
}

const LIST_FREE_MAX: usize = 80;
const DICT_FREE_MAX: usize = 80;
const TUPLE_FREE_MAX: usize = 2000;
const TUPLE_SAVE_SIZE: usize = 20;
const SLICE_SLOT: usize = 2 + TUPLE_SAVE_SIZE;
const FREE_SLOTS: usize = SLICE_SLOT + 1;

thread_local! {
    static FREE: [Cell<usize>; FREE_SLOTS] = const { [const { Cell::new(0) }; FREE_SLOTS] };
}

fn free_slot(f: FreeList) -> Option<(usize, usize)> {
    match f {
        FreeList::List => Some((0, LIST_FREE_MAX)),
        FreeList::Dict => Some((1, DICT_FREE_MAX)),
        FreeList::Tuple(n) if n >= 1 && n < TUPLE_SAVE_SIZE => Some((2 + n, TUPLE_FREE_MAX)),
        FreeList::Tuple(_) => None,
        FreeList::Slice => Some((SLICE_SLOT, 1)),
    }
}

/// An allocation of this class: true when it came from the free list (or
/// is the empty tuple, which CPython never allocates).
pub(super) fn take_from_free_list(f: FreeList) -> Option<()> {
    if f == FreeList::Tuple(0) {
        return Some(());
    }
    let (i, _) = free_slot(f)?;
    FREE.with(|c| {
        let v = c[i].get();
        if v > 0 {
            c[i].set(v - 1);
            Some(())
        } else {
            None
        }
    })
}

/// A free of this class: true when the object went on the free list.
pub(super) fn put_on_free_list(f: FreeList) -> bool {
    if f == FreeList::Tuple(0) {
        return true;
    }
    let Some((i, max)) = free_slot(f) else { return false };
    FREE.with(|c| {
        let v = c[i].get();
        if v < max {
            c[i].set(v + 1);
            true
        } else {
            false
        }
    })
}

/// A container CPython 3.11 allocates and frees around an operation where
/// refscope needs no object (the argument tuple `_PyObject_MakeTpCall`
/// builds to call a type without vectorcall, a dict copy made only to be
/// iterated): its effect on the allocation count and on the free lists,
/// which shows after a full collection has emptied them.
#[derive(Clone, Copy, Debug)]
pub struct Transient(FreeList);

impl Transient {
    pub fn tuple(n: usize) -> Transient {
        let t = Transient(FreeList::Tuple(n));
        if n > 0 && take_from_free_list(t.0).is_none() {
            note_gc_alloc();
        }
        t
    }
    pub fn list() -> Transient {
        let t = Transient(FreeList::List);
        if take_from_free_list(t.0).is_none() {
            note_gc_alloc();
        }
        t
    }
    pub fn dict() -> Transient {
        let t = Transient(FreeList::Dict);
        if take_from_free_list(t.0).is_none() {
            note_gc_alloc();
        }
        t
    }
    /// Freed when the returned guard is dropped.
    pub fn on_drop(self) -> HeldTransient {
        HeldTransient(Cell::new(Some(self)))
    }
    pub fn free(self) {
        if self.0 == FreeList::Tuple(0) {
            return;
        }
        if !put_on_free_list(self.0) {
            note_gc_free();
        }
    }
}

thread_local! {
    static UNCOUNTED: Cell<u32> = const { Cell::new(0) };
    static STAR_ARGS: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Run a call `f(*args, **kwargs)` of a callable CPython calls with a
/// tuple (a native function, a type, an instance with `__call__`), made
/// at Python frame depth `depth`: CPython hands it the tuple (and dict)
/// the call built, so the first argument tuple (and dict) the callee
/// would make at that depth is not made (`star_args_given`).
pub fn with_star_args<R>(depth: usize, f: impl FnOnce() -> R) -> R {
    let prev = STAR_ARGS.with(|s| s.replace(Some(depth)));
    let r = f();
    STAR_ARGS.with(|s| s.set(prev));
    r
}

/// Whether the argument tuple about to be made, at Python frame depth
/// `depth`, is the one a `f(*args, **kwargs)` call already built (asked
/// once per call; Python code the callee runs is deeper and never sees it).
pub fn star_args_given(depth: usize) -> bool {
    STAR_ARGS.with(|s| {
        if s.get() == Some(depth) {
            s.set(None);
            true
        } else {
            false
        }
    })
}

/// Run `f` with the containers it allocates left out of the allocation
/// count and the free lists, at allocation and at freeing: objects
/// refscope needs where CPython makes none (the AttributeError of a
/// lookup that CPython only flags, never instantiates).
pub fn uncounted<R>(f: impl FnOnce() -> R) -> R {
    UNCOUNTED.with(|c| c.set(c.get() + 1));
    let r = f();
    UNCOUNTED.with(|c| c.set(c.get() - 1));
    r
}

pub(super) fn counting() -> bool {
    UNCOUNTED.with(|c| c.get() == 0)
}

/// A container CPython keeps inside another object for its whole life
/// where refscope needs none (map's tuple of iterators, zip's): counted
/// when made, freed when this is dropped (with the object holding it).
pub struct HeldTransient(Cell<Option<Transient>>);

impl HeldTransient {
    pub fn tuple(n: usize) -> HeldTransient {
        HeldTransient(Cell::new(Some(Transient::tuple(n))))
    }
    pub fn release(&self) {
        if let Some(t) = self.0.take() {
            t.free();
        }
    }
}

impl Drop for HeldTransient {
    fn drop(&mut self) {
        self.release();
    }
}

/// CPython 3.11 has `cpython_tracked` objects tracked after its start-up
/// (what a full collection right then keeps): the difference from what
/// refscope has tracked now counts towards the long-lived total of every
/// full collection.
pub fn set_startup_tracked(cpython_tracked: isize, refscope_tracked: usize) {
    GC.with(|s| {
        s.startup_extra.set((cpython_tracked - refscope_tracked as isize).max(0));
        // (the start-up's own collection is no full collection of the
        // program's)
        s.long_lived_total.set(0);
        s.long_lived_pending.set(0);
    });
}

/// Set the allocation counts and free-list occupancy that CPython 3.11
/// has when a program starts (after its own start-up), so that automatic
/// collections happen at the same points of a program.
pub fn set_start_state(counts: [isize; NUM_GENERATIONS], lists: usize, dicts: usize, tuples: &[usize]) {
    GC.with(|s| {
        for (c, v) in s.count.iter().zip(counts) {
            c.set(v);
        }
    });
    FREE.with(|c| {
        let mut v = [0; FREE_SLOTS];
        v[0] = lists.min(LIST_FREE_MAX);
        v[1] = dicts.min(DICT_FREE_MAX);
        for (n, &k) in tuples.iter().enumerate().take(TUPLE_SAVE_SIZE) {
            v[2 + n] = k.min(TUPLE_FREE_MAX);
        }
        // CPython's start-up leaves a slice in its cache.
        v[SLICE_SLOT] = 1;
        for (x, n) in c.iter().zip(v) {
            x.set(n);
        }
    });
    PENDING.store(false, Ordering::Relaxed);
}

pub(super) fn note_gc_alloc() {
    GC.with(|s| {
        let c = s.count[0].get() + 1;
        s.count[0].set(c);
        let t = s.threshold[0].get();
        if c > t && t != 0 && s.enabled.get() && !s.collecting.get() && !pending() {
            PENDING.store(true, Ordering::Relaxed);
            s.trigger_count.set(c);
        }
    })
}

pub(super) fn note_gc_free() {
    GC.with(|s| {
        let c = s.count[0].get();
        if c > 0 {
            s.count[0].set(c - 1);
        }
    })
}

// ---- settings and introspection ------------------------------------------

pub fn is_enabled() -> bool {
    GC.with(|s| s.enabled.get())
}
pub fn set_enabled(on: bool) {
    GC.with(|s| s.enabled.set(on));
}
pub fn is_collecting() -> bool {
    GC.with(|s| s.collecting.get())
}
pub fn counts() -> [isize; NUM_GENERATIONS] {
    GC.with(|s| [s.count[0].get(), s.count[1].get(), s.count[2].get()])
}
pub fn thresholds() -> [isize; NUM_GENERATIONS] {
    GC.with(|s| [s.threshold[0].get(), s.threshold[1].get(), s.threshold[2].get()])
}
pub fn set_threshold(gen: usize, t: isize) {
    GC.with(|s| s.threshold[gen].set(t));
}

/// Tracked objects of one generation (or all, youngest first), in list
/// order, as new references.
pub fn objects(gen: Option<usize>) -> Vec<PyRef> {
    with(|s| match gen {
        Some(g) => snapshot(Node::of(&s.gens[g])),
        None => s.gens.iter().flat_map(|g| snapshot(Node::of(g))).collect(),
    })
}

pub fn generation_sizes() -> [usize; NUM_GENERATIONS] {
    with(|s| [size(Node::of(&s.gens[0])), size(Node::of(&s.gens[1])), size(Node::of(&s.gens[2]))])
}

/// Move everything tracked into the oldest generation.
pub fn age_all() {
    with(|s| {
        for i in 0..NUM_GENERATIONS - 1 {
            merge(Node::of(&s.gens[i]), Node::of(&s.gens[NUM_GENERATIONS - 1]));
        }
    })
}

pub fn freeze() {
    with(|s| {
        for g in &s.gens {
            merge(Node::of(g), Node::of(&s.permanent));
        }
        s.count[0].set(0);
    })
}
pub fn unfreeze() {
    with(|s| merge(Node::of(&s.permanent), Node::of(&s.gens[NUM_GENERATIONS - 1])))
}
pub fn freeze_count() -> usize {
    with(|s| size(Node::of(&s.permanent)))
}

/// The object's references as the collector sees them (`gc.get_referents`):
/// `__slots__` values, the instance `__dict__`, the counted type, then the
/// payload's. Atomic objects have none.
#[inline]
pub fn traverse<V: FnMut(&PyRef) + ?Sized>(r: &PyRef, visit: &mut V) {
    if !r.is_gc() {
        return;
    }
    if let Some(ext) = r.ext() {
        for s in r.slots() {
            s.with(|v| {
                if let Some(v) = v {
                    visit(v)
                }
            });
        }
        ext.dict.with(|d| {
            if let Some(d) = d {
                if d.flags() & super::core::flags::MANAGED_DICT != 0 {
                    trace_payload(d, visit);
                } else {
                    visit(d);
                }
            }
        });
        // Inline values: the managed dict's values, without the dict.
        let n = ext.values_len();
        if n != 0 {
            for s in &r.values()[..n] {
                s.with(|v| {
                    if let Some(v) = v {
                        visit(v)
                    }
                });
            }
        }
    }
    if let Some(t) = r.counted_type() {
        visit(t);
    }
    trace_payload(r, visit);
}

/// `traverse` for the collector's own passes, whose visitors only read and
/// write collector heads and list links (they run no code and drop no
/// reference): the instance values are read in place, not taken out and put
/// back, and the trailer is found once. `r` is a tracked container.
#[inline(always)]
fn traverse_tracked<V: FnMut(&PyRef)>(r: &PyRef, visit: &mut V) {
    if let Some((ext, slots, values)) = r.ext_parts() {
        for s in slots {
            // SAFETY: the visitor changes no slot (see above).
            if let Some(v) = unsafe { s.peek() } {
                visit(v);
            }
        }
        // SAFETY: the visitor changes no dict slot (see above).
        if let Some(d) = unsafe { ext.dict.peek() } {
            if d.flags() & super::core::flags::MANAGED_DICT != 0 {
                trace_payload(d, visit);
            } else {
                visit(d);
            }
        }
        for s in values {
            // SAFETY: as for the slots.
            if let Some(v) = unsafe { s.peek() } {
                visit(v);
            }
        }
    }
    if let Some(t) = r.counted_type() {
        visit(t);
    }
    trace_payload_hot(r, visit);
}

/// Break the object's cycles (`tp_clear`): instance slots and `__dict__`,
/// then the payload's own references.
pub fn clear(r: &PyRef) {
    if let Some(ext) = r.ext() {
        for s in r.slots() {
            drop(s.take());
        }
        let d = ext.dict.take();
        drop(d);
        // As the managed dict would be: every value taken out first, then
        // released in insertion order.
        let n = ext.values_len();
        if n != 0 {
            let values = &r.values()[..n];
            // (A few values, the usual case, are held on the stack; an
            // array drops its items first to last.)
            const FEW: usize = 8;
            if n <= FEW {
                let mut taken: [Option<PyRef>; FEW] = Default::default();
                for (t, s) in taken.iter_mut().zip(values) {
                    *t = s.take();
                }
                ext.set_values_len(0);
                drop(taken);
            } else {
                let taken: Vec<Option<PyRef>> = values.iter().map(|s| s.take()).collect();
                ext.set_values_len(0);
                drop(taken);
            }
        }
    }
    // A weak reference's tp_clear also leaves its referent's list.
    super::weak::detach(r);
    clear_payload(r);
}

/// Whether `r` is in the generation being collected and still unresolved
/// or unreachable (CPython's `gc_is_collecting`): a weak reference in that
/// state is garbage itself, so its callback is not called.
pub fn in_collection(r: &PyRef) -> bool {
    head_of(r).is_some_and(|g| !g.next.get().is_null() && g.has(COLLECTING))
}

// ---- the collection ---------------------------------------------------------

/// What the collector asks of the runtime.
pub trait Collector {
    /// Whether `debug_collectable` wants to hear of every unreachable
    /// object (DEBUG_COLLECTABLE is set).
    fn reports_collectable(&self) -> bool {
        false
    }
    /// DEBUG_COLLECTABLE: report an unreachable object.
    fn debug_collectable(&self, _r: &PyRef) {}
    /// Clear the weak references to the unreachable objects (in order) and
    /// return the (weakref, callback) pairs to call, for weak references
    /// that are not garbage themselves (`in_collection` false).
    fn clear_weakrefs(&self, _unreachable: &[PyRef]) -> Vec<(PyRef, PyRef)> {
        Vec::new()
    }
    /// Call one weak reference callback (errors are reported as unraisable).
    fn call_weakref_callback(&self, _wr: &PyRef, _callback: &PyRef) {}
    /// Whether the object has a finalizer to run (`__del__`, an unfinished
    /// generator's close), FINALIZED aside.
    fn needs_finalizer(&self, r: &PyRef) -> bool;
    /// Run the finalizer (errors reported as unraisable).
    fn finalize(&self, r: &PyRef);
    /// DEBUG_SAVEALL: keep the garbage in `gc.garbage` instead of clearing
    /// it. Returns true when the object was saved.
    fn save_garbage(&self, _r: &PyRef) -> bool {
        false
    }
}

/// The result of one collection.
#[derive(Clone, Copy, Debug, Default)]
pub struct Outcome {
    /// Unreachable objects found (CPython's `m`).
    pub collected: usize,
    /// Uncollectable ones (legacy finalizers; always 0 here).
    pub uncollectable: usize,
}

/// Which generation an automatic collection should collect, if any
/// (CPython's `gc_collect_generations` choice).
pub fn generation_due() -> Option<usize> {
    GC.with(|s| {
        for i in (0..NUM_GENERATIONS).rev() {
            if s.count[i].get() > s.threshold[i].get() {
                if i == NUM_GENERATIONS - 1 && s.long_lived_pending.get() < s.long_lived_total.get() / 4 {
                    continue;
                }
                return Some(i);
            }
        }
        None
    })
}

/// An automatic collection begins, before its "start" callbacks: what was
/// allocated since it became due (CPython would have collected at that
/// allocation) is noted, to be counted in generation 0 after it
/// (`finish_automatic`), and stays in the nursery, out of the collection;
/// what the callbacks allocate from here on is in generation 0 and counted
/// there, as in CPython, where the callbacks run inside the collection.
pub fn begin_automatic() {
    GC.with(|s| {
        let since = if pending() { s.count[0].get() - s.trigger_count.get() } else { 0 };
        s.since_trigger.set(since.max(0));
    });
    PENDING.store(false, Ordering::Relaxed);
}

/// After an automatic collection and its callbacks: what was allocated
/// while it was due joins generation 0, and is counted there.
pub fn finish_automatic() {
    with(|s| {
        merge(Node::of(&s.nursery), Node::of(&s.gens[0]));
        s.count[0].set(s.count[0].get() + s.since_trigger.replace(0));
    })
}

/// Mark the collector busy (no nested collection); returns false if a
/// collection is already running.
pub fn begin() -> bool {
    GC.with(|s| {
        if s.collecting.get() {
            false
        } else {
            s.collecting.set(true);
            true
        }
    })
}

pub fn end() {
    GC.with(|s| s.collecting.set(false));
}

/// Collect generation `generation` (0..=2). The caller brackets it with
/// `begin`/`end` and reports statistics and callbacks.
///
/// An automatic collection (`automatic`) leaves out what was allocated
/// since it became due, as CPython's collection would not have seen it,
/// and counts it in generation 0 afterwards.
pub fn collect(generation: usize, rt: &dyn Collector, automatic: bool) -> Outcome {
    with(|s| {
        // (`begin_automatic` noted it, before the "start" callbacks.)
        let since_trigger = if automatic { s.since_trigger.get() } else { 0 };
        // From here on, new containers are tracked in generation 0 again
        // (the nursery keeps what was allocated before the collection).
        PENDING.store(false, Ordering::Relaxed);
        if !automatic {
            merge(Node::of(&s.nursery), Node::of(&s.gens[0]));
        }
        if generation + 1 < NUM_GENERATIONS {
            s.count[generation + 1].set(s.count[generation + 1].get() + 1);
        }
        for i in 0..=generation {
            s.count[i].set(0);
        }
        for i in 0..generation {
            merge(Node::of(&s.gens[i]), Node::of(&s.gens[generation]));
        }
        let young = Node::of(&s.gens[generation]);
        let old = if generation + 1 < NUM_GENERATIONS { Node::of(&s.gens[generation + 1]) } else { young };

        let unreachable = GcHead::new();
        init_list(Node::of(&unreachable));
        deduce_unreachable(young, Node::of(&unreachable));

        if young != old {
            let n = untrack_tuples(young);
            if generation == NUM_GENERATIONS - 2 {
                s.long_lived_pending.set(s.long_lived_pending.get() + n as isize);
            }
            merge(young, old);
        } else {
            let n = untrack_tuples_and_dicts(young);
            s.long_lived_pending.set(0);
            s.long_lived_total.set(n as isize + s.startup_extra.get());
        }

        // No legacy finalizers: every unreachable object is collectable.
        // From here on the unreachable list is a normal list whose objects
        // keep COLLECTING. Only objects with weak references (or weak
        // references themselves) matter to the weak reference pass; every
        // object, when DEBUG_COLLECTABLE asks for reports.
        let all = rt.reports_collectable();
        let (trash, found) = clear_mask_and_pick(Node::of(&unreachable), UNREACHABLE, |o| all || o.has_weakrefs() || o.kind() == Kind::Weakref);
        if all {
            for o in &trash {
                rt.debug_collectable(o);
            }
        }

        // Weak references first (before any finalizer can see them).
        let callbacks = rt.clear_weakrefs(&trash);
        drop(trash);
        // Whether Python code may have run since `deduce_unreachable`
        // (debug output goes through sys.stderr, which may be Python code).
        let mut ran_code = all || !callbacks.is_empty();
        let mut collected = 0;
        for (wr, cb) in callbacks {
            rt.call_weakref_callback(&wr, &cb);
            drop(cb);
            if wr.refcount() == 1 {
                collected += 1;
            }
        }

        ran_code |= finalize_garbage(Node::of(&unreachable), rt);

        let still = GcHead::new();
        init_list(Node::of(&still));
        if ran_code {
            // What the finalizers and callbacks resurrected survives, in the
            // older generation. (update_refs sets every object's state,
            // COLLECTING included.)
            deduce_unreachable(Node::of(&unreachable), Node::of(&still));
            collected += clear_mask_and_pick(Node::of(&still), UNREACHABLE, |_| false).1;
            clear_mask(Node::of(&unreachable), COLLECTING);
            merge(Node::of(&unreachable), old);
        } else {
            // No Python code ran, so no count changed and nothing can have
            // been resurrected: a second deduction would find the same
            // objects in the same order, all still COLLECTING.
            merge(Node::of(&unreachable), Node::of(&still));
            collected += found;
        }

        delete_garbage(Node::of(&still), old, rt);
        if generation == NUM_GENERATIONS - 1 {
            // CPython empties its free lists in full collections (not
            // the slice cache).
            FREE.with(|c| {
                for (i, x) in c.iter().enumerate() {
                    if i != SLICE_SLOT {
                        x.set(0);
                    }
                }
            });
        }
        s.since_trigger.set(since_trigger.max(0));
        Outcome { collected, uncollectable: 0 }
    })
}

/// Steps 2 and 3: find what in `young` is unreachable from outside it.
fn deduce_unreachable(young: Node, unreachable: Node) {
    // update_refs
    let mut p = young.next.get();
    while p != young.ptr() {
        // SAFETY: list pointers are valid.
        let g = unsafe { node(p) };
        // SAFETY: `g` heads a live tracked block; the view is not dropped.
        let o = unsafe { PyRef::from_gc_head(p) };
        g.prev.set(ptr::without_provenance_mut(((o.refcount() as usize) << 2) | COLLECTING));
        p = g.next.get();
    }
    // subtract_refs
    let mut p = young.next.get();
    while p != young.ptr() {
        // SAFETY: as above.
        let o = unsafe { PyRef::from_gc_head(p) };
        traverse_tracked(&o, &mut |r: &PyRef| {
            if let Some(h) = head_of(r) {
                if h.has(COLLECTING) && !h.next.get().is_null() {
                    h.set_refs(h.refs() - 1);
                }
            }
        });
        p = unsafe { node(p) }.next.get();
    }
    move_unreachable(young, unreachable);
}

/// CPython's move_unreachable. `young` is walked through `next`; the
/// objects not yet walked keep their count copy in `prev`, each kept one
/// gets its `prev` pointer back as the walk passes it (`kept` is the last
/// one kept), and one found unreachable leaves by a `next` link alone. The
/// sentinel's `prev` stays the tail throughout (an object leaves only
/// when the walk is at it, after which nothing is appended if it was the
/// tail), so `visit_reachable` can append to `young`.
fn move_unreachable(young: Node, unreachable: Node) {
    let mut kept = young;
    let mut p = young.next.get();
    while p != young.ptr() {
        // SAFETY: `next` pointers are valid.
        let g = unsafe { node(p) };
        if g.refs() > 0 {
            // Reachable: so is everything it references.
            // SAFETY: as in deduce_unreachable.
            let o = unsafe { PyRef::from_gc_head(p) };
            traverse_tracked(&o, &mut |r: &PyRef| visit_reachable(r, young));
            g.unset(COLLECTING);
            g.set_prev_ptr(kept.ptr());
            kept = g;
            // (Read after the traversal: it may have appended after `g`.)
            p = g.next.get();
        } else {
            // Tentatively unreachable; a later reachable object may still
            // move it back.
            let next = g.next.get();
            kept.next.set(next);
            append(unreachable, g);
            g.set(UNREACHABLE);
            p = next;
        }
    }
    young.set_prev_ptr(kept.ptr());
}

fn visit_reachable(r: &PyRef, young: Node) {
    let Some(h) = head_of(r) else { return };
    if !h.has(COLLECTING) || h.next.get().is_null() {
        return;
    }
    if h.has(UNREACHABLE) {
        // Back from the unreachable list, to be scanned in turn.
        move_to(h, young);
        h.unset(UNREACHABLE);
        h.set_refs(1);
    } else if h.refs() == 0 {
        h.set_refs(1);
    }
}

fn clear_mask(list: Node, f: usize) {
    let mut p = list.next.get();
    while p != list.ptr() {
        // SAFETY: list pointers are valid.
        let g = unsafe { node(p) };
        g.unset(f);
        p = g.next.get();
    }
}

/// Clear flag `f` of every object in `list`, returning new references to
/// those `pick` selects (in list order) and the number of objects.
fn clear_mask_and_pick(list: Node, f: usize, pick: impl Fn(&PyRef) -> bool) -> (Vec<PyRef>, usize) {
    let mut out = Vec::new();
    let mut n = 0;
    let mut p = list.next.get();
    while p != list.ptr() {
        // SAFETY: list pointers are valid.
        let g = unsafe { node(p) };
        g.unset(f);
        // SAFETY: as in deduce_unreachable; a chosen view is cloned at once.
        let o = unsafe { PyRef::from_gc_head(p) };
        if pick(&o) {
            out.push(o.new_ref());
        }
        n += 1;
        p = g.next.get();
    }
    (out, n)
}

/// Untrack the objects of `kind` (exact tuples or dicts) in `list` that
/// hold only untracked objects; returns how many objects stay.
fn untrack_atomic_holders(list: Node, kind: Kind) -> usize {
    let mut kept = 0;
    let mut p = list.next.get();
    while p != list.ptr() {
        // SAFETY: list pointers are valid.
        let g = unsafe { node(p) };
        let next = g.next.get();
        // SAFETY: as in deduce_unreachable.
        let o = unsafe { PyRef::from_gc_head(p) };
        let mut untracked = false;
        if o.kind() == kind && !o.has_ext() {
            let mut keep = false;
            trace_payload(&o, &mut |x| keep |= may_be_tracked(x));
            if !keep {
                unlink_if_tracked(g);
                untracked = true;
            }
        }
        if !untracked {
            kept += 1;
        }
        p = next;
    }
    kept
}

/// CPython's `untrack_tuples`, with the size of the list after it.
fn untrack_tuples(list: Node) -> usize {
    untrack_atomic_holders(list, Kind::Tuple)
}

/// `untrack_tuples` then `untrack_dicts` (full collections: CPython
/// untracks dicts only then), with the size of the list after them. Two
/// passes, as in CPython: a dict whose tuples the first pass untracks can
/// be untracked by the second.
fn untrack_tuples_and_dicts(list: Node) -> usize {
    untrack_atomic_holders(list, Kind::Tuple);
    untrack_atomic_holders(list, Kind::Dict)
}

/// Run the finalizers of the unreachable objects, in list order. Each
/// object is moved to a `seen` list first: a finalizer may free any of them.
/// Returns whether any finalizer ran.
fn finalize_garbage(list: Node, rt: &dyn Collector) -> bool {
    let mut ran = false;
    let seen = GcHead::new();
    init_list(Node::of(&seen));
    while !is_empty(list) {
        let p = list.next.get();
        // SAFETY: list pointers are valid.
        let g = unsafe { node(p) };
        move_to(g, Node::of(&seen));
        // SAFETY: as above; a counted reference is taken at once.
        let o = unsafe { PyRef::from_gc_head(p) }.new_ref();
        if o.flags() & super::core::flags::FINALIZED == 0 && rt.needs_finalizer(&o) {
            o.set_flag(super::core::flags::FINALIZED);
            rt.finalize(&o);
            ran = true;
        }
        drop(o);
    }
    merge(Node::of(&seen), list);
    ran
}

/// Clear the garbage, one object at a time; what survives its clear (it
/// is referenced by an object not yet cleared, or resurrected) goes to
/// `old`.
fn delete_garbage(list: Node, old: Node, rt: &dyn Collector) {
    while !is_empty(list) {
        let p = list.next.get();
        // SAFETY: list pointers are valid; a counted reference is taken.
        let o = unsafe { PyRef::from_gc_head(p) }.new_ref();
        if !rt.save_garbage(&o) {
            clear(&o);
        }
        drop(o);
        if list.next.get() == p {
            // Still alive: it may die later.
            // SAFETY: `p` is still linked, so still a live block.
            let g = unsafe { node(p) };
            g.unset(COLLECTING);
            move_to(g, old);
        }
    }
}
