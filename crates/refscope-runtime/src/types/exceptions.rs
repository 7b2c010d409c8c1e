//! `BaseException` and the builtin exception hierarchy.
//!
//! An exception holds its `args`, traceback, cause and context, and a
//! `__dict__` for extra attributes (`name` of NameError, `code` of
//! SystemExit, `value` of StopIteration...).

use crate::object::{Kind, PyRef};
use crate::types::typeobj::{self, tflags};
use crate::vm::{ExcTypes, PyResult, Types, Vm};
use std::cell::{Cell, RefCell};

pub struct ExceptionData {
    pub args: RefCell<PyRef>,
    pub traceback: RefCell<Option<PyRef>>,
    pub cause: RefCell<Option<PyRef>>,
    pub context: RefCell<Option<PyRef>>,
    pub suppress_context: Cell<bool>,
    pub dict: RefCell<Option<PyRef>>,
    /// Fields CPython keeps in its exception structs (AttributeError's
    /// `obj` and `name`, StopIteration's `value`, OSError's `errno`, an
    /// exception group's `message` and `exceptions`, ...), read and
    /// written as attributes before the instance dict (they are member
    /// descriptors there). Only the fields that are set (non-NULL in
    /// CPython), in the order of the type's `members` (the order CPython's
    /// traverse visits them): no object of their own, their values traced
    /// as the exception's.
    pub fields: RefCell<Vec<(&'static str, PyRef)>>,
}

impl ExceptionData {
    pub fn new(args: PyRef) -> ExceptionData {
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            fields: RefCell::new(Vec::new()),
        }
    }
}

pub fn get(obj: &PyRef) -> Option<&ExceptionData> {
    obj.payload::<ExceptionData>()
}

/// Every name `members` can give: most attribute names are none of these,
/// and are told apart without finding the type's members.
const MEMBER_NAMES: &[&str] = &[
    "message", "exceptions", "value", "code", "msg", "name", "path", "obj", "errno", "strerror", "filename", "filename2", "lineno", "offset",
    "end_lineno", "end_offset", "text", "print_file_and_line",
];

/// The struct fields of exceptions of type `ty`, in the order CPython's
/// traverse function visits them. Each reads as None while unset.
pub fn members(vm: &Vm, ty: &PyRef) -> &'static [&'static str] {
    let e = &vm.exc;
    let is = |t: &PyRef| typeobj::is_subtype(ty, t);
    if is(&e.base_exception_group) {
        &["message", "exceptions"]
    } else if is(&e.stop_iteration) {
        &["value"]
    } else if is(&e.system_exit) {
        &["code"]
    } else if is(&e.import_error) {
        &["msg", "name", "path"]
    } else if is(&e.attribute_error) {
        &["obj", "name"]
    } else if is(&e.name_error) {
        &["name"]
    } else if is(&e.os_error) {
        &["errno", "strerror", "filename", "filename2"]
    } else if is(&e.syntax_error) {
        &["msg", "filename", "lineno", "offset", "end_lineno", "end_offset", "text", "print_file_and_line"]
    } else {
        &[]
    }
}

/// Store a value CPython keeps in a field of its exception struct
/// (`ExceptionData::fields`); `None` clears it (CPython's NULL).
pub fn store_member(vm: &Vm, e: &PyRef, name: &str, v: Option<PyRef>) {
    let Some(d) = get(e) else { return };
    let order = members(vm, e.ty());
    let Some(pos) = order.iter().position(|m| *m == name) else { return };
    crate::observe::touch(e.id());
    let mut f = d.fields.borrow_mut();
    let at = f.iter().position(|(n, _)| order.iter().position(|m| m == n).unwrap_or(usize::MAX) >= pos);
    let old = match (at, v) {
        (Some(i), Some(v)) if f[i].0 == name => Some(std::mem::replace(&mut f[i].1, v)),
        (Some(i), None) if f[i].0 == name => Some(f.remove(i).1),
        (Some(i), Some(v)) => {
            f.insert(i, (order[pos], v));
            None
        }
        (None, Some(v)) => {
            f.push((order[pos], v));
            None
        }
        (_, None) => None,
    };
    drop(f);
    drop(old);
}

/// Store a value CPython keeps in a field of its exception struct.
pub fn set_member(vm: &Vm, e: &PyRef, name: &str, v: PyRef) {
    store_member(vm, e, name, Some(v))
}

/// The value of a field of the exception struct that is set.
pub fn get_member(e: &PyRef, name: &PyRef) -> Option<PyRef> {
    let n = crate::types::str::as_str(name);
    get(e)?.fields.borrow().iter().find(|(m, _)| *m == n).map(|(_, v)| v.clone())
}

/// `e.name` when `name` is a field of `e`'s type: its value, None while
/// unset.
pub fn read_member(vm: &Vm, e: &PyRef, name: &PyRef) -> Option<PyRef> {
    let n = crate::types::str::as_str(name);
    if !MEMBER_NAMES.contains(&n) || !members(vm, e.ty()).contains(&n) {
        return None;
    }
    Some(get_member(e, name).unwrap_or_else(|| vm.none()))
}

/// `e.name = v` / `del e.name` when `name` is a field of `e`'s type
/// (None otherwise). An exception group's fields are read-only.
pub fn write_member(vm: &Vm, e: &PyRef, name: &PyRef, v: Option<PyRef>) -> Option<PyResult<()>> {
    let n = crate::types::str::as_str(name);
    if !MEMBER_NAMES.contains(&n) || !members(vm, e.ty()).contains(&n) {
        return None;
    }
    if typeobj::is_subtype(e.ty(), &vm.exc.base_exception_group) {
        return Some(Err(vm.attribute_error("readonly attribute")));
    }
    store_member(vm, e, n, v);
    Some(Ok(()))
}

pub fn new_exception(vm: &Vm, ty: &PyRef, args: Vec<PyRef>) -> PyRef {
    let args = vm.tuple(args);
    let e = PyRef::new(
        ty,
        ExceptionData::new(args.clone()),
    );
    init_special_attrs(vm, &e, crate::types::tuple::items(&args));
    e
}

/// The keyword arguments of `BaseException.__init__` for `e`: none, except
/// `name` and `path` for ImportError (CPython's messages name ImportError
/// whatever the subclass), `name` for NameError and `name` and `obj` for
/// AttributeError.
pub fn init_keywords(vm: &Vm, e: &PyRef, names: &[PyRef], values: &[PyRef]) -> PyResult<()> {
    if names.is_empty() {
        return Ok(());
    }
    let ty = e.ty();
    let (allowed, owner): (&[&str], &str) = if typeobj::is_subtype(ty, &vm.exc.import_error) {
        (&["name", "path"], "ImportError")
    } else if typeobj::is_subtype(ty, &vm.exc.attribute_error) {
        (&["name", "obj"], "AttributeError")
    } else if typeobj::is_subtype(ty, &vm.exc.name_error) {
        (&["name"], "NameError")
    } else {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", vm.type_name(e))));
    };
    if names.len() > allowed.len() {
        let s = if allowed.len() == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{}() takes at most {} keyword argument{} ({} given)", owner, allowed.len(), s, names.len())));
    }
    for n in names {
        let n = crate::types::str::as_str(n);
        if !allowed.contains(&n) {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", n, owner)));
        }
    }
    for (n, v) in names.iter().zip(values) {
        set_member(vm, e, crate::types::str::as_str(n), v.clone());
    }
    Ok(())
}

/// The argument checks of CPython's `__init__` of some exception types:
/// SyntaxError's second argument is (filename, lineno, offset, text[,
/// end_lineno, end_offset]), any iterable, iterated once: its items are
/// returned for `init_fields`.
pub fn check_args(vm: &Vm, ty: &PyRef, args: &[PyRef]) -> PyResult<Option<Vec<PyRef>>> {
    if typeobj::is_subtype(ty, &vm.exc.syntax_error) && args.len() == 2 {
        let info = crate::ops::iterate(vm, &args[1])?;
        if info.len() < 4 {
            return Err(vm.type_error(format!("function takes at least 4 arguments ({} given)", info.len())));
        }
        if info.len() > 6 {
            return Err(vm.type_error(format!("function takes at most 6 arguments ({} given)", info.len())));
        }
        return Ok(Some(info));
    }
    Ok(None)
}

/// Set the fields some exception types derive from their arguments (those
/// CPython's `__init__` sets; the others stay unset and read as None).
pub fn init_special_attrs(vm: &Vm, e: &PyRef, args: &[PyRef]) {
    init_fields(vm, e, args, None)
}

/// `init_special_attrs`, with a SyntaxError's details already taken from
/// its second argument (`check_args`).
pub fn init_fields(vm: &Vm, e: &PyRef, args: &[PyRef], details: Option<Vec<PyRef>>) {
    let ty = e.ty().clone();
    let set = |name: &str, v: PyRef| set_member(vm, e, name, v);
    if typeobj::is_subtype(&ty, &vm.exc.stop_iteration) {
        set("value", args.first().cloned().unwrap_or_else(|| vm.none()));
    } else if typeobj::is_subtype(&ty, &vm.exc.system_exit) {
        match args.len() {
            0 => {}
            1 => set("code", args[0].clone()),
            _ => set("code", vm.tuple(args.to_vec())),
        }
    } else if typeobj::is_subtype(&ty, &vm.exc.import_error) {
        // msg is the argument only when there is exactly one.
        if args.len() == 1 {
            set("msg", args[0].clone());
        }
    } else if typeobj::is_subtype(&ty, &vm.exc.os_error) {
        if (2..=5).contains(&args.len()) {
            set("errno", args[0].clone());
            set("strerror", args[1].clone());
            // filename2 only with a filename.
            if let Some(f) = args.get(2).filter(|v| !v.is(&vm.none)) {
                set("filename", f.clone());
                if let Some(f2) = args.get(4) {
                    set("filename2", f2.clone());
                }
            }
        }
    } else if typeobj::is_subtype(&ty, &vm.exc.syntax_error) {
        if let Some(m) = args.first() {
            set("msg", m.clone());
        }
        // (Two arguments only; made by the runtime, the second is a tuple.)
        let details = details.or_else(|| args.get(1).filter(|_| args.len() == 2).and_then(crate::types::tuple::get).map(|t| t.to_vec()));
        if let Some(detail) = details {
            let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
            for (i, n) in names.iter().enumerate() {
                if let Some(v) = detail.get(i) {
                    set(n, v.clone());
                }
            }
        }
    }
}

pub fn is_exception_type(vm: &Vm, ty: &PyRef) -> bool {
    ty.kind() == Kind::Type && typeobj::is_subtype(ty, &vm.exc.base_exception)
}

pub fn is_exception(vm: &Vm, obj: &PyRef) -> bool {
    typeobj::isinstance(obj, &vm.exc.base_exception)
}

/// The builtin hierarchy: (name, base name).
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseExceptionGroup", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub fn bootstrap_exception_types(types: &Types) -> ExcTypes {
    let fl = tflags::BASETYPE | tflags::HAS_DICT;
    let base = typeobj::new_static_type(types, "BaseException", &types.object, Kind::Exception, fl);
    let mut all: Vec<(&'static str, PyRef)> = vec![("BaseException", base.clone())];
    for (name, parent) in HIERARCHY {
        let p = all.iter().find(|(n, _)| n == parent).map(|(_, t)| t.clone()).expect("parent defined first");
        let t = typeobj::new_static_type(types, name, &p, Kind::Exception, fl);
        all.push((name, t));
    }
    let g = |n: &str| all.iter().find(|(x, _)| *x == n).map(|(_, t)| t.clone()).expect("exception type");
    ExcTypes {
        base_exception: g("BaseException"),
        base_exception_group: g("BaseExceptionGroup"),
        exception_group: std::cell::OnceCell::new(),
        exception: g("Exception"),
        system_exit: g("SystemExit"),
        keyboard_interrupt: g("KeyboardInterrupt"),
        generator_exit: g("GeneratorExit"),
        stop_iteration: g("StopIteration"),
        arithmetic_error: g("ArithmeticError"),
        zero_division_error: g("ZeroDivisionError"),
        overflow_error: g("OverflowError"),
        assertion_error: g("AssertionError"),
        attribute_error: g("AttributeError"),
        eof_error: g("EOFError"),
        import_error: g("ImportError"),
        module_not_found_error: g("ModuleNotFoundError"),
        lookup_error: g("LookupError"),
        index_error: g("IndexError"),
        key_error: g("KeyError"),
        memory_error: g("MemoryError"),
        name_error: g("NameError"),
        unbound_local_error: g("UnboundLocalError"),
        os_error: g("OSError"),
        runtime_error: g("RuntimeError"),
        not_implemented_error: g("NotImplementedError"),
        recursion_error: g("RecursionError"),
        syntax_error: g("SyntaxError"),
        indentation_error: g("IndentationError"),
        system_error: g("SystemError"),
        type_error: g("TypeError"),
        value_error: g("ValueError"),
        unicode_error: g("UnicodeError"),
        unicode_decode_error: g("UnicodeDecodeError"),
        unicode_encode_error: g("UnicodeEncodeError"),
        file_not_found_error: g("FileNotFoundError"),
        reference_error: g("ReferenceError"),
        all,
    }
}

/// `BaseException.__reduce__`: `(type, args)`, plus the instance
/// `__dict__` when it has one (copy and pickle rebuild exceptions so).
pub fn exc_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::noargs(vm, "BaseException", "__reduce__", a, k)?;
    let e = get(&a[0]).ok_or_else(|| vm.type_error("descriptor '__reduce__' requires a 'BaseException' object"))?;
    let args = e.args.borrow().clone();
    let dict = e.dict.borrow().clone();
    Ok(match dict {
        Some(d) => vm.tuple([a[0].ty().clone(), args, d]),
        None => vm.tuple([a[0].ty().clone(), args]),
    })
}

/// `BaseException.__setstate__(state)`: each item of a dict state becomes
/// an attribute; None is accepted and ignored.
pub fn exc_setstate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let state = crate::types::methods::one_arg(vm, "BaseException", "__setstate__", a, k)?;
    if state.is(&vm.none) {
        return Ok(vm.none());
    }
    if state.kind() != Kind::Dict {
        return Err(vm.type_error("state is not a dictionary"));
    }
    for (key, value) in crate::types::dict::get(state).unwrap().items() {
        crate::ops::set_attr(vm, &a[0], &key, Some(value))?;
    }
    Ok(vm.none())
}
