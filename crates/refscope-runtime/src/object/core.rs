//! The object core: header, allocation, the owning reference, downcasting.
//!
//! This is the only module of refscope that contains `unsafe` code. Everything
//! else manipulates objects through the safe API below.
//!
//! Layout. Every Python object is one heap block laid out as `Obj<T>`: a
//! 16-byte `Header` (reference count, payload kind, flags, type pointer)
//! followed by the payload `T` of its kind. Instances of user classes that
//! derive from a builtin carry an `InstanceExt` (the instance `__dict__` and
//! `__slots__`) after the payload, as `Obj<Ext<T>>`; the header flag `HAS_EXT`
//! says which layout a block has. `id(obj)` is the block's address.
//!
//! Ownership. `PyRef` is an owning handle: creating one increments the count,
//! dropping one decrements it, so reference counts are exact by construction.
//! When a count reaches zero the runtime's `dealloc` policy runs (finalizers,
//! weak references, the deferred-free queue that bounds recursion), and then
//! `free_object` drops the payload (releasing its references) and returns the
//! block to the allocator — so a new object of the same size usually gets the
//! same address, as in CPython (`id([]) == id([])`).
//!
//! Type objects. A block that can serve as a type (payload kind `Type`,
//! blocks made by `new_self_typed` or `new_type`) is preceded by a *slot*:
//! one word holding the address of its own header, written once when the
//! block is allocated and never again. `ty()` hands out a `&PyRef` that points
//! at that slot, in the type's block, not at the instance's header field;
//! so `set_type` can overwrite the header field while such borrows are alive
//! (a `&PyRef` is immutable memory for as long as it lives).
//!
//! Invariants (checked by object/tests.rs, under Miri and valgrind):
//! - a block's payload type is the one its header `kind` names; `HAS_EXT`
//!   (the layout) is fixed at allocation, `set_flag`/`clear_flag` refuse it;
//! - `refcnt` counts exactly the live `PyRef`s to the block, plus one for
//!   every object that holds a counted reference to it as its type;
//! - an object's type stays allocated while the object lives: the object
//!   holds a counted reference to it (`OWNS_TYPE`), unless the type is
//!   immortal (immortality is irrevocable) or the object itself; a type
//!   replaced by `set_type` is kept (`RETIRED`) until the object is freed,
//!   since borrows from `ty()` may still point at it;
//! - a block is freed exactly once, after its count reached zero and the
//!   runtime did not resurrect it; nobody can obtain a reference to a block
//!   whose count is zero (the finalizer hooks get a temporarily resurrected
//!   object, see heap.rs);
//! - a count that would overflow aborts the process (immortal objects just
//!   get their count reset).

use std::alloc::{self, Layout};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::mem::offset_of;
use std::ptr::NonNull;

use super::gc::{self, GcHead};
use super::kinds::{drop_and_free, gc_mode, Kind, PyPayload, Trace};

/// Header flags.
pub mod flags {
    /// The block is `Obj<Ext<T>>`: an instance of a user class.
    pub const HAS_EXT: u8 = 1;
    /// `__del__` already ran (PEP 442: never twice).
    pub const FINALIZED: u8 = 2;
    /// Owned by the runtime forever (static types, cached singletons).
    pub const IMMORTAL: u8 = 4;
    /// The object is a heap type (made by a class statement). Whether an
    /// instance counts a reference to its type does not depend on this flag
    /// (every type but an immortal one is counted), so it may be changed.
    pub const HEAPTYPE: u8 = 8;
    /// A str object that is in the interned table.
    pub const INTERNED: u8 = 16;
    /// A dict that stores an instance's attributes and was never exposed
    /// to Python code (CPython 3.11 keeps such attributes in a values
    /// array, not in a dict object): the collector sees its values as the
    /// instance's own references, and it is neither tracked nor counted as
    /// an allocation until `gc::materialize_dict`.
    pub const MANAGED_DICT: u8 = 32;
}

/// Core-private header flags (`Header::iflags`), not visible in the API.
mod iflags {
    /// The object holds a counted reference to its type.
    pub const OWNS_TYPE: u16 = 1;
    /// The block is preceded by a type slot: the object can be a type.
    pub const HAS_SLOT: u16 = 2;
    /// Types the object had before `set_type` are kept in `RETIRED_TYPES`.
    pub const RETIRED: u16 = 4;
    /// The block is preceded by a collector head (`gc::GcHead`): the object
    /// can be tracked by the cycle collector. Every slotted block has one.
    pub const HAS_GC: u16 = 8;
    /// The allocation counted in generation 0's count (and its free
    /// uncounts it), as CPython counts GC objects.
    pub const GC_COUNTED: u16 = 16;
    /// Weak references to the object exist: it has an entry in the weak
    /// reference table (`weak.rs`), which must be cleared before the block
    /// is freed.
    pub const HAS_WEAKREFS: u16 = 32;
    /// The object (a str) has an entry in the interned string table
    /// (`intern.rs`), which must be removed before the block is freed.
    pub const IN_INTERN_TABLE: u16 = 64;
}

/// How a payload kind takes part in cycle collection (see `kinds::gc_mode`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GcMode {
    /// Atomic: never tracked, no collector head.
    None,
    /// A container: collector head, counted as an allocation.
    Counted,
    /// A container whose allocation CPython 3.11 does not make (frames):
    /// collector head, not counted.
    Uncounted,
}

#[repr(C)]
pub struct Header {
    refcnt: Cell<u32>,
    kind: Kind,
    flags: Cell<u8>,
    iflags: Cell<u16>,
    /// The type's header. The type's block has a slot (see the module doc).
    ty: Cell<NonNull<Header>>,
}

#[repr(C)]
struct Obj<T> {
    header: Header,
    payload: T,
}

/// A type object's self-reference, laid out as a `PyRef`.
type Slot = NonNull<Header>;

/// The block of a container: the collector head, then the object (`X` is
/// `Obj<T>` or `Obj<Ext<T>>`).
#[repr(C)]
struct Gc<X> {
    gc: GcHead,
    obj: X,
}

/// The block of an object that can be a type: a word of padding (so that
/// the object is 16-byte aligned, as every CPython object: identities and
/// pointer hashes show it), the slot, the collector head, then the object.
#[repr(C)]
struct SlottedGc<X> {
    _align: std::mem::MaybeUninit<usize>,
    slot: Slot,
    gc: GcHead,
    obj: X,
}

/// Where an object's header sits in its block.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefix {
    None,
    Gc,
    SlottedGc,
}

/// Bytes from a collector head to its object's header.
const GC_TO_HEADER: usize = std::mem::size_of::<GcHead>();
/// Bytes from a type's slot to its header.
const SLOT_TO_HEADER: usize = std::mem::size_of::<Slot>() + GC_TO_HEADER;

/// Types that objects had before `set_type` replaced them, by object
/// address; released when the object is freed.
#[derive(Default)]
struct RetiredTypes(RefCell<HashMap<usize, Vec<PyRef>>>);

impl Drop for RetiredTypes {
    /// At thread exit, the objects still holding entries are alive, so
    /// leaked with the thread: leak the types they keep as well, rather than
    /// run the deallocation policy during thread teardown.
    fn drop(&mut self) {
        for (_, kept) in self.0.get_mut().drain() {
            kept.into_iter().for_each(leak);
        }
    }
}

thread_local! {
    static RETIRED_TYPES: RetiredTypes = RetiredTypes::default();
}

/// The trailer of instances of user classes.
///
/// The values of `__slots__` members follow the `Obj<Ext<T>>` in the same
/// block (as CPython keeps them inside the object): `PyRef::slots` reads
/// them, so an instance is one allocation and the collector finds its
/// slots without following another pointer.
/// The most inline attribute values an instance can have.
pub const MAX_INLINE_VALUES: usize = u8::MAX as usize;

pub struct InstanceExt {
    /// The instance `__dict__` (created on first use). While it is `None`,
    /// the attributes may be in the inline values instead (`PyRef::values`).
    pub dict: RefSlot,
    /// Number of slot values after the object.
    nslots: u32,
    /// Bytes from the header to the first slot value.
    slots_offset: u16,
    /// Number of inline attribute values, after the slot values (fixed at
    /// allocation).
    vcap: u8,
    /// How many of the inline values are in use (a prefix).
    vlen: Cell<u8>,
}

// Instances' size classes depend on this (with two `__slots__`: header,
// collector head, this and the slots make 64 bytes).
const _: () = assert!(std::mem::size_of::<InstanceExt>() == 16);

impl InstanceExt {
    /// Number of `__slots__` values.
    pub fn nslots(&self) -> usize {
        self.nslots as usize
    }
    /// Number of inline values in use (see `PyRef::values`).
    #[inline]
    pub fn values_len(&self) -> usize {
        self.vlen.get() as usize
    }
    /// Set the number of inline values in use; at most the capacity.
    #[inline]
    pub fn set_values_len(&self, n: usize) {
        assert!(n <= self.vcap as usize, "inline values past capacity");
        self.vlen.set(n as u8);
    }
    /// Number of inline values the block has room for.
    #[inline]
    pub fn values_capacity(&self) -> usize {
        self.vcap as usize
    }
    fn new(nslots: usize, slots_offset: usize, vcap: usize) -> InstanceExt {
        InstanceExt {
            dict: RefSlot::new(None),
            nslots: u32::try_from(nslots).expect("too many __slots__"),
            slots_offset: u16::try_from(slots_offset).expect("instance payload too large"),
            vcap: u8::try_from(vcap).expect("too many inline values"),
            vlen: Cell::new(0),
        }
    }
}

/// The layout of a block `B` (a `Gc<X>`, `SlottedGc<X>` or `X`) followed by
/// `n` slot values, and the slots' offset in it.
fn layout_with_slots<B>(n: usize) -> (Layout, usize) {
    let (l, off, _) = block_layout::<B>(n, None);
    (l, off)
}

/// The layout of a block `B` followed by `n` slot values and then the
/// elements of a `Tailed` payload (`tail`, their array layout), with the
/// offsets of the slots and of the elements.
fn block_layout<B>(n: usize, tail: Option<Layout>) -> (Layout, usize, usize) {
    let (l, off) = Layout::new::<B>().extend(Layout::array::<RefSlot>(n).expect("slot array")).expect("block layout");
    let (l, tail_at) = match tail {
        Some(t) => l.extend(t).expect("block layout"),
        None => (l, l.size()),
    };
    (l.pad_to_align(), off, tail_at)
}

/// Bytes from the header of an `X` placed with `prefix` to its trailing slots.
fn slots_offset_from_header<X>(prefix: Prefix) -> usize {
    match prefix {
        Prefix::SlottedGc => layout_with_slots::<SlottedGc<X>>(0).1 - offset_of!(SlottedGc<X>, obj),
        Prefix::Gc => layout_with_slots::<Gc<X>>(0).1 - offset_of!(Gc<X>, obj),
        Prefix::None => layout_with_slots::<X>(0).1,
    }
}

#[repr(C)]
pub struct Ext<T> {
    base: T,
    ext: InstanceExt,
}

/// An owning reference to a Python object.
#[repr(transparent)]
pub struct PyRef {
    ptr: NonNull<Header>,
    _not_send: PhantomData<*const ()>,
}

impl PyRef {
    #[inline]
    fn header(&self) -> &Header {
        // SAFETY: a live PyRef always points at a live block.
        unsafe { self.ptr.as_ref() }
    }

    /// Allocate a new object of type `ty` holding `payload`, with a count of 1.
    /// Objects of kind `Type` can be used as types (see `new_type`).
    ///
    /// Panics if `ty` is not a type object.
    ///
    /// Containers (see `kinds::gc_mode`) get a collector head and are
    /// tracked at once, except dicts, which start untracked (CPython tracks
    /// a dict when a container is stored in it: `gc::track`), and frames,
    /// which the runtime tracks when Python code can hold them past their
    /// call (CPython 3.11's running frames are not objects at all).
    #[inline]
    pub fn new<T: PyPayload>(ty: &PyRef, payload: T) -> PyRef {
        let slotted = T::KIND == Kind::Type;
        Self::alloc(ty, T::KIND, 0, slotted, gc_mode(T::KIND), |p: &T| p.free_list(), move || payload)
    }

    /// Like `new`, but never from a free list (CPython's
    /// `PyType_GenericAlloc`, which `list()` and `dict()` use): always
    /// counted; freed onto the free list as usual.
    pub fn new_generic_alloc<T: PyPayload>(ty: &PyRef, payload: T) -> PyRef {
        Self::alloc(ty, T::KIND, 0, T::KIND == Kind::Type, gc_mode(T::KIND), |_: &T| None, move || payload)
    }

    /// Allocate an object of a container kind that CPython makes atomic in
    /// this case (e.g. the iterator of a range): no collector head, never
    /// tracked, not counted.
    pub fn new_atomic<T: PyPayload>(ty: &PyRef, payload: T) -> PyRef {
        let slotted = T::KIND == Kind::Type;
        Self::alloc(ty, T::KIND, 0, slotted, GcMode::None, |_: &T| None, move || payload)
    }

    /// Allocate a container that is not counted as an allocation (yet, see
    /// `gc::count_as_allocated`) and starts untracked.
    pub fn new_uncounted<T: PyPayload>(ty: &PyRef, payload: T) -> PyRef {
        let r = Self::alloc(ty, T::KIND, 0, false, GcMode::Uncounted, |_: &T| None, move || payload);
        gc::untrack(&r);
        r
    }

    /// Whether the object counts as an allocated container (see
    /// `set_gc_counted`).
    pub(super) fn is_gc_counted(&self) -> bool {
        self.header().iflags.get() & iflags::GC_COUNTED != 0
    }

    /// Count a container allocated by `new_uncounted` as allocated now.
    pub(super) fn set_gc_counted(&self) {
        let h = self.header();
        if h.iflags.get() & iflags::HAS_GC != 0 && h.iflags.get() & iflags::GC_COUNTED == 0 {
            h.iflags.set(h.iflags.get() | iflags::GC_COUNTED);
            let fl = if h.flags.get() & flags::HAS_EXT == 0 { super::kinds::free_list_of(self).and_then(gc::take_from_free_list) } else { None };
            if fl.is_none() {
                gc::note_gc_alloc();
            }
        }
    }

    /// Allocate an object that can be used as a type, whatever its payload.
    pub fn new_type<T: PyPayload>(ty: &PyRef, payload: T) -> PyRef {
        Self::alloc(ty, T::KIND, 0, true, GcMode::Counted, |_: &T| None, move || payload)
    }

    /// Allocate an instance of a user class: payload plus instance trailer.
    /// Instances of user classes are always containers.
    pub fn new_ext<T: PyPayload>(ty: &PyRef, payload: T, nslots: usize) -> PyRef {
        Self::new_ext_values(ty, payload, nslots, 0)
    }

    /// `new_ext` with room for `nvalues` (at most `MAX_INLINE_VALUES`)
    /// inline attribute values after the slot values, all empty.
    #[inline]
    pub fn new_ext_values<T: PyPayload>(ty: &PyRef, payload: T, nslots: usize, nvalues: usize) -> PyRef {
        let slotted = T::KIND == Kind::Type;
        let prefix = if slotted { Prefix::SlottedGc } else { Prefix::Gc };
        let slots_offset = slots_offset_from_header::<Obj<Ext<T>>>(prefix);
        let ext = InstanceExt::new(nslots, slots_offset, nvalues);
        Self::alloc_with_slots(ty, T::KIND, flags::HAS_EXT, slotted, GcMode::Counted, |_: &Ext<T>| None, move || Ext { base: payload, ext }, nslots + nvalues)
    }

    /// The inline attribute values of an instance (all of its capacity; the
    /// first `InstanceExt::values_len` are in use). Empty for other objects.
    #[inline]
    pub fn values(&self) -> &[RefSlot] {
        let Some(ext) = self.ext() else { return &[] };
        if ext.vcap == 0 {
            return &[];
        }
        // SAFETY: as in `slots`: `new_ext_values` placed `nslots + vcap`
        // initialised RefSlots at `slots_offset`, and the values are the
        // last `vcap` of them.
        unsafe {
            let first = self.ptr.as_ptr().cast::<u8>().add(ext.slots_offset as usize).cast::<RefSlot>().add(ext.nslots as usize);
            std::slice::from_raw_parts(first, ext.vcap as usize)
        }
    }

    /// Inline value `i` of an instance, when it is among those in use
    /// (`values()[i]` with `i < values_len`); `None` for other objects.
    #[inline(always)]
    pub fn inline_value(&self, i: usize) -> Option<&RefSlot> {
        let ext = self.ext()?;
        if i >= ext.values_len() {
            return None;
        }
        // SAFETY: as in `values`; `values_len <= vcap` (`set_values_len`),
        // so slot `i` is one of the `vcap` initialised ones.
        unsafe {
            let first = self.ptr.as_ptr().cast::<u8>().add(ext.slots_offset as usize).cast::<RefSlot>().add(ext.nslots as usize);
            Some(&*first.add(i))
        }
    }

    /// The instance trailer with the `__slots__` values and the inline
    /// values in use (`values()[..values_len]`), found once: the
    /// collector's traversal of an instance.
    #[inline]
    pub(super) fn ext_parts(&self) -> Option<(&InstanceExt, &[RefSlot], &[RefSlot])> {
        if !self.has_ext() {
            return None;
        }
        let ext = if self.kind() == Kind::Object {
            // SAFETY: HAS_EXT is set and the kind is Object, whose payload is `()`.
            unsafe { self.ext_as::<()>() }
        } else {
            super::kinds::ext_of(self)
        };
        let n = ext.nslots as usize;
        let v = ext.vlen.get() as usize;
        // SAFETY: as in `slots` and `values`: `new_ext_values` placed
        // `nslots + vcap` initialised RefSlots at `slots_offset` bytes from
        // the header, and `vlen <= vcap`.
        unsafe {
            let first = self.ptr.as_ptr().cast::<u8>().add(ext.slots_offset as usize).cast::<RefSlot>();
            Some((ext, std::slice::from_raw_parts(first, n), std::slice::from_raw_parts(first.add(n), v)))
        }
    }

    /// The values of the object's `__slots__` members (empty for objects
    /// that are not instances of a class with slots).
    #[inline]
    pub fn slots(&self) -> &[RefSlot] {
        let Some(ext) = self.ext() else { return &[] };
        if ext.nslots == 0 {
            return &[];
        }
        // SAFETY: `new_ext` placed `nslots` initialised RefSlots at
        // `slots_offset` bytes from the header, inside the block, where they
        // live as long as the object; `self.ptr` carries the provenance of
        // the whole block (see `alloc_block`).
        unsafe {
            let first = self.ptr.as_ptr().cast::<u8>().add(ext.slots_offset as usize).cast::<RefSlot>();
            std::slice::from_raw_parts(first, ext.nslots as usize)
        }
    }

    #[inline(always)]
    fn alloc<P>(ty: &PyRef, kind: Kind, fl: u8, slotted: bool, mode: GcMode, free_list: impl FnOnce(&P) -> Option<gc::FreeList>, make: impl FnOnce() -> P) -> PyRef {
        Self::alloc_with_slots(ty, kind, fl, slotted, mode, free_list, make, 0)
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn alloc_with_slots<P>(ty: &PyRef, kind: Kind, fl: u8, slotted: bool, mode: GcMode, free_list: impl FnOnce(&P) -> Option<gc::FreeList>, make: impl FnOnce() -> P, nslots: usize) -> PyRef {
        let (r, _) = Self::alloc_raw(ty, kind, fl, slotted, mode, free_list, make, nslots, None);
        r.finish_alloc();
        r
    }

    /// Allocate and initialise a block (with `nslots` empty slot values and
    /// room for a tail of layout `tail`, whose address is returned); the
    /// caller fills the tail and then calls `finish_alloc`.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn alloc_raw<P>(
        ty: &PyRef,
        kind: Kind,
        fl: u8,
        slotted: bool,
        mode: GcMode,
        free_list: impl FnOnce(&P) -> Option<gc::FreeList>,
        make: impl FnOnce() -> P,
        nslots: usize,
        tail: Option<Layout>,
    ) -> (PyRef, *mut u8) {
        let tyh = ty.as_type_header();
        let mut ifl = if slotted { iflags::HAS_SLOT } else { 0 };
        if ty.flags() & flags::IMMORTAL == 0 {
            ty.incref();
            ifl |= iflags::OWNS_TYPE;
        }
        let mode = if slotted && mode == GcMode::None { GcMode::Uncounted } else { mode };
        let prefix = match (mode, slotted) {
            (GcMode::None, _) => Prefix::None,
            (_, false) => Prefix::Gc,
            (_, true) => Prefix::SlottedGc,
        };
        if prefix != Prefix::None {
            ifl |= iflags::HAS_GC;
        }
        let header = Header { refcnt: Cell::new(1), kind, flags: Cell::new(fl), iflags: Cell::new(ifl), ty: Cell::new(tyh) };
        let (ptr, tail_ptr) = alloc_block(header, make, prefix, nslots, tail);
        if mode == GcMode::Counted && gc::counting() {
            // SAFETY: the block was just initialised with an `Obj<P>`; no
            // other reference to it exists.
            let h = unsafe { ptr.as_ref() };
            h.iflags.set(h.iflags.get() | iflags::GC_COUNTED);
            // Exact lists, dicts and small tuples come from CPython's free
            // lists when they have items: not counted then.
            let from_list = if fl & flags::HAS_EXT == 0 {
                // SAFETY: as above; the payload is initialised.
                let payload = unsafe { &*std::ptr::addr_of!((*ptr.as_ptr().cast::<Obj<P>>()).payload) };
                free_list(payload).and_then(gc::take_from_free_list)
            } else {
                None
            };
            if from_list.is_none() {
                gc::note_gc_alloc();
            }
        }
        (PyRef { ptr, _not_send: PhantomData }, tail_ptr)
    }

    /// The end of an allocation: the heap hears of it, and containers are
    /// tracked (see `new`).
    #[inline]
    fn finish_alloc(&self) {
        let kind = self.kind();
        super::heap::note_alloc(kind);
        if self.is_gc() && kind != Kind::Dict && kind != Kind::Frame {
            gc::track(self);
        }
    }

    /// Allocate an object whose payload is a `Tailed`: `head`, then `n`
    /// elements in the same block, taken from `items` (for element types
    /// with a filler, missing ones are filled with it).
    ///
    /// Panics if `items` yields fewer than `n` elements of a type without
    /// a filler.
    pub fn new_tailed<H, E: TailElem>(ty: &PyRef, head: H, n: usize, items: impl Iterator<Item = E>) -> PyRef
    where
        Tailed<H, E>: PyPayload,
    {
        Self::new_tailed_impl(ty, move || head, n, items, None)
    }

    /// `new_tailed` with the head made by `make_head` once the block is
    /// allocated, straight into it (for a large head built on the hot path:
    /// a call's frame).
    #[inline(always)]
    pub fn new_tailed_with<H, E: TailElem>(ty: &PyRef, make_head: impl FnOnce() -> H, n: usize, items: impl Iterator<Item = E>) -> PyRef
    where
        Tailed<H, E>: PyPayload,
    {
        Self::new_tailed_impl(ty, make_head, n, items, None)
    }

    /// `new_tailed` for an instance of a user class (`new_ext`).
    pub fn new_ext_tailed<H, E: TailElem>(ty: &PyRef, head: H, n: usize, items: impl Iterator<Item = E>, nslots: usize) -> PyRef
    where
        Tailed<H, E>: PyPayload,
    {
        Self::new_tailed_impl(ty, move || head, n, items, Some(nslots))
    }

    #[inline(always)]
    fn new_tailed_impl<H, E: TailElem>(ty: &PyRef, make_head: impl FnOnce() -> H, n: usize, items: impl Iterator<Item = E>, ext_slots: Option<usize>) -> PyRef
    where
        Tailed<H, E>: PyPayload,
    {
        let cap = u32::try_from(n).expect("too many elements");
        let kind = <Tailed<H, E> as PyPayload>::KIND;
        let payload = move || Tailed { head: make_head(), items: NonNull::dangling(), len: 0, cap };
        let tail = Some(Layout::array::<E>(n).expect("element array"));
        let (r, first) = match ext_slots {
            None => Self::alloc_raw(ty, kind, 0, false, gc_mode(kind), |p: &Tailed<H, E>| p.free_list(), payload, 0, tail),
            Some(nslots) => {
                let slots_offset = slots_offset_from_header::<Obj<Ext<Tailed<H, E>>>>(Prefix::Gc);
                let ext = InstanceExt::new(nslots, slots_offset, 0);
                Self::alloc_raw(ty, kind, flags::HAS_EXT, false, GcMode::Counted, |_: &Ext<Tailed<H, E>>| None, move || Ext { base: payload(), ext }, nslots, tail)
            }
        };
        let first = first.cast::<E>();
        let mut written = 0usize;
        for e in items.take(n) {
            // SAFETY: `alloc_block` made room for `n` elements at `first`,
            // aligned for E; fewer than `n` were written so far.
            unsafe { first.add(written).write(e) };
            written += 1;
        }
        // A few fillers are written one by one (a call of `memset`, what
        // the loop below becomes, costs more than some stores): a call's
        // frame has a handful of locals.
        let rest = n - written;
        if rest <= 6 && E::filler().is_some() {
            for k in 0..6 {
                if k < rest {
                    if let Some(e) = E::filler() {
                        // SAFETY: as above (`written + k < n`).
                        unsafe { first.add(written + k).write(e) };
                    }
                }
            }
            written = n;
        }
        while written < n {
            let Some(e) = E::filler() else {
                // The block is leaked (its payload would drop elements
                // that were never written).
                panic!("Tailed: {written} of {n} elements given");
            };
            // SAFETY: as above.
            unsafe { first.add(written).write(e) };
            written += 1;
        }
        // SAFETY: the block was just initialised with a `Tailed<H, E>`
        // payload (first in `Ext` when there is a trailer); `r.ptr` has the
        // provenance of the whole block, and no reference to the payload
        // exists yet. `first` too has the whole block's provenance.
        unsafe {
            let t = std::ptr::addr_of_mut!((*(r.ptr.as_ptr() as *mut Obj<Tailed<H, E>>)).payload);
            (*t).items = NonNull::new_unchecked(first);
            (*t).len = cap;
        }
        r.finish_alloc();
        r
    }

    /// The collector head of a container (`None` for atomic objects).
    /// A raw pointer with the provenance of the whole block, so that the
    /// collector can step back from the head to the header.
    #[inline]
    pub(super) fn gc_head(&self) -> Option<*mut GcHead> {
        if self.header().iflags.get() & iflags::HAS_GC == 0 {
            return None;
        }
        // SAFETY: blocks with HAS_GC were allocated as `Gc<X>` or
        // `SlottedGc<X>` (see `alloc_block`), with the head just before the
        // header; `ptr` has the provenance of the whole block, so the offset
        // stays in bounds.
        unsafe { Some(self.ptr.as_ptr().cast::<u8>().sub(GC_TO_HEADER) as *mut GcHead) }
    }

    /// A borrowed view of the object whose collector head is `g`.
    ///
    /// # Safety
    /// `g` must be the head of a live block (linked in a collector list,
    /// which live objects leave when they are freed); the returned value
    /// must not be dropped as a `PyRef` (it owns no count) nor outlive the
    /// object.
    #[inline]
    pub(super) unsafe fn from_gc_head(g: *const GcHead) -> std::mem::ManuallyDrop<PyRef> {
        let h = (g as *mut u8).add(GC_TO_HEADER) as *mut Header;
        std::mem::ManuallyDrop::new(PyRef { ptr: NonNull::new_unchecked(h), _not_send: PhantomData })
    }

    /// Whether weak references to the object exist (it has an entry in the
    /// weak reference table, `weak.rs`).
    #[inline]
    pub fn has_weakrefs(&self) -> bool {
        self.header().iflags.get() & iflags::HAS_WEAKREFS != 0
    }

    /// Whether the object's kind is a container (has a collector head).
    #[inline]
    pub fn is_gc(&self) -> bool {
        self.header().iflags.get() & iflags::HAS_GC != 0
    }

    /// A new reference from a borrowed view (`from_gc_head`).
    #[inline]
    pub(super) fn new_ref(&self) -> PyRef {
        self.clone()
    }

    /// The type, as a reference the object counts (for traversal): `None`
    /// when the type is immortal or the object itself.
    #[inline]
    pub(super) fn counted_type(&self) -> Option<&PyRef> {
        if self.header().iflags.get() & iflags::OWNS_TYPE != 0 {
            Some(self.ty())
        } else {
            None
        }
    }

    /// `self` as the type of a new object: its header, after checking that
    /// its block has a slot.
    #[inline]
    fn as_type_header(&self) -> NonNull<Header> {
        if self.header().iflags.get() & iflags::HAS_SLOT == 0 {
            not_a_type(self);
        }
        self.ptr
    }

    /// Create the first type object (`type`, whose type is itself). `payload`
    /// becomes an immortal block whose type pointer points at itself.
    pub fn new_self_typed<T: PyPayload>(payload: T) -> PyRef {
        // The type pointer is patched once the address is known; the header
        // must hold a valid pointer meanwhile.
        let header = Header {
            refcnt: Cell::new(1),
            kind: T::KIND,
            flags: Cell::new(flags::IMMORTAL),
            iflags: Cell::new(iflags::HAS_SLOT | iflags::HAS_GC),
            ty: Cell::new(NonNull::dangling()),
        };
        let (ptr, _) = alloc_block(header, move || payload, Prefix::SlottedGc, 0, None);
        // SAFETY: the block was just initialised.
        unsafe { ptr.as_ref() }.ty.set(ptr);
        super::heap::note_alloc(T::KIND);
        PyRef { ptr, _not_send: PhantomData }
    }

    #[inline]
    fn incref(&self) {
        let h = self.header();
        let n = h.refcnt.get().wrapping_add(1);
        h.refcnt.set(n);
        if n == 0 {
            refcount_overflow(h);
        }
    }

    /// The object's identity: its address.
    #[inline]
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline]
    pub fn is(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }

    #[inline]
    pub fn refcount(&self) -> usize {
        self.header().refcnt.get() as usize
    }

    #[inline]
    pub fn kind(&self) -> Kind {
        self.header().kind
    }

    /// The object's type.
    #[inline]
    pub fn ty(&self) -> &PyRef {
        let t = self.header().ty.get();
        // SAFETY: the type's block has a slot `SLOT_TO_HEADER` bytes before its
        // header (checked when the type was installed, `as_type_header`): one
        // word holding the
        // type's address, laid out as a `PyRef` (repr(transparent) over
        // `NonNull<Header>` plus a zero-sized marker), written at allocation
        // and never again, so handing out a shared reference to it is sound.
        // `t` carries the provenance of the type's whole block, so stepping
        // back one word stays in bounds. The type's block outlives the borrow
        // of `self`: the object holds a counted reference to it (kept even
        // after `set_type`, see there), or the type is immortal (never freed,
        // irrevocably), or it is the object itself.
        unsafe { &*(t.as_ptr().cast::<u8>().sub(SLOT_TO_HEADER) as *const PyRef) }
    }

    /// Change the object's type (`obj.__class__ = C`); panics if `new_ty` is
    /// not a type object. The object keeps a counted reference to its
    /// previous type until it is freed (borrows from `ty()` may still point
    /// at it); a type it had before is kept only once. Returns a new
    /// reference to the previous type if the object counted it (the caller
    /// may drop it at any time).
    pub fn set_type(&self, new_ty: &PyRef) -> Option<PyRef> {
        let h = self.header();
        let new_h = new_ty.as_type_header();
        let old_h = h.ty.get();
        let owned_old = h.iflags.get() & iflags::OWNS_TYPE != 0;
        // Count the new type unless it is immortal, or the object itself (a
        // self-typed object must not keep itself alive).
        if new_ty.flags() & flags::IMMORTAL == 0 && !new_ty.is(self) {
            new_ty.incref();
            h.iflags.set(h.iflags.get() | iflags::OWNS_TYPE);
        } else {
            h.iflags.set(h.iflags.get() & !iflags::OWNS_TYPE);
        }
        h.ty.set(new_h);
        if !owned_old {
            return None;
        }
        // Adopt the reference the object held, and keep it.
        let old = PyRef::from_raw(old_h);
        let ret = old.clone();
        let key = self.id();
        let mut old = Some(old);
        let dup = RETIRED_TYPES.try_with(|m| {
            let old = old.take().expect("taken once");
            let mut m = m.0.borrow_mut();
            let kept = m.entry(key).or_default();
            if kept.iter().any(|k| k.is(&old)) || old.is(new_ty) {
                Some(old)
            } else {
                kept.push(old);
                None
            }
        });
        match dup {
            Ok(dup) => {
                h.iflags.set(h.iflags.get() | iflags::RETIRED);
                // Already kept, or counted again as the new type: this
                // reference is not the last one, dropping it frees nothing.
                drop(dup);
            }
            // During thread teardown: keep the old type forever.
            Err(_) => old.into_iter().for_each(leak),
        }
        Some(ret)
    }

    #[inline]
    pub fn flags(&self) -> u8 {
        self.header().flags.get()
    }

    /// Set public header flags. `HAS_EXT` describes the block's layout and
    /// is fixed at allocation: asking to set it panics.
    #[inline]
    pub fn set_flag(&self, f: u8) {
        assert!(f & flags::HAS_EXT == 0, "HAS_EXT is fixed at allocation");
        let h = self.header();
        h.flags.set(h.flags.get() | f);
    }

    /// Clear public header flags. `HAS_EXT` (the layout) and `IMMORTAL`
    /// (instances of an immortal type do not keep it alive) cannot be
    /// cleared: asking to panics.
    #[inline]
    pub fn clear_flag(&self, f: u8) {
        assert!(f & (flags::HAS_EXT | flags::IMMORTAL) == 0, "HAS_EXT and IMMORTAL cannot be cleared");
        let h = self.header();
        h.flags.set(h.flags.get() & !f);
    }

    #[inline]
    pub fn has_ext(&self) -> bool {
        self.flags() & flags::HAS_EXT != 0
    }

    /// The payload, if this object's kind is `T`'s.
    #[inline]
    pub fn payload<T: PyPayload>(&self) -> Option<&T> {
        if self.kind() == T::KIND {
            // SAFETY: the header's kind names the payload type; `Ext<T>` is
            // repr(C) with `base: T` first, so the payload is at the same
            // offset in both layouts.
            Some(unsafe { &(*(self.ptr.as_ptr() as *const Obj<T>)).payload })
        } else {
            None
        }
    }

    /// The payload; the caller has checked the kind.
    #[inline]
    pub fn payload_unchecked<T: PyPayload>(&self) -> &T {
        match self.payload::<T>() {
            Some(p) => p,
            None => panic!("object of kind {:?} used as {:?}", self.kind(), T::KIND),
        }
    }

    /// The instance trailer of objects of user classes.
    #[inline]
    pub fn ext(&self) -> Option<&InstanceExt> {
        if !self.has_ext() {
            return None;
        }
        Some(super::kinds::ext_of(self))
    }

    /// Used by `kinds::ext_of`: the trailer of an `Obj<Ext<T>>`.
    ///
    /// # Safety
    /// The object must have `HAS_EXT` set and kind `T::KIND`.
    pub(super) unsafe fn ext_as<T: PyPayload>(&self) -> &InstanceExt {
        &(*(self.ptr.as_ptr() as *const Obj<Ext<T>>)).payload.ext
    }

    /// Run `f` on the argument vector `[first, rest...]` without counting
    /// any of its entries: CPython passes a bound builtin method's `self`
    /// and the caller's arguments borrowed, so Python code called back
    /// (a sort key, `__eq__`) must not see an extra reference.
    ///
    /// Sound because the caller holds every entry for the whole call (the
    /// borrows outlive `f`), and `f` gets a shared slice: it can clone an
    /// entry (a counted reference of its own) but never take or drop one.
    /// The uncounted copies are never dropped, not even on unwinding.
    pub fn with_prefixed<R>(first: &PyRef, rest: &[PyRef], f: impl FnOnce(&[PyRef]) -> R) -> R {
        let mut v: Vec<ManuallyDrop<PyRef>> = Vec::with_capacity(rest.len() + 1);
        v.push(ManuallyDrop::new(PyRef::from_raw(first.ptr)));
        v.extend(rest.iter().map(|r| ManuallyDrop::new(PyRef::from_raw(r.ptr))));
        // SAFETY: ManuallyDrop<PyRef> has PyRef's layout (repr(transparent));
        // the slice lives as long as `v`, which outlives the call.
        let argv: &[PyRef] = unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<PyRef>(), v.len()) };
        f(argv)
    }

    /// A new reference to the object `raw` points at.
    ///
    /// # Safety
    /// The object must be alive with a count that is not zero.
    pub(super) unsafe fn clone_from_raw(raw: RawObj) -> PyRef {
        let borrowed = std::mem::ManuallyDrop::new(PyRef::from_raw(raw.0));
        (*borrowed).clone()
    }

    /// Adopt a counted reference held in raw form (the type pointer of an
    /// object that owns it, a resurrected dying object).
    fn from_raw(ptr: NonNull<Header>) -> PyRef {
        PyRef { ptr, _not_send: PhantomData }
    }

    fn into_raw(self) -> NonNull<Header> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    /// Give back a reference obtained from `Dying::resurrect` when it is the
    /// only one: the object is dying again (the count is zero). If something
    /// else took a reference meanwhile (or made it immortal), the object
    /// lives on and the reference is returned.
    pub(super) fn try_into_dying(self) -> Result<Dying, PyRef> {
        let h = self.header();
        if h.refcnt.get() == 1 && h.flags.get() & flags::IMMORTAL == 0 {
            h.refcnt.set(0);
            Ok(Dying { ptr: self.into_raw() })
        } else {
            Err(self)
        }
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> PyRef {
        self.incref();
        PyRef { ptr: self.ptr, _not_send: PhantomData }
    }
}

/// One counted reference to each of a slice of objects, held as long as
/// the guard lives (what a vector of their clones would hold, without the
/// vector): `PyRef::hold_all`. Released first to last, as a vector's
/// elements are.
pub struct HeldAll<'a>(&'a [PyRef]);

impl PyRef {
    /// CPython's recycling of a result tuple (enumerate, zip and dict item
    /// iterators): when `t` is the only reference to a tuple of exactly
    /// `N` items (an exact tuple, no trailer), its items are replaced by
    /// `new` in place and the old ones returned, first to last, for the
    /// caller to release; the tuple is tracked again if a collection had
    /// untracked it. Otherwise `new` comes back untouched.
    pub fn recycle_tuple<const N: usize>(t: &mut PyRef, new: [PyRef; N]) -> Result<[PyRef; N], [PyRef; N]> {
        type T = Tailed<(), PyRef>;
        let h = t.header();
        if h.refcnt.get() != 1 || h.kind != Kind::Tuple || h.flags.get() & (flags::HAS_EXT | flags::IMMORTAL) != 0 {
            return Err(new);
        }
        match t.payload::<T>() {
            Some(p) if p.items().len() == N => {}
            _ => return Err(new),
        }
        // SAFETY: the count is one and `t` is borrowed exclusively, so no
        // other `PyRef` to the tuple exists and no slice of its items
        // borrowed through `t` is alive; the payload is a `Tailed<(),
        // PyRef>` of `N` initialised elements (checked above), whose
        // `items` pointer has the provenance of the whole block. Each
        // element is swapped for a valid `PyRef` below, so the tuple stays
        // fully initialised.
        let first = unsafe { (*std::ptr::addr_of!((*(t.ptr.as_ptr() as *const Obj<T>)).payload)).items.as_ptr() };
        let mut new = new.into_iter();
        let old = std::array::from_fn(|k| {
            let v = new.next().expect("N items");
            // SAFETY: as above; `k < N`, the tuple's length.
            unsafe { std::ptr::replace(first.add(k), v) }
        });
        if !super::gc::is_tracked(t) {
            super::gc::track(t);
        }
        Ok(old)
    }
}

impl PyRef {
    /// Count one more reference to each of `refs` until the guard drops.
    pub fn hold_all(refs: &[PyRef]) -> HeldAll<'_> {
        for r in refs {
            r.incref();
        }
        HeldAll(refs)
    }
}

impl Drop for HeldAll<'_> {
    fn drop(&mut self) {
        for r in self.0 {
            // The reference `hold_all` counted, given back.
            drop(PyRef { ptr: r.ptr, _not_send: PhantomData });
        }
    }
}

impl Drop for PyRef {
    #[inline]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            dealloc_slow(self.ptr);
        }
    }
}

impl PartialEq for PyRef {
    /// Identity, not Python equality.
    fn eq(&self, other: &PyRef) -> bool {
        self.ptr == other.ptr
    }
}
impl Eq for PyRef {}

impl std::fmt::Debug for PyRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{:?} object at {:#x}>", self.kind(), self.id())
    }
}

/// A dying object, handed to the runtime's deallocation policy. The runtime
/// may `resurrect` it (to run `__del__`) or `free` it.
pub struct Dying {
    ptr: NonNull<Header>,
}

impl Dying {
    pub fn kind(&self) -> Kind {
        // SAFETY: the block is alive until freed.
        unsafe { self.ptr.as_ref() }.kind
    }
    pub fn flags(&self) -> u8 {
        // SAFETY: as above.
        unsafe { self.ptr.as_ref() }.flags.get()
    }
    pub fn set_flag(&self, f: u8) {
        // SAFETY: as above.
        let h = unsafe { self.ptr.as_ref() };
        h.flags.set(h.flags.get() | f);
    }
    pub fn id(&self) -> usize {
        self.ptr.as_ptr() as usize
    }
    /// Give the object a count of one again and hand out that reference.
    /// When it is dropped and the count reaches zero, the object comes back
    /// through the deallocation policy.
    pub fn resurrect(self) -> PyRef {
        // SAFETY: as above.
        let h = unsafe { self.ptr.as_ref() };
        debug_assert_eq!(h.refcnt.get(), 0);
        h.refcnt.set(1);
        PyRef::from_raw(self.ptr)
    }
    /// Drop the payload (releasing its references) and free the block; then
    /// release the object's type and the types it had before.
    pub fn free(self) {
        let p = self.ptr;
        // SAFETY: the count is zero and nobody resurrected the object, so no
        // PyRef to it exists; it is freed exactly once here. Everything needed
        // after the block is gone is read first.
        unsafe {
            let h = p.as_ref();
            let kind = h.kind;
            // No weak reference may point at a freed block, and no freed weak
            // reference may stay in a referent's list.
            if kind == Kind::Weakref {
                super::weak::unlink_freed_weakref(RawObj(p));
            }
            if h.iflags.get() & iflags::HAS_WEAKREFS != 0 {
                super::weak::clear_silently(RawObj(p));
            }
            if h.iflags.get() & iflags::IN_INTERN_TABLE != 0 {
                super::intern::forget(RawObj(p));
            }
            let has_ext = h.flags.get() & flags::HAS_EXT != 0;
            let ifl = h.iflags.get();
            let ty = h.ty.get();
            let retired = if ifl & iflags::RETIRED != 0 {
                // After the table's destructor ran (thread teardown), the
                // entry was leaked with it.
                RETIRED_TYPES.try_with(|m| m.0.borrow_mut().remove(&(p.as_ptr() as usize))).ok().flatten()
            } else {
                None
            };
            let prefix = if ifl & iflags::HAS_SLOT != 0 {
                Prefix::SlottedGc
            } else if ifl & iflags::HAS_GC != 0 {
                Prefix::Gc
            } else {
                Prefix::None
            };
            if prefix != Prefix::None {
                let g = p.as_ptr().cast::<u8>().sub(GC_TO_HEADER) as *mut GcHead;
                gc::unlink_if_tracked(gc::Node::from_raw(g));
                if ifl & iflags::GC_COUNTED != 0 {
                    let fl = if !has_ext { super::kinds::free_list_of(&ManuallyDrop::new(PyRef::from_raw(p))) } else { None };
                    if !fl.is_some_and(gc::put_on_free_list) {
                        gc::note_gc_free();
                    }
                }
            }
            drop_and_free(kind, has_ext, prefix, p.cast());
            super::heap::note_free(kind);
            if ifl & iflags::OWNS_TYPE != 0 {
                drop(PyRef::from_raw(ty));
            }
            drop(retired);
        }
    }
    /// Whether weak references to the object may exist.
    #[inline]
    pub fn has_weakrefs(&self) -> bool {
        // SAFETY: the block is alive until freed.
        unsafe { self.ptr.as_ref() }.iflags.get() & iflags::HAS_WEAKREFS != 0
    }
    /// Take the weak references to the dying object (clearing them all, in
    /// list order), each live one with the callback it held.
    pub fn take_weakrefs(&self) -> Vec<(PyRef, Option<PyRef>)> {
        // SAFETY: the block is alive until freed.
        let h = unsafe { self.ptr.as_ref() };
        if h.iflags.get() & iflags::HAS_WEAKREFS == 0 {
            return Vec::new();
        }
        super::weak::take_for_dealloc(RawObj(self.ptr))
    }
    /// Take the object out of the collector's lists while it is dying but
    /// Python code may run (weak reference callbacks): a collection must
    /// not see an object whose count is zero.
    pub fn untrack(&self) {
        // SAFETY: the block is alive until freed.
        let h = unsafe { self.ptr.as_ref() };
        if h.iflags.get() & iflags::HAS_GC != 0 {
            // SAFETY: HAS_GC blocks have their head before the header.
            gc::unlink_if_tracked(gc::Node::from_raw(unsafe { self.ptr.as_ptr().cast::<u8>().sub(GC_TO_HEADER) as *mut GcHead }));
        }
    }
    /// Keep the object in a deferred queue (the trashcan): convert to a raw
    /// token that can be turned back into a `Dying` later.
    pub fn defer(self) -> DeferredFree {
        // A deferred object leaves the collector's lists now: it must not be
        // traversed while its count is zero.
        // SAFETY: the block is alive until freed.
        let h = unsafe { self.ptr.as_ref() };
        if h.iflags.get() & iflags::HAS_GC != 0 {
            // SAFETY: HAS_GC blocks have their head before the header.
            gc::unlink_if_tracked(gc::Node::from_raw(unsafe { self.ptr.as_ptr().cast::<u8>().sub(GC_TO_HEADER) as *mut GcHead }));
        }
        DeferredFree { ptr: self.ptr }
    }
}

/// A dying object whose freeing was postponed to bound recursion.
pub struct DeferredFree {
    ptr: NonNull<Header>,
}

impl DeferredFree {
    pub fn into_dying(self) -> Dying {
        Dying { ptr: self.ptr }
    }
}

#[cold]
fn dealloc_slow(ptr: NonNull<Header>) {
    // SAFETY: count just reached zero; the block is alive.
    let h = unsafe { ptr.as_ref() };
    if h.flags.get() & (flags::IMMORTAL | flags::HAS_EXT) == 0
        && h.iflags.get() & (iflags::HAS_WEAKREFS | iflags::HAS_GC | iflags::HAS_SLOT | iflags::OWNS_TYPE | iflags::RETIRED | iflags::IN_INTERN_TABLE) == 0
        && free_leaf(ptr, h.kind)
    {
        return;
    }
    if h.kind == Kind::Frame
        && h.flags.get() & (flags::IMMORTAL | flags::HAS_EXT) == 0
        && h.iflags.get() & (iflags::HAS_WEAKREFS | iflags::HAS_SLOT | iflags::OWNS_TYPE | iflags::RETIRED | iflags::GC_COUNTED | iflags::HAS_GC) == iflags::HAS_GC
        && free_call_frame(ptr)
    {
        return;
    }
    if h.flags.get() & flags::IMMORTAL != 0 {
        // Immortal objects are never freed; restore a count.
        h.refcnt.set(IMMORTAL_REFCNT);
        return;
    }
    super::heap::dealloc(Dying { ptr });
}

/// The short way out for a finished call's frame that Python code never
/// held (not materialized: uncounted, untracked; frames take no weak
/// references and have no finalizer): its locals and fields are released
/// and the block freed, without `heap::dealloc`'s general checks. Nothing
/// but this frame's runner referenced it, so freeing it here adds one
/// level of native recursion at most (what it releases goes the long way,
/// with the nesting limit). False when an observer hears of frees or the
/// frame is still on a collector list.
#[inline]
fn free_call_frame(ptr: NonNull<Header>) -> bool {
    // SAFETY: the caller checked HAS_GC: the block starts with a collector
    // head, `GC_TO_HEADER` bytes before the header.
    let g = unsafe { &*(ptr.as_ptr().cast::<u8>().sub(GC_TO_HEADER) as *const GcHead) };
    if gc::is_linked(g) || !super::heap::note_leaf_free(Kind::Frame) {
        return false;
    }
    // SAFETY: the count is zero, the object is not immortal, has no weak
    // references, trailer or slots, and is on no collector list or side
    // table (checked above and by the caller), so no reference to it
    // remains; a frame's payload is a `FrameObj` after a collector head.
    unsafe { free_block::<crate::types::frame::FrameObj>(ptr.cast(), false, Prefix::Gc) };
    true
}

/// The short way out for the commonest deaths: a number, string or bytes
/// object of the builtin type (no trailer, collector head, weak references
/// or retired types) owns no references and has no finalizer, so nothing
/// but its block and its kind's live count changes (`heap::dealloc` would
/// come to the same through its general checks). False when the kind is
/// another or an observer hears of frees: the caller takes the long way.
#[inline]
fn free_leaf(ptr: NonNull<Header>, kind: Kind) -> bool {
    use crate::types as t;
    if !matches!(kind, Kind::Int | Kind::Float | Kind::Str | Kind::Bytes | Kind::Complex) || !super::heap::note_leaf_free(kind) {
        return false;
    }
    let p = ptr.cast::<u8>();
    // SAFETY: the count is zero, the object is not immortal and no weak
    // reference, collector list or side table knows the block (flags
    // checked by the caller), so no reference to it remains; the kind names
    // its payload type and the block has no prefix, trailer or tail.
    unsafe {
        match kind {
            Kind::Int => free_obj::<Obj<t::int::IntData>>(p, Prefix::None, 0, None),
            Kind::Float => free_obj::<Obj<t::float::FloatData>>(p, Prefix::None, 0, None),
            Kind::Str => free_obj::<Obj<t::str::StrData>>(p, Prefix::None, 0, None),
            Kind::Bytes => free_obj::<Obj<t::bytes::BytesData>>(p, Prefix::None, 0, None),
            _ => free_obj::<Obj<t::complex::ComplexData>>(p, Prefix::None, 0, None),
        }
    }
    true
}

/// A count wrapped around to zero: as `Rc` does, abort rather than let the
/// object be freed while referenced (only reachable by leaking 2^32
/// references with `mem::forget`). Immortal objects just get a count back.
#[cold]
fn refcount_overflow(h: &Header) {
    if h.flags.get() & flags::IMMORTAL != 0 {
        h.refcnt.set(IMMORTAL_REFCNT);
    } else {
        std::process::abort();
    }
}

#[cold]
#[inline(never)]
fn not_a_type(r: &PyRef) -> ! {
    panic!("{r:?} used as a type: it is not a type object (no type slot)")
}

/// Allocate and initialise a block for `header` and `payload` with the
/// given prefix (collector head, type slot), followed by `nslots` empty
/// slot values; returns the header.
//
// The header and the payload are written straight into the new block,
// field by field, rather than built as one `Obj` value and copied in:
// copying a just-built value back out of the stack in wider loads than the
// stores that built it stalls the processor (failed store forwarding), and
// every allocation would pay that.
#[inline(always)]
fn alloc_block<P>(header: Header, make: impl FnOnce() -> P, prefix: Prefix, nslots: usize, tail: Option<Layout>) -> (NonNull<Header>, *mut u8) {
    type X<P> = Obj<P>;
    let (hp, base, layout, slots_at, tail_at) = match prefix {
        Prefix::SlottedGc => {
            // `ty()` finds a type's slot `SLOT_TO_HEADER` bytes before its
            // header, `gc_head` the head `GC_TO_HEADER` bytes before.
            assert_eq!(offset_of!(SlottedGc<X<P>>, obj) - offset_of!(SlottedGc<X<P>>, slot), SLOT_TO_HEADER, "type payloads are word-aligned");
            assert_eq!(offset_of!(SlottedGc<X<P>>, obj) % 16, 0, "objects are 16-byte aligned in their blocks");
            let (layout, slots_at, tail_at) = block_layout::<SlottedGc<X<P>>>(nslots, tail);
            let p = super::pool::alloc_block(layout) as *mut SlottedGc<X<P>>;
            if p.is_null() {
                alloc::handle_alloc_error(layout);
            }
            // SAFETY: freshly allocated and aligned for SlottedGc<X>; the
            // header is the first field of the repr(C) `Obj` at offset `obj`.
            // Pointers are derived from `p` with raw place projections, so
            // they keep the provenance of the whole block (slot, head and
            // trailing slot values included). Every field is written once.
            unsafe {
                let hp = std::ptr::addr_of_mut!((*p).obj.header);
                std::ptr::addr_of_mut!((*p).slot).write(NonNull::new_unchecked(hp));
                std::ptr::addr_of_mut!((*p).gc).write(GcHead::new());
                hp.write(header);
                std::ptr::addr_of_mut!((*p).obj.payload).write(make());
                (hp, p.cast::<u8>(), layout, slots_at, tail_at)
            }
        }
        Prefix::Gc => {
            assert_eq!(offset_of!(Gc<X<P>>, obj), GC_TO_HEADER, "payloads are word-aligned");
            let (layout, slots_at, tail_at) = block_layout::<Gc<X<P>>>(nslots, tail);
            let p = super::pool::alloc_block(layout) as *mut Gc<X<P>>;
            if p.is_null() {
                alloc::handle_alloc_error(layout);
            }
            // SAFETY: as above.
            unsafe {
                let hp = std::ptr::addr_of_mut!((*p).obj.header);
                std::ptr::addr_of_mut!((*p).gc).write(GcHead::new());
                hp.write(header);
                std::ptr::addr_of_mut!((*p).obj.payload).write(make());
                (hp, p.cast::<u8>(), layout, slots_at, tail_at)
            }
        }
        Prefix::None => {
            let (layout, slots_at, tail_at) = block_layout::<X<P>>(nslots, tail);
            let p = super::pool::alloc_block(layout) as *mut X<P>;
            if p.is_null() {
                alloc::handle_alloc_error(layout);
            }
            // SAFETY: freshly allocated, properly aligned for X.
            unsafe {
                let hp = std::ptr::addr_of_mut!((*p).header);
                hp.write(header);
                std::ptr::addr_of_mut!((*p).payload).write(make());
                (hp, p.cast::<u8>(), layout, slots_at, tail_at)
            }
        }
    };
    debug_assert!(slots_at + nslots * std::mem::size_of::<RefSlot>() <= layout.size());
    for i in 0..nslots {
        // SAFETY: the slot values lie inside the block, after the object,
        // suitably aligned (`layout_with_slots`).
        unsafe { base.add(slots_at).cast::<RefSlot>().add(i).write(RefSlot::new(None)) };
    }
    debug_assert!(tail.is_none_or(|t| tail_at + t.size() <= layout.size()));
    // SAFETY: hp points into the block just written; the tail offset is
    // inside it (or one past the end for an empty tail).
    unsafe { (NonNull::new_unchecked(hp), base.add(tail_at)) }
}

/// Free one payload block. Called by `kinds::drop_and_free`.
///
/// # Safety
/// `p` must point at the header of a live `Obj<T>` (or `Obj<Ext<T>>` when
/// `ext`; preceded by a type slot when `slotted`), whose count is zero, and
/// must not be used again.
pub(super) unsafe fn free_block<T: PyPayload>(p: NonNull<u8>, ext: bool, prefix: Prefix) {
    // Read before the payload is dropped: the size of its elements' array.
    let tail = (*(p.as_ptr() as *const Obj<T>)).payload.tail_layout();
    if ext {
        // CPython's subtype_dealloc order: the slot values, then the
        // `__dict__`, then the base type's payload.
        let obj = p.as_ptr() as *mut Obj<Ext<T>>;
        let nslots = (*obj).payload.ext.nslots as usize;
        let n = nslots + (*obj).payload.ext.vcap as usize;
        let first = p.as_ptr().add((*obj).payload.ext.slots_offset as usize).cast::<RefSlot>();
        for i in 0..nslots {
            drop((*first.add(i)).take());
        }
        drop((*obj).payload.ext.dict.take());
        // The inline values stand for the `__dict__` (there is at most one
        // of them), released in insertion order as a dict's entries are.
        for i in nslots..n {
            drop((*first.add(i)).take());
        }
        std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(first, n));
        free_obj::<Obj<Ext<T>>>(p, prefix, n, tail);
    } else {
        free_obj::<Obj<T>>(p, prefix, 0, tail);
    }
}

/// # Safety
/// As `free_block`, with `X` the block's `Obj` type and `nslots` the slot
/// values it was allocated with (already dropped).
unsafe fn free_obj<X>(p: NonNull<u8>, prefix: Prefix, nslots: usize, tail: Option<Layout>) {
    std::ptr::drop_in_place(p.as_ptr() as *mut X);
    // `p` has the provenance of the whole block (see `alloc_block`).
    match prefix {
        Prefix::SlottedGc => {
            let base = p.as_ptr().sub(offset_of!(SlottedGc<X>, obj));
            super::pool::free_block(base, block_layout::<SlottedGc<X>>(nslots, tail).0);
        }
        Prefix::Gc => {
            let base = p.as_ptr().sub(offset_of!(Gc<X>, obj));
            super::pool::free_block(base, block_layout::<Gc<X>>(nslots, tail).0);
        }
        Prefix::None => super::pool::free_block(p.as_ptr(), block_layout::<X>(nslots, tail).0),
    }
}

/// Count given to immortal objects: large, like the counts CPython's
/// builtin singletons and static types accumulate, and never reaching zero.
pub const IMMORTAL_REFCNT: u32 = 1 << 30;

/// Make an object immortal (cached singletons, static types).
pub fn make_immortal(r: &PyRef) {
    // Immortal objects are roots: the collector need not look at them.
    gc::untrack(r);
    r.set_flag(flags::IMMORTAL);
    r.header().refcnt.set(IMMORTAL_REFCNT);
}

/// Leak one reference on purpose (for immortal objects created at start-up).
pub fn leak(r: PyRef) {
    let _ = r.into_raw();
}

/// A non-owning pointer to a live object block, as the weak reference
/// table (`weak.rs`) keeps them: to a referent from its weak references,
/// and to weak references from their referent's list. `weak.rs` keeps the
/// invariant that makes them safe to follow: an entry is removed before the
/// block it points at is freed (see `Dying::free`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct RawObj(NonNull<Header>);

impl RawObj {
    pub(super) fn of(r: &PyRef) -> RawObj {
        RawObj(r.ptr)
    }
    pub(super) fn addr(self) -> usize {
        self.0.as_ptr() as usize
    }
    /// The block's reference count.
    ///
    /// # Safety
    /// The block must be alive.
    pub(super) unsafe fn refcount(self) -> u32 {
        self.0.as_ref().refcnt.get()
    }
    /// A borrowed view of the object (owns no count).
    ///
    /// # Safety
    /// The block must be alive, and stay alive while the view is used.
    pub(super) unsafe fn view(self) -> ManuallyDrop<PyRef> {
        ManuallyDrop::new(PyRef::from_raw(self.0))
    }
    /// A new reference, unless the object is dying (count zero).
    ///
    /// # Safety
    /// The block must be alive.
    pub(super) unsafe fn upgrade(self) -> Option<PyRef> {
        if self.refcount() == 0 {
            None
        } else {
            Some((*self.view()).clone())
        }
    }
    /// Mark the object as having an entry in the interned string table.
    ///
    /// # Safety
    /// The block must be alive, and the entry made (`intern.rs`).
    pub(super) unsafe fn set_in_intern_table(self) {
        let h = self.0.as_ref();
        h.iflags.set(h.iflags.get() | iflags::IN_INTERN_TABLE);
    }
    /// Mark whether the object has weak references.
    ///
    /// # Safety
    /// The block must be alive.
    pub(super) unsafe fn set_has_weakrefs(self, on: bool) {
        let h = self.0.as_ref();
        let f = h.iflags.get();
        h.iflags.set(if on { f | iflags::HAS_WEAKREFS } else { f & !iflags::HAS_WEAKREFS });
    }
}

/// Sizes of the object layouts (for `__sizeof__` accounting and tests).
pub fn block_size<T>() -> usize {
    std::mem::size_of::<Obj<T>>()
}

/// Elements that a block can carry after its object (`Tailed`).
pub trait TailElem: Sized + 'static {
    /// Release the elements from the last to the first (CPython's order
    /// for a tuple's items) rather than from the first to the last.
    const REVERSE_DROP: bool;
    /// The value of an element not given at allocation, if the type has one.
    fn filler() -> Option<Self>;
}

impl TailElem for PyRef {
    const REVERSE_DROP: bool = true;
    fn filler() -> Option<PyRef> {
        None
    }
}

impl TailElem for RefSlot {
    const REVERSE_DROP: bool = false;
    fn filler() -> Option<RefSlot> {
        Some(RefSlot::new(None))
    }
}

/// A payload whose elements live in its own block, after the object (and
/// after the instance trailer and slot values, when it has them), as
/// CPython keeps a tuple's items and a frame's locals: one allocation per
/// object. Only `PyRef::new_tailed` makes one, in place; the number of
/// elements is fixed for the object's life. Dereferences to its `head`.
pub struct Tailed<H, E: TailElem> {
    head: H,
    /// The first element, with the provenance of the whole block.
    items: NonNull<E>,
    /// Elements initialised (all of them, once the allocation is done).
    len: u32,
    /// Elements the block has room for.
    cap: u32,
}

impl<H, E: TailElem> Tailed<H, E> {
    #[inline]
    pub fn head(&self) -> &H {
        &self.head
    }
    /// The elements.
    #[inline]
    pub fn items(&self) -> &[E] {
        // SAFETY: `new_tailed` wrote `len` elements at `items`, inside the
        // block that holds `self` and lives at least as long as the borrow
        // of `self`; before that `len` is 0 (and `items` dangling but
        // aligned, which an empty slice allows).
        unsafe { std::slice::from_raw_parts(self.items.as_ptr(), self.len as usize) }
    }
    /// The number of elements the object has (also while it is being
    /// allocated, before they are written).
    #[inline]
    pub fn capacity(&self) -> usize {
        self.cap as usize
    }
    /// The layout of the elements' array (for freeing the block).
    #[inline]
    pub(super) fn array_layout(&self) -> Layout {
        Layout::array::<E>(self.cap as usize).expect("element array")
    }
}

impl<H, E: TailElem> std::ops::Deref for Tailed<H, E> {
    type Target = H;
    #[inline]
    fn deref(&self) -> &H {
        &self.head
    }
}

impl<H, E: TailElem> Drop for Tailed<H, E> {
    fn drop(&mut self) {
        // Nothing can reach the object any more (it is being freed), but the
        // elements are forgotten first all the same: dropping one can run
        // Python code.
        let n = std::mem::replace(&mut self.len, 0) as usize;
        let first = self.items.as_ptr();
        for k in 0..n {
            let i = if E::REVERSE_DROP { n - 1 - k } else { k };
            // SAFETY: element `i` was initialised by `new_tailed` and is
            // dropped once (`len` is now 0, so `items()` no longer shows it).
            unsafe { std::ptr::drop_in_place(first.add(i)) };
        }
    }
}

/// A mutable slot holding an optional reference: a frame's local variable.
/// Like `Cell<Option<PyRef>>`, but `get` hands out a new reference without
/// taking the value out and putting it back (the interpreter reads locals
/// constantly).
#[repr(transparent)]
#[derive(Default)]
pub struct RefSlot(Cell<Option<PyRef>>);

impl RefSlot {
    #[inline]
    pub const fn new(v: Option<PyRef>) -> RefSlot {
        RefSlot(Cell::new(v))
    }
    /// A new reference to the value, if any.
    #[inline]
    pub fn get(&self) -> Option<PyRef> {
        // SAFETY: the shared reference to the Option lives only for the
        // clone, and cloning a PyRef only increments a count: no code runs
        // that could replace the slot's value meanwhile (RefSlot is !Sync).
        unsafe { (*self.0.as_ptr()).clone() }
    }
    /// Whether the slot holds a value.
    #[inline]
    pub fn is_some(&self) -> bool {
        // SAFETY: as above; nothing runs during the read.
        unsafe { (*self.0.as_ptr()).is_some() }
    }
    /// Visit the value without taking a new reference.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(Option<&PyRef>) -> R) -> R {
        // The value is taken out for the call: `f` may run code that changes
        // the slot, which then sees it empty, as with `Cell`.
        let v = self.0.take();
        let r = f(v.as_ref());
        let newer = self.0.replace(v);
        drop(newer);
        r
    }
    #[inline]
    pub fn set(&self, v: Option<PyRef>) {
        drop(self.0.replace(v));
    }
    #[inline]
    pub fn replace(&self, v: Option<PyRef>) -> Option<PyRef> {
        self.0.replace(v)
    }
    #[inline]
    pub fn take(&self) -> Option<PyRef> {
        self.0.take()
    }
    /// The value, borrowed in place (the collector's read-only traversal).
    ///
    /// # Safety
    /// Nothing may change the slot while the borrow lives: the caller runs
    /// no code that could store into it (no Python code, no drop of a
    /// reference).
    #[inline]
    pub(super) unsafe fn peek(&self) -> Option<&PyRef> {
        (*self.0.as_ptr()).as_ref()
    }
}

/// A dict entry's key: a counted reference of its own, or a share of one
/// that several dicts use (`Rc<PyRef>`: a split instance dict's keys are
/// its class's shared names, counted once for all the dicts over them, as
/// CPython 3.11's shared keys object holds them). One pointer wide: the low
/// bit says which (a PyRef's block and an Rc's value are both 8-aligned).
#[repr(transparent)]
pub struct KeyRef {
    ptr: NonNull<()>,
    _not_send: PhantomData<*const ()>,
}

impl KeyRef {
    /// A key that owns its reference.
    #[inline]
    pub fn own(r: PyRef) -> KeyRef {
        KeyRef { ptr: r.into_raw().cast(), _not_send: PhantomData }
    }

    /// A key that shares `r` (no count of its own).
    pub fn shared(r: std::rc::Rc<PyRef>) -> KeyRef {
        let p = std::rc::Rc::into_raw(r) as *mut ();
        debug_assert!(p as usize & 1 == 0);
        // SAFETY: `p` is non-null (Rc::into_raw); setting the low bit of an
        // aligned address keeps it non-null.
        KeyRef { ptr: unsafe { NonNull::new_unchecked(p.map_addr(|a| a | 1)) }, _not_send: PhantomData }
    }

    /// Whether the key is `other` itself (an owned key's pointer is the
    /// object's; a shared one's is tagged, so it never equals one).
    #[inline]
    pub fn is(&self, other: &PyRef) -> bool {
        std::ptr::eq(self.ptr.as_ptr().cast::<Header>(), other.ptr.as_ptr()) || (self.is_shared() && (**self).is(other))
    }

    #[inline]
    pub fn is_shared(&self) -> bool {
        self.ptr.as_ptr() as usize & 1 != 0
    }

    /// A counted reference to the key, the key given up.
    pub fn into_owned(self) -> PyRef {
        if self.is_shared() {
            (*self).clone()
        } else {
            let p = self.ptr.cast::<Header>();
            std::mem::forget(self);
            PyRef::from_raw(p)
        }
    }

    /// The same key owning a reference of its own (a split dict becoming
    /// combined: CPython copies its keys out of the shared keys, counted).
    pub fn to_owned_key(&self) -> KeyRef {
        KeyRef::own((**self).clone())
    }
}

impl std::ops::Deref for KeyRef {
    type Target = PyRef;
    #[inline]
    fn deref(&self) -> &PyRef {
        if self.is_shared() {
            // SAFETY: a shared key holds its Rc (made by Rc::into_raw from
            // an Rc<PyRef>), so the PyRef it points at lives as long as self.
            unsafe { &*(self.ptr.as_ptr().map_addr(|a| a & !1) as *const PyRef) }
        } else {
            // SAFETY: an owned key is a PyRef's pointer, and both types are
            // one pointer (repr(transparent)).
            unsafe { &*(self as *const KeyRef as *const PyRef) }
        }
    }
}

impl Drop for KeyRef {
    #[inline]
    fn drop(&mut self) {
        if self.is_shared() {
            // SAFETY: made from Rc::into_raw in `shared`, given back once.
            drop(unsafe { std::rc::Rc::from_raw(self.ptr.as_ptr().map_addr(|a| a & !1) as *const PyRef) });
        } else {
            drop(PyRef::from_raw(self.ptr.cast::<Header>()));
        }
    }
}
