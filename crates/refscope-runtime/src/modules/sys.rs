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
    /// The byte layer of standard output (CPython's BufferedWriter).
    static STDOUT_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Text written to sys.stdout and not yet passed to the byte layer
    /// (CPython's TextIOWrapper keeps up to a chunk of it), so that
    /// `sys.stdout.buffer.write` can overtake it as in CPython.
    static TEXT_OUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// How CPython's TextIOWrapper holds the pending text: nothing, one
    /// piece, or a list of pieces (a container the allocation counts see,
    /// made by the second write after a flush and freed at the next flush).
    static TEXT_PIECES: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
    static TEXT_LIST: std::cell::Cell<Option<crate::object::gc::Transient>> = const { std::cell::Cell::new(None) };
}

/// One more piece of text pending (after any flush it caused).
fn note_text_piece() {
    match TEXT_PIECES.with(|p| p.get()) {
        0 => TEXT_PIECES.with(|p| p.set(1)),
        1 => {
            TEXT_PIECES.with(|p| p.set(2));
            TEXT_LIST.with(|l| l.set(Some(crate::object::gc::Transient::list())));
        }
        _ => {}
    }
}

/// The pending text went to the byte layer: its list (if any) is freed.
fn note_text_flushed() {
    TEXT_PIECES.with(|p| p.set(0));
    if let Some(l) = TEXT_LIST.with(|l| l.take()) {
        l.free();
    }
}

const FLUSH_AT: usize = 1 << 14;
/// TextIOWrapper's chunk size.
const TEXT_CHUNK: usize = 8192;

/// Text to standard output (`sys.stdout.write`, `print`).
pub fn write_stdout(vm: &Vm, s: &str) -> PyResult<()> {
    if crate::observe::note_stdout(s) {
        return Ok(());
    }
    let data = s.as_bytes();
    let before = TEXT_OUT.with(|t| t.borrow().len());
    if before + data.len() > TEXT_CHUNK {
        text_to_bytes(vm)?;
    }
    note_text_piece();
    let pending = TEXT_OUT.with(|t| {
        let mut t = t.borrow_mut();
        t.extend_from_slice(data);
        t.len()
    });
    if pending >= TEXT_CHUNK {
        text_to_bytes(vm)?;
    }
    if UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed) || (stdout_line_buffered() && data.contains(&b'\n')) {
        flush_stdout(vm);
    }
    Ok(())
}

static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `-u`: every write to sys.stdout reaches the file at once (CPython's
/// unbuffered binary layer with a write-through text layer).
pub fn set_unbuffered() {
    UNBUFFERED.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn stdout_line_buffered() -> bool {
    use std::io::IsTerminal;
    thread_local! {
        static TTY: bool = std::io::stdout().is_terminal();
    }
    TTY.with(|t| *t)
}

/// Pass the pending text to the byte layer.
fn text_to_bytes(vm: &Vm) -> PyResult<()> {
    note_text_flushed();
    let data = TEXT_OUT.with(|t| std::mem::take(&mut *t.borrow_mut()));
    if data.is_empty() {
        return Ok(());
    }
    write_stdout_bytes(vm, &data)
}

/// Raw bytes to standard output (`sys.stdout.buffer.write`).
pub fn write_stdout_bytes(vm: &Vm, data: &[u8]) -> PyResult<()> {
    let full = STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(data);
        b.len() >= FLUSH_AT
    });
    if full {
        flush_stdout_bytes(vm);
    }
    Ok(())
}

/// Write the byte layer out (`sys.stdout.buffer.flush`).
fn flush_stdout_bytes(_vm: &Vm) {
    let data = STDOUT_BUF.with(|b| std::mem::take(&mut *b.borrow_mut()));
    if !data.is_empty() {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&data);
        let _ = out.flush();
    }
}

/// Flush sys.stdout: its pending text, then its byte layer.
pub fn flush_stdout(vm: &Vm) {
    let _ = text_to_bytes(vm);
    flush_stdout_bytes(vm);
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
    match stream_fd(&a[0]) {
        0 => return Err(stream_not(vm, "writable")),
        2 => write_stderr(vm, s.as_str()),
        _ => write_stdout(vm, s.as_str())?,
    }
    Ok(vm.int(s.char_len() as i64))
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
    let tty = match stream_fd(&a[0]) {
        0 => std::io::stdin().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => std::io::stdout().is_terminal(),
    };
    Ok(vm.bool(tty))
}

thread_local! {
    static STDIN_ID: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static INT_MAX_STR_DIGITS: std::cell::Cell<i64> = const { std::cell::Cell::new(4300) };
}

/// The file descriptor behind one of the three standard streams.
fn stream_fd(obj: &PyRef) -> i64 {
    if STDIN_ID.with(|c| c.get()) == obj.id() {
        0
    } else if STDERR_ID.with(|c| c.get()) == obj.id() {
        2
    } else {
        1
    }
}

fn no_kw(vm: &Vm, name: &str, k: Option<&PyRef>) -> PyResult<()> {
    if k.is_some_and(|k| !tuple::items(k).is_empty()) {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    Ok(())
}

fn stream_not(vm: &Vm, what: &str) -> crate::vm::PyErr {
    vm.new_exception(&crate::modules::io::unsupported_operation(vm), format!("not {}", what))
}

/// Decode what was read from standard input (UTF-8, strict).
fn decode_input(vm: &Vm, bytes: Vec<u8>) -> PyResult<String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let msg = match refscope_text::codecs::decode(e.as_bytes(), "utf-8", "strict") {
                Err(d) => d.message(),
                Ok(_) => "invalid utf-8".to_string(),
            };
            Err(vm.new_exception(&vm.exc.unicode_decode_error, msg))
        }
    }
}

thread_local! {
    /// What the text layer of sys.stdin has read from the byte layer and
    /// decoded but not returned yet, and an incomplete UTF-8 sequence at the
    /// end of the last chunk. Like CPython's TextIOWrapper, it reads whole
    /// chunks, so `sys.stdin.buffer` does not see what it has taken.
    static TEXT_IN: RefCell<(String, Vec<u8>)> = const { RefCell::new((String::new(), Vec::new())) };
}

/// Move the next chunk of standard input into the text layer; false at the
/// end of input.
fn stdin_fill_text(vm: &Vm) -> PyResult<bool> {
    use std::io::BufRead;
    let chunk = {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let buf = match lock.fill_buf() {
            Ok(b) => b.to_vec(),
            Err(e) => return Err(vm.new_exception(&vm.exc.os_error, e.to_string())),
        };
        lock.consume(buf.len());
        buf
    };
    TEXT_IN.with(|t| {
        let mut t = t.borrow_mut();
        let (text, tail) = &mut *t;
        if chunk.is_empty() {
            if tail.is_empty() {
                return Ok(false);
            }
            let bad = std::mem::take(tail);
            return Err(decode_input(vm, bad).err().unwrap_or_else(|| vm.new_exception(&vm.exc.unicode_decode_error, "invalid utf-8".into())));
        }
        let mut data = std::mem::take(tail);
        data.extend_from_slice(&chunk);
        match std::str::from_utf8(&data) {
            Ok(s) => text.push_str(s),
            Err(e) if e.error_len().is_none() => {
                let good = e.valid_up_to();
                text.push_str(std::str::from_utf8(&data[..good]).unwrap_or_default());
                *tail = data[good..].to_vec();
            }
            Err(_) => return Err(decode_input(vm, data).err().unwrap_or_else(|| vm.new_exception(&vm.exc.unicode_decode_error, "invalid utf-8".into()))),
        }
        Ok(true)
    })
}

/// Read from standard input up to and including a newline, or at most
/// `limit` characters; empty at end of input.
pub fn stdin_read_line(vm: &Vm, limit: Option<usize>) -> PyResult<String> {
    loop {
        let line = TEXT_IN.with(|t| {
            let mut t = t.borrow_mut();
            let text = &mut t.0;
            let nl = text.find('\n').map(|i| i + 1);
            let cut = match (nl, limit) {
                (Some(n), None) => Some(n),
                (Some(n), Some(l)) => Some(text.char_indices().nth(l).map_or(n, |(b, _)| b.min(n))),
                (None, Some(l)) => text.char_indices().nth(l).map(|(b, _)| b),
                (None, None) => None,
            };
            cut.map(|c| text.drain(..c).collect::<String>())
        });
        if let Some(l) = line {
            return Ok(l);
        }
        if !stdin_fill_text(vm)? {
            return Ok(TEXT_IN.with(|t| std::mem::take(&mut t.borrow_mut().0)));
        }
    }
}

/// `input([prompt])` when standard input is not a terminal, as CPython
/// does it: the prompt through `sys.stdout.write`, then `sys.stdin.readline()`.
pub fn builtin_input(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "input", k)?;
    if a.len() > 1 {
        return Err(vm.type_error(format!("input expected at most 1 argument, got {}", a.len())));
    }
    let lost = |what: &str| vm.new_exception(&vm.exc.runtime_error, format!("input(): lost sys.{}", what));
    let stdin = vm.sys_attr("stdin").filter(|o| !o.is(&vm.none)).ok_or_else(|| lost("stdin"))?;
    let stdout = vm.sys_attr("stdout").filter(|o| !o.is(&vm.none)).ok_or_else(|| lost("stdout"))?;
    if let Some(p) = a.first() {
        let text = ops::str_(vm, p)?;
        let write = ops::get_attr_str(vm, &stdout, "write")?;
        ops::call_owned(vm, &write, vec![text], None)?;
    }
    if let Ok(flush) = ops::get_attr_str(vm, &stdout, "flush") {
        ops::call_owned(vm, &flush, Vec::new(), None)?;
    }
    let readline = ops::get_attr_str(vm, &stdin, "readline")?;
    let line = ops::call_owned(vm, &readline, Vec::new(), None)?;
    let Some(s) = str::get(&line) else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let s = s.as_str();
    if s.is_empty() {
        return Err(vm.new_exception(&vm.exc.eof_error, "EOF when reading a line".into()));
    }
    Ok(vm.str(s.strip_suffix('\n').unwrap_or(s)))
}

/// The bytes of one line of standard input, at most `limit` characters
/// (`chars`) or bytes.
fn stdin_read_line_bytes(vm: &Vm, limit: Option<usize>, chars_mode: bool) -> PyResult<Vec<u8>> {
    use std::io::BufRead;
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut out: Vec<u8> = Vec::new();
    let mut chars = 0usize;
    loop {
        let buf = match lock.fill_buf() {
            Ok(b) => b,
            Err(e) => return Err(vm.new_exception(&vm.exc.os_error, e.to_string())),
        };
        if buf.is_empty() {
            break;
        }
        let mut used = 0;
        let mut done = false;
        for &b in buf {
            let starts_char = !chars_mode || (b & 0xc0) != 0x80;
            if starts_char && limit.is_some_and(|l| chars >= l) {
                done = true;
                break;
            }
            used += 1;
            out.push(b);
            if starts_char {
                chars += 1;
            }
            if b == b'\n' {
                done = true;
                break;
            }
        }
        lock.consume(used);
        if done {
            break;
        }
    }
    Ok(out)
}

fn size_arg(vm: &Vm, a: &[PyRef], name: &str) -> PyResult<Option<usize>> {
    match a.get(1) {
        None => Ok(None),
        Some(v) if v.is(&vm.none) => Ok(None),
        Some(v) => {
            if v.kind() == Kind::Float || int::get(v).is_none() && ops::lookup_special(vm, v, "__index__").is_none() {
                return Err(vm.type_error(format!("argument should be integer or None, not '{}'", vm.type_name(v))));
            }
            let n = int::index_i64(vm, v)?;
            let _ = name;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn stdin_check(vm: &Vm, obj: &PyRef) -> PyResult<()> {
    if stream_fd(obj) != 0 {
        return Err(stream_not(vm, "readable"));
    }
    Ok(())
}

fn stream_readline(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "readline", k)?;
    stdin_check(vm, &a[0])?;
    let limit = size_arg(vm, a, "readline")?;
    Ok(vm.str_owned(stdin_read_line(vm, limit)?))
}

fn stream_read(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "read", k)?;
    stdin_check(vm, &a[0])?;
    let limit = size_arg(vm, a, "read")?;
    let mut out = String::new();
    match limit {
        None => {
            while stdin_fill_text(vm)? {}
            out = TEXT_IN.with(|t| std::mem::take(&mut t.borrow_mut().0));
        }
        Some(n) => {
            while out.chars().count() < n {
                let l = stdin_read_line(vm, Some(n - out.chars().count()))?;
                if l.is_empty() {
                    break;
                }
                out.push_str(&l);
            }
        }
    }
    Ok(vm.str_owned(out))
}

fn stream_readlines(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "readlines", k)?;
    stdin_check(vm, &a[0])?;
    let mut lines = Vec::new();
    loop {
        let l = stdin_read_line(vm, None)?;
        if l.is_empty() {
            break;
        }
        lines.push(vm.str_owned(l));
    }
    Ok(vm.list(lines))
}

fn stream_iter(_vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(a[0].clone())
}

fn stream_next(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    stdin_check(vm, &a[0])?;
    let l = stdin_read_line(vm, None)?;
    if l.is_empty() {
        return Err(vm.stop_iteration(None));
    }
    Ok(vm.str_owned(l))
}

fn stream_writelines(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "writelines", k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("writelines() takes exactly one argument ({} given)", a.len().saturating_sub(1))));
    }
    for line in ops::iterate(vm, &a[1])? {
        stream_write(vm, &[a[0].clone(), line], None)?;
    }
    Ok(vm.none())
}

fn stream_fileno(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(stream_fd(&a[0])))
}

fn stream_readable(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(stream_fd(&a[0]) == 0))
}

fn stream_writable(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(stream_fd(&a[0]) != 0))
}

fn stream_false(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.false_.clone())
}

fn stream_name_str(obj: &PyRef) -> &'static str {
    match stream_fd(obj) {
        0 => "<stdin>",
        2 => "<stderr>",
        _ => "<stdout>",
    }
}

fn stream_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let mode = if stream_fd(&a[0]) == 0 { "r" } else { "w" };
    Ok(vm.str_owned(format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", stream_name_str(&a[0]), mode)))
}

fn get_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.str(stream_name_str(o)))
}
fn get_mode(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.str(if stream_fd(o) == 0 { "r" } else { "w" }))
}
fn get_encoding(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.str("utf-8"))
}
fn get_errors(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.str(if stream_fd(o) == 2 { "backslashreplace" } else { "strict" }))
}
fn get_closed(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.false_.clone())
}
fn get_line_buffering(vm: &Vm, o: &PyRef) -> PyResult {
    use std::io::IsTerminal;
    Ok(vm.bool(match stream_fd(o) {
        1 => std::io::stdout().is_terminal(),
        2 => true,
        _ => false,
    }))
}
fn get_newlines(vm: &Vm, _o: &PyRef) -> PyResult {
    Ok(vm.none())
}

thread_local! {
    /// `sys.stdin.buffer`, `sys.stdout.buffer`, `sys.stderr.buffer`.
    static BUFFERS: RefCell<Vec<PyRef>> = const { RefCell::new(Vec::new()) };
}

fn buffer_fd(obj: &PyRef) -> i64 {
    BUFFERS.with(|b| b.borrow().iter().position(|x| x.is(obj)).map_or(1, |i| i as i64))
}

fn get_buffer(_vm: &Vm, o: &PyRef) -> PyResult {
    let fd = stream_fd(o) as usize;
    Ok(BUFFERS.with(|b| b.borrow()[fd].clone()))
}

fn bytes_like(vm: &Vm, o: &PyRef) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes::get(o) {
        return Ok(b.to_vec());
    }
    if let Some(b) = bytearray::get(o) {
        return Ok(b.b.borrow().clone());
    }
    Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(o))))
}

fn buf_write(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "write", k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("write() takes exactly one argument ({} given)", a.len().saturating_sub(1))));
    }
    let data = bytes_like(vm, &a[1])?;
    match buffer_fd(&a[0]) {
        0 => return Err(stream_not(vm, "writable")),
        2 => {
            flush_stdout(vm);
            let mut e = std::io::stderr().lock();
            let _ = e.write_all(&data);
            let _ = e.flush();
        }
        _ => write_stdout_bytes(vm, &data)?,
    }
    Ok(vm.int(data.len() as i64))
}

fn buf_flush(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if buffer_fd(&a[0]) == 1 {
        flush_stdout_bytes(vm);
    }
    Ok(vm.none())
}

fn buf_check_read(vm: &Vm, o: &PyRef) -> PyResult<()> {
    if buffer_fd(o) != 0 {
        return Err(stream_not(vm, "readable"));
    }
    Ok(())
}

fn buf_readline(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "readline", k)?;
    buf_check_read(vm, &a[0])?;
    let limit = size_arg(vm, a, "readline")?;
    Ok(vm.bytes(stdin_read_line_bytes(vm, limit, false)?))
}

fn buf_read(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "read", k)?;
    buf_check_read(vm, &a[0])?;
    let limit = size_arg(vm, a, "read")?;
    let mut out = Vec::new();
    loop {
        let want = match limit {
            Some(n) if out.len() >= n => break,
            Some(n) => Some(n - out.len()),
            None => None,
        };
        let l = stdin_read_line_bytes(vm, want, false)?;
        if l.is_empty() {
            break;
        }
        out.extend_from_slice(&l);
    }
    Ok(vm.bytes(out))
}

fn buf_readlines(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "readlines", k)?;
    buf_check_read(vm, &a[0])?;
    let mut lines = Vec::new();
    loop {
        let l = stdin_read_line_bytes(vm, None, false)?;
        if l.is_empty() {
            break;
        }
        lines.push(vm.bytes(l));
    }
    Ok(vm.list(lines))
}

fn buf_next(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    buf_check_read(vm, &a[0])?;
    let l = stdin_read_line_bytes(vm, None, false)?;
    if l.is_empty() {
        return Err(vm.stop_iteration(None));
    }
    Ok(vm.bytes(l))
}

fn buf_fileno(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(buffer_fd(&a[0])))
}

fn buf_readable(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(buffer_fd(&a[0]) == 0))
}

fn buf_writable(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(buffer_fd(&a[0]) != 0))
}

fn buf_name(vm: &Vm, o: &PyRef) -> PyResult {
    Ok(vm.str(match buffer_fd(o) {
        0 => "<stdin>",
        2 => "<stderr>",
        _ => "<stdout>",
    }))
}

fn buf_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let fd = buffer_fd(&a[0]);
    let (kind, name) = match fd {
        0 => ("BufferedReader", "<stdin>"),
        2 => ("BufferedWriter", "<stderr>"),
        _ => ("BufferedWriter", "<stdout>"),
    };
    Ok(vm.str_owned(format!("<_io.{} name='{}'>", kind, name)))
}

/// The limit of int<->str conversions (`sys.set_int_max_str_digits`); 0
/// means no limit.
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.with(|c| c.get()) as usize
}

fn s_get_int_max_str_digits(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "get_int_max_str_digits", k)?;
    if !a.is_empty() {
        return Err(vm.type_error(format!("sys.get_int_max_str_digits() takes no arguments ({} given)", a.len())));
    }
    Ok(vm.int(INT_MAX_STR_DIGITS.with(|c| c.get())))
}

fn s_set_int_max_str_digits(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, kv) = constructors::split_kw(a, k);
    let mut value = pos.first().cloned();
    if pos.len() > 1 {
        return Err(vm.type_error(format!("set_int_max_str_digits() takes at most 1 argument ({} given)", a.len())));
    }
    if let Some(k) = k {
        for (n, v) in tuple::items(k).iter().zip(kv) {
            if str::as_str(n) != "maxdigits" {
                return Err(vm.type_error(format!("set_int_max_str_digits() got an unexpected keyword argument '{}'", str::as_str(n))));
            }
            if value.is_some() {
                return Err(vm.type_error("argument for set_int_max_str_digits() given by name ('maxdigits') and position (1)"));
            }
            value = Some(v.clone());
        }
    }
    let Some(v) = value else {
        return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
    };
    if v.kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int::index_i64(vm, &v)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    INT_MAX_STR_DIGITS.with(|c| c.set(n));
    Ok(vm.none())
}

fn s_excepthook(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "excepthook", k)?;
    crate::traceback_print::excepthook(vm, a, k)
}

/// `sys.displayhook(value)`: what the interactive prompt does with a value.
fn s_displayhook(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "displayhook", k)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!("displayhook() takes exactly one argument ({} given)", a.len())));
    }
    let v = &a[0];
    if v.is(&vm.none) {
        return Ok(vm.none());
    }
    let b = vm.builtins_dict();
    dict::set_item_str(vm, &b, vm.intern("_"), vm.none());
    let text = ops::repr_string(vm, v)?;
    let out = vm.sys_attr("stdout").filter(|o| !o.is(&vm.none)).ok_or_else(|| vm.new_exception(&vm.exc.runtime_error, "lost sys.stdout".to_string()))?;
    let write = ops::get_attr_str(vm, &out, "write")?;
    ops::call_owned(vm, &write, vec![vm.str_owned(text)], None)?;
    ops::call_owned(vm, &write, vec![vm.str("\n")], None)?;
    dict::set_item_str(vm, &b, vm.intern("_"), v.clone());
    Ok(vm.none())
}

fn s_call_tracing(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "call_tracing", k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("call_tracing expected 2 arguments, got {}", a.len())));
    }
    if a[1].kind() != Kind::Tuple {
        return Err(vm.type_error(format!("call_tracing() argument 2 must be tuple, not {}", vm.type_name(&a[1]))));
    }
    ops::call_owned(vm, &a[0], tuple::items(&a[1]).to_vec(), None)
}

fn s_utf8(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "getdefaultencoding", k)?;
    if !a.is_empty() {
        return Err(vm.type_error(format!("function takes no arguments ({} given)", a.len())));
    }
    Ok(vm.str("utf-8"))
}

fn s_getfilesystemencodeerrors(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.str("surrogateescape"))
}

thread_local! {
    static SWITCH_INTERVAL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.005) };
}

fn s_getswitchinterval(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.float(SWITCH_INTERVAL.with(|c| c.get())))
}

fn s_setswitchinterval(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_kw(vm, "setswitchinterval", k)?;
    let Some(v) = a.first() else {
        return Err(vm.type_error("setswitchinterval() takes exactly one argument (0 given)"));
    };
    let x = match v.kind() {
        Kind::Float => float::get(v).unwrap_or(0.0),
        Kind::Int => int::index_i64(vm, v)? as f64,
        _ => return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    };
    if x <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.with(|c| c.set(x));
    Ok(vm.none())
}

fn s_is_finalizing(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.false_.clone())
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
    match vm.topmost_handled() {
        Some(e) => {
            let tb = exceptions::get(&e).and_then(|d| d.traceback.borrow().clone()).unwrap_or_else(|| vm.none());
            Ok(vm.tuple([e.ty().clone(), e.clone(), tb]))
        }
        None => Ok(vm.tuple([vm.none(), vm.none(), vm.none()])),
    }
}

fn s_exception(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.topmost_handled().unwrap_or_else(|| vm.none()))
}

fn s_getsizeof(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 0);
    let p = crate::types::methods::kw_args(vm, "getsizeof", a, k, false, &["object", "default"], 0, 1, 2)?;
    let o = p[0].unwrap();
    match getsizeof(vm, o) {
        Ok(n) => Ok(vm.int(n as i64)),
        Err(e) if p[1].is_some() && crate::types::typeobj::isinstance(&e.0, &vm.exc.type_error) => Ok(p[1].unwrap().clone()),
        Err(e) => Err(e),
    }
}

/// `_PySys_GetSizeOf`: `__sizeof__()` plus what CPython stores before the object.
fn getsizeof(vm: &Vm, o: &PyRef) -> PyResult<usize> {
    let r = match ops::call_special_bound(vm, o, "__sizeof__", &[])? {
        Some(r) => r,
        None => return Err(vm.type_error(format!("Type {} doesn't define __sizeof__", vm.type_name(o)))),
    };
    if r.kind() != Kind::Int {
        return Err(vm.type_error("an integer is required"));
    }
    let size = match int::as_i64(&r) {
        Some(n) => n,
        None => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    };
    if size < 0 {
        return Err(vm.value_error("__sizeof__() should return >= 0"));
    }
    Ok(crate::types::sizeof::with_preheader(o, size as usize))
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
    let f = frames[frames.len() - 1 - depth as usize].clone();
    // A frame object Python code holds may outlive its call.
    crate::object::gc::materialize_frame(&f);
    Ok(f)
}

/// The LC_CTYPE locale the environment selects (as CPython sets it at
/// start-up); None if the C library cannot tell.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn ctype_locale() -> Option<String> {
    const LC_CTYPE: i32 = 0;
    extern "C" {
        fn setlocale(category: i32, locale: *const std::ffi::c_char) -> *const std::ffi::c_char;
    }
    // SAFETY: setlocale with a valid NUL-terminated string; the returned
    // pointer is read at once, before any other locale call.
    unsafe {
        let r = setlocale(LC_CTYPE, c"".as_ptr());
        if r.is_null() {
            return None;
        }
        Some(std::ffi::CStr::from_ptr(r).to_string_lossy().into_owned())
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn ctype_locale() -> Option<String> {
    ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|n| std::env::var(n).ok().filter(|v| !v.is_empty()))
}

/// An environment variable set to a non-empty value.
fn env_flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
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

/// Python-level parts of sys, run at start-up: `implementation` (a
/// `types.SimpleNamespace`).
pub(crate) const SYS_PRELUDE: &str = concat!("\n", include_str!("sys_prelude.py"));

/// `sys.flags` values that depend on the environment, as CPython reads it:
/// (dont_write_bytecode, hash_randomization, utf8_mode).
fn env_flags() -> (i64, i64, i64) {
    let hash_randomization = match std::env::var("PYTHONHASHSEED") {
        Ok(v) if v == "0" => 0,
        _ => 1,
    };
    // UTF-8 mode: PYTHONUTF8, else on under the C/POSIX locale.
    let utf8_mode = match std::env::var("PYTHONUTF8").as_deref() {
        Ok("1") => 1,
        Ok("0") => 0,
        _ => i64::from(matches!(ctype_locale().as_deref(), None | Some("C") | Some("POSIX"))),
    };
    (i64::from(env_flag("PYTHONDONTWRITEBYTECODE")), hash_randomization, utf8_mode)
}

/// sys's struct sequences, as CPython 3.11 makes them (types/structseq.rs).
fn struct_sequences(vm: &Vm) -> Vec<(&'static str, PyRef)> {
    use crate::types::structseq::{self, Spec};
    let mk = |spec: &Spec, values: Vec<PyRef>| structseq::new(&structseq::new_type(vm, spec), values);
    let i = |n: i64| vm.int(n);
    let version_info = mk(
        &Spec {
            module: "sys",
            name: "version_info",
            doc: "sys.version_info\n\nVersion information as a named tuple.",
            fields: &[
                ("major", "Major release number"),
                ("minor", "Minor release number"),
                ("micro", "Patch release number"),
                ("releaselevel", "'alpha', 'beta', 'candidate', or 'final'"),
                ("serial", "Serial release number"),
            ],
            instantiable: false,
        },
        vec![i(3), i(11), i(7), vm.str("final"), i(0)],
    );
    let float_info = mk(
        &Spec {
            module: "sys",
            name: "float_info",
            doc: "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\ninformation about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.",
            fields: &[
                ("max", "DBL_MAX -- maximum representable finite float"),
                ("max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"),
                ("max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"),
                ("min", "DBL_MIN -- Minimum positive normalized float"),
                ("min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"),
                ("min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"),
                ("dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"),
                ("mant_dig", "DBL_MANT_DIG -- mantissa digits"),
                ("epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"),
                ("radix", "FLT_RADIX -- radix of exponent"),
                ("rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"),
            ],
            instantiable: true,
        },
        vec![vm.float(f64::MAX), i(1024), i(308), vm.float(f64::MIN_POSITIVE), i(-1021), i(-307), i(15), i(53), vm.float(f64::EPSILON), i(2), i(1)],
    );
    let int_info = mk(
        &Spec {
            module: "sys",
            name: "int_info",
            doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.",
            fields: &[
                ("bits_per_digit", "size of a digit in bits"),
                ("sizeof_digit", "size in bytes of the C type used to represent a digit"),
                ("default_max_str_digits", "maximum string conversion digits limitation"),
                ("str_digits_check_threshold", "minimum positive value for int_max_str_digits"),
            ],
            instantiable: true,
        },
        vec![i(30), i(4), i(4300), i(640)],
    );
    let hash_info = mk(
        &Spec {
            module: "sys",
            name: "hash_info",
            doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
            fields: &[
                ("width", "width of the type used for hashing, in bits"),
                ("modulus", "prime number giving the modulus on which the hash function is based"),
                ("inf", "value to be used for hash of a positive infinity"),
                ("nan", "value to be used for hash of a nan"),
                ("imag", "multiplier used for the imaginary part of a complex number"),
                ("algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"),
                ("hash_bits", "internal output size of hash algorithm"),
                ("seed_bits", "seed size of hash algorithm"),
                ("cutoff", "small string optimization cutoff"),
            ],
            instantiable: true,
        },
        vec![i(64), i(2305843009213693951), i(314159), i(0), i(1000003), vm.str("siphash13"), i(64), i(128), i(0)],
    );
    let (dont_write_bytecode, hash_randomization, utf8_mode) = env_flags();
    let flags = mk(
        &Spec {
            module: "sys",
            name: "flags",
            doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
            fields: &[
                ("debug", "-d"),
                ("inspect", "-i"),
                ("interactive", "-i"),
                ("optimize", "-O or -OO"),
                ("dont_write_bytecode", "-B"),
                ("no_user_site", "-s"),
                ("no_site", "-S"),
                ("ignore_environment", "-E"),
                ("verbose", "-v"),
                ("bytes_warning", "-b"),
                ("quiet", "-q"),
                ("hash_randomization", "-R"),
                ("isolated", "-I"),
                ("dev_mode", "-X dev"),
                ("utf8_mode", "-X utf8"),
                ("warn_default_encoding", "-X warn_default_encoding"),
                ("safe_path", "-P"),
                ("int_max_str_digits", "-X int_max_str_digits"),
            ],
            instantiable: false,
        },
        vec![
            i(0),
            i(0),
            i(0),
            i(0),
            i(dont_write_bytecode),
            i(0),
            i(0),
            i(0),
            i(0),
            i(0),
            i(0),
            i(hash_randomization),
            i(0),
            vm.false_.clone(),
            i(utf8_mode),
            i(0),
            vm.false_.clone(),
            i(-1),
        ],
    );
    // The thread library, as CPython reports glibc's (its version from
    // confstr, as CPython reads it).
    let thread_info = mk(
        &Spec {
            module: "sys",
            name: "thread_info",
            doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
            fields: &[
                ("name", "name of the thread implementation"),
                ("lock", "name of the lock implementation"),
                ("version", "name and version of the thread library"),
            ],
            instantiable: true,
        },
        vec![
            vm.str("pthread"),
            vm.str("semaphore"),
            crate::object::cfuncs::confstr(crate::object::cfuncs::CS_GNU_LIBPTHREAD_VERSION).map(|v| vm.str_owned(v)).unwrap_or_else(|| vm.none()),
        ],
    );
    vec![("version_info", version_info), ("float_info", float_info), ("int_info", int_info), ("hash_info", hash_info), ("flags", flags), ("thread_info", thread_info)]
}

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
    add("get_int_max_str_digits", s_get_int_max_str_digits);
    add("set_int_max_str_digits", s_set_int_max_str_digits);
    add("call_tracing", s_call_tracing);
    add("getdefaultencoding", s_utf8);
    add("getfilesystemencoding", s_utf8);
    add("getfilesystemencodeerrors", s_getfilesystemencodeerrors);
    add("getswitchinterval", s_getswitchinterval);
    add("setswitchinterval", s_setswitchinterval);
    add("is_finalizing", s_is_finalizing);
    // The hooks, and their originals under dunder names.
    for (name, orig, f) in [("excepthook", "__excepthook__", s_excepthook as NativeFn), ("displayhook", "__displayhook__", s_displayhook as NativeFn)] {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b.clone());
        dict::set_item_str(vm, &d, vm.intern(orig), b);
    }
    // Standard streams: instances of a small builtin type.
    let io_ty = typeobj::new_static_type(&vm.types, "TextIOWrapper", &vm.types.object, Kind::Object, 0);
    crate::types::finish_one_type(vm, &io_ty);
    *typeobj::data(&io_ty).module.borrow_mut() = Some("_io".into());
    let methods: [(&'static str, NativeFn); 15] = [
        ("write", stream_write),
        ("writelines", stream_writelines),
        ("flush", stream_flush),
        ("writable", stream_writable),
        ("readable", stream_readable),
        ("seekable", stream_false),
        ("isatty", stream_isatty),
        ("fileno", stream_fileno),
        ("read", stream_read),
        ("readline", stream_readline),
        ("readlines", stream_readlines),
        ("__iter__", stream_iter),
        ("__next__", stream_next),
        ("__repr__", stream_repr),
        ("__enter__", stream_iter),
    ];
    for (n, f) in methods {
        typeobj::add_method(vm, &io_ty, n, f);
    }
    let getters: [(&'static str, crate::types::descriptor::Getter); 7] = [
        ("name", get_name),
        ("mode", get_mode),
        ("encoding", get_encoding),
        ("errors", get_errors),
        ("closed", get_closed),
        ("line_buffering", get_line_buffering),
        ("newlines", get_newlines),
    ];
    for (n, g) in getters {
        typeobj::add_getter(vm, &io_ty, n, g);
    }
    let _ = stream_true;
    let _ = tflags::HEAPTYPE;
    let stdout = PyRef::new(&io_ty, ());
    let stderr = PyRef::new(&io_ty, ());
    let stdin = PyRef::new(&io_ty, ());
    STDERR_ID.with(|c| c.set(stderr.id()));
    STDIN_ID.with(|c| c.set(stdin.id()));
    // The binary layers under the text streams.
    let mk_buf = |name: &str| {
        let t = typeobj::new_static_type(&vm.types, name, &vm.types.object, Kind::Object, 0);
        crate::types::finish_one_type(vm, &t);
        *typeobj::data(&t).module.borrow_mut() = Some("_io".into());
        let methods: [(&'static str, NativeFn); 12] = [
            ("write", buf_write),
            ("flush", buf_flush),
            ("read", buf_read),
            ("readline", buf_readline),
            ("readlines", buf_readlines),
            ("__iter__", stream_iter),
            ("__next__", buf_next),
            ("fileno", buf_fileno),
            ("readable", buf_readable),
            ("writable", buf_writable),
            ("isatty", stream_false),
            ("__repr__", buf_repr),
        ];
        for (n, f) in methods {
            typeobj::add_method(vm, &t, n, f);
        }
        typeobj::add_getter(vm, &t, "name", buf_name);
        t
    };
    let reader = mk_buf("BufferedReader");
    let writer = mk_buf("BufferedWriter");
    BUFFERS.with(|b| *b.borrow_mut() = vec![PyRef::new(&reader, ()), PyRef::new(&writer, ()), PyRef::new(&writer, ())]);
    typeobj::add_getter(vm, &io_ty, "buffer", get_buffer);
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
        ("path", vm.list(Vec::new())),
        ("argv", vm.list(Vec::new())),
        ("orig_argv", vm.list(std::env::args().map(|a| vm.str_owned(a)).collect())),
        ("executable", vm.str_owned(std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default())),
        ("maxunicode", vm.int(0x10ffff)),
        ("api_version", vm.int(1013)),
        ("float_repr_style", vm.str("short")),
        ("dont_write_bytecode", vm.bool(env_flag("PYTHONDONTWRITEBYTECODE"))),
        ("abiflags", vm.str("")),
        ("platlibdir", vm.str("lib")),
        ("warnoptions", vm.list(Vec::new())),
        ("_xoptions", vm.dict()),
        ("builtin_module_names", vm.tuple([vm.str("_io"), vm.str("builtins"), vm.str("sys")])),
    ] {
        dict::set_item_str(vm, &d, vm.intern(n), v);
    }
    *vm.sys.borrow_mut() = Some(m.clone());
    dict::set_item_str(vm, &vm.modules, vm.intern("sys"), m.clone());
    for (name, v) in struct_sequences(vm) {
        dict::set_item_str(vm, &d, vm.intern(name), v);
    }
    dict::set_item_str(vm, &d, vm.intern("_namespace"), crate::types::namespace::namespace_type(vm));
    let code = crate::compile_source(vm, SYS_PRELUDE, "<sys>", false).expect("sys prelude compiles");
    if let Err(e) = crate::interp::run_code(vm, &code, d.clone(), d.clone(), None) {
        panic!("sys prelude failed: {}", crate::ops::repr_string(vm, &e.0).unwrap_or_default());
    }
    let _ = write_stdout;
}

