//! `__new__` of the builtin types (CPython's tp_new): what `int(x)`,
//! `list()`, `dict()`, `BaseException(...)` ... create. Subclass instances
//! get the instance trailer (`__dict__`).

use crate::object::{Kind, PyPayload, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags, NewFn};
use crate::types::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// Allocate an instance of `cls` (a builtin type or a subclass of one).
pub fn alloc<T: PyPayload>(cls: &PyRef, payload: T) -> PyRef {
    let td = typeobj::data(cls);
    if td.flag(tflags::HEAPTYPE) {
        PyRef::new_ext(cls, payload, td.slot_names.borrow().len())
    } else {
        PyRef::new(cls, payload)
    }
}

pub fn split_kw<'a>(args: &'a [PyRef], kw: Option<&PyRef>) -> (&'a [PyRef], &'a [PyRef]) {
    let n = kw.map(|k| tuple::items(k).len()).unwrap_or(0);
    args.split_at(args.len() - n)
}

fn no_kw(vm: &Vm, name: &str, kw: Option<&PyRef>) -> PyResult<()> {
    if kw.map(|k| !tuple::items(k).is_empty()).unwrap_or(false) {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

fn is_exact(vm: &Vm, cls: &PyRef, t: &PyRef) -> bool {
    let _ = vm;
    cls.is(t)
}

fn int_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = split_kw(args, kw);
    let mut base: Option<PyRef> = None;
    if let Some(k) = kw {
        for (n, v) in tuple::items(k).iter().zip(kwv) {
            if str::as_str(n) == "base" {
                base = Some(v.clone());
            } else {
                return Err(vm.type_error(format!("'{}' is an invalid keyword argument for int()", str::as_str(n))));
            }
        }
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", pos.len())));
    }
    if pos.len() == 2 {
        base = Some(pos[1].clone());
    }
    let value = match pos.first() {
        None => {
            if base.is_some() {
                return Err(vm.type_error("int() missing string argument"));
            }
            num_bigint::BigInt::from(0)
        }
        Some(x) => crate::builtins::int_from(vm, x, base.as_ref())?,
    };
    if is_exact(vm, cls, &vm.types.int) {
        return Ok(vm.bigint(value));
    }
    Ok(alloc(cls, crate::builtins::int_data(value)))
}

fn bool_new(vm: &Vm, _cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "bool", kw)?;
    match args.len() {
        0 => Ok(vm.false_.clone()),
        1 => Ok(vm.bool(ops::truthy(vm, &args[0])?)),
        n => Err(vm.type_error(format!("bool expected at most 1 argument, got {}", n))),
    }
}

fn float_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "float", kw)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", args.len())));
    }
    let f = match args.first() {
        None => 0.0,
        Some(x) => crate::builtins::float_from(vm, x)?,
    };
    if is_exact(vm, cls, &vm.types.float) {
        return Ok(vm.float(f));
    }
    Ok(alloc(cls, float::FloatData(f)))
}

/// The length of the longest prefix of `s` that is a float literal
/// (digits with optional point and exponent, or inf/infinity/nan), after an
/// optional sign: what C's strtod would consume.
fn float_prefix_len(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest.iter().take(8).map(|c| c.to_ascii_lowercase()).collect();
    if lower.starts_with(b"infinity") {
        return i + 8;
    }
    if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        return i + 3;
    }
    let start = i;
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    let _ = start;
    i
}

/// `complex(string)` (CPython's complex_from_string_inner).
fn complex_from_str(vm: &Vm, text: &str) -> PyResult<(f64, f64)> {
    let malformed = || vm.value_error("complex() arg is a malformed string");
    // Unicode digits and spaces count as their ASCII forms.
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(d) = refscope_numfmt::py_decimal_value(c) {
            ascii.push(char::from(b'0' + d as u8));
        } else if refscope_numfmt::py_isspace(c) {
            ascii.push(' ');
        } else {
            ascii.push(c);
        }
    }
    let s: String = if ascii.contains('_') {
        // Underscores only between digits, then dropped.
        let b = ascii.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c == b'_' {
                let ok = i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).map(|x| x.is_ascii_digit()).unwrap_or(false);
                if !ok {
                    return Err(vm.value_error(format!("could not convert string to complex: {}", str::repr(text))));
                }
            }
        }
        ascii.replace('_', "")
    } else {
        ascii
    };
    let b = s.as_bytes();
    let mut i = 0;
    let end = b.len();
    while i < end && b[i] == b' ' {
        i += 1;
    }
    let mut got_bracket = false;
    if i < end && b[i] == b'(' {
        got_bracket = true;
        i += 1;
        while i < end && b[i] == b' ' {
            i += 1;
        }
    }
    let parse = |from: usize| -> Option<(f64, usize)> {
        let n = float_prefix_len(&b[from..]);
        if n == 0 {
            return None;
        }
        let text = std::str::from_utf8(&b[from..from + n]).ok()?;
        refscope_numfmt::parse_float(text).ok().map(|f| (f, from + n))
    };
    let is_j = |i: usize| i < end && (b[i] == b'j' || b[i] == b'J');
    let (mut x, mut y) = (0.0, 0.0);
    match parse(i) {
        Some((z, e)) => {
            i = e;
            if i < end && (b[i] == b'+' || b[i] == b'-') {
                x = z;
                match parse(i) {
                    Some((w, e2)) => {
                        y = w;
                        i = e2;
                    }
                    None => {
                        y = if b[i] == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(i) {
                    return Err(malformed());
                }
                i += 1;
            } else if is_j(i) {
                i += 1;
                y = z;
            } else {
                x = z;
            }
        }
        None => {
            if i < end && (b[i] == b'+' || b[i] == b'-') {
                y = if b[i] == b'+' { 1.0 } else { -1.0 };
                i += 1;
            } else {
                y = 1.0;
            }
            if !is_j(i) {
                return Err(malformed());
            }
            i += 1;
        }
    }
    while i < end && b[i] == b' ' {
        i += 1;
    }
    if got_bracket {
        if i >= end || b[i] != b')' {
            return Err(malformed());
        }
        i += 1;
        while i < end && b[i] == b' ' {
            i += 1;
        }
    }
    if i != end {
        return Err(malformed());
    }
    Ok((x, y))
}

/// A real number argument of complex() as a double (`__float__`, `__index__`).
fn complex_part(vm: &Vm, x: &PyRef, which: &str) -> PyResult<f64> {
    match x.kind() {
        Kind::Float => return Ok(float::get(x).unwrap()),
        Kind::Int => return int::int_to_f64(vm, int::get(x).unwrap()),
        _ => {}
    }
    if ops::lookup_special(vm, x, "__float__").is_none() && ops::lookup_special(vm, x, "__index__").is_none() {
        return Err(vm.type_error(if which == "first" {
            format!("complex() first argument must be a string or a number, not '{}'", vm.type_name(x))
        } else {
            format!("complex() second argument must be a number, not '{}'", vm.type_name(x))
        }));
    }
    crate::builtins::float_from(vm, x)
}

fn complex_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "complex", args, kw, false, &["real", "imag"], 0, 0, 2)?;
    let make = |re: f64, im: f64| -> PyRef {
        if is_exact(vm, cls, &vm.types.complex) {
            complex::new(vm, re, im)
        } else {
            alloc(cls, complex::ComplexData { re, im })
        }
    };
    let (r, i) = (p[0], p[1]);
    let Some(r) = r else {
        let im = match i {
            None => 0.0,
            Some(i) => match i.kind() {
                Kind::Str => return Err(vm.type_error("complex() second arg can't be a string")),
                Kind::Complex => {
                    let (ir, ii) = complex::get(i).unwrap();
                    return Ok(make(-ii, ir));
                }
                _ => complex_part(vm, i, "second")?,
            },
        };
        return Ok(make(0.0, im));
    };
    if let Some(sd) = str::get(r) {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (x, y) = complex_from_str(vm, sd.as_str())?;
        return Ok(make(x, y));
    }
    if let Some(i) = i {
        if i.kind() == Kind::Str {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    if i.is_none() && r.ty().is(&vm.types.complex) && is_exact(vm, cls, &vm.types.complex) {
        return Ok(r.clone());
    }
    // The first argument: __complex__, or a real number.
    let (cr, cr_is_complex) = if let Some(v) = ops::call_special_bound(vm, r, "__complex__", &[])? {
        match complex::get(&v) {
            Some(c) => (c, true),
            None => return Err(vm.type_error(format!("__complex__ returned non-complex (type {})", vm.type_name(&v)))),
        }
    } else if let Some(c) = complex::get(r) {
        (c, true)
    } else {
        ((complex_part(vm, r, "first")?, 0.0), false)
    };
    let (mut re, _) = cr;
    let mut im = match i {
        None => cr.1,
        Some(i) => match complex::get(i) {
            Some((ir, ii)) => {
                re -= ii;
                ir
            }
            None => complex_part(vm, i, "second")?,
        },
    };
    if cr_is_complex && i.is_some() {
        im += cr.1;
    }
    Ok(make(re, im))
}

fn str_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "str", args, kw, false, &["object", "encoding", "errors"], 0, 0, 3)?;
    for (what, v) in [("encoding", p[1]), ("errors", p[2])] {
        if let Some(v) = v {
            if str::get(v).is_none() {
                return Err(vm.type_error(format!("str() argument '{}' must be str, not {}", what, crate::types::methods::arg_type_name(vm, v))));
            }
        }
    }
    let s = match p[0] {
        None => vm.empty_str.clone(),
        Some(o) => {
            if p[1].is_some() || p[2].is_some() {
                if str::get(o).is_some() {
                    return Err(vm.type_error("decoding str is not supported"));
                }
                crate::types::bytes::decode_obj(vm, o, p[1], p[2], "str()")?
            } else {
                ops::str_(vm, o)?
            }
        }
    };
    if is_exact(vm, cls, &vm.types.str_) {
        return Ok(s);
    }
    Ok(alloc(cls, str::StrData::new(str::as_str(&s).to_string())))
}

fn bytes_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "bytes", args, kw, false, &["source", "encoding", "errors"], 0, 0, 3)?;
    crate::types::bytes::check_codec_args(vm, "bytes", p[1], p[2])?;
    let b = match p[0] {
        None => {
            if p[1].is_some() {
                return Err(vm.type_error("encoding without a string argument"));
            }
            if p[2].is_some() {
                return Err(vm.type_error("errors without a string argument"));
            }
            Vec::new()
        }
        Some(x) => {
            if p[1].is_none() && p[2].is_none() && x.ty().is(&vm.types.bytes) && is_exact(vm, cls, &vm.types.bytes) {
                return Ok(x.clone());
            }
            crate::types::bytes::from_object(vm, x, p[1], p[2], false)?
        }
    };
    if is_exact(vm, cls, &vm.types.bytes) {
        return Ok(vm.bytes(b));
    }
    Ok(alloc(cls, bytes::BytesData::new(b)))
}

fn bytearray_new(_vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    // bytearray.__init__ fills it.
    Ok(alloc(cls, bytearray::ByteArrayData::new(Vec::new())))
}

/// `list()` and `dict()` allocate with PyType_GenericAlloc in CPython: not
/// from the free list.
fn generic_alloc<T: PyPayload>(cls: &PyRef, payload: T) -> PyRef {
    if typeobj::data(cls).flag(tflags::HEAPTYPE) {
        alloc(cls, payload)
    } else {
        PyRef::new_generic_alloc(cls, payload)
    }
}

fn list_new(_vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    Ok(generic_alloc(cls, list::ListData::new(Vec::new())))
}

fn tuple_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "tuple", kw)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("tuple expected at most 1 argument, got {}", args.len())));
    }
    let items = match args.first() {
        None => Vec::new(),
        Some(x) => {
            if is_exact(vm, cls, &vm.types.tuple) && x.ty().is(&vm.types.tuple) {
                return Ok(x.clone());
            }
            if x.ty().is(&vm.types.list) || x.ty().is(&vm.types.tuple) {
                ops::iterate(vm, x)?
            } else {
                // PySequence_Tuple: the iterator, then the length hint.
                crate::types::list_impl::collect_hinted(vm, x)?.0
            }
        }
    };
    if is_exact(vm, cls, &vm.types.tuple) {
        return Ok(vm.tuple(items));
    }
    let td = typeobj::data(cls);
    let n = items.len();
    if td.flag(tflags::HEAPTYPE) {
        return Ok(PyRef::new_ext_tailed(cls, (), n, items.into_iter(), td.slot_names.borrow().len()));
    }
    Ok(tuple::alloc(cls, n, items.into_iter()))
}

fn dict_new(_vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    Ok(generic_alloc(cls, dict::DictData::new()))
}

fn set_new(_vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    Ok(alloc(cls, set::SetData::new()))
}

fn frozenset_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "frozenset", kw)?;
    if let Some(x) = args.first() {
        if x.ty().is(&vm.types.frozenset) && is_exact(vm, cls, &vm.types.frozenset) {
            return Ok(x.clone());
        }
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("frozenset expected at most 1 argument, got {}", args.len())));
    }
    let s = alloc(cls, set::SetData::new());
    if let Some(x) = args.first() {
        crate::types::set_ops::update_internal(vm, set::get(&s).unwrap(), x)?;
    }
    Ok(s)
}

fn range_new(vm: &Vm, _cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "range", kw)?;
    let idx = |x: &PyRef| int::index_value(vm, x);
    let (a, b, c) = match args.len() {
        1 => (num_bigint::BigInt::from(0), idx(&args[0])?, num_bigint::BigInt::from(1)),
        2 => (idx(&args[0])?, idx(&args[1])?, num_bigint::BigInt::from(1)),
        3 => (idx(&args[0])?, idx(&args[1])?, idx(&args[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if num_traits::Zero::is_zero(&c) {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(crate::types::range_impl::new_range(vm, a, b, c))
}

fn slice_new(vm: &Vm, _cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "slice", kw)?;
    let (start, stop, step) = match args.len() {
        1 => (vm.none(), args[0].clone(), vm.none()),
        2 => (args[0].clone(), args[1].clone(), vm.none()),
        3 => (args[0].clone(), args[1].clone(), args[2].clone()),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", n))),
    };
    Ok(PyRef::new(&vm.types.slice, slice::SliceData { start, stop, step }))
}

fn type_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    crate::types::typeobj_call::type_new(vm, cls, args, kw)
}

fn property_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = split_kw(args, kw);
    let mut slots: [Option<PyRef>; 4] = [None, None, None, None];
    for (i, a) in pos.iter().enumerate().take(4) {
        if !a.is(&vm.none) {
            slots[i] = Some(a.clone());
        }
    }
    if let Some(k) = kw {
        for (n, v) in tuple::items(k).iter().zip(kwv) {
            let i = match str::as_str(n) {
                "fget" => 0,
                "fset" => 1,
                "fdel" => 2,
                "doc" => 3,
                other => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for property()", other))),
            };
            if !v.is(&vm.none) {
                slots[i] = Some(v.clone());
            }
        }
    }
    let [fget, fset, fdel, mut doc] = slots;
    if doc.is_none() {
        if let Some(g) = &fget {
            // The getter's docstring, None included (CPython keeps that
            // None object: `gc.get_referents` shows it).
            if let Ok(d) = ops::get_attr_str(vm, g, "__doc__") {
                doc = Some(d);
            }
        }
    }
    Ok(alloc(
        cls,
        property::PropertyData { fget: RefCell::new(fget), fset: RefCell::new(fset), fdel: RefCell::new(fdel), doc: RefCell::new(doc), name: RefCell::new(None) },
    ))
}

fn classmethod_new(vm: &Vm, cls: &PyRef, args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(format!("classmethod expected 1 argument, got {}", args.len())));
    }
    Ok(alloc(cls, classmethod::ClassMethodData::new(args[0].clone())))
}

/// `staticmethod.__init__` and `classmethod.__init__`: the callable, and
/// its attributes copied (`copy_wrapped_attrs`).
/// `module.__new__`: a module with an empty namespace (`types.ModuleType`).
/// An instance of a subclass keeps its attributes in that namespace too
/// (CPython's module type has its dict at `tp_dictoffset`): no trailer
/// unless the subclass has `__slots__`.
fn module_new(vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    let data = module::ModuleData { dict: vm.dict(), builtin: false };
    if typeobj::data(cls).slot_names.borrow().is_empty() {
        return Ok(PyRef::new(cls, data));
    }
    // With `__slots__` the instance has a trailer for them; its `__dict__`
    // is the namespace.
    let d = data.dict.clone();
    let m = alloc(cls, data);
    if let Some(ext) = m.ext() {
        let old = ext.dict.replace(Some(d));
        drop(old);
    }
    Ok(m)
}

/// `module.__init__(name, doc=None)`: the namespace gets `__name__`,
/// `__doc__`, `__package__`, `__loader__` and `__spec__`, in CPython's order.
fn module_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "module", a, k, true, &["name", "doc"], 0, 1, 2)?;
    let Some(m) = a.first().and_then(module::get) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    let name = p[0].expect("required");
    if name.kind() != Kind::Str {
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {}", vm.type_name(name))));
    }
    let doc = p[1].cloned().unwrap_or_else(|| vm.none());
    for (key, v) in [("__name__", name.clone()), ("__doc__", doc), ("__package__", vm.none()), ("__loader__", vm.none()), ("__spec__", vm.none())] {
        dict::set_item(vm, &m.dict, vm.intern(key), v)?;
    }
    Ok(vm.none())
}

fn wrapper_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let name = if a.first().is_some_and(|s| s.kind() == Kind::ClassMethod) { "classmethod" } else { "staticmethod" };
    no_kw(vm, name, k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("{} expected 1 argument, got {}", name, a.len().saturating_sub(1))));
    }
    let slot = match a[0].kind() {
        Kind::ClassMethod => &a[0].payload_unchecked::<classmethod::ClassMethodData>().func,
        Kind::StaticMethod => &a[0].payload_unchecked::<staticmethod::StaticMethodData>().func,
        _ => return Err(vm.type_error(format!("descriptor '__init__' requires a '{}' object", name))),
    };
    let old = slot.replace(a[1].clone());
    drop(old);
    copy_wrapped_attrs(vm, &a[0], &a[1])?;
    Ok(vm.none())
}

/// CPython 3.10+'s staticmethod and classmethod copy these attributes of
/// the callable into their own `__dict__` (each missing one is an
/// AttributeError made and cleared).
fn copy_wrapped_attrs(vm: &Vm, wrapper: &PyRef, wrapped: &PyRef) -> PyResult<()> {
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        match ops::get_attr_str(vm, wrapped, name) {
            Ok(v) => ops::set_attr_str(vm, wrapper, name, v)?,
            Err(e) if typeobj::isinstance(&e.0, &vm.exc.attribute_error) => drop(e),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

fn staticmethod_new(vm: &Vm, cls: &PyRef, args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    if args.len() != 1 {
        return Err(vm.type_error(format!("staticmethod expected 1 argument, got {}", args.len())));
    }
    Ok(alloc(cls, staticmethod::StaticMethodData::new(args[0].clone())))
}

fn super_new(vm: &Vm, _cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    crate::types::super_impl::super_call(vm, args, kw)
}

fn exception_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, _) = split_kw(args, kw);
    let details = exceptions::check_args(vm, cls, pos)?;
    let a = vm.tuple(pos.to_vec());
    let e = PyRef::new(
        cls,
        exceptions::ExceptionData::new(a),
    );
    exceptions::init_fields(vm, &e, pos, details);
    Ok(e)
}

fn iter_new_enumerate(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (it, count) = if let ([x], None) = (args, kw) {
        // `enumerate(x)`: no argument parsing.
        (ops::get_iter(vm, x)?, iterators::EnumCount::Small(0))
    } else {
        let (pos, _) = split_kw(args, kw);
        if pos.is_empty() && !crate::types::methods::kw_names(kw).iter().any(|n| str::as_str(n) == "iterable") {
            if pos.len() + crate::types::methods::kw_names(kw).len() <= 2 {
                return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
            }
        }
        let p = crate::types::methods::kw_args(vm, "enumerate", args, kw, false, &["iterable", "start"], 0, 1, 2)?;
        let it = ops::get_iter(vm, p[0].unwrap())?;
        let start = match p[1] {
            Some(v) => int::index_value(vm, v)?,
            None => num_bigint::BigInt::from(0),
        };
        (it, iterators::EnumCount::new(start))
    };
    let result = iterators::ResultTuple::new(vm, 2);
    Ok(iter_obj(vm, cls, &vm.types.enumerate, iterators::IterState::Enumerate { iter: it, count, result }, None))
}

/// An enumerate, zip, map, filter or reversed object of class `cls`: the
/// builtin type's own, or an instance of a subclass (with its `__dict__`).
fn iter_obj(vm: &Vm, cls: &PyRef, builtin: &PyRef, s: iterators::IterState, func: Option<PyRef>) -> PyRef {
    if cls.is(builtin) {
        return match func {
            Some(f) => iterators::new_with_func(builtin, f, s),
            None => iterators::new(vm, builtin, s),
        };
    }
    let mut d = iterators::IteratorData::new(s);
    d.func = func;
    alloc(cls, d)
}

fn iter_new_zip(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = split_kw(args, kw);
    let mut strict = false;
    if let Some(k) = kw {
        for (n, v) in tuple::items(k).iter().zip(kwv) {
            if str::as_str(n) == "strict" {
                strict = ops::truthy(vm, v)?;
            } else {
                return Err(vm.type_error("zip() got an unexpected keyword argument"));
            }
        }
    }
    let held = crate::object::gc::HeldTransient::tuple(pos.len());
    let mut iters = Vec::new();
    for a in pos.iter() {
        iters.push(ops::get_iter(vm, a)?);
    }
    let result = iterators::ResultTuple::new(vm, pos.len());
    Ok(iter_obj(vm, cls, &vm.types.zip, iterators::IterState::Zip { iters, strict, held, result }, None))
}

fn iter_new_map(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "map", kw)?;
    if args.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let held = crate::object::gc::HeldTransient::tuple(args.len() - 1);
    let iters = args[1..].iter().map(|a| ops::get_iter(vm, a)).collect::<PyResult<Vec<_>>>()?;
    Ok(iter_obj(vm, cls, &vm.types.map, iterators::IterState::Map { iters, held }, Some(args[0].clone())))
}

fn iter_new_filter(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "filter", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len())));
    }
    let it = ops::get_iter(vm, &args[1])?;
    Ok(iter_obj(vm, cls, &vm.types.filter, iterators::IterState::Filter { iter: it }, Some(args[0].clone())))
}

fn iter_new_reversed(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    no_kw(vm, "reversed", kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", args.len())));
    }
    let seq = &args[0];
    if ops::lookup_special(vm, seq, "__reversed__").is_some_and(|f| f.is(&vm.none)) {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    if let Some(r) = ops::call_special_bound(vm, seq, "__reversed__", &[])? {
        return Ok(r);
    }
    if seq.kind() == Kind::List && seq.ty().is(&vm.types.list) {
        let n = list::get(seq).unwrap().len() as isize;
        return Ok(iterators::new(vm, &vm.types.list_reverseiterator, iterators::IterState::ListReverse { seq: Some(seq.clone()), index: n - 1 }));
    }
    if ops::lookup_special(vm, seq, "__getitem__").is_none() || matches!(seq.kind(), Kind::Dict | Kind::Set) {
        return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
    }
    let n = ops::len(vm, seq)? as isize;
    Ok(iter_obj(vm, cls, &vm.types.reversed, iterators::IterState::Reversed { seq: Some(seq.clone()), index: n - 1 }, None))
}

/// `types.MethodType(func, obj)`: a bound method.
fn method_new(vm: &Vm, _cls: &PyRef, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if k.is_some_and(|k| !tuple::items(k).is_empty()) {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if a.len() != 2 {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", a.len())));
    }
    if !ops::is_callable(vm, &a[0]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if a[1].is(&vm.none) {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(PyRef::new(&vm.types.method, crate::types::method::MethodData { func: a[0].clone(), self_: a[1].clone() }))
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    let set = |ty: &PyRef, f: NewFn| typeobj::data(ty).new.set(Some(f));
    set(&t.int, int_new);
    set(&t.bool_, bool_new);
    set(&t.float, float_new);
    set(&t.complex, complex_new);
    set(&t.str_, str_new);
    set(&t.bytes, bytes_new);
    set(&t.bytearray, bytearray_new);
    set(&t.list, list_new);
    set(&t.tuple, tuple_new);
    set(&t.dict, dict_new);
    set(&t.set, set_new);
    set(&t.frozenset, frozenset_new);
    set(&t.range, range_new);
    set(&t.slice, slice_new);
    set(&t.type_, type_new);
    set(&t.property, property_new);
    set(&t.classmethod, classmethod_new);
    set(&t.staticmethod, staticmethod_new);
    typeobj::add_method(vm, &t.classmethod, "__init__", wrapper_init);
    typeobj::add_method(vm, &t.staticmethod, "__init__", wrapper_init);
    set(&t.module, module_new);
    typeobj::add_method(vm, &t.module, "__init__", module_init);
    set(&t.super_, super_new);
    set(&t.method, method_new);
    set(&t.enumerate, iter_new_enumerate);
    set(&t.zip, iter_new_zip);
    set(&t.map, iter_new_map);
    set(&t.filter, iter_new_filter);
    set(&t.reversed, iter_new_reversed);
    for (_, e) in &vm.exc.all {
        set(e, exception_new);
    }
    register_new_wrappers(vm);
}

/// A builtin `T.__new__` is a METH_VARARGS function in CPython 3.11: its
/// arguments come in a tuple (keywords in a dict), and it calls the
/// constructor with a slice of that tuple without the type: their counts.
pub struct NewWrapperArgs([Option<crate::object::gc::Transient>; 3]);

impl NewWrapperArgs {
    pub fn new(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, slice: bool) -> NewWrapperArgs {
        use crate::object::gc::Transient;
        let nkw = k.map(|k| tuple::items(k).len()).unwrap_or(0);
        let npos = a.len() - nkw;
        let given = crate::object::gc::star_args_given(vm.frames.borrow().len());
        let t = (!given).then(|| Transient::tuple(npos));
        let d = (nkw > 0 && !given).then(Transient::dict);
        let s = (slice && npos > 1).then(|| Transient::tuple(npos - 1));
        NewWrapperArgs([t, d, s])
    }
}

impl Drop for NewWrapperArgs {
    fn drop(&mut self) {
        // The slice goes first, then the arguments.
        for t in self.0.iter_mut().rev() {
            if let Some(t) = t.take() {
                t.free();
            }
        }
    }
}

/// CPython's "static base" for `T.__new__(S)`: S, or its nearest base,
/// that does not define `__new__` in Python.
pub fn static_new_base(vm: &Vm, sub: &PyRef) -> PyRef {
    let key = vm.intern("__new__");
    let mut base = sub.clone();
    loop {
        let own = crate::types::dict::get_str_key(&typeobj::data(&base).dict, &key);
        let python_new = own.is_some_and(|n| {
            let f = if n.kind() == Kind::StaticMethod { n.payload_unchecked::<crate::types::staticmethod::StaticMethodData>().func() } else { n };
            f.kind() == Kind::Function
        });
        if !python_new {
            return base;
        }
        let next = typeobj::data(&base).base.borrow().clone();
        match next {
            Some(b) => base = b,
            None => return base,
        }
    }
}

/// `T.__new__(S, ...)` of a builtin type T (CPython's tp_new_wrapper):
/// S must be a subtype of T whose nearest builtin base is built by the
/// same constructor.
pub fn tp_new_wrapper(vm: &Vm, ty: &PyRef, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    // An exception's __new__ keeps the slice as its `args` (made for real
    // by exception_new).
    let keeps_slice = typeobj::is_subtype(ty, &vm.exc.base_exception);
    let _args = NewWrapperArgs::new(vm, a, k, !keeps_slice);
    let name = typeobj::tp_name(ty);
    let Some(sub) = a.first() else {
        return Err(vm.type_error(format!("{}.__new__(): not enough arguments", name)));
    };
    if sub.kind() != Kind::Type {
        return Err(vm.type_error(format!("{}.__new__(X): X is not a type object ({})", name, vm.type_name(sub))));
    }
    let subname = typeobj::tp_name(sub);
    if !typeobj::is_subtype(sub, ty) {
        return Err(vm.type_error(format!("{}.__new__({}): {} is not a subtype of {}", name, subname, subname, name)));
    }
    let base = static_new_base(vm, sub);
    let own = typeobj::data(ty).new.get();
    let theirs = typeobj::data(&base).new.get();
    let same = matches!((own, theirs), (Some(x), Some(y)) if std::ptr::fn_addr_eq(x, y));
    if !same {
        return Err(vm.type_error(format!("{}.__new__({}) is not safe, use {}.__new__()", name, subname, typeobj::tp_name(&base))));
    }
    own.expect("builtin type with a constructor")(vm, sub, &a[1..], k)
}

macro_rules! new_wrappers {
    ($($f:ident => $($ty:ident).+),* $(,)?) => {
        $(fn $f(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            tp_new_wrapper(vm, &vm.$($ty).+, a, k)
        })*
        fn register_new_wrappers(vm: &Vm) {
            $(typeobj::add_staticmethod(vm, &vm.$($ty).+, "__new__", $f);)*
        }
    };
}

new_wrappers!(
    int_new_w => types.int, bool_new_w => types.bool_, float_new_w => types.float, complex_new_w => types.complex,
    str_new_w => types.str_, bytes_new_w => types.bytes, bytearray_new_w => types.bytearray, list_new_w => types.list,
    tuple_new_w => types.tuple, dict_new_w => types.dict, set_new_w => types.set, frozenset_new_w => types.frozenset,
    range_new_w => types.range, slice_new_w => types.slice, property_new_w => types.property,
    classmethod_new_w => types.classmethod, staticmethod_new_w => types.staticmethod, super_new_w => types.super_,
    enumerate_new_w => types.enumerate, zip_new_w => types.zip, map_new_w => types.map, filter_new_w => types.filter,
    reversed_new_w => types.reversed, method_new_w => types.method, exception_new_w => exc.base_exception, group_new_w => exc.base_exception_group,
    module_new_w => types.module,
);
