//! The object protocols: attribute access, calls, operators, comparison,
//! hashing, truth, repr/str, iteration, subscripting.
//!
//! Each protocol has a fast path for exact builtin types and a generic path
//! that looks the special method up on the type (so user classes, and user
//! subclasses of builtins that override a dunder, behave as in CPython).
//! Builtin types' dunders are method descriptors in their namespaces that
//! call back into the same Rust code (`builtin_binop`, `builtin_compare`...).

use crate::object::{Kind, PyRef};
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{PyErr, PyResult, Vm};
use refscope_compiler::bytecode::{BinOp, CmpOp};
use std::cmp::Ordering;

// ---------------------------------------------------------------- lookup

/// Look a special method up on the type of `obj`.
pub fn lookup_special(vm: &Vm, obj: &PyRef, name: &'static str) -> Option<PyRef> {
    typeobj::lookup_str(vm, obj.ty(), name)
}

/// Call `type(obj).name(obj, *args)`; `None` if the type has no such method.
pub fn call_special(vm: &Vm, obj: &PyRef, name: &'static str, args: &[PyRef]) -> PyResult<Option<PyRef>> {
    match lookup_special(vm, obj, name) {
        Some(f) => {
            if f.is(&vm.none) {
                return Ok(None);
            }
            call_unbound(vm, &f, obj, args).map(Some)
        }
        None => Ok(None),
    }
}

/// Call special method `name` of `obj` through a bound method, as the
/// callers of CPython's `_PyObject_LookupSpecial` do (format(), reversed(),
/// bytes(), complex(), round(), dir(), sys.getsizeof, length hints,
/// math.floor/ceil/trunc): the method object holds `obj` during the call,
/// which `sys.getrefcount` sees. None when the type has no such method; one
/// set to None is called, and raises TypeError, as in CPython.
pub fn call_special_bound(vm: &Vm, obj: &PyRef, name: &'static str, args: &[PyRef]) -> PyResult<Option<PyRef>> {
    match lookup_special(vm, obj, name) {
        Some(f) => {
            let bound = descr_get(vm, &f, Some(obj), obj.ty())?;
            call(vm, &bound, args, None).map(Some)
        }
        None => Ok(None),
    }
}

/// Call a function found on a type as a method of `obj`, without creating a
/// bound method when the function is a plain function or method descriptor.
pub fn call_unbound(vm: &Vm, f: &PyRef, obj: &PyRef, args: &[PyRef]) -> PyResult {
    match f.kind() {
        // `obj` and the arguments go straight into the frame's locals when
        // they bind simply (no vector).
        Kind::Function => crate::interp::call_function_with_self(vm, f, obj, args),
        Kind::BuiltinFunction if builtin_function::is_descriptor_type(vm, f.ty()) => {
            let d = builtin_function::get(f).unwrap();
            // A special method of a builtin type, reached through the type
            // (CPython's slot call): `obj` and the arguments borrowed, and
            // not a recursion level of its own.
            PyRef::with_prefixed(obj, args, |argv| (d.func)(vm, argv, None))
        }
        _ => {
            let bound = descr_get(vm, f, Some(obj), obj.ty())?;
            call(vm, &bound, args, None)
        }
    }
}

// ---------------------------------------------------------------- calls

/// Call `callable(*args)` where the last `len(kwnames)` args are keywords.
pub fn call(vm: &Vm, callable: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    match callable.kind() {
        Kind::Function => crate::interp::call_function(vm, callable, args.to_vec(), kwnames),
        // A type with vectorcall (list, dict, bool, range...) gets the
        // arguments borrowed; the others hold them in a tuple and a dict.
        Kind::Type => crate::types::typeobj_call::call_type_borrowed(vm, callable, args, kwnames),
        _ => call_owned(vm, callable, args.to_vec(), kwnames),
    }
}

/// Call with owned arguments (moved into a Python callee's frame, as CPython
/// 3.11 moves them off the caller's stack).
pub fn call_owned(vm: &Vm, callable: &PyRef, mut args: Vec<PyRef>, kwnames: Option<&PyRef>) -> PyResult {
    match callable.kind() {
        Kind::Function => crate::interp::call_function(vm, callable, args, kwnames),
        Kind::BuiltinFunction => {
            let d = builtin_function::get(callable).unwrap();
            match (&d.self_, d.is_module_function) {
                // `self` is borrowed from the bound method, which the
                // caller holds (CPython's vectorcall passes it apart).
                (Some(s), false) => PyRef::with_prefixed(s, &args, |argv| call_builtin(vm, d.func, argv, kwnames)),
                _ => {
                    if d.objclass.is_some() && d.self_.is_none() {
                        // An unbound method descriptor: args[0] must be an instance.
                        let cls = d.objclass.as_ref().unwrap();
                        let nkw = kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
                        if args.len() <= nkw {
                            return Err(vm.type_error(if builtin_function::is_slot_wrapper(vm, callable) {
                                format!("descriptor '{}' of '{}' object needs an argument", d.name, typeobj::tp_name(cls))
                            } else {
                                format!("unbound method {}.{}() needs an argument", typeobj::type_name(cls), d.name)
                            }));
                        }
                        if !typeobj::isinstance(&args[0], cls) && !cls.is(&vm.types.object) {
                            let (name, got) = (typeobj::tp_name(cls), typeobj::tp_name(args[0].ty()));
                            return Err(vm.type_error(if builtin_function::is_slot_wrapper(vm, callable) {
                                format!("descriptor '{}' requires a '{}' object but received a '{}'", d.name, name, got)
                            } else {
                                format!("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", d.name, name, got)
                            }));
                        }
                    }
                    call_builtin(vm, d.func, &args, kwnames)
                }
            }
        }
        Kind::Method => {
            let m = method::get(callable).unwrap();
            let func = m.func.clone();
            args.insert(0, m.self_.clone());
            call_owned(vm, &func, args, kwnames)
        }
        Kind::Type => crate::types::typeobj_call::call_type(vm, callable, &args, kwnames),
        _ => {
            let Some(f) = lookup_special(vm, callable, "__call__") else {
                return Err(vm.type_error(format!("'{}' object is not callable", vm.type_name(callable))));
            };
            // Instances of classes have no vectorcall in CPython 3.11: the
            // call goes through a tuple of the arguments (and a dict).
            let _args = (typeobj::data(callable.ty()).flag(tflags::HEAPTYPE) && !crate::object::gc::star_args_given(vm.frames.borrow().len())).then(|| {
                let nkw = kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
                // The tuple and the dict hold the arguments; with keywords,
                // the call to `__call__` unpacks them into an array again,
                // holding each once more (_PyStack_UnpackDict).
                let held: Vec<PyRef> = if nkw > 0 { args.iter().chain(args.iter()).cloned().collect() } else { args.clone() };
                let t = (crate::object::gc::Transient::tuple(args.len() - nkw).on_drop(), held);
                let d = (nkw > 0).then(|| crate::object::gc::Transient::dict().on_drop());
                // `__call__` gets the keywords as a vector call again: a
                // tuple of their names.
                let names = (nkw > 0).then(|| crate::object::gc::Transient::tuple(nkw).on_drop());
                (t, d, names)
            });
            args.insert(0, callable.clone());
            match f.kind() {
                Kind::Function => crate::interp::call_function(vm, &f, args, kwnames),
                _ => {
                    let bound = descr_get(vm, &f, Some(callable), callable.ty())?;
                    args.remove(0);
                    call_owned(vm, &bound, args, kwnames)
                }
            }
        }
    }
}

/// Call a Rust function. Like CPython's calls of C functions, this is a
/// level of recursion ("while calling a Python object").
#[inline]
pub fn call_builtin(vm: &Vm, f: crate::vm::NativeFn, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    vm.enter_recursion(" while calling a Python object")?;
    let r = f(vm, args, kwnames);
    vm.leave_recursion();
    r
}

pub fn call0(vm: &Vm, f: &PyRef) -> PyResult {
    call_owned(vm, f, Vec::new(), None)
}
pub fn call1(vm: &Vm, f: &PyRef, a: PyRef) -> PyResult {
    call_owned(vm, f, vec![a], None)
}

pub fn is_callable(vm: &Vm, obj: &PyRef) -> bool {
    matches!(obj.kind(), Kind::Function | Kind::BuiltinFunction | Kind::Method | Kind::Type) || lookup_special(vm, obj, "__call__").is_some()
}

// ---------------------------------------------------------------- descriptors

pub fn is_data_descriptor(vm: &Vm, d: &PyRef) -> bool {
    match d.kind() {
        Kind::Property | Kind::Descriptor => true,
        Kind::Function | Kind::BuiltinFunction | Kind::ClassMethod | Kind::StaticMethod | Kind::Int | Kind::Str => false,
        _ => {
            let td = typeobj::data(d.ty());
            td.flag(tflags::HEAPTYPE) && (typeobj::lookup_str(vm, d.ty(), "__set__").is_some() || typeobj::lookup_str(vm, d.ty(), "__delete__").is_some())
        }
    }
}

/// `descr.__get__(obj, ty)` for what was found on a type.
pub fn descr_get(vm: &Vm, d: &PyRef, obj: Option<&PyRef>, ty: &PyRef) -> PyResult {
    match d.kind() {
        Kind::Function => match obj {
            Some(o) => Ok(PyRef::new(&vm.types.method, method::MethodData { func: d.clone(), self_: o.clone() })),
            None => Ok(d.clone()),
        },
        Kind::BuiltinFunction => {
            let bd = builtin_function::get(d).unwrap();
            match (obj, bd.self_.is_none() && bd.objclass.is_some()) {
                (Some(o), true) => Ok(builtin_function::bind(vm, d, o)),
                _ => Ok(d.clone()),
            }
        }
        Kind::ClassMethod => {
            let f = d.payload_unchecked::<classmethod::ClassMethodData>().func();
            let owner = match obj {
                Some(o) if ty.kind() != Kind::Type || !o.is(ty) => ty.clone(),
                _ => ty.clone(),
            };
            match f.kind() {
                Kind::BuiltinFunction => {
                    let bd = builtin_function::get(&f).unwrap();
                    Ok(PyRef::new(
                        &vm.types.builtin_function,
                        builtin_function::BuiltinFunctionData {
                            name: bd.name,
                            func: bd.func,
                            self_: Some(owner),
                            objclass: None,
                            is_module_function: false,
                        },
                    ))
                }
                _ => Ok(PyRef::new(&vm.types.method, method::MethodData { func: f, self_: owner })),
            }
        }
        Kind::StaticMethod => Ok(d.payload_unchecked::<staticmethod::StaticMethodData>().func()),
        Kind::Property => {
            let Some(o) = obj else { return Ok(d.clone()) };
            let p = property::get(d).unwrap();
            let fget = p.fget.borrow().clone();
            match fget {
                // A Python getter takes `obj` straight into its first local.
                Some(f) if f.kind() == Kind::Function => crate::interp::call_function_iter(vm, &f, 1, std::iter::once(o.clone())),
                Some(f) => call1(vm, &f, o.clone()),
                None => Err(vm.attribute_error(format!(
                    "property {}of '{}' object has no getter",
                    property_name(vm, d),
                    vm.type_name(o)
                ))),
            }
        }
        Kind::Descriptor => {
            let Some(o) = obj else { return Ok(d.clone()) };
            crate::types::descriptor_impl::get(vm, d, o)
        }
        _ => {
            if typeobj::data(d.ty()).flag(tflags::HEAPTYPE) {
                if let Some(g) = typeobj::lookup_str(vm, d.ty(), "__get__") {
                    let o = obj.cloned().unwrap_or_else(|| vm.none());
                    return call_unbound(vm, &g, d, &[o, ty.clone()]);
                }
            }
            Ok(d.clone())
        }
    }
}

pub fn property_name(vm: &Vm, p: &PyRef) -> String {
    let pd = property::get(p).unwrap();
    if let Some(n) = pd.name.borrow().as_ref() {
        if let Some(s) = str::get(n) {
            return format!("'{}' ", s.as_str());
        }
    }
    if let Some(f) = pd.fget.borrow().as_ref() {
        if let Ok(n) = get_attr_str(vm, f, "__name__") {
            if let Some(s) = str::get(&n) {
                return format!("'{}' ", s.as_str());
            }
        }
    }
    String::new()
}

// ---------------------------------------------------------------- attributes

/// The instance `__dict__` of an object, if it has one.
pub fn instance_dict(vm: &Vm, obj: &PyRef, create: bool) -> Option<PyRef> {
    match obj.kind() {
        Kind::Module => return Some(module::get(obj).unwrap().dict.clone()),
        Kind::Type => return Some(typeobj::data(obj).dict.clone()),
        Kind::Function => {
            let f = function::get(obj).unwrap();
            if f.dict.borrow().is_none() && create {
                *f.dict.borrow_mut() = Some(vm.dict());
            }
            return f.dict.borrow().clone();
        }
        Kind::Exception => {
            let e = exceptions::get(obj).unwrap();
            if e.dict.borrow().is_none() && create {
                *e.dict.borrow_mut() = Some(vm.dict());
            }
            return e.dict.borrow().clone();
        }
        Kind::Namespace if create => return crate::types::namespace::dict_of(vm, obj),
        Kind::Namespace => return crate::types::namespace::get(obj).unwrap().dict.borrow().clone(),
        Kind::StaticMethod | Kind::ClassMethod => {
            let d = match obj.kind() {
                Kind::StaticMethod => &obj.payload_unchecked::<crate::types::staticmethod::StaticMethodData>().dict,
                _ => &obj.payload_unchecked::<crate::types::classmethod::ClassMethodData>().dict,
            };
            if d.borrow().is_none() && create {
                *d.borrow_mut() = Some(vm.dict());
            }
            return d.borrow().clone();
        }
        _ => {}
    }
    let ext = obj.ext()?;
    if !typeobj::data(obj.ty()).flag(tflags::HAS_DICT) {
        return None;
    }
    if !ext.dict.is_some() && ext.values_len() != 0 {
        return Some(spill_values(vm, obj, ext));
    }
    if !ext.dict.is_some() {
        if !create {
            return None;
        }
        let dd = crate::types::dict::DictData::new();
        *dd.shared.borrow_mut() = typeobj::data(obj.ty()).shared_keys.borrow().clone();
        let d = PyRef::new_uncounted(&vm.types.dict, dd);
        d.set_flag(crate::object::flags::MANAGED_DICT);
        // CPython 3.11 gives an instance inline attribute values only when
        // `object.__new__` made it; one made by a builtin base's `__new__`
        // (a dict or list subclass) gets a dict object at its first
        // attribute.
        if !made_by_object_new(vm, obj.ty()) {
            crate::object::gc::materialize_dict(&d);
        }
        crate::observe::touch(obj.id());
        ext.dict.set(Some(d));
    }
    ext.dict.get()
}

// Inline attribute values (CPython 3.11's values array). An instance made
// by `object.__new__` of a class with shared keys has room for some values
// in its own block (`PyRef::values`), indexed like the class's shared key
// names. While it has no dict object, its attributes are the first
// `values_len` names with those values, in that order: exactly what its
// managed dict would hold, since that dict's entries would be the same
// names inserted in the same order with nothing deleted. Anything else
// (another order, a deletion, more names than the room, the dict asked
// for) first moves the values into the managed dict (`spill_values`),
// which from then on holds the attributes as before.

/// Move the inline values into a managed dict, built as the stores that
/// put them there would have built it; returns the dict.
fn spill_values(vm: &Vm, obj: &PyRef, ext: &crate::object::InstanceExt) -> PyRef {
    let n = ext.values_len();
    let sk = typeobj::data(obj.ty()).shared_keys.borrow().clone();
    let dd = crate::types::dict::DictData::new();
    *dd.shared.borrow_mut() = sk.clone();
    let d = PyRef::new_uncounted(&vm.types.dict, dd);
    d.set_flag(crate::object::flags::MANAGED_DICT);
    let names: Vec<PyRef> = match &sk {
        Some(sk) => sk.first_names(n),
        None => Vec::new(),
    };
    let dd = dict::get(&d).expect("dict");
    crate::observe::unnoted(|| {
        for (name, slot) in names.into_iter().zip(obj.values()) {
            if let Some(v) = slot.take() {
                // Exact str keys: no Python code runs, nothing can fail.
                let _ = dd.set(vm, &d, name, v);
            }
        }
    });
    ext.set_values_len(0);
    crate::observe::adopt(dd as *const crate::types::dict::DictData as usize, obj.id());
    ext.dict.set(Some(d.clone()));
    d
}

/// Move an instance's inline values, if any, into its managed dict (before
/// its class changes: the values are indexed by the class's names).
pub fn spill_inline_values(vm: &Vm, obj: &PyRef) {
    if let Some(ext) = obj.ext() {
        if ext.values_len() != 0 && !ext.dict.is_some() {
            spill_values(vm, obj, ext);
        }
    }
}

/// An instance's attributes kept inline, as (name, value) in order (empty
/// when it has none or keeps them in a dict): for observers.
pub fn inline_attrs(obj: &PyRef) -> Vec<(PyRef, PyRef)> {
    let Some(ext) = obj.ext() else { return Vec::new() };
    let n = ext.values_len();
    if n == 0 {
        return Vec::new();
    }
    let sk = typeobj::data(obj.ty()).shared_keys.borrow();
    let Some(sk) = sk.as_ref() else { return Vec::new() };
    sk.first_names(n).into_iter().zip(obj.values()).filter_map(|(k, s)| Some((k, s.get()?))).collect()
}

/// The inline value of `name` (with the instruction's index hint).
#[inline]
fn inline_attr(obj: &PyRef, n: usize, name: &PyRef, hint: Option<&std::cell::Cell<u32>>) -> Option<PyRef> {
    let sk = typeobj::data(obj.ty()).shared_keys.borrow();
    let sk = sk.as_ref()?;
    let idx = match hint {
        Some(h) if (h.get() as usize) < n && sk.is_name(h.get() as usize, name) => h.get() as usize,
        _ => {
            let i = sk.index_of(name, n)?;
            if let Some(h) = hint {
                h.set(i as u32);
            }
            i
        }
    };
    obj.values().get(idx)?.get()
}

/// Store `value` as attribute `name` in the inline values when they can
/// take it (see above); gives the value back otherwise.
#[inline]
fn store_inline(obj: &PyRef, ext: &crate::object::InstanceExt, name: &PyRef, value: PyRef, hint: &std::cell::Cell<u32>) -> Result<(), PyRef> {
    let cap = ext.values_capacity();
    if cap == 0 || ext.dict.is_some() {
        return Err(value);
    }
    let n = ext.values_len();
    let idx = {
        let skb = typeobj::data(obj.ty()).shared_keys.borrow();
        let Some(sk) = skb.as_ref() else { return Err(value) };
        let h = hint.get() as usize;
        let known = {
            if sk.is_name(h, name) {
                Some(h)
            } else {
                sk.index_of(name, usize::MAX)
            }
        };
        match known {
            Some(i) if i <= n && i < cap => i,
            // A new name, next in the shared keys (an exact str, as the
            // managed dict's insertion would have admitted it).
            None if n < cap && sk.names.borrow().len() == n && name.kind() == Kind::Str && !name.has_ext() && sk.admit(name) => n,
            _ => return Err(value),
        }
    };
    hint.set(idx as u32);
    crate::observe::touch(obj.id());
    let old = obj.values()[idx].replace(Some(value));
    if idx == n {
        ext.set_values_len(n + 1);
    }
    drop(old);
    Ok(())
}

/// Whether instances of `ty` are created by `object.__new__`: its nearest
/// builtin base is `object`.
fn made_by_object_new(vm: &Vm, ty: &PyRef) -> bool {
    let mut t = ty.clone();
    loop {
        if !typeobj::data(&t).flag(tflags::HEAPTYPE) {
            return t.is(&vm.types.object);
        }
        let base = typeobj::data(&t).base.borrow().clone();
        match base {
            Some(b) => t = b,
            None => return true,
        }
    }
}

pub fn get_attr_str(vm: &Vm, obj: &PyRef, name: &str) -> PyResult {
    let n = vm.intern(name);
    get_attr(vm, obj, &n)
}

pub fn set_attr_str(vm: &Vm, obj: &PyRef, name: &str, value: PyRef) -> PyResult<()> {
    let n = vm.intern(name);
    set_attr(vm, obj, &n, Some(value))
}

/// `getattr(obj, name)`.
pub fn get_attr(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult {
    let ty = obj.ty();
    let td = typeobj::data(ty);
    if td.flags.get() & (tflags::CUSTOM_GETATTRIBUTE | tflags::HAS_GETATTR) != 0 {
        // The hooks are called bound to `obj` (CPython's call_attribute
        // makes a method object, which holds `obj` during the call).
        let call_bound = |f: PyRef| -> PyResult {
            let b = descr_get(vm, &f, Some(obj), ty)?;
            call(vm, &b, std::slice::from_ref(name), None)
        };
        let r = if td.flag(tflags::CUSTOM_GETATTRIBUTE) {
            call_bound(typeobj::lookup_str(vm, ty, "__getattribute__").unwrap())
        } else {
            generic_get_attr(vm, obj, name)
        };
        return match r {
            Err(e) if td.flag(tflags::HAS_GETATTR) && typeobj::isinstance(&e.0, &vm.exc.attribute_error) => {
                // Cleared before the hook runs, as CPython clears it.
                drop(e);
                call_bound(typeobj::lookup_str(vm, ty, "__getattr__").unwrap())
            }
            r => r,
        };
    }
    generic_get_attr(vm, obj, name)
}

thread_local! {
    static QUIET_LOOKUP: std::cell::Cell<Option<(usize, usize)>> = const { std::cell::Cell::new(None) };
}

/// Run a lookup of `obj.name` whose failure, when it is the runtime's own
/// "has no attribute" (not an exception raised by Python code, nor one of
/// another lookup made meanwhile), CPython 3.11 only flags: it makes no
/// exception object (`_PyObject_LookupAttr` of a type without a
/// `__getattr__` hook), so `attr_error` allocates it uncounted.
fn quiet_lookup<R>(obj: &PyRef, name: &PyRef, f: impl FnOnce() -> R) -> R {
    let prev = QUIET_LOOKUP.with(|q| q.replace(Some((obj.id(), name.id()))));
    let r = f();
    QUIET_LOOKUP.with(|q| q.set(prev));
    r
}

/// CPython's `_PyObject_LookupAttr`: a missing attribute is `None`.
pub fn get_attr_opt(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult<Option<PyRef>> {
    // Only a type's own lookup is asked quietly: a `__getattr__` hook
    // first runs CPython's generic lookup, which makes the exception.
    let hooked = typeobj::data(obj.ty()).flags.get() & (tflags::CUSTOM_GETATTRIBUTE | tflags::HAS_GETATTR) != 0;
    let r = if hooked { get_attr(vm, obj, name) } else { quiet_lookup(obj, name, || get_attr(vm, obj, name)) };
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.attribute_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// `object.__getattribute__`.
pub fn generic_get_attr(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult {
    match obj.kind() {
        Kind::Type => return crate::types::typeobj_call::type_getattr(vm, obj, name),
        Kind::Super => return crate::types::super_impl::getattr(vm, obj, name),
        _ => {}
    }
    generic_get_attr_plain(vm, obj, name)
}

/// `object.__getattribute__` proper: data descriptors on the type, then the
/// instance dict, then other attributes of the type.
pub fn generic_get_attr_plain(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult {
    generic_get_attr_hinted(vm, obj, name, None, None)
}

/// The hints an instruction keeps for its attribute name: the entry index
/// in instance dicts and where the type has the name.
pub struct AttrHints<'a> {
    pub dict: &'a std::cell::Cell<u32>,
    pub ty: &'a std::cell::Cell<typeobj::TypeHint>,
}

#[inline]
fn type_lookup(ty: &PyRef, name: &PyRef, hint: Option<&std::cell::Cell<typeobj::TypeHint>>) -> Option<PyRef> {
    match hint {
        Some(h) => typeobj::lookup_hinted(ty, name, h),
        None => typeobj::lookup(ty, name),
    }
}

/// `getattr(obj, name)` from the interpreter, with the code object's
/// entry-index hint for the instance dict (`DictData::get_str_hinted`).
///
/// The commonest case, an instance's own attribute kept in its inline
/// values (CPython's LOAD_ATTR_INSTANCE_VALUE), is decided here by the
/// type's tag alone (`typeobj::absent_with_shared_index`); everything else
/// goes out of line.
#[inline(always)]
pub fn get_attr_hinted(vm: &Vm, obj: &PyRef, name: &PyRef, hints: AttrHints) -> PyResult {
    let td = typeobj::data(obj.ty());
    if td.flags.get() & (tflags::CUSTOM_GETATTRIBUTE | tflags::HAS_GETATTR) == 0 && !matches!(obj.kind(), Kind::Type | Kind::Super) {
        let tag = td.version.tag();
        let slot = if td.flag(tflags::HAS_DICT) { typeobj::absent_with_shared_index(tag, hints.ty).and_then(|i| obj.inline_value(i)) } else { None }
            // Or a `__slots__` member (CPython's LOAD_ATTR_SLOT).
            .or_else(|| typeobj::member_index_at(tag, hints.ty).and_then(|k| obj.slots().get(k)));
        if let Some(v) = slot.and_then(|s| s.get()) {
            return Ok(v);
        }
    }
    get_attr_hinted_slow(vm, obj, name, hints)
}

#[inline(never)]
fn get_attr_hinted_slow(vm: &Vm, obj: &PyRef, name: &PyRef, hints: AttrHints) -> PyResult {
    let td = typeobj::data(obj.ty());
    if td.flags.get() & (tflags::CUSTOM_GETATTRIBUTE | tflags::HAS_GETATTR) != 0 || matches!(obj.kind(), Kind::Type | Kind::Super) {
        return get_attr(vm, obj, name);
    }
    if let Some(v) = inline_hit(obj, td, name, &hints).and_then(|s| s.get()) {
        return Ok(v);
    }
    // A `__slots__` member (CPython's LOAD_ATTR_SLOT): the instruction's
    // type hint finds the member descriptor, and the slot is read directly.
    if let Some(v) = slot_hit(obj, name, &hints).and_then(|s| s.get()) {
        return Ok(v);
    }
    generic_get_attr_hinted(vm, obj, name, Some(hints.dict), Some(hints.ty))
}

/// The `__slots__` member slot of `obj` that `name` names, when the
/// instruction's type hint holds and finds a member descriptor there (no
/// instance dict can come first: a data descriptor wins).
#[inline(always)]
fn slot_hit<'a>(obj: &'a PyRef, name: &PyRef, hints: &AttrHints) -> Option<&'a crate::object::RefSlot> {
    let h = hints.ty.get();
    let tag = typeobj::data(obj.ty()).version.tag();
    if h.tag != tag {
        return None;
    }
    let d = typeobj::value_at_hint(obj.ty(), name, h)?;
    let crate::types::descriptor::DescriptorKind::Member { index } = crate::types::descriptor::get(&d)?.kind else {
        return None;
    };
    // Next time the type hint alone finds the slot.
    typeobj::note_member_index(tag, hints.ty, index);
    obj.slots().get(index)
}

/// The inline value an instruction's hints point at, while they hold: the
/// type, by its tag, has no attribute `name` at all (so no descriptor can
/// come first), and the shared name at the hinted index is `name`.
#[inline(always)]
fn inline_hit<'a>(obj: &'a PyRef, td: &typeobj::TypeData, name: &PyRef, hints: &AttrHints) -> Option<&'a crate::object::RefSlot> {
    // Instances of classes without a `__dict__` (only `__slots__`) and of
    // builtin types leave at the first test.
    if !td.flag(tflags::HAS_DICT) {
        return None;
    }
    // (The type hint alone, once it notes the index, was tried already by
    // `get_attr_hinted`/`set_attr_hinted`.)
    let ext = obj.ext()?;
    let i = hints.dict.get() as usize;
    if i >= ext.values_len() || !typeobj::hint_says_absent(obj.ty(), hints.ty) {
        return None;
    }
    let sk = td.shared_keys.borrow();
    if !sk.as_ref()?.is_name(i, name) {
        return None;
    }
    // Next time the type hint alone finds the value.
    typeobj::note_shared_index(hints.ty, i);
    obj.inline_value(i)
}

/// The value of `name` in the instance dict of `obj`, if it has one.
#[inline]
fn instance_attr(vm: &Vm, obj: &PyRef, name: &PyRef, hint: Option<&std::cell::Cell<u32>>) -> Option<PyRef> {
    if let Some(ext) = obj.ext() {
        let n = ext.values_len();
        if n != 0 {
            return inline_attr(obj, n, name, hint);
        }
        let d = ext.dict.get()?;
        let dd = dict::get(&d)?;
        if !typeobj::data(obj.ty()).flag(tflags::HAS_DICT) {
            return None;
        }
        return match hint {
            Some(h) => dd.get_str_hinted(name, h),
            None => dd.get_str(name),
        };
    }
    let dict = instance_dict(vm, obj, false)?;
    dict::get(&dict)?.get_str(name)
}

fn generic_get_attr_hinted(vm: &Vm, obj: &PyRef, name: &PyRef, hint: Option<&std::cell::Cell<u32>>, thint: Option<&std::cell::Cell<typeobj::TypeHint>>) -> PyResult {
    let ty = obj.ty();
    if obj.kind() == Kind::Exception {
        if let Some(v) = exceptions::read_member(vm, obj, name) {
            return Ok(v);
        }
    }
    let descr = type_lookup(ty, name, thint);
    if let Some(d) = &descr {
        if is_data_descriptor(vm, d) {
            return descr_get(vm, d, Some(obj), ty);
        }
    }
    if let Some(v) = instance_attr(vm, obj, name, hint) {
        return Ok(v);
    }
    if let Some(d) = descr {
        return descr_get(vm, &d, Some(obj), ty);
    }
    if let Some(v) = crate::types::type_attrs::builtin_attr(vm, obj, str::as_str(name))? {
        return Ok(v);
    }
    Err(attr_error(vm, obj, name))
}

pub fn attr_error(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyErr {
    let n = str::as_str(name);
    let msg = if obj.kind() == Kind::Module {
        let mname = module_name(vm, obj);
        format!("module '{}' has no attribute '{}'", mname, n)
    } else if obj.kind() == Kind::Type {
        format!("type object '{}' has no attribute '{}'", typeobj::type_name(obj), n)
    } else {
        format!("'{}' object has no attribute '{}'", vm.type_name(obj), n)
    };
    let quiet = QUIET_LOOKUP.with(|q| q.get()) == Some((obj.id(), name.id()));
    let e = if quiet { crate::object::gc::uncounted(|| vm.attribute_error(msg)) } else { vm.attribute_error(msg) };
    exceptions::set_member(vm, &e.0, "name", name.clone());
    exceptions::set_member(vm, &e.0, "obj", obj.clone());
    e
}

pub fn module_name(vm: &Vm, m: &PyRef) -> String {
    let d = &module::get(m).unwrap().dict;
    match dict::get_str_key(d, &vm.intern("__name__")) {
        Some(n) if n.kind() == Kind::Str => str::as_str(&n).to_string(),
        _ => "?".into(),
    }
}

/// `setattr(obj, name, value)` (value None: `delattr`).
pub fn set_attr(vm: &Vm, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let ty = obj.ty();
    let td = typeobj::data(ty);
    if td.flag(tflags::CUSTOM_SETATTR) {
        let (mname, args) = match &value {
            Some(v) => ("__setattr__", vec![name.clone(), v.clone()]),
            None => ("__delattr__", vec![name.clone()]),
        };
        let f = typeobj::lookup_str(vm, ty, mname).unwrap();
        call_unbound(vm, &f, obj, &args)?;
        return Ok(());
    }
    generic_set_attr(vm, obj, name, value)
}

/// `obj.name = value` from the interpreter, with the code object's
/// entry-index hint for the instance dict.
///
/// The commonest case, replacing an instance's attribute in its inline
/// values (CPython's STORE_ATTR_INSTANCE_VALUE), is decided here by the
/// type's tag alone, as in `get_attr_hinted`.
#[inline(always)]
pub fn set_attr_hinted(vm: &Vm, obj: &PyRef, name: &PyRef, value: PyRef, hints: AttrHints) -> PyResult<()> {
    let td = typeobj::data(obj.ty());
    if !td.flag(tflags::CUSTOM_SETATTR) {
        let tag = td.version.tag();
        let slot = if td.flag(tflags::HAS_DICT) { typeobj::absent_with_shared_index(tag, hints.ty).and_then(|i| obj.inline_value(i)) } else { None }
            // Or a `__slots__` member (CPython's STORE_ATTR_SLOT).
            .or_else(|| typeobj::member_index_at(tag, hints.ty).and_then(|k| obj.slots().get(k)));
        if let Some(slot) = slot {
            crate::observe::touch(obj.id());
            let old = slot.replace(Some(value));
            drop(old);
            return Ok(());
        }
    }
    set_attr_hinted_slow(vm, obj, name, value, hints)
}

#[inline(never)]
fn set_attr_hinted_slow(vm: &Vm, obj: &PyRef, name: &PyRef, value: PyRef, hints: AttrHints) -> PyResult<()> {
    let td = typeobj::data(obj.ty());
    if !td.flag(tflags::CUSTOM_SETATTR) {
        // A `__slots__` member (CPython's STORE_ATTR_SLOT).
        if let Some(slot) = slot_hit(obj, name, &hints) {
            crate::observe::touch(obj.id());
            let old = slot.replace(Some(value));
            drop(old);
            return Ok(());
        }
    }
    if !td.flag(tflags::CUSTOM_SETATTR) && td.flag(tflags::HAS_DICT) {
        if let Some(slot) = inline_hit(obj, td, name, &hints) {
            crate::observe::touch(obj.id());
            let old = slot.replace(Some(value));
            drop(old);
            return Ok(());
        }
        let hint = hints.dict;
        if let Some(ext) = obj.ext() {
            if obj.kind() != Kind::Type && obj.kind() != Kind::Function {
                let no_data_descr = match typeobj::lookup_hinted(obj.ty(), name, hints.ty) {
                    Some(d) => !is_data_descriptor(vm, &d),
                    None => true,
                };
                if no_data_descr {
                    let dict = ext.dict.get();
                    if let Some(dict) = dict {
                        let dd = dict::get(&dict).expect("instance dict");
                        match dd.replace_str_hinted(&dict, name, hint, value) {
                            Ok(()) => return Ok(()),
                            Err(v) => {
                                dd.set(vm, &dict, name.clone(), v)?;
                                if let Some((idx, _)) = dd.get_str_with_index(name) {
                                    hint.set(idx as u32);
                                }
                                return Ok(());
                            }
                        }
                    }
                    let value = match store_inline(obj, ext, name, value, hint) {
                        Ok(()) => return Ok(()),
                        Err(v) => v,
                    };
                    return generic_set_attr(vm, obj, name, Some(value));
                }
            }
        }
    }
    if !td.flag(tflags::CUSTOM_SETATTR) {
        return generic_set_attr_hinted(vm, obj, name, Some(value), Some(hints.ty));
    }
    set_attr(vm, obj, name, Some(value))
}

pub fn generic_set_attr(vm: &Vm, obj: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    generic_set_attr_hinted(vm, obj, name, value, None)
}

/// `generic_set_attr` with an instruction's type hint for the lookup of
/// `name` on the type (refreshed on a miss).
fn generic_set_attr_hinted(vm: &Vm, obj: &PyRef, name: &PyRef, value: Option<PyRef>, thint: Option<&std::cell::Cell<typeobj::TypeHint>>) -> PyResult<()> {
    if obj.kind() == Kind::Type {
        return crate::types::typeobj_call::type_setattr(vm, obj, name, value);
    }
    if obj.kind() == Kind::Function {
        if let Some(r) = crate::types::function_impl::set_special(vm, obj, str::as_str(name), value.clone()) {
            return r;
        }
    }
    if obj.kind() == Kind::Generator {
        if let Some(r) = crate::types::generator_impl::set_special(vm, obj, str::as_str(name), value.clone()) {
            return r;
        }
    }
    let ty = obj.ty();
    if obj.kind() == Kind::Exception {
        if let Some(r) = exceptions::write_member(vm, obj, name, value.clone()) {
            return r;
        }
    }
    if let Some(d) = type_lookup(ty, name, thint) {
        if is_data_descriptor(vm, &d) {
            return descr_set(vm, &d, obj, value);
        }
    }
    let value = match (value, obj.ext()) {
        (Some(v), Some(ext)) => match store_inline(obj, ext, name, v, &std::cell::Cell::new(0)) {
            Ok(()) => return Ok(()),
            Err(v) => Some(v),
        },
        (v, _) => v,
    };
    let Some(dict) = instance_dict(vm, obj, true) else {
        let n = str::as_str(name);
        if typeobj::lookup(ty, name).is_some() {
            return Err(vm.attribute_error(format!("'{}' object attribute '{}' is read-only", vm.type_name(obj), n)));
        }
        return Err(vm.attribute_error(format!("'{}' object has no attribute '{}'", vm.type_name(obj), n)));
    };
    let dd = dict::get(&dict).unwrap();
    match value {
        Some(v) => {
            dd.set(vm, &dict, name.clone(), v)?;
        }
        None => {
            if dd.remove(vm, name)?.is_none() {
                return Err(attr_error(vm, obj, name));
            }
        }
    }
    Ok(())
}

pub fn descr_set(vm: &Vm, d: &PyRef, obj: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    match d.kind() {
        Kind::Property => {
            let p = property::get(d).unwrap();
            let (f, verb) = match &value {
                Some(_) => (p.fset.borrow().clone(), "setter"),
                None => (p.fdel.borrow().clone(), "deleter"),
            };
            match f {
                Some(f) => {
                    let mut args = vec![obj.clone()];
                    if let Some(v) = value {
                        args.push(v);
                    }
                    call_owned(vm, &f, args, None)?;
                    Ok(())
                }
                None => Err(vm.attribute_error(format!(
                    "property {}of '{}' object has no {}",
                    property_name(vm, d),
                    vm.type_name(obj),
                    verb
                ))),
            }
        }
        Kind::Descriptor => crate::types::descriptor_impl::set(vm, d, obj, value),
        _ => {
            let (mname, args) = match &value {
                Some(v) => ("__set__", vec![obj.clone(), v.clone()]),
                None => ("__delete__", vec![obj.clone()]),
            };
            match typeobj::lookup_str(vm, d.ty(), mname) {
                Some(f) => {
                    call_unbound(vm, &f, d, &args)?;
                    Ok(())
                }
                None => Err(vm.attribute_error(format!("__{}__", if value.is_some() { "set" } else { "delete" }))),
            }
        }
    }
}

/// For `LoadMethod`: the unbound function and whether it needs `self`.
pub fn load_method(vm: &Vm, obj: &PyRef, name: &PyRef) -> PyResult<(PyRef, bool)> {
    load_method_hinted(vm, obj, name, None)
}

/// `load_method` with the instruction's type hint for the name.
#[inline(always)]
pub fn load_method_hinted(vm: &Vm, obj: &PyRef, name: &PyRef, thint: Option<&std::cell::Cell<typeobj::TypeHint>>) -> PyResult<(PyRef, bool)> {
    // The commonest case (CPython's LOAD_METHOD_WITH_VALUES): a Python
    // function found on the type through the hint, and an instance whose
    // attributes, all inline, surely do not include the name.
    if let Some(h) = thint {
        let ty = obj.ty();
        let td = typeobj::data(ty);
        if td.flags.get() & tflags::CUSTOM_GETATTRIBUTE == 0 && !matches!(obj.kind(), Kind::Type | Kind::Super) && surely_unshadowed(obj, td, name) {
            if let Some(d) = typeobj::value_if_hinted(ty, name, h) {
                if d.kind() == Kind::Function || (d.kind() == Kind::BuiltinFunction && builtin_function::is_descriptor_type(vm, d.ty())) {
                    return Ok((d, true));
                }
            }
        }
    }
    load_method_hinted_slow(vm, obj, name, thint)
}

/// Whether no attribute `name` of the instance `obj` (of a type whose data
/// is `td`) can shadow a method: it has no instance dict (none of its kind
/// has one, or its trailer holds none), and its inline values are under
/// shared names that surely lack `name`.
#[inline(always)]
fn surely_unshadowed(obj: &PyRef, td: &typeobj::TypeData, name: &PyRef) -> bool {
    let Some(ext) = obj.ext() else {
        // Without a trailer only these kinds have an instance dict
        // (`instance_dict`).
        return !matches!(obj.kind(), Kind::Module | Kind::Type | Kind::Function | Kind::Exception | Kind::StaticMethod | Kind::ClassMethod | Kind::Namespace);
    };
    if ext.dict.is_some() {
        return false;
    }
    ext.values_len() == 0 || td.shared_keys.borrow().as_ref().is_some_and(|sk| sk.surely_lacks(name))
}

#[inline(never)]
fn load_method_hinted_slow(vm: &Vm, obj: &PyRef, name: &PyRef, thint: Option<&std::cell::Cell<typeobj::TypeHint>>) -> PyResult<(PyRef, bool)> {
    let ty = obj.ty();
    let td = typeobj::data(ty);
    if obj.kind() != Kind::Type && obj.kind() != Kind::Super && td.flags.get() & (tflags::CUSTOM_GETATTRIBUTE) == 0 {
        if let Some(d) = type_lookup(ty, name, thint) {
            let is_plain = d.kind() == Kind::Function || (d.kind() == Kind::BuiltinFunction && builtin_function::is_descriptor_type(vm, d.ty()));
            if is_plain {
                // An instance attribute of the same name shadows it.
                let shadowed = instance_attr(vm, obj, name, None).is_some();
                if !shadowed {
                    return Ok((d, true));
                }
            }
        }
    }
    Ok((get_attr(vm, obj, name)?, false))
}

// ---------------------------------------------------------------- truth

pub fn truthy(vm: &Vm, obj: &PyRef) -> PyResult<bool> {
    if obj.is(&vm.true_) {
        return Ok(true);
    }
    if obj.is(&vm.false_) || obj.is(&vm.none) {
        return Ok(false);
    }
    let heap = typeobj::data(obj.ty()).flag(tflags::HEAPTYPE);
    if !heap {
        match obj.kind() {
            Kind::Int => return Ok(!int::get(obj).unwrap().is_zero()),
            Kind::Float => return Ok(float::get(obj).unwrap() != 0.0),
            Kind::Str => return Ok(str::get(obj).unwrap().char_len() != 0),
            Kind::List => return Ok(!list::get(obj).unwrap().is_empty()),
            Kind::Tuple => return Ok(!tuple::items(obj).is_empty()),
            Kind::Dict => return Ok(!dict::get(obj).unwrap().is_empty()),
            Kind::Set => return Ok(!set::get(obj).unwrap().is_empty()),
            Kind::Bytes => return Ok(!bytes::get(obj).unwrap().is_empty()),
            Kind::Complex => {
                let (r, i) = complex::get(obj).unwrap();
                return Ok(r != 0.0 || i != 0.0);
            }
            _ => {}
        }
    }
    if let Some(r) = call_special(vm, obj, "__bool__", &[])? {
        if r.is(&vm.true_) {
            return Ok(true);
        }
        if r.is(&vm.false_) {
            return Ok(false);
        }
        return Err(vm.type_error(format!("__bool__ should return bool, returned {}", vm.type_name(&r))));
    }
    if let Some(r) = call_special(vm, obj, "__len__", &[])? {
        let n = len_result(vm, &r)?;
        return Ok(n != 0);
    }
    Ok(true)
}

fn len_result(vm: &Vm, r: &PyRef) -> PyResult<usize> {
    use num_traits::{Signed, ToPrimitive};
    let Some(d) = int::get(r) else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(r))));
    };
    let b = d.to_bigint();
    if b.is_negative() {
        return Err(vm.value_error("__len__() should return >= 0"));
    }
    b.to_usize().ok_or_else(|| vm.overflow_error("cannot fit 'int' into an index-sized integer"))
}

// ---------------------------------------------------------------- len

pub fn len(vm: &Vm, obj: &PyRef) -> PyResult<usize> {
    if !typeobj::data(obj.ty()).flag(tflags::HEAPTYPE) {
        if let Some(n) = builtin_len(obj) {
            return Ok(n);
        }
    }
    match call_special(vm, obj, "__len__", &[])? {
        Some(r) => len_result(vm, &r),
        None => Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(obj)))),
    }
}

pub fn builtin_len(obj: &PyRef) -> Option<usize> {
    Some(match obj.kind() {
        Kind::Str => str::get(obj)?.char_len(),
        Kind::List => list::get(obj)?.len(),
        Kind::Tuple => tuple::items(obj).len(),
        Kind::Dict => dict::get(obj)?.len(),
        Kind::Set => set::get(obj)?.len(),
        Kind::Bytes => bytes::get(obj)?.len(),
        Kind::ByteArray => bytearray::get(obj)?.b.borrow().len(),
        Kind::Range => {
            let r = range::get(obj)?;
            let (a, b, c) = r.small?;
            range::len_small(a, b, c) as usize
        }
        Kind::DictView => dict::get(&obj.payload::<dict::DictViewData>()?.dict)?.len(),
        _ => return None,
    })
}

// ---------------------------------------------------------------- hash

pub fn hash(vm: &Vm, obj: &PyRef) -> PyResult<i64> {
    match obj.kind() {
        Kind::Str if obj.ty().is(&vm.types.str_) => return Ok(str::get(obj).unwrap().hash(vm)),
        Kind::Int if !typeobj::data(obj.ty()).flag(tflags::HEAPTYPE) => return Ok(int::hash(int::get(obj).unwrap())),
        Kind::Tuple if obj.ty().is(&vm.types.tuple) => {
            if let Some(h) = tuple_hash_fast(vm, obj) {
                return Ok(h);
            }
        }
        _ => {}
    }
    vm.check_native_stack()?;
    let f = lookup_special(vm, obj, "__hash__");
    match f {
        None => Err(unhashable(vm, obj)),
        Some(f) if f.is(&vm.none) => Err(unhashable(vm, obj)),
        Some(f) => {
            let r = call_unbound(vm, &f, obj, &[])?;
            match int::get(&r) {
                Some(d) => Ok(match d {
                    int::IntData::Small(i) => {
                        if *i == -1 {
                            -2
                        } else {
                            *i
                        }
                    }
                    int::IntData::Big(b) => int::hash_big(b),
                }),
                None => Err(vm.type_error("__hash__ method should return an integer")),
            }
        }
    }
}

/// The hash of an exact tuple whose items are all exact strs or ints
/// (hashed without running code, as `tuple.__hash__` would); `None` for
/// any other tuple, which takes the general path.
fn tuple_hash_fast(vm: &Vm, t: &PyRef) -> Option<i64> {
    let items = tuple::items(t);
    for x in items {
        let ok = match x.kind() {
            Kind::Str => x.ty().is(&vm.types.str_),
            Kind::Int => x.ty().is(&vm.types.int),
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    let hashes = items.iter().map(|x| match x.kind() {
        Kind::Str => str::get(x).unwrap().hash(vm),
        _ => int::hash(int::get(x).unwrap()),
    });
    Some(tuple::hash_from(hashes, items.len()))
}

pub fn unhashable(vm: &Vm, obj: &PyRef) -> PyErr {
    vm.type_error(format!("unhashable type: '{}'", vm.type_name(obj)))
}

/// Hash of an object by identity (object.__hash__).
pub fn id_hash(obj: &PyRef) -> i64 {
    let p = obj.id() as u64;
    let h = p.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

// ---------------------------------------------------------------- repr / str

pub fn repr(vm: &Vm, obj: &PyRef) -> PyResult<PyRef> {
    vm.enter_recursion(" while getting the repr of an object")?;
    let r = repr_inner(vm, obj);
    vm.leave_recursion();
    r
}

fn repr_inner(vm: &Vm, obj: &PyRef) -> PyResult<PyRef> {
    let heap = typeobj::data(obj.ty()).flag(tflags::HEAPTYPE);
    // (Struct sequences are the builtin tuple subclasses with a repr of
    // their own.)
    if !heap && (obj.kind() != Kind::Tuple || obj.ty().is(&vm.types.tuple)) {
        if let Some(s) = crate::types::repr_impl::builtin_repr(vm, obj)? {
            return Ok(s);
        }
    }
    match call_special(vm, obj, "__repr__", &[])? {
        Some(r) => {
            if r.kind() != Kind::Str {
                return Err(vm.type_error(format!("__repr__ returned non-string (type {})", vm.type_name(&r))));
            }
            Ok(r)
        }
        None => Ok(vm.str_owned(crate::types::repr_impl::default_repr(vm, obj))),
    }
}

pub fn repr_string(vm: &Vm, obj: &PyRef) -> PyResult<String> {
    let r = repr(vm, obj)?;
    Ok(str::as_str(&r).to_string())
}

pub fn str_(vm: &Vm, obj: &PyRef) -> PyResult<PyRef> {
    if obj.ty().is(&vm.types.str_) {
        return Ok(obj.clone());
    }
    // An exact int's str is its repr (no `__str__` to look up; ints are not
    // subclassable in place, and `int`'s methods cannot be replaced).
    if obj.ty().is(&vm.types.int) {
        if let int::IntData::Small(i) = int::get(obj).unwrap() {
            return Ok(vm.str_fresh(int::small_decimal(*i)));
        }
    }
    let heap = typeobj::data(obj.ty()).flag(tflags::HEAPTYPE);
    if !heap {
        match obj.kind() {
            Kind::Int | Kind::Float | Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::Complex => return repr(vm, obj),
            _ => {}
        }
    }
    match call_special(vm, obj, "__str__", &[])? {
        Some(r) => {
            if r.kind() != Kind::Str {
                return Err(vm.type_error(format!("__str__ returned non-string (type {})", vm.type_name(&r))));
            }
            Ok(r)
        }
        None => repr(vm, obj),
    }
}

pub fn str_string(vm: &Vm, obj: &PyRef) -> PyResult<String> {
    let r = str_(vm, obj)?;
    Ok(str::as_str(&r).to_string())
}

// ---------------------------------------------------------------- comparison

/// `a == b` as a bool, with the identity shortcut containers use.
pub fn eq(vm: &Vm, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    if a.kind() == Kind::Tuple {
        if let Some(r) = tuple_eq_fast(vm, a, b) {
            return Ok(r);
        }
    }
    compare_bool(vm, a, b, CmpOp::Eq)
}

/// `a == b` when it can be known without running code or making objects
/// (identical objects, exact ints, floats or strs, exact tuples of such);
/// `None` otherwise.
#[inline]
pub fn eq_fast(vm: &Vm, a: &PyRef, b: &PyRef) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if a.kind() == Kind::Tuple {
        return tuple_eq_fast(vm, a, b);
    }
    fast_compare(vm, a, b, CmpOp::Eq)
}

/// `a == b` for two exact tuples whose items compare without running code
/// (identical, or exact ints, floats or strs: `fast_compare`), as
/// `tuple.__eq__` finds it: items in order up to the first unequal pair,
/// then the lengths. `None` when some pair needs the general protocol.
fn tuple_eq_fast(vm: &Vm, a: &PyRef, b: &PyRef) -> Option<bool> {
    let t = &vm.types.tuple;
    if !a.ty().is(t) || !b.ty().is(t) {
        return None;
    }
    let (x, y) = (tuple::items(a), tuple::items(b));
    for (p, q) in x.iter().zip(y) {
        if p.is(q) {
            continue;
        }
        match fast_compare(vm, p, q, CmpOp::Eq)? {
            true => continue,
            false => return Some(false),
        }
    }
    Some(x.len() == y.len())
}

pub fn compare_bool(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult<bool> {
    // Fast paths that need no objects.
    if let Some(r) = fast_compare(vm, a, b, op) {
        return Ok(r);
    }
    let r = rich_compare(vm, a, b, op)?;
    if r.is(&vm.true_) {
        return Ok(true);
    }
    if r.is(&vm.false_) {
        return Ok(false);
    }
    truthy(vm, &r)
}

/// `a <op> b` when both are exact ints, floats or strs of one type (such
/// comparisons never raise nor run Python code); `None` otherwise.
#[inline]
pub fn fast_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> Option<bool> {
    // Exact builtin types only (a subclass may override comparisons).
    let (ta, tb) = (a.ty(), b.ty());
    if !ta.is(tb) {
        // An int against a float: compared exactly, as float's comparison
        // does (a NaN is unordered: only `!=` holds).
        let (i, f, flipped) = if ta.is(&vm.types.int) && tb.is(&vm.types.float) {
            (a, b, false)
        } else if ta.is(&vm.types.float) && tb.is(&vm.types.int) {
            (b, a, true)
        } else {
            return None;
        };
        let o = int::cmp_with_float(i.payload_unchecked::<int::IntData>(), f.payload_unchecked::<float::FloatData>().0);
        return Some(match o {
            Some(o) => ord_matches(if flipped { o.reverse() } else { o }, op),
            None => op == CmpOp::Ne,
        });
    }
    let ord = if ta.is(&vm.types.int) {
        match (a.payload_unchecked::<int::IntData>(), b.payload_unchecked::<int::IntData>()) {
            (int::IntData::Small(x), int::IntData::Small(y)) => x.cmp(y),
            (x, y) => int::cmp(x, y),
        }
    } else if ta.is(&vm.types.float) {
        return Some(float_cmp(float::get(a).unwrap(), float::get(b).unwrap(), op));
    } else if ta.is(&vm.types.str_) {
        let (x, y) = (str::get(a).unwrap(), str::get(b).unwrap());
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let e = str::eq(x, y);
            return Some(if op == CmpOp::Eq { e } else { !e });
        }
        x.as_str().cmp(y.as_str())
    } else {
        return None;
    };
    Some(ord_matches(ord, op))
}

#[inline]
fn is_heap(o: &PyRef) -> bool {
    typeobj::data(o.ty()).flag(tflags::HEAPTYPE)
}

/// IEEE comparison of two floats (NaN compares unequal to everything).
pub fn float_cmp(x: f64, y: f64, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

pub fn ord_matches(o: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

/// `a <op> b` with CPython's dispatch: the reflected method of a subclass
/// operand first, then the left operand's, then the right's reflected one;
/// `==`/`!=` fall back to identity; ordering raises TypeError.
pub fn rich_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    if let Some(r) = fast_compare(vm, a, b, op) {
        return Ok(vm.bool(r));
    }
    vm.enter_recursion(" in comparison")?;
    let r = rich_compare_inner(vm, a, b, op);
    vm.leave_recursion();
    r
}

fn rich_compare_inner(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    let ta = a.ty();
    let tb = b.ty();
    let mut checked_reflected = false;
    if !ta.is(tb) && typeobj::is_subtype(tb, ta) {
        if let Some(f) = lookup_special(vm, b, op.swapped().dunder()) {
            checked_reflected = true;
            let r = call_unbound(vm, &f, b, std::slice::from_ref(a))?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    if let Some(f) = lookup_special(vm, a, op.dunder()) {
        let r = call_unbound(vm, &f, a, std::slice::from_ref(b))?;
        if !r.is(&vm.not_implemented) {
            return Ok(r);
        }
    }
    if !checked_reflected {
        if let Some(f) = lookup_special(vm, b, op.swapped().dunder()) {
            let r = call_unbound(vm, &f, b, std::slice::from_ref(a))?;
            if !r.is(&vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(vm.bool(a.is(b))),
        CmpOp::Ne => Ok(vm.bool(!a.is(b))),
        _ => Err(vm.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

// ---------------------------------------------------------------- arithmetic

pub fn binary_op(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult {
    if let Some(r) = numeric_fast(vm, a, b, op)? {
        return Ok(r);
    }
    match binary_op1(vm, a, b, op)? {
        Some(r) => Ok(r),
        None => Err(binop_type_error(vm, a, b, op.symbol())),
    }
}

/// The commonest arithmetic, for the interpreter loop to try before
/// `binary_op`/`inplace_op`: `+`, `-`, `*` and the bitwise operators on two
/// exact machine-sized ints whose result is machine-sized, and `+`, `-`, `*`
/// on two exact floats. What `int.__add__` etc. compute; `None` leaves the
/// case to the general path (which gives the same answer, more slowly).
#[inline(always)]
pub fn arith_fast(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> Option<PyRef> {
    let ta = a.ty();
    if !ta.is(b.ty()) {
        return None;
    }
    if ta.is(&vm.types.int) {
        let (int::IntData::Small(x), int::IntData::Small(y)) = (a.payload_unchecked::<int::IntData>(), b.payload_unchecked::<int::IntData>()) else {
            return None;
        };
        let (x, y) = (*x, *y);
        let r = match op {
            BinOp::Add => x.checked_add(y)?,
            BinOp::Sub => x.checked_sub(y)?,
            BinOp::Mul => x.checked_mul(y)?,
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            // (as `int::binop`'s machine-int path; a zero divisor, a
            // negative shift or an overflow takes the general path, which
            // raises or goes big)
            BinOp::Mod => {
                let r = x.checked_rem(y)?;
                if r != 0 && (r ^ y) < 0 {
                    r + y
                } else {
                    r
                }
            }
            BinOp::FloorDiv => {
                let q = x.checked_div(y)?;
                if (x % y != 0) && ((x ^ y) < 0) {
                    q - 1
                } else {
                    q
                }
            }
            BinOp::RShift if y >= 0 => x >> y.min(63),
            BinOp::LShift if (0..63).contains(&y) => {
                let r = x << y;
                if r >> y != x {
                    return None;
                }
                r
            }
            _ => return None,
        };
        Some(vm.int(r))
    } else if ta.is(&vm.types.float) {
        let (x, y) = (a.payload_unchecked::<float::FloatData>().0, b.payload_unchecked::<float::FloatData>().0);
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            _ => return None,
        };
        Some(vm.float(r))
    } else {
        None
    }
}

/// Arithmetic on exact ints and floats without looking up dunders: what
/// `int.__op__`/`float.__op__` (and `float.__rop__` for an int left
/// operand) compute. A machine-sized int meets a float as CPython's
/// conversion gives it (`i64 as f64` rounds to nearest, ties to even, as
/// `PyLong_AsDouble` does); big ints take the general path. `None`: not
/// handled here.
#[inline]
fn numeric_fast(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult<Option<PyRef>> {
    let (ta, tb) = (a.ty(), b.ty());
    let int = &vm.types.int;
    let float = &vm.types.float;
    if ta.is(int) {
        let x = int::get(a).unwrap();
        if tb.is(int) {
            return int::binop(vm, op, x, int::get(b).unwrap());
        }
        if tb.is(float) {
            if let int::IntData::Small(i) = x {
                return float::binop(vm, op, *i as f64, float::get(b).unwrap());
            }
        }
    } else if ta.is(float) {
        let x = float::get(a).unwrap();
        if tb.is(float) {
            return float::binop(vm, op, x, float::get(b).unwrap());
        }
        if tb.is(int) {
            if let int::IntData::Small(i) = int::get(b).unwrap() {
                return float::binop(vm, op, x, *i as f64);
            }
        }
    }
    Ok(None)
}

/// `a + b` for two exact strs: what `str.__add__` (the general path's
/// end) returns, without looking it up and calling it.
#[inline]
fn str_concat_fast(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> Option<PyRef> {
    if op == BinOp::Add && a.kind() == Kind::Str && b.kind() == Kind::Str && a.ty().is(&vm.types.str_) && b.ty().is(&vm.types.str_) {
        Some(str::concat_objs(vm, a, b))
    } else {
        None
    }
}

fn binop_type_error(vm: &Vm, a: &PyRef, b: &PyRef, full_sym: &str) -> PyErr {
    // `s += x` and `s *= x` on sequences word their errors like `+` and `*`.
    let sym = match full_sym {
        "+=" => "+",
        "*=" => "*",
        s => s,
    };
    if sym == "+" && matches!(a.kind(), Kind::Bytes | Kind::ByteArray) && !is_heap(a) && crate::types::bytes::buffer(b).is_none() {
        return vm.type_error(format!("can't concat {} to {}", vm.type_name(b), vm.type_name(a)));
    }
    if sym == "+" && a.kind() == Kind::Str && !is_heap(a) {
        return vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(b)));
    }
    if sym == "+" && a.kind() == Kind::List && !is_heap(a) {
        return vm.type_error(format!("can only concatenate list (not \"{}\") to list", vm.type_name(b)));
    }
    if sym == "+" && a.kind() == Kind::Tuple && !is_heap(a) {
        return vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_name(b)));
    }
    if sym == "*" && matches!(a.kind(), Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray) {
        return vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(b)));
    }
    if sym == "*" && matches!(b.kind(), Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes | Kind::ByteArray) && !matches!(a.kind(), Kind::Int) {
        return vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(a)));
    }
    vm.type_error(format!("unsupported operand type(s) for {}: '{}' and '{}'", full_sym, vm.type_name(a), vm.type_name(b)))
}

/// Try `a.__op__(b)` and `b.__rop__(a)` in CPython's order. `None` when
/// both are missing or return NotImplemented.
pub fn binary_op1(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult<Option<PyRef>> {
    if let Some(r) = str_concat_fast(vm, a, b, op) {
        return Ok(Some(r));
    }
    // `str % x`: str's own `__mod__` goes first (`x`'s type is no subclass
    // of str to reflect it) and always formats.
    if op == BinOp::Mod && a.ty().is(&vm.types.str_) && (b.ty().is(&vm.types.str_) || !typeobj::is_subtype(b.ty(), &vm.types.str_)) {
        return crate::types::percent::str_percent(vm, a, b).map(Some);
    }
    let (fwd, rev, _) = op.dunders();
    let ta = a.ty();
    let tb = b.ty();
    let fa = lookup_special(vm, a, fwd);
    let fb = if ta.is(tb) { None } else { lookup_special(vm, b, rev) };
    let mut fb = fb;
    if let Some(f) = &fb {
        if typeobj::is_subtype(tb, ta) {
            // A subclass's reflected method goes first when it overrides.
            let ra = lookup_special(vm, a, rev);
            if ra.as_ref().map(|x| !x.is(f)).unwrap_or(true) {
                let r = call_unbound(vm, f, b, std::slice::from_ref(a))?;
                if !r.is(&vm.not_implemented) {
                    return Ok(Some(r));
                }
                fb = None;
            }
        }
    }
    if let Some(f) = fa.filter(|f| !repeat_declines(vm, op, f, a, b)) {
        let r = call_unbound(vm, &f, a, std::slice::from_ref(b))?;
        if !r.is(&vm.not_implemented) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = fb.filter(|f| !repeat_declines(vm, op, f, b, a)) {
        let r = call_unbound(vm, &f, b, std::slice::from_ref(a))?;
        if !r.is(&vm.not_implemented) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// Whether `f`, found for `seq * x`, is a builtin sequence's own repeat
/// method and `x` is no repeat count: the operator then treats it as
/// absent (CPython's `*` reaches sq_repeat only with an index), while a
/// direct call of that method raises.
fn repeat_declines(vm: &Vm, op: BinOp, f: &PyRef, seq: &PyRef, x: &PyRef) -> bool {
    op == BinOp::Mul
        && builtin_function::is_descriptor_type(vm, f.ty())
        && crate::types::number_ops::is_seq(seq.kind())
        && x.kind() != Kind::Int
        && !crate::types::number_ops::is_index_like(vm, x)
}

/// `a op= b`: `__iop__` if the type has it, else the binary operation.
pub fn inplace_op(vm: &Vm, a: &PyRef, b: &PyRef, op: BinOp) -> PyResult {
    // int and float have no in-place methods: `a op= b` is `a op b`.
    if let Some(r) = numeric_fast(vm, a, b, op)? {
        return Ok(r);
    }
    // str has no `__iadd__`: `s += t` is `s + t`.
    if let Some(r) = str_concat_fast(vm, a, b, op) {
        return Ok(r);
    }
    let (_, _, iname) = op.dunders();
    if let Some(f) = lookup_special(vm, a, iname).filter(|f| !repeat_declines(vm, op, f, a, b)) {
        let r = call_unbound(vm, &f, a, std::slice::from_ref(b))?;
        if !r.is(&vm.not_implemented) {
            return Ok(r);
        }
    }
    match binary_op1(vm, a, b, op)? {
        Some(r) => Ok(r),
        None => Err(binop_type_error(vm, a, b, op.inplace_symbol())),
    }
}

pub fn unary_op(vm: &Vm, a: &PyRef, op: refscope_compiler::bytecode::UnaryOp) -> PyResult {
    use refscope_compiler::bytecode::UnaryOp as U;
    if op == U::Not {
        return Ok(vm.bool(!truthy(vm, a)?));
    }
    if !is_heap(a) {
        match (a.kind(), op) {
            (Kind::Int, U::Neg) => return Ok(int::neg(vm, int::get(a).unwrap())),
            (Kind::Int, U::Pos) => return Ok(vm.bigint(int::get(a).unwrap().to_bigint())),
            (Kind::Int, U::Invert) => return Ok(int::invert(vm, int::get(a).unwrap())),
            (Kind::Float, U::Neg) => return Ok(vm.float(-float::get(a).unwrap())),
            (Kind::Float, U::Pos) => return Ok(vm.float(float::get(a).unwrap())),
            _ => {}
        }
    }
    let (name, sym) = match op {
        U::Neg => ("__neg__", "-"),
        U::Pos => ("__pos__", "+"),
        U::Invert => ("__invert__", "~"),
        U::Not => unreachable!(),
    };
    match call_special(vm, a, name, &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for unary {}: '{}'", sym, vm.type_name(a)))),
    }
}

// ---------------------------------------------------------------- items

/// The machine-sized value of an exact int.
#[inline]
fn small_index(vm: &Vm, key: &PyRef) -> Option<i64> {
    if key.ty().is(&vm.types.int) {
        if let int::IntData::Small(i) = int::get(key).unwrap() {
            return Some(*i);
        }
    }
    None
}

/// Two exact ints of machine size (the interpreter loop's comparison and
/// arithmetic fast paths).
#[inline(always)]
pub fn small_int_pair(vm: &Vm, a: &PyRef, b: &PyRef) -> Option<(i64, i64)> {
    let ti = &vm.types.int;
    if a.ty().is(ti) && b.ty().is(ti) {
        if let (int::IntData::Small(x), int::IntData::Small(y)) = (a.payload_unchecked::<int::IntData>(), b.payload_unchecked::<int::IntData>()) {
            return Some((*x, *y));
        }
    }
    None
}

/// `obj[key]` for an exact list or tuple and a machine-sized exact int
/// index in range (CPython's BINARY_SUBSCR_LIST_INT / _TUPLE_INT), in the
/// loop itself; `None`: take `get_item`.
#[inline(always)]
pub fn subscr_fast(vm: &Vm, obj: &PyRef, key: &PyRef) -> Option<PyRef> {
    if !key.ty().is(&vm.types.int) {
        // `d[s]` for an exact dict whose keys are all exact strs and an
        // exact str key (CPython's BINARY_SUBSCR_DICT, on a unicode-keys
        // table): found by value, no code can run. A missing key goes the
        // long way (KeyError).
        if key.ty().is(&vm.types.str_) && obj.ty().is(&vm.types.dict) {
            let d = dict::get(obj)?;
            if d.has_str_keys() {
                return d.get_str(key);
            }
        }
        return None;
    }
    let int::IntData::Small(i) = key.payload_unchecked::<int::IntData>() else {
        return None;
    };
    let i = *i;
    let at = |items: &[PyRef]| {
        let j = if i < 0 { i.wrapping_add(items.len() as i64) } else { i };
        usize::try_from(j).ok().and_then(|j| items.get(j).cloned())
    };
    let ty = obj.ty();
    if ty.is(&vm.types.list) {
        at(&list::get(obj).unwrap().items.borrow())
    } else if ty.is(&vm.types.tuple) {
        at(tuple::items(obj))
    } else {
        None
    }
}

/// `obj[key] = v` for an exact list and a machine-sized exact int index in
/// range (CPython's STORE_SUBSCR_LIST_INT), in the loop itself; gives `v`
/// back when it does not apply (then `set_item` does the work).
#[inline(always)]
pub fn store_subscr_fast(vm: &Vm, obj: &PyRef, key: &PyRef, v: PyRef) -> Option<PyRef> {
    if !obj.ty().is(&vm.types.list) || !key.ty().is(&vm.types.int) {
        return Some(v);
    }
    let int::IntData::Small(i) = key.payload_unchecked::<int::IntData>() else {
        return Some(v);
    };
    let l = list::get(obj).unwrap();
    let n = l.len() as i64;
    let j = if *i < 0 { i.wrapping_add(n) } else { *i };
    if !(0..n).contains(&j) {
        return Some(v);
    }
    // The old item is released after the list is consistent again (its
    // __del__ may look at the list).
    let old = std::mem::replace(&mut l.items_mut()[j as usize], v);
    crate::observe::list_splice(l, j as usize, 1, 1);
    drop(old);
    None
}

pub fn get_item(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult {
    // `list[i]` and `tuple[i]` with an exact int in range: the common case.
    let ty = obj.ty();
    if ty.is(&vm.types.list) || ty.is(&vm.types.tuple) {
        if let Some(i) = small_index(vm, key) {
            let at = |items: &[PyRef]| {
                let j = if i < 0 { i + items.len() as i64 } else { i };
                usize::try_from(j).ok().and_then(|j| items.get(j).cloned())
            };
            let found = if ty.is(&vm.types.list) { at(&list::get(obj).unwrap().items.borrow()) } else { at(tuple::items(obj)) };
            if let Some(v) = found {
                return Ok(v);
            }
        }
    }
    if !is_heap(obj) {
        if let Some(r) = crate::types::seq_impl::builtin_getitem(vm, obj, key)? {
            return Ok(r);
        }
    }
    if let Some(f) = lookup_special(vm, obj, "__getitem__") {
        return call_unbound(vm, &f, obj, std::slice::from_ref(key));
    }
    if obj.kind() == Kind::Type {
        if let Some(f) = typeobj::lookup_str(vm, obj, "__class_getitem__") {
            let bound = descr_get(vm, &f, None, obj)?;
            return call1(vm, &bound, key.clone());
        }
        return Err(vm.type_error(format!("type '{}' is not subscriptable", typeobj::type_name(obj))));
    }
    Err(vm.type_error(format!("'{}' object is not subscriptable", vm.type_name(obj))))
}

pub fn set_item(vm: &Vm, obj: &PyRef, key: PyRef, value: PyRef) -> PyResult<()> {
    // An exact dict with an exact str or int key (CPython's
    // STORE_SUBSCR_DICT): the dict's own insertion, which holds a reference
    // of its own to the key while it looks (as insertdict does).
    if obj.ty().is(&vm.types.dict) && (key.ty().is(&vm.types.str_) || key.ty().is(&vm.types.int)) {
        return dict::get(obj).unwrap().set(vm, obj, key.clone(), value);
    }
    // `list[i] = v` with an exact int in range.
    if obj.ty().is(&vm.types.list) {
        if let Some(i) = small_index(vm, &key) {
            let l = list::get(obj).unwrap();
            let n = l.len() as i64;
            let j = if i < 0 { i + n } else { i };
            if (0..n).contains(&j) {
                // The old item is released after the list is consistent
                // again (its __del__ may look at the list).
                let old = std::mem::replace(&mut l.items_mut()[j as usize], value);
                crate::observe::list_splice(l, j as usize, 1, 1);
                drop(old);
                drop(key);
                return Ok(());
            }
        }
    }
    if !is_heap(obj) {
        if let Some(()) = crate::types::seq_impl::builtin_setitem(vm, obj, &key, Some(value.clone()))? {
            return Ok(());
        }
    }
    match lookup_special(vm, obj, "__setitem__") {
        Some(f) => {
            call_unbound(vm, &f, obj, &[key, value])?;
            Ok(())
        }
        None => Err(vm.type_error(format!("'{}' object does not support item assignment", vm.type_name(obj)))),
    }
}

pub fn del_item(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult<()> {
    if !is_heap(obj) {
        if let Some(()) = crate::types::seq_impl::builtin_setitem(vm, obj, key, None)? {
            return Ok(());
        }
    }
    match lookup_special(vm, obj, "__delitem__") {
        Some(f) => {
            call_unbound(vm, &f, obj, std::slice::from_ref(key))?;
            Ok(())
        }
        None => Err(vm.type_error(no_item_deletion(vm, obj, key))),
    }
}

/// CPython 3.11's message for `del obj[key]` without `__delitem__`: an
/// index on a type with sequence methods (every class, the builtin
/// containers) goes through the sequence protocol, which words it
/// differently.
pub fn no_item_deletion(vm: &Vm, obj: &PyRef, key: &PyRef) -> String {
    let index = key.kind() == Kind::Int;
    let sequence_methods = is_heap(obj)
        || matches!(
            obj.kind(),
            Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::List | Kind::Tuple | Kind::Dict | Kind::Set | Kind::Range | Kind::DictView | Kind::MappingProxy
        );
    if index && sequence_methods {
        format!("'{}' object doesn't support item deletion", vm.type_name(obj))
    } else {
        format!("'{}' object does not support item deletion", vm.type_name(obj))
    }
}

pub fn contains(vm: &Vm, container: &PyRef, item: &PyRef) -> PyResult<bool> {
    if !is_heap(container) {
        if let Some(r) = crate::types::seq_impl::builtin_contains(vm, container, item)? {
            return Ok(r);
        }
    }
    if let Some(r) = call_special(vm, container, "__contains__", &[item.clone()])? {
        return truthy(vm, &r);
    }
    // Fall back to iteration.
    let it = match get_iter(vm, container) {
        Ok(it) => it,
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {
            return Err(vm.type_error(format!("argument of type '{}' is not iterable", vm.type_name(container))));
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(vm, &it)? {
        if eq(vm, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------- iteration

pub fn get_iter(vm: &Vm, obj: &PyRef) -> PyResult {
    if !is_heap(obj) {
        if let Some(it) = crate::types::iter_impl::builtin_iter(vm, obj)? {
            return Ok(it);
        }
    }
    if let Some(f) = lookup_special(vm, obj, "__iter__") {
        if f.is(&vm.none) {
            return Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(obj))));
        }
        let it = call_unbound(vm, &f, obj, &[])?;
        if lookup_special(vm, &it, "__next__").is_none() && !matches!(it.kind(), Kind::Iterator | Kind::Generator) {
            return Err(vm.type_error(format!("iter() returned non-iterator of type '{}'", vm.type_name(&it))));
        }
        return Ok(it);
    }
    if lookup_special(vm, obj, "__getitem__").is_some() {
        return Ok(iterators::new(vm, &vm.types.seq_iterator, iterators::IterState::Seq { seq: Some(obj.clone()), index: 0 }));
    }
    Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(obj))))
}

/// The next item, or `None` when the iterator is exhausted.
pub fn next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    match it.kind() {
        Kind::Iterator if !is_heap(it) => crate::types::iter_impl::iter_next(vm, it),
        Kind::Generator => crate::types::generator_impl::next(vm, it),
        _ => match lookup_special(vm, it, "__next__") {
            Some(f) => match call_unbound(vm, &f, it, &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if typeobj::isinstance(&e.0, &vm.exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it)))),
        },
    }
}

/// All items of an iterable.
pub fn iterate(vm: &Vm, obj: &PyRef) -> PyResult<Vec<PyRef>> {
    match obj.kind() {
        Kind::List if !is_heap(obj) => return Ok(list::get(obj).unwrap().snapshot()),
        Kind::Tuple if !is_heap(obj) => return Ok(tuple::items(obj).to_vec()),
        _ => {}
    }
    let it = get_iter(vm, obj)?;
    let mut v = Vec::new();
    while let Some(x) = next(vm, &it)? {
        v.push(x);
    }
    Ok(v)
}

// ---------------------------------------------------------------- isinstance

pub fn isinstance(vm: &Vm, obj: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if obj.ty().is(cls) {
        return Ok(true);
    }
    if let Some(u) = crate::types::union::get(cls) {
        // `int | str`: its members in order, as a tuple of classes.
        return isinstance(vm, obj, &u.args.clone());
    }
    if cls.kind() == Kind::Tuple {
        for c in tuple::items(cls) {
            if isinstance(vm, obj, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    // A class whose metaclass is not exactly `type` answers through its
    // metaclass's `__instancecheck__` (CPython: PyType_CheckExact first).
    if !cls.ty().is(&vm.types.type_) {
        if let Some(f) = overriding_check(vm, cls, "__instancecheck__") {
            let r = call_unbound(vm, &f, cls, std::slice::from_ref(obj))?;
            return truthy(vm, &r);
        }
        if cls.kind() != Kind::Type {
            return Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
        }
    }
    if typeobj::isinstance(obj, cls) {
        return Ok(true);
    }
    // obj.__class__ may differ from type(obj).
    if let Ok(c) = get_attr_str(vm, obj, "__class__") {
        if c.kind() == Kind::Type && !c.is(obj.ty()) {
            return Ok(typeobj::is_subtype(&c, cls));
        }
    }
    Ok(false)
}

pub fn issubclass(vm: &Vm, sub: &PyRef, cls: &PyRef) -> PyResult<bool> {
    if let Some(u) = crate::types::union::get(cls) {
        return issubclass(vm, sub, &u.args.clone());
    }
    if cls.kind() == Kind::Tuple {
        for c in tuple::items(cls) {
            if issubclass(vm, sub, c)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if sub.kind() != Kind::Type {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    if !cls.ty().is(&vm.types.type_) {
        if let Some(f) = overriding_check(vm, cls, "__subclasscheck__") {
            let r = call_unbound(vm, &f, cls, std::slice::from_ref(sub))?;
            return truthy(vm, &r);
        }
        if cls.kind() != Kind::Type {
            return Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"));
        }
    }
    Ok(typeobj::is_subtype(sub, cls))
}

/// `type(cls).name` for `isinstance`/`issubclass`, unless it is `type`'s
/// own (whose answer the callers compute directly).
fn overriding_check(vm: &Vm, cls: &PyRef, name: &'static str) -> Option<PyRef> {
    let f = lookup_special(vm, cls, name)?;
    let own = typeobj::lookup_str(vm, &vm.types.type_, name);
    (!own.is_some_and(|o| o.is(&f))).then_some(f)
}

/// Python's `index` protocol as i64 (IndexError-style callers map overflow).
pub fn index_i64(vm: &Vm, obj: &PyRef) -> PyResult<i64> {
    int::index_i64(vm, obj)
}
