//! Descriptors implemented in Rust: `getset_descriptor` (computed attributes
//! such as a class's `__dict__` entry), `member_descriptor` (a `__slots__`
//! member). CPython puts `__dict__` and `__weakref__` getset descriptors in
//! every class that introduces them; each holds a reference to its class.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};

pub type Getter = fn(&Vm, &PyRef) -> PyResult;
pub type Setter = fn(&Vm, &PyRef, Option<PyRef>) -> PyResult<()>;

pub enum DescriptorKind {
    GetSet { getter: Getter, setter: Option<Setter> },
    /// A `__slots__` member stored at this index of the instance trailer.
    Member { index: usize },
    /// A struct sequence's named field: the tuple's item at this index
    /// (read-only), with its documentation (types/structseq.rs).
    TupleItem { index: usize, doc: &'static str },
    /// A field of an exception struct (`exceptions::members`), with its
    /// documentation.
    ExceptionField { doc: &'static str },
    /// A read-only member of a builtin type's struct, read by `getter`.
    ReadonlyMember { getter: Getter },
    /// The `__dict__` attribute of instances.
    InstanceDict,
    /// The `__weakref__` attribute of instances.
    Weakref,
}

pub struct DescriptorData {
    pub name: PyRef,
    pub objclass: PyRef,
    pub kind: DescriptorKind,
}

pub fn get(obj: &PyRef) -> Option<&DescriptorData> {
    obj.payload::<DescriptorData>()
}

pub fn new_getset(vm: &Vm, ty: &PyRef, name: &str, getter: Getter, setter: Option<Setter>) -> PyRef {
    PyRef::new(
        &vm.types.getset_descriptor,
        DescriptorData { name: vm.intern(name), objclass: ty.clone(), kind: DescriptorKind::GetSet { getter, setter } },
    )
}

pub fn new_dict_descriptor(vm: &Vm, ty: &PyRef) -> PyRef {
    PyRef::new(&vm.types.getset_descriptor, DescriptorData { name: vm.intern("__dict__"), objclass: ty.clone(), kind: DescriptorKind::InstanceDict })
}

pub fn new_weakref_descriptor(vm: &Vm, ty: &PyRef) -> PyRef {
    PyRef::new(&vm.types.getset_descriptor, DescriptorData { name: vm.intern("__weakref__"), objclass: ty.clone(), kind: DescriptorKind::Weakref })
}

pub fn new_member(vm: &Vm, ty: &PyRef, name: &str, index: usize) -> PyRef {
    PyRef::new(&vm.types.member_descriptor, DescriptorData { name: vm.intern(name), objclass: ty.clone(), kind: DescriptorKind::Member { index } })
}

/// A read-only member `name` of `ty`'s instances (a member descriptor).
pub fn new_readonly_member(vm: &Vm, ty: &PyRef, name: &str, getter: Getter) -> PyRef {
    PyRef::new(&vm.types.member_descriptor, DescriptorData { name: vm.intern(name), objclass: ty.clone(), kind: DescriptorKind::ReadonlyMember { getter } })
}

/// Field `name` of the exceptions of type `ty` (a member descriptor).
pub fn new_exception_field(vm: &Vm, ty: &PyRef, name: &str, doc: &'static str) -> PyRef {
    PyRef::new(&vm.types.member_descriptor, DescriptorData { name: vm.intern(name), objclass: ty.clone(), kind: DescriptorKind::ExceptionField { doc } })
}

/// A struct sequence's field `name`, item `index` of its instances.
pub fn new_tuple_item(vm: &Vm, ty: &PyRef, name: &str, index: usize, doc: &'static str) -> PyRef {
    PyRef::new(&vm.types.member_descriptor, DescriptorData { name: vm.intern(name), objclass: ty.clone(), kind: DescriptorKind::TupleItem { index, doc } })
}
