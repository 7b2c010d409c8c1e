//! `str`: an immutable sequence of code points, stored as UTF-8 with its
//! length in code points, an all-ASCII flag (so indexing ASCII text is O(1))
//! and the cached hash. The PEP 393 "kind" (1, 2 or 4 bytes per code point)
//! that CPython's sizes depend on is computed from the text when needed.

use crate::object::{Kind, PyRef};
use crate::types::{dict, typeobj};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

pub struct StrData {
    s: Box<str>,
    hash: Cell<i64>,
    /// What only non-ASCII text needs (None: ASCII, whose length in code
    /// points is its length in bytes). Kept apart so that a str block is
    /// 48 bytes, the size class of CPython's short strings' neighbours,
    /// not 80.
    wide: Option<Box<Wide>>,
}

// A str block (header and payload) is 48 bytes (see `wide`).
const _: () = assert!(std::mem::size_of::<StrData>() == 32);

struct Wide {
    /// Length in code points.
    len: usize,
    /// The byte offset of every `STRIDE`-th code point, built on first
    /// use, so that indexing is O(STRIDE) instead of O(n).
    stride_offsets: std::cell::OnceCell<Box<[usize]>>,
}

const STRIDE: usize = 64;

impl StrData {
    pub fn new(s: String) -> StrData {
        let wide = if s.is_ascii() { None } else { Some(Box::new(Wide { len: s.chars().count(), stride_offsets: std::cell::OnceCell::new() })) };
        StrData { s: s.into_boxed_str(), hash: Cell::new(-1), wide }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        match &self.wide {
            None => self.s.len(),
            Some(w) => w.len,
        }
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.wide.is_none()
    }
    pub fn hash(&self, vm: &Vm) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = refscope_text::hash_str(&self.s, &vm.hash_key);
        self.hash.set(h);
        h
    }
    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|b| *b as char).unwrap_or('\0')
        } else {
            let b = self.byte_offset(i);
            self.s[b..].chars().next().unwrap_or('\0')
        }
    }
    /// Byte offset of code point index `i` (i <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        let Some(w) = &self.wide else {
            return i.min(self.s.len());
        };
        if i >= w.len {
            return self.s.len();
        }
        let offs = w.stride_offsets.get_or_init(|| self.s.char_indices().step_by(STRIDE).map(|(b, _)| b).collect());
        let start = offs.get(i / STRIDE).copied().unwrap_or(0);
        self.s[start..].char_indices().nth(i % STRIDE).map(|(b, _)| start + b).unwrap_or(self.s.len())
    }
    /// Substring by code point indices.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.s[a..b]
    }
}

/// The text of a str object. Panics (a bug) if `obj` is not a str.
#[inline]
pub fn as_str(obj: &PyRef) -> &str {
    obj.payload_unchecked::<StrData>().as_str()
}

#[inline]
pub fn get(obj: &PyRef) -> Option<&StrData> {
    obj.payload::<StrData>()
}

pub fn repr(s: &str) -> String {
    refscope_text::str_repr(s)
}

/// Two str objects are equal (fast path: identity, then the bytes).
#[inline]
pub fn eq(a: &StrData, b: &StrData) -> bool {
    std::ptr::eq(a, b) || a.s == b.s
}

/// `a + b` for str objects: an exact str is returned as is when the other
/// operand is empty (as CPython does).
pub fn concat_objs(vm: &Vm, a: &PyRef, b: &PyRef) -> PyRef {
    let (x, y) = (get(a).unwrap(), get(b).unwrap());
    if y.s.is_empty() && a.ty().is(&vm.types.str_) {
        return a.clone();
    }
    if x.s.is_empty() && b.ty().is(&vm.types.str_) {
        return b.clone();
    }
    concat(vm, x, y)
}

pub fn concat(vm: &Vm, a: &StrData, b: &StrData) -> PyRef {
    let mut s = String::with_capacity(a.s.len() + b.s.len());
    s.push_str(&a.s);
    s.push_str(&b.s);
    vm.str_owned(s)
}

pub fn repeat(vm: &Vm, a: &StrData, n: i64) -> PyResult<PyRef> {
    if n <= 0 || a.s.is_empty() {
        return Ok(vm.empty_str.clone());
    }
    let total = (a.s.len() as u128) * (n as u128);
    if total > (isize::MAX as u128) / 2 {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    Ok(vm.str_owned(a.s.repeat(n as usize)))
}

// ---------------------------------------------------------------- methods

use crate::ops;
use crate::types::methods::{arg_type_name, exc_named, kw_args, noargs, one_arg, opt_slice_index, pos_args, text_err, tuple_args};
use crate::types::{int, tuple};

/// The text of `self` (the first argument) of a str method.
fn text<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a str> {
    match a.first().and_then(get) {
        Some(d) => Ok(d.as_str()),
        None => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

fn is_exact(vm: &Vm, o: &PyRef) -> bool {
    o.ty().is(&vm.types.str_)
}

/// A piece of `orig`'s text as a str: `orig` itself when the piece is the
/// whole text (CPython returns an exact str unchanged), else a new str.
fn piece(vm: &Vm, orig: &PyRef, part: &str) -> PyRef {
    if part.len() == as_str(orig).len() && is_exact(vm, orig) {
        orig.clone()
    } else {
        vm.str(part)
    }
}

fn need_str<'a>(vm: &Vm, x: &'a PyRef, what: &str) -> PyResult<&'a str> {
    get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("{}must be str, not {}", what, vm.type_name(x))))
}

fn str_list(vm: &Vm, orig: &PyRef, parts: Vec<&str>) -> PyRef {
    vm.list(parts.into_iter().map(|p| piece(vm, orig, p)).collect())
}

fn sep_arg<'a>(vm: &Vm, x: Option<&'a PyRef>) -> PyResult<Option<&'a str>> {
    match x {
        None => Ok(None),
        Some(v) if v.is(&vm.none) => Ok(None),
        Some(v) => match get(v) {
            Some(d) => Ok(Some(d.as_str())),
            None => Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(v)))),
        },
    }
}

fn maxsplit_arg(vm: &Vm, x: Option<&PyRef>) -> PyResult<i64> {
    match x {
        None => Ok(-1),
        Some(v) => int::index_i64(vm, v),
    }
}

/// A C `int` argument (`expandtabs`, `splitlines`).
pub fn c_int_arg(vm: &Vm, x: &PyRef) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    if crate::types::float::get(x).is_some() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let v = int::index_value(vm, x)?;
    match v.to_i32() {
        Some(i) => Ok(i as i64),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn str_split(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let s = text(vm, a)?;
    let p = kw_args(vm, "split", a, k, true, &["sep", "maxsplit"], 0, 0, 2)?;
    let m = maxsplit_arg(vm, p[1])?;
    let sep = sep_arg(vm, p[0])?;
    let parts = refscope_text::pystr::split(s, sep, m).map_err(|e| text_err(vm, e))?;
    {
        let l = str_list(vm, &a[0], parts);
        crate::types::list::sized_as_split(&l, m);
        Ok(l)
    }
}
fn str_rsplit(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let s = text(vm, a)?;
    let p = kw_args(vm, "rsplit", a, k, true, &["sep", "maxsplit"], 0, 0, 2)?;
    let m = maxsplit_arg(vm, p[1])?;
    let sep = sep_arg(vm, p[0])?;
    let parts = refscope_text::pystr::rsplit(s, sep, m).map_err(|e| text_err(vm, e))?;
    {
        let l = str_list(vm, &a[0], parts);
        crate::types::list::sized_as_split(&l, m);
        Ok(l)
    }
}
fn str_splitlines(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let s = text(vm, a)?;
    let p = kw_args(vm, "splitlines", a, k, true, &["keepends"], 0, 0, 1)?;
    let keep = match p[0] {
        Some(x) => c_int_arg(vm, x)? != 0,
        None => false,
    };
    let l = str_list(vm, &a[0], refscope_text::pystr::splitlines(s, keep));
    crate::types::list::sized_as_appended(&l);
    Ok(l)
}

fn str_join(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let seq = one_arg(vm, "str", "join", a, k)?;
    let sep = text(vm, a)?;
    let exact = seq.ty().is(&vm.types.list) || seq.ty().is(&vm.types.tuple);
    // CPython joins a list made of any other iterable.
    let _fast = (!exact).then(|| crate::object::gc::Transient::list().on_drop());
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
    if items.len() == 1 && is_exact(vm, &items[0]) {
        return Ok(items[0].clone());
    }
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let Some(xs) = get(x) else {
            return Err(vm.type_error(format!("sequence item {}: expected str instance, {} found", i, vm.type_name(x))));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(xs.as_str());
    }
    Ok(vm.str_owned(out))
}

macro_rules! str_unary {
    ($($name:ident, $py:literal => $f:path;)*) => { $(
        fn $name(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            noargs(vm, "str", $py, a, k)?;
            Ok(vm.str_owned($f(text(vm, a)?)))
        }
    )* };
}
str_unary! {
    str_upper, "upper" => refscope_text::pystr::upper;
    str_lower, "lower" => refscope_text::pystr::lower;
    str_casefold, "casefold" => refscope_text::pystr::casefold;
    str_capitalize, "capitalize" => refscope_text::pystr::capitalize;
    str_title, "title" => refscope_text::pystr::title;
    str_swapcase, "swapcase" => refscope_text::pystr::swapcase;
}

macro_rules! str_pred {
    ($($name:ident, $py:literal => $f:path;)*) => { $(
        fn $name(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            noargs(vm, "str", $py, a, k)?;
            Ok(vm.bool($f(text(vm, a)?)))
        }
    )* };
}
str_pred! {
    str_isalpha, "isalpha" => refscope_text::pystr::isalpha;
    str_isdigit, "isdigit" => refscope_text::pystr::isdigit;
    str_isdecimal, "isdecimal" => refscope_text::pystr::isdecimal;
    str_isnumeric, "isnumeric" => refscope_text::pystr::isnumeric;
    str_isalnum, "isalnum" => refscope_text::pystr::isalnum;
    str_isspace, "isspace" => refscope_text::pystr::isspace;
    str_islower, "islower" => refscope_text::pystr::islower;
    str_isupper, "isupper" => refscope_text::pystr::isupper;
    str_istitle, "istitle" => refscope_text::pystr::istitle;
    str_isidentifier, "isidentifier" => refscope_text::pystr::isidentifier;
    str_isprintable, "isprintable" => refscope_text::pystr::isprintable;
    str_isascii, "isascii" => refscope_text::pystr::is_ascii;
}

fn strip_chars<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<Option<&'a str>> {
    let p = pos_args(vm, "str", name, a, k, 0, 1)?;
    match p.first() {
        None => Ok(None),
        Some(x) if x.is(&vm.none) => Ok(None),
        Some(x) => match get(x) {
            Some(d) => Ok(Some(d.as_str())),
            None => Err(vm.type_error(format!("{} arg must be None or str", name))),
        },
    }
}
fn str_strip(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let c = strip_chars(vm, "strip", a, k)?;
    Ok(piece(vm, &a[0], refscope_text::pystr::strip(text(vm, a)?, c)))
}
fn str_lstrip(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let c = strip_chars(vm, "lstrip", a, k)?;
    Ok(piece(vm, &a[0], refscope_text::pystr::lstrip(text(vm, a)?, c)))
}
fn str_rstrip(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let c = strip_chars(vm, "rstrip", a, k)?;
    Ok(piece(vm, &a[0], refscope_text::pystr::rstrip(text(vm, a)?, c)))
}

/// (sub, start, end) of find/count/index and friends.
fn find_args<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<(&'a str, Option<i64>, Option<i64>)> {
    let p = tuple_args(vm, "str", name, a, k, 1, 3)?;
    let st = opt_slice_index(vm, p.get(1))?;
    let en = opt_slice_index(vm, p.get(2))?;
    let sub = need_str(vm, &p[0], "")?;
    Ok((sub, st, en))
}
fn str_find(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    let (sub, st, en) = find_args(vm, "find", a, k)?;
    let r = refscope_text::pystr::find(text(vm, a)?, sub, st, en);
    Ok(vm.int(r.map(|x| x as i64).unwrap_or(-1)))
}
fn str_rfind(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    let (sub, st, en) = find_args(vm, "rfind", a, k)?;
    let r = refscope_text::pystr::rfind(text(vm, a)?, sub, st, en);
    Ok(vm.int(r.map(|x| x as i64).unwrap_or(-1)))
}
fn str_index(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    let (sub, st, en) = find_args(vm, "index", a, k)?;
    match refscope_text::pystr::find(text(vm, a)?, sub, st, en) {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    let (sub, st, en) = find_args(vm, "rindex", a, k)?;
    match refscope_text::pystr::rfind(text(vm, a)?, sub, st, en) {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    let (sub, st, en) = find_args(vm, "count", a, k)?;
    Ok(vm.int(refscope_text::pystr::count(text(vm, a)?, sub, st, en) as i64))
}
fn str_replace(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "str", "replace", a, k, 2, 3)?;
    let old = get(&p[0]).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("replace() argument 1 must be str, not {}", arg_type_name(vm, &p[0]))))?;
    let new = get(&p[1]).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("replace() argument 2 must be str, not {}", arg_type_name(vm, &p[1]))))?;
    let count = match p.get(2) {
        Some(c) => int::index_i64(vm, c)?,
        None => -1,
    };
    let s = text(vm, a)?;
    if count == 0 || (!old.is_empty() && !s.contains(old)) || (old == new && is_exact(vm, &a[0])) {
        if is_exact(vm, &a[0]) {
            return Ok(a[0].clone());
        }
        return Ok(vm.str(s));
    }
    let r = refscope_text::pystr::replace(s, old, new, count).map_err(|e| text_err(vm, e))?;
    Ok(vm.str_owned(r))
}

fn prefix_check(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, ends: bool) -> PyResult {
    let name = if ends { "endswith" } else { "startswith" };
    let p = tuple_args(vm, "str", name, a, k, 1, 3)?;
    let st = opt_slice_index(vm, p.get(1))?;
    let en = opt_slice_index(vm, p.get(2))?;
    let s = text(vm, a)?;
    let check = |x: &str| if ends { refscope_text::pystr::endswith(s, x, st, en) } else { refscope_text::pystr::startswith(s, x, st, en) };
    if let Some(t) = tuple::get(&p[0]) {
        for x in t {
            let Some(xs) = get(x) else {
                return Err(vm.type_error(format!("tuple for {} must only contain str, not {}", name, vm.type_name(x))));
            };
            if check(xs.as_str()) {
                return Ok(vm.true_.clone());
            }
        }
        return Ok(vm.false_.clone());
    }
    let Some(x) = get(&p[0]) else {
        return Err(vm.type_error(format!("{} first arg must be str or a tuple of str, not {}", name, vm.type_name(&p[0]))));
    };
    Ok(vm.bool(check(x.as_str())))
}
fn str_startswith(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    prefix_check(vm, a, k, false)
}
fn str_endswith(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::object::gc::Transient::tuple(a.len().saturating_sub(1)).on_drop();
    prefix_check(vm, a, k, true)
}

/// (width, fill) of center/ljust/rjust.
fn pad_args(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<(i64, char)> {
    let p = pos_args(vm, "str", name, a, k, 1, 2)?;
    let w = int::index_i64(vm, &p[0])?;
    let fill = match p.get(1) {
        None => ' ',
        Some(f) => match get(f) {
            Some(d) if d.char_len() == 1 => d.char_at(0),
            Some(_) => return Err(vm.type_error("The fill character must be exactly one character long")),
            None => return Err(vm.type_error(format!("The fill character must be a unicode character, not {}", vm.type_name(f)))),
        },
    };
    Ok((w, fill))
}
fn padded(vm: &Vm, a: &[PyRef], w: i64, r: Result<String, refscope_text::TextError>) -> PyResult {
    let len = get(&a[0]).map(|d| d.char_len()).unwrap_or(0) as i64;
    if w <= len && is_exact(vm, &a[0]) {
        return Ok(a[0].clone());
    }
    Ok(vm.str_owned(r.map_err(|e| text_err(vm, e))?))
}
fn str_center(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (w, f) = pad_args(vm, "center", a, k)?;
    padded(vm, a, w, refscope_text::pystr::center(text(vm, a)?, w, f))
}
fn str_ljust(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (w, f) = pad_args(vm, "ljust", a, k)?;
    padded(vm, a, w, refscope_text::pystr::ljust(text(vm, a)?, w, f))
}
fn str_rjust(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (w, f) = pad_args(vm, "rjust", a, k)?;
    padded(vm, a, w, refscope_text::pystr::rjust(text(vm, a)?, w, f))
}
fn str_zfill(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "str", "zfill", a, k)?;
    let w = int::index_i64(vm, x)?;
    padded(vm, a, w, refscope_text::pystr::zfill(text(vm, a)?, w))
}

fn str_partition(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "str", "partition", a, k)?;
    let sep = need_str(vm, x, "")?;
    let (p0, p1, p2) = refscope_text::pystr::partition(text(vm, a)?, sep).map_err(|e| text_err(vm, e))?;
    let sepobj = if p1.is_empty() { vm.empty_str.clone() } else { x.clone() };
    let sepobj = if is_exact(vm, &sepobj) { sepobj } else { vm.str(p1) };
    Ok(vm.tuple([piece(vm, &a[0], p0), sepobj, vm.str(p2)]))
}
fn str_rpartition(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "str", "rpartition", a, k)?;
    let sep = need_str(vm, x, "")?;
    let (p0, p1, p2) = refscope_text::pystr::rpartition(text(vm, a)?, sep).map_err(|e| text_err(vm, e))?;
    let sepobj = if p1.is_empty() { vm.empty_str.clone() } else { x.clone() };
    let sepobj = if is_exact(vm, &sepobj) { sepobj } else { vm.str(p1) };
    Ok(vm.tuple([vm.str(p0), sepobj, piece(vm, &a[0], p2)]))
}

fn str_encode(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let s = text(vm, a)?;
    let p = kw_args(vm, "encode", a, k, true, &["encoding", "errors"], 0, 0, 2)?;
    let enc = match p[0] {
        None => "utf-8",
        Some(x) => get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("encode() argument 'encoding' must be str, not {}", arg_type_name(vm, x))))?,
    };
    let errors = match p[1] {
        None => "strict",
        Some(x) => get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("encode() argument 'errors' must be str, not {}", arg_type_name(vm, x))))?,
    };
    match refscope_text::codecs::encode(s, enc, errors) {
        Ok(b) => Ok(vm.bytes(b)),
        Err(e) => Err(exc_named(vm, e.exception_type(), e.message())),
    }
}
fn str_removeprefix(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "str", "removeprefix", a, k)?;
    let p = get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("removeprefix() argument must be str, not {}", arg_type_name(vm, x))))?;
    Ok(piece(vm, &a[0], refscope_text::pystr::removeprefix(text(vm, a)?, p)))
}
fn str_removesuffix(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "str", "removesuffix", a, k)?;
    let p = get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("removesuffix() argument must be str, not {}", arg_type_name(vm, x))))?;
    Ok(piece(vm, &a[0], refscope_text::pystr::removesuffix(text(vm, a)?, p)))
}
fn str_expandtabs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let s = text(vm, a)?;
    let p = kw_args(vm, "expandtabs", a, k, true, &["tabsize"], 0, 0, 1)?;
    let t = match p[0] {
        Some(x) => c_int_arg(vm, x)? as i32,
        None => 8,
    };
    if !s.contains('\t') {
        return Ok(piece(vm, &a[0], s));
    }
    Ok(vm.str_owned(refscope_text::pystr::expandtabs(s, t).map_err(|e| text_err(vm, e))?))
}
fn str_getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "str", "__getnewargs__", a, k)?;
    Ok(vm.tuple([vm.str_fresh(text(vm, a)?.to_string())]))
}

// ----- translate / maketrans

fn str_translate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let table = one_arg(vm, "str", "translate", a, k)?.clone();
    let s = text(vm, a)?.to_string();
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    for c in s.chars() {
        let key = vm.int(c as i64);
        let v = match ops::get_item(vm, &table, &key) {
            Ok(v) => v,
            Err(e) if typeobj::isinstance(&e.0, &vm.exc.lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        changed = true;
        if v.is(&vm.none) {
            continue;
        }
        if let Some(d) = int::get(&v) {
            match d.as_i64() {
                Some(i) if (0..0x110000).contains(&i) => match char::from_u32(i as u32) {
                    Some(ch) => out.push(ch),
                    None => return Err(vm.value_error("surrogate characters are not supported by refscope")),
                },
                _ => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else if let Some(d) = get(&v) {
            out.push_str(d.as_str());
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    let _ = changed;
    Ok(vm.str_fresh(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no `self`).
fn str_maketrans(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    if a.is_empty() || a.len() > 3 {
        let msg = if a.is_empty() {
            "maketrans expected at least 1 argument, got 0".to_string()
        } else {
            format!("maketrans expected at most 3 arguments, got {}", a.len())
        };
        return Err(vm.type_error(msg));
    }
    let out = vm.dict();
    let od = dict::get(&out).unwrap();
    if a.len() == 1 {
        let x = &a[0];
        let Some(xd) = dict::get(x) else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        for (key, v) in xd.items() {
            if let Some(ks) = get(&key) {
                if ks.char_len() != 1 {
                    return Err(vm.value_error("string keys in translate table must be of length 1"));
                }
                od.set(vm, &out, vm.int(ks.char_at(0) as i64), v)?;
            } else if int::get(&key).is_some() {
                od.set(vm, &out, key, v)?;
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            }
        }
        return Ok(out);
    }
    let y = get(&a[1]).ok_or_else(|| vm.type_error(format!("maketrans() argument 2 must be str, not {}", arg_type_name(vm, &a[1]))))?;
    let z = match a.get(2) {
        Some(z) => Some(get(z).ok_or_else(|| vm.type_error(format!("maketrans() argument 3 must be str, not {}", arg_type_name(vm, z))))?),
        None => None,
    };
    let x = get(&a[0]).ok_or_else(|| vm.type_error(format!("maketrans() argument 1 must be str, not {}", arg_type_name(vm, &a[0]))))?;
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (cx, cy) in x.as_str().chars().zip(y.as_str().chars()) {
        od.set(vm, &out, vm.int(cx as i64), vm.int(cy as i64))?;
    }
    if let Some(z) = z {
        for c in z.as_str().chars() {
            od.set(vm, &out, vm.int(c as i64), vm.none())?;
        }
    }
    Ok(out)
}

// ----- str.format / str.format_map

/// Where replacement fields find their values.
enum FormatSource<'a> {
    /// `str.format(*args, **kwargs)`.
    Call { args: &'a [PyRef], kwnames: &'a [PyRef], kwvals: &'a [PyRef] },
    /// `str.format_map(mapping)`.
    Mapping(&'a PyRef),
}

#[derive(PartialEq, Clone, Copy)]
enum AutoNumber {
    Unknown,
    Auto,
    Manual,
}

struct Formatter<'a> {
    src: FormatSource<'a>,
    auto: AutoNumber,
    next_index: usize,
}

/// A decimal field index, `None` for a keyword, or the overflow error.
fn field_integer(vm: &Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let mut v: usize = 0;
    for c in s {
        v = match v.checked_mul(10).and_then(|x| x.checked_add(*c as usize - '0' as usize)) {
            Some(x) if x <= isize::MAX as usize => x,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(v))
}

impl<'a> Formatter<'a> {
    fn positional(&mut self, vm: &Vm, index: Option<usize>) -> PyResult {
        let i = match index {
            None => {
                if self.auto == AutoNumber::Manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                self.auto = AutoNumber::Auto;
                let i = self.next_index;
                self.next_index += 1;
                i
            }
            Some(i) => {
                if self.auto == AutoNumber::Auto {
                    return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
                }
                self.auto = AutoNumber::Manual;
                i
            }
        };
        match &self.src {
            FormatSource::Call { args, .. } => args
                .get(i)
                .cloned()
                .ok_or_else(|| vm.index_error(format!("Replacement index {} out of range for positional args tuple", i))),
            FormatSource::Mapping(_) => Err(vm.value_error("Format string contains positional fields")),
        }
    }

    fn keyword(&self, vm: &Vm, name: &str) -> PyResult {
        match &self.src {
            FormatSource::Call { kwnames, kwvals, .. } => {
                for (n, v) in kwnames.iter().zip(kwvals.iter()).rev() {
                    if as_str(n) == name {
                        return Ok(v.clone());
                    }
                }
                Err(vm.key_error(vm.str(name)))
            }
            FormatSource::Mapping(m) => ops::get_item(vm, m, &vm.str(name)),
        }
    }

    /// Resolve a field name (`0`, `name.attr[key]`, or empty).
    fn field(&mut self, vm: &Vm, name: &[char]) -> PyResult {
        let first_end = name.iter().position(|c| *c == '.' || *c == '[').unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() {
            self.positional(vm, None)?
        } else {
            match field_integer(vm, first)? {
                Some(i) => self.positional(vm, Some(i))?,
                None => {
                    let key: String = first.iter().collect();
                    self.keyword(vm, &key)?
                }
            }
        };
        let mut i = first_end;
        while i < name.len() {
            let c = name[i];
            i += 1;
            if c == '.' {
                let start = i;
                while i < name.len() && name[i] != '.' && name[i] != '[' {
                    i += 1;
                }
                if i == start {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let attr: String = name[start..i].iter().collect();
                obj = ops::get_attr(vm, &obj, &vm.intern(&attr))?;
            } else {
                // '['
                let start = i;
                while i < name.len() && name[i] != ']' {
                    i += 1;
                }
                if i >= name.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &name[start..i];
                i += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                if i < name.len() && name[i] != '.' && name[i] != '[' {
                    return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
                let kobj = match field_integer(vm, key)? {
                    Some(n) => vm.int(n as i64),
                    None => vm.str_owned(key.iter().collect()),
                };
                obj = ops::get_item(vm, &obj, &kobj)?;
            }
        }
        Ok(obj)
    }

    /// Expand a format string (CPython's MarkupIterator and render_field).
    fn build(&mut self, vm: &Vm, s: &[char], depth: i32, out: &mut String) -> PyResult<()> {
        if depth <= 0 {
            return Err(vm.value_error("Max string recursion exceeded"));
        }
        let mut i = 0;
        let n = s.len();
        while i < n {
            // Literal text up to '{' or '}'.
            let start = i;
            let mut c = '\0';
            let mut markup = false;
            while i < n {
                c = s[i];
                i += 1;
                if c == '{' || c == '}' {
                    markup = true;
                    break;
                }
            }
            let at_end = i >= n;
            let mut len = i - start;
            if markup && c == '}' && (at_end || s[i] != '}') {
                return Err(vm.value_error("Single '}' encountered in format string"));
            }
            if markup && at_end && c == '{' {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            if markup && !at_end {
                if s[i] == c {
                    i += 1;
                    markup = false;
                } else {
                    len -= 1;
                }
            }
            out.extend(&s[start..start + len]);
            if !markup {
                continue;
            }
            // The field: name up to ':', '!' or '}' ('[...]' taken verbatim).
            let name_start = i;
            let mut c = '\0';
            while i < n {
                c = s[i];
                i += 1;
                match c {
                    '{' => return Err(vm.value_error("unexpected '{' in field name")),
                    '[' => {
                        while i < n && s[i] != ']' {
                            i += 1;
                        }
                        continue;
                    }
                    '}' | ':' | '!' => break,
                    _ => continue,
                }
            }
            let name_end = if matches!(c, '}' | ':' | '!') { i - 1 } else { i };
            let mut conversion: Option<char> = None;
            let mut spec: &[char] = &[];
            let mut spec_nested = false;
            if c == '!' || c == ':' {
                let mut done = false;
                if c == '!' {
                    if i >= n {
                        return Err(vm.value_error("end of string while looking for conversion specifier"));
                    }
                    conversion = Some(s[i]);
                    i += 1;
                    if i < n {
                        let d = s[i];
                        i += 1;
                        if d == '}' {
                            done = true;
                        } else if d != ':' {
                            return Err(vm.value_error("expected ':' after conversion specifier"));
                        }
                    }
                }
                if !done {
                    let spec_start = i;
                    let mut count = 1;
                    let mut closed = false;
                    while i < n {
                        let d = s[i];
                        i += 1;
                        if d == '{' {
                            spec_nested = true;
                            count += 1;
                        } else if d == '}' {
                            count -= 1;
                            if count == 0 {
                                spec = &s[spec_start..i - 1];
                                closed = true;
                                break;
                            }
                        }
                    }
                    if !closed {
                        return Err(vm.value_error("unmatched '{' in format spec"));
                    }
                }
            } else if c != '}' {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let obj = self.field(vm, &s[name_start..name_end])?;
            let obj = match conversion {
                None => obj,
                Some('r') => ops::repr(vm, &obj)?,
                Some('s') => ops::str_(vm, &obj)?,
                Some('a') => vm.str_owned(crate::builtins::ascii_escape(&ops::repr_string(vm, &obj)?)),
                Some(other) => {
                    let msg = if (' '..='~').contains(&other) && other != ' ' {
                        format!("Unknown conversion specifier {}", other)
                    } else {
                        format!("Unknown conversion specifier \\x{:x}", other as u32)
                    };
                    return Err(vm.value_error(msg));
                }
            };
            let spec_obj = if spec_nested {
                let mut sub = String::new();
                self.build(vm, spec, depth - 1, &mut sub)?;
                vm.str_owned(sub)
            } else if spec.is_empty() {
                vm.empty_str.clone()
            } else {
                vm.str_owned(spec.iter().collect())
            };
            let r = crate::builtins::format(vm, &obj, &spec_obj)?;
            out.push_str(as_str(&r));
        }
        Ok(())
    }
}

fn run_format(vm: &Vm, fmt: &PyRef, src: FormatSource) -> PyResult {
    let s = as_str(fmt);
    if !s.contains(['{', '}']) && is_exact(vm, fmt) {
        return Ok(fmt.clone());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut f = Formatter { src, auto: AutoNumber::Unknown, next_index: 0 };
    let mut out = String::new();
    f.build(vm, &chars, 2, &mut out)?;
    Ok(vm.str_owned(out))
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    let kwnames = crate::types::methods::kw_names(k);
    let (p, kwvals) = a.split_at(a.len() - kwnames.len());
    let Some(fmt) = p.first().filter(|x| get(x).is_some()) else {
        return Err(vm.type_error("descriptor 'format' for 'str' objects doesn't apply to a 'NoneType' object"));
    };
    run_format(vm, fmt, FormatSource::Call { args: &p[1..], kwnames, kwvals })
}

fn str_format_map(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let m = one_arg(vm, "str", "format_map", a, k)?;
    text(vm, a)?;
    run_format(vm, &a[0], FormatSource::Mapping(m))
}

pub fn init_methods(vm: &Vm) {
    let st = &vm.types.str_;
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, st, name, f);
    m("split", str_split);
    m("rsplit", str_rsplit);
    m("splitlines", str_splitlines);
    m("join", str_join);
    m("upper", str_upper);
    m("lower", str_lower);
    m("casefold", str_casefold);
    m("capitalize", str_capitalize);
    m("title", str_title);
    m("swapcase", str_swapcase);
    m("isalpha", str_isalpha);
    m("isdigit", str_isdigit);
    m("isdecimal", str_isdecimal);
    m("isnumeric", str_isnumeric);
    m("isalnum", str_isalnum);
    m("isspace", str_isspace);
    m("islower", str_islower);
    m("isupper", str_isupper);
    m("istitle", str_istitle);
    m("isidentifier", str_isidentifier);
    m("isprintable", str_isprintable);
    m("isascii", str_isascii);
    m("strip", str_strip);
    m("lstrip", str_lstrip);
    m("rstrip", str_rstrip);
    m("find", str_find);
    m("rfind", str_rfind);
    m("index", str_index);
    m("rindex", str_rindex);
    m("count", str_count);
    m("replace", str_replace);
    m("startswith", str_startswith);
    m("endswith", str_endswith);
    m("center", str_center);
    m("ljust", str_ljust);
    m("rjust", str_rjust);
    m("zfill", str_zfill);
    m("partition", str_partition);
    m("rpartition", str_rpartition);
    m("format", str_format);
    m("format_map", str_format_map);
    m("encode", str_encode);
    m("removeprefix", str_removeprefix);
    m("removesuffix", str_removesuffix);
    m("expandtabs", str_expandtabs);
    m("translate", str_translate);
    m("__getnewargs__", str_getnewargs);
    typeobj::add_staticmethod(vm, st, "maketrans", str_maketrans);
}
