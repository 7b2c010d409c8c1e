//! Further methods: `types.GenericAlias`, what `list[int]`, `dict[str, int]`
//! ... evaluate to (annotations are evaluated in 3.11, so type hints need
//! it), and the `__class_getitem__` of the builtin containers.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::methods::{noargs, one_arg};
use crate::types::{tuple, typeobj};
use crate::vm::{PyResult, Vm};
use std::cell::OnceCell;

thread_local! {
    static GENERIC_ALIAS: OnceCell<PyRef> = const { OnceCell::new() };
}

pub fn alias_type() -> Option<PyRef> {
    GENERIC_ALIAS.with(|c| c.get().cloned())
}

pub fn is_alias(o: &PyRef) -> bool {
    alias_type().map(|t| o.ty().is(&t)).unwrap_or(false)
}

/// `origin[args]` as a GenericAlias object.
pub fn new_alias(vm: &Vm, origin: &PyRef, args: &PyRef) -> PyResult {
    let ty = alias_type().ok_or_else(|| vm.type_error("GenericAlias is not available"))?;
    let args = if args.ty().is(&vm.types.tuple) { args.clone() } else { vm.tuple([args.clone()]) };
    let obj = PyRef::new_ext(&ty, (), 0);
    let d = ops::instance_dict(vm, &obj, true).ok_or_else(|| vm.type_error("GenericAlias has no __dict__"))?;
    let dd = crate::types::dict::get(&d).unwrap();
    dd.set(vm, &d, vm.intern("__origin__"), origin.clone())?;
    dd.set(vm, &d, vm.intern("__args__"), args)?;
    dd.set(vm, &d, vm.intern("__parameters__"), vm.empty_tuple.clone())?;
    Ok(obj)
}

fn field(vm: &Vm, o: &PyRef, name: &str) -> PyResult {
    let d = ops::instance_dict(vm, o, false).ok_or_else(|| vm.type_error("descriptor requires a 'types.GenericAlias' object"))?;
    crate::types::dict::get(&d)
        .and_then(|dd| dd.get_str(&vm.intern(name)))
        .ok_or_else(|| vm.attribute_error(format!("'types.GenericAlias' object has no attribute '{}'", name)))
}

/// How an argument of an alias is shown: `...`, a type's (qualified) name,
/// a nested alias, or its repr.
fn repr_item(vm: &Vm, x: &PyRef) -> PyResult<String> {
    if x.is(&vm.ellipsis) {
        return Ok("...".into());
    }
    if x.kind() == Kind::Type && !is_alias(x) {
        let td = typeobj::data(x);
        let module = td.module.borrow().clone();
        let qual = td.qualname.borrow().clone();
        return Ok(match module {
            Some(m) if m != "builtins" => format!("{}.{}", m, qual),
            _ => qual,
        });
    }
    ops::repr_string(vm, x)
}

fn ga_repr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "GenericAlias", "__repr__", a, k)?;
    let origin = field(vm, &a[0], "__origin__")?;
    let args = field(vm, &a[0], "__args__")?;
    let mut out = repr_item(vm, &origin)?;
    out.push('[');
    let items = tuple::items(&args);
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&repr_item(vm, x)?);
    }
    out.push(']');
    Ok(vm.str_owned(out))
}

fn ga_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let origin = field(vm, a.first().ok_or_else(|| vm.type_error("__call__ needs an argument"))?, "__origin__")?;
    let r = ops::call(vm, &origin, &a[1..], k)?;
    // Like CPython, remember the alias on the instance when possible.
    if let Some(d) = ops::instance_dict(vm, &r, true) {
        if let Some(dd) = crate::types::dict::get(&d) {
            let _ = dd.set(vm, &d, vm.intern("__orig_class__"), a[0].clone());
        }
    }
    Ok(r)
}

fn ga_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = one_arg(vm, "GenericAlias", "__eq__", a, k)?;
    if !is_alias(other) {
        return Ok(vm.not_implemented.clone());
    }
    let same = ops::eq(vm, &field(vm, &a[0], "__origin__")?, &field(vm, other, "__origin__")?)?
        && ops::eq(vm, &field(vm, &a[0], "__args__")?, &field(vm, other, "__args__")?)?;
    Ok(vm.bool(same))
}

fn ga_ne(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let r = ga_eq(vm, a, k)?;
    if r.is(&vm.not_implemented) {
        return Ok(r);
    }
    Ok(vm.bool(!r.is(&vm.true_)))
}

fn ga_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "GenericAlias", "__hash__", a, k)?;
    let h = ops::hash(vm, &field(vm, &a[0], "__origin__")?)? ^ ops::hash(vm, &field(vm, &a[0], "__args__")?)?;
    Ok(vm.int(if h == -1 { -2 } else { h }))
}

fn ga_instancecheck(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn ga_subclasscheck(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn ga_mro_entries(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    one_arg(vm, "GenericAlias", "__mro_entries__", a, k)?;
    Ok(vm.tuple([field(vm, &a[0], "__origin__")?]))
}

/// `cls[args]` for the builtin containers (a class method).
pub fn class_getitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let cls = a.first().cloned().ok_or_else(|| vm.type_error("__class_getitem__ needs a class"))?;
    let label = if cls.kind() == Kind::Type { typeobj::type_name(&cls) } else { vm.type_name(&cls) };
    let args = one_arg(vm, &label, "__class_getitem__", a, k)?;
    new_alias(vm, &cls, args)
}

pub fn init(vm: &Vm) {
    let ty = typeobj::new_static_type(&vm.types, "GenericAlias", &vm.types.object, Kind::Object, typeobj::tflags::HAS_DICT);
    crate::types::finish_one_type(vm, &ty);
    *typeobj::data(&ty).module.borrow_mut() = Some("types".into());
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, &ty, name, f);
    m("__repr__", ga_repr);
    m("__call__", ga_call);
    m("__eq__", ga_eq);
    m("__ne__", ga_ne);
    m("__hash__", ga_hash);
    m("__instancecheck__", ga_instancecheck);
    m("__subclasscheck__", ga_subclasscheck);
    m("__mro_entries__", ga_mro_entries);
    m("__or__", crate::types::union::alias_or);
    m("__ror__", crate::types::union::alias_ror);
    GENERIC_ALIAS.with(|c| {
        let _ = c.set(ty);
    });
    let t = &vm.types;
    // CPython special-cases `type[...]` in PyObject_GetItem; here `type` gets
    // the class method too.
    for cls in [&t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.enumerate, &t.type_] {
        typeobj::add_classmethod(vm, cls, "__class_getitem__", class_getitem);
    }
}
