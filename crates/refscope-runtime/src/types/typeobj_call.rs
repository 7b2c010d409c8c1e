//! Calling a type (instance creation: `__new__` then `__init__`), attribute
//! access on type objects, and `__build_class__`.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// `cls(*args, **kw)`.
pub fn call_type(vm: &Vm, cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    // type(x) with one argument.
    if cls.is(&vm.types.type_) && args.len() == 1 && kwnames.is_none() {
        return Ok(args[0].ty().clone());
    }
    // list(), set(), dict(): their `__new__` alone (CPython's vectorcalls
    // make the empty object; `__init__` with no arguments leaves it so);
    // and the iterator types and `super`, whose `__init__` is object's,
    // which accepts what their `__new__` accepted.
    let t = &vm.types;
    if (args.is_empty() && kwnames.is_none() && (cls.is(&t.list) || cls.is(&t.set) || cls.is(&t.dict)))
        || cls.is(&t.enumerate)
        || cls.is(&t.map)
        || cls.is(&t.filter)
        || cls.is(&t.reversed)
        || cls.is(&t.super_)
    {
        if let Some(new) = typeobj::data(cls).new.get() {
            return new(vm, cls, args, kwnames);
        }
    }
    // CPython 3.11 calls a type without vectorcall through a tuple of the
    // positional arguments (and a dict of the keywords): the counts see them.
    // In `cls(*args, **kwargs)` (`star_args_given`) the caller's tuple and
    // dict are those; the caller holds `args` as the array the keywords
    // are unpacked into (`interp::call_ex`).
    let needs_tuple = needs_args_tuple(vm, cls);
    let given = needs_tuple && crate::object::gc::star_args_given(vm.frames.borrow().len());
    let transient = if needs_tuple && !given {
        let nkw = kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
        let t = crate::object::gc::Transient::tuple(args.len() - nkw);
        let d = if nkw > 0 { Some(crate::object::gc::Transient::dict()) } else { None };
        if nkw > 0 && typeobj::data(cls).flag(tflags::HEAPTYPE) {
            // slot_tp_init passes the keywords dict on to `__init__` as a
            // vector call again: a tuple of the keyword names.
            crate::object::gc::Transient::tuple(nkw).free();
        }
        Some((t, d))
    } else {
        None
    };
    let r = if cls.is(&vm.types.str_) && args.len() == 1 && kwnames.is_none() {
        // `str(x)`: str.__new__ with one argument is `PyObject_Str`, and
        // `object.__init__` then does nothing (str's methods cannot change).
        ops::str_(vm, &args[0])
    } else {
        call_type_inner(vm, cls, args, kwnames, given)
    };
    if let Some((t, d)) = transient {
        t.free();
        if let Some(d) = d {
            d.free();
        }
    }
    r
}

/// Types CPython 3.11 calls with `_PyObject_MakeTpCall` (no `tp_vectorcall`):
/// every class defined in Python, `type` with three arguments, and the
/// builtin types below (others, such as list, dict, float, range, have
/// vectorcall).
/// Call type `cls` with arguments borrowed from the caller: a type that
/// CPython 3.11 calls through a tuple of the arguments (and a dict of the
/// keywords) gets them held there, counted, for the call.
pub fn call_type_borrowed(vm: &Vm, cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    if needs_args_tuple(vm, cls) {
        let _held = PyRef::hold_all(args);
        return call_type(vm, cls, args, kwnames);
    }
    call_type(vm, cls, args, kwnames)
}

fn needs_args_tuple(vm: &Vm, cls: &PyRef) -> bool {
    if typeobj::data(cls).flag(tflags::HEAPTYPE) {
        // An exception keeps that tuple as its `args` (refscope's
        // exception_new makes it). Every subclass of BaseException has
        // its instance layout.
        return typeobj::data(cls).instance_kind != Kind::Exception || !typeobj::is_subtype(cls, &vm.exc.base_exception);
    }
    let t = &vm.types;
    [&t.type_, &t.int, &t.str_, &t.bytes, &t.complex, &t.bytearray, &t.property, &t.zip, &t.staticmethod, &t.classmethod, &t.slice].iter().any(|x| x.is(cls))
        || typeobj::data(cls).instance_kind == Kind::MemoryView
}

fn call_type_inner(vm: &Vm, cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>, unpacked: bool) -> PyResult {
    // A metaclass with its own __call__.
    let meta = cls.ty();
    if !meta.is(&vm.types.type_) {
        if let Some(c) = typeobj::lookup_str(vm, meta, "__call__") {
            if c.kind() == Kind::Function {
                // slot_tp_call unpacks the keywords dict into a new array
                // (as `__init__`'s call below).
                let _unpacked = (kwnames.is_some() && !unpacked).then(|| args.to_vec());
                let mut v = vec![cls.clone()];
                v.extend_from_slice(args);
                return crate::interp::call_function(vm, &c, v, kwnames);
            }
        }
    }
    // A __new__ written in Python; builtin ones are the type's NewFn.
    call_type_default_in(vm, cls, args, kwnames, unpacked)
}

/// `type.__call__(cls, ...)`: `__new__` then `__init__`.
pub fn call_type_default(vm: &Vm, cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    call_type_default_in(vm, cls, args, kwnames, false)
}

/// `call_type_default`; `unpacked`: the caller holds `args` as the array
/// the keywords dict was unpacked into (no second one for `__init__`).
fn call_type_default_in(vm: &Vm, cls: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>, unpacked: bool) -> PyResult {
    let ctd = typeobj::data(cls);
    if ctd.flag(tflags::NO_INSTANCES) {
        return Err(vm.type_error(format!("cannot create '{}' instances", typeobj::tp_name(cls))));
    }
    let tag = ctd.version.tag();
    let new = if ctd.builtin_new_tag.get() == tag {
        // Found builtin last time, and the type has not changed since.
        None
    } else {
        let new = typeobj::lookup_str_hinted(vm, cls, "__new__", &ctd.new_hint).map(|n| match n.kind() {
            Kind::StaticMethod => n.payload_unchecked::<staticmethod::StaticMethodData>().func(),
            _ => n,
        });
        if new.as_ref().is_none_or(|f| f.kind() == Kind::BuiltinFunction) && !ctd.flag(tflags::SLOT_NEW) {
            ctd.builtin_new_tag.set(tag);
        }
        new
    };
    let obj = match new {
        // CPython's slot_tp_new: `__new__` called as Python code calls it
        // (a builtin one too, when the class's slot is slot_tp_new).
        Some(f) if f.kind() != Kind::BuiltinFunction || ctd.flag(tflags::SLOT_NEW) => {
            // slot_tp_new unpacks the keywords dict into a new array (as
            // `__init__`'s call below).
            let _unpacked = (kwnames.is_some() && !unpacked).then(|| args.to_vec());
            let mut v = vec![cls.clone()];
            v.extend_from_slice(args);
            ops::call_owned(vm, &f, v, kwnames)?
        }
        _ => {
            let td = typeobj::data(cls);
            let newfn = match td.new.get() {
                Some(f) => f,
                // A builtin type without a constructor of its own (an
                // iterator, a view, a frame: CPython's tp_new is NULL).
                None if td.instance_kind != Kind::Object && !td.flag(tflags::HEAPTYPE) => {
                    return Err(vm.type_error(format!("cannot create '{}' instances", typeobj::tp_name(cls))));
                }
                None => crate::types::object_impl::object_new,
            };
            newfn(vm, cls, args, kwnames)?
        }
    };
    if !typeobj::isinstance(&obj, cls) {
        return Ok(obj);
    }
    // __init__
    if let Some(init) = typeobj::lookup_str_hinted(vm, obj.ty(), "__init__", &typeobj::data(obj.ty()).init_hint) {
        let is_object_init = init.kind() == Kind::BuiltinFunction && builtin_function::get(&init).unwrap().name == "__init__"
            && builtin_function::get(&init).unwrap().objclass.as_ref().map(|c| c.is(&vm.types.object)).unwrap_or(false);
        let is_exception_init = init.kind() == Kind::BuiltinFunction && builtin_function::get(&init).unwrap().name == "__init__"
            && builtin_function::get(&init).unwrap().objclass.as_ref().map(|c| c.is(&vm.exc.base_exception)).unwrap_or(false);
        if is_exception_init && exceptions::get(&obj).is_some() {
            // BaseException.__init__ gets the very tuple __new__ stored as
            // `args` (CPython passes both the same one): nothing changes
            // but the check for keywords.
            if let Some(k) = kwnames {
                let names = tuple::items(k);
                exceptions::init_keywords(vm, &obj, names, &args[args.len() - names.len()..])?;
            }
        } else if !is_object_init {
            let r = match init.kind() {
                Kind::Function if kwnames.is_none() => crate::interp::call_function_with_self(vm, &init, &obj, args)?,
                Kind::Function => {
                    // With keywords, slot_tp_init's call unpacks the
                    // keywords dict into a new argument array, which holds
                    // every argument during the call (_PyStack_UnpackDict).
                    let _unpacked = (!unpacked).then(|| args.to_vec());
                    let mut v = vec![obj.clone()];
                    v.extend_from_slice(args);
                    crate::interp::call_function(vm, &init, v, kwnames)?
                }
                // A builtin `__init__` (list's, dict's...) is called as
                // CPython's tp_init: `self` and the arguments borrowed.
                Kind::BuiltinFunction if builtin_function::get(&init).is_some_and(|d| d.self_.is_none() && d.objclass.is_some()) => {
                    let f = builtin_function::get(&init).unwrap().func;
                    PyRef::with_prefixed(&obj, args, |argv| ops::call_builtin(vm, f, argv, kwnames))?
                }
                _ => {
                    let b = ops::descr_get(vm, &init, Some(&obj), obj.ty())?;
                    ops::call(vm, &b, args, kwnames)?
                }
            };
            if !r.is(&vm.none) {
                return Err(vm.type_error(format!("__init__() should return None, not '{}'", vm.type_name(&r))));
            }
        } else {
            // object.__init__ rejects arguments when __new__ is not overridden.
            let nargs = args.len();
            if nargs > 0 && typeobj::lookup_str(vm, cls, "__new__").map(|n| n.kind() == Kind::BuiltinFunction || n.kind() == Kind::StaticMethod && n.payload_unchecked::<staticmethod::StaticMethodData>().func().kind() == Kind::BuiltinFunction).unwrap_or(true)
                && typeobj::data(cls).new.get().is_none()
            {
                return Err(vm.type_error(format!("{}() takes no arguments", typeobj::type_name(cls))));
            }
        }
    }
    Ok(obj)
}

/// Attribute lookup on a class: the metatype's data descriptors, then the
/// class's own MRO (binding with `__get__(None, cls)`), then the metatype.
pub fn type_getattr(vm: &Vm, cls: &PyRef, name: &PyRef) -> PyResult {
    // Attributes stored in the type object itself (CPython's getset
    // descriptors on `type`) win over the class namespace.
    let n = str::as_str(name);
    if matches!(n, "__dict__" | "__name__" | "__qualname__" | "__mro__" | "__bases__" | "__base__" | "__class__") {
        if let Some(v) = crate::types::type_attrs::special_attr(vm, cls, n)? {
            return Ok(v);
        }
    }
    let meta = cls.ty();
    let meta_attr = typeobj::lookup(meta, name);
    if let Some(m) = &meta_attr {
        if ops::is_data_descriptor(vm, m) {
            return ops::descr_get(vm, m, Some(cls), meta);
        }
    }
    if let Some(a) = typeobj::lookup(cls, name) {
        return match a.kind() {
            Kind::Function | Kind::BuiltinFunction => Ok(a),
            Kind::ClassMethod | Kind::StaticMethod | Kind::Property => ops::descr_get(vm, &a, None, cls),
            _ => {
                if typeobj::data(a.ty()).flag(tflags::HEAPTYPE) {
                    if let Some(g) = typeobj::lookup_str(vm, a.ty(), "__get__") {
                        return ops::call_unbound(vm, &g, &a, &[vm.none(), cls.clone()]);
                    }
                }
                Ok(a)
            }
        };
    }
    if let Some(m) = meta_attr {
        return ops::descr_get(vm, &m, Some(cls), meta);
    }
    if let Some(v) = crate::types::type_attrs::special_attr(vm, cls, str::as_str(name))? {
        return Ok(v);
    }
    Err(ops::attr_error(vm, cls, name))
}

pub fn type_setattr(vm: &Vm, cls: &PyRef, name: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    // A class stores an exact, interned str: a str subclass name is
    // copied (type_setattro).
    let exact;
    let name = if name.ty().is(&vm.types.str_) {
        name
    } else {
        exact = vm.intern(str::as_str(name));
        &exact
    };
    let td = typeobj::data(cls);
    let n = str::as_str(name);
    if !td.flag(tflags::HEAPTYPE) {
        return Err(vm.type_error(format!("cannot set '{}' attribute of immutable type '{}'", n, typeobj::tp_name(cls))));
    }
    if let Some(m) = typeobj::lookup(cls.ty(), name) {
        if ops::is_data_descriptor(vm, &m) {
            return ops::descr_set(vm, &m, cls, value);
        }
    }
    match n {
        "__name__" => {
            if let Some(v) = &value {
                *td.name.borrow_mut() = ops::str_string(vm, v)?;
            }
            return Ok(());
        }
        "__qualname__" => {
            if let Some(v) = &value {
                *td.qualname.borrow_mut() = ops::str_string(vm, v)?;
            }
            return Ok(());
        }
        "__bases__" => return set_bases(vm, cls, value),
        // Kept in the namespace (below); the class's repr shows it when it
        // is a str.
        "__module__" => *td.module.borrow_mut() = value.as_ref().filter(|v| v.kind() == Kind::Str).map(|v| str::as_str(v).to_string()),
        _ => {}
    }
    let dd = dict::get(&td.dict).unwrap();
    match value {
        Some(v) => dd.set(vm, &td.dict, name.clone(), v)?,
        None => {
            if dd.remove(vm, name)?.is_none() {
                return Err(ops::attr_error(vm, cls, name));
            }
        }
    }
    if n == "__new__" {
        // (Subclasses keep the slot they had: refscope does not revisit
        // them, CPython's update_slot does.)
        typeobj::update_new_slot(vm, cls, false);
    }
    refresh_subclass_flags(vm, cls);
    Ok(())
}

/// Recompute the special-method flags after a class attribute changed.
/// (Subclasses that inherit the attribute are not revisited yet: that needs
/// the subclass registry, which holds weak references.)
fn refresh_subclass_flags(vm: &Vm, cls: &PyRef) {
    typeobj::update_flags(vm, cls);
}

/// `__build_class__(func, name, *bases, **kwds)`.
pub fn build_class(vm: &Vm, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    let nkw = kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if pos.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    let name = pos[1].clone();
    let mut bases: Vec<PyRef> = pos[2..].to_vec();
    // __mro_entries__
    let orig_bases = bases.clone();
    let mut changed = false;
    let mut resolved = Vec::new();
    for b in &bases {
        if b.kind() != Kind::Type {
            if let Some(m) = ops::lookup_special(vm, b, "__mro_entries__") {
                let r = ops::call_unbound(vm, &m, b, &[vm.tuple(orig_bases.clone())])?;
                resolved.extend(tuple::items(&r).iter().cloned());
                changed = true;
                continue;
            }
        }
        resolved.push(b.clone());
    }
    if changed {
        bases = resolved;
    }
    // CPython gathers the class keywords (metaclass= too) in a dict.
    let _kw_dict = (nkw > 0).then(|| crate::object::gc::Transient::dict().on_drop());
    let mut meta: Option<PyRef> = None;
    let mut kw_names: Vec<PyRef> = Vec::new();
    let mut kw_values: Vec<PyRef> = Vec::new();
    if let Some(k) = kwnames {
        for (kn, kv) in tuple::items(k).iter().zip(&args[args.len() - nkw..]) {
            if str::as_str(kn) == "metaclass" {
                meta = Some(kv.clone());
            } else {
                kw_names.push(kn.clone());
                kw_values.push(kv.clone());
            }
        }
    }
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => b.ty().clone(),
            None => vm.types.type_.clone(),
        },
    };
    // The most derived metaclass.
    if meta.kind() == Kind::Type {
        for b in &bases {
            let bt = b.ty();
            if typeobj::is_subtype(&meta, bt) {
                continue;
            }
            if typeobj::is_subtype(bt, &meta) {
                meta = bt.clone();
                continue;
            }
            return Err(vm.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let kwn = if kw_names.is_empty() { None } else { Some(vm.tuple(kw_names.clone())) };
    let bases_t = vm.tuple(bases.clone());
    let ns = match ops::get_attr_opt(vm, &meta, &vm.intern("__prepare__"))? {
        Some(p) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kw_values.iter().cloned());
            ops::call_owned(vm, &p, a, kwn.as_ref())?
        }
        None => vm.dict(),
    };
    let fd = function::get(func).unwrap();
    let code_obj = fd.code.borrow().clone();
    let cell = crate::interp::run_class_body(vm, func, &code_obj, ns.clone(), fd.closure.as_ref())?;
    if changed {
        ops::set_item(vm, &ns, vm.intern("__orig_bases__"), vm.tuple(orig_bases))?;
    }
    let mut a = vec![name, bases_t, ns.clone()];
    a.extend(kw_values);
    let cls = ops::call_owned(vm, &meta, a, kwn.as_ref())?;
    if cell.kind() == Kind::Cell {
        cell::get_cell(&cell).set(Some(cls.clone()));
    }
    Ok(cls)
}

/// `type(name, bases, dict)` and `type.__new__(meta, name, bases, dict)`.
pub fn type_new(vm: &Vm, meta: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    let nkw = kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
    let pos = &args[..args.len() - nkw];
    if pos.len() == 1 && meta.is(&vm.types.type_) {
        return Ok(pos[0].ty().clone());
    }
    if pos.len() != 3 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let Some(name) = str::get(&pos[0]) else {
        return Err(vm.type_error(format!("type.__new__() argument 1 must be str, not {}", vm.type_name(&pos[0]))));
    };
    let Some(bases) = tuple::get(&pos[1]) else {
        return Err(vm.type_error(format!("type.__new__() argument 2 must be tuple, not {}", vm.type_name(&pos[1]))));
    };
    if pos[2].kind() != Kind::Dict {
        return Err(vm.type_error(format!("type.__new__() argument 3 must be dict, not {}", vm.type_name(&pos[2]))));
    }
    let ns = &pos[2];
    // Implicit __hash__ = None when __eq__ is defined without __hash__.
    let eqk = vm.intern("__eq__");
    let hk = vm.intern("__hash__");
    let nsd = dict::get(ns).unwrap();
    let needs_hash_none = nsd.get_str(&eqk).is_some() && nsd.get_str(&hk).is_none();
    if !meta.is(&vm.types.type_) {
        // A class whose metaclass is not `type` gets its MRO from a call
        // of its `mro()`, a list CPython then copies to a tuple.
        crate::object::gc::Transient::list().free();
    }
    let cls = typeobj::new_class(vm, meta, name.as_str(), bases, ns)?;
    let td = typeobj::data(&cls);
    if needs_hash_none {
        dict::set_item_str(vm, &td.dict, hk, vm.none());
    }
    // __module__ from the namespace, else the caller's globals.
    let mk = vm.intern("__module__");
    let module = dict::get_str_key(&td.dict, &mk);
    match module {
        Some(m) if m.kind() == Kind::Str => *td.module.borrow_mut() = Some(str::as_str(&m).to_string()),
        _ => {
            let frames = vm.frames.borrow();
            if let Some(f) = frames.last() {
                let g = frame::get(f).unwrap().globals();
                if let Some(n) = dict::get_str_key(g, &vm.intern("__name__")) {
                    if n.kind() == Kind::Str {
                        *td.module.borrow_mut() = Some(str::as_str(&n).to_string());
                        dict::set_item_str(vm, &td.dict, mk, n.clone());
                    }
                }
            }
        }
    }
    typeobj::update_flags(vm, &cls);
    // Every class has a `__doc__` in its namespace (None if not given).
    let dk = vm.intern("__doc__");
    if dict::get_str_key(&td.dict, &dk).is_none() {
        dict::set_item_str(vm, &td.dict, dk, vm.none());
    }
    // __set_name__ and __init_subclass__. CPython iterates over a copy of
    // the class dict (a dict the counts see).
    let names_copy = crate::object::gc::Transient::dict();
    for (k, v) in dict::get(&td.dict).unwrap().items() {
        if let Some(f) = ops::lookup_special(vm, &v, "__set_name__") {
            if let Err(e) = ops::call_unbound(vm, &f, &v, &[cls.clone(), k]) {
                names_copy.free();
                return Err(e);
            }
        }
    }
    names_copy.free();
    let kwn = kwnames.cloned();
    let kwvals: Vec<PyRef> = args[args.len() - nkw..].to_vec();
    let sup = crate::types::super_impl::new_super(vm, &cls, &cls)?;
    let init_sub = ops::get_attr_str(vm, &sup, "__init_subclass__")?;
    ops::call_owned(vm, &init_sub, kwvals, kwn.as_ref())?;
    Ok(cls)
}

/// `C.__bases__ = (...)`: new bases and the MRO they give. (Subclasses of
/// `C` keep the MRO they had: refscope keeps no list of subclasses.)
fn set_bases(vm: &Vm, cls: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let td = typeobj::data(cls);
    let name = typeobj::tp_name(cls);
    let Some(v) = value else {
        return Err(vm.type_error(format!("cannot delete '__bases__' attribute of immutable type '{}'", name)));
    };
    if v.kind() != Kind::Tuple {
        return Err(vm.type_error(format!("can only assign tuple to {}.__bases__, not {}", name, vm.type_name(&v))));
    }
    let bases: Vec<PyRef> = crate::types::tuple::items(&v).to_vec();
    if bases.is_empty() {
        return Err(vm.type_error(format!("can only assign non-empty tuple to {}.__bases__, not ()", name)));
    }
    for b in &bases {
        if b.kind() != Kind::Type {
            return Err(vm.type_error(format!("{}.__bases__ must be tuple of classes, not '{}'", name, vm.type_name(b))));
        }
        if typeobj::is_subtype(b, cls) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle".to_string()));
        }
        // Instances keep their layout: the new base must give the same
        // payload, the same `__slots__` values and the same `__dict__`.
        let old_base = td.base.borrow().clone().unwrap_or_else(|| vm.types.object.clone());
        let (bd, od) = (typeobj::data(b), typeobj::data(&old_base));
        if bd.instance_kind != td.instance_kind || *bd.slot_names.borrow() != *od.slot_names.borrow() || bd.flag(tflags::HAS_DICT) != od.flag(tflags::HAS_DICT) {
            return Err(vm.type_error(format!(
                "__bases__ assignment: '{}' object layout differs from '{}'",
                typeobj::type_name(b),
                typeobj::type_name(&old_base)
            )));
        }
    }
    let mro = typeobj::compute_mro(vm, cls, &bases)?;
    let old_bases = td.bases.replace(v.clone());
    let old_base = td.base.replace(Some(bases[0].clone()));
    let old_mro = td.mro.replace(vm.tuple(mro));
    typeobj::unregister_subclass(cls, &old_bases);
    typeobj::register_subclass(cls, &td.bases.borrow());
    td.version.modified();
    drop((old_bases, old_base, old_mro));
    Ok(())
}
