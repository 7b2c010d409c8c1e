//! `_weakref`: `ref`, `proxy`, `getweakrefcount`, `getweakrefs` and the
//! types `ReferenceType`, `ProxyType`, `CallableProxyType`; the runtime side
//! of weak references (calling callbacks, clearing them for the cycle
//! collector). The table of weak references is `object::weak`; the
//! Python-level classes (WeakValueDictionary, finalize, ...) are the
//! embedded `weakref.py`.
//!
//! A referent's list follows CPython's order: the callback-less exact `ref`
//! (shared by every `ref(o)` call) first, then the callback-less exact
//! proxy (shared likewise), then the other weak references, newest first.

use crate::object::weak::{self, WeakrefData};
use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};
use refscope_compiler::bytecode::{BinOp, CmpOp};
use std::cell::RefCell;

struct Types {
    ref_: PyRef,
    proxy: PyRef,
    callable_proxy: PyRef,
}

thread_local! {
    static TYPES: RefCell<Option<std::rc::Rc<Types>>> = const { RefCell::new(None) };
}

fn types(vm: &Vm) -> std::rc::Rc<Types> {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = std::rc::Rc::new(make_types(vm));
    TYPES.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

use crate::types::typeobj::tp_name;

fn wdata(o: &PyRef) -> &WeakrefData {
    o.payload_unchecked::<WeakrefData>()
}

fn is_proxy(t: &Types, o: &PyRef) -> bool {
    o.ty().is(&t.proxy) || o.ty().is(&t.callable_proxy)
}

fn reference_error(vm: &Vm) -> PyErr {
    vm.new_exception(&vm.exc.reference_error, "weakly-referenced object no longer exists".into())
}

/// Whether weak references to `o` can be made.
fn check_weakrefable(vm: &Vm, o: &PyRef) -> PyResult<()> {
    if typeobj::data(o.ty()).flag(tflags::WEAKREFABLE) {
        Ok(())
    } else {
        Err(vm.type_error(format!("cannot create weak reference to '{}' object", tp_name(o.ty()))))
    }
}

/// The shared callback-less ref and proxy of `o`, if it has them.
fn basic_refs(t: &Types, list: &[PyRef]) -> (Option<PyRef>, Option<PyRef>) {
    let plain = |w: &PyRef| wdata(w).callback.borrow().is_none();
    let mut it = list.iter().peekable();
    let r = match it.peek() {
        Some(w) if w.ty().is(&t.ref_) && plain(w) => it.next().cloned(),
        _ => None,
    };
    let p = match it.peek() {
        Some(w) if is_proxy(t, w) && plain(w) => Some((*w).clone()),
        _ => None,
    };
    (r, p)
}

fn no_kw(vm: &Vm, what: &str, k: Option<&PyRef>) -> PyResult<()> {
    if k.is_some_and(|k| !tuple::items(k).is_empty()) {
        return Err(vm.type_error(format!("{} takes no keyword arguments", what)));
    }
    Ok(())
}

fn unpack_args<'a>(vm: &Vm, name: &str, a: &'a [PyRef]) -> PyResult<(&'a PyRef, Option<PyRef>)> {
    match a.len() {
        0 => Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 | 2 => {
            let cb = a.get(1).filter(|c| !c.is(&vm.none)).cloned();
            Ok((&a[0], cb))
        }
        n => Err(vm.type_error(format!("{} expected at most 2 arguments, got {}", name, n))),
    }
}

/// `ref.__new__(cls, ob, callback=None)`.
fn ref_new(vm: &Vm, cls: &PyRef, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let t = types(vm);
    no_kw(vm, "ref()", k)?;
    let (ob, cb) = unpack_args(vm, "__new__", a)?;
    check_weakrefable(vm, ob)?;
    let exact = cls.is(&t.ref_);
    let (r, p) = basic_refs(&t, &weak::refs_to(ob));
    if cb.is_none() && exact {
        if let Some(r) = r {
            return Ok(r);
        }
    }
    let index = if cb.is_none() && exact { 0 } else { r.is_some() as usize + p.is_some() as usize };
    if cb.is_some() {
        crate::finalize::note_code_at_death();
    }
    let wr = constructors::alloc(cls, WeakrefData::new(cb));
    weak::attach(&wr, ob, index);
    Ok(wr)
}

/// `ref.__new__(cls, ob, callback=None)` called explicitly (a subclass's
/// own `__new__` delegating to it).
fn ref_new_method(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let t = types(vm);
    let Some(cls) = a.first() else { return Err(vm.type_error("ReferenceType.__new__(): not enough arguments")) };
    if cls.kind() != Kind::Type {
        return Err(vm.type_error(format!("weakref.ReferenceType.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    if !typeobj::is_subtype(cls, &t.ref_) {
        let n = tp_name(cls);
        return Err(vm.type_error(format!("weakref.ReferenceType.__new__({}): {} is not a subtype of weakref.ReferenceType", n, n)));
    }
    ref_new(vm, cls, &a[1..], k)
}

fn ref_init(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    unpack_args(vm, "__init__", &a[1..])?;
    Ok(vm.none())
}

fn ref_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "weakref()", k)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!("weakref() takes exactly 0 arguments ({} given)", a.len() - 1)));
    }
    Ok(wdata(&a[0]).get().unwrap_or_else(|| vm.none()))
}

fn ref_hash(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let d = wdata(&a[0]);
    if let Some(h) = d.hash.get() {
        return Ok(vm.int(h));
    }
    let Some(o) = d.get() else { return Err(vm.type_error("weak object has gone away")) };
    let h = ops::hash(vm, &o)?;
    d.hash.set(Some(h));
    Ok(vm.int(h))
}

fn ref_compare(vm: &Vm, a: &[PyRef], op: CmpOp) -> PyResult {
    let (x, y) = (&a[0], &a[1]);
    if y.kind() != Kind::Weakref || x.kind() != Kind::Weakref {
        return Ok(vm.not_implemented.clone());
    }
    match (wdata(x).get(), wdata(y).get()) {
        (Some(ox), Some(oy)) => ops::rich_compare(vm, &ox, &oy, op),
        _ => Ok(vm.bool((op == CmpOp::Eq) == x.is(y))),
    }
}

fn ref_eq(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    ref_compare(vm, a, CmpOp::Eq)
}

fn ref_ne(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    ref_compare(vm, a, CmpOp::Ne)
}

fn ref_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let w = &a[0];
    let Some(o) = wdata(w).get() else { return Ok(vm.str_owned(format!("<weakref at {:#x}; dead>", w.id()))) };
    let name = match ops::get_attr_opt(vm, &o, &vm.intern("__name__"))? {
        Some(n) if n.kind() == Kind::Str => Some(str::as_str(&n).to_string()),
        _ => None,
    };
    let base = format!("<weakref at {:#x}; to '{}' at {:#x}", w.id(), tp_name(o.ty()), o.id());
    Ok(vm.str_owned(match name {
        Some(n) => format!("{} ({})>", base, n),
        None => format!("{}>", base),
    }))
}

fn ref_callback(vm: &Vm, w: &PyRef) -> PyResult {
    if w.kind() != Kind::Weakref {
        return Err(vm.type_error(format!("descriptor '__callback__' for 'weakref.ReferenceType' objects doesn't apply to a '{}' object", vm.type_name(w))));
    }
    Ok(wdata(w).callback.borrow().clone().unwrap_or_else(|| vm.none()))
}

// ---- proxies -----------------------------------------------------------

/// `proxy(ob, callback=None)`.
fn b_proxy(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let t = types(vm);
    no_kw(vm, "_weakref.proxy()", k)?;
    if a.is_empty() {
        return Err(vm.type_error("proxy expected at least 1 argument, got 0"));
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!("proxy expected at most 2 arguments, got {}", a.len())));
    }
    let ob = &a[0];
    let cb = a.get(1).filter(|c| !c.is(&vm.none)).cloned();
    check_weakrefable(vm, ob)?;
    let (r, p) = basic_refs(&t, &weak::refs_to(ob));
    if cb.is_none() {
        if let Some(p) = p {
            return Ok(p);
        }
    }
    let index = if cb.is_none() { r.is_some() as usize } else { r.is_some() as usize + p.is_some() as usize };
    let ty = if ops::is_callable(vm, ob) { &t.callable_proxy } else { &t.proxy };
    if cb.is_some() {
        crate::finalize::note_code_at_death();
    }
    let wr = PyRef::new(ty, WeakrefData::new(cb));
    weak::attach(&wr, ob, index);
    Ok(wr)
}

/// The referent of a proxy (other objects are returned as they are).
fn unwrap(vm: &Vm, o: &PyRef) -> PyResult {
    let t = types(vm);
    if o.kind() == Kind::Weakref && is_proxy(&t, o) {
        wdata(o).get().ok_or_else(|| reference_error(vm))
    } else {
        Ok(o.clone())
    }
}

fn proxy_getattribute(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    ops::get_attr(vm, &o, &a[1])
}

fn proxy_setattr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    ops::set_attr(vm, &o, &a[1], Some(a[2].clone()))?;
    Ok(vm.none())
}

fn proxy_delattr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    ops::set_attr(vm, &o, &a[1], None)?;
    Ok(vm.none())
}

fn proxy_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let w = &a[0];
    // A dead proxy shows None as its referent, as CPython's does.
    let o = wdata(w).get().unwrap_or_else(|| vm.none());
    Ok(vm.str_owned(format!("<weakproxy at {:#x} to {} at {:#x}>", w.id(), tp_name(o.ty()), o.id())))
}

fn proxy_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    ops::str_(vm, &o)
}

fn proxy_hash(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Err(vm.type_error(format!("unhashable type: '{}'", tp_name(a[0].ty()))))
}

fn proxy_bool(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    Ok(vm.bool(ops::truthy(vm, &o)?))
}

fn proxy_len(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    Ok(vm.int(ops::len(vm, &o)? as i64))
}

fn proxy_getitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    let key = unwrap(vm, &a[1])?;
    ops::get_item(vm, &o, &key)
}

fn proxy_setitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    let key = unwrap(vm, &a[1])?;
    let v = unwrap(vm, &a[2])?;
    ops::set_item(vm, &o, key, v)?;
    Ok(vm.none())
}

fn proxy_delitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    let key = unwrap(vm, &a[1])?;
    ops::del_item(vm, &o, &key)?;
    Ok(vm.none())
}

fn proxy_contains(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    let x = unwrap(vm, &a[1])?;
    Ok(vm.bool(ops::contains(vm, &o, &x)?))
}

fn proxy_iter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    ops::get_iter(vm, &o)
}

fn proxy_next(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    if ops::lookup_special(vm, &o, "__next__").is_none() {
        return Err(vm.type_error(format!("Weakref proxy referenced a non-iterator '{}' object", tp_name(o.ty()))));
    }
    match ops::next(vm, &o)? {
        Some(v) => Ok(v),
        None => Err(vm.new_exception_empty(&vm.exc.stop_iteration)),
    }
}

fn proxy_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let o = unwrap(vm, &a[0])?;
    ops::call(vm, &o, &a[1..], k)
}

fn proxy_compare(vm: &Vm, a: &[PyRef], op: CmpOp) -> PyResult {
    let x = unwrap(vm, &a[0])?;
    let y = unwrap(vm, &a[1])?;
    ops::rich_compare(vm, &x, &y, op)
}

/// A builtin function of the builtins module applied to the referents.
fn via_builtin(vm: &Vm, name: &str, a: &[PyRef]) -> PyResult {
    let f = dict::get_str_key(&vm.builtins_dict(), &vm.intern(name)).ok_or_else(|| vm.type_error(format!("no builtin {}", name)))?;
    let args = a.iter().map(|x| unwrap(vm, x)).collect::<PyResult<Vec<_>>>()?;
    ops::call(vm, &f, &args, None)
}

macro_rules! proxy_binops {
    ($($op:ident: $f:ident, $r:ident, $i:ident;)*) => {
        $(
            fn $f(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
                let x = unwrap(vm, &a[0])?;
                let y = unwrap(vm, &a[1])?;
                ops::binary_op(vm, &x, &y, BinOp::$op)
            }
            fn $r(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
                let x = unwrap(vm, &a[0])?;
                let y = unwrap(vm, &a[1])?;
                ops::binary_op(vm, &y, &x, BinOp::$op)
            }
            fn $i(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
                let x = unwrap(vm, &a[0])?;
                let y = unwrap(vm, &a[1])?;
                ops::inplace_op(vm, &x, &y, BinOp::$op)
            }
        )*
        const PROXY_BINOPS: &[(BinOp, NativeFn, NativeFn, NativeFn)] = &[$((BinOp::$op, $f, $r, $i),)*];
    };
}

proxy_binops! {
    Add: p_add, p_radd, p_iadd;
    Sub: p_sub, p_rsub, p_isub;
    Mul: p_mul, p_rmul, p_imul;
    MatMul: p_matmul, p_rmatmul, p_imatmul;
    TrueDiv: p_truediv, p_rtruediv, p_itruediv;
    FloorDiv: p_floordiv, p_rfloordiv, p_ifloordiv;
    Mod: p_mod, p_rmod, p_imod;
    Pow: p_pow, p_rpow, p_ipow;
    LShift: p_lshift, p_rlshift, p_ilshift;
    RShift: p_rshift, p_rrshift, p_irshift;
    And: p_and, p_rand, p_iand;
    Or: p_or, p_ror, p_ior;
    Xor: p_xor, p_rxor, p_ixor;
}

fn make_types(vm: &Vm) -> Types {
    let mk = |name: &str, fl: u32| {
        let t = typeobj::new_static_type(&vm.types, name, &vm.types.object, Kind::Weakref, fl);
        crate::types::finish_one_type(vm, &t);
        *typeobj::data(&t).module.borrow_mut() = Some("weakref".into());
        t
    };
    let ref_ = mk("ReferenceType", tflags::BASETYPE);
    typeobj::data(&ref_).new.set(Some(ref_new));
    let methods: [(&'static str, NativeFn); 6] =
        [("__init__", ref_init), ("__call__", ref_call), ("__hash__", ref_hash), ("__eq__", ref_eq), ("__ne__", ref_ne), ("__repr__", ref_repr)];
    for (n, f) in methods {
        typeobj::add_method(vm, &ref_, n, f);
    }
    typeobj::add_classmethod(vm, &ref_, "__class_getitem__", crate::types::methods_more::class_getitem);
    typeobj::add_staticmethod(vm, &ref_, "__new__", ref_new_method);
    typeobj::add_getter(vm, &ref_, "__callback__", ref_callback);

    let proxy_types = [mk("ProxyType", tflags::CUSTOM_GETATTRIBUTE | tflags::CUSTOM_SETATTR), mk("CallableProxyType", tflags::CUSTOM_GETATTRIBUTE | tflags::CUSTOM_SETATTR)];
    for (i, t) in proxy_types.iter().enumerate() {
        let methods: [(&'static str, NativeFn); 17] = [
            ("__getattribute__", proxy_getattribute),
            ("__setattr__", proxy_setattr),
            ("__delattr__", proxy_delattr),
            ("__repr__", proxy_repr),
            ("__str__", proxy_str),
            ("__hash__", proxy_hash),
            ("__bool__", proxy_bool),
            ("__len__", proxy_len),
            ("__getitem__", proxy_getitem),
            ("__setitem__", proxy_setitem),
            ("__delitem__", proxy_delitem),
            ("__contains__", proxy_contains),
            ("__iter__", proxy_iter),
            ("__next__", proxy_next),
            ("__neg__", |vm, a, _| ops::unary_op(vm, &unwrap(vm, &a[0])?, refscope_compiler::bytecode::UnaryOp::Neg)),
            ("__pos__", |vm, a, _| ops::unary_op(vm, &unwrap(vm, &a[0])?, refscope_compiler::bytecode::UnaryOp::Pos)),
            ("__invert__", |vm, a, _| ops::unary_op(vm, &unwrap(vm, &a[0])?, refscope_compiler::bytecode::UnaryOp::Invert)),
        ];
        for (n, f) in methods {
            typeobj::add_method(vm, t, n, f);
        }
        let more: [(&'static str, NativeFn); 15] = [
            ("__lt__", |vm, a, _| proxy_compare(vm, a, CmpOp::Lt)),
            ("__le__", |vm, a, _| proxy_compare(vm, a, CmpOp::Le)),
            ("__eq__", |vm, a, _| proxy_compare(vm, a, CmpOp::Eq)),
            ("__ne__", |vm, a, _| proxy_compare(vm, a, CmpOp::Ne)),
            ("__gt__", |vm, a, _| proxy_compare(vm, a, CmpOp::Gt)),
            ("__ge__", |vm, a, _| proxy_compare(vm, a, CmpOp::Ge)),
            ("__abs__", |vm, a, _| via_builtin(vm, "abs", &a[..1])),
            ("__int__", |vm, a, _| via_builtin(vm, "int", &a[..1])),
            ("__float__", |vm, a, _| via_builtin(vm, "float", &a[..1])),
            ("__index__", |vm, a, _| Ok(vm.int(ops::index_i64(vm, &unwrap(vm, &a[0])?)?))),
            ("__divmod__", |vm, a, _| via_builtin(vm, "divmod", &a[..2])),
            ("__rdivmod__", |vm, a, _| via_builtin(vm, "divmod", &[a[1].clone(), a[0].clone()])),
            ("__reversed__", |vm, a, _| via_builtin(vm, "reversed", &a[..1])),
            ("__bytes__", |vm, a, _| via_builtin(vm, "bytes", &a[..1])),
            ("__dir__", |vm, a, _| via_builtin(vm, "dir", &a[..1])),
        ];
        for (n, f) in more {
            typeobj::add_method(vm, t, n, f);
        }
        for (op, f, r, ip) in PROXY_BINOPS {
            let (fname, rname, iname) = op.dunders();
            typeobj::add_method(vm, t, fname, *f);
            typeobj::add_method(vm, t, rname, *r);
            typeobj::add_method(vm, t, iname, *ip);
        }
        if i == 1 {
            typeobj::add_method(vm, t, "__call__", proxy_call);
        }
    }
    let [proxy, callable_proxy] = proxy_types;
    Types { ref_, proxy, callable_proxy }
}

// ---- module functions ----------------------------------------------------

fn b_getweakrefcount(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "getweakrefcount()", k)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!("getweakrefcount() takes exactly one argument ({} given)", a.len())));
    }
    Ok(vm.int(weak::count(&a[0]) as i64))
}

fn b_getweakrefs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "getweakrefs()", k)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!("getweakrefs() takes exactly one argument ({} given)", a.len())));
    }
    Ok(vm.list(weak::refs_to(&a[0])))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead
/// weak reference.
fn b_remove_dead_weakref(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() != 2 || a[0].kind() != Kind::Dict {
        return Err(vm.type_error("_remove_dead_weakref() expects a dict and a key"));
    }
    let v = match ops::get_item(vm, &a[0], &a[1]) {
        Ok(v) => v,
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.key_error) => return Ok(vm.none()),
        Err(e) => return Err(e),
    };
    if v.kind() == Kind::Weakref && wdata(&v).is_dead() {
        ops::del_item(vm, &a[0], &a[1])?;
    }
    Ok(vm.none())
}

/// Create the `_weakref` module (on its first import).
pub fn make_module(vm: &Vm) -> PyRef {
    let t = types(vm);
    let m = crate::import::new_module(vm, "_weakref");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: [(&'static str, NativeFn); 4] =
        [("getweakrefcount", b_getweakrefcount), ("getweakrefs", b_getweakrefs), ("proxy", b_proxy), ("_remove_dead_weakref", b_remove_dead_weakref)];
    for (name, f) in funcs {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    for (name, v) in [("ref", &t.ref_), ("ReferenceType", &t.ref_), ("ProxyType", &t.proxy), ("CallableProxyType", &t.callable_proxy)] {
        dict::set_item_str(vm, &d, vm.intern(name), v.clone());
    }
    m
}

// ---- the runtime side ----------------------------------------------------

/// An object died by reference count: call the callbacks of its (cleared)
/// weak references in list order (CPython's `PyObject_ClearWeakRefs`, which
/// gathers several weak references in a tuple first: so does this, as the
/// tuple is an allocation the collector counts).
pub fn call_callbacks_at_death(refs: Vec<(PyRef, Option<PyRef>)>) {
    let Some(vm) = Vm::try_current() else { return };
    let holder = (refs.len() > 1).then(|| {
        let items: Vec<PyRef> = refs.iter().flat_map(|(w, c)| [w.clone(), c.clone().unwrap_or_else(|| vm.none())]).collect();
        vm.tuple(items)
    });
    for (wr, cb) in &refs {
        if let Some(cb) = cb {
            call_callback(wr, cb);
        }
    }
    drop(refs);
    drop(holder);
}

/// Call a weak reference callback with the (cleared) weak reference; errors
/// are reported as unraisable and the handled exception is preserved.
pub fn call_callback(wr: &PyRef, callback: &PyRef) {
    let Some(vm) = Vm::try_current() else { return };
    let saved = vm.handled.borrow().clone();
    if let Err(e) = ops::call(vm, callback, &[wr.clone()], None) {
        let what = ops::repr_string(vm, callback).unwrap_or_default();
        crate::traceback_print::print_unraisable(vm, &e.0, &what);
    }
    let old = vm.handled.replace(saved);
    drop(old);
}

/// The cycle collector found `unreachable`: clear every weak reference to
/// those objects (and the weak references among them), and return the
/// callbacks to call, for weak references that are not garbage themselves
/// (CPython's `handle_weakrefs`).
pub fn clear_for_collection(unreachable: &[PyRef]) -> Vec<(PyRef, PyRef)> {
    let mut calls = Vec::new();
    for o in unreachable {
        if o.kind() == Kind::Weakref {
            weak::detach(o);
        }
        for wr in weak::take_all(o) {
            if crate::object::gc::in_collection(&wr) {
                continue;
            }
            let cb = wdata(&wr).callback.borrow().clone();
            if let Some(cb) = cb {
                calls.push((wr, cb));
            }
        }
    }
    calls
}

/// Create the weak reference types and give every builtin type the weak
/// reference CPython's subclass registry holds (all but `object`).
pub fn init(vm: &Vm) {
    let t = types(vm);
    let mut all = typeobj::all_types(&vm.types);
    all.extend(vm.exc.all.iter().map(|(_, t)| t.clone()));
    all.extend([t.ref_.clone(), t.proxy.clone(), t.callable_proxy.clone()]);
    for ty in &all {
        register_class(vm, ty);
    }
}

/// A new type joins its bases' subclass registries (CPython's
/// `add_subclass`): they hold the type's shared callback-less weak
/// reference, which the type keeps until it is freed.
pub fn register_class(vm: &Vm, ty: &PyRef) {
    let Some(t) = TYPES.with(|t| t.borrow().clone()) else { return };
    let td = typeobj::data(ty);
    if td.base.borrow().is_none() || td.registry_ref.borrow().is_some() {
        return;
    }
    if let Ok(r) = ref_new(vm, &t.ref_, std::slice::from_ref(ty), None) {
        *td.registry_ref.borrow_mut() = Some(r);
    }
}

/// `obj.__weakref__`: the first weak reference to `obj`, or None.
pub fn first_weakref(vm: &Vm, obj: &PyRef) -> PyRef {
    weak::refs_to(obj).into_iter().next().unwrap_or_else(|| vm.none())
}
