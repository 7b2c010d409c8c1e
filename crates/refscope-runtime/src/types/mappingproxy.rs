//! `mappingproxy`: the read-only view of a mapping that `C.__dict__` and
//! `types.MappingProxyType` give. Every read goes to the mapping; writes
//! are refused. A new proxy is made at each `C.__dict__` (a container the
//! collector tracks and the allocation counts see, as in CPython).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{NativeFn, PyResult, Vm};
use refscope_compiler::bytecode::{BinOp, CmpOp};
use std::cell::RefCell;

pub struct MappingProxyData {
    pub mapping: PyRef,
}

thread_local! {
    static TYPE: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// The `mappingproxy` type (made at first use).
pub fn proxy_type(vm: &Vm) -> PyRef {
    if let Some(t) = TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = make_type(vm);
    TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

/// A proxy of `mapping` (a dict, or any mapping for `MappingProxyType`).
pub fn new(vm: &Vm, mapping: PyRef) -> PyRef {
    PyRef::new(&proxy_type(vm), MappingProxyData { mapping })
}

fn mapping(vm: &Vm, a: &[PyRef], name: &str) -> PyResult<PyRef> {
    match a.first().and_then(|p| p.payload::<MappingProxyData>()) {
        Some(d) => Ok(d.mapping.clone()),
        None => Err(vm.type_error(format!("descriptor '{}' for 'mappingproxy' objects doesn't apply to this object", name))),
    }
}

fn arg<'a>(vm: &Vm, a: &'a [PyRef], k: Option<&PyRef>, name: &str) -> PyResult<&'a PyRef> {
    if crate::types::methods::kw_names(k).len() > 0 {
        return Err(vm.type_error(format!("mappingproxy.{}() takes no keyword arguments", name)));
    }
    if a.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.len().saturating_sub(1))));
    }
    Ok(&a[1])
}

fn no_args(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, name: &str) -> PyResult<()> {
    if a.len() != 1 || crate::types::methods::kw_names(k).len() > 0 {
        return Err(vm.type_error(format!("mappingproxy.{}() takes no arguments ({} given)", name, a.len().saturating_sub(1))));
    }
    Ok(())
}

/// `mappingproxy(mapping)`: not a list, tuple or other sequence.
fn mp_new(vm: &Vm, _cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    if args.is_empty() {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    }
    let p = crate::types::methods::kw_args(vm, "mappingproxy", args, kw, false, &["mapping"], 1, 1, 1)?;
    let Some(m) = p[0] else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    let is_mapping = m.kind() == Kind::Dict || (ops::lookup_special(vm, m, "__getitem__").is_some() && !matches!(m.kind(), Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Range));
    if !is_mapping {
        return Err(vm.type_error(format!("mappingproxy() argument must be a mapping, not {}", vm.type_name(m))));
    }
    Ok(new(vm, m.clone()))
}

fn mp_new_method(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let Some(cls) = a.first() else {
        return Err(vm.type_error("mappingproxy.__new__(): not enough arguments"));
    };
    mp_new(vm, cls, &a[1..], k)
}

fn mp_getitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let m = mapping(vm, a, "__getitem__")?;
    ops::get_item(vm, &m, arg(vm, a, k, "__getitem__")?)
}

fn mp_contains(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let m = mapping(vm, a, "__contains__")?;
    Ok(vm.bool(ops::contains(vm, &m, arg(vm, a, k, "__contains__")?)?))
}

fn mp_len(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, a, k, "__len__")?;
    let m = mapping(vm, a, "__len__")?;
    Ok(vm.int(ops::len(vm, &m)? as i64))
}

fn mp_iter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, a, k, "__iter__")?;
    let m = mapping(vm, a, "__iter__")?;
    ops::get_iter(vm, &m)
}

fn call_on_mapping(vm: &Vm, a: &[PyRef], name: &'static str, args: Vec<PyRef>) -> PyResult {
    let m = mapping(vm, a, name)?;
    let f = ops::get_attr_str(vm, &m, name)?;
    ops::call_owned(vm, &f, args, None)
}

fn mp_reversed(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, a, k, "__reversed__")?;
    let m = mapping(vm, a, "__reversed__")?;
    ops::call1(vm, &vm.types.reversed, m)
}

fn mp_get(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if crate::types::methods::kw_names(k).len() > 0 {
        return Err(vm.type_error("mappingproxy.get() takes no keyword arguments"));
    }
    if a.len() < 2 || a.len() > 3 {
        return Err(vm.type_error(format!("get expected at most 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    call_on_mapping(vm, a, "get", a[1..].to_vec())
}

macro_rules! forward_noargs {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            no_args(vm, a, k, $name)?;
            call_on_mapping(vm, a, $name, Vec::new())
        })*
    };
}

forward_noargs!(mp_keys => "keys", mp_values => "values", mp_items => "items", mp_copy => "copy");

fn mp_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let m = mapping(vm, a, "__repr__")?;
    Ok(vm.str_owned(format!("mappingproxy({})", ops::repr_string(vm, &m)?)))
}

fn mp_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let m = mapping(vm, a, "__str__")?;
    Ok(vm.str_owned(ops::str_string(vm, &m)?))
}

/// `proxy | other` and `other | proxy` work on the mapping (a dict comes out).
fn mp_or(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let m = mapping(vm, a, "__or__")?;
    let other = arg(vm, a, k, "__or__")?;
    let other = other.payload::<MappingProxyData>().map(|d| d.mapping.clone()).unwrap_or_else(|| other.clone());
    ops::binary_op(vm, &m, &other, BinOp::Or)
}

fn mp_ror(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let m = mapping(vm, a, "__ror__")?;
    let other = arg(vm, a, k, "__ror__")?;
    ops::binary_op(vm, other, &m, BinOp::Or)
}

fn mp_ior(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Err(vm.type_error("'|=' is not supported by mappingproxy; use '|' instead"))
}

macro_rules! compare {
    ($($f:ident => $op:ident),* $(,)?) => {
        $(fn $f(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            let m = mapping(vm, a, CmpOp::$op.dunder())?;
            ops::rich_compare(vm, &m, arg(vm, a, k, CmpOp::$op.dunder())?, CmpOp::$op)
        })*
    };
}

compare!(mp_lt => Lt, mp_le => Le, mp_eq => Eq, mp_ne => Ne, mp_gt => Gt, mp_ge => Ge);

fn make_type(vm: &Vm) -> PyRef {
    let t = typeobj::new_static_type(&vm.types, "mappingproxy", &vm.types.object, Kind::MappingProxy, 0);
    crate::types::finish_one_type(vm, &t);
    typeobj::data(&t).new.set(Some(mp_new));
    let methods: [(&'static str, NativeFn); 21] = [
        ("__getitem__", mp_getitem),
        ("__contains__", mp_contains),
        ("__len__", mp_len),
        ("__iter__", mp_iter),
        ("__reversed__", mp_reversed),
        ("__repr__", mp_repr),
        ("__str__", mp_str),
        ("__or__", mp_or),
        ("__ror__", mp_ror),
        ("__ior__", mp_ior),
        ("__lt__", mp_lt),
        ("__le__", mp_le),
        ("__eq__", mp_eq),
        ("__ne__", mp_ne),
        ("__gt__", mp_gt),
        ("__ge__", mp_ge),
        ("get", mp_get),
        ("keys", mp_keys),
        ("values", mp_values),
        ("items", mp_items),
        ("copy", mp_copy),
    ];
    for (n, f) in methods {
        typeobj::add_method(vm, &t, n, f);
    }
    typeobj::add_staticmethod(vm, &t, "__new__", mp_new_method);
    typeobj::add_classmethod(vm, &t, "__class_getitem__", crate::types::methods_more::class_getitem);
    typeobj::set_in_dict(vm, &t, "__hash__", vm.none());
    t
}
