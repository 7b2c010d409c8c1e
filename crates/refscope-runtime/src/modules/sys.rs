//! `sys`: reference counts, recursion limit, argv, exit, the standard
//! streams, sizes.
//!
//! Standard output is buffered here and flushed at exit, before reading
//! input, on `flush()`, and whenever standard error is written (so that a
//! terminal shows the two streams in program order).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{NativeFn, PyResult, Vm};
use std::cell::RefCell;
use std::io::Write;

thread_local! {
    static STDOUT_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

const FLUSH_AT: usize = 1 << 14;

pub fn write_stdout(vm: &Vm, s: &str) -> PyResult<()> {
    let _ = vm;
    let full = STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(s.as_bytes());
        b.len() >= FLUSH_AT
    });
    if full {
        flush_stdout(vm);
    }
    Ok(())
}

pub fn flush_stdout(_vm: &Vm) {
    let data = STDOUT_BUF.with(|b| std::mem::take(&mut *b.borrow_mut()));
    if !data.is_empty() {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&data);
        let _ = out.flush();
    }
}

pub fn write_stderr(vm: &Vm, s: &str) {
    flush_stdout(vm);
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}

fn stream_write(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() != 2 {
        return Err(vm.type_error(format!("write() takes exactly one argument ({} given)", a.len().saturating_sub(1))));
    }
    let Some(s) = str::get(&a[1]) else {
        return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(&a[1]))));
    };
    if stream_is_stderr(vm, &a[0]) {
        write_stderr(vm, s.as_str());
    } else {
        write_stdout(vm, s.as_str())?;
    }
    Ok(vm.int(s.char_len() as i64))
}

fn stream_is_stderr(vm: &Vm, obj: &PyRef) -> bool {
    STDERR_ID.with(|c| c.get()) == obj.id() && vm.sys.borrow().is_some()
}

thread_local! {
    static STDERR_ID: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn stream_flush(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    flush_stdout(vm);
    Ok(vm.none())
}

fn stream_true(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.true_.clone())
}

fn stream_isatty(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    use std::io::IsTerminal;
    let tty = if stream_is_stderr(vm, &a[0]) { std::io::stderr().is_terminal() } else { std::io::stdout().is_terminal() };
    Ok(vm.bool(tty))
}

fn s_getrefcount(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() != 1 {
        return Err(vm.type_error(format!("getrefcount() takes exactly one argument ({} given)", a.len())));
    }
    Ok(vm.int(a[0].refcount() as i64))
}

fn s_intern(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() != 1 {
        return Err(vm.type_error(format!("intern() takes exactly one argument ({} given)", a.len())));
    }
    if !a[0].ty().is(&vm.types.str_) {
        return Err(vm.type_error(format!("intern() argument must be str, not {}", vm.type_name(&a[0]))));
    }
    Ok(vm.intern_obj(&a[0]))
}

fn s_exit(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Err(crate::vm::PyErr(exceptions::new_exception(vm, &vm.exc.system_exit, a.to_vec())))
}

fn s_getrecursionlimit(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(vm.recursion_limit.get() as i64))
}

fn s_setrecursionlimit(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() != 1 {
        return Err(vm.type_error(format!("setrecursionlimit() takes exactly one argument ({} given)", a.len())));
    }
    if a[0].kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int::index_i64(vm, &a[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.depth.get() as i64;
    if n <= depth {
        return Err(vm.recursion_error_msg_plain(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        )));
    }
    vm.recursion_limit.set(n.min(u32::MAX as i64) as u32);
    Ok(vm.none())
}

fn s_exc_info(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match vm.handled.borrow().clone() {
        Some(e) => {
            let tb = exceptions::get(&e).and_then(|d| d.traceback.borrow().clone()).unwrap_or_else(|| vm.none());
            Ok(vm.tuple(vec![e.ty().clone(), e.clone(), tb]))
        }
        None => Ok(vm.tuple(vec![vm.none(), vm.none(), vm.none()])),
    }
}

fn s_exception(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.handled.borrow().clone().unwrap_or_else(|| vm.none()))
}

fn s_getsizeof(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.is_empty() {
        return Err(vm.type_error("getsizeof() missing required argument 'object' (pos 1)"));
    }
    let o = &a[0];
    let size = match ops::call_special(vm, o, "__sizeof__", &[])? {
        Some(r) => int::index_i64(vm, &r)?,
        None => basic_size(vm, o) as i64,
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    Ok(vm.int(size + if is_gc_type(o) { 16 } else { 0 }))
}

fn s_getallocatedblocks(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(crate::object::heap::live_blocks() as i64))
}

fn s_getframe(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let depth = match a.first() {
        Some(d) => int::index_i64(vm, d)?,
        None => 0,
    };
    let frames = vm.frames.borrow();
    if depth < 0 || depth as usize >= frames.len() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    Ok(frames[frames.len() - 1 - depth as usize].clone())
}

/// Objects CPython tracks in its cycle collector carry a 16-byte GC header
/// that `sys.getsizeof` includes.
fn is_gc_type(o: &PyRef) -> bool {
    match o.kind() {
        Kind::Int | Kind::Float | Kind::Complex | Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Range | Kind::Slice | Kind::BuiltinFunction if !o.has_ext() => {
            matches!(o.kind(), Kind::BuiltinFunction)
        }
        Kind::Object => o.has_ext(),
        _ => true,
    }
}

/// `object.__sizeof__` for the builtin layouts, in CPython 3.11 64-bit bytes.
pub fn basic_size(vm: &Vm, o: &PyRef) -> usize {
    let ext = if o.has_ext() { 16 } else { 0 };
    ext + match o.kind() {
        Kind::Int => {
            // CPython stores ints as 30-bit digits; zero has none.
            24 + 4 * (int::to_bigint(o).bits() as usize).div_ceil(30)
        }
        Kind::Float => 24,
        Kind::Complex => 32,
        Kind::Str => {
            let s = str::as_str(o);
            let n = s.chars().count();
            match refscope_text::str_kind(s) {
                1 if s.is_ascii() => 49 + n,
                1 => 73 + n,
                2 => 74 + 2 * n,
                _ => 76 + 4 * n,
            }
        }
        Kind::Bytes => 33 + bytes::get(o).unwrap().len(),
        Kind::Tuple => 24 + 8 * tuple::items(o).len(),
        Kind::List => 40 + 8 * list::get(o).unwrap().allocated.get(),
        Kind::Dict => {
            let t = dict::get(o).unwrap().table.borrow();
            if t.indices.is_empty() {
                48
            } else {
                let size = t.size();
                let ix = if size <= 0xff { 1 } else if size <= 0xffff { 2 } else if size <= 0xffff_ffff { 4 } else { 8 };
                let usable = size * 2 / 3;
                let entry = if t.str_keys { 16 } else { 24 };
                48 + 32 + ix * size + entry * usable
            }
        }
        Kind::Set => {
            let n = set::get(o).unwrap().table.borrow().slots.len();
            200 + if n > 8 { 16 * n } else { 0 }
        }
        Kind::Object => 16,
        Kind::Range => 48,
        Kind::Slice => 40,
        Kind::Function => 136,
        Kind::Method => 32,
        Kind::Cell => 24,
        Kind::Module => 56,
        Kind::Type => 888,
        Kind::Exception => 64,
        Kind::Generator => 88,
        _ => 32,
    }
}

impl Vm {
    pub fn sys_attr(&self, name: &str) -> Option<PyRef> {
        let sys = self.sys.borrow().clone()?;
        dict::get_str_key(&module::get(&sys).unwrap().dict, &self.intern(name))
    }

    fn recursion_error_msg_plain(&self, msg: String) -> crate::vm::PyErr {
        self.new_exception(&self.exc.recursion_error, msg)
    }
}

/// Python-level parts of sys, compiled at start-up.
const SYS_PRELUDE: &str = r#"
class version_info(tuple):
    __slots__ = ()
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])
    def __repr__(self):
        return "sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)" % tuple(self)
version_info = version_info((3, 11, 7, 'final', 0))
"#;

pub fn init(vm: &Vm) {
    let m = crate::import::new_module(vm, "sys");
    let d = module::get(&m).unwrap().dict.clone();
    let add = |name: &'static str, f: NativeFn| {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    };
    add("getrefcount", s_getrefcount);
    add("intern", s_intern);
    add("exit", s_exit);
    add("getrecursionlimit", s_getrecursionlimit);
    add("setrecursionlimit", s_setrecursionlimit);
    add("exc_info", s_exc_info);
    add("exception", s_exception);
    add("getsizeof", s_getsizeof);
    add("getallocatedblocks", s_getallocatedblocks);
    add("_getframe", s_getframe);
    // Standard streams: instances of a small builtin type.
    let io_ty = typeobj::new_static_type(&vm.types, "TextIOWrapper", &vm.types.object, Kind::Object, 0);
    crate::types::finish_one_type(vm, &io_ty);
    *typeobj::data(&io_ty).module.borrow_mut() = Some("_io".into());
    typeobj::add_method(vm, &io_ty, "write", stream_write);
    typeobj::add_method(vm, &io_ty, "flush", stream_flush);
    typeobj::add_method(vm, &io_ty, "writable", stream_true);
    typeobj::add_method(vm, &io_ty, "isatty", stream_isatty);
    let _ = tflags::HEAPTYPE;
    let stdout = PyRef::new(&io_ty, ());
    let stderr = PyRef::new(&io_ty, ());
    let stdin = PyRef::new(&io_ty, ());
    STDERR_ID.with(|c| c.set(stderr.id()));
    for (n, v) in [
        ("stdout", stdout.clone()),
        ("stderr", stderr.clone()),
        ("stdin", stdin.clone()),
        ("__stdout__", stdout),
        ("__stderr__", stderr),
        ("__stdin__", stdin),
        ("modules", vm.modules.clone()),
        ("maxsize", vm.int(i64::MAX)),
        ("version", vm.str("3.11.7 (refscope)")),
        ("platform", vm.str("linux")),
        ("byteorder", vm.str("little")),
        ("hexversion", vm.int(0x030b07f0)),
        ("implementation_name", vm.str("refscope")),
        ("path", vm.list(Vec::new())),
        ("argv", vm.list(Vec::new())),
    ] {
        dict::set_item_str(vm, &d, vm.intern(n), v);
    }
    *vm.sys.borrow_mut() = Some(m.clone());
    dict::set_item_str(vm, &vm.modules, vm.intern("sys"), m.clone());
    let code = crate::compile_source(vm, SYS_PRELUDE, "<sys>", false).expect("sys prelude compiles");
    if let Err(e) = crate::interp::run_code(vm, &code, d.clone(), d.clone(), None) {
        panic!("sys prelude failed: {}", crate::ops::repr_string(vm, &e.0).unwrap_or_default());
    }
    let _ = write_stdout;
}
