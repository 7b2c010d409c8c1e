//! Differential test suite: every program under `<workspace>/tests/diff` is run
//! with `refscope` exactly the way `scripts/regen-expected` runs CPython 3.11,
//! and its stdout (exact bytes), exit status and last non-empty stderr line
//! must match the committed `<name>.out` / `<name>.status` files.
//!
//! Environment variables:
//! - `REFSCOPE_DIFF_FILTER`: only run programs whose relative path contains
//!   this substring.
//! - `REFSCOPE_DIFF_BIN`: run this command instead of the built `refscope`
//!   binary (e.g. `REFSCOPE_DIFF_BIN=python3` must pass everything: it proves
//!   the expectations and this harness agree).
//! - `REFSCOPE_DIFF_TIMEOUT`: per-program timeout in seconds (default 10).
//! - `REFSCOPE_DIFF_JOBS`: number of worker threads (default: available
//!   parallelism, at least 2).
//!
//! `tests/diff/KNOWN_FAILURES` lists programs that do not match CPython yet,
//! one relative path per line followed by ` # reason`. The test fails when a
//! program not listed fails, and also when a listed program passes.
//!
//! See tests/diff/README.md.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Lines of context shown for a differing stdout.
const DIFF_CONTEXT: usize = 3;
/// At most this many differing lines are shown per program.
const DIFF_MAX_LINES: usize = 12;
/// At most this many bytes of a program's stdout/stderr are kept.
const OUTPUT_CAP: usize = 16 << 20;

fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("..").join("..");
    root.canonicalize().unwrap_or(root)
}

fn is_program(path: &Path) -> bool {
    path.extension().map_or(false, |e| e == "py")
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .map_or(false, |n| !n.starts_with("mod_"))
        && !path.components().any(|c| c.as_os_str() == "__pycache__")
}

fn collect_programs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_programs(&path, out);
        } else if is_program(&path) {
            out.push(path);
        }
    }
}

fn rel_name(diff_dir: &Path, path: &Path) -> String {
    path.strip_prefix(diff_dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The command to run: `REFSCOPE_DIFF_BIN` if set, else the built binary.
fn interpreter() -> PathBuf {
    match std::env::var_os("REFSCOPE_DIFF_BIN") {
        Some(bin) if !bin.is_empty() => {
            let p = PathBuf::from(&bin);
            // A path with a separator is relative to our cwd, but programs run
            // in their own directory: make it absolute. A bare name is looked
            // up on PATH by Command.
            if p.components().count() > 1 {
                p.canonicalize().unwrap_or(p)
            } else {
                p
            }
        }
        _ => PathBuf::from(env!("CARGO_BIN_EXE_refscope")),
    }
}

fn last_stderr_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.split('\n')
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string())
        .unwrap_or_default()
}

fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            // Same convention as Python's subprocess: -signal.
            return -sig;
        }
    }
    -1
}

struct Expected {
    stdout: Vec<u8>,
    status: String,
}

enum Outcome {
    Pass,
    Fail(String),
}

struct RunResult {
    stdout: Vec<u8>,
    status: String,
    timed_out: bool,
}

/// Reads a pipe to its end, keeping at most `OUTPUT_CAP` bytes (a runaway
/// program is killed by the timeout; we keep draining so it never blocks).
fn read_capped(pipe: &mut impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match pipe.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let room = OUTPUT_CAP.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    kept
}

fn run_one(bin: &Path, prog: &Path, timeout: Duration) -> Result<RunResult, String> {
    let dir = prog.parent().ok_or("program has no directory")?;
    let name = prog.file_name().ok_or("program has no file name")?;
    let stdin_path = prog.with_extension("stdin");
    let stdin = if stdin_path.exists() {
        Stdio::from(File::open(&stdin_path).map_err(|e| format!("open {}: {e}", stdin_path.display()))?)
    } else {
        Stdio::null()
    };
    let mut cmd = Command::new(bin);
    cmd.arg(name)
        .current_dir(dir)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8");
    // Own process group, so a timeout kills any grandchildren too.
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;

    let mut out_pipe = child.stdout.take().expect("stdout piped");
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let (out_tx, out_rx) = mpsc::channel();
    let (err_tx, err_rx) = mpsc::channel();
    thread::spawn(move || out_tx.send(read_capped(&mut out_pipe)));
    thread::spawn(move || err_tx.send(read_capped(&mut err_pipe)));

    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {
                if start.elapsed() >= timeout {
                    timed_out = true;
                    #[cfg(unix)]
                    let _ = Command::new("kill")
                        .args(["-KILL", "--", &format!("-{}", child.id())])
                        .stderr(Stdio::null())
                        .status();
                    let _ = child.kill();
                    break child.wait().map_err(|e| format!("wait: {e}"))?;
                }
                thread::sleep(Duration::from_millis(5));
            }
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    // The pipes close when the child exits, unless something it started
    // still holds them: don't wait for that forever.
    let grace = if timed_out { Duration::from_secs(1) } else { timeout };
    let stdout = out_rx.recv_timeout(grace).unwrap_or_default();
    let stderr = err_rx.recv_timeout(grace).unwrap_or_default();
    let status = format!(
        "status: {}\nstderr: {}\n",
        exit_code(status),
        last_stderr_line(&stderr)
    );
    Ok(RunResult { stdout, status, timed_out })
}

/// A short unified-style diff of the first differing lines.
fn diff_text(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();
    let first = e.iter().zip(a.iter()).take_while(|(x, y)| x == y).count();
    // Common suffix (not overlapping the prefix).
    let mut suffix = 0;
    while suffix < e.len() - first.min(e.len())
        && suffix < a.len() - first.min(a.len())
        && e[e.len() - 1 - suffix] == a[a.len() - 1 - suffix]
    {
        suffix += 1;
    }
    let e_mid = &e[first..e.len() - suffix];
    let a_mid = &a[first..a.len() - suffix];
    let ctx_start = first.saturating_sub(DIFF_CONTEXT);
    let mut s = format!(
        "    @@ stdout line {} (expected {} lines, got {}) @@\n",
        first + 1,
        e.len(),
        a.len()
    );
    let show = |line: &str| -> String {
        let mut l = line.strip_suffix('\n').map(str::to_string).unwrap_or_else(|| format!("{line}\\ (no newline at end)"));
        if l.chars().count() > 200 {
            l = l.chars().take(200).collect::<String>() + "...";
        }
        l
    };
    for line in &e[ctx_start..first] {
        s += &format!("     {}\n", show(line));
    }
    for line in e_mid.iter().take(DIFF_MAX_LINES) {
        s += &format!("    -{}\n", show(line));
    }
    if e_mid.len() > DIFF_MAX_LINES {
        s += &format!("    -... ({} more expected lines)\n", e_mid.len() - DIFF_MAX_LINES);
    }
    for line in a_mid.iter().take(DIFF_MAX_LINES) {
        s += &format!("    +{}\n", show(line));
    }
    if a_mid.len() > DIFF_MAX_LINES {
        s += &format!("    +... ({} more actual lines)\n", a_mid.len() - DIFF_MAX_LINES);
    }
    s
}

fn check_one(bin: &Path, prog: &Path, timeout: Duration) -> Outcome {
    let read = |ext: &str| fs::read(prog.with_extension(ext));
    let expected = match (read("out"), read("status")) {
        (Ok(stdout), Ok(status)) => Expected {
            stdout,
            status: String::from_utf8_lossy(&status).into_owned(),
        },
        _ => {
            return Outcome::Fail(
                "    missing .out/.status: run scripts/regen-expected on it\n".to_string(),
            )
        }
    };
    let result = match run_one(bin, prog, timeout) {
        Ok(r) => r,
        Err(e) => return Outcome::Fail(format!("    {e}\n")),
    };
    let mut report = String::new();
    if result.timed_out {
        report += &format!("    timed out after {}s (killed)\n", timeout.as_secs_f64());
    }
    if result.status != expected.status {
        for (e, a) in expected.status.lines().zip(result.status.lines()) {
            if e != a {
                report += &format!("    expected {e}\n    actual   {a}\n");
            }
        }
    }
    if result.stdout != expected.stdout {
        report += &diff_text(&expected.stdout, &result.stdout);
    }
    if report.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(report)
    }
}

/// Parses KNOWN_FAILURES: `relative/path.py # reason` per line, `#` comments.
fn known_failures(diff_dir: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    let path = diff_dir.join("KNOWN_FAILURES");
    let mut known = BTreeMap::new();
    let mut errors = Vec::new();
    let Ok(text) = fs::read_to_string(&path) else {
        return (known, errors);
    };
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (entry, reason) = match line.split_once(" # ") {
            Some((p, r)) if !r.trim().is_empty() => (p.trim(), r.trim()),
            _ => {
                errors.push(format!(
                    "KNOWN_FAILURES:{}: `{line}` needs a reason: `path.py # reason`",
                    i + 1
                ));
                continue;
            }
        };
        let prog = diff_dir.join(entry);
        if !is_program(&prog) || !prog.is_file() {
            errors.push(format!(
                "KNOWN_FAILURES:{}: `{entry}` is not a test program under tests/diff",
                i + 1
            ));
            continue;
        }
        if known.insert(entry.to_string(), reason.to_string()).is_some() {
            errors.push(format!("KNOWN_FAILURES:{}: `{entry}` listed twice", i + 1));
        }
    }
    (known, errors)
}

#[test]
fn differential() {
    let root = workspace_root();
    let diff_dir = root.join("tests").join("diff");
    let bin = interpreter();
    let filter = std::env::var("REFSCOPE_DIFF_FILTER").unwrap_or_default();
    let timeout = Duration::from_secs_f64(
        std::env::var("REFSCOPE_DIFF_TIMEOUT")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(10.0),
    );
    let jobs = std::env::var("REFSCOPE_DIFF_JOBS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
                .max(2)
        });

    let mut programs = Vec::new();
    collect_programs(&diff_dir, &mut programs);
    programs.retain(|p| rel_name(&diff_dir, p).contains(&filter));
    programs.sort();
    assert!(
        !programs.is_empty(),
        "no test programs under {} match filter {filter:?}",
        diff_dir.display()
    );

    let (known, known_errors) = known_failures(&diff_dir);

    // Work queue shared by the worker threads.
    let queue = Arc::new(Mutex::new(programs.clone()));
    let results: Arc<Mutex<BTreeMap<String, (Outcome, Duration)>>> =
        Arc::new(Mutex::new(BTreeMap::new()));
    let workers: Vec<_> = (0..jobs.min(programs.len()))
        .map(|_| {
            let queue = Arc::clone(&queue);
            let results = Arc::clone(&results);
            let bin = bin.clone();
            let diff_dir = diff_dir.clone();
            thread::spawn(move || loop {
                let Some(prog) = queue.lock().unwrap().pop() else { break };
                let start = Instant::now();
                let outcome = check_one(&bin, &prog, timeout);
                let elapsed = start.elapsed();
                results
                    .lock()
                    .unwrap()
                    .insert(rel_name(&diff_dir, &prog), (outcome, elapsed));
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker thread panicked");
    }
    let results = Arc::try_unwrap(results)
        .ok()
        .expect("workers done")
        .into_inner()
        .unwrap();

    // The report goes straight to stderr (not through the test harness's
    // output capture) so it is visible even when the test passes.
    let mut report = String::new();
    let mut passed = 0;
    let mut unexpected_failures = Vec::new();
    let mut expected_failures = Vec::new();
    let mut unexpected_passes = Vec::new();
    for (name, (outcome, _)) in &results {
        match (outcome, known.get(name)) {
            (Outcome::Pass, None) => passed += 1,
            (Outcome::Pass, Some(reason)) => unexpected_passes.push((name, reason)),
            (Outcome::Fail(diff), None) => unexpected_failures.push((name, diff)),
            (Outcome::Fail(_), Some(reason)) => expected_failures.push((name, reason)),
        }
    }

    report += &format!(
        "\n==== differential tests: {} programs, interpreter {}{} ====\n",
        results.len(),
        bin.display(),
        if filter.is_empty() { String::new() } else { format!(", filter {filter:?}") }
    );
    for (name, diff) in &unexpected_failures {
        report += &format!("FAIL {name}\n{diff}");
    }
    for (name, reason) in &unexpected_passes {
        report += &format!(
            "UNEXPECTED PASS {name} (listed in KNOWN_FAILURES: {reason}): remove it from the list\n"
        );
    }
    for e in &known_errors {
        report += &format!("BAD ENTRY {e}\n");
    }
    let seen: BTreeSet<&String> = results.keys().collect();
    let known_in_scope = known.keys().filter(|k| seen.contains(k)).count();
    if known_in_scope > 0 {
        report += &format!(
            "!!!! {} KNOWN FAILURE{} (tests/diff/KNOWN_FAILURES) still failing, not counted as passed:\n",
            expected_failures.len(),
            if expected_failures.len() == 1 { "" } else { "S" }
        );
        for (name, reason) in &expected_failures {
            report += &format!("     known-fail {name}  # {reason}\n");
        }
    }
    let mut slowest: Vec<(&String, Duration)> = results.iter().map(|(n, (_, d))| (n, *d)).collect();
    slowest.sort_by(|a, b| b.1.cmp(&a.1));
    report += "slowest:";
    for (name, d) in slowest.iter().take(5) {
        report += &format!(" {name} {:.2}s", d.as_secs_f64());
    }
    report += "\n";
    report += &format!(
        "==== {} passed, {} failed ({} unexpected, {} known failures), {} unexpected passes ====\n",
        passed,
        unexpected_failures.len() + expected_failures.len(),
        unexpected_failures.len(),
        expected_failures.len(),
        unexpected_passes.len()
    );
    let _ = std::io::stderr().write_all(report.as_bytes());

    let ok = unexpected_failures.is_empty() && unexpected_passes.is_empty() && known_errors.is_empty();
    assert!(
        ok,
        "differential tests: {} unexpected failures, {} unexpected passes, {} bad KNOWN_FAILURES entries (report above)",
        unexpected_failures.len(),
        unexpected_passes.len(),
        known_errors.len()
    );
}

/// Checks of the harness's own helpers (fast; independent of the interpreter).
#[test]
fn harness_helpers() {
    assert_eq!(last_stderr_line(b""), "");
    assert_eq!(last_stderr_line(b"\n\n  \n"), "");
    assert_eq!(
        last_stderr_line(b"Traceback...\nValueError: x  \n\n"),
        "ValueError: x"
    );
    assert_eq!(last_stderr_line(b"only line"), "only line");

    let d = diff_text(b"a\nb\nc\nd\n", b"a\nb\nX\nd\n");
    assert!(d.contains("@@ stdout line 3"), "{d}");
    assert!(d.contains("    -c\n") && d.contains("    +X\n"), "{d}");
    assert!(d.contains("     b\n"), "context line missing: {d}");
    assert!(!d.contains("-d") && !d.contains("+d"), "common suffix shown: {d}");
    let d = diff_text(b"same\n", b"same");
    assert!(d.contains("(no newline at end)"), "{d}");
    let d = diff_text(b"", b"extra\n");
    assert!(d.contains("    +extra"), "{d}");

    assert!(is_program(Path::new("x/seed/a.py")));
    assert!(!is_program(Path::new("x/imports/mod_helper.py")));
    assert!(!is_program(Path::new("x/a.out")));
}
