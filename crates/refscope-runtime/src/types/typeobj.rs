//! `type`: type objects, the method resolution order (C3), attribute lookup
//! along the MRO, and class creation.
//!
//! A type's namespace is a real dict object (`__dict__`), its MRO a tuple
//! that (as in CPython) contains the type itself. Builtin types are immortal
//! and created at start-up; classes made by `class` statements are heap
//! types: their instances count a reference to them, as CPython's do.

use crate::object::{flags, Kind, PyRef};
use crate::types::dict::DictData;
use crate::vm::{NativeFn, PyErr, PyResult, Types, Vm};
use std::cell::{Cell, RefCell};

/// Type flags.
pub mod tflags {
    /// Instances have a `__dict__`.
    pub const HAS_DICT: u32 = 1;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 2;
    /// A class statement made it.
    pub const HEAPTYPE: u32 = 4;
    /// Defines or inherits a Python `__del__`.
    pub const HAS_DEL: u32 = 8;
    /// Defines or inherits a Python `__getattribute__`/`__getattr__`/
    /// `__setattr__`/`__delattr__` (the generic fast path does not apply).
    pub const CUSTOM_GETATTRIBUTE: u32 = 16;
    pub const HAS_GETATTR: u32 = 32;
    pub const CUSTOM_SETATTR: u32 = 64;
    /// Instances support weak references (`__weakref__`).
    pub const WEAKREFABLE: u32 = 128;
    pub const IS_ABSTRACT: u32 = 256;
    /// Python code cannot make instances (CPython's
    /// Py_TPFLAGS_DISALLOW_INSTANTIATION: calling it raises TypeError).
    pub const NO_INSTANCES: u32 = 512;
    /// CPython's tp_new is slot_tp_new: `__new__` is called as Python code
    /// calls it, even when it is a builtin one (object's then rejects
    /// arguments). Set once a class's `__new__` is found not to be a
    /// builtin one, at creation or when `__new__` is assigned; it stays set
    /// when a builtin `__new__` is found later (`update_new_slot`).
    pub const SLOT_NEW: u32 = 1024;
}

/// How to create a new instance of a type (CPython's tp_new), for builtin
/// types and inherited by their subclasses.
pub type NewFn = fn(&Vm, &PyRef, &[PyRef], Option<&PyRef>) -> PyResult;

pub struct TypeData {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub module: RefCell<Option<String>>,
    pub base: RefCell<Option<PyRef>>,
    pub bases: RefCell<PyRef>,
    pub mro: RefCell<PyRef>,
    pub dict: PyRef,
    /// The payload kind of instances (the nearest builtin base's).
    pub instance_kind: Kind,
    pub flags: Cell<u32>,
    /// `__slots__` member names (their values live in the instance trailer).
    pub slot_names: RefCell<Vec<String>>,
    pub new: Cell<Option<NewFn>>,
    /// The version tag of this type's namespace and MRO (`TypeVersion`);
    /// shared with the namespace dict, which advances it on every change.
    pub version: std::rc::Rc<TypeVersion>,
    /// Where `__new__` and `__init__` were last found on this type (for
    /// calls of the type: `typeobj_call`); valid while the tag holds.
    pub new_hint: Cell<TypeHint>,
    /// The type's tag when its `__new__` was last found to be a builtin
    /// one (0: not known), so that a class call skips the lookup while the
    /// type is unchanged.
    pub builtin_new_tag: Cell<u64>,
    pub init_hint: Cell<TypeHint>,
    /// CPython's cached keys of classes with a managed instance `__dict__`.
    pub shared_keys: RefCell<Option<std::rc::Rc<crate::types::dict::SharedKeys>>>,
    /// The callback-less weak reference to this type that CPython's
    /// subclass registry (the base's `tp_subclasses`) holds: created with
    /// the type, freed with it. Not reported to the collector, as the
    /// registry that holds it in CPython is outside the type.
    pub registry_ref: RefCell<Option<PyRef>>,
}

impl TypeData {
    pub fn flag(&self, f: u32) -> bool {
        self.flags.get() & f != 0
    }
    pub fn set_flag(&self, f: u32) {
        self.flags.set(self.flags.get() | f);
    }
    pub fn mro_vec(&self) -> Vec<PyRef> {
        crate::types::tuple::items(&self.mro.borrow()).to_vec()
    }
}

pub fn data(ty: &PyRef) -> &TypeData {
    ty.payload_unchecked::<TypeData>()
}

pub fn is_type(obj: &PyRef) -> bool {
    obj.kind() == Kind::Type
}

pub fn type_name(ty: &PyRef) -> String {
    match ty.payload::<TypeData>() {
        Some(t) => t.name.borrow().clone(),
        None => "?".into(),
    }
}

/// CPython's `tp_name`, which error messages show: a builtin type of a
/// module other than builtins is `module.Name` ('weakref.ReferenceType',
/// '_io.TextIOWrapper'); other types are just their name.
pub fn tp_name(ty: &PyRef) -> String {
    let Some(td) = ty.payload::<TypeData>() else { return "?".into() };
    if !td.flag(tflags::HEAPTYPE) {
        if let Some(m) = td.module.borrow().as_deref() {
            if m != "builtins" {
                return format!("{}.{}", m, td.name.borrow());
            }
        }
    }
    td.name.borrow().clone()
}

/// `sub` is `ty` or a subclass of it.
pub fn is_subtype(sub: &PyRef, ty: &PyRef) -> bool {
    if sub.is(ty) {
        return true;
    }
    let d = data(sub);
    let mro = d.mro.borrow();
    crate::types::tuple::items(&mro).iter().any(|t| t.is(ty))
}

pub fn isinstance(obj: &PyRef, ty: &PyRef) -> bool {
    is_subtype(obj.ty(), ty)
}

// ----- The attribute cache -----
//
// Looking a name up on a type walks its MRO and probes each class's
// namespace: for `obj.attr`, `obj.method()` and every special method an
// operator tries. As CPython does, lookups are cached by (type version tag,
// name): each type has a tag (`TypeVersion`) that changes whenever its
// namespace or MRO changes, and then its subclasses' tags change too (each
// type keeps weak links to its direct subclasses), so an answer stored with
// a type's tag holds while that tag is current. Tags come from one counter
// and no two types ever have the same one (a type at a reused address
// never matches an old entry), so the tag alone identifies the type. Assigning a class attribute in a loop (`Counter.count += 1`) thus
// leaves the entries of unrelated classes alone.
//
// An entry must not own a reference (counts are observable), so it records
// where the name was found, not the value: the index in the MRO and the
// entry's index in that class's namespace (the value is read from there,
// after checking that the entry still holds the name), or that no class
// has it.

/// A type's version tag, shared by the type and its namespace dict.
pub struct TypeVersion {
    tag: Cell<u64>,
    /// The direct subclasses' tags, whose answers depend on this type's.
    subclasses: RefCell<Vec<std::rc::Weak<TypeVersion>>>,
}

impl TypeVersion {
    pub fn new() -> std::rc::Rc<TypeVersion> {
        std::rc::Rc::new(TypeVersion { tag: Cell::new(next_type_epoch()), subclasses: RefCell::new(Vec::new()) })
    }

    #[inline]
    pub fn tag(&self) -> u64 {
        self.tag.get()
    }

    /// The type changed: it and every class below it take a new tag.
    pub fn modified(&self) {
        let e = next_type_epoch();
        self.tag.set(e);
        if BOOTING.get() {
            // The builtin types are being filled in: `end_boot` renews
            // every tag at once.
            return;
        }
        let mut work: Vec<std::rc::Rc<TypeVersion>> = Vec::new();
        let collect = |v: &TypeVersion, work: &mut Vec<std::rc::Rc<TypeVersion>>| {
            if let Ok(mut subs) = v.subclasses.try_borrow_mut() {
                subs.retain(|w| match w.upgrade() {
                    Some(s) => {
                        work.push(s);
                        true
                    }
                    None => false,
                });
            }
        };
        collect(self, &mut work);
        while let Some(v) = work.pop() {
            // Each class takes a tag of its own (the cache is keyed by tag).
            // Tags only grow, so one already at `e` or above got its new
            // tag in this pass: a class reached twice (a diamond) is done
            // the first time.
            if v.tag.get() < e {
                v.tag.set(next_type_epoch());
                collect(&v, &mut work);
            }
        }
    }

    /// `sub` now has this type among its bases.
    pub fn add_subclass(&self, sub: &std::rc::Rc<TypeVersion>) {
        let mut subs = self.subclasses.borrow_mut();
        if subs.len() == subs.capacity() {
            subs.retain(|w| w.strong_count() > 0);
        }
        subs.push(std::rc::Rc::downgrade(sub));
    }

    /// `sub` no longer has this type among its bases.
    pub fn remove_subclass(&self, sub: &std::rc::Rc<TypeVersion>) {
        let target = std::rc::Rc::as_ptr(sub);
        self.subclasses.borrow_mut().retain(|w| w.strong_count() > 0 && w.as_ptr() != target);
    }
}

/// Link `ty` under each of its bases (`bases`: a tuple of types), so that
/// a change to a base changes `ty`'s tag.
pub fn register_subclass(ty: &PyRef, bases: &PyRef) {
    let v = &data(ty).version;
    for b in crate::types::tuple::items(bases) {
        if let Some(bd) = b.payload::<TypeData>() {
            bd.version.add_subclass(v);
        }
    }
}

/// Undo `register_subclass` for the bases `ty` had.
pub fn unregister_subclass(ty: &PyRef, bases: &PyRef) {
    let v = &data(ty).version;
    for b in crate::types::tuple::items(bases) {
        if let Some(bd) = b.payload::<TypeData>() {
            bd.version.remove_subclass(v);
        }
    }
}

const ATTR_CACHE_SIZE: usize = 4096;
/// `AttrCacheEntry::mro_index` of a name that no class in the MRO has.
const ABSENT: u32 = u32::MAX;
/// `AttrCacheEntry::mro_index` of a name found on the type itself (usually
/// the MRO's first class, but a metaclass's `mro()` may order it otherwise).
const ON_TYPE: u32 = u32::MAX - 1;

#[derive(Clone, Copy)]
struct AttrCacheEntry {
    tag: u64,
    name: usize,
    mro_index: u32,
    entry_index: u32,
}

struct AttrCache {
    /// Fixed size, so that a lookup is one indexed load (an entry of tag 0
    /// is empty: no type has that tag).
    entries: [Cell<AttrCacheEntry>; ATTR_CACHE_SIZE],
    /// Each entry's name, a counted reference, as CPython's type cache
    /// holds one (`sys.getrefcount` of an attribute name counts it) until
    /// another name takes the slot. It also keeps the name's address from
    /// meaning another string while the entry lasts.
    names: [Cell<Option<PyRef>>; ATTR_CACHE_SIZE],
}

impl Drop for AttrCache {
    fn drop(&mut self) {
        // At thread exit the heap may be gone: the names are not released
        // (the interpreter's objects live until the process exits).
        for n in &self.names {
            std::mem::forget(n.take());
        }
    }
}

const EMPTY_ENTRY: AttrCacheEntry = AttrCacheEntry { tag: 0, name: 0, mro_index: 0, entry_index: 0 };

thread_local! {
    // All zeros, so a new thread's copy costs nothing to set up.
    static ATTR_CACHE: AttrCache = const { AttrCache { entries: [const { Cell::new(EMPTY_ENTRY) }; ATTR_CACHE_SIZE], names: [const { Cell::new(None) }; ATTR_CACHE_SIZE] } };
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
}

thread_local! {
    static BOOTING: Cell<bool> = const { Cell::new(false) };
}

/// The builtin types are about to be made and filled: until `end_boot`, a
/// change to a type renews its own tag only, not its subclasses' (adding
/// each of `object`'s methods would otherwise visit every builtin type).
/// No Python code may run in between.
pub fn begin_boot() {
    BOOTING.set(true);
}

/// Every builtin type (every type is below `object`) takes a new tag, so
/// nothing a lookup remembered while booting is trusted after it.
pub fn end_boot(object: &PyRef) {
    BOOTING.set(false);
    data(object).version.modified();
}

/// A new, never used type tag.
#[inline]
fn next_type_epoch() -> u64 {
    TYPE_EPOCH
        .try_with(|c| {
            let e = c.get() + 1;
            c.set(e);
            e
        })
        .unwrap_or(u64::MAX)
}

#[inline]
fn attr_cache_slot(tag: u64, name: &PyRef) -> usize {
    let h = (tag as usize).wrapping_mul(0x9E37_79B9) ^ (name.id() >> 4);
    h % ATTR_CACHE_SIZE
}

/// The value the cached position (`mro_index`, `entry_index`) of `name`
/// on `ty` holds, if that entry still holds the name.
#[inline(always)]
fn value_at(ty: &PyRef, name: &PyRef, mro_index: u32, entry_index: u32) -> Option<Option<PyRef>> {
    if mro_index == ABSENT {
        return Some(None);
    }
    let td = data(ty);
    if mro_index == ON_TYPE {
        // Found on the type itself (the commonest case): no MRO to read.
        return crate::types::dict::get(&td.dict)?.value_at_if_key(entry_index as usize, name).map(Some);
    }
    let mro = td.mro.borrow();
    let t = crate::types::tuple::items(&mro).get(mro_index as usize)?;
    crate::types::dict::get(&data(t).dict)?.value_at_if_key(entry_index as usize, name).map(Some)
}

/// Where `name` is along `ty`'s MRO, through the cache.
#[inline]
fn cached_position(ty: &PyRef, name: &PyRef) -> (u32, u32, Option<PyRef>) {
    // Nothing looks a type up while tags are renewed lazily (`begin_boot`).
    debug_assert!(!BOOTING.get(), "type lookup while booting");
    let tag = data(ty).version.tag();
    let slot = attr_cache_slot(tag, name);
    let cached = ATTR_CACHE.with(|c| {
        let e = c.entries[slot].get();
        (e.tag == tag && e.name == name.id()).then_some(e)
    });
    if let Some(e) = cached {
        if let Some(v) = value_at(ty, name, e.mro_index, e.entry_index) {
            return (e.mro_index, e.entry_index, v);
        }
    }
    let found = find_in_mro(ty, name);
    let (mro_index, entry_index) = found.as_ref().map_or((ABSENT, 0), |(i, idx, _)| (*i, *idx));
    // As CPython's: names of at most 100 characters, of the exact str type.
    if !name.has_ext() && crate::types::str::get(name).is_some_and(|s| s.char_len() <= 100) {
        let old = ATTR_CACHE.with(|c| {
            c.entries[slot].set(AttrCacheEntry { tag, name: name.id(), mro_index, entry_index });
            c.names[slot].replace(Some(name.clone()))
        });
        // (released outside the cache: freeing a str runs no Python code,
        // but the cache is not borrowed then either way)
        drop(old);
    }
    (mro_index, entry_index, found.map(|(_, _, v)| v))
}

/// The value of `name` on `ty` (through its MRO), as `ty.__mro__` says;
/// `name` must be a str.
#[inline]
pub fn lookup(ty: &PyRef, name: &PyRef) -> Option<PyRef> {
    cached_position(ty, name).2
}

/// Where a name was found on a type, remembered by the instruction that
/// looked it up (a per-name inline cache in the code object): valid while
/// the object's type has the tag recorded.
#[derive(Clone, Copy, Default)]
pub struct TypeHint {
    pub(crate) tag: u64,
    mro_index: u32,
    entry_index: u32,
    /// 1 + the `__slots__` member index of the member descriptor found
    /// there, once an instruction noted it (`note_member_index`); 0 when
    /// not known.
    member: u32,
}

/// Whether an instruction's hint says that `ty`, as it is now (its tag),
/// has no attribute of the hint's name along its MRO.
#[inline]
pub fn hint_says_absent(ty: &PyRef, hint: &Cell<TypeHint>) -> bool {
    let h = hint.get();
    h.mro_index == ABSENT && h.tag == data(ty).version.tag()
}

/// What `ty` has under `name` where the hint, holding for `ty`'s tag,
/// found it (no refresh on a miss: `lookup_hinted` does that).
#[inline(always)]
pub fn value_if_hinted(ty: &PyRef, name: &PyRef, hint: &Cell<TypeHint>) -> Option<PyRef> {
    let h = hint.get();
    if h.tag != data(ty).version.tag() {
        return None;
    }
    value_at_hint(ty, name, h)
}

/// The `__slots__` member index of the member descriptor that the hint,
/// holding for the type tagged `tag`, found for its name (noted by
/// `note_member_index`). While the tag holds, the entry the hint points at
/// is the same descriptor, so the index needs no further check.
#[inline(always)]
pub fn member_index_at(tag: u64, hint: &Cell<TypeHint>) -> Option<usize> {
    let h = hint.get();
    if h.tag == tag && h.member != 0 && h.mro_index != ABSENT {
        Some(h.member as usize - 1)
    } else {
        None
    }
}

/// Remember, in a hint whose entry (valid for `tag`) holds a member
/// descriptor for `__slots__` member `index`, that index.
#[inline]
pub fn note_member_index(tag: u64, hint: &Cell<TypeHint>, index: usize) {
    let mut h = hint.get();
    if h.tag == tag && h.mro_index != ABSENT {
        if let Ok(m) = u32::try_from(index + 1) {
            h.member = m;
            hint.set(h);
        }
    }
}

/// `lookup_str` through one of the type's own hints (`new_hint`,
/// `init_hint`).
#[inline]
pub fn lookup_str_hinted(vm: &crate::vm::Vm, ty: &PyRef, name: &'static str, hint: &Cell<TypeHint>) -> Option<PyRef> {
    vm.with_static_name(name, |n| lookup_hinted(ty, n, hint))
}

/// The index among the type's shared instance attribute names
/// (`SharedKeys`) of an instruction's name, when the hint says that the
/// type tagged `tag` has no attribute of that name along its MRO and an
/// inline value lookup noted the index (`note_shared_index`). A tag is one
/// type's, as that type is until it changes, and a type's shared names
/// only ever grow: the name at an index never changes, so the index needs
/// no further check.
#[inline(always)]
pub fn absent_with_shared_index(tag: u64, hint: &Cell<TypeHint>) -> Option<usize> {
    let h = hint.get();
    if h.tag == tag && h.mro_index == ABSENT && h.entry_index != 0 {
        Some(h.entry_index as usize - 1)
    } else {
        None
    }
}

/// Remember, in a hint that says absent (`hint_says_absent`), that the
/// name is the type's shared name number `i` (for
/// `absent_with_shared_index`). The entry index of an absent hint is
/// otherwise unused (0).
#[inline]
pub fn note_shared_index(hint: &Cell<TypeHint>, i: usize) {
    let mut h = hint.get();
    debug_assert!(h.mro_index == ABSENT);
    if let Ok(e) = u32::try_from(i + 1) {
        h.entry_index = e;
        hint.set(h);
    }
}

/// What an instruction's hint `h` (whose tag is `ty`'s) points at, if its
/// entry still holds `name`; `None` also when the hint says absent.
#[inline]
pub fn value_at_hint(ty: &PyRef, name: &PyRef, h: TypeHint) -> Option<PyRef> {
    value_at(ty, name, h.mro_index, h.entry_index).flatten()
}

/// `lookup` through an instruction's hint, refreshing it on a miss (from
/// the shared cache, which also serves sites that see several types).
#[inline(always)]
pub fn lookup_hinted(ty: &PyRef, name: &PyRef, hint: &Cell<TypeHint>) -> Option<PyRef> {
    let h = hint.get();
    let tag = data(ty).version.tag();
    if h.tag == tag {
        if let Some(v) = value_at(ty, name, h.mro_index, h.entry_index) {
            return v;
        }
    }
    let (mro_index, entry_index, v) = cached_position(ty, name);
    hint.set(TypeHint { tag, mro_index, entry_index, member: 0 });
    v
}

/// The first class along the MRO of `ty` that has `name`: its index in the
/// MRO, the entry's index in its namespace, and the value.
fn find_in_mro(ty: &PyRef, name: &PyRef) -> Option<(u32, u32, PyRef)> {
    let mro = data(ty).mro.borrow();
    crate::types::tuple::items(&mro).iter().enumerate().find_map(|(i, t)| {
        let (idx, v) = crate::types::dict::get(&data(t).dict)?.get_str_with_index(name)?;
        Some((if t.is(ty) { ON_TYPE } else { i as u32 }, idx as u32, v))
    })
}

pub fn lookup_str(vm: &Vm, ty: &PyRef, name: &'static str) -> Option<PyRef> {
    vm.with_static_name(name, |n| lookup(ty, n))
}

fn raw_type(meta: Option<&PyRef>, name: &str, base: Option<&PyRef>, kind: Kind, fl: u32) -> PyRef {
    // The namespace dict is created pointing at itself as its type; once the
    // `dict` type exists, `fix_namespaces` gives it the right type.
    let dict = PyRef::new_self_typed(DictData::new());
    // bases/mro are filled once the tuple type exists (finish_builtin_types).
    let version = TypeVersion::new();
    let _ = crate::types::dict::get(&dict).unwrap().type_version.set(version.clone());
    let td = TypeData {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        module: RefCell::new(None),
        base: RefCell::new(base.cloned()),
        bases: RefCell::new(dict.clone()),
        mro: RefCell::new(dict.clone()),
        dict,
        instance_kind: kind,
        flags: Cell::new(fl),
        slot_names: RefCell::new(Vec::new()),
        new: Cell::new(None),
        version,
        new_hint: Cell::new(TypeHint::default()),
        builtin_new_tag: Cell::new(0),
        init_hint: Cell::new(TypeHint::default()),
        shared_keys: RefCell::new(None),
        registry_ref: RefCell::new(None),
    };
    let t = match meta {
        Some(m) => PyRef::new(m, td),
        None => PyRef::new_self_typed(td),
    };
    crate::object::core::make_immortal(&t);
    crate::object::core::make_immortal(&data(&t).dict);
    t
}

/// Create the builtin types. `type`'s type is itself; namespaces are dicts,
/// and `dict` is a type, so namespaces are re-typed once `dict` exists.
pub fn bootstrap_types() -> Types {
    let type_ = raw_type(None, "type", None, Kind::Type, tflags::BASETYPE | tflags::HAS_DICT | tflags::WEAKREFABLE);
    let mk = |name: &str, base: Option<&PyRef>, kind: Kind, fl: u32| raw_type(Some(&type_), name, base, kind, fl);
    let object = mk("object", None, Kind::Object, tflags::BASETYPE);
    let dict = mk("dict", Some(&object), Kind::Dict, tflags::BASETYPE);
    let b = tflags::BASETYPE;
    let int = mk("int", Some(&object), Kind::Int, b);
    let bool_ = mk("bool", Some(&int), Kind::Int, 0);
    let float = mk("float", Some(&object), Kind::Float, b);
    let complex = mk("complex", Some(&object), Kind::Complex, b);
    let str_ = mk("str", Some(&object), Kind::Str, b);
    let bytes = mk("bytes", Some(&object), Kind::Bytes, b);
    let bytearray = mk("bytearray", Some(&object), Kind::ByteArray, b);
    let list = mk("list", Some(&object), Kind::List, b);
    let tuple = mk("tuple", Some(&object), Kind::Tuple, b);
    let set = mk("set", Some(&object), Kind::Set, b | tflags::WEAKREFABLE);
    let frozenset = mk("frozenset", Some(&object), Kind::Set, b | tflags::WEAKREFABLE);
    let range = mk("range", Some(&object), Kind::Range, 0);
    let slice = mk("slice", Some(&object), Kind::Slice, 0);
    let none_type = mk("NoneType", Some(&object), Kind::Object, 0);
    let not_implemented_type = mk("NotImplementedType", Some(&object), Kind::Object, 0);
    let ellipsis_type = mk("ellipsis", Some(&object), Kind::Object, 0);
    let function = mk("function", Some(&object), Kind::Function, tflags::HAS_DICT | tflags::WEAKREFABLE);
    let builtin_function = mk("builtin_function_or_method", Some(&object), Kind::BuiltinFunction, tflags::WEAKREFABLE | tflags::NO_INSTANCES);
    let method_descriptor = mk("method_descriptor", Some(&object), Kind::BuiltinFunction, tflags::NO_INSTANCES);
    let method = mk("method", Some(&object), Kind::Method, tflags::WEAKREFABLE);
    let property = mk("property", Some(&object), Kind::Property, b);
    let classmethod = mk("classmethod", Some(&object), Kind::ClassMethod, b | tflags::HAS_DICT);
    let staticmethod = mk("staticmethod", Some(&object), Kind::StaticMethod, b | tflags::HAS_DICT);
    let super_ = mk("super", Some(&object), Kind::Super, b);
    let cell = mk("cell", Some(&object), Kind::Cell, 0);
    let code = mk("code", Some(&object), Kind::Code, tflags::WEAKREFABLE);
    let frame = mk("frame", Some(&object), Kind::Frame, 0);
    let traceback = mk("traceback", Some(&object), Kind::Traceback, 0);
    let module = mk("module", Some(&object), Kind::Module, b | tflags::HAS_DICT | tflags::WEAKREFABLE);
    let generator = mk("generator", Some(&object), Kind::Generator, tflags::WEAKREFABLE);
    let it = |name: &str| mk(name, Some(&object), Kind::Iterator, 0);
    let dict_keys = mk("dict_keys", Some(&object), Kind::DictView, 0);
    let dict_values = mk("dict_values", Some(&object), Kind::DictView, 0);
    let dict_items = mk("dict_items", Some(&object), Kind::DictView, 0);
    let list_iterator = it("list_iterator");
    let list_reverseiterator = it("list_reverseiterator");
    let tuple_iterator = it("tuple_iterator");
    let range_iterator = it("range_iterator");
    let str_iterator = it("str_ascii_iterator");
    let bytes_iterator = it("bytes_iterator");
    let bytearray_iterator = it("bytearray_iterator");
    let dict_keyiterator = it("dict_keyiterator");
    let dict_valueiterator = it("dict_valueiterator");
    let dict_itemiterator = it("dict_itemiterator");
    let set_iterator = it("set_iterator");
    let seq_iterator = it("iterator");
    let callable_iterator = it("callable_iterator");
    let enumerate = mk("enumerate", Some(&object), Kind::Iterator, b);
    let zip = mk("zip", Some(&object), Kind::Iterator, b);
    let map = mk("map", Some(&object), Kind::Iterator, b);
    let filter = mk("filter", Some(&object), Kind::Iterator, b);
    let reversed = mk("reversed", Some(&object), Kind::Iterator, b);
    let getset_descriptor = mk("getset_descriptor", Some(&object), Kind::Descriptor, 0);
    let member_descriptor = mk("member_descriptor", Some(&object), Kind::Descriptor, 0);
    // A builtin type's slot method (`int.__add__`) and its binding
    // (`(1).__add__`): builtin functions of their own types, as in CPython.
    let wrapper_descriptor = mk("wrapper_descriptor", Some(&object), Kind::BuiltinFunction, tflags::NO_INSTANCES);
    let method_wrapper = mk("method-wrapper", Some(&object), Kind::BuiltinFunction, tflags::NO_INSTANCES);
    let null_type = mk("NULL", Some(&object), Kind::Object, 0);
    {
        let td = data(&type_);
        *td.base.borrow_mut() = Some(object.clone());
    }
    let types = Types {
        object,
        type_,
        int,
        bool_,
        float,
        complex,
        str_,
        bytes,
        bytearray,
        list,
        tuple,
        dict,
        set,
        frozenset,
        range,
        slice,
        none_type,
        not_implemented_type,
        ellipsis_type,
        function,
        builtin_function,
        method_descriptor,
        method,
        property,
        classmethod,
        staticmethod,
        super_,
        cell,
        code,
        frame,
        traceback,
        module,
        generator,
        dict_keys,
        dict_values,
        dict_items,
        list_iterator,
        list_reverseiterator,
        tuple_iterator,
        range_iterator,
        str_iterator,
        bytes_iterator,
        dict_keyiterator,
        dict_valueiterator,
        dict_itemiterator,
        set_iterator,
        seq_iterator,
        callable_iterator,
        enumerate,
        zip,
        map,
        filter,
        reversed,
        getset_descriptor,
        member_descriptor,
        wrapper_descriptor,
        method_wrapper,
        null_type,
        bytearray_iterator,
    };
    fix_namespaces(&types);
    types
}

/// Give every builtin type's namespace its real type, `dict`.
fn fix_namespaces(types: &Types) {
    for t in all_types(types) {
        let td = data(&t);
        let old = td.dict.set_type(&types.dict);
        debug_assert!(old.is_none(), "namespace dicts start self-typed");
    }
}

/// Finish builtin types once tuples can be made: bases, MRO.
pub fn finish_builtin_types(vm: &Vm) {
    for t in all_types(&vm.types) {
        let td = data(&t);
        let base = td.base.borrow().clone();
        let bases = match &base {
            Some(b) => vm.tuple([b.clone()]),
            None => vm.empty_tuple.clone(),
        };
        *td.bases.borrow_mut() = bases;
        let mut mro = vec![t.clone()];
        if let Some(b) = &base {
            mro.extend(data(b).mro_vec());
        }
        *td.mro.borrow_mut() = vm.tuple(mro);
        register_subclass(&t, &td.bases.borrow());
        td.version.modified();
    }
}

pub fn all_types(t: &Types) -> Vec<PyRef> {
    vec![
        t.object.clone(),
        t.type_.clone(),
        t.int.clone(),
        t.bool_.clone(),
        t.float.clone(),
        t.complex.clone(),
        t.str_.clone(),
        t.bytes.clone(),
        t.bytearray.clone(),
        t.list.clone(),
        t.tuple.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.none_type.clone(),
        t.not_implemented_type.clone(),
        t.ellipsis_type.clone(),
        t.function.clone(),
        t.builtin_function.clone(),
        t.method_descriptor.clone(),
        t.method.clone(),
        t.property.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
        t.super_.clone(),
        t.cell.clone(),
        t.code.clone(),
        t.frame.clone(),
        t.traceback.clone(),
        t.module.clone(),
        t.generator.clone(),
        t.dict_keys.clone(),
        t.dict_values.clone(),
        t.dict_items.clone(),
        t.list_iterator.clone(),
        t.list_reverseiterator.clone(),
        t.tuple_iterator.clone(),
        t.range_iterator.clone(),
        t.str_iterator.clone(),
        t.bytes_iterator.clone(),
        t.dict_keyiterator.clone(),
        t.dict_valueiterator.clone(),
        t.dict_itemiterator.clone(),
        t.set_iterator.clone(),
        t.seq_iterator.clone(),
        t.callable_iterator.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.reversed.clone(),
        t.getset_descriptor.clone(),
        t.member_descriptor.clone(),
        t.wrapper_descriptor.clone(),
        t.method_wrapper.clone(),
        t.null_type.clone(),
        t.bytearray_iterator.clone(),
    ]
}

/// Create a builtin type at run time (exception classes, module types).
pub fn new_static_type(vm_types: &Types, name: &str, base: &PyRef, kind: Kind, fl: u32) -> PyRef {
    let t = raw_type(Some(&vm_types.type_), name, Some(base), kind, fl);
    let old = data(&t).dict.set_type(&vm_types.dict);
    debug_assert!(old.is_none());
    t
}

/// Add a builtin method to a type's namespace.
pub fn add_method(vm: &Vm, ty: &PyRef, name: &'static str, f: NativeFn) {
    let m = crate::types::builtin_function::new_method_descriptor(vm, name, f, ty);
    set_in_dict(vm, ty, name, m);
}

pub fn add_classmethod(vm: &Vm, ty: &PyRef, name: &'static str, f: NativeFn) {
    let m = crate::types::builtin_function::new_builtin(vm, name, f, None);
    let cm = PyRef::new(&crate::types::classmethod::descriptor_type(vm), crate::types::classmethod::ClassMethodData::new_descriptor(m, ty.clone()));
    set_in_dict(vm, ty, name, cm);
}

pub fn add_staticmethod(vm: &Vm, ty: &PyRef, name: &'static str, f: NativeFn) {
    let m = crate::types::builtin_function::new_builtin(vm, name, f, None);
    let sm = PyRef::new(&vm.types.staticmethod, crate::types::staticmethod::StaticMethodData::new(m));
    set_in_dict(vm, ty, name, sm);
}

pub fn add_getter(vm: &Vm, ty: &PyRef, name: &'static str, getter: crate::types::descriptor::Getter) {
    let d = crate::types::descriptor::new_getset(vm, ty, name, getter, None);
    set_in_dict(vm, ty, name, d);
}

pub fn set_in_dict(vm: &Vm, ty: &PyRef, name: &str, value: PyRef) {
    let td = data(ty);
    let key = vm.intern(name);
    crate::types::dict::set_item_str(vm, &td.dict, key, value);
    td.version.modified();
}

// ----- MRO -----

/// C3 linearization of `ty` with `bases`.
pub fn compute_mro(vm: &Vm, ty: &PyRef, bases: &[PyRef]) -> PyResult<Vec<PyRef>> {
    let mut seqs: Vec<Vec<PyRef>> = bases.iter().map(|b| data(b).mro_vec()).collect();
    seqs.push(bases.to_vec());
    let mut result = vec![ty.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| x.is(head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let Some(c) = candidate else {
            // CPython: "Cannot create a consistent method resolution\norder (MRO) for bases A, B"
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = type_name(&s[0]);
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(vm.type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        result.push(c);
    }
}

/// The "solid base": the builtin layout instances must have.
fn best_base(vm: &Vm, bases: &[PyRef]) -> PyResult<PyRef> {
    let mut winner: Option<PyRef> = None;
    for b in bases {
        let bd = data(b);
        if !bd.flag(tflags::BASETYPE) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", tp_name(b))));
        }
        match &winner {
            None => winner = Some(b.clone()),
            Some(w) => {
                let wk = data(w).instance_kind;
                let bk = bd.instance_kind;
                if wk == Kind::Object && bk != Kind::Object {
                    winner = Some(b.clone());
                } else if bk != Kind::Object && wk != bk && !is_subtype(b, w) && !is_subtype(w, b) {
                    return Err(vm.type_error("multiple bases have instance lay-out conflict".to_string()));
                }
            }
        }
    }
    Ok(winner.unwrap_or_else(|| vm.types.object.clone()))
}

/// `type(name, bases, ns)`: create a class.
pub fn new_class(vm: &Vm, meta: &PyRef, name: &str, bases: &[PyRef], ns: &PyRef) -> PyResult {
    let bases_v: Vec<PyRef> = if bases.is_empty() { vec![vm.types.object.clone()] } else { bases.to_vec() };
    for (i, b) in bases_v.iter().enumerate() {
        if !is_type(b) {
            return Err(vm.type_error("bases must be types".to_string()));
        }
        if bases_v[..i].iter().any(|x| x.is(b)) {
            return Err(vm.type_error(format!("duplicate base class {}", type_name(b))));
        }
    }
    let base = best_base(vm, &bases_v)?;
    let bd = data(&base);
    let instance_kind = bd.instance_kind;
    let dict = vm.dict();
    // Copy the namespace.
    for (k, v) in crate::types::dict::items(ns) {
        crate::types::dict::set_item(vm, &dict, k, v)?;
    }
    let mut fl = tflags::HEAPTYPE | tflags::BASETYPE;
    // __slots__
    let mut slot_names: Vec<String> = Vec::new();
    let slots_key = vm.intern("__slots__");
    let slots = crate::types::dict::get_str_key(&dict, &slots_key);
    let mut has_dict = true;
    // CPython adds a weak reference list unless the base has a variable
    // size (int, tuple, bytes: tp_itemsize != 0).
    let mut weakrefable = !matches!(instance_kind, Kind::Int | Kind::Tuple | Kind::Bytes);
    if let Some(slots) = &slots {
        has_dict = false;
        weakrefable = false;
        let items: Vec<PyRef> = if slots.kind() == Kind::Str {
            vec![slots.clone()]
        } else {
            crate::ops::iterate(vm, slots)?
        };
        for it in items {
            let Some(s) = it.payload::<crate::types::str::StrData>() else {
                return Err(vm.type_error(format!("__slots__ items must be strings, not '{}'", vm.type_name(&it))));
            };
            let s = s.as_str().to_string();
            if s == "__dict__" {
                has_dict = true;
            } else if s == "__weakref__" {
                // One weak reference list per object: not when the base
                // has one already, nor for variable-size bases.
                if weakrefable || bd.flag(tflags::WEAKREFABLE) || matches!(instance_kind, Kind::Int | Kind::Tuple | Kind::Bytes) {
                    return Err(vm.type_error("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0"));
                }
                weakrefable = true;
            } else {
                slot_names.push(mangle_private(name, s));
            }
        }
    }
    for b in &bases_v {
        let bdd = data(b);
        if bdd.flag(tflags::HAS_DICT) {
            has_dict = true;
        }
        if bdd.flag(tflags::WEAKREFABLE) {
            weakrefable = true;
        }
    }
    // Inherited slots come first.
    let mut all_slots: Vec<String> = Vec::new();
    for b in data(&base).mro_vec().iter().rev() {
        for s in data(b).slot_names.borrow().iter() {
            if !all_slots.contains(s) {
                all_slots.push(s.clone());
            }
        }
    }
    let own_slots = slot_names.clone();
    for s in slot_names {
        if !all_slots.contains(&s) {
            all_slots.push(s);
        }
    }
    if has_dict {
        fl |= tflags::HAS_DICT;
    }
    if weakrefable {
        fl |= tflags::WEAKREFABLE;
    }
    if crate::types::exceptions::is_exception_type(vm, &base) {
        fl |= tflags::HAS_DICT;
    }
    let bases_t = vm.tuple(bases_v.clone());
    let version = TypeVersion::new();
    let _ = crate::types::dict::get(&dict).unwrap().type_version.set(version.clone());
    let td = TypeData {
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        module: RefCell::new(None),
        base: RefCell::new(Some(base.clone())),
        bases: RefCell::new(bases_t),
        mro: RefCell::new(vm.empty_tuple.clone()),
        dict,
        instance_kind,
        flags: Cell::new(fl),
        slot_names: RefCell::new(all_slots),
        new: Cell::new(data(&base).new.get()),
        version,
        new_hint: Cell::new(TypeHint::default()),
        builtin_new_tag: Cell::new(0),
        init_hint: Cell::new(TypeHint::default()),
        shared_keys: RefCell::new(None),
        registry_ref: RefCell::new(None),
    };
    let ty = PyRef::new(meta, td);
    ty.set_flag(flags::HEAPTYPE);
    let mro = compute_mro(vm, &ty, &bases_v)?;
    *data(&ty).mro.borrow_mut() = vm.tuple(mro);
    register_subclass(&ty, &data(&ty).bases.borrow());
    data(&ty).version.modified();
    // Descriptors CPython adds to a class's namespace: __dict__ and
    // __weakref__ getters, member descriptors for slots.
    let tdict = data(&ty).dict.clone();
    let base_has_dict = bases_v.iter().any(|b| data(b).flag(tflags::HAS_DICT));
    let base_weak = bases_v.iter().any(|b| data(b).flag(tflags::WEAKREFABLE));
    if has_dict && !base_has_dict && !crate::types::exceptions::is_exception_type(vm, &base) {
        let d = crate::types::descriptor::new_dict_descriptor(vm, &ty);
        crate::types::dict::set_item_str(vm, &tdict, vm.intern("__dict__"), d);
    }
    if weakrefable && !base_weak {
        let d = crate::types::descriptor::new_weakref_descriptor(vm, &ty);
        crate::types::dict::set_item_str(vm, &tdict, vm.intern("__weakref__"), d);
    }
    let nbase_slots = data(&ty).slot_names.borrow().len() - own_slots.len();
    for (i, s) in own_slots.iter().enumerate() {
        let d = crate::types::descriptor::new_member(vm, &ty, s, nbase_slots + i);
        crate::types::dict::set_item_str(vm, &tdict, vm.intern(s), d);
    }
    // __qualname__ and __module__ come from the namespace.
    let qn = vm.intern("__qualname__");
    if let Some(q) = crate::types::dict::get_str_key(&tdict, &qn) {
        if let Some(s) = q.payload::<crate::types::str::StrData>() {
            *data(&ty).qualname.borrow_mut() = s.as_str().to_string();
        }
        crate::types::dict::del_item_str(vm, &tdict, &qn);
    }
    // __new__ as a staticmethod, __init_subclass__/__class_getitem__ as classmethods.
    for special in ["__init_subclass__", "__class_getitem__"] {
        let k = vm.intern(special);
        if let Some(f) = crate::types::dict::get_str_key(&tdict, &k) {
            if f.kind() == Kind::Function {
                let cm = PyRef::new(&vm.types.classmethod, crate::types::classmethod::ClassMethodData::new(f));
                crate::types::dict::set_item_str(vm, &tdict, k, cm);
            }
        }
    }
    let k = vm.intern("__new__");
    if let Some(f) = crate::types::dict::get_str_key(&tdict, &k) {
        if f.kind() == Kind::Function {
            let sm = PyRef::new(&vm.types.staticmethod, crate::types::staticmethod::StaticMethodData::new(f));
            crate::types::dict::set_item_str(vm, &tdict, k, sm);
        }
    }
    update_flags(vm, &ty);
    update_new_slot(vm, &ty, data(&base).flag(tflags::SLOT_NEW));
    if crate::types::sizeof::managed_dict(&ty) {
        *data(&ty).shared_keys.borrow_mut() = Some(crate::types::dict::SharedKeys::new());
    }
    crate::modules::weakref::register_class(vm, &ty);
    Ok(ty)
}

/// Recompute the flags that depend on which special methods a class has.
/// A private name (`__x`, not `__x__`) written in class `class_name`, as
/// the compiler mangles it: `_Class__x` (slots are stored mangled).
pub fn mangle_private(class_name: &str, name: String) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name;
    }
    let owner = class_name.trim_start_matches('_');
    if owner.is_empty() {
        return name;
    }
    format!("_{}{}", owner, name)
}

pub fn update_flags(vm: &Vm, ty: &PyRef) {
    let td = data(ty);
    let mut fl = td.flags.get() & !(tflags::HAS_DEL | tflags::CUSTOM_GETATTRIBUTE | tflags::HAS_GETATTR | tflags::CUSTOM_SETATTR);
    let mro = td.mro.borrow().clone();
    let heap_defines = |name: &'static str| -> bool {
        let n = vm.intern_static(name);
        for t in crate::types::tuple::items(&mro) {
            let d = data(t);
            if let Some(v) = crate::types::dict::get_str_key(&d.dict, &n) {
                return d.flag(tflags::HEAPTYPE) || v.kind() == Kind::Function;
            }
        }
        false
    };
    if heap_defines("__del__") {
        fl |= tflags::HAS_DEL;
        crate::finalize::note_code_at_death();
    }
    if heap_defines("__getattribute__") {
        fl |= tflags::CUSTOM_GETATTRIBUTE;
    }
    if heap_defines("__getattr__") {
        fl |= tflags::HAS_GETATTR;
    }
    if heap_defines("__setattr__") || heap_defines("__delattr__") {
        fl |= tflags::CUSTOM_SETATTR;
    }
    td.flags.set(fl);
    td.version.modified();
}

pub fn mro_error(vm: &Vm, msg: String) -> PyErr {
    vm.type_error(msg)
}

/// Recompute `ty`'s SLOT_NEW flag after its `__new__` may have changed (at
/// creation, `inherited` is the primary base's flag), as CPython's
/// update_one_slot does for tp_new: the builtin `__new__` of a builtin type
/// (CPython's tp_new_wrapper: found in a builtin type, or assigned to a
/// class as such, `C.__new__ = object.__new__`) keeps the slot the type
/// had; anything else (a function, a staticmethod made in Python) makes it
/// slot_tp_new.
pub fn update_new_slot(vm: &Vm, ty: &PyRef, inherited: bool) {
    let td = data(ty);
    let key = vm.intern_static("__new__");
    let mro = td.mro.borrow().clone();
    let found = crate::types::tuple::items(&mro).iter().find_map(|t| crate::types::dict::get_str_key(&data(t).dict, &key).map(|f| (t.clone(), f)));
    let builtin = match &found {
        Some((owner, f)) => {
            !data(owner).flag(tflags::HEAPTYPE)
                || f.kind() == Kind::BuiltinFunction && crate::types::builtin_function::get(f).is_some_and(|d| d.name == "__new__")
        }
        None => true,
    };
    let slot = if builtin { inherited || td.flag(tflags::SLOT_NEW) } else { true };
    let fl = td.flags.get();
    td.flags.set(if slot { fl | tflags::SLOT_NEW } else { fl & !tflags::SLOT_NEW });
}
