//! Object sizes as CPython 3.11 reports them on 64-bit Linux
//! (`object.__sizeof__` and `sys.getsizeof`).
//!
//! CPython's size of an object is its type's `tp_basicsize` plus what the
//! type allocates beside it (list item arrays with over-allocation, dict and
//! set tables, int digits, the characters of a str, a generator's frame),
//! as each type's `__sizeof__` computes it. `sys.getsizeof` adds the bytes
//! stored before the object: the 16-byte collector head of a gc type, and
//! for instances of classes whose `__dict__` is managed (CPython 3.11's
//! inline values: classes adding a `__dict__` to a fixed-size base), two
//! more pointers. The numbers refscope needs but does not store itself (list
//! and bytearray capacities, table sizes) are bookkeeping in the payloads.

use crate::object::{Kind, PyRef};
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::Vm;

/// Bytes of a heap type object (`sizeof(PyHeapTypeObject)`).
const HEAP_TYPE: usize = 904;
/// Bytes of a static (builtin) type object (`sizeof(PyTypeObject)`).
const STATIC_TYPE: usize = 408;
/// The shared keys a class with a managed `__dict__` keeps for its
/// instances' attribute names: a 64-slot table, 42 usable 16-byte entries.
const CACHED_KEYS: usize = 32 + 64 + 42 * 16;

/// Whether instances of `kind` have a variable-size layout (`tp_itemsize`
/// != 0): their `__dict__` cannot be managed and they get no `__weakref__`.
fn var_sized(kind: Kind) -> bool {
    matches!(kind, Kind::Int | Kind::Tuple | Kind::Bytes)
}

/// Builtin bases whose instances already carry a `__dict__`.
fn has_own_dict(kind: Kind) -> bool {
    matches!(kind, Kind::Exception | Kind::Function | Kind::Module | Kind::Type | Kind::Namespace)
}

/// Builtin bases whose instances already carry a weak-reference list.
fn has_own_weaklist(kind: Kind) -> bool {
    matches!(kind, Kind::Set | Kind::Type | Kind::Function | Kind::Module | Kind::Generator | Kind::Method | Kind::Code)
}

/// The first builtin (static) type in `ty`'s MRO.
fn solid_base(ty: &PyRef) -> PyRef {
    let td = typeobj::data(ty);
    if !td.flag(tflags::HEAPTYPE) {
        return ty.clone();
    }
    for t in td.mro_vec() {
        if !typeobj::data(&t).flag(tflags::HEAPTYPE) {
            return t;
        }
    }
    ty.clone()
}

/// `tp_basicsize` of a builtin exception type (the ones with extra fields).
fn exception_basicsize(vm: &Vm, ty: &PyRef) -> usize {
    let e = &vm.exc;
    let extra = |t: &PyRef| typeobj::is_subtype(ty, t);
    72 + if extra(&e.syntax_error) {
        64
    } else if extra(&e.os_error) {
        40
    } else if extra(&e.import_error) {
        24
    } else if extra(&e.attribute_error) {
        16
    } else if extra(&e.stop_iteration) || extra(&e.system_exit) || extra(&e.name_error) {
        8
    } else if ["UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"].contains(&typeobj::type_name(ty).as_str()) {
        40
    } else if extra(&e.base_exception_group) {
        // message, exceptions
        16
    } else {
        0
    }
}

/// `tp_basicsize` of a builtin type, by the layout of its instances.
fn builtin_basicsize(vm: &Vm, ty: &PyRef) -> usize {
    let t = &vm.types;
    match typeobj::data(ty).instance_kind {
        // `list[int]`: origin, args, parameters, weak list, starred flag,
        // vectorcall pointer.
        Kind::Object if typeobj::type_name(ty) == "GenericAlias" => 64,
        Kind::Object => 16,
        Kind::Int => 24,
        Kind::Float => 24,
        Kind::Complex => 32,
        Kind::Str => 80,
        Kind::Bytes => 33,
        Kind::ByteArray => 56,
        Kind::List => 40,
        Kind::Tuple => 24,
        Kind::Dict => 48,
        Kind::Set => 200,
        Kind::Range => 48,
        Kind::Slice => 40,
        Kind::Function => 136,
        Kind::BuiltinFunction => 56,
        Kind::Method => 48,
        Kind::Weakref => 64,
        Kind::Property => 64,
        // A builtin type's class method is a method descriptor.
        Kind::ClassMethod if typeobj::type_name(ty) == "classmethod_descriptor" => 56,
        Kind::ClassMethod | Kind::StaticMethod => 32,
        Kind::Super => 40,
        Kind::Cell => 24,
        Kind::Code => 184,
        Kind::Frame => 48,
        Kind::Traceback => 40,
        Kind::Module => 56,
        Kind::Generator => 80,
        Kind::DictView => 24,
        Kind::MappingProxy => 24,
        // One dimension: three Py_ssize_t after the object.
        Kind::MemoryView => 168,
        Kind::ManagedBuffer => 112,
        // args, parameters
        Kind::Union => 32,
        // the dict
        Kind::Namespace => 24,
        Kind::Exception => exception_basicsize(vm, ty),
        Kind::Descriptor if ty.is(&t.getset_descriptor) || ty.is(&t.member_descriptor) => 48,
        Kind::Descriptor => 56,
        Kind::Iterator => {
            let name = typeobj::type_name(ty);
            if ty.is(&t.enumerate) || ty.is(&t.dict_keyiterator) || ty.is(&t.dict_valueiterator) || ty.is(&t.dict_itemiterator) || name.starts_with("dict_reverse") {
                56
            } else if ty.is(&t.zip) || ty.is(&t.set_iterator) || ty.is(&t.range_iterator) || name == "longrange_iterator" {
                48
            } else {
                32
            }
        }
        Kind::Type => STATIC_TYPE,
        Kind::File => 48,
    }
}

/// Whether `ty` is a heap type whose instances keep their `__dict__` as
/// CPython 3.11's managed dict (inline values before the object).
pub fn managed_dict(ty: &PyRef) -> bool {
    let td = typeobj::data(ty);
    td.flag(tflags::HEAPTYPE) && td.flag(tflags::HAS_DICT) && !var_sized(td.instance_kind) && !has_own_dict(td.instance_kind)
}

/// `tp_basicsize` of any type: a class adds its `__slots__`, a
/// `__weakref__` slot and (for variable-size bases) a `__dict__` slot to
/// its builtin base's layout.
pub fn basicsize(vm: &Vm, ty: &PyRef) -> usize {
    let base = solid_base(ty);
    let mut size = builtin_basicsize(vm, &base);
    if ty.is(&base) {
        return size;
    }
    let td = typeobj::data(ty);
    let kind = td.instance_kind;
    size += 8 * td.slot_names.borrow().len();
    if td.flag(tflags::WEAKREFABLE) && !var_sized(kind) && !has_own_weaklist(kind) {
        size += 8;
    }
    if td.flag(tflags::HAS_DICT) && var_sized(kind) {
        size += 8;
    }
    size
}

/// `type.__basicsize__`: CPython's tp_basicsize, the fixed part of an
/// instance (`basicsize`), where it differs from what `sys.getsizeof`
/// starts from: bool's is its C struct's (with one digit, padded), a
/// type's is a heap type object's, a generator's reaches its frame's
/// locals.
pub fn tp_basicsize(vm: &Vm, ty: &PyRef) -> usize {
    let base = solid_base(ty);
    let extra = basicsize(vm, ty) - builtin_basicsize(vm, &base);
    let fixed = if base.is(&vm.types.bool_) {
        32
    } else {
        match typeobj::data(&base).instance_kind {
            Kind::Type => 904,
            Kind::Generator => 152,
            _ => builtin_basicsize(vm, &base),
        }
    };
    fixed + extra
}

/// `type.__itemsize__`: the size of each item of a variable-size instance.
pub fn tp_itemsize(ty: &PyRef) -> usize {
    match typeobj::data(&solid_base(ty)).instance_kind {
        Kind::Int => 4,
        Kind::Tuple | Kind::Generator => 8,
        Kind::Bytes => 1,
        Kind::Type => 40,
        _ => 0,
    }
}

/// Whether instances of `ty` are gc objects in CPython (a collector head
/// precedes them).
pub fn is_gc_type(ty: &PyRef) -> bool {
    let td = typeobj::data(ty);
    if td.flag(tflags::HEAPTYPE) {
        return true;
    }
    match td.instance_kind {
        Kind::Object => typeobj::type_name(ty) == "GenericAlias",
        Kind::Int | Kind::Float | Kind::Complex | Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Range | Kind::Code | Kind::File => false,
        Kind::Iterator => !matches!(typeobj::type_name(ty).as_str(), "range_iterator" | "longrange_iterator"),
        _ => true,
    }
}

/// The bytes `sys.getsizeof` adds before the object (`_PyType_PreHeaderSize`).
pub fn preheader(ty: &PyRef) -> usize {
    (if is_gc_type(ty) { 16 } else { 0 }) + if managed_dict(ty) { 16 } else { 0 }
}

/// Bytes of a str's character data as CPython 3.11 stores it: compact
/// (exact str) or with a separate buffer (instances of str subclasses).
fn str_size(o: &PyRef) -> usize {
    let s = str::as_str(o);
    let n = s.chars().count();
    let kind = refscope_text::str_kind(s) as usize;
    if o.has_ext() {
        return 80 + (n + 1) * kind;
    }
    match kind {
        1 if s.is_ascii() => 48 + n + 1,
        k => 72 + (n + 1) * k,
    }
}

/// CPython's dict size: the object, plus its keys table unless shared.
fn dict_size(base: usize, o: &PyRef) -> usize {
    let d = dict::get(o).unwrap();
    // A split instance dict: its values array; the keys belong to the class.
    if let Some(sk) = d.shared.borrow().as_ref() {
        return base + 8 * sk.capacity();
    }
    let t = d.table.borrow();
    if t.indices.is_empty() {
        return base;
    }
    let size = t.size();
    let ix = if size <= 0xff {
        1
    } else if size <= 0xffff {
        2
    } else if size <= 0xffff_ffff {
        4
    } else {
        8
    };
    let usable = size * 2 / 3;
    let entry = if t.str_keys { 16 } else { 24 };
    base + 32 + ix * size + entry * usable
}

/// A code object's frame needs: its local slots and value stack, with
/// CPython's `co_stacksize` (the shape model's, not refscope's own stack).
fn frame_slots(code: &PyRef) -> usize {
    match code::get(code) {
        // A parameter that is also a cell has one slot in CPython.
        Some(c) => {
            let shared = c.code.cell2arg.iter().filter(|a| a.is_some()).count();
            c.code.varnames.len() + c.code.cellvars.len() - shared + c.code.freevars.len() + c.code.cpython_stacksize as usize
        }
        None => 0,
    }
}

/// Special methods CPython implements as type slots: bound to an object
/// they are `method-wrapper`s (32 bytes), not builtin methods.
/// `o.__sizeof__()` as CPython 3.11's builtin types compute it.
pub fn sizeof(vm: &Vm, o: &PyRef) -> usize {
    let ty = o.ty();
    let base = basicsize(vm, ty);
    match o.kind() {
        // Digits of 30 bits; 3.11 counts at least one (zero too).
        Kind::Int => 24 + 4 * ((int::to_bigint(o).bits() as usize).div_ceil(30)).max(1),
        Kind::Str => str_size(o),
        Kind::Bytes => base + bytes::get(o).unwrap().len(),
        Kind::ByteArray => base + bytearray::get(o).unwrap().alloc.get(),
        Kind::Tuple => base + 8 * tuple::items(o).len(),
        Kind::List => base + 8 * list::get(o).unwrap().allocated(),
        Kind::Dict => dict_size(base, o),
        Kind::Set => {
            let n = set::get(o).unwrap().table.borrow().slots.len();
            base + if n > 8 { 16 * n } else { 0 }
        }
        Kind::Type => {
            if typeobj::data(o).flag(tflags::HEAPTYPE) {
                HEAP_TYPE + if managed_dict(o) { CACHED_KEYS } else { 0 }
            } else {
                STATIC_TYPE
            }
        }
        // The generator's frame lives inside it: 72 bytes of frame header,
        // then the locals and the value stack.
        Kind::Generator => base + 72 + frame::get(&generator::get(o).unwrap().frame).map(|f| 8 * frame_slots(&f.code)).unwrap_or(0),
        Kind::BuiltinFunction if o.ty().is(&vm.types.method_wrapper) => 32,
        Kind::Frame => base + 72 + frame::get(o).map(|f| 8 * frame_slots(&f.code)).unwrap_or(0),
        // The header, then CPython's bytecode (2 bytes a code unit, inline
        // caches included), the whole rounded up to 8 bytes.
        Kind::Code => match code::get(o) {
            Some(c) => (base + 2 * c.code.cpython_code_units as usize).next_multiple_of(8),
            None => base,
        },
        _ => base,
    }
}

/// `sys.getsizeof(o)` for a `__sizeof__` result of `size`.
pub fn with_preheader(o: &PyRef, size: usize) -> usize {
    size + preheader(o.ty())
}
