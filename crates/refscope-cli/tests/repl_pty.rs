//! The interactive prompt on a real terminal: each test starts `refscope`
//! in a pseudo-terminal (rexpect) and types as a person would, reading the
//! screen: the seed article's `a = 257` / `b = 257` identity case, a
//! multi-line function, an exception followed by more input, history recall
//! (within a session and from the history file of an earlier one), Ctrl-C
//! while typing and while a statement runs, Ctrl-D, and `%mem`.

use rexpect::session::{spawn_with_options, PtySession};
use rexpect::reader::Options;
use std::process::Command;

const UP: &str = "\x1b[A";

fn start(history: &std::path::Path) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_refscope"));
    cmd.env("REFSCOPE_HISTORY", history).env("TERM", "xterm").env_remove("PYTHONSTARTUP");
    let mut p = spawn_with_options(cmd, Options::new().timeout_ms(Some(20_000)).strip_ansi_escape_codes(true)).expect("spawn refscope in a pty");
    p.exp_string("Type %mem").expect("banner");
    p.exp_string(">>> ").expect("first prompt");
    p
}

fn history_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("refscope-pty-{}-{}", std::process::id(), name));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("history");
    let _ = std::fs::remove_file(&path);
    path
}

/// Type `line` and return what the screen shows up to the next primary prompt.
fn run(p: &mut PtySession, line: &str) -> String {
    p.send_line(line).unwrap();
    p.exp_string(">>> ").unwrap_or_else(|e| panic!("no prompt after {:?}: {}", line, e))
}

/// The exit status of the ended process (None when a signal ended it).
fn exit_code(p: &PtySession) -> Option<i32> {
    // nix's WaitStatus is not re-exported; its Debug form is `Exited(Pid(n), code)`.
    let status = format!("{:?}", p.process().wait().unwrap());
    let code = status.strip_prefix("Exited(")?.rsplit(", ").next()?.trim_end_matches(')');
    code.parse().ok()
}

fn leave(mut p: PtySession) {
    p.send_control('d').unwrap();
    p.exp_eof().expect("Ctrl-D leaves");
    assert_eq!(exit_code(&p), Some(0), "Ctrl-D exits with status 0");
}

#[test]
fn identity_of_ints_typed_on_separate_lines() {
    let mut p = start(&history_path("identity"));
    run(&mut p, "a = 257");
    run(&mut p, "b = 257");
    let shown = run(&mut p, "a is b");
    assert!(shown.contains("False"), "each line is its own compilation unit: {:?}", shown);
    let shown = run(&mut p, "c = 257; d = 257; c is d");
    assert!(shown.contains("True"), "one line is one unit, constants merged: {:?}", shown);
    let shown = run(&mut p, "x = 5; y = 5");
    assert!(!shown.contains("True"));
    run(&mut p, "y = 5");
    let shown = run(&mut p, "x is y");
    assert!(shown.contains("True"), "small ints are cached: {:?}", shown);
    leave(p);
}

#[test]
fn multi_line_function_then_call() {
    let mut p = start(&history_path("multiline"));
    p.send_line("def greet(name):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return 'hi ' + name").unwrap();
    p.exp_string("... ").unwrap();
    run(&mut p, "");
    let shown = run(&mut p, "greet('ada')");
    assert!(shown.contains("'hi ada'"), "{:?}", shown);
    leave(p);
}

#[test]
fn exception_then_more_input() {
    let mut p = start(&history_path("exception"));
    let shown = run(&mut p, "[1, 2][7]");
    assert!(shown.contains("Traceback (most recent call last):"), "{:?}", shown);
    assert!(shown.contains("IndexError: list index out of range"), "{:?}", shown);
    let shown = run(&mut p, "print('still', 'here')");
    assert!(shown.contains("still here"), "{:?}", shown);
    let shown = run(&mut p, "x = 1 +");
    assert!(shown.contains("SyntaxError: invalid syntax"), "{:?}", shown);
    let shown = run(&mut p, "6 * 7");
    assert!(shown.contains("42"), "{:?}", shown);
    leave(p);
}

#[test]
fn history_recall_within_and_across_sessions() {
    let history = history_path("history");
    let mut p = start(&history);
    let shown = run(&mut p, "print('recall', 1 + 1)");
    assert!(shown.contains("recall 2"));
    run(&mut p, "n = 10");
    // Up twice: the print line again.
    p.send(UP).unwrap();
    p.send(UP).unwrap();
    p.send_line("").unwrap();
    // The line editor repaints the prompt as lines are recalled: wait for
    // the recalled statement's output itself.
    p.exp_string("recall 2").expect("recalled line ran");
    p.exp_string(">>> ").unwrap();
    leave(p);
    let saved = std::fs::read_to_string(&history).expect("history file written");
    assert!(saved.contains("n = 10"), "{:?}", saved);
    // A new session finds the last line in the history file.
    let mut p = start(&history);
    p.send(UP).unwrap();
    p.send_line("").unwrap();
    // (The recalled print ran last in that session, so it is the newest entry.)
    p.exp_string("recall 2").expect("the last line of the earlier session recalled and run");
    p.exp_string(">>> ").unwrap();
    let shown = run(&mut p, "'n' in dir()");
    assert!(shown.contains("False"), "a new session has new names: {:?}", shown);
    leave(p);
}

#[test]
fn ctrl_c_cancels_input_and_interrupts_a_running_statement() {
    let mut p = start(&history_path("ctrlc"));
    p.send("x = (1,").unwrap();
    p.send_control('c').unwrap();
    let shown = p.exp_string(">>> ").unwrap();
    assert!(shown.contains("KeyboardInterrupt"), "{:?}", shown);
    let shown = run(&mut p, "print('x' in dir())");
    assert!(shown.contains("False"), "the cancelled input did not run: {:?}", shown);
    p.send_line("while True: pass").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    p.send_control('c').unwrap();
    let shown = p.exp_string(">>> ").unwrap();
    assert!(shown.contains("Traceback (most recent call last):") && shown.contains("KeyboardInterrupt"), "{:?}", shown);
    let shown = run(&mut p, "'alive'");
    assert!(shown.contains("'alive'"), "{:?}", shown);
    leave(p);
}

#[test]
fn mem_lists_names_objects_counts_and_aliases() {
    let mut p = start(&history_path("mem"));
    run(&mut p, "a = [1, 2, 3]");
    run(&mut p, "b = a");
    run(&mut p, "n = 7");
    let shown = run(&mut p, "%mem");
    assert!(shown.contains("names in <module>:"), "{:?}", shown);
    let row = |name: &str| shown.lines().find(|l| l.trim_start().starts_with(&format!("{} ", name))).unwrap_or_else(|| panic!("no row for {} in {:?}", name, shown)).to_string();
    let a = row("a");
    assert!(a.contains("list") && a.contains("same object as b"), "{:?}", a);
    let b = row("b");
    assert!(b.contains("same object as a"), "{:?}", b);
    let n = row("n");
    assert!(n.contains("cached small int"), "{:?}", n);
    // The reference count column agrees with sys.getrefcount (minus its own argument).
    let shown_count: usize = a.split_whitespace().nth(3).unwrap().parse().unwrap();
    let check = run(&mut p, "import sys; sys.getrefcount(a) - 1");
    assert!(check.contains(&shown_count.to_string()), "mem said {} for a, sys.getrefcount says {:?}", shown_count, check);
    leave(p);
}

#[test]
fn exit_function_leaves_with_its_status() {
    let mut p = start(&history_path("exit"));
    p.send_line("exit(3)").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), Some(3));
}
