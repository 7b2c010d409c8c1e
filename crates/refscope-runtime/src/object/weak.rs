//! Weak references: the table that links referents and their weak
//! references, and the weak reference payload.
//!
//! CPython keeps, in every object of a type that supports weak references,
//! a pointer to the head of a doubly linked list of the weak references to
//! it (`tp_weaklistoffset`). refscope keeps that list in a side table keyed
//! by the referent's address instead, so objects that never get a weak
//! reference pay nothing: one header bit (`HAS_WEAKREFS`) says whether the
//! object has an entry, and is the only thing the free path checks.
//!
//! Invariants (what makes the non-owning pointers safe to follow):
//! - a weak reference whose `target` is set is in exactly that target's
//!   list, and the target is alive;
//! - a list entry points at a live weak reference block;
//! - before a block is freed, its list is cleared (every weak reference's
//!   target unset) and, if it is itself a weak reference, it leaves its
//!   target's list (`Dying::free` calls both).
//!
//! The order of a list is CPython's (the runtime chooses insertion points,
//! `attach`): it is what `weakref.getweakrefs` shows and the order in which
//! callbacks run.

use super::core::{PyRef, RawObj};
use super::kinds::Kind;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// The payload of `weakref.ref`, `weakref.proxy` and their subclasses.
pub struct WeakrefData {
    /// The referent, while it lives.
    target: Cell<Option<RawObj>>,
    /// The callback (a counted reference), or None.
    pub callback: RefCell<Option<PyRef>>,
    /// The referent's hash, once computed (kept after its death).
    pub hash: Cell<Option<i64>>,
}

impl WeakrefData {
    /// A weak reference not yet attached to a referent (see `attach`).
    pub fn new(callback: Option<PyRef>) -> WeakrefData {
        WeakrefData { target: Cell::new(None), callback: RefCell::new(callback), hash: Cell::new(None) }
    }

    /// The referent, or None once it died (or while it is dying).
    pub fn get(&self) -> Option<PyRef> {
        // SAFETY: a set target is alive (module invariants).
        self.target.get().and_then(|t| unsafe { t.upgrade() })
    }

    /// Whether the weak reference was cleared.
    pub fn is_dead(&self) -> bool {
        self.get().is_none()
    }
}

thread_local! {
    /// Referent address -> its weak references, in list order.
    static LISTS: RefCell<HashMap<usize, Vec<RawObj>>> = RefCell::new(HashMap::new());
}

fn data(wr: &PyRef) -> &WeakrefData {
    wr.payload_unchecked::<WeakrefData>()
}

/// The weak references to `target` that are alive, in list order (new
/// references).
pub fn refs_to(target: &PyRef) -> Vec<PyRef> {
    if !target.has_weakrefs() {
        return Vec::new();
    }
    let entries = LISTS.with(|l| l.borrow().get(&target.id()).cloned()).unwrap_or_default();
    // SAFETY: list entries are live weak reference blocks.
    entries.into_iter().filter_map(|w| unsafe { w.upgrade() }).collect()
}

/// Number of weak references in `target`'s list.
pub fn count(target: &PyRef) -> usize {
    if !target.has_weakrefs() {
        return 0;
    }
    LISTS.with(|l| l.borrow().get(&target.id()).map_or(0, |v| v.len()))
}

/// Attach the new weak reference `wr` (kind Weakref, no target yet) to
/// `target`, at position `index` of its list (clamped to the list's end).
/// Panics if `wr` is not a weak reference or is attached already.
pub fn attach(wr: &PyRef, target: &PyRef, index: usize) {
    assert_eq!(wr.kind(), Kind::Weakref, "attach: not a weak reference");
    let d = data(wr);
    assert!(d.target.get().is_none(), "attach: weak reference already attached");
    d.target.set(Some(RawObj::of(target)));
    LISTS.with(|l| {
        let mut l = l.borrow_mut();
        let v = l.entry(target.id()).or_default();
        let i = index.min(v.len());
        v.insert(i, RawObj::of(wr));
    });
    // SAFETY: `target` is alive (we hold a reference).
    unsafe { RawObj::of(target).set_has_weakrefs(true) };
}

/// Remove `wr` from its referent's list and unset its target.
fn detach_raw(wr: RawObj, d: &WeakrefData) {
    let Some(t) = d.target.take() else { return };
    let _ = LISTS.try_with(|l| {
        let mut l = l.borrow_mut();
        if let Some(v) = l.get_mut(&t.addr()) {
            v.retain(|w| *w != wr);
            if v.is_empty() {
                l.remove(&t.addr());
                // SAFETY: the target is alive while `wr` pointed at it.
                unsafe { t.set_has_weakrefs(false) };
            }
        }
    });
}

/// Clear the weak reference `wr` (its referent is garbage, or `wr` itself
/// is): it no longer refers to anything; the callback is kept.
pub fn detach(wr: &PyRef) {
    if wr.kind() == Kind::Weakref {
        detach_raw(RawObj::of(wr), data(wr));
    }
}

/// Clear every weak reference to `target` (the collector found it
/// unreachable); returns the live ones, in list order. Callbacks are kept.
pub fn take_all(target: &PyRef) -> Vec<PyRef> {
    if !target.has_weakrefs() {
        return Vec::new();
    }
    let entries = LISTS.with(|l| l.borrow_mut().remove(&target.id())).unwrap_or_default();
    // SAFETY: `target` is alive.
    unsafe { RawObj::of(target).set_has_weakrefs(false) };
    let mut out = Vec::new();
    for w in entries {
        // SAFETY: list entries are live weak reference blocks.
        let view = unsafe { w.view() };
        data(&view).target.set(None);
        // SAFETY: as above.
        if let Some(r) = unsafe { w.upgrade() } {
            out.push(r);
        }
    }
    out
}

/// A referent's count reached zero: clear its weak references, taking the
/// callbacks out of them (CPython's `PyObject_ClearWeakRefs`). Weak
/// references that are dying themselves just lose their callback.
pub(super) fn take_for_dealloc(target: RawObj) -> Vec<(PyRef, Option<PyRef>)> {
    let entries = LISTS.with(|l| l.borrow_mut().remove(&target.addr())).unwrap_or_default();
    // SAFETY: the target is alive until freed.
    unsafe { target.set_has_weakrefs(false) };
    let mut out = Vec::new();
    let mut dropped = Vec::new();
    for w in entries {
        // SAFETY: list entries are live weak reference blocks.
        let view = unsafe { w.view() };
        let d = data(&view);
        d.target.set(None);
        let cb = d.callback.borrow_mut().take();
        // SAFETY: as above.
        match unsafe { w.upgrade() } {
            Some(r) => out.push((r, cb)),
            None => dropped.push(cb),
        }
    }
    // Dropping can run code: only once the table is consistent.
    drop(dropped);
    out
}

/// A block with weak references is being freed without its callbacks
/// having been taken (e.g. at thread teardown): unset their targets.
pub(super) fn clear_silently(target: RawObj) {
    let entries = LISTS.try_with(|l| l.borrow_mut().remove(&target.addr())).ok().flatten().unwrap_or_default();
    for w in entries {
        // SAFETY: list entries are live weak reference blocks.
        let view = unsafe { w.view() };
        data(&view).target.set(None);
    }
    // SAFETY: the block is alive until freed.
    unsafe { target.set_has_weakrefs(false) };
}

/// A weak reference block is being freed: leave its referent's list.
pub(super) fn unlink_freed_weakref(wr: RawObj) {
    // SAFETY: the block is alive until freed.
    let view = unsafe { wr.view() };
    detach_raw(wr, data(&view));
}
