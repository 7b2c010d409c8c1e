//! `bytes`: an immutable byte string with a cached hash.

use crate::object::PyRef;
use crate::vm::Vm;
use std::cell::Cell;

pub struct BytesData {
    b: Box<[u8]>,
    hash: Cell<i64>,
}

impl BytesData {
    pub fn new(b: Vec<u8>) -> BytesData {
        BytesData { b: b.into_boxed_slice(), hash: Cell::new(-1) }
    }
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.b
    }
    pub fn hash(&self, vm: &Vm) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = refscope_text::hash_bytes(&self.b, &vm.hash_key);
        self.hash.set(h);
        h
    }
}

pub fn get(obj: &PyRef) -> Option<&[u8]> {
    obj.payload::<BytesData>().map(|b| b.as_bytes())
}

pub fn repr(b: &[u8]) -> String {
    refscope_text::bytes_repr(b, "")
}

// ---------------------------------------------------------------- methods
//
// bytes and bytearray share their non-mutating methods: each function
// below looks at `self` to know which type it works for (a bytearray method
// returns a new bytearray, a bytes method a bytes), and to word its errors
// ("bytes.upper()" / "bytearray.upper()").

use crate::object::Kind;
use crate::ops;
use crate::types::methods::{exc_named, kw_args, kw_names, noargs, one_arg, opt_slice_index, pos_args, text_err, tuple_args};
use crate::types::{bytearray, int, str, tuple, typeobj};
use crate::vm::PyResult;
use std::borrow::Cow;

/// The contents of a bytes or bytearray object (a copy for bytearray, so
/// that no borrow is held while Python code runs).
pub fn buffer(o: &PyRef) -> Option<Cow<'_, [u8]>> {
    if let Some(b) = get(o) {
        return Some(Cow::Borrowed(b));
    }
    if let Some(d) = bytearray::get(o) {
        return Some(Cow::Owned(d.b.borrow().clone()));
    }
    crate::types::memoryview::bytes_of(o).map(Cow::Owned)
}

/// A bytes-like argument, or `a bytes-like object is required, not 'str'`.
pub fn need_buffer<'a>(vm: &Vm, x: &'a PyRef) -> PyResult<Cow<'a, [u8]>> {
    buffer(x).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(x))))
}

fn type_label(o: &PyRef) -> &'static str {
    if o.kind() == Kind::ByteArray {
        "bytearray"
    } else {
        "bytes"
    }
}

/// The contents of `self`.
fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<Cow<'a, [u8]>> {
    match a.first().and_then(buffer) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires a 'bytes' object")),
    }
}

/// A new object of `self`'s family (exact bytes or exact bytearray).
pub fn make(vm: &Vm, like: &PyRef, v: Vec<u8>) -> PyRef {
    if like.kind() == Kind::ByteArray {
        PyRef::new(&vm.types.bytearray, bytearray::ByteArrayData::new(v))
    } else {
        vm.bytes(v)
    }
}

/// A piece of `self`: `self` itself when it is an exact bytes and the piece
/// is all of it (as CPython returns it unchanged).
fn piece(vm: &Vm, orig: &PyRef, full_len: usize, part: &[u8]) -> PyRef {
    if part.len() == full_len && orig.ty().is(&vm.types.bytes) {
        orig.clone()
    } else {
        make(vm, orig, part.to_vec())
    }
}

/// The `sub` argument of find/count/index: an int in range(256) or a
/// bytes-like object.
fn sub_arg<'a>(vm: &Vm, x: &'a PyRef) -> PyResult<Cow<'a, [u8]>> {
    if let Some(b) = buffer(x) {
        return Ok(b);
    }
    if int::get(x).is_some() || ops::lookup_special(vm, x, "__index__").is_some() {
        let v = int::index_value(vm, x)?;
        return match num_traits::ToPrimitive::to_u8(&v) {
            Some(b) => Ok(Cow::Owned(vec![b])),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(x))))
}

/// A byte value (`append`, `insert`, item assignment ...).
pub fn byte_value(vm: &Vm, x: &PyRef) -> PyResult<u8> {
    let v = int::index_value(vm, x)?;
    num_traits::ToPrimitive::to_u8(&v).ok_or_else(|| vm.value_error("byte must be in range(0, 256)"))
}

fn text_err_for(vm: &Vm, o: &PyRef, e: refscope_text::TextError) -> crate::vm::PyErr {
    if o.kind() == Kind::ByteArray {
        text_err(vm, e.into_bytearray_error())
    } else {
        text_err(vm, e)
    }
}

fn b_list(vm: &Vm, orig: &PyRef, full: usize, parts: Vec<&[u8]>) -> PyRef {
    vm.list(parts.into_iter().map(|p| piece(vm, orig, full, p)).collect())
}

fn sep_arg<'a>(vm: &Vm, x: Option<&'a PyRef>) -> PyResult<Option<Cow<'a, [u8]>>> {
    match x {
        None => Ok(None),
        Some(v) if v.is(&vm.none) => Ok(None),
        Some(v) => Ok(Some(need_buffer(vm, v)?)),
    }
}

fn b_split(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "split", a, k, true, &["sep", "maxsplit"], 0, 0, 2)?;
    let m = match p[1] {
        Some(x) => int::index_i64(vm, x)?,
        None => -1,
    };
    let sep = sep_arg(vm, p[0])?;
    let s = this(vm, a)?;
    let parts = refscope_text::pybytes::split(&s, sep.as_deref(), m).map_err(|e| text_err(vm, e))?;
    {
        let l = b_list(vm, &a[0], s.len(), parts);
        crate::types::list::sized_as_split(&l, m);
        Ok(l)
    }
}
fn b_rsplit(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "rsplit", a, k, true, &["sep", "maxsplit"], 0, 0, 2)?;
    let m = match p[1] {
        Some(x) => int::index_i64(vm, x)?,
        None => -1,
    };
    let sep = sep_arg(vm, p[0])?;
    let s = this(vm, a)?;
    let parts = refscope_text::pybytes::rsplit(&s, sep.as_deref(), m).map_err(|e| text_err(vm, e))?;
    {
        let l = b_list(vm, &a[0], s.len(), parts);
        crate::types::list::sized_as_split(&l, m);
        Ok(l)
    }
}
fn b_splitlines(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "splitlines", a, k, true, &["keepends"], 0, 0, 1)?;
    let keep = match p[0] {
        Some(x) => str::c_int_arg(vm, x)? != 0,
        None => false,
    };
    let s = this(vm, a)?;
    let l = b_list(vm, &a[0], s.len(), refscope_text::pybytes::splitlines(&s, keep));
    crate::types::list::sized_as_appended(&l);
    Ok(l)
}

fn b_join(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let seq = one_arg(vm, type_label(&a[0]), "join", a, k)?;
    let sep = this(vm, a)?.into_owned();
    let items = match seq.kind() {
        Kind::List | Kind::Tuple => ops::iterate(vm, seq)?,
        _ => {
            let it = match ops::get_iter(vm, seq) {
                Ok(it) => it,
                Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => return Err(vm.type_error("can only join an iterable")),
                Err(e) => return Err(e),
            };
            let mut v = Vec::new();
            while let Some(x) = ops::next(vm, &it)? {
                v.push(x);
            }
            v
        }
    };
    if items.len() == 1 && items[0].ty().is(&vm.types.bytes) && a[0].kind() == Kind::Bytes {
        return Ok(items[0].clone());
    }
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(xb) = buffer(x) else {
            return Err(vm.type_error(format!("sequence item {}: expected a bytes-like object, {} found", i, vm.type_name(x))));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&xb);
    }
    Ok(make(vm, &a[0], out))
}

macro_rules! b_unary {
    ($($name:ident, $py:literal => $f:path;)*) => { $(
        fn $name(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            noargs(vm, type_label(&a[0]), $py, a, k)?;
            let r = $f(&this(vm, a)?);
            Ok(make(vm, &a[0], r))
        }
    )* };
}
b_unary! {
    b_upper, "upper" => refscope_text::pybytes::upper;
    b_lower, "lower" => refscope_text::pybytes::lower;
    b_capitalize, "capitalize" => refscope_text::pybytes::capitalize;
    b_title, "title" => refscope_text::pybytes::title;
    b_swapcase, "swapcase" => refscope_text::pybytes::swapcase;
}

macro_rules! b_pred {
    ($($name:ident, $py:literal => $f:path;)*) => { $(
        fn $name(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            noargs(vm, type_label(&a[0]), $py, a, k)?;
            Ok(vm.bool($f(&this(vm, a)?)))
        }
    )* };
}
b_pred! {
    b_isalpha, "isalpha" => refscope_text::pybytes::isalpha;
    b_isalnum, "isalnum" => refscope_text::pybytes::isalnum;
    b_isdigit, "isdigit" => refscope_text::pybytes::isdigit;
    b_isspace, "isspace" => refscope_text::pybytes::isspace;
    b_isascii, "isascii" => refscope_text::pybytes::isascii;
    b_islower, "islower" => refscope_text::pybytes::islower;
    b_isupper, "isupper" => refscope_text::pybytes::isupper;
    b_istitle, "istitle" => refscope_text::pybytes::istitle;
}

fn strip_impl(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, name: &str, f: for<'x> fn(&'x [u8], Option<&[u8]>) -> &'x [u8]) -> PyResult {
    let p = pos_args(vm, type_label(&a[0]), name, a, k, 0, 1)?;
    let chars = sep_arg(vm, p.first())?;
    let s = this(vm, a)?;
    let r = f(&s, chars.as_deref());
    Ok(piece(vm, &a[0], s.len(), r))
}
fn b_strip(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    strip_impl(vm, a, k, "strip", refscope_text::pybytes::strip)
}
fn b_lstrip(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    strip_impl(vm, a, k, "lstrip", refscope_text::pybytes::lstrip)
}
fn b_rstrip(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    strip_impl(vm, a, k, "rstrip", refscope_text::pybytes::rstrip)
}

fn find_args<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<(Cow<'a, [u8]>, Option<i64>, Option<i64>)> {
    let p = tuple_args(vm, type_label(&a[0]), name, a, k, 1, 3)?;
    let st = opt_slice_index(vm, p.get(1))?;
    let en = opt_slice_index(vm, p.get(2))?;
    let sub = sub_arg(vm, &p[0])?;
    Ok((sub, st, en))
}
fn b_find(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (sub, st, en) = find_args(vm, "find", a, k)?;
    let r = refscope_text::pybytes::find(&this(vm, a)?, &sub, st, en);
    Ok(vm.int(r.map(|x| x as i64).unwrap_or(-1)))
}
fn b_rfind(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (sub, st, en) = find_args(vm, "rfind", a, k)?;
    let r = refscope_text::pybytes::rfind(&this(vm, a)?, &sub, st, en);
    Ok(vm.int(r.map(|x| x as i64).unwrap_or(-1)))
}
fn b_index(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (sub, st, en) = find_args(vm, "index", a, k)?;
    match refscope_text::pybytes::find(&this(vm, a)?, &sub, st, en) {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_rindex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (sub, st, en) = find_args(vm, "rindex", a, k)?;
    match refscope_text::pybytes::rfind(&this(vm, a)?, &sub, st, en) {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}
fn b_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (sub, st, en) = find_args(vm, "count", a, k)?;
    Ok(vm.int(refscope_text::pybytes::count(&this(vm, a)?, &sub, st, en) as i64))
}

fn b_replace(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, type_label(&a[0]), "replace", a, k, 2, 3)?;
    let old = need_buffer(vm, &p[0])?;
    let new = need_buffer(vm, &p[1])?;
    let count = match p.get(2) {
        Some(c) => int::index_i64(vm, c)?,
        None => -1,
    };
    let s = this(vm, a)?;
    let r = refscope_text::pybytes::replace(&s, &old, &new, count).map_err(|e| text_err_for(vm, &a[0], e))?;
    if r == *s && a[0].ty().is(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(make(vm, &a[0], r))
}

fn prefix_check(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, ends: bool) -> PyResult {
    let name = if ends { "endswith" } else { "startswith" };
    let p = tuple_args(vm, type_label(&a[0]), name, a, k, 1, 3)?;
    let st = opt_slice_index(vm, p.get(1))?;
    let en = opt_slice_index(vm, p.get(2))?;
    let s = this(vm, a)?;
    let check = |x: &[u8]| if ends { refscope_text::pybytes::endswith(&s, x, st, en) } else { refscope_text::pybytes::startswith(&s, x, st, en) };
    if let Some(t) = tuple::get(&p[0]) {
        for x in t {
            if check(&need_buffer(vm, x)?) {
                return Ok(vm.true_.clone());
            }
        }
        return Ok(vm.false_.clone());
    }
    let Some(x) = buffer(&p[0]) else {
        return Err(vm.type_error(format!("{} first arg must be bytes or a tuple of bytes, not {}", name, vm.type_name(&p[0]))));
    };
    Ok(vm.bool(check(&x)))
}
fn b_startswith(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    prefix_check(vm, a, k, false)
}
fn b_endswith(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    prefix_check(vm, a, k, true)
}

fn pad_impl(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, name: &str, f: fn(&[u8], i64, u8) -> Result<Vec<u8>, refscope_text::TextError>) -> PyResult {
    let p = pos_args(vm, type_label(&a[0]), name, a, k, 1, 2)?;
    let w = int::index_i64(vm, &p[0])?;
    let fill = match p.get(1) {
        None => b' ',
        Some(x) => match buffer(x) {
            Some(b) if b.len() == 1 => b[0],
            _ => return Err(vm.type_error(format!("{}() argument 2 must be a byte string of length 1, not {}", name, vm.type_name(x)))),
        },
    };
    let s = this(vm, a)?;
    if w <= s.len() as i64 && a[0].ty().is(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    let r = f(&s, w, fill).map_err(|e| text_err_for(vm, &a[0], e))?;
    Ok(make(vm, &a[0], r))
}
fn b_center(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    pad_impl(vm, a, k, "center", refscope_text::pybytes::center)
}
fn b_ljust(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    pad_impl(vm, a, k, "ljust", refscope_text::pybytes::ljust)
}
fn b_rjust(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    pad_impl(vm, a, k, "rjust", refscope_text::pybytes::rjust)
}
fn b_zfill(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, type_label(&a[0]), "zfill", a, k)?;
    let w = int::index_i64(vm, x)?;
    let s = this(vm, a)?;
    if w <= s.len() as i64 && a[0].ty().is(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    let r = refscope_text::pybytes::zfill(&s, w).map_err(|e| text_err_for(vm, &a[0], e))?;
    Ok(make(vm, &a[0], r))
}
fn b_expandtabs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "expandtabs", a, k, true, &["tabsize"], 0, 0, 1)?;
    let t = match p[0] {
        Some(x) => str::c_int_arg(vm, x)? as i32,
        None => 8,
    };
    let r = refscope_text::pybytes::expandtabs(&this(vm, a)?, t).map_err(|e| text_err_for(vm, &a[0], e))?;
    Ok(make(vm, &a[0], r))
}

fn b_partition(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, type_label(&a[0]), "partition", a, k)?;
    let sep = need_buffer(vm, x)?;
    let s = this(vm, a)?;
    let parts = refscope_text::pybytes::partition(&s, &sep).map_err(|e| text_err(vm, e))?;
    let (p0, p1, p2) = (parts.0, parts.1, parts.2);
    let sepobj = if a[0].kind() == Kind::Bytes && !p1.is_empty() && x.ty().is(&vm.types.bytes) { x.clone() } else { make(vm, &a[0], p1.to_vec()) };
    Ok(vm.tuple([piece(vm, &a[0], s.len(), p0), sepobj, make(vm, &a[0], p2.to_vec())]))
}
fn b_rpartition(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, type_label(&a[0]), "rpartition", a, k)?;
    let sep = need_buffer(vm, x)?;
    let s = this(vm, a)?;
    let parts = refscope_text::pybytes::rpartition(&s, &sep).map_err(|e| text_err(vm, e))?;
    let (p0, p1, p2) = (parts.0, parts.1, parts.2);
    let sepobj = if a[0].kind() == Kind::Bytes && !p1.is_empty() && x.ty().is(&vm.types.bytes) { x.clone() } else { make(vm, &a[0], p1.to_vec()) };
    Ok(vm.tuple([make(vm, &a[0], p0.to_vec()), sepobj, piece(vm, &a[0], s.len(), p2)]))
}
fn b_removeprefix(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, type_label(&a[0]), "removeprefix", a, k)?;
    let p = need_buffer(vm, x)?;
    let s = this(vm, a)?;
    Ok(piece(vm, &a[0], s.len(), refscope_text::pybytes::removeprefix(&s, &p)))
}
fn b_removesuffix(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, type_label(&a[0]), "removesuffix", a, k)?;
    let p = need_buffer(vm, x)?;
    let s = this(vm, a)?;
    Ok(piece(vm, &a[0], s.len(), refscope_text::pybytes::removesuffix(&s, &p)))
}

pub(crate) fn b_hex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "hex", a, k, true, &["sep", "bytes_per_sep"], 0, 0, 2)?;
    let sep = match p[0] {
        None => None,
        Some(x) => {
            if let Some(s) = str::get(x) {
                Some(refscope_text::pybytes::hex_sep_from_str(s.as_str()).map_err(|e| text_err(vm, e))?)
            } else if let Some(b) = buffer(x) {
                Some(refscope_text::pybytes::hex_sep_from_bytes(&b).map_err(|e| text_err(vm, e))?)
            } else {
                // Anything else must at least have a length of 1.
                let n = ops::len(vm, x)?;
                if n != 1 {
                    return Err(vm.value_error("sep must be length 1."));
                }
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(x))));
            }
        }
    };
    let per = match p[1] {
        Some(x) => str::c_int_arg(vm, x)?,
        None => 1,
    };
    Ok(vm.str_owned(refscope_text::pybytes::hex(&this(vm, a)?, sep, per)))
}

/// `bytes.fromhex(string)` / `bytearray.fromhex(string)` (class methods).
fn b_fromhex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let cls = a.first().cloned().unwrap_or_else(|| vm.types.bytes.clone());
    let label = if typeobj::is_subtype(&cls, &vm.types.bytearray) { "bytearray" } else { "bytes" };
    let x = one_arg(vm, label, "fromhex", a, k)?;
    let Some(s) = str::get(x) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", crate::types::methods::arg_type_name(vm, x))));
    };
    let v = refscope_text::pybytes::fromhex(s.as_str()).map_err(|e| text_err(vm, e))?;
    let base = if label == "bytearray" { &vm.types.bytearray } else { &vm.types.bytes };
    let obj = if label == "bytearray" { PyRef::new(&vm.types.bytearray, bytearray::ByteArrayData::new(v)) } else { vm.bytes(v) };
    if cls.is(base) {
        return Ok(obj);
    }
    ops::call1(vm, &cls, obj)
}

/// `bytes.maketrans(frm, to)` (a static method).
fn b_maketrans(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    if a.len() != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", a.len())));
    }
    let frm = need_buffer(vm, &a[0])?;
    let to = need_buffer(vm, &a[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in frm.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(vm.bytes(table))
}

fn b_translate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "translate", a, k, true, &["table", "delete"], 1, 1, 2)?;
    let table = match p[0] {
        Some(t) if !t.is(&vm.none) => {
            let t = need_buffer(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        _ => None,
    };
    let delete = match p[1] {
        Some(d) => need_buffer(vm, d)?.into_owned(),
        None => Vec::new(),
    };
    let s = this(vm, a)?;
    let mut out = Vec::with_capacity(s.len());
    for &c in s.iter() {
        if delete.contains(&c) {
            continue;
        }
        out.push(match &table {
            Some(t) => t[c as usize],
            None => c,
        });
    }
    if out == *s && a[0].ty().is(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(make(vm, &a[0], out))
}

/// `bytes.decode()` / `bytearray.decode()`, and `str(b, encoding, errors)`.
pub fn decode_obj(vm: &Vm, o: &PyRef, enc: Option<&PyRef>, errors: Option<&PyRef>, what: &str) -> PyResult {
    let Some(b) = buffer(o) else {
        return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(o))));
    };
    let enc = match enc {
        None => "utf-8",
        Some(x) => str::get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("{} argument 'encoding' must be str, not {}", what, crate::types::methods::arg_type_name(vm, x))))?,
    };
    let errors = match errors {
        None => "strict",
        Some(x) => str::get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("{} argument 'errors' must be str, not {}", what, crate::types::methods::arg_type_name(vm, x))))?,
    };
    match refscope_text::codecs::decode(&b, enc, errors) {
        Ok(s) => Ok(vm.str_owned(s)),
        Err(e) => Err(exc_named(vm, e.exception_type(), e.message())),
    }
}
fn b_decode(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "decode", a, k, true, &["encoding", "errors"], 0, 0, 2)?;
    decode_obj(vm, &a[0], p[0], p[1], "decode()")
}

fn b_getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytes", "__getnewargs__", a, k)?;
    Ok(vm.tuple([vm.bytes(this(vm, a)?.into_owned())]))
}
fn b_bytes(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytes", "__bytes__", a, k)?;
    if a[0].ty().is(&vm.types.bytes) {
        return Ok(a[0].clone());
    }
    Ok(vm.bytes(this(vm, a)?.into_owned()))
}

/// Register the methods bytes and bytearray share on `ty`.
pub fn add_common_methods(vm: &Vm, ty: &PyRef) {
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, ty, name, f);
    m("split", b_split);
    m("rsplit", b_rsplit);
    m("splitlines", b_splitlines);
    m("join", b_join);
    m("upper", b_upper);
    m("lower", b_lower);
    m("capitalize", b_capitalize);
    m("title", b_title);
    m("swapcase", b_swapcase);
    m("isalpha", b_isalpha);
    m("isalnum", b_isalnum);
    m("isdigit", b_isdigit);
    m("isspace", b_isspace);
    m("isascii", b_isascii);
    m("islower", b_islower);
    m("isupper", b_isupper);
    m("istitle", b_istitle);
    m("strip", b_strip);
    m("lstrip", b_lstrip);
    m("rstrip", b_rstrip);
    m("find", b_find);
    m("rfind", b_rfind);
    m("index", b_index);
    m("rindex", b_rindex);
    m("count", b_count);
    m("replace", b_replace);
    m("startswith", b_startswith);
    m("endswith", b_endswith);
    m("center", b_center);
    m("ljust", b_ljust);
    m("rjust", b_rjust);
    m("zfill", b_zfill);
    m("expandtabs", b_expandtabs);
    m("partition", b_partition);
    m("rpartition", b_rpartition);
    m("removeprefix", b_removeprefix);
    m("removesuffix", b_removesuffix);
    m("hex", b_hex);
    m("translate", b_translate);
    m("decode", b_decode);
    typeobj::add_classmethod(vm, ty, "fromhex", b_fromhex);
    typeobj::add_staticmethod(vm, ty, "maketrans", b_maketrans);
}

pub fn init_methods(vm: &Vm) {
    let ty = &vm.types.bytes;
    add_common_methods(vm, ty);
    typeobj::add_method(vm, ty, "__getnewargs__", b_getnewargs);
    typeobj::add_method(vm, ty, "__bytes__", b_bytes);
}

/// `encoding` and `errors` arguments of bytes()/bytearray() must be str.
pub fn check_codec_args(vm: &Vm, tname: &str, enc: Option<&PyRef>, errors: Option<&PyRef>) -> PyResult<()> {
    for (what, v) in [("encoding", enc), ("errors", errors)] {
        if let Some(v) = v {
            if str::get(v).is_none() {
                return Err(vm.type_error(format!("{}() argument '{}' must be str, not {}", tname, what, crate::types::methods::arg_type_name(vm, v))));
            }
        }
    }
    Ok(())
}

/// The contents `bytes(x, encoding, errors)` / `bytearray(x, encoding,
/// errors)` build from `x` (`for_bytearray` picks bytearray's rules:
/// no `__bytes__`, "byte must be ..." errors).
pub fn from_object(vm: &Vm, x: &PyRef, enc: Option<&PyRef>, errors: Option<&PyRef>, for_bytearray: bool) -> PyResult<Vec<u8>> {
    let tname = if for_bytearray { "bytearray" } else { "bytes" };
    check_codec_args(vm, tname, enc, errors)?;
    if let Some(e) = enc {
        let Some(s) = str::get(x) else { return Err(vm.type_error("encoding without a string argument")) };
        let enc = str::get(e).ok_or_else(|| vm.type_error(format!("{}() argument 'encoding' must be str, not {}", tname, vm.type_name(e))))?;
        let errs = match errors {
            Some(er) => str::get(er).ok_or_else(|| vm.type_error(format!("{}() argument 'errors' must be str, not {}", tname, vm.type_name(er))))?.as_str(),
            None => "strict",
        };
        return refscope_text::codecs::encode(s.as_str(), enc.as_str(), errs).map_err(|e| exc_named(vm, e.exception_type(), e.message()));
    }
    if errors.is_some() {
        return Err(vm.type_error(if str::get(x).is_some() { "string argument without an encoding" } else { "errors without a string argument" }));
    }
    if !for_bytearray {
        if let Some(r) = ops::call_special_bound(vm, x, "__bytes__", &[])? {
            return match get(&r) {
                Some(b) => Ok(b.to_vec()),
                None => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
            };
        }
    }
    if str::get(x).is_some() {
        return Err(vm.type_error("string argument without an encoding"));
    }
    if int::get(x).is_some() || ops::lookup_special(vm, x, "__index__").is_some() {
        match int::index_value(vm, x) {
            Ok(n) => {
                use num_traits::ToPrimitive;
                let n = n.to_i64().ok_or_else(|| vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(x))))?;
                if n < 0 {
                    return Err(vm.value_error("negative count"));
                }
                if n > (1i64 << 40) {
                    return Err(vm.memory_error());
                }
                return Ok(vec![0; n as usize]);
            }
            Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    if let Some(b) = buffer(x) {
        return Ok(b.into_owned());
    }
    let it = match ops::get_iter(vm, x) {
        Ok(it) => it,
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {
            return Err(vm.type_error(format!("cannot convert '{}' object to {}", vm.type_name(x), tname)));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = ops::next(vm, &it)? {
        let v = int::index_value(vm, &item)?;
        match num_traits::ToPrimitive::to_u8(&v) {
            Some(b) => out.push(b),
            None => return Err(vm.value_error(if for_bytearray { "byte must be in range(0, 256)" } else { "bytes must be in range(0, 256)" })),
        }
    }
    Ok(out)
}

/// `bytes(x)` for an object that is not a count (CPython's PyObject_Bytes):
/// bytes, `__bytes__`, a buffer or an iterable of ints.
pub fn pyobject_bytes(vm: &Vm, x: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = get(x) {
        return Ok(b.to_vec());
    }
    if let Some(r) = ops::call_special_bound(vm, x, "__bytes__", &[])? {
        return match get(&r) {
            Some(b) => Ok(b.to_vec()),
            None => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
        };
    }
    if let Some(b) = buffer(x) {
        return Ok(b.into_owned());
    }
    if str::get(x).is_some() || int::get(x).is_some() {
        return Err(vm.type_error(format!("cannot convert '{}' object to bytes", vm.type_name(x))));
    }
    from_object(vm, x, None, None, false)
}
