//! What happens when a reference count reaches zero.
//!
//! CPython frees an object the instant its count reaches zero. Before the
//! memory goes back, objects with a finalizer get it called once (PEP 442:
//! `__del__` of instances, `close()` of unfinished generators); if the
//! finalizer stored a new reference somewhere, the object is resurrected and
//! survives. Then the payload is dropped, releasing its own references, which
//! may free more objects in turn.
//!
//! That chain can be as deep as the data (a linked list of a million nodes).
//! Like CPython's "trashcan", frees nested deeper than `MAX_NESTING` are put
//! on a queue that the outermost free drains, so freeing never overflows the
//! native stack.

use super::core::{flags, DeferredFree, Dying, PyRef};
use std::cell::{Cell, RefCell};

const MAX_NESTING: u32 = 64;

/// The per-thread state every allocation and free touches, in one
/// thread-local without a destructor (the cheapest kind to reach).
struct HeapState {
    nesting: Cell<u32>,
    /// Whether DEFERRED may hold objects (saves looking at it).
    deferred: Cell<bool>,
    finalizer: Cell<Option<fn(&PyRef) -> bool>>,
    needs_finalizer: Cell<Option<fn(&PyRef) -> bool>>,
    free_observer: Cell<Option<fn(usize)>>,
    live_by_kind: [Cell<isize>; KIND_SLOTS],
}

const KIND_SLOTS: usize = 64;

thread_local! {
    static HEAP: HeapState = const {
        HeapState {
            nesting: Cell::new(0),
            deferred: Cell::new(false),
            finalizer: Cell::new(None),
            needs_finalizer: Cell::new(None),
            free_observer: Cell::new(None),
            live_by_kind: [const { Cell::new(0) }; KIND_SLOTS],
        }
    };
    static DEFERRED: RefCell<Vec<DeferredFree>> = const { RefCell::new(Vec::new()) };
}

/// Tell `observer` the identity of every object freed from now on (`None`
/// stops it). It runs just before the block goes back, so it must not touch
/// the object: it only gets the address.
pub fn set_free_observer(observer: Option<fn(usize)>) {
    HEAP.with(|h| h.free_observer.set(observer));
}

#[inline]
fn observe_free(d: &Dying) {
    // Without the `observer` feature nobody can watch frees (see observe.rs).
    #[cfg(feature = "observer")]
    if let Some(f) = HEAP.with(|h| h.free_observer.get()) {
        WATCHED.with(|w| w.borrow_mut().remove(&d.id()));
        f(d.id());
    }
    #[cfg(not(feature = "observer"))]
    let _ = d;
}

thread_local! {
    static WATCHED: RefCell<std::collections::HashMap<usize, super::core::RawObj>> = RefCell::new(std::collections::HashMap::new());
}

/// Watch `obj` (while a free observer is set): `watched(obj.id())` hands
/// out new references to it for as long as it lives, without the watcher
/// keeping it alive. A tracer uses this to re-read objects it saw earlier.
pub fn watch(obj: &PyRef) {
    if HEAP.with(|h| h.free_observer.get()).is_some() {
        WATCHED.with(|w| w.borrow_mut().insert(obj.id(), super::core::RawObj::of(obj)));
    }
}

/// A new reference to the watched object with identity `id`, if it is
/// still alive.
pub fn watched(id: usize) -> Option<PyRef> {
    // The pointer kept at `watch` time, not the bare address: it carries
    // the block's provenance.
    let raw = WATCHED.with(|w| w.borrow().get(&id).copied())?;
    // SAFETY: a watched id is removed (in `observe_free`) before its object
    // is freed or queued to be freed, so it names a live object with a
    // non-zero count.
    Some(unsafe { PyRef::clone_from_raw(raw) })
}

/// Stop watching every object.
pub fn unwatch_all() {
    WATCHED.with(|w| w.borrow_mut().clear());
}

thread_local! {
    static WEAKREF_CALLBACK: Cell<Option<fn(Vec<(PyRef, Option<PyRef>)>)>> = const { Cell::new(None) };
}

/// Install the runtime's way to call the callbacks of the weak references
/// to a dying object: it gets the cleared weak references in list order,
/// each with its callback if it had one, and calls them (errors reported
/// as unraisable).
pub fn set_weakref_callback_hook(call: fn(Vec<(PyRef, Option<PyRef>)>)) {
    WEAKREF_CALLBACK.with(|c| c.set(Some(call)));
}

/// Clear the weak references to a dying object and call their callbacks
/// (CPython's `PyObject_ClearWeakRefs`): in list order, after all are
/// cleared; the object stays dying meanwhile (count zero, out of the
/// collector's lists).
fn clear_weakrefs(d: &Dying) {
    let refs = d.take_weakrefs();
    if refs.is_empty() {
        return;
    }
    d.untrack();
    match WEAKREF_CALLBACK.with(|c| c.get()) {
        Some(hook) => hook(refs),
        None => drop(refs),
    }
}

/// Install the runtime's finalizer policy: `needs` says whether a dying
/// object has a finalizer to run; `run` runs it (errors are reported by the
/// runtime, as CPython's "Exception ignored in"). Only instances of user
/// classes (`HAS_EXT`) and generators can have one (`__del__`, `close`),
/// so the policy is consulted for those alone.
pub fn set_finalizer_hooks(needs: fn(&PyRef) -> bool, run: fn(&PyRef) -> bool) {
    HEAP.with(|h| {
        h.needs_finalizer.set(Some(needs));
        h.finalizer.set(Some(run));
    });
}

#[inline]
pub(super) fn note_alloc(kind: super::Kind) {
    HEAP.with(|h| {
        let k = &h.live_by_kind[kind as usize % KIND_SLOTS];
        k.set(k.get() + 1);
    });
}

/// `note_free` for `core::free_leaf`, unless a free observer must hear of
/// the free (then nothing is noted and the free takes the long way).
#[inline]
pub(super) fn note_leaf_free(kind: super::Kind) -> bool {
    HEAP.with(|h| {
        #[cfg(feature = "observer")]
        if h.free_observer.get().is_some() {
            return false;
        }
        let k = &h.live_by_kind[kind as usize % KIND_SLOTS];
        k.set(k.get() - 1);
        true
    })
}

#[inline]
pub(super) fn note_free(kind: super::Kind) {
    HEAP.with(|h| {
        let k = &h.live_by_kind[kind as usize % KIND_SLOTS];
        k.set(k.get() - 1);
    });
}

/// Live blocks of one payload kind (`refscope.live_objects`).
pub fn live_blocks_of(kind: super::Kind) -> isize {
    HEAP.with(|h| h.live_by_kind[kind as usize % KIND_SLOTS].get())
}

/// Number of live object blocks (`sys.getallocatedblocks` counts these).
pub fn live_blocks() -> isize {
    HEAP.with(|h| h.live_by_kind.iter().map(Cell::get).sum())
}

pub(super) fn dealloc(mut d: Dying) {
    let is_generator = d.kind() == super::Kind::Generator;
    // Exceptions keep their dict in their payload: an instance of an
    // exception class has no extension but may have a `__del__`.
    if is_generator || d.flags() & flags::HAS_EXT != 0 || d.kind() == super::Kind::Exception {
        // Generators clear their weak references before closing (CPython's
        // gen_dealloc); instances run `__del__` first (subtype_dealloc).
        if is_generator && d.flags() & flags::HAS_EXT == 0 {
            // Callbacks run Python code: a watcher must not be handed the
            // dying generator meanwhile.
            #[cfg(feature = "observer")]
            WATCHED.with(|w| w.borrow_mut().remove(&d.id()));
            clear_weakrefs(&d);
        }
        if d.flags() & flags::FINALIZED == 0 {
            let needs = HEAP.with(|h| h.needs_finalizer.get());
            if let Some(needs) = needs {
                // The hooks are safe code: they get a real reference (count
                // one), never one to an object whose count is zero, which a
                // clone would bring back to life only for it to be freed
                // under it.
                let r = d.resurrect();
                if needs(&r) {
                    r.set_flag(flags::FINALIZED);
                    let run = HEAP.with(|h| h.finalizer.get()).expect("finalizer hook");
                    run(&r);
                    // Dropping `r` either frees the object (count back to
                    // zero, FINALIZED now set, so this branch is skipped) or
                    // leaves it resurrected.
                    drop(r);
                    return;
                }
                d = match r.try_into_dying() {
                    Ok(d) => d,
                    // `needs` kept a reference: the object lives on.
                    Err(r) => return drop(r),
                };
            }
        }
    }
    // From here on the object is going: freed now or queued (its count is
    // zero either way).
    observe_free(&d);
    if d.has_weakrefs() {
        clear_weakrefs(&d);
    }
    let depth = HEAP.with(|h| h.nesting.get());
    if depth >= MAX_NESTING {
        DEFERRED.with(|q| q.borrow_mut().push(d.defer()));
        HEAP.with(|h| h.deferred.set(true));
        return;
    }
    HEAP.with(|h| h.nesting.set(depth + 1));
    d.free();
    if depth == 0 && HEAP.with(|h| h.deferred.get()) {
        // Outermost free: drain what deeper frees postponed.
        drain_deferred();
        HEAP.with(|h| h.deferred.set(false));
    }
    HEAP.with(|h| h.nesting.set(depth));
}

#[cold]
fn drain_deferred() {
    loop {
        let next = DEFERRED.with(|q| q.borrow_mut().pop());
        match next {
            Some(x) => x.into_dying().free(),
            None => break,
        }
    }
}
