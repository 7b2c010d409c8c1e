//! Unit tests of the object core (header, allocation, counting, downcasting,
//! instance trailers, the deallocation policy and its trashcan).
//!
//! They use only the safe API and payload types that can be built without an
//! interpreter (`()`, floats, ints, strs, tuples, lists, cells), so they run
//! quickly under Miri: `cargo +nightly miri test -p refscope-runtime object::`
//! (see scripts/check-memory). The last tests start a real `Vm` and are not
//! run under Miri (bootstrapping every builtin type is too slow there).
//!
//! Every test runs on its own thread (libtest), and the state of heap.rs
//! (live-block count, finalizer hooks, trashcan queue) is thread-local, so
//! the tests do not see each other's objects or hooks. Objects are compared
//! by address (`id`) and counts are asserted exactly: a wrong count, a block
//! freed twice or never, or a payload at the wrong offset makes them fail
//! (or makes Miri report the undefined behaviour).
//!
//! Miri's leak check stays on: objects the tests make immortal on purpose
//! are parked in a static (`park`), which Miri counts as reachable; anything
//! else still allocated when the test program ends is reported.

use super::heap::{self, live_blocks};
use super::{core, flags, Kind, PyRef};
use crate::types::cell::CellData;
use crate::types::float::FloatData;
use crate::types::int::IntData;
use crate::types::list::ListData;
use crate::types::str::StrData;
use crate::types::tuple::TupleData;

/// A tuple-kind object of type `ty` holding `items`.
fn tup(ty: &PyRef, items: Vec<PyRef>) -> PyRef {
    let n = items.len();
    PyRef::new_tailed(ty, (), n, items.into_iter())
}

/// The same, as an instance of a user class with `nslots` slot values.
fn tup_ext(ty: &PyRef, items: Vec<PyRef>, nslots: usize) -> PyRef {
    let n = items.len();
    PyRef::new_ext_tailed(ty, (), n, items.into_iter(), nslots)
}
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::sync::Mutex;

/// A reference parked for the rest of the program.
struct Parked(#[allow(dead_code)] PyRef);

// SAFETY: a parked reference is never used again, by any thread: it is only
// moved (as bytes, with the Vec) and never dropped, since `PARKED` is a
// static. It only keeps its object reachable for Miri's leak check.
unsafe impl Send for Parked {}

static PARKED: Mutex<Vec<Parked>> = Mutex::new(Vec::new());

/// Keep `r`'s object (and what it references) reachable until the program
/// ends: for objects that are leaked on purpose (immortal ones).
fn park(r: PyRef) {
    PARKED.lock().unwrap_or_else(|e| e.into_inner()).push(Parked(r));
}

/// A stand-in for `type`: a self-typed, immortal object with payload `()`.
/// The core does not require a type's payload to be `TypeData`.
fn meta() -> PyRef {
    let m = PyRef::new_self_typed(());
    park(m.clone());
    m
}

/// A mortal "class" (heap type) whose type is `meta`: its instances count a
/// reference to it, as instances of Python classes do.
fn heap_type(meta: &PyRef) -> PyRef {
    let t = PyRef::new_type(meta, ());
    t.set_flag(flags::HEAPTYPE);
    t
}

fn float(ty: &PyRef, v: f64) -> PyRef {
    PyRef::new(ty, FloatData(v))
}

fn float_value(o: &PyRef) -> f64 {
    o.payload::<FloatData>().expect("a float").0
}

/// The size of a deep chain: big enough that freeing it recursively would
/// overflow the test thread's 2 MiB stack natively; small under Miri, but
/// still far deeper than the trashcan's nesting limit (64).
fn chain_len() -> usize {
    if cfg!(miri) {
        1_000
    } else {
        1_000_000
    }
}

// ---------------------------------------------------------------------------
// Allocation, counting, identity

#[test]
fn new_object_has_count_one_and_its_type() {
    let m = meta();
    let start = live_blocks();
    let o = float(&m, 1.5);
    assert_eq!(o.refcount(), 1);
    assert_eq!(o.kind(), Kind::Float);
    assert!(o.ty().is(&m));
    assert_eq!(o.ty().id(), m.id());
    assert_eq!(o.flags(), 0);
    assert!(!o.has_ext());
    assert!(o.ext().is_none());
    assert_eq!(live_blocks(), start + 1);
    drop(o);
    assert_eq!(live_blocks(), start);
}

#[test]
fn clone_and_drop_count_exactly() {
    let m = meta();
    let start = live_blocks();
    let a = float(&m, 2.0);
    let b = a.clone();
    let c = b.clone();
    assert_eq!(a.refcount(), 3);
    assert!(a.is(&b) && b.is(&c));
    assert_eq!(a, c, "PyRef equality is identity");
    assert_eq!(a.id(), c.id());
    drop(b);
    assert_eq!(a.refcount(), 2);
    drop(c);
    assert_eq!(a.refcount(), 1);
    assert_eq!(live_blocks(), start + 1, "still alive with one reference");
    let v: Vec<PyRef> = (0..10).map(|_| a.clone()).collect();
    assert_eq!(a.refcount(), 11);
    drop(v);
    assert_eq!(a.refcount(), 1);
    drop(a);
    assert_eq!(live_blocks(), start);
}

#[test]
fn distinct_objects_are_distinct() {
    let m = meta();
    let a = float(&m, 1.0);
    let b = float(&m, 1.0);
    assert!(!a.is(&b));
    assert_ne!(a, b);
    assert_ne!(a.id(), b.id());
    assert!(format!("{a:?}").starts_with("<Float object at 0x"), "{a:?}");
}

#[test]
fn payload_downcast_checks_the_kind() {
    let m = meta();
    let f = float(&m, 6.25);
    let i = PyRef::new(&m, IntData::Small(-7));
    let s = PyRef::new(&m, StrData::new("héllo".to_string()));
    let unit = PyRef::new(&m, ());

    assert_eq!(f.payload::<FloatData>().map(|x| x.0), Some(6.25));
    assert!(f.payload::<IntData>().is_none());
    assert!(f.payload::<StrData>().is_none());
    assert!(f.payload::<()>().is_none());

    assert!(matches!(i.payload::<IntData>(), Some(IntData::Small(-7))));
    assert!(i.payload::<FloatData>().is_none());

    let sd = s.payload::<StrData>().expect("a str");
    assert_eq!(sd.as_str(), "héllo");
    assert_eq!(sd.char_len(), 5);
    assert_eq!(s.kind(), Kind::Str);
    assert!(s.payload::<TupleData>().is_none());

    assert!(unit.payload::<()>().is_some());
    assert!(unit.payload::<FloatData>().is_none());
    assert_eq!(unit.kind(), Kind::Object);
    // The type object itself has payload ().
    assert!(m.payload::<()>().is_some());
}

#[test]
#[should_panic(expected = "used as")]
fn payload_unchecked_panics_on_the_wrong_kind() {
    let m = meta();
    let f = float(&m, 1.0);
    let _ = f.payload_unchecked::<IntData>();
}

#[test]
fn payload_unchecked_on_the_right_kind() {
    let m = meta();
    let f = float(&m, -0.5);
    assert_eq!(f.payload_unchecked::<FloatData>().0, -0.5);
}

#[test]
fn the_header_is_two_words() {
    assert_eq!(std::mem::size_of::<core::Header>(), 16);
    assert_eq!(std::mem::size_of::<PyRef>(), 8);
    assert_eq!(std::mem::size_of::<Option<PyRef>>(), 8, "PyRef keeps the null niche");
}

#[test]
fn block_sizes_are_header_plus_payload() {
    // The header is 16 bytes: count (4), kind (1), flags (1), padding (2),
    // type pointer (8).
    assert_eq!(core::block_size::<()>(), 16);
    assert_eq!(core::block_size::<FloatData>(), 24);
    assert_eq!(super::kinds::payload_block_size(Kind::Float), 24);
    assert_eq!(super::kinds::payload_block_size(Kind::Object), 16);
}

#[test]
fn containers_own_their_items() {
    let m = meta();
    let start = live_blocks();
    let a = float(&m, 1.0);
    let b = float(&m, 2.0);
    let t = tup(&m, vec![a.clone(), b.clone(), a.clone()]);
    assert_eq!(a.refcount(), 3);
    assert_eq!(b.refcount(), 2);
    let l = PyRef::new(&m, ListData::new(vec![t.clone()]));
    assert_eq!(t.refcount(), 2);
    l.payload::<ListData>().unwrap().push(b.clone());
    assert_eq!(b.refcount(), 3);
    assert_eq!(live_blocks(), start + 4);

    drop(t);
    assert_eq!(a.refcount(), 3, "the list still holds the tuple");
    drop(l);
    assert_eq!(a.refcount(), 1);
    assert_eq!(b.refcount(), 1);
    assert_eq!(live_blocks(), start + 2);
    drop((a, b));
    assert_eq!(live_blocks(), start);
}

#[test]
fn a_unique_tuple_is_recycled_in_place() {
    let m = meta();
    let start = live_blocks();
    let (a, b, c, d) = (float(&m, 1.0), float(&m, 2.0), float(&m, 3.0), float(&m, 4.0));
    let mut t = tup(&m, vec![a.clone(), b.clone()]);
    let id = t.id();
    // Held twice: not recycled, the new items come back.
    let other = t.clone();
    let back = PyRef::recycle_tuple(&mut t, [c.clone(), d.clone()]).expect_err("shared tuple");
    assert!(back[0].is(&c) && back[1].is(&d));
    drop((back, other));
    // Held once: the same block with the new items, the old ones returned.
    let old = PyRef::recycle_tuple(&mut t, [c.clone(), d.clone()]).expect("unique tuple");
    assert_eq!(t.id(), id);
    assert!(old[0].is(&a) && old[1].is(&b));
    let items = t.payload::<TupleData>().unwrap().items();
    assert!(items[0].is(&c) && items[1].is(&d));
    assert_eq!((c.refcount(), d.refcount()), (2, 2));
    drop(old);
    assert_eq!((a.refcount(), b.refcount()), (1, 1));
    // The wrong length is refused.
    assert!(PyRef::recycle_tuple(&mut t, [a.clone()]).is_err());
    assert_eq!(live_blocks(), start + 5);
    drop(t);
    assert_eq!((c.refcount(), d.refcount()), (1, 1));
    drop((a, b, c, d));
    assert_eq!(live_blocks(), start);
}

#[test]
fn a_cell_can_hold_its_own_container_until_cleared() {
    // A reference cycle is not collected (there is no cycle GC in the core);
    // breaking it by hand frees both objects.
    let m = meta();
    let start = live_blocks();
    let cell = PyRef::new(&m, CellData::new(None));
    let t = tup(&m, vec![cell.clone()]);
    cell.payload::<CellData>().unwrap().set(Some(t.clone()));
    assert_eq!(cell.refcount(), 2);
    assert_eq!(t.refcount(), 2);
    drop(t);
    assert_eq!(live_blocks(), start + 2);
    cell.payload::<CellData>().unwrap().set(None);
    assert_eq!(cell.refcount(), 1, "the tuple was freed and released the cell");
    assert_eq!(live_blocks(), start + 1);
    drop(cell);
    assert_eq!(live_blocks(), start);
}

// ---------------------------------------------------------------------------
// Types: self-typed, heap types, set_type

#[test]
fn self_typed_object_is_its_own_type_and_immortal() {
    let start = live_blocks();
    let t = PyRef::new_self_typed(());
    park(t.clone());
    assert_eq!(live_blocks(), start + 1, "counted like any block");
    assert!(t.ty().is(&t));
    assert!(t.ty().ty().ty().is(&t));
    assert_eq!(t.refcount(), 2, "its type pointer is not counted");
    assert_ne!(t.flags() & flags::IMMORTAL, 0);
    let t2 = t.clone();
    assert_eq!(t.refcount(), 3);
    drop(t2);
    assert_eq!(t.refcount(), 2);
}

#[test]
fn instances_of_heap_types_count_a_reference_to_their_type() {
    let m = meta();
    let start = live_blocks();
    let cls = heap_type(&m);
    assert_eq!(cls.refcount(), 1);
    assert_eq!(m.refcount(), 2, "the immortal meta is not counted (one ref is parked)");
    let a = PyRef::new(&cls, ());
    let b = float(&cls, 3.0);
    let c = PyRef::new_ext(&cls, IntData::Small(1), 0);
    assert_eq!(cls.refcount(), 4);
    drop(b);
    assert_eq!(cls.refcount(), 3);

    // The class outlives the last outside reference while instances exist.
    let cls_id = cls.id();
    drop(cls);
    assert_eq!(a.ty().id(), cls_id);
    assert_eq!(a.ty().refcount(), 2);
    assert_eq!(live_blocks(), start + 3);
    drop(a);
    assert_eq!(c.ty().refcount(), 1);
    drop(c);
    assert_eq!(live_blocks(), start, "the class was freed with its last instance");
}

/// Whether an instance counts its type depends on the type's immortality,
/// not on the HEAPTYPE flag: a mortal type without the flag is kept alive by
/// its instances too (it used to be freed under them: `ty()` dangled).
#[test]
fn every_mortal_type_is_kept_alive_by_its_instances() {
    let m = meta();
    let start = live_blocks();
    let t = PyRef::new_type(&m, ());
    assert_eq!(t.flags() & flags::HEAPTYPE, 0);
    let o = PyRef::new(&t, ());
    assert_eq!(t.refcount(), 2);
    drop(t);
    assert_eq!(o.ty().refcount(), 1);
    assert!(o.ty().ty().is(&m));
    drop(o);
    assert_eq!(live_blocks(), start);
}

/// Flipping HEAPTYPE after instances exist does not unbalance the counts.
#[test]
fn changing_the_heaptype_flag_keeps_counts_balanced() {
    let m = meta();
    let start = live_blocks();
    let t = PyRef::new_type(&m, ());
    let a = PyRef::new(&t, ());
    t.set_flag(flags::HEAPTYPE);
    let b = PyRef::new(&t, ());
    t.clear_flag(flags::HEAPTYPE);
    assert_eq!(t.refcount(), 3);
    drop((a, b));
    assert_eq!(t.refcount(), 1);
    drop(t);
    assert_eq!(live_blocks(), start);
}

#[test]
fn instances_of_immortal_types_do_not_count_them() {
    let m = meta();
    let t = PyRef::new_type(&m, ());
    t.set_flag(flags::IMMORTAL);
    park(t.clone());
    let before = t.refcount();
    let o = PyRef::new(&t, ());
    assert_eq!(t.refcount(), before);
    assert!(o.ty().is(&t));
    drop(o);
    assert_eq!(t.refcount(), before);
}

#[test]
#[should_panic(expected = "used as a type")]
fn an_object_without_a_type_slot_is_not_a_type() {
    let m = meta();
    let not_a_type = PyRef::new(&m, ());
    let _ = PyRef::new(&not_a_type, ());
}

#[test]
#[should_panic(expected = "used as a type")]
fn set_type_to_a_non_type_panics() {
    let m = meta();
    let o = PyRef::new(&m, ());
    let f = float(&m, 1.0);
    let _ = o.set_type(&f);
}

#[test]
fn objects_of_kind_type_and_self_typed_objects_are_types() {
    // A `Type` payload gets a type slot without asking; `new_type` gives one
    // to any payload; `new` does not.
    let m = meta();
    let t = PyRef::new_type(&m, FloatData(1.0));
    let o = PyRef::new(&t, ());
    assert!(o.ty().is(&t));
    assert_eq!(float_value(o.ty()), 1.0);
    let ns = PyRef::new_self_typed(FloatData(2.0));
    park(ns.clone());
    let o2 = PyRef::new_ext(&ns, (), 1);
    assert_eq!(float_value(o2.ty()), 2.0);
}

#[test]
fn set_type_moves_the_counted_reference() {
    let m = meta();
    let start = live_blocks();
    let a = heap_type(&m);
    let b = heap_type(&m);
    let o = PyRef::new_ext(&a, (), 0);
    assert_eq!((a.refcount(), b.refcount()), (2, 1));

    let old = o.set_type(&b).expect("the old type was counted");
    assert!(old.is(&a));
    assert!(o.ty().is(&b));
    assert_eq!(b.refcount(), 2);
    // The object keeps its reference to `a` until it is freed (borrows from
    // `ty()` may still point at it); `old` is an extra one.
    assert_eq!(a.refcount(), 3);
    drop(old);
    assert_eq!(a.refcount(), 2);

    // To an immortal type: not counted; `b` kept as well.
    drop(o.set_type(&m).expect("b was counted"));
    assert_eq!(b.refcount(), 2);
    assert!(o.ty().is(&m));
    // From an immortal type: nothing to keep.
    assert!(o.set_type(&a).is_none());
    assert_eq!(a.refcount(), 3, "counted again as the type, and still kept");
    assert!(o.ty().is(&a));
    drop(o);
    assert_eq!((a.refcount(), b.refcount()), (1, 1));
    drop((a, b));
    assert_eq!(live_blocks(), start);
}

/// A borrow from `ty()` stays valid, and keeps naming the old type, when the
/// type is replaced and every other reference to the old type is dropped.
/// (It used to point at the header field that `set_type` overwrote, and the
/// old type was freed under it: Miri reported both.)
#[test]
fn a_type_borrow_survives_set_type() {
    let m = meta();
    let start = live_blocks();
    let a = heap_type(&m);
    let b = heap_type(&m);
    let a_id = a.id();
    let o = PyRef::new(&a, ());
    drop(a);
    let t = o.ty();
    drop(o.set_type(&b));
    assert_eq!(t.id(), a_id);
    assert_eq!(t.refcount(), 1, "kept alive by the object only");
    assert!(o.ty().is(&b));
    drop(b);
    drop(o);
    assert_eq!(live_blocks(), start, "both classes freed with the object");
}

/// Assigning back and forth keeps each previous type once, not once per
/// assignment.
#[test]
fn repeated_set_type_keeps_each_old_type_once() {
    let m = meta();
    let start = live_blocks();
    let a = heap_type(&m);
    let b = heap_type(&m);
    let o = PyRef::new_ext(&a, (), 0);
    for i in 0..100 {
        let to = if i % 2 == 0 { &b } else { &a };
        drop(o.set_type(to));
        drop(o.set_type(to)); // the same type again
    }
    assert!(o.ty().is(&a));
    assert_eq!(a.refcount(), 3, "ours, the type pointer, kept once");
    assert_eq!(b.refcount(), 2, "ours, kept once");
    drop(o);
    assert_eq!((a.refcount(), b.refcount()), (1, 1));
    drop((a, b));
    assert_eq!(live_blocks(), start);
}

#[test]
fn set_type_of_a_self_typed_object() {
    // What typeobj::fix_namespaces does: namespace dicts start self-typed and
    // get their real type once it exists.
    let m = meta();
    let d = PyRef::new_self_typed(FloatData(0.25));
    park(d.clone());
    let borrowed = d.ty();
    assert!(borrowed.is(&d));
    assert!(d.set_type(&m).is_none());
    assert!(d.ty().is(&m));
    assert!(borrowed.is(&d), "the borrow still names the old type");
    assert_eq!(float_value(&d), 0.25);
}

// ---------------------------------------------------------------------------
// Header flags

#[test]
#[should_panic(expected = "HAS_EXT")]
fn has_ext_cannot_be_set() {
    // It would make `ext()` read a trailer past the end of the block.
    let m = meta();
    let o = float(&m, 1.0);
    o.set_flag(flags::HAS_EXT);
}

#[test]
#[should_panic(expected = "HAS_EXT")]
fn has_ext_cannot_be_cleared() {
    let m = meta();
    let o = PyRef::new_ext(&m, (), 0);
    o.clear_flag(flags::HAS_EXT);
}

#[test]
#[should_panic(expected = "IMMORTAL")]
fn immortality_is_irrevocable() {
    let m = meta();
    m.clear_flag(flags::IMMORTAL);
}

#[test]
fn other_flags_can_be_set_and_cleared() {
    let m = meta();
    let o = PyRef::new_ext(&m, (), 0);
    o.set_flag(flags::INTERNED | flags::FINALIZED);
    assert_eq!(o.flags(), flags::HAS_EXT | flags::INTERNED | flags::FINALIZED);
    o.clear_flag(flags::INTERNED);
    assert_eq!(o.flags(), flags::HAS_EXT | flags::FINALIZED);
}

// ---------------------------------------------------------------------------
// Instance trailers (new_ext)

#[test]
fn new_ext_has_a_dict_and_slots_trailer() {
    let m = meta();
    let start = live_blocks();
    let o = PyRef::new_ext(&m, FloatData(9.5), 3);
    assert!(o.has_ext());
    assert_ne!(o.flags() & flags::HAS_EXT, 0);
    assert_eq!(o.kind(), Kind::Float);
    // The payload is at the same offset with and without the trailer.
    assert_eq!(float_value(&o), 9.5);
    assert!(o.payload::<IntData>().is_none());

    let ext = o.ext().expect("a trailer");
    assert_eq!(o.slots().len(), 3);
    assert_eq!(ext.nslots(), 3);
    assert!(!ext.dict.is_some());
    assert!(o.slots().iter().all(|s| !s.is_some()));

    let v0 = float(&m, 0.0);
    let v2 = PyRef::new(&m, StrData::new("slot two".into()));
    let d = PyRef::new(&m, ListData::new(vec![v0.clone()]));
    o.slots()[0].set(Some(v0.clone()));
    o.slots()[2].set(Some(v2.clone()));
    ext.dict.set(Some(d.clone()));
    assert_eq!((v0.refcount(), v2.refcount(), d.refcount()), (3, 2, 2));
    assert!(o.slots()[2].get().unwrap().is(&v2));
    assert_eq!(live_blocks(), start + 4);

    drop(o);
    // Freeing the instance released its slots and dict (and the dict its item).
    assert_eq!((v0.refcount(), v2.refcount(), d.refcount()), (2, 1, 1));
    drop(d);
    assert_eq!(v0.refcount(), 1);
    drop((v0, v2));
    assert_eq!(live_blocks(), start);
}

#[test]
fn new_ext_values_follow_the_slots() {
    let m = meta();
    let start = live_blocks();
    let o = PyRef::new_ext_values(&m, (), 2, 3);
    let ext = o.ext().expect("a trailer");
    assert_eq!((o.slots().len(), o.values().len()), (2, 3));
    assert_eq!((ext.values_len(), ext.values_capacity()), (0, 3));
    assert!(o.values().iter().all(|s| !s.is_some()));
    let s0 = float(&m, 1.0);
    let (a, b, c) = (float(&m, 2.0), float(&m, 3.0), float(&m, 4.0));
    o.slots()[1].set(Some(s0.clone()));
    o.values()[0].set(Some(a.clone()));
    o.values()[1].set(Some(b.clone()));
    o.values()[2].set(Some(c.clone()));
    ext.set_values_len(3);
    // Slots and values are distinct cells.
    assert!(o.slots()[1].get().unwrap().is(&s0));
    assert!(!o.slots()[0].is_some());
    assert!(o.values()[2].get().unwrap().is(&c));
    // One value by index: only those in use.
    assert!(o.inline_value(1).unwrap().get().unwrap().is(&b));
    assert!(o.inline_value(3).is_none());
    ext.set_values_len(1);
    assert!(o.inline_value(0).unwrap().get().unwrap().is(&a));
    assert!(o.inline_value(1).is_none());
    assert!(s0.inline_value(0).is_none());
    ext.set_values_len(3);
    assert_eq!((s0.refcount(), a.refcount(), b.refcount(), c.refcount()), (2, 2, 2, 2));
    // The collector sees slots, then values, then the type.
    let mut seen = Vec::new();
    super::gc::traverse(&o, &mut |r: &PyRef| seen.push(r.id()));
    assert_eq!(&seen[..4], &[s0.id(), a.id(), b.id(), c.id()]);
    // Clearing releases the values in use.
    ext.set_values_len(2);
    super::gc::clear(&o);
    assert_eq!((s0.refcount(), a.refcount(), b.refcount(), c.refcount()), (1, 1, 1, 2));
    assert_eq!(ext.values_len(), 0);
    drop(o);
    // Freeing releases every value, in use or not.
    assert_eq!(c.refcount(), 1);
    drop((s0, a, b, c));
    assert_eq!(live_blocks(), start);
}

#[test]
fn new_ext_values_without_slots_are_freed_with_the_block() {
    let m = meta();
    let start = live_blocks();
    let v = float(&m, 5.0);
    for n in [1usize, 2, 7] {
        let o = PyRef::new_ext_values(&m, (), 0, n);
        for s in o.values() {
            s.set(Some(v.clone()));
        }
        o.ext().unwrap().set_values_len(n);
        assert_eq!(v.refcount(), 1 + n);
        assert!(o.slots().is_empty());
        drop(o);
        assert_eq!(v.refcount(), 1);
    }
    drop(v);
    assert_eq!(live_blocks(), start);
}

#[test]
fn new_ext_for_every_small_payload() {
    let m = meta();
    let start = live_blocks();
    let keep = float(&m, 1.0);
    let objs = vec![
        PyRef::new_ext(&m, (), 1),
        PyRef::new_ext(&m, IntData::Small(5), 0),
        PyRef::new_ext(&m, StrData::new("s".into()), 2),
        tup_ext(&m, vec![keep.clone()], 1),
        PyRef::new_ext(&m, ListData::new(vec![keep.clone(), keep.clone()]), 4),
        PyRef::new_ext(&m, CellData::new(Some(keep.clone())), 0),
    ];
    assert_eq!(keep.refcount(), 5);
    for o in &objs {
        assert!(o.has_ext());
        assert!(o.ext().is_some());
        o.ext().unwrap().dict.set(Some(keep.clone()));
    }
    assert_eq!(objs[2].payload::<StrData>().unwrap().as_str(), "s");
    assert_eq!(objs[3].payload::<TupleData>().unwrap().items().len(), 1);
    assert_eq!(objs[4].payload::<ListData>().unwrap().len(), 2);
    assert_eq!(objs[4].slots().len(), 4);
    assert_eq!(keep.refcount(), 11);
    assert_eq!(live_blocks(), start + 7);
    drop(objs);
    assert_eq!(keep.refcount(), 1);
    assert_eq!(live_blocks(), start + 1);
}

// ---------------------------------------------------------------------------
// Immortal objects

// Objects whose last handle is dropped on purpose stay reachable (for the
// leak check and to inspect them) as the *type* of a parked object: an
// instance does not count an immortal type, but points at it.

#[test]
fn immortal_objects_are_never_freed() {
    let m = meta();
    let start = live_blocks();
    let child = float(&m, 4.0);
    let l = PyRef::new_type(&m, ListData::new(vec![child.clone()]));
    l.set_flag(flags::IMMORTAL);
    let witness = PyRef::new(&l, ());
    park(witness.clone());
    let l2 = l.clone();
    drop(l);
    drop(l2);
    // The count reached zero: it was given a large count back instead.
    assert_eq!(witness.ty().refcount(), core::IMMORTAL_REFCNT as usize);
    // Had the list been freed, it would have released the child.
    assert_eq!(child.refcount(), 2);
    assert_eq!(witness.ty().payload::<ListData>().unwrap().len(), 1);
    assert_eq!(live_blocks(), start + 3);
}

#[test]
fn make_immortal_gives_a_large_count() {
    let m = meta();
    let o = PyRef::new_type(&m, ());
    core::make_immortal(&o);
    assert_ne!(o.flags() & flags::IMMORTAL, 0);
    assert_eq!(o.refcount(), core::IMMORTAL_REFCNT as usize);
    park(PyRef::new(&o, ()));
}

#[test]
fn leaked_references_keep_objects_alive() {
    let m = meta();
    let start = live_blocks();
    let child = float(&m, 4.0);
    let t = PyRef::new_type(&m, crate::types::list::ListData::new(vec![child.clone()]));
    core::leak(t.clone());
    assert_eq!(t.refcount(), 2);
    let witness = PyRef::new(&t, ());
    park(witness.clone());
    drop(t);
    assert_eq!(witness.ty().refcount(), 2, "the leaked one and the witness's");
    assert_eq!(child.refcount(), 2);
    assert_eq!(live_blocks(), start + 3);
}

// ---------------------------------------------------------------------------
// Address reuse: CPython's `id([]) == id([])`

/// A freed block goes back to the allocator, and glibc's per-thread cache
/// (tcache) hands the same address to the next allocation of the same size.
/// Not run under Miri: Miri's allocator reuses addresses only sometimes (at
/// random), so the property does not hold there.
#[cfg(not(miri))]
#[test]
fn freed_block_address_is_reused_by_the_next_same_size_object() {
    let m = meta();
    // The first deallocation on a thread registers the destructors of
    // heap.rs's thread-locals, which allocates: warm up once (the
    // interpreter's thread does this at start-up).
    drop(float(&m, 0.0));
    let a = float(&m, 1.0);
    let id = a.id();
    drop(a);
    let b = float(&m, 2.0);
    assert_eq!(b.id(), id, "the freed block was not returned to the allocator");
    // A block that is still alive is of course not reused.
    let c = float(&m, 3.0);
    assert_ne!(c.id(), id);
}

/// The counterpart: an immortal object's block is never returned.
#[cfg(not(miri))]
#[test]
fn immortal_block_address_is_not_reused() {
    let m = meta();
    drop(float(&m, 0.0)); // warm up, as above
    let a = float(&m, 1.0);
    a.set_flag(flags::IMMORTAL);
    let id = a.id();
    drop(a);
    let b = float(&m, 2.0);
    assert_ne!(b.id(), id);
}

// ---------------------------------------------------------------------------
// The trashcan: freeing deep structures without deep recursion

fn tuple_chain(m: &PyRef, n: usize) -> PyRef {
    let mut head = tup(m, Vec::new());
    for _ in 1..n {
        head = tup(m, vec![head]);
    }
    head
}

#[test]
fn dropping_a_deep_tuple_chain_does_not_overflow_the_stack() {
    let m = meta();
    let n = chain_len();
    let start = live_blocks();
    let head = tuple_chain(&m, n);
    assert_eq!(live_blocks(), start + n as isize);
    assert_eq!(head.refcount(), 1);
    drop(head);
    assert_eq!(live_blocks(), start);
}

#[test]
fn dropping_a_deep_list_chain_does_not_overflow_the_stack() {
    let m = meta();
    let n = chain_len();
    let start = live_blocks();
    let mut head = PyRef::new(&m, ListData::new(Vec::new()));
    for i in 1..n {
        // Mix kinds and trailers: every third node is an instance with a
        // trailer whose dict holds the next node instead of the list.
        head = if i % 3 == 0 {
            let o = PyRef::new_ext(&m, ListData::new(Vec::new()), 1);
            o.ext().unwrap().dict.set(Some(head));
            o
        } else {
            PyRef::new(&m, ListData::new(vec![head]))
        };
    }
    assert_eq!(live_blocks(), start + n as isize);
    drop(head);
    assert_eq!(live_blocks(), start);
}

#[test]
fn a_deep_chain_inside_a_deep_chain_is_freed() {
    // Each node holds the next node and the head of a short side chain, so
    // frees deferred by the trashcan release further deep structures when
    // they are finally processed.
    let m = meta();
    let n = if cfg!(miri) { 200 } else { 20_000 };
    let start = live_blocks();
    let mut head = tup(&m, Vec::new());
    for _ in 1..n {
        let side = tuple_chain(&m, 100);
        head = tup(&m, vec![head, side]);
    }
    assert_eq!(live_blocks(), start + (n + (n - 1) * 100) as isize);
    drop(head);
    assert_eq!(live_blocks(), start);
}

#[test]
fn a_shared_tail_survives_the_chain_above_it() {
    let m = meta();
    let start = live_blocks();
    let tail = tuple_chain(&m, 10);
    let mut head = tail.clone();
    for _ in 0..500 {
        head = tup(&m, vec![head]);
    }
    assert_eq!(tail.refcount(), 2);
    drop(head);
    assert_eq!(tail.refcount(), 1);
    assert_eq!(live_blocks(), start + 10);
    drop(tail);
    assert_eq!(live_blocks(), start);
}

#[test]
fn deep_chain_of_instances_of_a_heap_type() {
    // Each instance also releases a reference to its class when freed; the
    // class goes last.
    let m = meta();
    let start = live_blocks();
    let cls = heap_type(&m);
    let n = if cfg!(miri) { 300 } else { 100_000 };
    let mut head = PyRef::new_ext(&cls, (), 1);
    for _ in 1..n {
        let o = PyRef::new_ext(&cls, (), 1);
        o.slots()[0].set(Some(head));
        head = o;
    }
    assert_eq!(cls.refcount(), n + 1);
    drop(cls);
    drop(head);
    assert_eq!(live_blocks(), start);
}

// ---------------------------------------------------------------------------
// Finalizers (heap::set_finalizer_hooks)
//
// The hooks are thread-local and cannot be removed; each test runs on its own
// thread, so installing them here does not affect other tests. The hooks are
// plain fns, so what they do is steered through the thread-locals below.

thread_local! {
    /// Objects with a finalizer: their ids (removed when the finalizer runs,
    /// since a freed block's address is soon reused by another object).
    static WATCHED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
    /// The finalizer stores the object here (resurrecting it) when set.
    static RESURRECT: Cell<bool> = const { Cell::new(false) };
    static RESURRECTED: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
    /// (id, refcount, flags) seen by each finalizer call.
    static CALLS: RefCell<Vec<(usize, usize, u8)>> = const { RefCell::new(Vec::new()) };
    static NEEDS_CALLS: Cell<usize> = const { Cell::new(0) };
    /// What `test_needs` does with the object besides answering.
    static NEEDS_MODE: Cell<NeedsMode> = const { Cell::new(NeedsMode::Look) };
    static KEPT_BY_NEEDS: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

#[derive(Clone, Copy)]
enum NeedsMode {
    Look,
    CloneAndDrop,
    Keep,
}

fn test_needs(r: &PyRef) -> bool {
    NEEDS_CALLS.with(|c| c.set(c.get() + 1));
    match NEEDS_MODE.with(|m| m.get()) {
        NeedsMode::Look => {}
        NeedsMode::CloneAndDrop => {
            assert_eq!(r.refcount(), 1, "the hook gets a counted reference");
            let c = r.clone();
            assert_eq!(c.refcount(), 2);
            drop(c);
        }
        NeedsMode::Keep => KEPT_BY_NEEDS.with(|k| k.borrow_mut().push(r.clone())),
    }
    WATCHED.with(|w| w.borrow().contains(&r.id()))
}

fn test_run(r: &PyRef) -> bool {
    WATCHED.with(|w| w.borrow_mut().remove(&r.id()));
    CALLS.with(|c| c.borrow_mut().push((r.id(), r.refcount(), r.flags())));
    // A finalizer may allocate and free objects of its own.
    let tmp = tup(r.ty(), vec![r.clone()]);
    drop(tmp);
    if RESURRECT.with(|x| x.get()) {
        RESURRECTED.with(|v| v.borrow_mut().push(r.clone()));
    }
    true
}

fn install_hooks() {
    heap::set_finalizer_hooks(test_needs, test_run);
}

fn watch(o: &PyRef) {
    WATCHED.with(|w| w.borrow_mut().insert(o.id()));
}

fn calls() -> Vec<(usize, usize, u8)> {
    CALLS.with(|c| c.borrow().clone())
}

#[test]
fn finalizer_runs_once_then_the_object_is_freed() {
    install_hooks();
    let m = meta();
    let start = live_blocks();
    let child = float(&m, 1.0);
    let o = tup_ext(&m, vec![child.clone()], 0);
    let id = o.id();
    watch(&o);
    let o2 = o.clone();
    drop(o);
    assert!(calls().is_empty(), "not finalized while referenced");
    drop(o2);
    let c = calls();
    assert_eq!(c.len(), 1);
    let (cid, count, fl) = c[0];
    assert_eq!(cid, id);
    assert_eq!(count, 1, "the finalizer holds the only (temporary) reference");
    assert_ne!(fl & flags::FINALIZED, 0, "marked before the finalizer runs");
    assert_eq!(child.refcount(), 1, "freed after the finalizer: the child was released");
    assert_eq!(live_blocks(), start + 1);
}

#[test]
fn objects_without_a_finalizer_are_freed_directly() {
    install_hooks();
    let m = meta();
    let start = live_blocks();
    // Only instances of user classes and generators can have a finalizer:
    // other objects are freed without asking.
    let o = float(&m, 2.0);
    drop(o);
    assert!(calls().is_empty());
    assert_eq!(NEEDS_CALLS.with(|c| c.get()), 0, "a float is not asked");
    assert_eq!(live_blocks(), start);
    let o = PyRef::new_ext(&m, (), 0);
    drop(o);
    assert!(calls().is_empty());
    assert_eq!(NEEDS_CALLS.with(|c| c.get()), 1, "an instance is asked once whether it has a finalizer");
    assert_eq!(live_blocks(), start);
}

#[test]
fn a_finalizer_can_resurrect_its_object_and_never_runs_twice() {
    install_hooks();
    RESURRECT.with(|x| x.set(true));
    let m = meta();
    let start = live_blocks();
    let child = float(&m, 1.0);
    let o = PyRef::new_ext(&m, ListData::new(vec![child.clone()]), 1);
    let id = o.id();
    watch(&o);
    drop(o);
    assert_eq!(calls().len(), 1);
    // Resurrected: alive, with exactly the reference the finalizer stored.
    let back = RESURRECTED.with(|v| v.borrow_mut().pop()).expect("resurrected");
    assert_eq!(back.id(), id);
    assert_eq!(back.refcount(), 1);
    assert_ne!(back.flags() & flags::FINALIZED, 0);
    assert_eq!(child.refcount(), 2, "its payload was not dropped");
    assert_eq!(live_blocks(), start + 2);
    // Usable as before.
    assert_eq!(back.payload::<ListData>().unwrap().len(), 1);
    assert_eq!(back.slots().len(), 1);

    // PEP 442: the second time the count reaches zero, no finalizer.
    drop(back);
    assert_eq!(calls().len(), 1);
    assert_eq!(child.refcount(), 1);
    assert_eq!(live_blocks(), start + 1);
}

#[test]
fn finalizers_in_a_deep_chain_all_run_once() {
    install_hooks();
    let m = meta();
    let start = live_blocks();
    let n = if cfg!(miri) { 300 } else { 100_000 };
    let mut ids = Vec::with_capacity(n);
    let mut head = tup_ext(&m, Vec::new(), 0);
    ids.push(head.id());
    for _ in 1..n {
        head = tup_ext(&m, vec![head], 0);
        ids.push(head.id());
    }
    WATCHED.with(|w| w.borrow_mut().extend(ids.iter().copied()));
    drop(head);
    let c = calls();
    assert_eq!(c.len(), n);
    // Outermost first: a node is finalized before it releases the next.
    let seen: Vec<usize> = c.iter().map(|x| x.0).collect();
    let mut expected = ids;
    expected.reverse();
    assert_eq!(seen, expected);
    assert_eq!(live_blocks(), start);
}

// ---------------------------------------------------------------------------
// With a real interpreter (not under Miri: bootstrapping is too slow there)

#[cfg(not(miri))]
#[test]
fn vm_objects_are_freed_and_counted() {
    let vm = crate::vm::Vm::init(None);
    let start = live_blocks();
    let n = 1_000_000;
    let mut head = vm.list(Vec::new());
    for _ in 1..n {
        head = vm.list(vec![head]);
    }
    assert_eq!(live_blocks(), start + n as isize);
    drop(head);
    assert_eq!(live_blocks(), start);
    // Builtin types are immortal; their instances do not count them.
    let t = vm.tuple([vm.int(1), vm.none.clone()]);
    assert_ne!(t.ty().flags() & flags::IMMORTAL, 0);
    assert_ne!(vm.none.flags() & flags::IMMORTAL, 0);
    drop(t);
    assert_eq!(live_blocks(), start);
}

/// The `needs` hook is safe code and may clone what it is given. It used to
/// get a reference to an object whose count was zero: a clone dropped there
/// re-entered the deallocation (endless recursion), a clone kept there was
/// freed under it (use after free, reported by Miri).
#[test]
fn the_needs_hook_may_clone_the_dying_object() {
    install_hooks();
    NEEDS_MODE.with(|m| m.set(NeedsMode::CloneAndDrop));
    let m = meta();
    let start = live_blocks();
    let child = float(&m, 1.0);
    let o = tup_ext(&m, vec![child.clone()], 0);
    assert_eq!(live_blocks(), start + 2);
    drop(o);
    assert_eq!(NEEDS_CALLS.with(|c| c.get()), 1);
    assert_eq!(child.refcount(), 1, "freed after the hook");
    assert_eq!(live_blocks(), start + 1);
}

#[test]
fn the_needs_hook_may_keep_the_dying_object() {
    install_hooks();
    NEEDS_MODE.with(|m| m.set(NeedsMode::Keep));
    let m = meta();
    let start = live_blocks();
    let child = float(&m, 1.0);
    let o = PyRef::new_ext(&m, ListData::new(vec![child.clone()]), 0);
    let id = o.id();
    drop(o);
    // Kept alive by the hook: not freed, exactly one reference.
    let kept = KEPT_BY_NEEDS.with(|k| k.borrow_mut().pop()).expect("kept");
    assert_eq!(kept.id(), id);
    assert_eq!(kept.refcount(), 1);
    assert_eq!(kept.payload::<ListData>().unwrap().len(), 1);
    assert_eq!(child.refcount(), 2);
    assert_eq!(live_blocks(), start + 2);
    // When the count reaches zero again, the hook is asked again (no
    // finalizer ran); this time it lets the object go.
    NEEDS_MODE.with(|m| m.set(NeedsMode::Look));
    drop(kept);
    assert_eq!(NEEDS_CALLS.with(|c| c.get()), 2);
    assert_eq!(child.refcount(), 1);
    assert_eq!(live_blocks(), start + 1);
}

// ---- the cycle collector (object/gc.rs) ------------------------------------

use super::gc;

/// A collector policy for the tests: objects in `with_del` have a
/// finalizer; the finalizer of an object in `resurrect` stores it in `saved`.
#[derive(Default)]
struct TestCollector {
    with_del: RefCell<Vec<usize>>,
    resurrect: RefCell<Vec<usize>>,
    saved: RefCell<Vec<PyRef>>,
    finalized: RefCell<Vec<usize>>,
}

impl gc::Collector for TestCollector {
    fn needs_finalizer(&self, r: &PyRef) -> bool {
        self.with_del.borrow().contains(&r.id())
    }
    fn finalize(&self, r: &PyRef) {
        self.finalized.borrow_mut().push(r.id());
        if self.resurrect.borrow().contains(&r.id()) {
            self.saved.borrow_mut().push(r.clone());
        }
    }
}

fn list_items(l: &PyRef) -> crate::object::cell::AuxRefMut<'_, Vec<PyRef>> {
    l.payload::<ListData>().expect("a list").items.borrow_mut()
}

fn full_collect(c: &TestCollector) -> usize {
    assert!(gc::begin());
    let n = gc::collect(2, c, false).collected;
    gc::end();
    n
}

#[test]
fn containers_are_tracked_atoms_are_not() {
    let m = meta();
    let l = PyRef::new(&m, ListData::new(vec![]));
    let f = float(&m, 1.0);
    assert!(gc::is_tracked(&l));
    assert!(!gc::is_tracked(&f));
    assert!(l.is_gc() && !f.is_gc());
    gc::untrack(&l);
    assert!(!gc::is_tracked(&l));
    gc::track(&l);
    gc::track(&l);
    assert!(gc::is_tracked(&l));
    assert_eq!(gc::objects(None).iter().filter(|o| o.is(&l)).count(), 1);
}

#[test]
fn a_self_referencing_list_is_collected() {
    let m = meta();
    let base = live_blocks();
    let l = PyRef::new(&m, ListData::new(vec![float(&m, 2.0)]));
    list_items(&l).push(l.clone());
    assert_eq!(l.refcount(), 2);
    drop(l);
    assert_eq!(live_blocks(), base + 2, "the cycle survives reference counting");
    let c = TestCollector::default();
    assert_eq!(full_collect(&c), 1);
    assert_eq!(live_blocks(), base, "the list and the float it held are freed");
}

#[test]
fn reachable_objects_survive_and_move_to_an_older_generation() {
    let m = meta();
    let base = live_blocks();
    let a = PyRef::new(&m, ListData::new(vec![]));
    let b = PyRef::new(&m, ListData::new(vec![a.clone()]));
    list_items(&a).push(b.clone());
    drop(b);
    let c = TestCollector::default();
    assert!(gc::begin());
    assert_eq!(gc::collect(0, &c, false).collected, 0, "a is named from outside, so b is reachable");
    gc::end();
    assert!(gc::objects(Some(1)).iter().any(|o| o.is(&a)), "survivors of generation 0 move to 1");
    assert_eq!(live_blocks(), base + 2);
    drop(a);
    assert_eq!(full_collect(&c), 2);
    assert_eq!(live_blocks(), base);
}

#[test]
fn tuples_of_atoms_are_untracked_by_a_collection() {
    let m = meta();
    let atoms = tup(&m, vec![float(&m, 1.0)]);
    let l = PyRef::new(&m, ListData::new(vec![]));
    let holder = tup(&m, vec![l.clone()]);
    assert!(gc::is_tracked(&atoms) && gc::is_tracked(&holder));
    let c = TestCollector::default();
    full_collect(&c);
    assert!(!gc::is_tracked(&atoms));
    assert!(gc::is_tracked(&holder));
    assert!(gc::may_be_tracked(&holder) && !gc::may_be_tracked(&atoms));
}

#[test]
fn finalizers_run_once_and_can_resurrect() {
    let m = meta();
    let base = live_blocks();
    let a = PyRef::new(&m, ListData::new(vec![]));
    let b = PyRef::new(&m, ListData::new(vec![a.clone()]));
    list_items(&a).push(b.clone());
    let c = TestCollector::default();
    c.with_del.borrow_mut().push(a.id());
    c.resurrect.borrow_mut().push(a.id());
    let a_id = a.id();
    drop((a, b));
    assert_eq!(full_collect(&c), 0, "the finalizer resurrected the cycle");
    assert_eq!(*c.finalized.borrow(), vec![a_id]);
    assert_eq!(live_blocks(), base + 2);
    let saved = c.saved.borrow_mut().pop().unwrap();
    assert!(saved.flags() & flags::FINALIZED != 0);
    drop(saved);
    assert_eq!(full_collect(&c), 2, "collected the second time");
    assert_eq!(c.finalized.borrow().len(), 1, "__del__ ran only once");
    assert_eq!(live_blocks(), base);
}

#[test]
fn objects_freed_during_a_collection_leave_its_lists() {
    // A finalizer that drops the last outside reference to another object
    // of the garbage: the collector must cope with it vanishing.
    struct Dropper(RefCell<Option<PyRef>>);
    impl gc::Collector for Dropper {
        fn needs_finalizer(&self, _r: &PyRef) -> bool {
            true
        }
        fn finalize(&self, _r: &PyRef) {
            drop(self.0.borrow_mut().take());
        }
    }
    let m = meta();
    let base = live_blocks();
    let a = PyRef::new(&m, ListData::new(vec![]));
    list_items(&a).push(a.clone());
    let extra = PyRef::new(&m, ListData::new(vec![]));
    list_items(&a).push(extra.clone());
    let d = Dropper(RefCell::new(Some(extra)));
    drop(a);
    assert!(gc::begin());
    gc::collect(2, &d, false);
    gc::end();
    assert_eq!(live_blocks(), base);
}

#[test]
fn allocation_counts_and_thresholds() {
    let m = meta();
    let c0 = gc::counts()[0];
    let keep: Vec<PyRef> = (0..5).map(|i| tup(&m, vec![float(&m, i as f64); 25])).collect();
    assert_eq!(gc::counts()[0], c0 + 5, "tuples too long for a free list count");
    drop(keep);
    assert_eq!(gc::counts()[0], c0, "and their frees uncount them");
    gc::set_threshold(0, 3);
    let keep: Vec<PyRef> = (0..4).map(|i| tup(&m, vec![float(&m, i as f64); 25])).collect();
    assert!(gc::pending(), "past the threshold a collection is due");
    gc::clear_pending();
    gc::set_threshold(0, 700);
    drop(keep);
}

#[test]
fn watched_objects_are_handed_out_only_while_alive() {
    fn freed(_id: usize) {}
    heap::set_free_observer(Some(freed));
    let m = meta();
    let ty = heap_type(&m);
    let f = float(&ty, 1.5);
    let id = f.id();
    heap::watch(&f);
    let again = heap::watched(id).expect("alive: handed out");
    assert_eq!(f.refcount(), 2, "the watcher holds nothing; the handed-out reference is one");
    assert!(again.is(&f));
    drop(again);
    assert_eq!(f.refcount(), 1);
    drop(f);
    assert!(heap::watched(id).is_none(), "freed: no longer handed out");
    heap::set_free_observer(None);
    heap::unwatch_all();
    park(ty);
    park(m);
}

// ---------------------------------------------------------------------------
// Weak references (weak.rs): the side table and clearing at free time

use super::weak::{self, WeakrefData};

fn weakref_to(m: &PyRef, target: &PyRef, callback: Option<PyRef>, index: usize) -> PyRef {
    let w = PyRef::new(m, WeakrefData::new(callback));
    weak::attach(&w, target, index);
    w
}

fn referent(w: &PyRef) -> Option<PyRef> {
    w.payload::<WeakrefData>().unwrap().get()
}

#[test]
fn weakref_does_not_count_and_is_cleared_when_the_referent_dies() {
    let m = meta();
    let before = live_blocks();
    let obj = float(&m, 1.5);
    let w = weakref_to(&m, &obj, None, 0);
    assert_eq!(obj.refcount(), 1, "a weak reference does not count");
    assert_eq!(weak::count(&obj), 1);
    let got = referent(&w).expect("alive");
    assert!(got.is(&obj));
    assert_eq!(obj.refcount(), 2);
    drop(got);
    drop(obj);
    assert!(referent(&w).is_none(), "cleared at free time");
    assert_eq!(w.refcount(), 1);
    drop(w);
    assert_eq!(live_blocks(), before);
}

#[test]
fn weakref_freed_first_leaves_the_referents_list() {
    let m = meta();
    let before = live_blocks();
    let obj = float(&m, 2.0);
    let w1 = weakref_to(&m, &obj, None, 0);
    let w2 = weakref_to(&m, &obj, None, 0);
    let w3 = weakref_to(&m, &obj, None, 5);
    let ids: Vec<usize> = weak::refs_to(&obj).iter().map(|r| r.id()).collect();
    assert_eq!(ids, vec![w2.id(), w1.id(), w3.id()], "insertion positions are honoured");
    drop(w2);
    assert_eq!(weak::count(&obj), 2);
    drop(w1);
    drop(w3);
    assert_eq!(weak::count(&obj), 0);
    drop(obj);
    assert_eq!(live_blocks(), before);
}

#[test]
fn weakref_callbacks_are_taken_at_refcount_death() {
    thread_local! {
        static CALLED: RefCell<Vec<(usize, usize)>> = const { RefCell::new(Vec::new()) };
    }
    fn hook(refs: Vec<(PyRef, Option<PyRef>)>) {
        for (wr, cb) in refs {
            assert!(referent(&wr).is_none(), "the weak reference is cleared before its callback");
            if let Some(cb) = cb {
                CALLED.with(|c| c.borrow_mut().push((wr.id(), cb.id())));
            }
        }
    }
    heap::set_weakref_callback_hook(hook);
    let m = meta();
    let before = live_blocks();
    let obj = float(&m, 3.0);
    let cb1 = float(&m, 0.0);
    let cb2 = float(&m, 0.0);
    let w1 = weakref_to(&m, &obj, Some(cb1.clone()), 0);
    let w2 = weakref_to(&m, &obj, Some(cb2.clone()), 0);
    assert_eq!(cb1.refcount(), 2);
    drop(obj);
    let called = CALLED.with(|c| c.borrow().clone());
    assert_eq!(called, vec![(w2.id(), cb2.id()), (w1.id(), cb1.id())], "list order");
    assert_eq!(cb1.refcount(), 1, "the callback was taken out of the weak reference");
    assert!(w1.payload::<WeakrefData>().unwrap().callback.borrow().is_none());
    drop((w1, w2, cb1, cb2));
    assert_eq!(live_blocks(), before);
}

#[test]
fn weakref_take_all_clears_for_the_collector() {
    let m = meta();
    let before = live_blocks();
    let obj = float(&m, 4.0);
    let cb = float(&m, 0.0);
    let w = weakref_to(&m, &obj, Some(cb.clone()), 0);
    let taken = weak::take_all(&obj);
    assert_eq!(taken.len(), 1);
    assert!(taken[0].is(&w));
    assert!(referent(&w).is_none());
    assert_eq!(weak::count(&obj), 0);
    assert_eq!(cb.refcount(), 2, "the collector keeps the callback in the weak reference");
    drop(taken);
    drop(obj);
    drop((w, cb));
    assert_eq!(live_blocks(), before);
}

#[test]
fn weakref_detach_then_free_either_order() {
    let m = meta();
    let before = live_blocks();
    let obj = float(&m, 5.0);
    let w = weakref_to(&m, &obj, None, 0);
    weak::detach(&w);
    assert!(referent(&w).is_none());
    assert_eq!(weak::count(&obj), 0);
    weak::detach(&w);
    drop(w);
    drop(obj);
    // Target freed while a weak reference is itself dying in the trashcan
    // queue is covered by `Dying::free`'s checks; here: a weakref to a
    // weakref.
    let a = float(&m, 6.0);
    let w1 = weakref_to(&m, &a, None, 0);
    let w2 = weakref_to(&m, &w1, None, 0);
    drop(w1);
    assert!(referent(&w2).is_none());
    drop((a, w2));
    assert_eq!(live_blocks(), before);
}

// ---------------------------------------------------------------------------
// The small-block pool (pool.rs), tested directly so that Miri checks it
// (under Miri the object core itself allocates from the system).

mod pool_tests {
    use super::super::pool::Pool;
    use std::alloc::Layout;

    #[test]
    fn a_freed_block_is_the_next_one_of_its_class() {
        let mut p = Pool::new();
        let l = Layout::from_size_align(40, 8).unwrap();
        let a = p.alloc(l);
        let b = p.alloc(l);
        assert_ne!(a, b);
        // SAFETY: a and b came from this pool with l.
        unsafe {
            a.write_bytes(0xAB, 40);
            p.dealloc(a, l);
        }
        assert_eq!(p.alloc(l), a, "last in, first out");
        // Another size class does not take it.
        unsafe { p.dealloc(a, l) };
        let other = Layout::from_size_align(80, 8).unwrap();
        let c = p.alloc(other);
        assert_ne!(c, a);
        assert_eq!(p.alloc(l), a);
        unsafe {
            p.dealloc(a, l);
            p.dealloc(b, l);
            p.dealloc(c, other);
        }
    }

    #[test]
    fn blocks_are_distinct_aligned_and_writable_across_chunks() {
        let mut p = Pool::new();
        let l = Layout::from_size_align(512, 16).unwrap();
        // More than one chunk's worth (256 KiB / 512 = 512 blocks).
        let n = if cfg!(miri) { 600 } else { 2000 };
        let blocks: Vec<*mut u8> = (0..n).map(|_| p.alloc(l)).collect();
        for (i, b) in blocks.iter().enumerate() {
            assert_eq!(*b as usize % 16, 0);
            // SAFETY: each block is 512 writable bytes of its own.
            unsafe { b.write_bytes(i as u8, 512) };
        }
        for (i, b) in blocks.iter().enumerate() {
            // SAFETY: as above.
            unsafe { assert_eq!(*b.add(511), i as u8) };
        }
        let mut sorted = blocks.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), n);
        for b in blocks {
            // SAFETY: from this pool with l, freed once.
            unsafe { p.dealloc(b, l) };
        }
    }

    #[test]
    fn big_or_overaligned_blocks_go_to_the_global_allocator() {
        let mut p = Pool::new();
        for l in [Layout::from_size_align(513, 8).unwrap(), Layout::from_size_align(64, 32).unwrap()] {
            let b = p.alloc(l);
            assert_eq!(b as usize % l.align(), 0);
            // SAFETY: writable block of l.size() bytes, freed once.
            unsafe {
                b.write_bytes(1, l.size());
                p.dealloc(b, l);
            }
        }
    }
}

#[test]
fn prefixed_arguments_are_borrowed_and_counts_unchanged() {
    let m = meta();
    let a = float(&m, 1.0);
    let b = float(&m, 2.0);
    let c = float(&m, 3.0);
    let rest = vec![b.clone(), c.clone()];
    let (ca, cb) = (a.refcount(), b.refcount());
    let kept = PyRef::with_prefixed(&a, &rest, |argv| {
        assert_eq!(argv.len(), 3);
        assert!(argv[0].is(&a) && argv[1].is(&b) && argv[2].is(&c));
        // The borrowed entries add no count; a clone is a count of its own.
        assert_eq!(argv[0].refcount(), ca);
        assert_eq!(argv[1].refcount(), cb);
        argv[2].clone()
    });
    assert_eq!(a.refcount(), ca);
    assert_eq!(b.refcount(), cb);
    assert!(kept.is(&c));
    assert_eq!(float_value(&kept), 3.0);
    drop(rest);
    drop(kept);
    assert_eq!(float_value(&c), 3.0);
    // An empty rest gives just the first.
    PyRef::with_prefixed(&a, &[], |argv| assert!(argv.len() == 1 && argv[0].is(&a)));
}

#[test]
fn hold_all_counts_each_reference_until_dropped() {
    let m = meta();
    let start = live_blocks();
    let (a, b) = (float(&m, 1.0), float(&m, 2.0));
    let v = vec![a.clone(), b.clone(), a.clone()];
    assert_eq!((a.refcount(), b.refcount()), (3, 2));
    {
        let _held = PyRef::hold_all(&v);
        assert_eq!((a.refcount(), b.refcount()), (5, 3));
    }
    assert_eq!((a.refcount(), b.refcount()), (3, 2));
    let _empty = PyRef::hold_all(&[]);
    drop((v, a, b));
    assert_eq!(live_blocks(), start);
}

// ----- The interned string table (intern.rs) -----

#[test]
fn interned_table_does_not_count_and_forgets_freed_strings() {
    use super::intern;
    let m = meta();
    let before = live_blocks();
    let a = PyRef::new(&m, StrData::new("zq_interned".to_string()));
    assert_eq!(a.refcount(), 1);
    let i = intern::intern(&a);
    assert!(i.is(&a));
    // The table's entry is not counted: only `a` and `i`.
    assert_eq!(a.refcount(), 2);
    assert!(intern::is_interned(&a));
    let found = intern::get("zq_interned").expect("interned");
    assert!(found.is(&a));
    assert_eq!(a.refcount(), 3);
    drop((i, found));
    // Another str of the same text interns to the first.
    let b = PyRef::new(&m, StrData::new("zq_interned".to_string()));
    let ib = intern::intern(&b);
    assert!(ib.is(&a) && !intern::is_interned(&b));
    drop((ib, b));
    assert_eq!(a.refcount(), 1);
    let n = intern::len();
    // The last reference goes: the block is freed and its entry removed.
    drop(a);
    assert_eq!(intern::len(), n - 1);
    assert!(intern::get("zq_interned").is_none());
    assert_eq!(live_blocks(), before);
    // The text can be interned again, by a new object.
    let c = PyRef::new(&m, StrData::new("zq_interned".to_string()));
    let ic = intern::intern(&c);
    assert!(ic.is(&c));
    drop(ic);
    drop(c);
    assert!(intern::get("zq_interned").is_none());
    assert_eq!(live_blocks(), before);
}

#[test]
fn only_exact_strs_are_interned() {
    use super::intern;
    let m = meta();
    let f = float(&m, 2.5);
    let r = intern::intern(&f);
    assert!(r.is(&f) && !intern::is_interned(&f));
    let s = PyRef::new_ext(&m, StrData::new("zq_sub".into()), 0);
    let r = intern::intern(&s);
    assert!(r.is(&s) && !intern::is_interned(&s));
    assert!(intern::get("zq_sub").is_none());
}
