//! `types.UnionType` (PEP 604): what `int | str` evaluates to. A union
//! keeps the tuple of its members (`__args__`, without duplicates, `None`
//! as `NoneType`) and makes its `__parameters__` tuple when first asked,
//! as CPython's does (the collector sees it only then). `isinstance` and
//! `issubclass` check against the members in order.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::methods::{noargs, one_arg};
use crate::types::{tuple, typeobj};
use crate::vm::{PyResult, Vm};
use std::cell::{OnceCell, RefCell};

pub struct UnionData {
    pub args: PyRef,
    pub parameters: RefCell<Option<PyRef>>,
}

thread_local! {
    static UNION_TYPE: OnceCell<PyRef> = const { OnceCell::new() };
}

/// The `types.UnionType` class.
pub fn union_type(vm: &Vm) -> PyRef {
    if let Some(t) = UNION_TYPE.with(|c| c.get().cloned()) {
        return t;
    }
    let t = make_type(vm);
    UNION_TYPE.with(|c| {
        let _ = c.set(t.clone());
    });
    t
}

pub fn get(o: &PyRef) -> Option<&UnionData> {
    o.payload::<UnionData>()
}

/// What may stand on either side of `|` to make a union: None, a class, a
/// parameterized generic, a union.
fn unionable(vm: &Vm, x: &PyRef) -> bool {
    x.is(&vm.none) || x.kind() == Kind::Type || x.kind() == Kind::Union || crate::types::methods_more::is_alias(x)
}

/// `a | b` for types, generics and unions (`type.__or__`, `__ror__`);
/// NotImplemented for anything else.
pub fn make_union(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult {
    if !unionable(vm, a) || !unionable(vm, b) {
        return Ok(vm.not_implemented.clone());
    }
    let mut members: Vec<PyRef> = Vec::new();
    for side in [a, b] {
        match get(side) {
            Some(u) => members.extend(tuple::items(&u.args).iter().cloned()),
            None => members.push(if side.is(&vm.none) { vm.none.ty().clone() } else { side.clone() }),
        }
    }
    // Duplicates go (the first stays): classes by identity, generics by
    // equality.
    let mut args: Vec<PyRef> = Vec::new();
    for m in members {
        let mut dup = false;
        for x in &args {
            dup = x.is(&m) || (!(x.kind() == Kind::Type && m.kind() == Kind::Type) && ops::eq(vm, x, &m)?);
            if dup {
                break;
            }
        }
        if !dup {
            args.push(m);
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap());
    }
    Ok(PyRef::new(&union_type(vm), UnionData { args: vm.tuple(args), parameters: RefCell::new(None) }))
}

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a UnionData> {
    a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor requires a 'types.UnionType' object"))
}

/// How a member is shown: `None` for NoneType, a class by its (qualified)
/// name, anything else by its repr.
fn repr_item(vm: &Vm, x: &PyRef) -> PyResult<String> {
    if x.is(vm.none.ty()) {
        return Ok("None".into());
    }
    // Anything with `__origin__` and `__args__` shows its repr (a generic
    // alias, and so the GenericAlias class itself, whose members these are).
    let generic_like = crate::types::methods_more::alias_type().is_some_and(|t| x.is(&t))
        || (ops::get_attr_opt(vm, x, &vm.intern("__origin__"))?.is_some() && ops::get_attr_opt(vm, x, &vm.intern("__args__"))?.is_some());
    if x.kind() == Kind::Type && !generic_like {
        let td = typeobj::data(x);
        let module = ops::get_attr_str(vm, x, "__module__").ok().filter(|m| m.kind() == Kind::Str).map(|m| crate::types::str::as_str(&m).to_string());
        let qual = td.qualname.borrow().clone();
        return Ok(match module {
            Some(m) if m != "builtins" => format!("{}.{}", m, qual),
            _ => qual,
        });
    }
    ops::repr_string(vm, x)
}

fn u_repr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "UnionType", "__repr__", a, k)?;
    let u = this(vm, a)?;
    let parts = tuple::items(&u.args).iter().map(|x| repr_item(vm, x)).collect::<PyResult<Vec<_>>>()?;
    Ok(vm.str_owned(parts.join(" | ")))
}

/// The members as a frozenset (hashing and equality ignore their order).
fn member_set(vm: &Vm, u: &UnionData) -> PyResult {
    crate::types::typeobj_call::call_type(vm, &vm.types.frozenset, &[u.args.clone()], None)
}

fn u_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "UnionType", "__hash__", a, k)?;
    let s = member_set(vm, this(vm, a)?)?;
    Ok(vm.int(ops::hash(vm, &s)?))
}

fn compare(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, name: &str, negate: bool) -> PyResult {
    let other = one_arg(vm, "UnionType", name, a, k)?;
    let (Some(x), Some(y)) = (get(&a[0]), get(other)) else { return Ok(vm.not_implemented.clone()) };
    let same = ops::eq(vm, &member_set(vm, x)?, &member_set(vm, y)?)?;
    Ok(vm.bool(same != negate))
}

fn u_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__eq__", false)
}

fn u_ne(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    compare(vm, a, k, "__ne__", true)
}

/// Attribute lookup, with `__module__` taken from the class.
fn u_getattribute(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.len() == 2 && a[1].kind() == Kind::Str && crate::types::str::as_str(&a[1]) == "__module__" {
        return ops::get_attr_str(vm, a[0].ty(), "__module__");
    }
    crate::types::object_impl::obj_getattribute(vm, a, k)
}

/// Unions have no order.
fn u_unordered(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    one_arg(vm, "UnionType", "__lt__", a, k)?;
    Ok(vm.not_implemented.clone())
}

fn u_or(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &crate::types::methods::wrapper_args(vm, "__or__", a, k, 1)?[0];
    make_union(vm, &a[0], other)
}

fn u_ror(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &crate::types::methods::wrapper_args(vm, "__ror__", a, k, 1)?[0];
    make_union(vm, other, &a[0])
}

fn u_getitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    one_arg(vm, "UnionType", "__getitem__", a, k)?;
    let text = crate::types::str::as_str(&u_repr(vm, &a[..1], None)?).to_string();
    Err(vm.type_error(format!("{} is not a generic class", text)))
}

fn g_args(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(get(o).ok_or_else(|| vm.type_error("descriptor requires a 'types.UnionType' object"))?.args.clone())
}

/// `__parameters__`: the type variables among the members (refscope has
/// none, so an empty tuple), made on first access and kept.
fn g_parameters(vm: &Vm, o: &PyRef) -> PyResult {
    let u = get(o).ok_or_else(|| vm.type_error("descriptor requires a 'types.UnionType' object"))?;
    let p = u.parameters.borrow_mut().get_or_insert_with(|| vm.empty_tuple.clone()).clone();
    Ok(p)
}

fn type_or(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &crate::types::methods::wrapper_args(vm, "__or__", a, k, 1)?[0];
    make_union(vm, &a[0], other)
}

fn type_ror(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &crate::types::methods::wrapper_args(vm, "__ror__", a, k, 1)?[0];
    make_union(vm, other, &a[0])
}

fn no_new(vm: &Vm, _cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    Err(vm.type_error("cannot create 'types.UnionType' instances"))
}

fn make_type(vm: &Vm) -> PyRef {
    let t = typeobj::new_static_type(&vm.types, "UnionType", &vm.types.object, Kind::Union, 0);
    crate::types::finish_one_type(vm, &t);
    *typeobj::data(&t).module.borrow_mut() = Some("types".into());
    typeobj::data(&t).new.set(Some(no_new));
    // Its own `__getattribute__` (for `__module__`) is called.
    typeobj::data(&t).set_flag(typeobj::tflags::CUSTOM_GETATTRIBUTE);
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, &t, name, f);
    m("__repr__", u_repr);
    m("__hash__", u_hash);
    m("__getattribute__", u_getattribute);
    m("__lt__", u_unordered);
    m("__le__", u_unordered);
    m("__eq__", u_eq);
    m("__ne__", u_ne);
    m("__gt__", u_unordered);
    m("__ge__", u_unordered);
    m("__or__", u_or);
    m("__ror__", u_ror);
    m("__getitem__", u_getitem);
    let d = crate::types::descriptor::new_readonly_member(vm, &t, "__args__", g_args);
    typeobj::set_in_dict(vm, &t, "__args__", d);
    let d = crate::types::descriptor::new_getset(vm, &t, "__parameters__", g_parameters, None);
    typeobj::set_in_dict(vm, &t, "__parameters__", d);
    typeobj::set_in_dict(vm, &t, "__doc__", vm.str("Represent a PEP 604 union type\n\nE.g. for int | str"));
    t
}

/// `type.__or__`/`__ror__` (and the same for generic aliases).
pub fn init(vm: &Vm) {
    typeobj::add_method(vm, &vm.types.type_, "__or__", type_or);
    typeobj::add_method(vm, &vm.types.type_, "__ror__", type_ror);
}

/// For GenericAlias: `list[int] | None`.
pub fn alias_or(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &crate::types::methods::wrapper_args(vm, "__or__", a, k, 1)?[0];
    make_union(vm, &a[0], other)
}

pub fn alias_ror(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &crate::types::methods::wrapper_args(vm, "__ror__", a, k, 1)?[0];
    make_union(vm, other, &a[0])
}
