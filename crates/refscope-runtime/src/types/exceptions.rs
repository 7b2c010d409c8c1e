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
    /// `name` and `obj`, StopIteration's `value`, OSError's `errno`, ...),
    /// read and written as attributes before the instance dict (they are
    /// member descriptors there). A `MANAGED_DICT` dict: no object to the
    /// collector or the counts, its values traced as the exception's.
    pub fields: RefCell<Option<PyRef>>,
}

pub fn get(obj: &PyRef) -> Option<&ExceptionData> {
    obj.payload::<ExceptionData>()
}

/// Store a value CPython keeps in a field of its exception struct
/// (`ExceptionData::fields`).
pub fn set_member(vm: &Vm, e: &PyRef, name: &str, v: PyRef) {
    let Some(d) = get(e) else { return };
    let dict = d
        .fields
        .borrow_mut()
        .get_or_insert_with(|| {
            let nd = PyRef::new_uncounted(&vm.types.dict, crate::types::dict::DictData::new());
            nd.set_flag(crate::object::flags::MANAGED_DICT);
            nd
        })
        .clone();
    crate::types::dict::set_item_str(vm, &dict, vm.intern(name), v);
}

/// The value of a field of the exception struct (`ExceptionData::fields`).
pub fn get_member(e: &PyRef, name: &PyRef) -> Option<PyRef> {
    let f = get(e)?.fields.borrow().clone()?;
    crate::types::dict::get(&f)?.get_str(name)
}

pub fn new_exception(vm: &Vm, ty: &PyRef, args: Vec<PyRef>) -> PyRef {
    let args = vm.tuple(args);
    let e = PyRef::new(
        ty,
        ExceptionData {
            args: RefCell::new(args.clone()),
            traceback: RefCell::new(None),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            dict: RefCell::new(None),
            fields: RefCell::new(None),
        },
    );
    init_special_attrs(vm, &e, crate::types::tuple::items(&args));
    e
}

/// The keyword arguments of `BaseException.__init__` for `e`: none, except
/// `name` and `path` for ImportError and its subclasses (CPython's messages
/// name ImportError whatever the subclass).
pub fn init_keywords(vm: &Vm, e: &PyRef, names: &[PyRef], values: &[PyRef]) -> PyResult<()> {
    if names.is_empty() {
        return Ok(());
    }
    if !typeobj::is_subtype(e.ty(), &vm.exc.import_error) {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", vm.type_name(e))));
    }
    if names.len() > 2 {
        return Err(vm.type_error(format!("ImportError() takes at most 2 keyword arguments ({} given)", names.len())));
    }
    for n in names {
        let n = crate::types::str::as_str(n);
        if n != "name" && n != "path" {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for ImportError()", n)));
        }
    }
    for (n, v) in names.iter().zip(values) {
        set_member(vm, e, crate::types::str::as_str(n), v.clone());
    }
    Ok(())
}

/// Set the attributes some exception types derive from their arguments.
pub fn init_special_attrs(vm: &Vm, e: &PyRef, args: &[PyRef]) {
    let ty = e.ty().clone();
    let set = |name: &str, v: PyRef| set_member(vm, e, name, v);
    if typeobj::is_subtype(&ty, &vm.exc.stop_iteration) {
        set("value", args.first().cloned().unwrap_or_else(|| vm.none()));
    } else if typeobj::is_subtype(&ty, &vm.exc.system_exit) {
        let code = match args.len() {
            0 => vm.none(),
            1 => args[0].clone(),
            _ => vm.tuple(args.to_vec()),
        };
        set("code", code);
    } else if typeobj::is_subtype(&ty, &vm.exc.key_error) || typeobj::is_subtype(&ty, &vm.exc.import_error) {
        if typeobj::is_subtype(&ty, &vm.exc.import_error) {
            // msg is the argument only when there is exactly one.
            set("msg", if args.len() == 1 { args[0].clone() } else { vm.none() });
            set("name", vm.none());
            set("path", vm.none());
        }
    } else if typeobj::is_subtype(&ty, &vm.exc.name_error) {
        set("name", vm.none());
    } else if typeobj::is_subtype(&ty, &vm.exc.attribute_error) {
        set("name", vm.none());
        set("obj", vm.none());
    } else if typeobj::is_subtype(&ty, &vm.exc.os_error) {
        if args.len() >= 2 {
            set("errno", args[0].clone());
            set("strerror", args[1].clone());
        } else {
            set("errno", vm.none());
            set("strerror", vm.none());
        }
        set("filename", if args.len() >= 3 { args[2].clone() } else { vm.none() });
    } else if typeobj::is_subtype(&ty, &vm.exc.syntax_error) {
        set("msg", args.first().cloned().unwrap_or_else(|| vm.none()));
        let detail = args.get(1).map(|d| crate::types::tuple::items(d).to_vec()).unwrap_or_default();
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (i, n) in names.iter().enumerate() {
            set(n, detail.get(i).cloned().unwrap_or_else(|| vm.none()));
        }
        set("print_file_and_line", vm.none());
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
