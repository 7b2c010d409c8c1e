//! The `refscope` command, with CPython's command line: `refscope FILE.py
//! [ARGS...]`, `refscope -c CODE [ARGS...]`, `refscope -m MODULE [ARGS...]`,
//! `refscope -` (program from stdin).
//!
//! Python runs on a thread with a large stack; the interpreter's recursion
//! guard knows its size, so deep recursion is a RecursionError, never a
//! native stack overflow. A Rust panic (a bug) is reported as SystemError
//! with exit status 1 instead of aborting.

mod repl;
#[cfg(feature = "observer")]
mod trace_cmd;

use std::io::Read;
use std::process::ExitCode;

static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

const STACK_SIZE: usize = 1 << 30;
/// Stack kept free below the guard for the frames of one builtin call.
const STACK_MARGIN: usize = 8 << 20;

fn exe_name() -> String {
    std::env::args().next().unwrap_or_else(|| "refscope".into())
}

fn usage() -> String {
    format!("usage: {} [option] ... [-c cmd | -m mod | file | -] [arg] ...", exe_name())
}

/// CPython's complaint about the command line (exit status 2).
fn usage_error(first: &str) -> String {
    format!("{}\n{}\nTry `python -h' for more information.", first, usage())
}

fn help() -> String {
    format!(
        "{}\nOptions (accepted for compatibility; most have no effect):\n\
         -c cmd : program passed in as string (terminates option list)\n\
         -m mod : run library module as a script (terminates option list)\n\
         -V     : print the Python version number and exit (also --version)\n\
         -h     : print this help message and exit (also -? or --help)\n\
         -b -B -d -E -i -I -O -q -R -s -S -u -v -x : ignored\n\
         -W arg -X opt : ignored\n\
         file   : program read from script file\n\
         -      : program read from stdin (default; interactive mode if a tty)\n\
         arg ...: arguments passed to program in sys.argv[1:]",
        usage()
    )
}

/// The flags that change what refscope does (the others are accepted for
/// compatibility and ignored).
#[derive(Default, Clone, Copy)]
struct Flags {
    /// `-i`: the interactive prompt after the program (or instead of it).
    inspect: bool,
    /// `-q`: no banner at the prompt.
    quiet: bool,
    /// `-u`: unbuffered standard output.
    unbuffered: bool,
    /// `-E`: ignore the environment (`REFSCOPEPATH`, `PYTHONHASHSEED`,
    /// `PYTHONUNBUFFERED`).
    ignore_env: bool,
    /// `-I`: isolated: `-E`, and the script's directory is not searched.
    isolated: bool,
}

enum Program {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

/// CPython's command line: options (single-letter ones may be grouped,
/// `-c`/`-m`/`-W`/`-X` take the rest of the word or the next one), then
/// the program and its arguments.
fn parse_args(args: &[String]) -> Result<(Program, Vec<String>, Flags), String> {
    let mut flags = Flags::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if a == "--" {
            i += 1;
            break;
        }
        if a == "-" || !a.starts_with('-') {
            break;
        }
        match a.as_str() {
            "--version" => {
                println!("Python 3.11.7");
                std::process::exit(0);
            }
            "--help" => {
                println!("{}", help());
                std::process::exit(0);
            }
            s if s.starts_with("--") => {
                return Err(usage_error(&format!("unknown option {}", s)));
            }
            _ => {}
        }
        let chars: Vec<char> = a.chars().collect();
        let mut j = 1;
        while j < chars.len() {
            let ch = chars[j];
            match ch {
                'i' => {
                    flags.inspect = true;
                    j += 1
                }
                'q' => {
                    flags.quiet = true;
                    j += 1
                }
                'u' => {
                    flags.unbuffered = true;
                    j += 1
                }
                'E' => {
                    flags.ignore_env = true;
                    j += 1
                }
                'I' => {
                    flags.isolated = true;
                    flags.ignore_env = true;
                    j += 1
                }
                'b' | 'B' | 'd' | 'O' | 'R' | 's' | 'S' | 'v' | 'x' | 'P' => j += 1,
                'h' | '?' => {
                    println!("{}", help());
                    std::process::exit(0);
                }
                'V' => {
                    println!("Python 3.11.7");
                    std::process::exit(0);
                }
                'c' | 'm' | 'W' | 'X' => {
                    let rest: String = chars[j + 1..].iter().collect();
                    let (value, next) = if !rest.is_empty() {
                        (rest, i + 1)
                    } else if let Some(v) = args.get(i + 1) {
                        (v.clone(), i + 2)
                    } else {
                        return Err(usage_error(&format!("Argument expected for the -{} option", ch)));
                    };
                    match ch {
                        'c' => {
                            let mut argv = vec!["-c".to_string()];
                            argv.extend_from_slice(&args[next..]);
                            return Ok((Program::Command(value), argv, flags));
                        }
                        'm' => {
                            let mut argv = vec![value.clone()];
                            argv.extend_from_slice(&args[next..]);
                            return Ok((Program::Module(value), argv, flags));
                        }
                        _ => {
                            i = next - 1;
                            break;
                        }
                    }
                }
                _ => return Err(usage_error(&format!("Unknown option: -{}", ch))),
            }
        }
        i += 1;
    }
    match args.get(i) {
        None => Ok((Program::Stdin, vec![String::new()], flags)),
        Some(a) if a == "-" => Ok((Program::Stdin, args[i..].to_vec(), flags)),
        Some(a) => Ok((Program::File(a.clone()), args[i..].to_vec(), flags)),
    }
}

/// The script file of `-m name`: `name.py` or the package's `__main__.py`,
/// looked up from the current directory.
fn find_module(cwd: &std::path::Path, name: &str) -> Option<std::path::PathBuf> {
    if name.is_empty() || name.split('.').any(|p| p.is_empty()) {
        return None;
    }
    let rel: std::path::PathBuf = name.split('.').collect();
    let file = cwd.join(&rel).with_extension("py");
    if file.is_file() {
        return Some(file);
    }
    let pkg = cwd.join(&rel).join("__main__.py");
    pkg.is_file().then_some(pkg)
}

fn run(args: Vec<String>) -> i32 {
    if args.first().is_some_and(|a| a == "trace") {
        #[cfg(feature = "observer")]
        return trace_cmd::run(&args[1..], STACK_SIZE - STACK_MARGIN);
        #[cfg(not(feature = "observer"))]
        {
            eprintln!("refscope trace: this refscope was built without the observer (cargo feature `observer`)");
            return 2;
        }
    }
    let (program, argv, flags) = match parse_args(&args) {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("{}", msg);
            return 2;
        }
    };
    let mut argv = argv;
    let (source, filename, path0) = match program {
        Program::Command(c) => (c, "<string>".to_string(), String::new()),
        Program::Module(name) => {
            let cwd = std::env::current_dir().unwrap_or_default();
            let Some(path) = find_module(&cwd, &name) else {
                if let Some(src) = refscope_runtime::stdlib::source(&name) {
                    // A module of the embedded standard library, run as __main__.
                    let mut argv = argv;
                    argv[0] = format!("<frozen {}>", name);
                    let interp = new_interpreter(flags);
                    return interp.run_main(src, &format!("<frozen {}>", name), argv, cwd.to_string_lossy().to_string());
                }
                eprintln!("{}: No module named {}", exe_name(), name);
                return 1;
            };
            let abs_name = path.to_string_lossy().to_string();
            let source = match std::fs::read(&path) {
                Ok(b) => String::from_utf8_lossy(b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&b)).into_owned(),
                Err(e) => {
                    eprintln!("{}: Error while finding module specification for '{}' ({})", exe_name(), name, e);
                    return 1;
                }
            };
            argv[0] = abs_name.clone();
            (source, abs_name, cwd.to_string_lossy().to_string())
        }
        Program::Stdin if flags.inspect || std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
            // No program: the interactive prompt.
            let interp = new_interpreter(flags);
            interp.start_interactive(argv);
            let status = repl::run(&interp, flags.quiet);
            interp.finalize();
            return status;
        }
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
            let exe = exe_name();
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
    let interp = new_interpreter(flags);
    interp.set_isolated(flags.isolated);
    if !flags.inspect {
        return interp.run_main(&source, &filename, argv, path0);
    }
    // -i: the prompt follows the program, whatever way it ended.
    interp.set_inspect(true);
    let _ = interp.run_main_keep(&source, &filename, argv, path0);
    interp.set_inspect(false);
    let status = repl::run(&interp, true);
    interp.finalize();
    status
}

/// The interpreter for this run, with the command line's settings.
fn new_interpreter(flags: Flags) -> refscope_runtime::Interpreter {
    let interp = refscope_runtime::Interpreter::with_environment(!flags.ignore_env);
    interp.set_stack_size(STACK_SIZE - STACK_MARGIN);
    if flags.unbuffered {
        refscope_runtime::modules::sys::set_unbuffered();
    }
    if !flags.ignore_env {
        // As in CPython, a non-empty PYTHONUNBUFFERED is `-u` (it changes
        // what stdout keeps pending, which the allocation counts see).
        if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
            refscope_runtime::modules::sys::set_unbuffered();
        }
        if let Some(p) = std::env::var_os("REFSCOPEPATH") {
            let dirs = std::env::split_paths(&p).map(|d| d.to_string_lossy().into_owned()).filter(|d| !d.is_empty()).collect();
            interp.set_extra_path(dirs);
        }
    }
    interp
}

fn main() -> ExitCode {
    refscope_runtime::object::alloc::configure();
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Keep the panic's text and location for the SystemError message.
    std::panic::set_hook(Box::new(|info| {
        let loc = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(loc);
        }
    }));
    // Ctrl-C raises KeyboardInterrupt in the running program (checked where
    // loops turn back); a second Ctrl-C before the program noticed the
    // first one (blocked reading input, say) ends the process as SIGINT does.
    // The order matters: the first handler ends the process only when the
    // flag is already set, the second sets it.
    let flag = refscope_runtime::interrupt::flag();
    let _ = signal_hook::flag::register_conditional_shutdown(signal_hook::consts::SIGINT, 130, flag.clone());
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, flag);
    let handle = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || {
        let status = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(args))).unwrap_or_else(|p| {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "unknown internal error".into());
            let loc = LAST_PANIC.lock().ok().and_then(|mut l| l.take()).unwrap_or_default();
            eprintln!("SystemError: refscope internal error: {}{}", msg, loc);
            1
        });
        // The process ends here, from the interpreter's thread: tearing the
        // thread down (its thread-locals, its allocator heap, its stack)
        // would only give memory back to a process about to exit.
        exit_with(status)
    });
    let status = match handle {
        Ok(h) => h.join().unwrap_or(1),
        Err(e) => {
            eprintln!("refscope: cannot start the interpreter thread: {}", e);
            1
        }
    };
    exit_with(status)
}

/// End the process with `status` (flushing Rust's stdout), or die of SIGINT
/// when the program ended with an unhandled KeyboardInterrupt, as CPython
/// does, so that the parent sees the interruption.
fn exit_with(status: i32) -> ! {
    if refscope_runtime::traceback_print::unhandled_keyboard_interrupt() {
        kill_self_with_sigint();
    }
    std::process::exit(status & 0xff)
}

#[cfg(unix)]
fn kill_self_with_sigint() -> ! {
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
fn kill_self_with_sigint() -> ! {
    std::process::exit(130);
}
