//! `bytearray`: a mutable byte string.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

pub struct ByteArrayData {
    pub b: RefCell<Vec<u8>>,
    /// CPython's `ob_alloc` (bytes allocated, with the trailing NUL), for
    /// `sys.getsizeof`; real memory is the Vec's.
    pub alloc: Cell<usize>,
    /// CPython's `ob_start - ob_bytes`: deleting from the front advances
    /// the start instead of moving the bytes.
    pub offset: Cell<usize>,
    /// Buffers exported (memoryviews' managed buffers over it): while any
    /// is, the size cannot change (`BufferError`).
    pub exports: Cell<u32>,
}

impl ByteArrayData {
    pub fn new(b: Vec<u8>) -> ByteArrayData {
        let n = b.len();
        ByteArrayData { b: RefCell::new(b), alloc: Cell::new(if n == 0 { 0 } else { n + 1 }), offset: Cell::new(0), exports: Cell::new(0) }
    }
    /// CPython's check before a resize from `size` to `newsize` bytes: not
    /// while a buffer is exported (a same-size "resize" is no resize).
    pub fn check_resize(&self, vm: &Vm, size: usize, newsize: usize) -> PyResult<()> {
        if newsize != size && self.exports.get() > 0 {
            let ty = vm.exc.all.iter().find(|(n, _)| *n == "BufferError").map(|x| x.1.clone()).unwrap_or_else(|| vm.exc.exception.clone());
            return Err(vm.new_exception(&ty, "Existing exports of data: object cannot be re-sized".into()));
        }
        Ok(())
    }
    /// `PyByteArray_Resize` from `size` bytes to `newsize`: shrinking below
    /// half the allocation reallocates exactly, growing by up to 1/8 of it
    /// over-allocates, a bigger jump allocates exactly.
    pub fn note_resize(&self, size: usize, newsize: usize) {
        if newsize == size {
            return;
        }
        let alloc = self.alloc.get();
        let offset = self.offset.get();
        let new_alloc = if newsize + offset < alloc {
            if newsize < alloc / 2 {
                newsize + 1
            } else {
                return;
            }
        } else if (newsize as f64) <= alloc as f64 * 1.125 {
            newsize + (newsize >> 3) + if newsize < 9 { 3 } else { 6 }
        } else {
            newsize + 1
        };
        self.alloc.set(new_alloc);
        self.offset.set(0);
    }
    /// Bytes appended one at a time from `size` (the iterable constructor).
    pub fn note_appends(&self, size: usize, count: usize) {
        for k in size..size + count {
            self.note_resize(k, k + 1);
        }
    }
    /// A slice deletion/replacement at the front that shrinks by `by` bytes.
    pub fn note_front_shrink(&self, by: usize) {
        self.offset.set(self.offset.get() + by);
    }
}

pub fn get(obj: &PyRef) -> Option<&ByteArrayData> {
    obj.payload::<ByteArrayData>()
}

pub fn repr(b: &[u8]) -> String {
    refscope_text::bytes_repr(b, "bytearray")
}

// ---------------------------------------------------------------- methods

use crate::object::Kind;
use crate::ops;
use crate::types::bytes::{buffer, byte_value};
use crate::types::methods::{noargs, one_arg, pos_args};
use crate::types::{int, slice, typeobj};

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a ByteArrayData> {
    a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))
}

fn ba_append(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "bytearray", "append", a, k)?;
    let v = byte_value(vm, x)?;
    let d = this(vm, a)?;
    let n = d.b.borrow().len();
    d.check_resize(vm, n, n + 1)?;
    d.note_resize(n, n + 1);
    d.b.borrow_mut().push(v);
    Ok(vm.none())
}

/// The bytes an iterable of ints (or a bytes-like object) stands for.
fn iterable_bytes(vm: &Vm, x: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(x) {
        return Ok(b.into_owned());
    }
    let it = match ops::get_iter(vm, x) {
        Ok(it) => it,
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {
            return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(x))));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(item) = ops::next(vm, &it)? {
        out.push(byte_value(vm, &item)?);
    }
    Ok(out)
}

fn ba_extend(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "bytearray", "extend", a, k)?;
    let v = iterable_bytes(vm, x)?;
    let d = this(vm, a)?;
    let n = d.b.borrow().len();
    d.check_resize(vm, n, n + v.len())?;
    d.note_resize(n, n + v.len());
    d.b.borrow_mut().extend_from_slice(&v);
    Ok(vm.none())
}
fn ba_insert(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "bytearray", "insert", a, k, 2, 2)?;
    let i = int::index_i64(vm, &p[0])?;
    let v = byte_value(vm, &p[1])?;
    let d = this(vm, a)?;
    let mut b = d.b.borrow_mut();
    let n = b.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.check_resize(vm, n as usize, n as usize + 1)?;
    d.note_resize(n as usize, n as usize + 1);
    b.insert(i, v);
    Ok(vm.none())
}
fn ba_pop(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "bytearray", "pop", a, k, 0, 1)?;
    let i = match p.first() {
        Some(x) => int::index_i64(vm, x)?,
        None => -1,
    };
    let d = this(vm, a)?;
    let mut b = d.b.borrow_mut();
    let n = b.len() as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    d.check_resize(vm, n as usize, n as usize - 1)?;
    let v = b.remove(j as usize);
    d.note_resize(n as usize, n as usize - 1);
    Ok(vm.int(v as i64))
}
fn ba_remove(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "bytearray", "remove", a, k)?;
    let v = byte_value(vm, x)?;
    let d = this(vm, a)?;
    let mut b = d.b.borrow_mut();
    match b.iter().position(|c| *c == v) {
        Some(i) => {
            let n = b.len();
            d.check_resize(vm, n, n - 1)?;
            b.remove(i);
            d.note_resize(n, n - 1);
            Ok(vm.none())
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}
fn ba_reverse(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytearray", "reverse", a, k)?;
    this(vm, a)?.b.borrow_mut().reverse();
    Ok(vm.none())
}
fn ba_clear(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytearray", "clear", a, k)?;
    let d = this(vm, a)?;
    let n = d.b.borrow().len();
    d.check_resize(vm, n, 0)?;
    d.note_resize(n, 0);
    d.b.borrow_mut().clear();
    Ok(vm.none())
}
fn ba_copy(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytearray", "copy", a, k)?;
    let v = this(vm, a)?.b.borrow().clone();
    Ok(PyRef::new(&vm.types.bytearray, ByteArrayData::new(v)))
}
fn ba_alloc(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytearray", "__alloc__", a, k)?;
    Ok(vm.int(this(vm, a)?.alloc.get() as i64))
}
fn ba_iadd(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__iadd__", a, k, 1)?[0];
    let Some(v) = buffer(x) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(x))));
    };
    let v = v.into_owned();
    let d = this(vm, a)?;
    let n = d.b.borrow().len();
    d.check_resize(vm, n, n + v.len())?;
    d.note_resize(n, n + v.len());
    d.b.borrow_mut().extend_from_slice(&v);
    Ok(a[0].clone())
}
fn ba_imul(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = { if a.len() != 2 || !crate::types::methods::kw_names(k).is_empty() { return Err(vm.type_error(if crate::types::methods::kw_names(k).is_empty() { format!(" expected 1 argument, got {}", a.len().saturating_sub(1)) } else { "wrapper __imul__() takes no keyword arguments".to_string() })); } &a[1] };
    crate::types::number_ops::not_a_count(vm, refscope_compiler::bytecode::BinOp::Mul, &a[0], x)?;
    let n = int::index_i64(vm, x)?.max(0) as u128;
    let d = this(vm, a)?;
    let len = d.b.borrow().len() as u128;
    if len * n > (isize::MAX as u128) {
        return Err(vm.memory_error());
    }
    d.check_resize(vm, len as usize, (len * n) as usize)?;
    let v = d.b.borrow().repeat(n as usize);
    d.note_resize(len as usize, v.len());
    *d.b.borrow_mut() = v;
    Ok(a[0].clone())
}
fn ba_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = crate::types::methods::kw_args(vm, "bytearray", a, k, true, &["source", "encoding", "errors"], 0, 0, 3)?;
    crate::types::bytes::check_codec_args(vm, "bytearray", p[1], p[2])?;
    let v = match p[0] {
        None => {
            if p[1].is_some() {
                return Err(vm.type_error("encoding without a string argument"));
            }
            if p[2].is_some() {
                return Err(vm.type_error("errors without a string argument"));
            }
            Vec::new()
        }
        Some(x) => crate::types::bytes::from_object(vm, x, p[1], p[2], true)?,
    };
    let d = this(vm, a)?;
    let old = d.b.borrow().len();
    d.check_resize(vm, old, 0)?;
    d.note_resize(old, 0);
    // Other iterables than exact lists and tuples are appended byte by byte.
    let appended = p[0].is_some_and(|x| {
        buffer(x).is_none() && !matches!(x.kind(), Kind::Int | Kind::Str) && !x.ty().is(&vm.types.list) && !x.ty().is(&vm.types.tuple)
            && ops::lookup_special(vm, x, "__index__").is_none()
    });
    if appended {
        d.note_appends(0, v.len());
    } else {
        d.note_resize(0, v.len());
    }
    *d.b.borrow_mut() = v;
    Ok(vm.none())
}

/// `ba[i] = v`, `ba[i:j] = v`, `del ba[i]`, `del ba[i:j]`.
pub fn set_item(vm: &Vm, obj: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let d = get(obj).ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))?;
    if key.kind() != Kind::Slice {
        if int::get(key).is_none() && ops::lookup_special(vm, key, "__index__").is_none() {
            return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", vm.type_name(key))));
        }
        let i = crate::types::seq_impl::index_arg(vm, key)?;
        let v = match &value {
            Some(v) => Some(byte_value(vm, v)?),
            None => None,
        };
        let mut b = d.b.borrow_mut();
        let n = b.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(vm.index_error("bytearray index out of range"));
        }
        match v {
            Some(v) => b[j as usize] = v,
            None => {
                d.check_resize(vm, n as usize, n as usize - 1)?;
                b.remove(j as usize);
                if j == 0 {
                    d.note_front_shrink(1);
                }
                d.note_resize(n as usize, n as usize - 1);
            }
        }
        return Ok(());
    }
    let new: Option<Vec<u8>> = match &value {
        None => None,
        Some(v) => Some(if let Some(b) = buffer(v) {
            b.into_owned()
        } else if v.kind() == Kind::Str
            || matches!(v.kind(), Kind::Int | Kind::Float | Kind::Complex)
            || ops::lookup_special(vm, v, "__index__").is_some()
            || ops::lookup_special(vm, v, "__float__").is_some()
            || ops::lookup_special(vm, v, "__int__").is_some()
        {
            return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
        } else {
            crate::types::bytes::from_object(vm, v, None, None, true)?
        }),
    };
    let (ustart, ustop, step) = slice::unpack(vm, slice::get(key).unwrap())?;
    // The length is read after all Python code (`__index__`, iteration) ran.
    let n = d.b.borrow().len() as i64;
    let (start, stop, count) = slice::adjust(n, ustart, ustop, step);
    let mut b = d.b.borrow_mut();
    if step == 1 {
        let stop = stop.max(start);
        let old_len = b.len();
        d.check_resize(vm, old_len, old_len - (stop - start) as usize + new.as_ref().map_or(0, |v| v.len()))?;
        b.splice(start as usize..stop as usize, new.unwrap_or_default());
        let len = b.len();
        if len < old_len && start == 0 {
            d.note_front_shrink(old_len - len);
        }
        d.note_resize(old_len, len);
        return Ok(());
    }
    let v = new.unwrap_or_default();
    if v.is_empty() {
        // An empty value deletes an extended slice (unlike list).
        let mut idx: Vec<usize> = (0..count).map(|k| (start + k * step) as usize).collect();
        idx.sort_unstable();
        let old_len = b.len();
        d.check_resize(vm, old_len, old_len - idx.len())?;
        for i in idx.into_iter().rev() {
            b.remove(i);
        }
        d.note_resize(old_len, b.len());
        return Ok(());
    }
    if v.len() as i64 != count {
        return Err(vm.value_error(format!("attempt to assign bytes of size {} to extended slice of size {}", v.len(), count)));
    }
    for (k, x) in v.into_iter().enumerate() {
        b[(start + k as i64 * step) as usize] = x;
    }
    Ok(())
}

/// `(type, args, __dict__ or None)` for copy and pickle: the bytes below
/// protocol 3 as a Latin-1 str.
fn reduce_common(vm: &Vm, o: &PyRef, proto: i64) -> PyResult {
    let d = get(o).ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))?;
    let data = d.b.borrow().clone();
    let dict = match ops::instance_dict(vm, o, false) {
        Some(x) => {
            crate::object::gc::materialize_dict(&x);
            x
        }
        None => vm.none(),
    };
    let args = if proto < 3 {
        let text: String = data.iter().map(|&c| c as char).collect();
        vm.tuple([vm.str(&text), vm.str("latin-1")])
    } else if data.is_empty() {
        vm.tuple([])
    } else {
        vm.tuple([vm.bytes(data)])
    };
    Ok(vm.tuple([o.ty().clone(), args, dict]))
}
fn ba_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "bytearray", "__reduce__", a, k)?;
    reduce_common(vm, &a[0], 2)
}
fn ba_reduce_ex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "bytearray", "__reduce_ex__", a, k, 0, 1)?;
    let proto = match p.first() {
        Some(x) => int::index_i64(vm, x)?,
        None => 0,
    };
    reduce_common(vm, &a[0], proto)
}

pub fn init_methods(vm: &Vm) {
    let ty = &vm.types.bytearray;
    crate::types::bytes::add_common_methods(vm, ty);
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, ty, name, f);
    m("append", ba_append);
    m("extend", ba_extend);
    m("insert", ba_insert);
    m("pop", ba_pop);
    m("remove", ba_remove);
    m("reverse", ba_reverse);
    m("clear", ba_clear);
    m("copy", ba_copy);
    m("__alloc__", ba_alloc);
    m("__reduce__", ba_reduce);
    m("__reduce_ex__", ba_reduce_ex);
    m("__iadd__", ba_iadd);
    m("__imul__", ba_imul);
    m("__init__", ba_init);
}
