//! `classmethod`: binds the wrapped callable to the class.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct ClassMethodData {
    pub func: RefCell<PyRef>,
    /// The instance `__dict__` (made when the constructor copies the
    /// callable's `__name__`, `__doc__`, ... as CPython 3.10+ does).
    pub dict: RefCell<Option<PyRef>>,
    /// For a builtin type's class method (a `classmethod_descriptor`):
    /// the type that defines it (`__objclass__`).
    pub owner: Option<PyRef>,
}

impl ClassMethodData {
    pub fn new(f: PyRef) -> ClassMethodData {
        ClassMethodData { func: RefCell::new(f), dict: RefCell::new(None), owner: None }
    }
    /// A builtin type's class method, defined by `owner`.
    pub fn new_descriptor(f: PyRef, owner: PyRef) -> ClassMethodData {
        ClassMethodData { func: RefCell::new(f), dict: RefCell::new(None), owner: Some(owner) }
    }
    pub fn func(&self) -> PyRef {
        self.func.borrow().clone()
    }
}

// ----- classmethod_descriptor -----

use crate::object::Kind;
use crate::types::{builtin_function, typeobj};
use crate::vm::{PyResult, Vm};

thread_local! {
    static DESCRIPTOR_TYPE: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// The type of a builtin type's class methods (`dict.__dict__['fromkeys']`):
/// bound to the class on access like a classmethod, callable with the
/// class first, shown as `<method 'fromkeys' of 'dict' objects>`.
pub fn descriptor_type(vm: &Vm) -> PyRef {
    if let Some(t) = DESCRIPTOR_TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = typeobj::new_static_type(&vm.types, "classmethod_descriptor", &vm.types.object, Kind::ClassMethod, typeobj::tflags::NO_INSTANCES);
    crate::types::finish_one_type(vm, &t);
    DESCRIPTOR_TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    typeobj::add_method(vm, &t, "__get__", crate::types::core_methods::classmethod_get);
    typeobj::add_method(vm, &t, "__call__", cmd_call);
    typeobj::add_method(vm, &t, "__repr__", cmd_repr);
    typeobj::add_getter(vm, &t, "__name__", |vm, o| Ok(vm.str(&name(o))));
    typeobj::add_getter(vm, &t, "__qualname__", |vm, o| Ok(vm.str(&format!("{}.{}", owner_name(o), name(o)))));
    typeobj::add_getter(vm, &t, "__objclass__", |vm, o| Ok(data(o).and_then(|d| d.owner.clone()).unwrap_or_else(|| vm.none())));
    typeobj::add_getter(vm, &t, "__doc__", |vm, _| Ok(vm.none()));
    typeobj::add_getter(vm, &t, "__text_signature__", |vm, _| Ok(vm.none()));
    t
}

fn data(o: &PyRef) -> Option<&ClassMethodData> {
    o.payload::<ClassMethodData>()
}

fn name(o: &PyRef) -> String {
    data(o).and_then(|d| builtin_function::get(&d.func()).map(|b| b.name.to_string())).unwrap_or_default()
}

fn owner_name(o: &PyRef) -> String {
    data(o).and_then(|d| d.owner.as_ref().map(typeobj::type_name)).unwrap_or_default()
}

fn cmd_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.str(&format!("<method '{}' of '{}' objects>", name(&a[0]), owner_name(&a[0]))))
}

/// `descr(cls, ...)`: the method bound to `cls` (a subtype of the
/// defining type), called with the rest.
fn cmd_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let d = data(&a[0]).ok_or_else(|| vm.type_error("descriptor requires a classmethod_descriptor"))?;
    let owner = d.owner.clone().unwrap_or_else(|| vm.types.object.clone());
    let n = name(&a[0]);
    let Some(cls) = a.get(1) else {
        return Err(vm.type_error(format!("descriptor '{}' of '{}' object needs an argument", n, typeobj::type_name(&owner))));
    };
    if cls.kind() != Kind::Type {
        return Err(vm.type_error(format!("descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2", n, typeobj::type_name(&owner), vm.type_name(cls))));
    }
    if !typeobj::is_subtype(cls, &owner) {
        return Err(vm.type_error(format!("descriptor '{}' requires a subtype of '{}' but received '{}'", n, typeobj::type_name(&owner), typeobj::type_name(cls))));
    }
    let bound = crate::ops::descr_get(vm, &a[0], None, cls)?;
    crate::ops::call(vm, &bound, &a[2..], k)
}
