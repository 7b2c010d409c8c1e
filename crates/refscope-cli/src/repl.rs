//! The interactive prompt: `refscope` with no program on a terminal, or
//! `-i`. Lines are gathered until they form a whole statement (as CPython's
//! prompt decides: `refscope_compiler::interactive_input_state`), then run
//! in `__main__` as one compilation unit of their own, so `a = 257` and
//! `b = 257` typed on two lines give two int objects, as the seed article
//! says. On a terminal, lines are edited with rustyline (history kept in
//! `REFSCOPE_HISTORY`, default `~/.refscope_history`); otherwise they are
//! read from stdin with the prompts on stderr, as CPython does.
//!
//! `%mem` at the prompt lists the names of `__main__`, the objects they
//! refer to (type, id, reference count) and which names share an object
//! (`refscope.mem()`).

use refscope_compiler::{interactive_input_state, InputState};
use refscope_runtime::Interpreter;
use std::io::{BufRead, IsTerminal, Write};

enum Line {
    Text(String),
    /// Ctrl-C while typing: the input so far is dropped.
    Interrupted,
    Eof,
}

trait Input {
    fn read(&mut self, prompt: &str) -> Line;
    fn remember(&mut self, _entry: &str) {}
}

struct Terminal {
    editor: rustyline::DefaultEditor,
    history: Option<std::path::PathBuf>,
}

impl Input for Terminal {
    fn read(&mut self, prompt: &str) -> Line {
        match self.editor.readline(prompt) {
            Ok(l) => Line::Text(l),
            Err(rustyline::error::ReadlineError::Interrupted) => Line::Interrupted,
            Err(_) => Line::Eof,
        }
    }

    fn remember(&mut self, entry: &str) {
        if entry.trim().is_empty() {
            return;
        }
        let _ = self.editor.add_history_entry(entry);
        if let Some(h) = &self.history {
            let _ = self.editor.append_history(h);
        }
    }
}

struct Piped {
    stdin: std::io::StdinLock<'static>,
}

impl Input for Piped {
    fn read(&mut self, prompt: &str) -> Line {
        eprint!("{}", prompt);
        let _ = std::io::stderr().flush();
        let mut s = String::new();
        match self.stdin.read_line(&mut s) {
            Ok(0) | Err(_) => Line::Eof,
            Ok(_) => {
                if s.ends_with('\n') {
                    s.pop();
                    if s.ends_with('\r') {
                        s.pop();
                    }
                }
                Line::Text(s)
            }
        }
    }
}

fn history_file() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("REFSCOPE_HISTORY") {
        return (!p.is_empty()).then(|| p.into());
    }
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".refscope_history"))
}

fn input() -> Box<dyn Input> {
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        let config = rustyline::Config::builder().auto_add_history(false).max_history_size(10_000).map(|b| b.build());
        let editor = match config {
            Ok(c) => rustyline::DefaultEditor::with_config(c),
            Err(_) => rustyline::DefaultEditor::new(),
        };
        if let Ok(mut editor) = editor {
            let history = history_file();
            if let Some(h) = &history {
                let _ = editor.load_history(h);
            }
            return Box::new(Terminal { editor, history });
        }
    }
    Box::new(Piped { stdin: std::io::stdin().lock() })
}

/// `sys.ps1` / `sys.ps2` as the program left them (CPython reads them
/// before each prompt), else the defaults.
fn prompt(interp: &Interpreter, continuation: bool) -> String {
    let name = if continuation { "ps2" } else { "ps1" };
    interp.sys_attr_str(name).unwrap_or_else(|| if continuation { "... ".into() } else { ">>> ".into() })
}

/// Run the prompt until Ctrl-D or `exit()`. Returns the exit status.
pub fn run(interp: &Interpreter, quiet: bool) -> i32 {
    interp.set_interactive_prompts();
    if !quiet {
        eprintln!(
            "refscope {} (Python 3.11 semantics)\nType %mem to list your names, their objects and reference counts; exit() or Ctrl-D leaves.",
            env!("CARGO_PKG_VERSION")
        );
    }
    let mut input = input();
    let mut buffer = String::new();
    loop {
        interp.flush_stdout();
        let line = match input.read(&prompt(interp, !buffer.is_empty())) {
            Line::Text(l) => l,
            Line::Interrupted => {
                eprintln!("\nKeyboardInterrupt");
                buffer.clear();
                continue;
            }
            Line::Eof => {
                // As CPython: end the prompt's line; what was typed of a
                // statement runs as it is, and the prompt comes back once.
                eprintln!();
                if buffer.is_empty() {
                    return 0;
                }
                let source = std::mem::take(&mut buffer);
                input.remember(source.trim_end_matches('\n'));
                if let Some(status) = interp.run_interactive(&source) {
                    return status;
                }
                continue;
            }
        };
        if buffer.is_empty() && line.trim() == "%mem" {
            input.remember(&line);
            if let Some(status) = interp.run_interactive("__import__('refscope').mem()\n") {
                return status;
            }
            continue;
        }
        buffer.push_str(&line);
        buffer.push('\n');
        if interactive_input_state(&buffer) == InputState::Incomplete {
            continue;
        }
        let source = std::mem::take(&mut buffer);
        input.remember(source.trim_end_matches('\n'));
        if source.trim().is_empty() {
            continue;
        }
        if let Some(status) = interp.run_interactive(&source) {
            return status;
        }
    }
}
