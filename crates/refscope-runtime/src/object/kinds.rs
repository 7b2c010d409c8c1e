//! The payload kinds: which Rust type each object block holds.
//!
//! One list, here, ties each `Kind` to its payload type. The header stores
//! the kind; `PyRef::payload::<T>()` checks it; freeing a block drops the
//! payload type the kind names. Adding a builtin type with a new layout means
//! adding one line to `kinds!`.

use super::core::{free_block, GcMode, InstanceExt, Prefix, PyRef};
use std::ptr::NonNull;

/// A Rust type that is the payload of some object kind.
///
/// # Safety
/// Implemented only by the `kinds!` macro below, which gives every payload
/// type a distinct kind.
pub unsafe trait PyPayload: Trace + 'static {
    const KIND: Kind;
    /// The layout of the elements a `Tailed` payload keeps after the
    /// object in its block (`None` for other payloads).
    fn tail_layout(&self) -> Option<std::alloc::Layout> {
        None
    }
}

/// The `PyPayload` items of a kind whose payload is a `Tailed`.
macro_rules! tail_items {
    () => {};
    (tail) => {
        fn tail_layout(&self) -> Option<std::alloc::Layout> {
            Some(self.array_layout())
        }
    };
}

/// What the cycle collector needs from a payload (CPython's `tp_traverse`
/// and `tp_clear`). Implemented for every payload type in `crate::gc_trace`.
pub trait Trace {
    /// Call `visit` once for every counted reference the payload holds, in
    /// CPython's order for that type. Must not run Python code, allocate
    /// objects or change counts. A field that is mutably borrowed right now
    /// may be skipped (the collector then sees its referents as referenced
    /// from outside, which keeps them alive).
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, _visit: &mut V) {}
    /// Drop the references that can be part of a cycle, to break it. Must
    /// not hold a borrow while a reference is dropped (dropping can run
    /// finalizers).
    fn clear(&self) {}
    /// For payloads of types whose exact instances CPython 3.11 allocates
    /// from a free list (lists, dicts, small tuples): which list
    /// (`gc::FreeList`). Such allocations and frees do not change the
    /// collector's allocation count while the free list has room or items.
    fn free_list(&self) -> Option<super::gc::FreeList> {
        None
    }
}

macro_rules! kinds {
    ($($kind:ident => $ty:ty $([$tail:ident])?,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Kind { $($kind,)* }

        $(unsafe impl PyPayload for $ty { const KIND: Kind = Kind::$kind; tail_items!($($tail)?); })*

        /// Every payload kind.
        pub const ALL_KINDS: &[Kind] = &[$(Kind::$kind,)*];

        /// Drop the payload named by `kind` and free its block.
        ///
        /// # Safety
        /// `p` is the header of a live block of that kind (with the trailer
        /// when `ext`, after a type slot when `slotted`), whose count is
        /// zero; it is not used again.
        pub(super) unsafe fn drop_and_free(kind: Kind, ext: bool, prefix: Prefix, p: NonNull<u8>) {
            match kind { $(Kind::$kind => free_block::<$ty>(p, ext, prefix),)* }
        }

        /// The payload's references (`Trace::trace`).
        #[inline]
        pub(super) fn trace_payload<V: FnMut(&PyRef) + ?Sized>(r: &PyRef, visit: &mut V) {
            match r.kind() { $(Kind::$kind => Trace::trace(r.payload_unchecked::<$ty>(), visit),)* }
        }

        /// The free list of an object's payload (`Trace::free_list`).
        pub(super) fn free_list_of(r: &PyRef) -> Option<super::gc::FreeList> {
            match r.kind() { $(Kind::$kind => Trace::free_list(r.payload_unchecked::<$ty>()),)* }
        }

        /// Break the payload's cycles (`Trace::clear`).
        pub(super) fn clear_payload(r: &PyRef) {
            match r.kind() { $(Kind::$kind => Trace::clear(r.payload_unchecked::<$ty>()),)* }
        }

        /// The trailer of an instance of a user class.
        pub(super) fn ext_of(r: &PyRef) -> &InstanceExt {
            // SAFETY: callers check HAS_EXT; the kind names the payload type.
            unsafe { match r.kind() { $(Kind::$kind => r.ext_as::<$ty>(),)* } }
        }

        /// Size of a block of this kind without the instance trailer.
        pub fn payload_block_size(kind: Kind) -> usize {
            match kind { $(Kind::$kind => super::core::block_size::<$ty>(),)* }
        }
    };
}

use crate::types as t;

/// `trace_payload` with the kinds the collector meets most (instances of
/// plain classes, lists, dicts, tuples, bound methods) traced inline: for
/// the collector's passes over a generation.
#[inline(always)]
pub(super) fn trace_payload_hot<V: FnMut(&PyRef) + ?Sized>(r: &PyRef, visit: &mut V) {
    match r.kind() {
        Kind::Object => {}
        Kind::List => Trace::trace(r.payload_unchecked::<t::list::ListData>(), visit),
        Kind::Dict => Trace::trace(r.payload_unchecked::<t::dict::DictData>(), visit),
        Kind::Tuple => Trace::trace(r.payload_unchecked::<t::tuple::TupleData>(), visit),
        Kind::Method => Trace::trace(r.payload_unchecked::<t::method::MethodData>(), visit),
        _ => trace_payload(r, visit),
    }
}

/// Which kinds are containers, as CPython's types are GC types or not
/// (instances of user classes always are; `PyRef::new_atomic` makes an
/// exception for one object).
pub fn gc_mode(kind: Kind) -> GcMode {
    match kind {
        Kind::Object | Kind::Int | Kind::Float | Kind::Complex | Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Range | Kind::Code => GcMode::None,
        Kind::Frame => GcMode::Uncounted,
        _ => GcMode::Counted,
    }
}

kinds! {
    Object => (),
    Type => t::typeobj::TypeData,
    Int => t::int::IntData,
    Float => t::float::FloatData,
    Complex => t::complex::ComplexData,
    Str => t::str::StrData,
    Bytes => t::bytes::BytesData,
    ByteArray => t::bytearray::ByteArrayData,
    List => t::list::ListData,
    Tuple => t::tuple::TupleData [tail],
    Dict => t::dict::DictData,
    Set => t::set::SetData,
    Range => t::range::RangeData,
    Slice => t::slice::SliceData,
    Function => t::function::FunctionData,
    BuiltinFunction => t::builtin_function::BuiltinFunctionData,
    Method => t::method::MethodData,
    Property => t::property::PropertyData,
    ClassMethod => t::classmethod::ClassMethodData,
    StaticMethod => t::staticmethod::StaticMethodData,
    Super => t::super_::SuperData,
    Cell => t::cell::CellData,
    Code => t::code::CodeData,
    Frame => t::frame::FrameObj [tail],
    Traceback => t::traceback::TracebackData,
    Module => t::module::ModuleData,
    Generator => t::generator::GeneratorData,
    Iterator => t::iterators::IteratorData,
    DictView => t::dict::DictViewData,
    Exception => t::exceptions::ExceptionData,
    Descriptor => t::descriptor::DescriptorData,
    File => crate::modules::io::FileData,
    Weakref => super::weak::WeakrefData,
    MappingProxy => t::mappingproxy::MappingProxyData,
    ManagedBuffer => t::memoryview::ManagedBufferData,
    MemoryView => t::memoryview::MemoryViewData,
    Union => t::union::UnionData,
    Namespace => t::namespace::NamespaceData,
}
