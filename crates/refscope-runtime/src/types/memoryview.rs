//! `memoryview`: a view of the bytes of a `bytes` or `bytearray` object,
//! sharing them (writing through a view of a bytearray changes it).
//!
//! As in CPython 3.11, a view does not reference its object directly: it
//! holds a managed buffer (type `managedbuffer`, a container the collector
//! tracks), which holds the object and counts the views made from it
//! (`m[1:3]`, `memoryview(m)`). While any of those views is not released,
//! the buffer stays exported and a bytearray cannot change size
//! (`BufferError`); releasing the last one (`release()`, the end of a
//! `with` block, or the view being freed) gives the object back.
//!
//! Views are one-dimensional (the formats `B`, `b`, `c`, `?`, `h`, `H`,
//! `i`, `I`, `l`, `L`, `q`, `Q`, `n`, `N`, `f`, `d`, `P` through `cast`,
//! native sizes and byte order); multi-dimensional shapes are refused with
//! NotImplementedError.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::{bytearray, bytes, int, slice, str, typeobj};
use crate::vm::{NativeFn, PyResult, Vm};
use std::cell::{Cell, RefCell};

/// CPython's `_PyManagedBufferObject`: the exporting object and the number
/// of views registered on it.
pub struct ManagedBufferData {
    pub obj: RefCell<Option<PyRef>>,
    pub exports: Cell<usize>,
}

/// One view: `len` items of `itemsize` bytes, the first at byte `start` of
/// the object's bytes, each `step` bytes after the previous one.
pub struct MemoryViewData {
    pub mbuf: RefCell<Option<PyRef>>,
    start: usize,
    len: usize,
    step: isize,
    itemsize: usize,
    fmt: u8,
    readonly: bool,
    released: Cell<bool>,
}

impl Drop for MemoryViewData {
    fn drop(&mut self) {
        release_view(self);
    }
}

/// Give up a view's registration on its managed buffer; the last one
/// releases the object (a bytearray may change size again).
pub fn release_view(d: &MemoryViewData) {
    if d.released.replace(true) {
        return;
    }
    let Some(mb) = d.mbuf.borrow().clone() else { return };
    let Some(m) = mb.payload::<ManagedBufferData>() else { return };
    let n = m.exports.get().saturating_sub(1);
    m.exports.set(n);
    if n == 0 {
        let obj = m.obj.borrow_mut().take();
        if let Some(b) = obj.as_ref().and_then(bytearray::get) {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
        drop(obj);
    }
}

thread_local! {
    static TYPES: RefCell<Option<(PyRef, PyRef, PyRef)>> = const { RefCell::new(None) };
}

/// The `memoryview`, `managedbuffer` and `memory_iterator` types.
fn types(vm: &Vm) -> (PyRef, PyRef, PyRef) {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = make_types(vm);
    TYPES.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

pub fn memoryview_type(vm: &Vm) -> PyRef {
    types(vm).0
}

/// The object a live view shares the bytes of (None once released).
pub fn exporter(o: &PyRef) -> Option<PyRef> {
    let d = o.payload::<MemoryViewData>()?;
    if d.released.get() {
        return None;
    }
    let mb = d.mbuf.borrow().clone()?;
    let obj = mb.payload::<ManagedBufferData>()?.obj.borrow().clone();
    obj
}

fn err_released(vm: &Vm) -> crate::vm::PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

/// A live view, or the error CPython gives for a released one.
fn view<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a MemoryViewData> {
    let d = o.payload::<MemoryViewData>().ok_or_else(|| vm.type_error(format!("descriptor requires a 'memoryview' object but received '{}'", vm.type_name(o))))?;
    if d.released.get() {
        return Err(err_released(vm));
    }
    Ok(d)
}

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a MemoryViewData> {
    match a.first() {
        Some(o) => view(vm, o),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

/// `f` of the exporting object's bytes.
fn with_bytes<R>(vm: &Vm, d: &MemoryViewData, f: impl FnOnce(&[u8]) -> R) -> PyResult<R> {
    let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
    let obj = mb.payload::<ManagedBufferData>().and_then(|m| m.obj.borrow().clone()).ok_or_else(|| err_released(vm))?;
    if let Some(b) = bytes::get(&obj) {
        return Ok(f(b));
    }
    if let Some(b) = bytearray::get(&obj) {
        return Ok(f(&b.b.borrow()));
    }
    Err(err_released(vm))
}

fn item_offset(d: &MemoryViewData, i: usize) -> usize {
    (d.start as isize + i as isize * d.step) as usize
}

/// The view's bytes, in order (`tobytes`).
pub fn gather(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    let d = view(vm, o)?;
    with_bytes(vm, d, |b| {
        let mut out = Vec::with_capacity(d.len * d.itemsize);
        for i in 0..d.len {
            let at = item_offset(d, i);
            out.extend_from_slice(&b[at..at + d.itemsize]);
        }
        out
    })
}

/// The view's bytes for `bytes::buffer` (None when released).
pub fn bytes_of(o: &PyRef) -> Option<Vec<u8>> {
    let d = o.payload::<MemoryViewData>()?;
    if d.released.get() {
        return None;
    }
    let mb = d.mbuf.borrow().clone()?;
    let obj = mb.payload::<ManagedBufferData>()?.obj.borrow().clone()?;
    let collect = |b: &[u8]| {
        let mut out = Vec::with_capacity(d.len * d.itemsize);
        for i in 0..d.len {
            let at = item_offset(d, i);
            out.extend_from_slice(&b[at..at + d.itemsize]);
        }
        out
    };
    if let Some(b) = bytes::get(&obj) {
        return Some(collect(b));
    }
    bytearray::get(&obj).map(|b| collect(&b.b.borrow()))
}

fn itemsize_of(fmt: u8) -> Option<usize> {
    Some(match fmt {
        b'B' | b'b' | b'c' | b'?' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => 8,
        _ => return None,
    })
}

/// The Python value of one item.
fn unpack(vm: &Vm, fmt: u8, b: &[u8]) -> PyRef {
    let u = |n: usize| -> u64 {
        let mut x = [0u8; 8];
        x[..n].copy_from_slice(&b[..n]);
        u64::from_le_bytes(x)
    };
    match fmt {
        b'B' => vm.int(b[0] as i64),
        b'b' => vm.int(b[0] as i8 as i64),
        b'c' => vm.bytes(vec![b[0]]),
        b'?' => vm.bool(b[0] != 0),
        b'h' => vm.int(u(2) as u16 as i16 as i64),
        b'H' => vm.int(u(2) as i64),
        b'i' => vm.int(u(4) as u32 as i32 as i64),
        b'I' => vm.int(u(4) as i64),
        b'l' | b'q' | b'n' => vm.int(u(8) as i64),
        b'f' => vm.float(f32::from_bits(u(4) as u32) as f64),
        b'd' => vm.float(f64::from_bits(u(8))),
        _ => vm.bigint(num_bigint::BigInt::from(u(8))),
    }
}

/// The bytes of `v` as an item of format `fmt`, or CPython's error.
fn pack(vm: &Vm, fmt: u8, v: &PyRef) -> PyResult<Vec<u8>> {
    let f = fmt as char;
    let invalid_value = || vm.value_error(format!("memoryview: invalid value for format '{}'", f));
    let invalid_type = || vm.type_error(format!("memoryview: invalid type for format '{}'", f));
    match fmt {
        b'c' => match bytes::get(v) {
            Some(b) if b.len() == 1 => Ok(vec![b[0]]),
            Some(_) => Err(invalid_value()),
            None => Err(invalid_type()),
        },
        b'?' => Ok(vec![ops::truthy(vm, v)? as u8]),
        b'f' | b'd' => {
            if !matches!(v.kind(), Kind::Float | Kind::Int) && ops::lookup_special(vm, v, "__float__").is_none() && ops::lookup_special(vm, v, "__index__").is_none() {
                return Err(invalid_type());
            }
            let x = crate::modules::math::as_double(vm, v)?;
            Ok(if fmt == b'f' { (x as f32).to_le_bytes().to_vec() } else { x.to_le_bytes().to_vec() })
        }
        _ => {
            if int::get(v).is_none() && ops::lookup_special(vm, v, "__index__").is_none() {
                return Err(invalid_type());
            }
            let x = int::index_value(vm, v)?;
            let n = itemsize_of(fmt).unwrap_or(1);
            let signed = matches!(fmt, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let (lo, hi) = if signed {
                (-(num_bigint::BigInt::from(1) << (8 * n - 1)), (num_bigint::BigInt::from(1) << (8 * n - 1)) - 1)
            } else {
                (num_bigint::BigInt::from(0), (num_bigint::BigInt::from(1) << (8 * n)) - 1)
            };
            if x < lo || x > hi {
                return Err(invalid_value());
            }
            let mut le = x.to_signed_bytes_le();
            let fill = if x.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
            le.resize(n.max(le.len()), fill);
            le.truncate(n);
            Ok(le)
        }
    }
}

fn values(vm: &Vm, o: &PyRef) -> PyResult<Vec<PyRef>> {
    let d = view(vm, o)?;
    with_bytes(vm, d, |b| (0..d.len).map(|i| unpack(vm, d.fmt, &b[item_offset(d, i)..])).collect())
}

/// A new view registered on `mbuf`.
fn new_view(vm: &Vm, mbuf: &PyRef, start: usize, len: usize, step: isize, itemsize: usize, fmt: u8, readonly: bool) -> PyRef {
    if let Some(m) = mbuf.payload::<ManagedBufferData>() {
        m.exports.set(m.exports.get() + 1);
    }
    let data = MemoryViewData { mbuf: RefCell::new(Some(mbuf.clone())), start, len, step, itemsize, fmt, readonly, released: Cell::new(false) };
    PyRef::new(&memoryview_type(vm), data)
}

/// `memoryview(obj)`.
pub fn from_object(vm: &Vm, obj: &PyRef) -> PyResult {
    if let Some(d) = obj.payload::<MemoryViewData>() {
        if d.released.get() {
            return Err(err_released(vm));
        }
        let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
        return Ok(new_view(vm, &mb, d.start, d.len, d.step, d.itemsize, d.fmt, d.readonly));
    }
    let (n, readonly) = if let Some(b) = bytes::get(obj) {
        (b.len(), true)
    } else if let Some(b) = bytearray::get(obj) {
        b.exports.set(b.exports.get() + 1);
        (b.b.borrow().len(), false)
    } else {
        return Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(obj))));
    };
    let mbuf = PyRef::new(&types(vm).1, ManagedBufferData { obj: RefCell::new(Some(obj.clone())), exports: Cell::new(0) });
    Ok(new_view(vm, &mbuf, 0, n, 1, 1, b'B', readonly))
}

fn mv_new(vm: &Vm, _cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    if args.is_empty() {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    }
    let p = crate::types::methods::kw_args(vm, "memoryview", args, kw, false, &["object"], 1, 1, 1)?;
    let Some(o) = p[0] else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    from_object(vm, o)
}

fn mv_new_method(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let Some(cls) = a.first() else {
        return Err(vm.type_error("memoryview.__new__(): not enough arguments"));
    };
    mv_new(vm, cls, &a[1..], k)
}

fn noargs(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    crate::types::methods::noargs(vm, "memoryview", name, a, k)
}

fn index_of(vm: &Vm, d: &MemoryViewData, key: &PyRef) -> PyResult<usize> {
    let i = int::index_i64(vm, key)?;
    let n = d.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn is_index(vm: &Vm, key: &PyRef) -> bool {
    int::get(key).is_some() || ops::lookup_special(vm, key, "__index__").is_some()
}

fn mv_getitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let key = &crate::types::methods::wrapper_args(vm, "__getitem__", a, k, 1)?[0];
    let d = this(vm, a)?;
    if key.kind() == Kind::Slice {
        let (ustart, ustop, step) = slice::unpack(vm, slice::get(key).unwrap())?;
        let (start, _stop, count) = slice::adjust(d.len as i64, ustart, ustop, step);
        let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
        let first = if count > 0 { item_offset(d, start as usize) } else { d.start };
        // (A step so big that only one item is taken can overflow the
        // stride; it is never used to reach a second item.)
        return Ok(new_view(vm, &mb, first, count as usize, d.step.wrapping_mul(step as isize), d.itemsize, d.fmt, d.readonly));
    }
    if !is_index(vm, key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = index_of(vm, d, key)?;
    with_bytes(vm, d, |b| unpack(vm, d.fmt, &b[item_offset(d, i)..]))
}

fn write(vm: &Vm, d: &MemoryViewData, at: usize, data: &[u8]) -> PyResult<()> {
    let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
    let obj = mb.payload::<ManagedBufferData>().and_then(|m| m.obj.borrow().clone()).ok_or_else(|| err_released(vm))?;
    let b = bytearray::get(&obj).ok_or_else(|| vm.type_error("cannot modify read-only memory"))?;
    b.b.borrow_mut()[at..at + data.len()].copy_from_slice(data);
    Ok(())
}

fn mv_setitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::wrapper_args(vm, "__setitem__", a, k, 2)?;
    let (key, value) = (&p[0], &p[1]);
    let d = this(vm, a)?;
    if d.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    if key.kind() == Kind::Slice {
        let (ustart, ustop, step) = slice::unpack(vm, slice::get(key).unwrap())?;
        let (start, _stop, count) = slice::adjust(d.len as i64, ustart, ustop, step);
        let src = match value.payload::<MemoryViewData>() {
            Some(_) => {
                let sv = view(vm, value)?;
                if sv.fmt != d.fmt || sv.len != count as usize {
                    return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
                }
                gather(vm, value)?
            }
            None => {
                let b = bytes::buffer(value).ok_or_else(|| vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(value))))?.into_owned();
                if d.fmt != b'B' || b.len() != count as usize {
                    return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
                }
                b
            }
        };
        for i in 0..count as usize {
            let at = item_offset(d, (start + i as i64 * step) as usize);
            write(vm, d, at, &src[i * d.itemsize..(i + 1) * d.itemsize])?;
        }
        return Ok(vm.none());
    }
    if !is_index(vm, key) {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = index_of(vm, d, key)?;
    let data = pack(vm, d.fmt, value)?;
    write(vm, d, item_offset(d, i), &data)?;
    Ok(vm.none())
}

fn mv_delitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::wrapper_args(vm, "__delitem__", a, k, 1)?;
    let d = this(vm, a)?;
    if d.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

fn mv_len(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "__len__", a, k)?;
    Ok(vm.int(this(vm, a)?.len as i64))
}

/// `iter(m)`: a `memory_iterator` reading the view's items one at a time
/// (a change to the bytearray shows in the items not yet read).
fn mv_iter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "__iter__", a, k)?;
    this(vm, a)?;
    let it = types(vm).2;
    Ok(crate::types::iterators::new(vm, &it, crate::types::iterators::IterState::Seq { seq: Some(a[0].clone()), index: 0 }))
}

fn mv_tolist(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "tolist", a, k)?;
    Ok(vm.list(values(vm, &a[0])?))
}

fn mv_tobytes(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "tobytes", a, k, true, &["order"], 0, 0, 1)?;
    if let Some(o) = p[0] {
        if !o.is(&vm.none) {
            let s = str::get(o).map(|s| s.as_str().to_string());
            if !matches!(s.as_deref(), Some("C" | "F" | "A")) {
                return Err(vm.value_error("order must be 'C', 'F' or 'A'"));
            }
        }
    }
    Ok(vm.bytes(gather(vm, &a[0])?))
}

fn mv_hex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    this(vm, a)?;
    bytes::b_hex(vm, a, k)
}

fn mv_toreadonly(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "toreadonly", a, k)?;
    let d = this(vm, a)?;
    let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
    Ok(new_view(vm, &mb, d.start, d.len, d.step, d.itemsize, d.fmt, true))
}

fn mv_cast(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "cast", a, k, true, &["format", "shape"], 1, 1, 2)?;
    let d = this(vm, a)?;
    let f = p[0].unwrap();
    let Some(fs) = str::get(f) else {
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {}", vm.type_name(f))));
    };
    let text = fs.as_str().strip_prefix('@').unwrap_or(fs.as_str());
    let fmt = match text.as_bytes() {
        [c] if itemsize_of(*c).is_some() => *c,
        [b'e'] => return Err(crate::vm::PyErr(crate::types::exceptions::new_exception(vm, &vm.exc.not_implemented_error, vec![vm.str("refscope: memoryview format 'e' (half float) is not supported")]))),
        _ => return Err(vm.value_error("memoryview: destination format must be a native single character format prefixed with an optional '@'")),
    };
    if let Some(shape) = p[1] {
        let dims = ops::len(vm, shape).unwrap_or(0);
        if dims != 1 {
            return Err(crate::vm::PyErr(crate::types::exceptions::new_exception(vm, &vm.exc.not_implemented_error, vec![vm.str("refscope: memoryview.cast supports one-dimensional shapes only")])));
        }
    }
    let contiguous = d.len <= 1 || d.step == d.itemsize as isize;
    if !contiguous {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let new_size = itemsize_of(fmt).unwrap();
    if !matches!(d.fmt, b'B' | b'b' | b'c') && !matches!(fmt, b'B' | b'b' | b'c') {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let nbytes = d.len * d.itemsize;
    if nbytes % new_size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
    Ok(new_view(vm, &mb, d.start, nbytes / new_size, new_size as isize, new_size, fmt, d.readonly))
}

fn mv_release(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "release", a, k)?;
    if let Some(d) = a[0].payload::<MemoryViewData>() {
        release_view(d);
        crate::observe::touch(a[0].id());
    }
    Ok(vm.none())
}

fn mv_enter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "__enter__", a, k)?;
    this(vm, a)?;
    Ok(a[0].clone())
}

fn mv_exit(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if let Some(d) = a.first().and_then(|o| o.payload::<MemoryViewData>()) {
        release_view(d);
        crate::observe::touch(a[0].id());
    }
    Ok(vm.none())
}

fn mv_repr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "__repr__", a, k)?;
    let d = a[0].payload::<MemoryViewData>().ok_or_else(|| vm.type_error("descriptor '__repr__' requires a 'memoryview' object"))?;
    let what = if d.released.get() { "released memory" } else { "memory" };
    Ok(vm.str(&format!("<{} at {:#x}>", what, a[0].id())))
}

fn mv_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "__hash__", a, k)?;
    let d = this(vm, a)?;
    if !d.readonly {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    if !matches!(d.fmt, b'B' | b'b' | b'c') {
        return Err(vm.value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'"));
    }
    let b = vm.bytes(gather(vm, &a[0])?);
    Ok(vm.int(ops::hash(vm, &b)?))
}

/// The unpacked items of a bytes-like `o` (a view's in its format, the
/// bytes of bytes and bytearray as 'B'), or None for other objects.
fn unpacked(vm: &Vm, o: &PyRef) -> PyResult<Option<Vec<PyRef>>> {
    if o.payload::<MemoryViewData>().is_some() {
        return values(vm, o).map(Some);
    }
    Ok(bytes::buffer(o).map(|b| b.iter().map(|&x| vm.int(x as i64)).collect()))
}

fn equal(vm: &Vm, v: &PyRef, w: &PyRef) -> PyResult<Option<bool>> {
    if v.is(w) {
        return Ok(Some(true));
    }
    let released = |o: &PyRef| o.payload::<MemoryViewData>().is_some_and(|d| d.released.get());
    if released(v) || released(w) {
        return Ok(Some(false));
    }
    let Some(b) = unpacked(vm, w)? else { return Ok(None) };
    let a = unpacked(vm, v)?.unwrap_or_default();
    if a.len() != b.len() {
        return Ok(Some(false));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if x.kind() == Kind::Bytes || y.kind() == Kind::Bytes {
            if !(x.kind() == Kind::Bytes && y.kind() == Kind::Bytes && bytes::get(x) == bytes::get(y)) {
                return Ok(Some(false));
            }
        } else if !ops::eq(vm, x, y)? {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn mv_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let w = &crate::types::methods::wrapper_args(vm, "__eq__", a, k, 1)?[0];
    Ok(match equal(vm, &a[0], w)? {
        Some(b) => vm.bool(b),
        None => vm.not_implemented.clone(),
    })
}

fn mv_ne(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let w = &crate::types::methods::wrapper_args(vm, "__ne__", a, k, 1)?[0];
    Ok(match equal(vm, &a[0], w)? {
        Some(b) => vm.bool(!b),
        None => vm.not_implemented.clone(),
    })
}

fn g_obj(vm: &Vm, o: &PyRef) -> PyResult {
    let d = view(vm, o)?;
    let mb = d.mbuf.borrow().clone().ok_or_else(|| err_released(vm))?;
    let obj = mb.payload::<ManagedBufferData>().and_then(|m| m.obj.borrow().clone());
    obj.ok_or_else(|| err_released(vm))
}
fn g_nbytes(vm: &Vm, o: &PyRef) -> PyResult {
    let d = view(vm, o)?;
    Ok(vm.int((d.len * d.itemsize) as i64))
}
fn g_readonly(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.bool(view(vm, o)?.readonly))
}
fn g_itemsize(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.int(view(vm, o)?.itemsize as i64))
}
fn g_format(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.str(&(view(vm, o)?.fmt as char).to_string()))
}
fn g_ndim(vm: &Vm, o: &PyRef) -> PyResult {
    view(vm, o)?;
    Ok(vm.int(1))
}
fn g_shape(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.tuple([vm.int(view(vm, o)?.len as i64)]))
}
fn g_strides(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.tuple([vm.int(view(vm, o)?.step as i64)]))
}
fn g_suboffsets(vm: &Vm, o: &PyRef) -> PyResult {
    view(vm, o)?;
    Ok(vm.empty_tuple.clone())
}
fn g_contiguous(vm: &Vm, o: &PyRef) -> PyResult {
    let d = view(vm, o)?;
    Ok(vm.bool(d.len <= 1 || d.step == d.itemsize as isize))
}

fn make_types(vm: &Vm) -> (PyRef, PyRef, PyRef) {
    let mb = typeobj::new_static_type(&vm.types, "managedbuffer", &vm.types.object, Kind::ManagedBuffer, typeobj::tflags::NO_INSTANCES);
    crate::types::finish_one_type(vm, &mb);
    let it = typeobj::new_static_type(&vm.types, "memory_iterator", &vm.types.object, Kind::Iterator, typeobj::tflags::NO_INSTANCES);
    crate::types::finish_one_type(vm, &it);
    typeobj::add_method(vm, &it, "__iter__", crate::types::methods::d_iter);
    typeobj::add_method(vm, &it, "__next__", crate::types::methods::d_next);
    let t = typeobj::new_static_type(&vm.types, "memoryview", &vm.types.object, Kind::MemoryView, typeobj::tflags::WEAKREFABLE);
    crate::types::finish_one_type(vm, &t);
    typeobj::data(&t).new.set(Some(mv_new));
    let methods: [(&'static str, NativeFn); 17] = [
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__delitem__", mv_delitem),
        ("__len__", mv_len),
        ("__iter__", mv_iter),
        ("__repr__", mv_repr),
        ("__hash__", mv_hash),
        ("__eq__", mv_eq),
        ("__ne__", mv_ne),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("release", mv_release),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("toreadonly", mv_toreadonly),
        ("cast", mv_cast),
    ];
    for (n, f) in methods {
        typeobj::add_method(vm, &t, n, f);
    }
    typeobj::add_staticmethod(vm, &t, "__new__", mv_new_method);
    let getters: [(&'static str, crate::types::descriptor::Getter); 12] = [
        ("obj", g_obj),
        ("nbytes", g_nbytes),
        ("readonly", g_readonly),
        ("itemsize", g_itemsize),
        ("format", g_format),
        ("ndim", g_ndim),
        ("shape", g_shape),
        ("strides", g_strides),
        ("suboffsets", g_suboffsets),
        ("c_contiguous", g_contiguous),
        ("f_contiguous", g_contiguous),
        ("contiguous", g_contiguous),
    ];
    for (n, g) in getters {
        typeobj::add_getter(vm, &t, n, g);
    }
    (t, mb, it)
}
