//! The interned string table, whose entries do not count.
//!
//! CPython 3.11 does not count the interned dict's references to a string
//! (its strings are "mortal"): `sys.getrefcount(sys.intern(s))` is 2 for a
//! string nothing else holds, and an interned string is freed, and leaves
//! the table, when its last reference goes. This table does the same: it
//! maps a text to a non-owning pointer.
//!
//! Invariant (what makes the pointers safe to follow): an entry points at
//! a live str block whose `IN_INTERN_TABLE` header bit is set and whose
//! text is the entry's key; the bit is set only here, and `Dying::free`
//! calls `forget` for a block that has it before the block is freed.
//!
//! One interpreter per thread: the table is the thread's.

use super::core::{PyRef, RawObj};
use super::kinds::Kind;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static TABLE: RefCell<HashMap<Box<str>, RawObj, rustc_hash::FxBuildHasher>> =
        RefCell::new(HashMap::with_capacity_and_hasher(2048, rustc_hash::FxBuildHasher));
}

fn text(obj: &PyRef) -> Option<&str> {
    if obj.kind() != Kind::Str || obj.has_ext() {
        return None;
    }
    crate::types::str::get(obj).map(|s| s.as_str())
}

/// A new reference to the interned str whose text is `s`, if there is one
/// (a str being freed is no longer found).
pub fn get(s: &str) -> Option<PyRef> {
    TABLE
        .try_with(|t| {
            let t = t.borrow();
            // SAFETY: entries point at live blocks (module invariant).
            t.get(s).and_then(|&raw| unsafe { raw.upgrade() })
        })
        .ok()
        .flatten()
}

/// Intern `obj`, an exact str: the interned str with its text (a new
/// reference), which is `obj` itself when the text had none. An object
/// that is not an exact str is given back uninterned.
pub fn intern(obj: &PyRef) -> PyRef {
    let Some(s) = text(obj) else { return obj.clone() };
    if let Some(r) = get(s) {
        return r;
    }
    let raw = RawObj::of(obj);
    let ok = TABLE
        .try_with(|t| {
            t.borrow_mut().insert(s.into(), raw);
        })
        .is_ok();
    if ok {
        // SAFETY: `obj` is alive (borrowed here); the entry just made is
        // the one the bit stands for.
        unsafe { raw.set_in_intern_table() };
    }
    obj.clone()
}

/// Whether `obj` is the str the table holds for its text.
pub fn is_interned(obj: &PyRef) -> bool {
    let Some(s) = text(obj) else { return false };
    let raw = RawObj::of(obj);
    TABLE.try_with(|t| t.borrow().get(s) == Some(&raw)).unwrap_or(false)
}

/// Number of entries (interned strings alive).
pub fn len() -> usize {
    TABLE.try_with(|t| t.borrow().len()).unwrap_or(0)
}

/// Remove the entry of a str block about to be freed (only when the entry
/// is this block's: a str interned later with the same text keeps its own).
///
/// # Safety
/// `raw` must be a str block that is still alive (its payload not yet
/// dropped).
pub(super) unsafe fn forget(raw: RawObj) {
    let view = raw.view();
    let Some(s) = text(&view) else { return };
    let _ = TABLE.try_with(|t| {
        let mut t = t.borrow_mut();
        if t.get(s) == Some(&raw) {
            t.remove(s);
        }
    });
}
