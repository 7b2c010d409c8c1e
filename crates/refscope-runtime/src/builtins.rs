//! The `builtins` module: print, len, isinstance, sorted, ... and the
//! conversions and formatting helpers they share with the types.

use crate::object::{Kind, PyRef};
use crate::listsort;
use crate::ops;
use crate::types::constructors::split_kw;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{NativeFn, PyErr, PyResult, Vm};
use num_bigint::BigInt;
use refscope_compiler::bytecode::{CmpOp, UnaryOp};

pub fn num_error(vm: &Vm, e: refscope_numfmt::NumError) -> PyErr {
    use refscope_numfmt::ErrorKind as K;
    match e.kind {
        K::ValueError => vm.value_error(e.message),
        K::OverflowError => vm.overflow_error(e.message),
        K::TypeError => vm.type_error(e.message),
        K::ZeroDivisionError => vm.zero_division_error(e.message),
        K::MemoryError => vm.memory_error(),
    }
}

/// Escape non-ASCII characters of a repr (for ascii()).
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 128 {
            out.push(c);
        } else if u < 256 {
            out.push_str(&format!("\\x{:02x}", u));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{:04x}", u));
        } else {
            out.push_str(&format!("\\U{:08x}", u));
        }
    }
    out
}

pub fn int_data(v: BigInt) -> int::IntData {
    use num_traits::ToPrimitive;
    match v.to_i64() {
        Some(i) => int::IntData::Small(i),
        None => int::IntData::Big(Box::new(v)),
    }
}

/// int(x, base).
pub fn int_from(vm: &Vm, x: &PyRef, base: Option<&PyRef>) -> PyResult<BigInt> {
    if let Some(b) = base {
        let b = int::index_i64(vm, b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text: String = match x.kind() {
            Kind::Str => str::as_str(x).to_string(),
            Kind::Bytes => String::from_utf8_lossy(bytes::get(x).unwrap()).into_owned(),
            Kind::ByteArray => String::from_utf8_lossy(&bytearray::get(x).unwrap().b.borrow()).into_owned(),
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return refscope_numfmt::parse_int_with_limit(&text, b as u32, 4300)
            .map_err(|_| vm.value_error(format!("invalid literal for int() with base {}: {}", b, ops::repr_string(vm, x).unwrap_or_default())));
    }
    match x.kind() {
        Kind::Int => return Ok(int::to_bigint(x)),
        Kind::Float => {
            let f = float::get(x).unwrap();
            return refscope_numfmt::float_to_int(f).map_err(|e| num_error(vm, e));
        }
        Kind::Str | Kind::Bytes | Kind::ByteArray => {
            let text: String = match x.kind() {
                Kind::Str => str::as_str(x).to_string(),
                Kind::Bytes => String::from_utf8_lossy(bytes::get(x).unwrap()).into_owned(),
                _ => String::from_utf8_lossy(&bytearray::get(x).unwrap().b.borrow()).into_owned(),
            };
            return refscope_numfmt::parse_int_with_limit(&text, 10, 4300).map_err(|e| match e {
                refscope_numfmt::ParseIntError::TooManyDigits { digits } => vm.value_error(format!(
                    "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                    digits
                )),
                _ => vm.value_error(format!("invalid literal for int() with base 10: {}", ops::repr_string(vm, x).unwrap_or_default())),
            });
        }
        _ => {}
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(r) = ops::call_special(vm, x, name, &[])? {
            if let Some(d) = int::get(&r) {
                return Ok(d.to_bigint());
            }
            return Err(vm.type_error(format!("{} returned non-int (type {})", name, vm.type_name(&r))));
        }
    }
    Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", vm.type_name(x))))
}

/// float(x).
pub fn float_from(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    match x.kind() {
        Kind::Float => return Ok(float::get(x).unwrap()),
        Kind::Int => return int::int_to_f64(vm, int::get(x).unwrap()),
        Kind::Str => {
            return refscope_numfmt::parse_float(str::as_str(x))
                .map_err(|_| vm.value_error(format!("could not convert string to float: {}", ops::repr_string(vm, x).unwrap_or_default())))
        }
        Kind::Bytes | Kind::ByteArray => {
            let b = bytes::buffer(x).unwrap_or_default();
            return refscope_numfmt::parse_float_bytes(&b)
                .map_err(|_| vm.value_error(format!("could not convert string to float: {}", ops::repr_string(vm, x).unwrap_or_default())));
        }
        _ => {}
    }
    if let Some(r) = ops::call_special(vm, x, "__float__", &[])? {
        if let Some(f) = float::get(&r) {
            return Ok(f);
        }
        return Err(vm.type_error(format!("{}.__float__ returned non-float (type {})", vm.type_name(x), vm.type_name(&r))));
    }
    if let Some(r) = ops::call_special(vm, x, "__index__", &[])? {
        return int::int_to_f64(vm, int::get(&r).unwrap());
    }
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}

// ---------------------------------------------------------------- format

pub fn format(vm: &Vm, v: &PyRef, spec: &PyRef) -> PyResult {
    // int's, float's and str's own `__format__` (their types are not
    // subclasses that could override it).
    let t = v.ty();
    if t.is(&vm.types.int) || t.is(&vm.types.float) || t.is(&vm.types.str_) {
        return builtin_format(vm, v, spec);
    }
    let r = match ops::call_special_bound(vm, v, "__format__", std::slice::from_ref(spec))? {
        Some(r) => r,
        None => return Err(vm.type_error("no __format__")),
    };
    if r.kind() != Kind::Str {
        return Err(vm.type_error(format!("__format__ must return a str, not {}", vm.type_name(&r))));
    }
    Ok(r)
}

/// `__format__` of int, float, complex and str.
pub fn builtin_format(vm: &Vm, v: &PyRef, spec: &PyRef) -> PyResult {
    let Some(sp) = str::get(spec) else {
        return Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(spec))));
    };
    let sp = sp.as_str();
    if sp.is_empty() {
        return ops::str_(vm, v);
    }
    // The type's name, for errors (written out for the exact types).
    let t = v.ty();
    let tn: std::borrow::Cow<str> = if t.is(&vm.types.int) {
        "int".into()
    } else if t.is(&vm.types.float) {
        "float".into()
    } else if t.is(&vm.types.str_) {
        "str".into()
    } else {
        vm.type_name(v).into()
    };
    let fs = refscope_numfmt::parse_format_spec(sp, &tn).map_err(|e| num_error(vm, e))?;
    let s = match v.kind() {
        Kind::Int => {
            if matches!(fs.ty, None | Some('d') | Some('n')) {
                int::check_str_digits(vm, int::get(v).unwrap())?;
            }
            refscope_numfmt::format_int(&int::to_bigint(v), &fs, &tn)
        }
        Kind::Float => refscope_numfmt::format_float(float::get(v).unwrap(), &fs, &tn),
        Kind::Str => refscope_numfmt::format_str(str::as_str(v), &fs, &tn),
        Kind::Complex => {
            let (re, im) = complex::get(v).unwrap();
            complex::format(re, im, sp, &tn)
        }
        _ => return ops::str_(vm, v),
    }
    .map_err(|e| num_error(vm, e))?;
    Ok(vm.str_owned(s))
}

// ---------------------------------------------------------------- comparisons of builtins

/// Rich comparison for builtin types (their `__lt__`... methods).
pub fn builtin_compare_obj(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult {
    match builtin_compare(vm, a, b, op)? {
        Some(r) => Ok(vm.bool(r)),
        None => Ok(vm.not_implemented.clone()),
    }
}

pub fn builtin_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult<Option<bool>> {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (a.kind(), b.kind()) {
        (Kind::Int, Kind::Int) => Some(int::cmp(int::get(a).unwrap(), int::get(b).unwrap())),
        (Kind::Float, Kind::Float) => {
            let (x, y) = (float::get(a).unwrap(), float::get(b).unwrap());
            return Ok(Some(ops::float_cmp(x, y, op)));
        }
        (Kind::Int, Kind::Float) => match int::cmp_with_float(int::get(a).unwrap(), float::get(b).unwrap()) {
            Some(o) => Some(o),
            None => return Ok(Some(op == CmpOp::Ne)),
        },
        (Kind::Float, Kind::Int) => match int::cmp_with_float(int::get(b).unwrap(), float::get(a).unwrap()) {
            Some(o) => Some(o.reverse()),
            None => return Ok(Some(op == CmpOp::Ne)),
        },
        (Kind::Complex, _) | (_, Kind::Complex) => {
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Ok(None);
            }
            let ca = match a.kind() {
                Kind::Complex => complex::get(a),
                Kind::Float => Some((float::get(a).unwrap(), 0.0)),
                Kind::Int => int::get(a).unwrap().to_f64().map(|f| (f, 0.0)),
                _ => None,
            };
            let cb = match b.kind() {
                Kind::Complex => complex::get(b),
                Kind::Float => Some((float::get(b).unwrap(), 0.0)),
                Kind::Int => int::get(b).unwrap().to_f64().map(|f| (f, 0.0)),
                _ => None,
            };
            let (Some(x), Some(y)) = (ca, cb) else { return Ok(None) };
            return Ok(Some((x == y) == (op == CmpOp::Eq)));
        }
        (Kind::Str, Kind::Str) => Some(str::as_str(a).cmp(str::as_str(b))),
        (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => {
            let x: Vec<u8> = bytes::get(a).map(|s| s.to_vec()).unwrap_or_else(|| bytearray::get(a).unwrap().b.borrow().clone());
            let y: Vec<u8> = bytes::get(b).map(|s| s.to_vec()).unwrap_or_else(|| bytearray::get(b).unwrap().b.borrow().clone());
            Some(x.cmp(&y))
        }
        (Kind::List, Kind::List) => return seq_compare(vm, &list::get(a).unwrap().snapshot(), &list::get(b).unwrap().snapshot(), op).map(Some),
        // A tuple's items cannot change and the caller holds both tuples:
        // compared borrowed, as CPython's tuplerichcompare does (a list's
        // are counted while compared, as in list_richcompare).
        (Kind::Tuple, Kind::Tuple) => return seq_compare(vm, tuple::items(a), tuple::items(b), op).map(Some),
        (Kind::Dict, Kind::Dict) => {
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Ok(None);
            }
            let (da, db) = (dict::get(a).unwrap(), dict::get(b).unwrap());
            let mut eq = da.len() == db.len();
            // Entry by entry, looked up by the stored hash (CPython's
            // dict_equal holds one key and value at a time and hashes nothing).
            let mut pos = 0;
            while eq {
                let Some((next, h, k, v)) = da.entry_hashed_from(pos) else { break };
                pos = next;
                match db.get_hashed(vm, &k, h)? {
                    Some(w) => {
                        if !ops::eq(vm, &v, &w)? {
                            eq = false;
                        }
                    }
                    None => eq = false,
                }
            }
            return Ok(Some(eq == (op == CmpOp::Eq)));
        }
        (Kind::Set, Kind::Set) => return crate::types::set_ops::compare(vm, a, b, op),
        (Kind::DictView, _) => return crate::types::dict_impl::view_compare(vm, a, b, op),
        (Kind::Slice, Kind::Slice) => {
            let (sa, sb) = (slice::get(a).unwrap(), slice::get(b).unwrap());
            let ta = [sa.start.clone(), sa.stop.clone(), sa.step.clone()];
            let tb = [sb.start.clone(), sb.stop.clone(), sb.step.clone()];
            if a.is(b) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Ok(Some(op == CmpOp::Eq));
            }
            return seq_compare(vm, &ta, &tb, op).map(Some);
        }
        (Kind::Range, Kind::Range) => {
            if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
                return Ok(None);
            }
            let (ra, rb) = (range::get(a).unwrap(), range::get(b).unwrap());
            let la = range::length(&int::to_bigint(&ra.start), &int::to_bigint(&ra.stop), &int::to_bigint(&ra.step));
            let lb = range::length(&int::to_bigint(&rb.start), &int::to_bigint(&rb.stop), &int::to_bigint(&rb.step));
            let eq = la == lb
                && (la == BigInt::from(0)
                    || (int::to_bigint(&ra.start) == int::to_bigint(&rb.start) && (la == BigInt::from(1) || int::to_bigint(&ra.step) == int::to_bigint(&rb.step))));
            return Ok(Some(eq == (op == CmpOp::Eq)));
        }
        _ => None,
    };
    Ok(ord.map(|o| ops::ord_matches(o, op)))
}

/// Lexicographic comparison of sequences, identity-first per item.
fn seq_compare(vm: &Vm, a: &[PyRef], b: &[PyRef], op: CmpOp) -> PyResult<bool> {
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.len() != b.len() {
        return Ok(op == CmpOp::Ne);
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !ops::eq(vm, x, y)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => ops::compare_bool(vm, x, y, op),
            };
        }
    }
    Ok(ops::ord_matches(a.len().cmp(&b.len()), op))
}

pub fn builtin_unary(vm: &Vm, a: &PyRef, op: UnaryOp) -> PyResult {
    match (a.kind(), op) {
        (Kind::Int, UnaryOp::Neg) => Ok(int::neg(vm, int::get(a).unwrap())),
        (Kind::Int, UnaryOp::Pos) => Ok(vm.bigint(int::to_bigint(a))),
        (Kind::Int, UnaryOp::Invert) => Ok(int::invert(vm, int::get(a).unwrap())),
        (Kind::Float, UnaryOp::Neg) => Ok(vm.float(-float::get(a).unwrap())),
        (Kind::Float, UnaryOp::Pos) => Ok(vm.float(float::get(a).unwrap())),
        (Kind::Complex, UnaryOp::Neg) => {
            let (r, i) = complex::get(a).unwrap();
            Ok(complex::new(vm, -r, -i))
        }
        (Kind::Complex, UnaryOp::Pos) => Ok(a.clone()),
        _ => Ok(vm.not_implemented.clone()),
    }
}

pub fn builtin_abs(vm: &Vm, a: &PyRef) -> PyResult {
    match a.kind() {
        Kind::Int => Ok(int::abs(vm, int::get(a).unwrap())),
        Kind::Float => Ok(vm.float(float::get(a).unwrap().abs())),
        Kind::Complex => {
            let (r, i) = complex::get(a).unwrap();
            Ok(vm.float(r.hypot(i)))
        }
        _ => Ok(vm.not_implemented.clone()),
    }
}

// ---------------------------------------------------------------- sorting

/// `list.sort` on `items` (taken out of the list): keys computed once per
/// item in order, `reverse` as CPython does it (reverse, sort stably,
/// reverse back), timsort with CPython's comparison sequence. On a key
/// error the items come back in their original order; on a comparison
/// error in the order the interrupted sort left them.
pub fn sort_values(vm: &Vm, items: Vec<PyRef>, key: Option<&PyRef>, reverse: bool) -> Result<Vec<PyRef>, (PyErr, Vec<PyRef>)> {
    let n = items.len();
    let mut keys: Option<Vec<PyRef>> = match key {
        Some(k) => {
            let mut v = Vec::with_capacity(n);
            for x in &items {
                match ops::call1(vm, k, x.clone()) {
                    Ok(r) => v.push(r),
                    Err(e) => {
                        // The keys made so far go last to first.
                        while let Some(k) = v.pop() {
                            drop(k);
                        }
                        return Err((e, items));
                    }
                }
            }
            Some(v)
        }
        None => None,
    };
    let mut items = items;
    if reverse && n > 1 {
        items.reverse();
        if let Some(k) = keys.as_mut() {
            k.reverse();
        }
    }
    let mut perm: Vec<usize> = (0..n).collect();
    let res = sort_permutation(vm, keys.as_deref().unwrap_or(&items), &mut perm);
    let mut out = apply_permutation(items, &perm);
    if let Some(k) = keys {
        // Keys are released in their sorted order, before reversing back.
        for k in apply_permutation(k, &perm) {
            drop(k);
        }
    }
    if reverse && n > 1 {
        out.reverse();
    }
    match res {
        Ok(()) => Ok(out),
        Err(e) => Err((e, out)),
    }
}

fn apply_permutation(v: Vec<PyRef>, perm: &[usize]) -> Vec<PyRef> {
    // Already-sorted input is common and needs no shuffling.
    if perm.iter().enumerate().all(|(i, &p)| i == p) {
        return v;
    }
    let mut slots: Vec<Option<PyRef>> = v.into_iter().map(Some).collect();
    perm.iter().filter_map(|&i| slots[i].take()).collect()
}

/// How two keys are compared. CPython picks the comparison once per sort
/// from the keys' types; with all keys of one type it calls that type's
/// comparison slot directly, so a Python `__lt__` returning NotImplemented
/// runs again in the full comparison that follows.
#[derive(Clone, Copy)]
enum KeyLt<'a> {
    /// Keys of mixed types: `a < b` with the full protocol.
    Any,
    /// All keys are instances of this one type.
    Same(&'a PyRef),
    /// All keys are non-empty exact tuples; the first items are compared
    /// as the inner kind says.
    Tuples(&'a KeyLt<'a>),
}

fn key_lt(vm: &Vm, how: KeyLt, a: &PyRef, b: &PyRef) -> PyResult<bool> {
    match how {
        KeyLt::Any => ops::compare_bool(vm, a, b, CmpOp::Lt),
        KeyLt::Same(t) => {
            if let Some(r) = ops::fast_compare(vm, a, b, CmpOp::Lt) {
                return Ok(r);
            }
            // Only a class's own `__lt__` can tell a direct slot call from
            // the full protocol (builtin types behave the same either way).
            if !a.ty().is(t) || !is_heap_type(a) {
                return ops::compare_bool(vm, a, b, CmpOp::Lt);
            }
            let r = match ops::lookup_special(vm, a, "__lt__") {
                Some(f) => ops::call_unbound(vm, &f, a, std::slice::from_ref(b))?,
                None => vm.not_implemented.clone(),
            };
            if r.is(&vm.not_implemented) {
                return ops::compare_bool(vm, a, b, CmpOp::Lt);
            }
            if r.is(&vm.true_) {
                return Ok(true);
            }
            if r.is(&vm.false_) {
                return Ok(false);
            }
            ops::truthy(vm, &r)
        }
        KeyLt::Tuples(first) => {
            let (x, y) = (tuple::items(a), tuple::items(b));
            let mut i = 0;
            while i < x.len() && i < y.len() {
                if !ops::eq(vm, &x[i], &y[i])? {
                    break;
                }
                i += 1;
            }
            if i >= x.len() || i >= y.len() {
                return Ok(x.len() < y.len());
            }
            if i == 0 {
                key_lt(vm, *first, &x[0], &y[0])
            } else {
                ops::compare_bool(vm, &x[i], &y[i], CmpOp::Lt)
            }
        }
    }
}

/// The comparison CPython's pre-check chooses for these keys.
fn choose_lt<'a>(keys: impl Iterator<Item = &'a PyRef>) -> Option<&'a PyRef> {
    let mut ty: Option<&PyRef> = None;
    for k in keys {
        match ty {
            None => ty = Some(k.ty()),
            Some(t) if t.is(k.ty()) => {}
            Some(_) => return None,
        }
    }
    ty
}

/// Whether the keys form one run as timsort's run detection sees it (non-
/// descending, or strictly descending: then reversed, as timsort does);
/// with one such run timsort compares nothing more. `perm` is the identity.
fn whole_run(perm: &mut [usize], lt: impl Fn(usize, usize) -> bool) -> bool {
    let n = perm.len();
    if lt(1, 0) {
        if (2..n).all(|i| lt(i, i - 1)) {
            perm.reverse();
            return true;
        }
    } else if (2..n).all(|i| !lt(i, i - 1)) {
        return true;
    }
    false
}

/// Sort `perm` (indices into `keys`) as timsort sorts the keys.
fn sort_permutation(vm: &Vm, keys: &[PyRef], perm: &mut [usize]) -> PyResult<()> {
    if keys.len() < 2 {
        return Ok(());
    }
    let Some(t) = choose_lt(keys.iter()) else {
        return listsort::timsort(perm, |a, b| key_lt(vm, KeyLt::Any, &keys[a], &keys[b]));
    };
    // Exact ints and strs are totally ordered and compared without Python
    // code, so any stable sort gives timsort's result; floats (NaN) need
    // timsort itself, but on machine values.
    let machine = t.is(&vm.types.int) || t.is(&vm.types.str_) || t.is(&vm.types.float);
    if machine && whole_run(perm, |a, b| ops::fast_compare(vm, &keys[a], &keys[b], CmpOp::Lt).unwrap_or(false)) {
        return Ok(());
    }
    if t.is(&vm.types.int) {
        let mut small = Vec::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            match int::as_i64(k) {
                Some(v) => small.push((v, i)),
                None => break,
            }
        }
        match (small.len() == keys.len()).then_some(small) {
            // Distinct (value, index) pairs: unstable sorting is stable here.
            Some(mut v) => {
                v.sort_unstable();
                for (p, (_, i)) in perm.iter_mut().zip(v) {
                    *p = i;
                }
            }
            None => perm.sort_by(|&a, &b| int::cmp(int::get(&keys[a]).unwrap(), int::get(&keys[b]).unwrap())),
        }
        return Ok(());
    }
    if t.is(&vm.types.str_) {
        perm.sort_by(|&a, &b| str::get(&keys[a]).unwrap().as_str().cmp(str::get(&keys[b]).unwrap().as_str()));
        return Ok(());
    }
    if t.is(&vm.types.float) {
        let mut v: Vec<(f64, usize)> = perm.iter().map(|&i| (float::get(&keys[i]).unwrap(), i)).collect();
        let r: Result<(), std::convert::Infallible> = listsort::timsort(&mut v, |a, b| Ok(a.0 < b.0));
        let Ok(()) = r;
        for (p, (_, i)) in perm.iter_mut().zip(v) {
            *p = i;
        }
        return Ok(());
    }
    if t.is(&vm.types.tuple) && keys.iter().all(|k| !tuple::items(k).is_empty()) {
        let first = match choose_lt(keys.iter().map(|k| &tuple::items(k)[0])) {
            Some(ft) => KeyLt::Same(ft),
            None => KeyLt::Any,
        };
        return listsort::timsort(perm, |a, b| key_lt(vm, KeyLt::Tuples(&first), &keys[a], &keys[b]));
    }
    listsort::timsort(perm, |a, b| key_lt(vm, KeyLt::Same(t), &keys[a], &keys[b]))
}

// ---------------------------------------------------------------- dir / locals

pub fn dir_of(vm: &Vm, obj: &PyRef) -> PyResult {
    let mut names: Vec<String> = Vec::new();
    let mut add = |k: &PyRef| {
        if let Some(s) = str::get(k) {
            let s = s.as_str().to_string();
            if !names.contains(&s) {
                names.push(s);
            }
        }
    };
    if let Some(d) = ops::instance_dict(vm, obj, false) {
        for k in dict::get(&d).map(|x| x.keys()).unwrap_or_default() {
            add(&k);
        }
    }
    let ty = if obj.kind() == Kind::Type { obj.clone() } else { obj.ty().clone() };
    for t in typeobj::data(&ty).mro_vec() {
        for k in dict::get(&typeobj::data(&t).dict).unwrap().keys() {
            add(&k);
        }
    }
    names.sort();
    Ok(vm.list(names.into_iter().map(|n| vm.str_owned(n)).collect()))
}

pub fn frame_locals(vm: &Vm, frame: &PyRef) -> PyResult {
    let fd = frame::get(frame).unwrap();
    if let Some(l) = &fd.locals {
        return Ok(l.clone());
    }
    let cd = code::get(&fd.code).unwrap();
    // The frame's own dict, made once, brought up to date at each call
    // (a variable unbound since is removed from it), as CPython 3.11's
    // `_PyFrame_FastToLocalsWithError`.
    let d = match fd.locals_dict.get() {
        Some(d) => d,
        None => {
            let d = vm.dict();
            fd.locals_dict.replace(Some(d.clone()));
            d
        }
    };
    let nv = cd.code.varnames.len();
    for i in 0..cd.code.nlocalsplus() {
        let v = fd.get_fast(i);
        let v = match v {
            Some(v) if i >= nv => cell::get_cell(&v).get(),
            v => v,
        };
        let name = vm.intern(cd.code.localsplus_name(i));
        match v {
            Some(v) => dict::set_item(vm, &d, name, v)?,
            None => {
                if dict::get(&d).is_some_and(|dd| dd.len() > 0) {
                    let _ = dict::del_item_str(vm, &d, &name);
                }
            }
        }
    }
    Ok(d)
}

/// What an expression statement at the interactive prompt does with its
/// value (`PRINT_EXPR`): hand it to `sys.displayhook`, which a program may
/// replace.
pub fn display_hook(vm: &Vm, v: &PyRef) -> PyResult<()> {
    let hook = vm.sys_attr("displayhook").ok_or_else(|| vm.new_exception(&vm.exc.runtime_error, "lost sys.displayhook".to_string()))?;
    ops::call_owned(vm, &hook, vec![v.clone()], None)?;
    Ok(())
}

// ---------------------------------------------------------------- builtin functions

fn kw_lookup<'a>(a: &'a [PyRef], k: Option<&PyRef>, name: &str) -> Option<&'a PyRef> {
    let (_, kv) = split_kw(a, k);
    let k = k?;
    for (n, v) in tuple::items(k).iter().zip(kv) {
        if str::as_str(n) == name {
            return Some(v);
        }
    }
    None
}

#[inline]
fn check_kw(vm: &Vm, fname: &str, k: Option<&PyRef>, allowed: &[&str]) -> PyResult<()> {
    match k {
        None => Ok(()),
        Some(k) => check_kw_names(vm, fname, k, allowed),
    }
}

#[inline(never)]
fn check_kw_names(vm: &Vm, fname: &str, k: &PyRef, allowed: &[&str]) -> PyResult<()> {
    if allowed.is_empty() && !tuple::items(k).is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", fname)));
    }
    for n in tuple::items(k) {
        let s = str::as_str(n);
        if !allowed.contains(&s) {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", s, fname)));
        }
    }
    Ok(())
}

#[inline]
fn exact_args(vm: &Vm, fname: &str, pos: &[PyRef], n: usize) -> PyResult<()> {
    if pos.len() != n {
        return Err(exact_args_error(vm, fname, pos, n));
    }
    Ok(())
}

#[cold]
fn exact_args_error(vm: &Vm, fname: &str, pos: &[PyRef], n: usize) -> crate::vm::PyErr {
    vm.type_error(format!(
        "{}() takes exactly {} argument{} ({} given)",
        fname,
        if n == 1 { "one".to_string() } else { n.to_string() },
        if n == 1 { "" } else { "s" },
        pos.len()
    ))
}

/// A builtin of one positional argument (METH_O).
#[inline]
fn fn_one<'a>(vm: &Vm, fname: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<&'a PyRef> {
    check_kw(vm, fname, k, &[])?;
    exact_args(vm, fname, a, 1)?;
    Ok(&a[0])
}

/// A builtin of positional-only arguments parsed by Argument Clinic
/// (`divmod expected 2 arguments, got 1`).
fn fn_pos<'a>(vm: &Vm, fname: &str, a: &'a [PyRef], k: Option<&PyRef>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    check_kw(vm, fname, k, &[])?;
    let n = a.len();
    if n < min || n > max {
        let pl = |m: usize| if m == 1 { "" } else { "s" };
        return Err(vm.type_error(if min == max {
            format!("{} expected {} argument{}, got {}", fname, min, pl(min), n)
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", fname, min, pl(min), n)
        } else {
            format!("{} expected at most {} argument{}, got {}", fname, max, pl(max), n)
        }));
    }
    Ok(a)
}

/// An attribute name argument.
fn attr_name(vm: &Vm, x: &PyRef) -> PyResult<PyRef> {
    if str::get(x).is_none() {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(x))));
    }
    // CPython interns an exact str name; a str subclass is used as it is
    // (the key an instance or module dict stores).
    if !x.ty().is(&vm.types.str_) {
        return Ok(x.clone());
    }
    Ok(vm.intern_obj(x))
}

fn b_print(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, _) = split_kw(a, k);
    // CPython 3.11's argument parser for print makes the tuple of its
    // keyword names at the first call (and keeps it).
    thread_local! {
        static PARSER_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !PARSER_READY.with(|r| r.replace(true)) {
        let _kept_for_good = crate::object::gc::Transient::tuple(4);
    }
    // It gathers the positional arguments in a tuple (visible in counts
    // and in the arguments' reference counts), even from `print(*x)`: it
    // is no METH_VARARGS function.
    let _args = (!pos.is_empty()).then(|| vm.tuple(pos.to_vec()));
    check_kw(vm, "print", k, &["sep", "end", "file", "flush"])?;
    let opt = |name: &str| -> PyResult<Option<String>> {
        match kw_lookup(a, k, name) {
            None => Ok(None),
            Some(v) if v.is(&vm.none) => Ok(None),
            Some(v) => match str::get(v) {
                Some(s) => Ok(Some(s.as_str().to_string())),
                None => Err(vm.type_error(format!("{} must be None or a string, not {}", name, vm.type_name(v)))),
            },
        }
    };
    let sep = opt("sep")?.unwrap_or_else(|| " ".into());
    let end = opt("end")?.unwrap_or_else(|| "\n".into());
    let to_stdout = kw_lookup(a, k, "file").map_or(true, |f| f.is(&vm.none));
    if to_stdout {
        // Piece by piece, as CPython writes them: sys.stdout's buffering
        // (and the list it keeps pieces in) sees each.
        for (i, x) in pos.iter().enumerate() {
            if i > 0 {
                crate::modules::sys::write_stdout(vm, &sep)?;
            }
            let text = ops::str_string(vm, x)?;
            crate::modules::sys::write_stdout(vm, &text)?;
        }
        crate::modules::sys::write_stdout(vm, &end)?;
        if let Some(fl) = kw_lookup(a, k, "flush") {
            if ops::truthy(vm, fl)? {
                crate::modules::sys::flush_stdout(vm);
            }
        }
        return Ok(vm.none());
    }
    let mut out = String::new();
    for (i, x) in pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&ops::str_string(vm, x)?);
    }
    out.push_str(&end);
    match kw_lookup(a, k, "file") {
        Some(f) if !f.is(&vm.none) => {
            let w = ops::get_attr_str(vm, f, "write")?;
            ops::call1(vm, &w, vm.str_owned(out))?;
            if let Some(fl) = kw_lookup(a, k, "flush") {
                if ops::truthy(vm, fl)? {
                    if let Ok(fl) = ops::get_attr_str(vm, f, "flush") {
                        ops::call0(vm, &fl)?;
                    }
                }
            }
        }
        _ => crate::modules::sys::write_stdout(vm, &out)?,
    }
    Ok(vm.none())
}

pub(crate) fn b_len(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "len", a, k)?;
    Ok(vm.int(ops::len(vm, x)? as i64))
}

fn b_repr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "repr", a, k)?;
    ops::repr(vm, x)
}

fn b_ascii(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "ascii", a, k)?;
    let r = ops::repr(vm, x)?;
    if str::get(&r).map(|d| d.is_ascii()).unwrap_or(false) {
        return Ok(r);
    }
    Ok(vm.str_owned(ascii_escape(str::as_str(&r))))
}

fn b_id(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_one(vm, "id", a, k)?;
    Ok(vm.bigint(BigInt::from(a[0].id() as u64)))
}

fn b_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_one(vm, "hash", a, k)?;
    Ok(vm.int(ops::hash(vm, &a[0])?))
}

pub(crate) fn b_isinstance(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "isinstance", a, k, 2, 2)?;
    Ok(vm.bool(ops::isinstance(vm, &a[0], &a[1])?))
}

fn b_issubclass(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "issubclass", a, k, 2, 2)?;
    Ok(vm.bool(ops::issubclass(vm, &a[0], &a[1])?))
}

fn b_iter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "iter", a, k, 1, 2)?;
    match a.len() {
        1 => ops::get_iter(vm, &a[0]),
        2 => {
            if !ops::is_callable(vm, &a[0]) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            Ok(iterators::new(vm, &vm.types.callable_iterator, iterators::IterState::Callable { func: Some(a[0].clone()), sentinel: a[1].clone() }))
        }
        n => Err(vm.type_error(format!("iter expected at most 2 arguments, got {}", n))),
    }
}

fn b_next(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "next", a, k, 1, 2)?;
    let it = &a[0];
    if !matches!(it.kind(), Kind::Iterator | Kind::Generator) && ops::lookup_special(vm, it, "__next__").is_none() {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if it.kind() == Kind::Generator && a.len() == 1 {
        return match crate::types::generator_impl::resume(vm, it, None, None)? {
            Ok(v) => Ok(v),
            Err(r) => Err(crate::types::generator_impl::stop_iteration_with(vm, r)),
        };
    }
    if it.kind() != Kind::Iterator && it.kind() != Kind::Generator {
        let f = ops::lookup_special(vm, it, "__next__").unwrap();
        return match ops::call_unbound(vm, &f, it, &[]) {
            Err(e) if a.len() == 2 && typeobj::isinstance(&e.0, &vm.exc.stop_iteration) => Ok(a[1].clone()),
            r => r,
        };
    }
    match ops::next(vm, it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(None)),
        },
    }
}

fn b_getattr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "getattr", a, k, 2, 3)?;
    let name = attr_name(vm, &a[1])?;
    if a.len() == 3 {
        return Ok(ops::get_attr_opt(vm, &a[0], &name)?.unwrap_or_else(|| a[2].clone()));
    }
    ops::get_attr(vm, &a[0], &name)
}

fn b_setattr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "setattr", a, k, 3, 3)?;
    let name = attr_name(vm, &a[1])?;
    ops::set_attr(vm, &a[0], &name, Some(a[2].clone()))?;
    Ok(vm.none())
}

fn b_hasattr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "hasattr", a, k, 2, 2)?;
    let name = attr_name(vm, &a[1])?;
    Ok(vm.bool(ops::get_attr_opt(vm, &a[0], &name)?.is_some()))
}

fn b_delattr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "delattr", a, k, 2, 2)?;
    let name = attr_name(vm, &a[1])?;
    ops::set_attr(vm, &a[0], &name, None)?;
    Ok(vm.none())
}

fn b_callable(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_one(vm, "callable", a, k)?;
    Ok(vm.bool(ops::is_callable(vm, &a[0])))
}

fn b_abs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_one(vm, "abs", a, k)?;
    match ops::call_special(vm, &a[0], "__abs__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(&a[0])))),
    }
}

fn minmax(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, is_min: bool) -> PyResult {
    let fname = if is_min { "min" } else { "max" };
    check_kw(vm, fname, k, &["key", "default"])?;
    let (pos, _) = split_kw(a, k);
    let key = kw_lookup(a, k, "key").filter(|x| !x.is(&vm.none)).cloned();
    let default = kw_lookup(a, k, "default").cloned();
    // One iterable is consumed item by item, as CPython does: only the best
    // so far is kept (a generator's items are not all alive at once).
    let it = match pos.len() {
        0 => return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", fname))),
        1 => Some(ops::get_iter(vm, &pos[0])?),
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!("Cannot specify a default for {}() with multiple positional arguments", fname)));
            }
            None
        }
    };
    let mut rest = pos.iter();
    let mut next_item = || -> PyResult<Option<PyRef>> {
        match &it {
            Some(it) => ops::next(vm, it),
            None => Ok(rest.next().cloned()),
        }
    };
    let mut best: Option<(PyRef, PyRef)> = None;
    while let Some(x) = next_item()? {
        let kx = match &key {
            Some(f) => ops::call1(vm, f, x.clone())?,
            None => x.clone(),
        };
        best = Some(match best {
            None => (x, kx),
            Some((bx, bk)) => {
                let better = ops::compare_bool(vm, &kx, &bk, if is_min { CmpOp::Lt } else { CmpOp::Gt })?;
                if better {
                    (x, kx)
                } else {
                    (bx, bk)
                }
            }
        });
    }
    match best {
        Some((x, _)) => Ok(x),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", fname))),
        },
    }
}

/// The argument tuple CPython builds for a function taking `*args`
/// (`None` for no arguments: the empty tuple is never allocated).
fn varargs_tuple(vm: &Vm, pos: &[PyRef]) -> Option<PyRef> {
    if crate::object::gc::star_args_given(vm.frames.borrow().len()) || pos.is_empty() {
        None
    } else {
        Some(vm.tuple(pos.to_vec()))
    }
}

/// min and max are METH_VARARGS functions in CPython 3.11: called through a
/// tuple of the positional arguments and a dict of the keywords.
fn minmax_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, is_min: bool) -> PyResult {
    let (pos, kw) = split_kw(a, k);
    let args = varargs_tuple(vm, pos);
    let kwd = if kw.is_empty() { None } else { Some(crate::object::gc::Transient::dict()) };
    let r = minmax(vm, a, k, is_min);
    drop(args);
    if let Some(d) = kwd {
        d.free();
    }
    r
}

fn b_min(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    minmax_call(vm, a, k, true)
}
fn b_max(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    minmax_call(vm, a, k, false)
}

fn b_sum(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "sum", a, k, false, &["iterable", "start"], 1, 1, 2)?;
    let mut acc = match p[1] {
        Some(s) => {
            match s.kind() {
                Kind::Str => return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]")),
                Kind::Bytes => return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
                Kind::ByteArray => return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
                _ => {}
            }
            s.clone()
        }
        None => vm.int(0),
    };
    let it = ops::get_iter(vm, p[0].unwrap())?;
    while let Some(x) = ops::next(vm, &it)? {
        acc = ops::binary_op(vm, &acc, &x, refscope_compiler::bytecode::BinOp::Add)?;
    }
    Ok(acc)
}

fn b_any(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "any", a, k)?;
    let it = ops::get_iter(vm, x)?;
    while let Some(x) = ops::next(vm, &it)? {
        if ops::truthy(vm, &x)? {
            return Ok(vm.true_.clone());
        }
    }
    Ok(vm.false_.clone())
}

fn b_all(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "all", a, k)?;
    let it = ops::get_iter(vm, x)?;
    while let Some(x) = ops::next(vm, &it)? {
        if !ops::truthy(vm, &x)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn b_sorted(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = split_kw(a, k);
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let l = crate::types::list_impl::list_from_iterable(vm, &pos[0])?;
    // `newlist.sort(**kw)` as a bound method: the list and the keyword
    // values borrowed, so a key function sees no extra reference.
    PyRef::with_prefixed(&l, kwv, |argv| crate::types::list_impl::list_sort(vm, argv, k))?;
    Ok(l)
}

fn b_round(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "round", a, k, false, &["number", "ndigits"], 0, 1, 2)?;
    let x = p[0].unwrap();
    let nd = p[1].filter(|x| !x.is(&vm.none));
    match x.kind() {
        Kind::Float if x.ty().is(&vm.types.float) => float::round_float(vm, float::get(x).unwrap(), nd),
        Kind::Int if !is_heap_type(x) => match nd {
            None => Ok(vm.bigint(int::to_bigint(x))),
            Some(n) => {
                use num_traits::{Signed, ToPrimitive};
                let n = int::index_value(vm, n)?;
                let n = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
                Ok(int::round_int(vm, &int::to_bigint(x), n))
            }
        },
        _ => {
            let mut args = Vec::new();
            if let Some(n) = nd {
                args.push(n.clone());
            }
            match ops::call_special_bound(vm, x, "__round__", &args)? {
                Some(r) => Ok(r),
                None => Err(vm.type_error(format!("type {} doesn't define __round__ method", vm.type_name(x)))),
            }
        }
    }
}

/// `a.fwd(b)` then `b.rev(a)` with CPython's binary-operator order (a
/// subclass's reflected method first). `None` when both give NotImplemented.
fn binary_dispatch(vm: &Vm, a: &PyRef, b: &PyRef, fwd: &'static str, rev: &'static str) -> PyResult<Option<PyRef>> {
    let (ta, tb) = (a.ty(), b.ty());
    let fa = ops::lookup_special(vm, a, fwd);
    let mut fb = if ta.is(tb) { None } else { ops::lookup_special(vm, b, rev) };
    if let Some(f) = &fb {
        if typeobj::is_subtype(tb, ta) {
            let ra = ops::lookup_special(vm, a, rev);
            if ra.as_ref().map(|x| !x.is(f)).unwrap_or(true) {
                let r = ops::call_unbound(vm, f, b, std::slice::from_ref(a))?;
                if !r.is(&vm.not_implemented) {
                    return Ok(Some(r));
                }
                fb = None;
            }
        }
    }
    if let Some(f) = fa {
        let r = ops::call_unbound(vm, &f, a, std::slice::from_ref(b))?;
        if !r.is(&vm.not_implemented) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = fb {
        let r = ops::call_unbound(vm, &f, b, std::slice::from_ref(a))?;
        if !r.is(&vm.not_implemented) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

/// divmod() of two builtin numbers; `None` for NotImplemented.
pub fn builtin_divmod(vm: &Vm, x: &PyRef, y: &PyRef) -> PyResult<Option<PyRef>> {
    use refscope_compiler::bytecode::BinOp;
    match (x.kind(), y.kind()) {
        (Kind::Int, Kind::Int) => {
            let (xi, yi) = (int::get(x).unwrap(), int::get(y).unwrap());
            let q = int::binop(vm, BinOp::FloorDiv, xi, yi)?;
            let r = int::binop(vm, BinOp::Mod, xi, yi)?;
            match (q, r) {
                (Some(q), Some(r)) => Ok(Some(vm.tuple([q, r]))),
                _ => Ok(None),
            }
        }
        (Kind::Int | Kind::Float, Kind::Int | Kind::Float) => {
            let xf = match x.kind() {
                Kind::Float => float::get(x).unwrap(),
                _ => int::int_to_f64(vm, int::get(x).unwrap())?,
            };
            let yf = match y.kind() {
                Kind::Float => float::get(y).unwrap(),
                _ => int::int_to_f64(vm, int::get(y).unwrap())?,
            };
            float::divmod(vm, xf, yf).map(Some)
        }
        _ => Ok(None),
    }
}

fn b_divmod(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    check_kw(vm, "divmod", k, &[])?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("divmod expected 2 arguments, got {}", a.len())));
    }
    let (x, y) = (&a[0], &a[1]);
    if !is_heap_type(x) && !is_heap_type(y) {
        if let Some(r) = builtin_divmod(vm, x, y)? {
            return Ok(r);
        }
    }
    match binary_dispatch(vm, x, y, "__divmod__", "__rdivmod__")? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", vm.type_name(x), vm.type_name(y)))),
    }
}

fn is_heap_type(o: &PyRef) -> bool {
    typeobj::data(o.ty()).flag(typeobj::tflags::HEAPTYPE)
}

/// `pow(base, exp, mod)` on ints.
pub fn int_modpow(vm: &Vm, b: &PyRef, e: &PyRef, m: &PyRef) -> PyResult {
    use num_integer::Integer;
    use num_traits::{One, Signed, Zero};
    let (mut b, mut e, m) = (int::to_bigint(b), int::to_bigint(e), int::to_bigint(m));
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    if e.is_negative() {
        // The inverse of base modulo |m| (extended Euclid).
        let base = b.mod_floor(&am);
        let g = base.extended_gcd(&am);
        if !g.gcd.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        b = g.x.mod_floor(&am);
        e = -e;
    }
    let r = if am.is_one() { BigInt::zero() } else { b.mod_floor(&am).modpow(&e, &am) };
    let r = if m.is_negative() && !r.is_zero() { r + m } else { r };
    Ok(vm.bigint(r))
}

fn b_pow(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "pow", a, k, false, &["base", "exp", "mod"], 0, 2, 3)?;
    let (base, exp) = (p[0].unwrap(), p[1].unwrap());
    match p[2] {
        Some(m) if !m.is(&vm.none) => {
            if base.kind() == Kind::Int && exp.kind() == Kind::Int && m.kind() == Kind::Int && !is_heap_type(base) {
                return int_modpow(vm, base, exp, m);
            }
            let all_ints = [base, exp, m].iter().all(|x| x.kind() == Kind::Int);
            if !all_ints && [base, exp, m].iter().all(|x| matches!(x.kind(), Kind::Int | Kind::Float)) {
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
            }
            if [base, exp, m].iter().any(|x| x.kind() == Kind::Complex) && [base, exp, m].iter().all(|x| matches!(x.kind(), Kind::Int | Kind::Float | Kind::Complex)) {
                return Err(vm.value_error("complex modulo"));
            }
            if let Some(f) = ops::lookup_special(vm, base, "__pow__") {
                let r = ops::call_unbound(vm, &f, base, &[exp.clone(), m.clone()])?;
                if !r.is(&vm.not_implemented) {
                    return Ok(r);
                }
            }
            Err(vm.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                vm.type_name(base),
                vm.type_name(exp),
                vm.type_name(m)
            )))
        }
        _ => ops::binary_op(vm, base, exp, refscope_compiler::bytecode::BinOp::Pow),
    }
}

fn b_chr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "chr", a, k)?;
    let i = crate::types::str::c_int_arg(vm, x)?;
    if !(0..=0x10ffff).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(if i < 256 { vm.latin1[i as usize].clone() } else { vm.str_owned(c.to_string()) }),
        None => Err(vm.value_error("surrogate characters are not supported by refscope")),
    }
}

fn b_ord(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = fn_one(vm, "ord", a, k)?;
    if let Some(s) = str::get(x) {
        if s.char_len() != 1 {
            return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.char_len())));
        }
        return Ok(vm.int(s.char_at(0) as i64));
    }
    if let Some(b) = bytes::buffer(x) {
        if b.len() != 1 {
            return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
        }
        return Ok(vm.int(b[0] as i64));
    }
    Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(x))))
}

fn radix(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, r: u32, name: &str) -> PyResult {
    let x = fn_one(vm, name, a, k)?;
    let v = int::index_value(vm, x)?;
    Ok(vm.str_owned(refscope_numfmt::int_to_str_radix(&v, r)))
}
fn b_bin(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    radix(vm, a, k, 2, "bin")
}
fn b_oct(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    radix(vm, a, k, 8, "oct")
}
fn b_hex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    radix(vm, a, k, 16, "hex")
}

fn b_format(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "format", a, k, 1, 2)?;
    let spec = a.get(1).cloned().unwrap_or_else(|| vm.empty_str.clone());
    if str::get(&spec).is_none() {
        return Err(vm.type_error(format!("format() argument 2 must be str, not {}", vm.type_name(&spec))));
    }
    format(vm, &a[0], &spec)
}

fn b_vars(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "vars", a, k, 0, 1)?;
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 0);
    match a.first() {
        None => b_locals(vm, a, None),
        Some(o) => match ops::get_attr_opt(vm, o, &vm.intern("__dict__"))? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn b_dir(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    fn_pos(vm, "dir", a, k, 0, 1)?;
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 0);
    match a.first() {
        None => {
            let l = b_locals(vm, a, None)?;
            let mut keys: Vec<String> = dict::get(&l).map(|d| d.keys()).unwrap_or_default().iter().map(|k| str::as_str(k).to_string()).collect();
            keys.sort();
            Ok(vm.list(keys.into_iter().map(|k| vm.str_owned(k)).collect()))
        }
        Some(o) => {
            let r = match ops::call_special_bound(vm, o, "__dir__", &[])? {
                Some(r) => r,
                None => dir_of(vm, o)?,
            };
            let mut items = ops::iterate(vm, &r)?;
            let mut keyed: Vec<(String, PyRef)> = items.drain(..).map(|x| (ops::str_string(vm, &x).unwrap_or_default(), x)).collect();
            keyed.sort_by(|x, y| x.0.cmp(&y.0));
            Ok(vm.list(keyed.into_iter().map(|x| x.1).collect()))
        }
    }
}

fn current_frame(vm: &Vm) -> Option<PyRef> {
    vm.frames.borrow().last().cloned()
}

fn b_globals(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    check_kw(vm, "globals", k, &[])?;
    if !a.is_empty() {
        return Err(vm.type_error(format!("globals() takes no arguments ({} given)", a.len())));
    }
    match current_frame(vm) {
        Some(f) => Ok(frame::get(&f).unwrap().globals().clone()),
        None => Ok(vm.dict()),
    }
}

fn b_locals(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    check_kw(vm, "locals", k, &[])?;
    if !a.is_empty() {
        return Err(vm.type_error(format!("locals() takes no arguments ({} given)", a.len())));
    }
    match current_frame(vm) {
        Some(f) => frame_locals(vm, &f),
        None => Ok(vm.dict()),
    }
}

fn b_input(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::modules::sys::builtin_input(vm, a, k)
}

fn b_build_class(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::typeobj_call::build_class(vm, a, k)
}

fn b_import(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let name = a.first().ok_or_else(|| vm.type_error("__import__() missing required argument 'name' (pos 1)"))?;
    let globals = a.get(1).cloned().unwrap_or_else(|| vm.dict());
    let fromlist = a.get(3).cloned().unwrap_or_else(|| vm.none());
    let level = a.get(4).cloned().unwrap_or_else(|| vm.int(0));
    crate::import::import_name(vm, name, &fromlist, &level, &globals)
}

fn b_exit(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let code = a.first().cloned();
    Err(PyErr(exceptions::new_exception(vm, &vm.exc.system_exit, code.into_iter().collect())))
}

fn b_exec(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    run_source_builtin(vm, a, false)
}

fn b_eval(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    run_source_builtin(vm, a, true)
}

fn run_source_builtin(vm: &Vm, a: &[PyRef], is_eval: bool) -> PyResult {
    let src = a.first().ok_or_else(|| vm.type_error("exec() missing required argument 'source' (pos 1)"))?;
    let globals = match a.get(1) {
        Some(g) if !g.is(&vm.none) => g.clone(),
        _ => b_globals(vm, &[], None)?,
    };
    let locals = match a.get(2) {
        Some(l) if !l.is(&vm.none) => l.clone(),
        _ => {
            if a.get(1).map(|g| !g.is(&vm.none)).unwrap_or(false) {
                globals.clone()
            } else {
                b_locals(vm, &[], None)?
            }
        }
    };
    if dict::get_str_key(&globals, &vm.intern("__builtins__")).is_none() {
        dict::set_item_str(vm, &globals, vm.intern("__builtins__"), vm.builtins.borrow().clone().unwrap());
    }
    // A string's parse arena lives while its code runs (see
    // `refscope_compiler::arena`).
    let (code, arena) = if src.kind() == Kind::Code {
        (src.clone(), None)
    } else {
        let text = str::get(src).ok_or_else(|| vm.type_error("exec() arg 1 must be a string, bytes or code object"))?.as_str().to_string();
        let (code, arena) = if is_eval {
            // eval() ignores leading spaces and tabs (CPython).
            crate::compile_eval_source_with_arena(vm, text.trim_start_matches([' ', '\t']), "<string>")?
        } else {
            crate::compile_source_with_arena(vm, &text, "<string>", false)?
        };
        (code, Some(arena))
    };
    let v = crate::interp::run_code(vm, &code, globals, locals, None);
    drop(arena);
    let v = v?;
    if is_eval {
        return Ok(v);
    }
    Ok(vm.none())
}

fn b_compile(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let src = a.first().ok_or_else(|| vm.type_error("compile() missing required argument 'source' (pos 1)"))?;
    let filename = a.get(1).map(|f| ops::str_string(vm, f)).transpose()?.unwrap_or_else(|| "<string>".into());
    let text = ops::str_string(vm, src)?;
    let mode = a.get(2).map(|m| ops::str_string(vm, m)).transpose()?;
    match mode.as_deref() {
        Some("eval") => crate::compile_eval_source(vm, text.trim_start_matches([' ', '\t']), &filename),
        Some("exec") | None => crate::compile_source(vm, &text, &filename, false),
        // One interactive statement: expression values are printed.
        Some("single") => crate::compile_source(vm, &text, &filename, true),
        Some(_) => Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
}

pub fn init(vm: &Vm) {
    let d = vm.dict();
    let module = PyRef::new(&vm.types.module, module::ModuleData { dict: d.clone(), builtin: true });
    let add = |name: &'static str, f: NativeFn| {
        let b = builtin_function::new_builtin(vm, name, f, Some(module.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    };
    add("print", b_print);
    add("len", b_len);
    add("repr", b_repr);
    add("ascii", b_ascii);
    add("id", b_id);
    add("hash", b_hash);
    add("isinstance", b_isinstance);
    add("issubclass", b_issubclass);
    add("iter", b_iter);
    add("next", b_next);
    add("getattr", b_getattr);
    add("setattr", b_setattr);
    add("hasattr", b_hasattr);
    add("delattr", b_delattr);
    add("callable", b_callable);
    add("abs", b_abs);
    add("min", b_min);
    add("max", b_max);
    add("sum", b_sum);
    add("any", b_any);
    add("all", b_all);
    add("sorted", b_sorted);
    add("round", b_round);
    add("divmod", b_divmod);
    add("pow", b_pow);
    add("chr", b_chr);
    add("ord", b_ord);
    add("bin", b_bin);
    add("oct", b_oct);
    add("hex", b_hex);
    add("format", b_format);
    add("vars", b_vars);
    add("dir", b_dir);
    add("globals", b_globals);
    add("locals", b_locals);
    add("input", b_input);
    add("__build_class__", b_build_class);
    add("__import__", b_import);
    add("exit", b_exit);
    add("quit", b_exit);
    add("exec", b_exec);
    add("eval", b_eval);
    add("compile", b_compile);
    let t = &vm.types;
    let types: [(&str, &PyRef); 24] = [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
    ];
    for (n, ty) in types {
        dict::set_item_str(vm, &d, vm.intern(n), ty.clone());
    }
    dict::set_item_str(vm, &d, vm.intern("reversed"), t.reversed.clone());
    dict::set_item_str(vm, &d, vm.intern("memoryview"), crate::types::memoryview::memoryview_type(vm));
    for (n, ty) in &vm.exc.all {
        dict::set_item_str(vm, &d, vm.intern(n), ty.clone());
    }
    dict::set_item_str(vm, &d, vm.intern("EnvironmentError"), vm.exc.os_error.clone());
    dict::set_item_str(vm, &d, vm.intern("IOError"), vm.exc.os_error.clone());
    dict::set_item_str(vm, &d, vm.intern("None"), vm.none());
    dict::set_item_str(vm, &d, vm.intern("Ellipsis"), vm.ellipsis.clone());
    dict::set_item_str(vm, &d, vm.intern("NotImplemented"), vm.not_implemented.clone());
    dict::set_item_str(vm, &d, vm.intern("True"), vm.true_.clone());
    dict::set_item_str(vm, &d, vm.intern("False"), vm.false_.clone());
    dict::set_item_str(vm, &d, vm.intern("__debug__"), vm.true_.clone());
    dict::set_item_str(vm, &d, vm.intern("__name__"), vm.intern("builtins"));
    for ty in crate::types::typeobj::all_types(&vm.types) {
        *typeobj::data(&ty).module.borrow_mut() = Some("builtins".into());
    }
    for (_, ty) in &vm.exc.all {
        *typeobj::data(ty).module.borrow_mut() = Some("builtins".into());
    }
    *vm.builtins.borrow_mut() = Some(module.clone());
    *vm.builtins_dict.borrow_mut() = Some(d.clone());
    dict::set_item_str(vm, &vm.modules, vm.intern("builtins"), module);
}

/// Make `ExceptionGroup` (a class made as a program's are: once the
/// builtin types are booted) and put it in the builtins.
pub fn add_exception_group(vm: &Vm) {
    let eg = crate::types::exception_group::make_exception_group(vm).expect("ExceptionGroup is made at start-up");
    let _ = vm.exc.exception_group.set(eg.clone());
    dict::set_item_str(vm, &vm.builtins_dict(), vm.intern("ExceptionGroup"), eg);
}
