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
//! Invariants (checked by the tests here, under Miri and valgrind):
//! - a block's payload type is the one its header `kind` names;
//! - `refcnt` counts exactly the live `PyRef`s to the block, plus one for the
//!   type pointer of instances of heap types (held by the instance);
//! - a block is freed exactly once, after its count reached zero and the
//!   runtime did not resurrect it.

use std::alloc::{self, Layout};
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

use super::kinds::{drop_and_free, Kind, PyPayload};

/// Header flags.
pub mod flags {
    /// The block is `Obj<Ext<T>>`: an instance of a user class.
    pub const HAS_EXT: u8 = 1;
    /// `__del__` already ran (PEP 442: never twice).
    pub const FINALIZED: u8 = 2;
    /// Owned by the runtime forever (static types, cached singletons).
    pub const IMMORTAL: u8 = 4;
    /// The object is a heap type: instances count a reference to it.
    pub const HEAPTYPE: u8 = 8;
    /// A str object that is in the interned table.
    pub const INTERNED: u8 = 16;
}

#[repr(C)]
pub struct Header {
    refcnt: Cell<u32>,
    kind: Kind,
    flags: Cell<u8>,
    _pad: u16,
    ty: Cell<NonNull<Header>>,
}

#[repr(C)]
struct Obj<T> {
    header: Header,
    payload: T,
}

/// The trailer of instances of user classes.
pub struct InstanceExt {
    /// The instance `__dict__` (created on first use).
    pub dict: std::cell::RefCell<Option<PyRef>>,
    /// Values of `__slots__` members, by index.
    pub slots: Box<[std::cell::RefCell<Option<PyRef>>]>,
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
    pub fn new<T: PyPayload>(ty: &PyRef, payload: T) -> PyRef {
        Self::alloc(ty, Obj { header: Self::make_header(ty, T::KIND, 0), payload })
    }

    /// Allocate an instance of a user class: payload plus instance trailer.
    pub fn new_ext<T: PyPayload>(ty: &PyRef, payload: T, nslots: usize) -> PyRef {
        let slots = (0..nslots).map(|_| std::cell::RefCell::new(None)).collect();
        let ext = InstanceExt { dict: std::cell::RefCell::new(None), slots };
        Self::alloc(ty, Obj { header: Self::make_header(ty, T::KIND, flags::HAS_EXT), payload: Ext { base: payload, ext } })
    }

    fn make_header(ty: &PyRef, kind: Kind, fl: u8) -> Header {
        if ty.header().flags.get() & flags::HEAPTYPE != 0 {
            ty.incref();
        }
        Header { refcnt: Cell::new(1), kind, flags: Cell::new(fl), _pad: 0, ty: Cell::new(ty.ptr) }
    }

    fn alloc<X>(ty: &PyRef, obj: X) -> PyRef {
        let _ = ty;
        let layout = Layout::new::<X>();
        // SAFETY: layout has non-zero size (it holds a Header).
        let p = unsafe { alloc::alloc(layout) } as *mut X;
        let Some(nn) = NonNull::new(p) else { alloc::handle_alloc_error(layout) };
        // SAFETY: freshly allocated, properly aligned for X.
        unsafe { nn.as_ptr().write(obj) };
        super::heap::note_alloc();
        PyRef { ptr: nn.cast(), _not_send: PhantomData }
    }

    /// Create the first type object (`type`, whose type is itself). `payload`
    /// becomes a block whose type pointer points at itself.
    pub fn new_self_typed<T: PyPayload>(payload: T) -> PyRef {
        let layout = Layout::new::<Obj<T>>();
        // SAFETY: non-zero size.
        let p = unsafe { alloc::alloc(layout) } as *mut Obj<T>;
        let Some(nn) = NonNull::new(p) else { alloc::handle_alloc_error(layout) };
        let hp: NonNull<Header> = nn.cast();
        let obj = Obj { header: Header { refcnt: Cell::new(1), kind: T::KIND, flags: Cell::new(flags::IMMORTAL), _pad: 0, ty: Cell::new(hp) }, payload };
        // SAFETY: freshly allocated.
        unsafe { nn.as_ptr().write(obj) };
        PyRef { ptr: hp, _not_send: PhantomData }
    }

    #[inline]
    fn incref(&self) {
        let h = self.header();
        h.refcnt.set(h.refcnt.get().wrapping_add(1));
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
        // SAFETY: PyRef is repr(transparent) over NonNull<Header> (plus a
        // zero-sized marker), and Cell<NonNull<Header>> has the same layout;
        // the type is kept alive by the object (heap types are counted,
        // static types are immortal), and `set_type` defers releasing the
        // previous type (see there), so the reference stays valid for the
        // borrow of `self`.
        unsafe { &*(self.header().ty.as_ptr() as *const PyRef) }
    }

    /// Change the object's type (`obj.__class__ = C`). Returns the previous
    /// type's owned reference, which the caller must keep alive until no
    /// borrow from `ty()` can be outstanding.
    pub fn set_type(&self, new_ty: &PyRef) -> Option<PyRef> {
        let h = self.header();
        let old = h.ty.get();
        if new_ty.header().flags.get() & flags::HEAPTYPE != 0 {
            new_ty.incref();
        }
        h.ty.set(new_ty.ptr);
        let old_ref = PyRef { ptr: old, _not_send: PhantomData };
        // SAFETY: reading the old type's header; it is alive (we held it).
        if unsafe { old.as_ref() }.flags.get() & flags::HEAPTYPE != 0 {
            Some(old_ref)
        } else {
            std::mem::forget(old_ref);
            None
        }
    }

    #[inline]
    pub fn flags(&self) -> u8 {
        self.header().flags.get()
    }

    #[inline]
    pub fn set_flag(&self, f: u8) {
        let h = self.header();
        h.flags.set(h.flags.get() | f);
    }

    #[inline]
    pub fn clear_flag(&self, f: u8) {
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

    /// Make an owned reference from a raw identity, if the object is alive.
    /// Only the runtime's own bookkeeping (the deferred-free queue) uses it.
    fn from_raw(ptr: NonNull<Header>) -> PyRef {
        PyRef { ptr, _not_send: PhantomData }
    }

    fn into_raw(self) -> NonNull<Header> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }
}

impl Clone for PyRef {
    #[inline]
    fn clone(&self) -> PyRef {
        self.incref();
        PyRef { ptr: self.ptr, _not_send: PhantomData }
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
    /// Borrow the object without owning a count (for inspection before
    /// freeing, e.g. to find its type's finalizer).
    pub fn with_ref<R>(&self, f: impl FnOnce(&PyRef) -> R) -> R {
        let r = std::mem::ManuallyDrop::new(PyRef::from_raw(self.ptr));
        f(&r)
    }
    /// Drop the payload (releasing its references) and free the block.
    pub fn free(self) {
        let p = self.ptr;
        // SAFETY: the count is zero and nobody resurrected the object, so no
        // PyRef to it exists; it is freed exactly once here.
        unsafe {
            let h = p.as_ref();
            let heap_ty = (h.ty.get() != p) && h.ty.get().as_ref().flags.get() & flags::HEAPTYPE != 0;
            let ty = h.ty.get();
            let kind = h.kind;
            let has_ext = h.flags.get() & flags::HAS_EXT != 0;
            drop_and_free(kind, has_ext, p.cast());
            super::heap::note_free();
            if heap_ty {
                drop(PyRef::from_raw(ty));
            }
        }
    }
    /// Keep the object in a deferred queue (the trashcan): convert to a raw
    /// token that can be turned back into a `Dying` later.
    pub fn defer(self) -> DeferredFree {
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
    if h.flags.get() & flags::IMMORTAL != 0 {
        // Immortal objects are never freed; restore a count.
        h.refcnt.set(IMMORTAL_REFCNT);
        return;
    }
    super::heap::dealloc(Dying { ptr });
}

/// Free one payload block. Called by `kinds::drop_and_free`.
///
/// # Safety
/// `p` must point at a live `Obj<T>` (or `Obj<Ext<T>>` when `ext`), whose
/// count is zero, and must not be used again.
pub(super) unsafe fn free_block<T>(p: NonNull<u8>, ext: bool) {
    if ext {
        let o = p.as_ptr() as *mut Obj<Ext<T>>;
        std::ptr::drop_in_place(o);
        alloc::dealloc(p.as_ptr(), Layout::new::<Obj<Ext<T>>>());
    } else {
        let o = p.as_ptr() as *mut Obj<T>;
        std::ptr::drop_in_place(o);
        alloc::dealloc(p.as_ptr(), Layout::new::<Obj<T>>());
    }
}

/// Count given to immortal objects: large, like the counts CPython's
/// builtin singletons and static types accumulate, and never reaching zero.
pub const IMMORTAL_REFCNT: u32 = 1 << 30;

/// Make an object immortal (cached singletons, static types).
pub fn make_immortal(r: &PyRef) {
    r.set_flag(flags::IMMORTAL);
    r.header().refcnt.set(IMMORTAL_REFCNT);
}

/// Leak one reference on purpose (for immortal objects created at start-up).
pub fn leak(r: PyRef) {
    let _ = r.into_raw();
}

/// Sizes of the object layouts (for `__sizeof__` accounting and tests).
pub fn block_size<T>() -> usize {
    std::mem::size_of::<Obj<T>>()
}
