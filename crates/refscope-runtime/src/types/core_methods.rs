//! Methods of the interpreter's own types: generators (send/throw/close),
//! descriptors (`__get__`/`__set__` of functions, properties, classmethod,
//! staticmethod), `type` (mro, `__instancecheck__`...), and BaseException
//! (`__init__`, `with_traceback`, the attributes CPython exposes as
//! getset descriptors).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self};
use crate::types::*;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};
use std::cell::RefCell;

fn nargs(vm: &Vm, name: &str, a: &[PyRef], min: usize, max: usize) -> PyResult<()> {
    let n = a.len().saturating_sub(1);
    if n < min || n > max {
        return Err(vm.type_error(if min == max {
            format!("{}() takes exactly {} argument{} ({} given)", name, min, if min == 1 { "" } else { "s" }, n)
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
        }));
    }
    Ok(())
}

// ----- generators -----

fn gen_send(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "send", a, 1, 1)?;
    generator_impl::send(vm, &a[0], a[1].clone())
}

/// `gen.throw(type[, value[, tb]])` or `gen.throw(exc)`.
fn gen_throw(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "throw", a, 1, 3)?;
    let typ = &a[1];
    let exc = if typ.kind() == Kind::Type && exceptions::is_exception_type(vm, typ) {
        match a.get(2) {
            Some(v) if !v.is(&vm.none) && typeobj::isinstance(v, typ) => v.clone(),
            Some(v) if !v.is(&vm.none) => ops::call1(vm, typ, v.clone())?,
            _ => ops::call0(vm, typ)?,
        }
    } else if exceptions::is_exception(vm, typ) {
        if a.get(2).map(|v| !v.is(&vm.none)).unwrap_or(false) {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ.clone()
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(typ)
        )));
    };
    if let Some(tb) = a.get(3) {
        if !tb.is(&vm.none) {
            if let Some(d) = exceptions::get(&exc) {
                let old = d.traceback.replace(Some(tb.clone()));
                drop(old);
            }
        }
    }
    generator_impl::throw(vm, &a[0], PyErr(exc))
}

/// `frame.clear()`: release the locals of a finished frame (a traceback may
/// keep it); a suspended generator's frame closes its generator instead.
fn frame_clear(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "clear", a, 0, 0)?;
    let f = &a[0];
    let running = || vm.runtime_error("cannot clear an executing frame");
    if vm.frames.borrow().iter().any(|x| x.is(f)) {
        return Err(running());
    }
    let fd = frame::get(f).unwrap();
    if code::get(&fd.code).unwrap().code.is_generator() {
        // The frame does not point at its generator: find it among the
        // tracked objects (generators always are).
        let gen = crate::object::gc::objects(None)
            .into_iter()
            .find(|o| o.kind() == Kind::Generator && generator::get(o).unwrap().frame.is(f));
        if let Some(g) = gen {
            let gd = generator::get(&g).unwrap();
            if gd.running.get() {
                return Err(running());
            }
            if let Err(e) = generator_impl::close(vm, &g) {
                let what = ops::repr_string(vm, &g).unwrap_or_default();
                crate::traceback_print::print_unraisable(vm, &e.0, &what);
            }
            return Ok(vm.none());
        }
    }
    fd.clear_locals();
    Ok(vm.none())
}

fn gen_close(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    generator_impl::close(vm, &a[0])?;
    Ok(vm.none())
}

// ----- descriptors -----

/// `func.__get__(obj, type=None)`.
fn function_get(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__get__", a, 1, 2)?;
    if a[1].is(&vm.none) {
        return Ok(a[0].clone());
    }
    Ok(PyRef::new(&vm.types.method, method::MethodData { func: a[0].clone(), self_: a[1].clone() }))
}

fn owner_arg(vm: &Vm, a: &[PyRef]) -> PyRef {
    match a.get(2) {
        Some(t) if !t.is(&vm.none) => t.clone(),
        _ => a[1].ty().clone(),
    }
}

pub(crate) fn classmethod_get(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__get__", a, 1, 2)?;
    let owner = owner_arg(vm, a);
    let inst = if a[1].is(&vm.none) { None } else { Some(&a[1]) };
    ops::descr_get(vm, &a[0], inst, &owner)
}

fn staticmethod_get(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__get__", a, 1, 2)?;
    Ok(a[0].payload_unchecked::<staticmethod::StaticMethodData>().func())
}

fn staticmethod_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let f = a[0].payload_unchecked::<staticmethod::StaticMethodData>().func();
    ops::call(vm, &f, &a[1..], k)
}

fn property_get(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__get__", a, 1, 2)?;
    if a[1].is(&vm.none) {
        return Ok(a[0].clone());
    }
    ops::descr_get(vm, &a[0], Some(&a[1]), a[1].ty())
}

fn property_set(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__set__", a, 2, 2)?;
    ops::descr_set(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(vm.none())
}

fn property_delete(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__delete__", a, 1, 1)?;
    ops::descr_set(vm, &a[0], &a[1], None)?;
    Ok(vm.none())
}

fn property_set_name(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__set_name__", a, 2, 2)?;
    let p = property::get(&a[0]).unwrap();
    let old = p.name.replace(Some(a[2].clone()));
    drop(old);
    Ok(vm.none())
}

/// A copy of the property with one accessor replaced (getter/setter/deleter).
fn property_copy(vm: &Vm, a: &[PyRef], which: usize) -> PyResult {
    nargs(vm, ["getter", "setter", "deleter"][which], a, 1, 1)?;
    let p = property::get(&a[0]).unwrap();
    let get = |c: &RefCell<Option<PyRef>>| c.borrow().clone();
    let mut parts = [get(&p.fget), get(&p.fset), get(&p.fdel)];
    parts[which] = if a[1].is(&vm.none) { None } else { Some(a[1].clone()) };
    let [fget, fset, fdel] = parts;
    // CPython keeps an explicit doc, else takes the new getter's doc.
    let mut doc = get(&p.doc);
    if which == 0 {
        if let Some(g) = &fget {
            if let Ok(d) = ops::get_attr_str(vm, g, "__doc__") {
                if !d.is(&vm.none) {
                    doc = Some(d);
                }
            }
        }
    }
    let ty = a[0].ty().clone();
    Ok(constructors::alloc(
        &ty,
        property::PropertyData { fget: RefCell::new(fget), fset: RefCell::new(fset), fdel: RefCell::new(fdel), doc: RefCell::new(doc), name: RefCell::new(get(&p.name)) },
    ))
}

fn property_getter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    property_copy(vm, a, 0)
}
fn property_setter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    property_copy(vm, a, 1)
}
fn property_deleter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    property_copy(vm, a, 2)
}

// ----- type -----

fn type_mro(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a[0].kind() != Kind::Type {
        return Err(vm.type_error("descriptor 'mro' requires a 'type' object"));
    }
    Ok(vm.list(typeobj::data(&a[0]).mro_vec()))
}

fn type_instancecheck(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__instancecheck__", a, 1, 1)?;
    Ok(vm.bool(typeobj::isinstance(&a[1], &a[0])))
}

fn type_subclasscheck(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "__subclasscheck__", a, 1, 1)?;
    if a[1].kind() != Kind::Type {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    Ok(vm.bool(typeobj::is_subtype(&a[1], &a[0])))
}

fn type_prepare(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.dict())
}

fn type_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.is_empty() || a[0].kind() != Kind::Type {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    }
    crate::types::typeobj_call::call_type_default(vm, &a[0], &a[1..], k)
}

fn type_new_method(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.is_empty() || a[0].kind() != Kind::Type {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    }
    let _args = crate::types::constructors::NewWrapperArgs::new(vm, a, k, true);
    crate::types::typeobj_call::type_new(vm, &a[0], &a[1..], k)
}

fn type_init(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.none())
}

// ----- BaseException -----

fn exc_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, kwvalues) = constructors::split_kw(a, k);
    if let Some(k) = k {
        exceptions::init_keywords(vm, &a[0], tuple::items(k), kwvalues)?;
    }
    if let Some(e) = exceptions::get(&a[0]) {
        crate::observe::touch(a[0].id());
        let old = e.args.replace(vm.tuple(pos[1..].to_vec()));
        drop(old);
    }
    Ok(vm.none())
}

fn exc_with_traceback(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "with_traceback", a, 1, 1)?;
    set_exc_field(vm, &a[0], "__traceback__", Some(a[1].clone()))?;
    Ok(a[0].clone())
}

fn exc_add_note(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    nargs(vm, "add_note", a, 1, 1)?;
    if str::get(&a[1]).is_none() {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(&a[1]))));
    }
    let notes = match ops::get_attr_opt(vm, &a[0], &vm.intern("__notes__"))? {
        Some(n) => n,
        None => {
            let l = vm.list(Vec::new());
            ops::set_attr_str(vm, &a[0], "__notes__", l.clone())?;
            l
        }
    };
    let app = ops::get_attr_str(vm, &notes, "append")?;
    ops::call1(vm, &app, a[1].clone())?;
    Ok(vm.none())
}

fn exc_get_args(vm: &Vm, o: &PyRef) -> PyResult {
    let _ = vm;
    Ok(exceptions::get(o).unwrap().args.borrow().clone())
}
fn exc_get_tb(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(exceptions::get(o).unwrap().traceback.borrow().clone().unwrap_or_else(|| vm.none()))
}
fn exc_get_cause(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(exceptions::get(o).unwrap().cause.borrow().clone().unwrap_or_else(|| vm.none()))
}
fn exc_get_context(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(exceptions::get(o).unwrap().context.borrow().clone().unwrap_or_else(|| vm.none()))
}
fn exc_get_suppress(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.bool(exceptions::get(o).unwrap().suppress_context.get()))
}

fn set_exc_field(vm: &Vm, o: &PyRef, field: &str, v: Option<PyRef>) -> PyResult<()> {
    let Some(e) = exceptions::get(o) else { return Err(vm.type_error("not an exception")) };
    crate::observe::touch(o.id());
    let v = v.filter(|x| !x.is(&vm.none));
    match field {
        "args" => {
            let t = match &v {
                Some(x) => vm.tuple(ops::iterate(vm, x)?),
                None => return Err(vm.type_error("args may not be deleted")),
            };
            let old = e.args.replace(t);
            drop(old);
        }
        "__traceback__" => {
            if let Some(x) = &v {
                if x.kind() != Kind::Traceback {
                    return Err(vm.type_error("__traceback__ must be a traceback or None"));
                }
            }
            let old = e.traceback.replace(v);
            drop(old);
        }
        "__cause__" => {
            if let Some(x) = &v {
                if !exceptions::is_exception(vm, x) {
                    return Err(vm.type_error("exception cause must be None or derive from BaseException"));
                }
            }
            let old = e.cause.replace(v);
            drop(old);
            e.suppress_context.set(true);
        }
        "__context__" => {
            if let Some(x) = &v {
                if !exceptions::is_exception(vm, x) {
                    return Err(vm.type_error("exception context must be None or derive from BaseException"));
                }
            }
            let old = e.context.replace(v);
            drop(old);
        }
        _ => {}
    }
    Ok(())
}

fn exc_set_args(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    set_exc_field(vm, o, "args", v)
}
fn exc_set_tb(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    set_exc_field(vm, o, "__traceback__", v)
}
fn exc_set_cause(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    set_exc_field(vm, o, "__cause__", v)
}
fn exc_set_context(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    set_exc_field(vm, o, "__context__", v)
}
fn exc_set_suppress(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let b = match &v {
        Some(x) => ops::truthy(vm, x)?,
        None => false,
    };
    exceptions::get(o).unwrap().suppress_context.set(b);
    Ok(())
}

/// OSError(errno, strerror[, filename]) picks the subclass for the errno.
fn os_error_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, _) = constructors::split_kw(args, kw);
    let mut cls = cls.clone();
    if cls.is(&vm.exc.os_error) && (2..=5).contains(&pos.len()) {
        if let Some(errno) = int::as_i64(&pos[0]) {
            let name = match errno {
                1 | 13 => "PermissionError",
                2 => "FileNotFoundError",
                3 => "ProcessLookupError",
                4 => "InterruptedError",
                10 => "ChildProcessError",
                11 | 114 | 115 => "BlockingIOError",
                17 => "FileExistsError",
                20 => "NotADirectoryError",
                21 => "IsADirectoryError",
                32 => "BrokenPipeError",
                103 => "ConnectionAbortedError",
                104 => "ConnectionResetError",
                110 => "TimeoutError",
                111 => "ConnectionRefusedError",
                _ => "",
            };
            if let Some((_, t)) = vm.exc.all.iter().find(|(n, _)| *n == name) {
                cls = t.clone();
            }
        }
    }
    let e = PyRef::new(
        &cls,
        exceptions::ExceptionData::new(vm.tuple(if (3..=5).contains(&pos.len()) && !pos[2].is(&vm.none) { pos[..2].to_vec() } else { pos.to_vec() })),
    );
    exceptions::init_special_attrs(vm, &e, pos);
    Ok(e)
}

fn os_error_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = &a[0];
    let get = |n: &str| ops::get_attr_str(vm, o, n).ok().filter(|v| !v.is(&vm.none));
    if let (Some(errno), Some(msg)) = (get("errno"), get("strerror")) {
        let base = format!("[Errno {}] {}", ops::str_string(vm, &errno)?, ops::str_string(vm, &msg)?);
        return Ok(vm.str_owned(match (get("filename"), get("filename2")) {
            (Some(f), Some(g)) => format!("{}: {} -> {}", base, ops::repr_string(vm, &f)?, ops::repr_string(vm, &g)?),
            (Some(f), None) => format!("{}: {}", base, ops::repr_string(vm, &f)?),
            _ => base,
        }));
    }
    crate::types::repr_impl::exception_str_base(vm, o)
}

/// `str(SyntaxError)`: the message (None when unset), with the file's base
/// name and the line when they are a str and an int.
fn syntax_error_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = &a[0];
    let field = |n: &str| exceptions::get_member(o, &vm.intern(n));
    let msg = ops::str_string(vm, &field("msg").unwrap_or_else(|| vm.none()))?;
    let file = field("filename").and_then(|f| str::get(&f).map(|s| s.as_str().rsplit('/').next().unwrap_or("").to_string()));
    let line = field("lineno").filter(|l| l.ty().is(&vm.types.int)).map(|l| ops::str_string(vm, &l)).transpose()?;
    Ok(vm.str_owned(match (file, line) {
        (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, l),
        (Some(f), None) => format!("{} ({})", msg, f),
        (None, Some(l)) => format!("{} (line {})", msg, l),
        (None, None) => msg,
    }))
}

fn key_error_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::types::repr_impl::exception_str_base(vm, &a[0])
}

// ----- bound methods -----

/// Bound methods are equal when they bind the same object (identity, since
/// 3.8) to equal functions.
fn method_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::wrapper_args(vm, "__eq__", a, k, 1)?;
    let (Some(x), Some(y)) = (method::get(&a[0]), method::get(&a[1])) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.bool(x.self_.is(&y.self_) && ops::eq(vm, &x.func, &y.func)?))
}

fn method_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::wrapper_args(vm, "__hash__", a, k, 0)?;
    let m = method::get(&a[0]).unwrap();
    let h = ops::id_hash(&m.self_) ^ ops::hash(vm, &m.func)?;
    Ok(vm.int(if h == -1 { -2 } else { h }))
}

/// Bound builtin methods and method-wrappers are equal when they bind the
/// same object (identity) to the same method (CPython's `meth_richcompare`,
/// `wrapper_richcompare`); module functions bind their module.
fn builtin_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::wrapper_args(vm, "__eq__", a, k, 1)?;
    let (Some(x), Some(y)) = (builtin_function::get(&a[0]), builtin_function::get(&a[1])) else {
        return Ok(vm.not_implemented.clone());
    };
    let (Some(p), Some(q), true) = (&x.self_, &y.self_, a[0].ty().is(a[1].ty())) else {
        return Ok(vm.not_implemented.clone());
    };
    Ok(vm.bool(p.is(q) && std::ptr::fn_addr_eq(x.func, y.func) && x.name == y.name))
}

fn builtin_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::wrapper_args(vm, "__hash__", a, k, 0)?;
    let b = builtin_function::get(&a[0]).unwrap();
    let s = b.self_.as_ref().map_or(0, ops::id_hash);
    let f = (b.func as usize).rotate_right(4) as i64;
    let h = s ^ f;
    Ok(vm.int(if h == -1 { -2 } else { h }))
}

/// `method.__reduce__`: rebuilt as `getattr(obj, name)`.
fn method_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::noargs(vm, "method", "__reduce__", a, k)?;
    let m = method::get(&a[0]).ok_or_else(|| vm.type_error("descriptor '__reduce__' requires a 'method' object"))?;
    let name = ops::get_attr_str(vm, &m.func, "__name__")?;
    let bdict = vm.builtins_dict.borrow().clone().expect("builtins");
    let getattr = crate::types::dict::get_str_key(&bdict, &vm.intern("getattr")).ok_or_else(|| vm.runtime_error("lost builtins.getattr"))?;
    Ok(vm.tuple([getattr, vm.tuple([m.self_.clone(), name])]))
}

/// `method_descriptor.__reduce__`: rebuilt as `getattr(cls, name)`.
fn method_descriptor_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::noargs(vm, "method_descriptor", "__reduce__", a, k)?;
    let b = builtin_function::get(&a[0]).ok_or_else(|| vm.type_error("descriptor '__reduce__' requires a 'method_descriptor' object"))?;
    let owner = b.objclass.clone().ok_or_else(|| vm.type_error(format!("cannot pickle '{}' object", vm.type_name(&a[0]))))?;
    let bdict = vm.builtins_dict.borrow().clone().expect("builtins");
    let getattr = crate::types::dict::get_str_key(&bdict, &vm.intern("getattr")).ok_or_else(|| vm.runtime_error("lost builtins.getattr"))?;
    Ok(vm.tuple([getattr, vm.tuple([owner, vm.str(b.name)])]))
}

// ----- the singletons' types: calling them returns the singleton -----

fn none_new(vm: &Vm, _c: &PyRef, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if !a.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(vm.none())
}
fn ellipsis_new(vm: &Vm, _c: &PyRef, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if !a.is_empty() {
        return Err(vm.type_error("ellipsis takes no arguments"));
    }
    Ok(vm.ellipsis.clone())
}
fn not_implemented_new(vm: &Vm, _c: &PyRef, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if !a.is_empty() {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(vm.not_implemented.clone())
}

// ----- object.__class__ -----

fn object_get_class(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(o.ty().clone())
}

/// `obj.__class__ = C`: allowed between classes with the same layout.
fn object_set_class(vm: &Vm, o: &PyRef, v: Option<PyRef>) -> PyResult<()> {
    let Some(new) = v else { return Err(vm.type_error("can't delete __class__ attribute")) };
    if new.kind() != Kind::Type {
        return Err(vm.type_error(format!("__class__ must be set to a class, not '{}' object", vm.type_name(&new))));
    }
    let (old_t, new_t) = (typeobj::data(o.ty()), typeobj::data(&new));
    if !old_t.flag(typeobj::tflags::HEAPTYPE) || !new_t.flag(typeobj::tflags::HEAPTYPE) || !o.has_ext() {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    let same_layout = old_t.instance_kind == new_t.instance_kind
        && *old_t.slot_names.borrow() == *new_t.slot_names.borrow()
        && old_t.flag(typeobj::tflags::HAS_DICT) == new_t.flag(typeobj::tflags::HAS_DICT);
    if !same_layout {
        return Err(vm.type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            typeobj::type_name(&new),
            typeobj::type_name(o.ty())
        )));
    }
    // Inline values are indexed by the old class's names.
    crate::ops::spill_inline_values(vm, o);
    // The previous class may still be borrowed up the Rust stack (through
    // `ty()`); it is released at exit instead of now.
    if let Some(old) = o.set_type(&new) {
        vm.graveyard.borrow_mut().push(old);
    }
    Ok(())
}

pub fn init(vm: &Vm) {
    {
        let d = crate::types::descriptor::new_getset(vm, &vm.types.object, "__class__", object_get_class, Some(object_set_class));
        typeobj::set_in_dict(vm, &vm.types.object, "__class__", d);
    }
    typeobj::data(&vm.types.none_type).new.set(Some(none_new));
    typeobj::data(&vm.types.ellipsis_type).new.set(Some(ellipsis_new));
    typeobj::data(&vm.types.not_implemented_type).new.set(Some(not_implemented_new));
    let t = &vm.types;
    let m = |ty: &PyRef, name: &'static str, f: NativeFn| typeobj::add_method(vm, ty, name, f);
    m(&t.method, "__eq__", method_eq);
    m(&t.method, "__hash__", method_hash);
    m(&t.method, "__reduce__", method_reduce);
    for ty in [&t.builtin_function, &t.method_wrapper] {
        m(ty, "__eq__", builtin_eq);
        m(ty, "__hash__", builtin_hash);
    }
    m(&t.method_descriptor, "__reduce__", method_descriptor_reduce);
    m(&t.generator, "send", gen_send);
    m(&t.generator, "throw", gen_throw);
    m(&t.generator, "close", gen_close);
    m(&t.frame, "clear", frame_clear);
    m(&t.function, "__get__", function_get);
    m(&t.classmethod, "__get__", classmethod_get);
    m(&t.staticmethod, "__get__", staticmethod_get);
    m(&t.staticmethod, "__call__", staticmethod_call);
    m(&t.property, "__get__", property_get);
    m(&t.property, "__set__", property_set);
    m(&t.property, "__delete__", property_delete);
    m(&t.property, "__set_name__", property_set_name);
    m(&t.property, "getter", property_getter);
    m(&t.property, "setter", property_setter);
    m(&t.property, "deleter", property_deleter);
    m(&t.type_, "mro", type_mro);
    m(&t.type_, "__instancecheck__", type_instancecheck);
    m(&t.type_, "__subclasscheck__", type_subclasscheck);
    m(&t.type_, "__call__", type_call);
    m(&t.type_, "__init__", type_init);
    typeobj::add_staticmethod(vm, &t.type_, "__new__", type_new_method);
    typeobj::add_classmethod(vm, &t.type_, "__prepare__", type_prepare);
    typeobj::set_in_dict(vm, &t.slice, "__hash__", vm.none());
    let be = &vm.exc.base_exception;
    m(be, "__init__", exc_init);
    m(be, "with_traceback", exc_with_traceback);
    m(be, "add_note", exc_add_note);
    let gs = |name: &'static str, g: crate::types::descriptor::Getter, s: crate::types::descriptor::Setter| {
        let d = crate::types::descriptor::new_getset(vm, be, name, g, Some(s));
        typeobj::set_in_dict(vm, be, name, d);
    };
    gs("args", exc_get_args, exc_set_args);
    gs("__traceback__", exc_get_tb, exc_set_tb);
    gs("__cause__", exc_get_cause, exc_set_cause);
    gs("__context__", exc_get_context, exc_set_context);
    gs("__suppress_context__", exc_get_suppress, exc_set_suppress);
    typeobj::data(&vm.exc.os_error).new.set(Some(os_error_new));
    m(&vm.exc.os_error, "__str__", os_error_str);
    m(&vm.exc.key_error, "__str__", key_error_str);
    m(&vm.exc.syntax_error, "__str__", syntax_error_str);
}
