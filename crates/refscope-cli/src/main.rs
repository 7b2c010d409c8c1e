//! The `refscope` command: `refscope FILE.py [ARGS...]`, `refscope -c CODE
//! [ARGS...]`, `refscope -` (program from stdin).
//!
//! Python runs on a thread with a large stack; the interpreter's recursion
//! guard knows its size, so deep recursion is a RecursionError, never a
//! native stack overflow. A Rust panic (a bug) is reported as SystemError
//! with exit status 1 instead of aborting.

use std::io::Read;
use std::process::ExitCode;

static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

const STACK_SIZE: usize = 1 << 30;
/// Stack kept free below the guard for the frames of one builtin call.
const STACK_MARGIN: usize = 8 << 20;

fn usage() -> String {
    "usage: refscope [-c cmd | file | -] [arg] ...".to_string()
}

enum Program {
    File(String),
    Command(String),
    Stdin,
}

fn parse_args(args: &[String]) -> Result<(Program, Vec<String>), String> {
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-c" => {
                let Some(code) = args.get(i + 1) else {
                    return Err("Argument expected for the -c option".into());
                };
                let mut argv = vec!["-c".to_string()];
                argv.extend_from_slice(&args[i + 2..]);
                return Ok((Program::Command(code.clone()), argv));
            }
            "-" => {
                let mut argv = vec!["-".to_string()];
                argv.extend_from_slice(&args[i + 1..]);
                return Ok((Program::Stdin, argv));
            }
            "-V" | "--version" => {
                println!("Python 3.11.7 (refscope {})", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "-h" | "--help" => {
                println!("{}", usage());
                std::process::exit(0);
            }
            "-u" | "-E" | "-I" | "-q" | "-B" | "-s" | "-S" => {
                i += 1;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(format!("Unknown option: {}\n{}", s, usage()));
            }
            _ => {
                return Ok((Program::File(a.clone()), args[i..].to_vec()));
            }
        }
    }
    Ok((Program::Stdin, vec![String::new()]))
}

fn run(args: Vec<String>) -> i32 {
    let (program, argv) = match parse_args(&args) {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("{}", msg);
            return 2;
        }
    };
    let (source, filename, path0) = match program {
        Program::Command(c) => (c, "<string>".to_string(), String::new()),
        Program::Stdin => {
            let mut s = String::new();
            if std::io::stdin().read_to_string(&mut s).is_err() {
                eprintln!("refscope: can't read the program from stdin");
                return 2;
            }
            (s, "<stdin>".to_string(), String::new())
        }
        Program::File(f) => {
            // As CPython: the script's name made absolute (not normalized)
            // for __file__ and tracebacks; sys.path[0] is the directory of
            // the script with symbolic links resolved.
            let path = std::path::Path::new(&f);
            let abs = if path.is_absolute() {
                path.to_path_buf()
            } else {
                match std::env::current_dir() {
                    Ok(cwd) => cwd.join(path),
                    Err(_) => path.to_path_buf(),
                }
            };
            let abs_name = abs.to_string_lossy().to_string();
            let exe = std::env::args().next().unwrap_or_else(|| "refscope".into());
            if abs.is_dir() {
                eprintln!("{}: can't find '__main__' module in '{}'", exe, abs_name);
                return 1;
            }
            match std::fs::read(&abs) {
                Ok(bytes) => {
                    let real = std::fs::canonicalize(&abs).unwrap_or_else(|_| abs.clone());
                    let dir = real.parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
                    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
                        Some(rest) => rest.to_vec(),
                        None => bytes,
                    };
                    match String::from_utf8(bytes) {
                        Ok(s) => (s, abs_name, dir),
                        Err(e) => {
                            let bad = e.utf8_error().valid_up_to();
                            let line = e.as_bytes()[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
                            let byte = e.as_bytes()[bad];
                            eprintln!(
                                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                                byte, abs_name, line
                            );
                            return 1;
                        }
                    }
                }
                Err(e) => {
                    let errno = e.raw_os_error().unwrap_or(2);
                    let what = match e.kind() {
                        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                        _ => e.to_string(),
                    };
                    eprintln!("{}: can't open file '{}': [Errno {}] {}", exe, abs_name, errno, what);
                    return 2;
                }
            }
        }
    };
    let interp = refscope_runtime::Interpreter::new();
    interp.set_stack_size(STACK_SIZE - STACK_MARGIN);
    interp.run_main(&source, &filename, argv, path0)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Keep the panic's text and location for the SystemError message.
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(loc);
        }
    }));
    let handle = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(args))).unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown internal error".into());
            let loc = LAST_PANIC.lock().ok().and_then(|mut l| l.take()).unwrap_or_default();
            eprintln!("SystemError: refscope internal error: {}{}", msg, loc);
            1
        })
    });
    let status = match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("refscope: cannot start the interpreter thread: {}", e);
            1
        }
    };
    if refscope_runtime::traceback_print::unhandled_keyboard_interrupt() {
        // As CPython: die of SIGINT so the parent sees the interruption.
        kill_self_with_sigint();
    }
    ExitCode::from(status as u8)
}

#[cfg(unix)]
fn kill_self_with_sigint() {
    const SIGINT: i32 = 2;
    const SIG_DFL: usize = 0;
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
        fn raise(sig: i32) -> i32;
    }
    // SAFETY: restoring the default disposition of SIGINT and raising it
    // in this process; no Rust state is involved.
    unsafe {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    // Not killed (cannot happen with the default disposition): CPython
    // then exits with 128 + SIGINT.
    std::process::exit(130);
}

#[cfg(not(unix))]
fn kill_self_with_sigint() {
    std::process::exit(130);
}
