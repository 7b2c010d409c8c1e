//! `open()` and file objects: text files (utf-8 by default) and binary
//! files, read/write/append, line iteration, context management.
//!
//! A file object is an instance of `TextIOWrapper` or `BufferedReader`/
//! `BufferedWriter`-like types; its state (path, mode, content position or
//! output buffer) lives in a `FileData` payload.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{NativeFn, PyResult, Vm};
use std::cell::RefCell;
use std::io::Write;

pub struct FileState {
    pub file: Option<std::fs::File>,
    /// Unread input (read mode).
    pub input: Vec<u8>,
    pub pos: usize,
    pub closed: bool,
}

pub struct FileData {
    pub name: PyRef,
    pub mode: String,
    pub binary: bool,
    pub readable: bool,
    pub writable: bool,
    pub state: RefCell<FileState>,
}

thread_local! {
    static TYPES: RefCell<Option<(PyRef, PyRef)>> = const { RefCell::new(None) };
    static UNSUPPORTED: RefCell<Option<PyRef>> = const { RefCell::new(None) };
}

/// `io.UnsupportedOperation` (raised by reading a write-only file...).
pub fn unsupported_operation(vm: &Vm) -> PyRef {
    UNSUPPORTED.with(|u| {
        u.borrow_mut()
            .get_or_insert_with(|| {
                let t = typeobj::new_static_type(&vm.types, "UnsupportedOperation", &vm.exc.os_error, Kind::Exception, typeobj::tflags::BASETYPE | typeobj::tflags::HAS_DICT);
                crate::types::finish_one_type(vm, &t);
                *typeobj::data(&t).module.borrow_mut() = Some("io".into());
                typeobj::data(&t).new.set(typeobj::data(&vm.exc.os_error).new.get());
                t
            })
            .clone()
    })
}

fn os_error(vm: &Vm, e: &std::io::Error, path: &str) -> crate::vm::PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        std::io::ErrorKind::AlreadyExists => "File exists".to_string(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    };
    let msg = if errno == 21 { "Is a directory".to_string() } else { msg };
    match ops::call_owned(vm, &vm.exc.os_error, vec![vm.int(errno as i64), vm.str_owned(msg), vm.str(path)], None) {
        Ok(exc) => crate::vm::PyErr(exc),
        Err(e) => e,
    }
}

fn data(o: &PyRef) -> &FileData {
    o.payload_unchecked::<FileData>()
}

fn check_open(vm: &Vm, f: &FileData) -> PyResult<()> {
    if f.state.borrow().closed {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn b_open(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = constructors::split_kw(a, k);
    let mut file = pos.first().cloned();
    let mut mode = pos.get(1).cloned();
    let mut encoding = pos.get(3).cloned();
    if let Some(k) = k {
        for (n, v) in tuple::items(k).iter().zip(kwv) {
            match str::as_str(n) {
                "file" => file = Some(v.clone()),
                "mode" => mode = Some(v.clone()),
                "encoding" => encoding = Some(v.clone()),
                "errors" | "newline" | "buffering" | "closefd" => {}
                other => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for open()", other))),
            }
        }
    }
    let Some(file) = file else { return Err(vm.type_error("open() missing required argument 'file' (pos 1)")) };
    let Some(path) = str::get(&file).map(|s| s.as_str().to_string()) else {
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&file))));
    };
    let mode_s = match &mode {
        Some(m) => ops::str_string(vm, m)?,
        None => "r".into(),
    };
    if let Some(e) = &encoding {
        if !e.is(&vm.none) {
            let es = ops::str_string(vm, e)?.to_lowercase().replace('_', "-");
            if !matches!(es.as_str(), "utf-8" | "utf8") {
                return Err(vm.new_exception(&vm.exc.lookup_error, format!("refscope supports only utf-8 files (asked for {})", es)));
            }
        }
    }
    let binary = mode_s.contains('b');
    let plus = mode_s.contains('+');
    let kind = mode_s.chars().find(|c| "rwax".contains(*c)).unwrap_or('r');
    if mode_s.chars().any(|c| !"rwaxbt+".contains(c)) || mode_s.chars().filter(|c| "rwax".contains(*c)).count() > 1 {
        return Err(vm.value_error(format!("invalid mode: '{}'", mode_s)));
    }
    let mut oo = std::fs::OpenOptions::new();
    match kind {
        'r' => {
            oo.read(true).write(plus);
        }
        'w' => {
            oo.write(true).create(true).truncate(true).read(plus);
        }
        'a' => {
            oo.append(true).create(true).read(plus);
        }
        _ => {
            oo.write(true).create_new(true).read(plus);
        }
    }
    let f = oo.open(&path).map_err(|e| os_error(vm, &e, &path))?;
    let mut input = Vec::new();
    if kind == 'r' {
        use std::io::Read;
        let mut f2 = &f;
        f2.read_to_end(&mut input).map_err(|e| os_error(vm, &e, &path))?;
        if !binary && std::str::from_utf8(&input).is_err() {
            return Err(vm.new_exception(&vm.exc.unicode_decode_error, "'utf-8' codec can't decode the file's bytes".into()));
        }
    }
    let ty = TYPES.with(|t| t.borrow().clone()).map(|(t, b)| if binary { b } else { t }).expect("io initialised");
    Ok(PyRef::new(
        &ty,
        FileData {
            name: file.clone(),
            mode: mode_s,
            binary,
            readable: kind == 'r' || plus,
            writable: kind != 'r' || plus,
            state: RefCell::new(FileState { file: Some(f), input, pos: 0, closed: false }),
        },
    ))
}

fn wrap(vm: &Vm, f: &FileData, bytes: Vec<u8>) -> PyRef {
    if f.binary {
        vm.bytes(bytes)
    } else {
        vm.str_owned(String::from_utf8(bytes).unwrap_or_default())
    }
}

fn f_read(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    check_open(vm, f)?;
    if !f.readable {
        return Err(vm.new_exception(&unsupported_operation(vm), "not readable".into()));
    }
    let n = match a.get(1) {
        Some(x) if !x.is(&vm.none) => int::index_i64(vm, x)?,
        _ => -1,
    };
    let mut st = f.state.borrow_mut();
    let rest = &st.input[st.pos..];
    let take = if n < 0 {
        rest.len()
    } else if f.binary {
        (n as usize).min(rest.len())
    } else {
        // n characters
        let s = std::str::from_utf8(rest).unwrap_or("");
        s.char_indices().nth(n as usize).map(|(i, _)| i).unwrap_or(rest.len())
    };
    let out = rest[..take].to_vec();
    st.pos += take;
    drop(st);
    Ok(wrap(vm, f, out))
}

fn next_line(f: &FileData) -> Option<Vec<u8>> {
    let mut st = f.state.borrow_mut();
    if st.pos >= st.input.len() {
        return None;
    }
    let rest = &st.input[st.pos..];
    let end = rest.iter().position(|b| *b == b'\n').map(|i| i + 1).unwrap_or(rest.len());
    let line = rest[..end].to_vec();
    st.pos += end;
    Some(line)
}

fn f_readline(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    check_open(vm, f)?;
    Ok(wrap(vm, f, next_line(f).unwrap_or_default()))
}

fn f_readlines(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    check_open(vm, f)?;
    let mut v = Vec::new();
    while let Some(l) = next_line(f) {
        v.push(wrap(vm, f, l));
    }
    Ok(vm.list(v))
}

fn f_next(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    check_open(vm, f)?;
    match next_line(f) {
        Some(l) => Ok(wrap(vm, f, l)),
        None => Err(vm.stop_iteration(None)),
    }
}

fn f_iter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    check_open(vm, data(&a[0]))?;
    Ok(a[0].clone())
}

fn f_write(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    check_open(vm, f)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("write() takes exactly one argument ({} given)", a.len() - 1)));
    }
    if !f.writable {
        return Err(vm.new_exception(&unsupported_operation(vm), "not writable".into()));
    }
    let (bytes, n) = if f.binary {
        match a[1].kind() {
            Kind::Bytes => (bytes::get(&a[1]).unwrap().to_vec(), bytes::get(&a[1]).unwrap().len()),
            Kind::ByteArray => {
                let b = bytearray::get(&a[1]).unwrap().b.borrow().clone();
                let n = b.len();
                (b, n)
            }
            _ => return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(&a[1])))),
        }
    } else {
        match str::get(&a[1]) {
            Some(s) => (s.as_str().as_bytes().to_vec(), s.char_len()),
            None => return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(&a[1])))),
        }
    };
    let mut st = f.state.borrow_mut();
    if let Some(file) = st.file.as_mut() {
        file.write_all(&bytes).map_err(|e| os_error(vm, &e, &ops::str_string(vm, &f.name).unwrap_or_default()))?;
    }
    Ok(vm.int(n as i64))
}

fn f_close(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    let mut st = f.state.borrow_mut();
    st.closed = true;
    let file = st.file.take();
    drop(st);
    if let Some(mut file) = file {
        let _ = file.flush();
    }
    Ok(vm.none())
}

fn f_flush(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    check_open(vm, f)?;
    if let Some(file) = f.state.borrow_mut().file.as_mut() {
        let _ = file.flush();
    }
    Ok(vm.none())
}

fn f_enter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    check_open(vm, data(&a[0]))?;
    Ok(a[0].clone())
}

fn f_exit(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    f_close(vm, &a[..1], k)?;
    Ok(vm.false_.clone())
}

fn f_closed(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.bool(data(o).state.borrow().closed))
}
fn f_name(_vm: &Vm, o: &PyRef) -> PyResult {
    Ok(data(o).name.clone())
}
fn f_mode(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.str(&data(o).mode))
}

fn f_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let f = data(&a[0]);
    let name = ops::repr_string(vm, &f.name)?;
    Ok(vm.str_owned(if f.binary {
        format!("<_io.BufferedReader name={}>", name)
    } else {
        format!("<_io.TextIOWrapper name={} mode='{}' encoding='UTF-8'>", name, f.mode)
    }))
}

pub fn init(vm: &Vm) {
    let mk = |name: &str| {
        let t = typeobj::new_static_type(&vm.types, name, &vm.types.object, Kind::File, 0);
        crate::types::finish_one_type(vm, &t);
        *typeobj::data(&t).module.borrow_mut() = Some("_io".into());
        let methods: [(&'static str, NativeFn); 11] = [
            ("read", f_read),
            ("readline", f_readline),
            ("readlines", f_readlines),
            ("__next__", f_next),
            ("__iter__", f_iter),
            ("write", f_write),
            ("close", f_close),
            ("flush", f_flush),
            ("__enter__", f_enter),
            ("__exit__", f_exit),
            ("__repr__", f_repr),
        ];
        for (n, f) in methods {
            typeobj::add_method(vm, &t, n, f);
        }
        typeobj::add_getter(vm, &t, "closed", f_closed);
        typeobj::add_getter(vm, &t, "name", f_name);
        typeobj::add_getter(vm, &t, "mode", f_mode);
        t
    };
    let text = mk("TextIOWrapper");
    let bin = mk("BufferedReader");
    TYPES.with(|t| *t.borrow_mut() = Some((text, bin)));
    let d = vm.builtins_dict();
    let b = builtin_function::new_builtin(vm, "open", b_open, vm.builtins.borrow().clone());
    dict::set_item_str(vm, &d, vm.intern("open"), b);
}
