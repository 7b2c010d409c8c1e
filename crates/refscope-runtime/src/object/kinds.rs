//! The payload kinds: which Rust type each object block holds.
//!
//! One list, here, ties each `Kind` to its payload type. The header stores
//! the kind; `PyRef::payload::<T>()` checks it; freeing a block drops the
//! payload type the kind names. Adding a builtin type with a new layout means
//! adding one line to `kinds!`.

use super::core::{free_block, InstanceExt, PyRef};
use std::ptr::NonNull;

/// A Rust type that is the payload of some object kind.
///
/// # Safety
/// Implemented only by the `kinds!` macro below, which gives every payload
/// type a distinct kind.
pub unsafe trait PyPayload: 'static {
    const KIND: Kind;
}

macro_rules! kinds {
    ($($kind:ident => $ty:ty,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Kind { $($kind,)* }

        $(unsafe impl PyPayload for $ty { const KIND: Kind = Kind::$kind; })*

        /// Drop the payload named by `kind` and free its block.
        ///
        /// # Safety
        /// `p` is the header of a live block of that kind (with the trailer
        /// when `ext`, after a type slot when `slotted`), whose count is
        /// zero; it is not used again.
        pub(super) unsafe fn drop_and_free(kind: Kind, ext: bool, slotted: bool, p: NonNull<u8>) {
            match kind { $(Kind::$kind => free_block::<$ty>(p, ext, slotted),)* }
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
    Tuple => t::tuple::TupleData,
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
    Frame => t::frame::FrameData,
    Traceback => t::traceback::TracebackData,
    Module => t::module::ModuleData,
    Generator => t::generator::GeneratorData,
    Iterator => t::iterators::IteratorData,
    DictView => t::dict::DictViewData,
    Exception => t::exceptions::ExceptionData,
    Descriptor => t::descriptor::DescriptorData,
    File => crate::modules::io::FileData,
}
