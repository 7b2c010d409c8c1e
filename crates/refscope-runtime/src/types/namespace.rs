//! `types.SimpleNamespace` (CPython's C type `_PyNamespace_Type`): an
//! object whose attributes live in its own `__dict__`, made from keyword
//! arguments. Like CPython's it keeps the dict in its struct (24 bytes,
//! no weak-reference slot: weak references are refused; a subclass adds
//! one), and `sys.implementation` is one.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::methods::{noargs, one_arg};
use crate::types::{dict, str, tuple, typeobj};
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::CmpOp;
use std::cell::{OnceCell, RefCell};

pub struct NamespaceData {
    pub dict: RefCell<Option<PyRef>>,
}

thread_local! {
    static NAMESPACE_TYPE: OnceCell<PyRef> = const { OnceCell::new() };
}

/// The `types.SimpleNamespace` class.
pub fn namespace_type(vm: &Vm) -> PyRef {
    if let Some(t) = NAMESPACE_TYPE.with(|c| c.get().cloned()) {
        return t;
    }
    let t = make_type(vm);
    NAMESPACE_TYPE.with(|c| {
        let _ = c.set(t.clone());
    });
    t
}

pub fn get(o: &PyRef) -> Option<&NamespaceData> {
    o.payload::<NamespaceData>()
}

/// The instance's dict (made when first needed).
pub fn dict_of(vm: &Vm, o: &PyRef) -> Option<PyRef> {
    let d = get(o)?;
    Some(d.dict.borrow_mut().get_or_insert_with(|| vm.dict()).clone())
}

fn ns_new(vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    let o = PyRef::new(cls, NamespaceData { dict: RefCell::new(None) });
    // CPython's tp_new makes the dict at once.
    dict_of(vm, &o);
    Ok(o)
}

fn ns_new_w(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::constructors::tp_new_wrapper(vm, &namespace_type(vm), a, k)
}

fn this<'a>(vm: &Vm, a: &'a [PyRef], name: &str) -> PyResult<&'a PyRef> {
    match a.first() {
        Some(s) if get(s).is_some() => Ok(s),
        Some(s) => Err(vm.type_error(format!(
            "descriptor '{}' requires a 'types.SimpleNamespace' object but received a '{}'",
            name,
            vm.type_name(s)
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' of 'types.SimpleNamespace' object needs an argument", name))),
    }
}

/// `__init__(**kwargs)`: each keyword becomes an attribute.
fn ns_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let o = this(vm, a, "__init__")?;
    let (pos, values) = crate::types::constructors::split_kw(a, k);
    if pos.len() > 1 {
        return Err(vm.type_error("no positional arguments expected"));
    }
    let d = dict_of(vm, o).expect("a namespace");
    if let Some(k) = k {
        for (n, v) in tuple::items(k).iter().zip(values) {
            dict::set_item(vm, &d, n.clone(), v.clone())?;
        }
    }
    Ok(vm.none())
}

/// `namespace(a=1, b=2)` (a subclass shows its own name); `namespace(...)`
/// inside itself.
fn ns_repr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "SimpleNamespace", "__repr__", a, k)?;
    let o = this(vm, a, "__repr__")?;
    let name = if o.ty().is(&namespace_type(vm)) { "namespace".to_string() } else { typeobj::tp_name(o.ty()) };
    let d = dict_of(vm, o).expect("a namespace");
    let r = crate::types::repr_impl::guarded(o, || {
        let mut parts = Vec::new();
        for (key, value) in dict::get(&d).map(|dd| dd.items()).unwrap_or_default() {
            if let Some(s) = str::get(&key) {
                parts.push(format!("{}={}", s.as_str(), ops::repr_string(vm, &value)?));
            }
        }
        Ok(format!("{}({})", name, parts.join(", ")))
    })?;
    Ok(vm.str_owned(r.unwrap_or_else(|| format!("{}(...)", name))))
}

/// Two namespaces compare as their dicts do (any operator).
fn compare(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, name: &str, op: CmpOp) -> PyResult {
    let other = one_arg(vm, "SimpleNamespace", name, a, k)?;
    let t = namespace_type(vm);
    if !typeobj::isinstance(&a[0], &t) || !typeobj::isinstance(other, &t) {
        return Ok(vm.not_implemented.clone());
    }
    let (x, y) = (dict_of(vm, &a[0]).unwrap(), dict_of(vm, other).unwrap());
    ops::rich_compare(vm, &x, &y, op)
}

fn ns_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__eq__", CmpOp::Eq)
}

fn ns_ne(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__ne__", CmpOp::Ne)
}

fn ns_lt(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__lt__", CmpOp::Lt)
}

fn ns_le(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__le__", CmpOp::Le)
}

fn ns_gt(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__gt__", CmpOp::Gt)
}

fn ns_ge(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__ge__", CmpOp::Ge)
}

/// `__reduce__`: `(type(self), (), self.__dict__)`.
fn ns_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "SimpleNamespace", "__reduce__", a, k)?;
    let o = this(vm, a, "__reduce__")?;
    let d = dict_of(vm, o).expect("a namespace");
    Ok(vm.tuple([o.ty().clone(), vm.empty_tuple.clone(), d]))
}

fn g_dict(vm: &Vm, o: &PyRef) -> PyResult {
    dict_of(vm, o).ok_or_else(|| vm.type_error("descriptor '__dict__' for 'types.SimpleNamespace' objects doesn't apply to this object"))
}

fn make_type(vm: &Vm) -> PyRef {
    let t = typeobj::new_static_type(&vm.types, "SimpleNamespace", &vm.types.object, Kind::Namespace, typeobj::tflags::BASETYPE | typeobj::tflags::HAS_DICT);
    crate::types::finish_one_type(vm, &t);
    *typeobj::data(&t).module.borrow_mut() = Some("types".into());
    typeobj::data(&t).new.set(Some(ns_new));
    typeobj::add_staticmethod(vm, &t, "__new__", ns_new_w);
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, &t, name, f);
    m("__repr__", ns_repr);
    m("__getattribute__", crate::types::object_impl::obj_getattribute);
    m("__setattr__", crate::types::object_impl::obj_setattr);
    m("__delattr__", crate::types::object_impl::obj_delattr);
    m("__lt__", ns_lt);
    m("__le__", ns_le);
    m("__eq__", ns_eq);
    m("__ne__", ns_ne);
    m("__gt__", ns_gt);
    m("__ge__", ns_ge);
    m("__init__", ns_init);
    m("__reduce__", ns_reduce);
    let d = crate::types::descriptor::new_readonly_member(vm, &t, "__dict__", g_dict);
    typeobj::set_in_dict(vm, &t, "__dict__", d);
    typeobj::set_in_dict(vm, &t, "__doc__", vm.str("A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)"));
    typeobj::set_in_dict(vm, &t, "__hash__", vm.none());
    t
}
