//! The observer interface: how a tracer watches a program run without
//! changing it.
//!
//! An observer attached with `attach` hears step events from the
//! interpreter loop (a line about to run, a call, a return, an exception)
//! and collection events from the cycle collector. Between events the
//! runtime notes, cheaply, what changed on the heap: the containers whose
//! contents changed (`touch`, called by every mutation of a list, dict,
//! set, cell, slot or instance `__dict__`), the objects freed (their
//! addresses, from the object core's free hook), and the text written to
//! `sys.stdout`. The observer takes these notes at each event
//! (`take_changes`) and inspects frames and objects read-only.
//!
//! The commonest mutations also say what they changed (`list_splice`,
//! `dict_set`, `dict_del`): the note `touch` made is then replaced by an
//! `Edit`, so the observer can update its copy of a long container without
//! reading all of it again. Any other mutation (sort, slice assignment,
//! clear...) leaves its plain `touch`, and the container is read whole.
//!
//! With no observer attached the cost is one thread-local flag test per
//! mutation and per frame start (the loop reads the flag once per frame).
//! Built without the crate's `observer` feature (on by default), `active`
//! is a constant `false`, so every hook compiles to nothing and `attach`
//! has no effect: `scripts/bench-observer` compares the two builds.
//!
//! An observer must not run Python code (no `repr` of user objects, no
//! `__eq__`): it would run inside the observed program's step. It may hold
//! references only while it handles an event, and must subtract the ones it
//! holds when it reports a count.

use crate::object::PyRef;
use crate::vm::Vm;
use std::cell::{Cell, RefCell};

/// What happened at a step.
pub enum Event<'a> {
    /// `line` of `frame` is about to run.
    Line { frame: &'a PyRef, line: u32 },
    /// `frame` (a function's) was entered.
    Call { frame: &'a PyRef },
    /// `frame` is returning `value`; also when it yields `value` (a
    /// generator) or is left by an exception (`value` is None), as
    /// CPython's trace functions hear it.
    Return { frame: &'a PyRef, value: &'a PyRef },
    /// `exc` was raised in `frame` (before a handler is looked for).
    Exception { frame: &'a PyRef, exc: &'a PyRef },
    /// The program ends with the uncaught exception `exc`.
    Uncaught { exc: &'a PyRef },
    /// The cycle collector finished a collection of `generation`.
    Collection { generation: usize, collected: usize, uncollectable: usize },
}

pub trait Observer: std::any::Any {
    fn event(&mut self, vm: &Vm, event: Event<'_>);
    /// The observer itself, to get its concrete type back after `detach`.
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any>;
}

/// What changed on the heap since the last `take_changes`.
#[derive(Default)]
pub struct Changes {
    /// Addresses of changed containers: an object's address, or the address
    /// of its contents (a list's items, a dict's or set's table, a cell's
    /// value), as `touch` was called with.
    pub touched: Vec<usize>,
    /// Addresses of objects freed.
    pub freed: Vec<usize>,
    /// Text written to sys.stdout.
    pub stdout: String,
    /// What some of the changes were, in order (each replaced its
    /// container's address in `touched`).
    pub edits: Vec<Edit>,
    /// The instance attribute dicts made since: (address of the dict's
    /// table, id of the instance, lengths of `touched` and `edits` then).
    /// The instance's attributes, kept inline until then, moved into that
    /// dict unchanged: a `touch` of the table from then on means the
    /// instance changed; one before (the table's block is a reused one)
    /// was about another object.
    pub adopted: Vec<(usize, usize, usize, usize)>,
    /// Where in `freed` the frees of the cycle collector's last collection
    /// start (what it found unreachable), if one ran.
    pub collection_from: Option<usize>,
}

/// A change to a container, as the runtime described it. `addr` is the
/// address `touch` would have noted (the list's or dict's payload).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// `removed` items from `index` on were replaced by `inserted` items.
    ListSplice { addr: usize, index: usize, removed: usize, inserted: usize },
    /// The key whose id is `key` was given a value; its entry is now at
    /// `entry` in the table's entries array. `added`: it was not in the
    /// dict (it went at the end).
    DictSet { addr: usize, key: usize, entry: usize, added: bool },
    /// The key whose id is `key` was removed.
    DictDel { addr: usize, key: usize },
}

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static CHANGES: RefCell<Changes> = RefCell::new(Changes::default());
    static OBSERVER: RefCell<Option<Box<dyn Observer>>> = RefCell::new(None);
}

/// Whether an observer is attached (the interpreter loop reads this once
/// per frame).
#[inline]
pub fn active() -> bool {
    #[cfg(feature = "observer")]
    return ACTIVE.with(|a| a.get());
    #[cfg(not(feature = "observer"))]
    return false;
}

/// Note that the container at `addr` (see `Changes::touched`) changed.
#[inline]
pub fn touch(addr: usize) {
    if active() {
        touch_slow(addr);
    }
}

/// Note that the dict whose table is at `addr` now holds the attributes
/// of the instance `owner` (see `Changes::adopted`).
pub fn adopt(addr: usize, owner: usize) {
    if active() {
        CHANGES.with(|c| {
            let mut c = c.borrow_mut();
            let (t, e) = (c.touched.len(), c.edits.len());
            c.adopted.push((addr, owner, t, e));
        });
    }
}

/// Run `f`, dropping the change notes it makes: for changes to an object
/// no observer can know yet (the dict that takes over an instance's inline
/// attributes, filled before `adopt`).
pub fn unnoted<R>(f: impl FnOnce() -> R) -> R {
    if !active() {
        return f();
    }
    let (t, e) = CHANGES.with(|c| {
        let c = c.borrow();
        (c.touched.len(), c.edits.len())
    });
    let r = f();
    CHANGES.with(|c| {
        let mut c = c.borrow_mut();
        c.touched.truncate(t);
        c.edits.truncate(e);
    });
    r
}

#[cold]
fn touch_slow(addr: usize) {
    CHANGES.with(|c| c.borrow_mut().touched.push(addr));
}

/// Say what the mutation that just touched `list` did: `removed` items
/// from `index` on were replaced by `inserted` items. Called right after
/// the change, with no other `touch` in between.
#[inline]
pub fn list_splice(list: &crate::types::list::ListData, index: usize, removed: usize, inserted: usize) {
    if active() {
        refine(Edit::ListSplice { addr: list as *const _ as usize, index, removed, inserted });
    }
}

/// Say that the mutation that just touched `dict` gave `key` (the key as
/// stored) a value, in entry `entry`; `added` when the key is new. Called
/// right after the `touch`, as `list_splice`.
#[inline]
pub fn dict_set(dict: &crate::types::dict::DictData, key: &PyRef, entry: usize, added: bool) {
    if active() {
        refine(Edit::DictSet { addr: dict as *const _ as usize, key: key.id(), entry, added });
    }
}

/// Say that the mutation that just touched `dict` removed `key` (the key
/// as it was stored), as `list_splice`.
#[inline]
pub fn dict_del(dict: &crate::types::dict::DictData, key: &PyRef) {
    if active() {
        refine(Edit::DictDel { addr: dict as *const _ as usize, key: key.id() });
    }
}

/// Replace the last `touch` with `edit`, when that touch was of the same
/// container (otherwise the touch stays: the container is read whole).
#[cold]
fn refine(edit: Edit) {
    let (Edit::ListSplice { addr, .. } | Edit::DictSet { addr, .. } | Edit::DictDel { addr, .. }) = edit;
    CHANGES.with(|c| {
        let mut c = c.borrow_mut();
        if c.touched.last() == Some(&addr) {
            c.touched.pop();
            c.edits.push(edit);
        }
    });
}

fn note_free(addr: usize) {
    CHANGES.with(|c| {
        if let Ok(mut c) = c.try_borrow_mut() {
            c.freed.push(addr)
        }
    });
}

/// A collection starts: the frees from now on are the collector's.
pub fn collection_starts() {
    if active() {
        CHANGES.with(|c| {
            let mut c = c.borrow_mut();
            c.collection_from = Some(c.freed.len());
        });
    }
}

/// Note text the program wrote to sys.stdout. Returns true when the text
/// should go no further (a tracer shows the output in its trace instead).
pub fn note_stdout(text: &str) -> bool {
    if active() {
        CHANGES.with(|c| c.borrow_mut().stdout.push_str(text));
        return SWALLOW.with(|s| s.get());
    }
    false
}

thread_local! {
    static STOP: Cell<bool> = const { Cell::new(false) };
}

/// Ask the interpreter to end the observed program (a tracer's step limit):
/// SystemExit is raised before the next instruction of an observed frame.
pub fn request_stop() {
    STOP.with(|s| s.set(true));
}

/// Whether a stop was requested; consumes the request.
pub fn take_stop() -> bool {
    STOP.with(|s| s.replace(false))
}

thread_local! {
    static SWALLOW: Cell<bool> = const { Cell::new(false) };
}

/// While an observer is attached, keep the program's standard output in
/// the notes only (not written to the process's stdout).
pub fn set_swallow_stdout(on: bool) {
    SWALLOW.with(|s| s.set(on));
}

/// The changes noted since the last call.
pub fn take_changes() -> Changes {
    CHANGES.with(|c| std::mem::take(&mut *c.borrow_mut()))
}

/// Attach `observer`: from now on it hears every event. Frames already
/// running keep running unobserved (attach before the program starts).
pub fn attach(observer: Box<dyn Observer>) {
    OBSERVER.with(|o| *o.borrow_mut() = Some(observer));
    take_changes();
    crate::object::heap::set_free_observer(Some(note_free));
    ACTIVE.with(|a| a.set(true));
    crate::object::gc::set_observed(true);
}

/// Detach the observer and return it.
pub fn detach() -> Option<Box<dyn Observer>> {
    ACTIVE.with(|a| a.set(false));
    crate::object::gc::set_observed(false);
    crate::object::heap::set_free_observer(None);
    take_changes();
    OBSERVER.with(|o| o.borrow_mut().take())
}

/// Deliver `event` to the observer. Events raised while the observer
/// itself runs are dropped (it must not run Python code, but a finalizer
/// it triggers by dropping a reference might).
pub fn emit(vm: &Vm, event: Event<'_>) {
    if !active() {
        return;
    }
    let taken = OBSERVER.with(|o| o.try_borrow_mut().ok().and_then(|mut o| o.take()));
    if let Some(mut obs) = taken {
        obs.event(vm, event);
        OBSERVER.with(|o| {
            if let Ok(mut o) = o.try_borrow_mut() {
                if o.is_none() {
                    *o = Some(obs);
                }
            }
        });
    }
}
