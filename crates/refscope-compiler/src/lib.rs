//! refscope's compiler: Python source to code objects.
//!
//! Parsing is ruff_python_parser's (pinned to 0.0.10, the newest release that
//! builds with Rust 1.95); this crate resolves scopes (`symtable`) and emits
//! bytecode (`compile`) whose stack effects follow CPython 3.11's, so that the
//! runtime's exact reference counts agree with CPython's.
//!
//! This crate knows nothing about objects: constants are plain values
//! (`bytecode::Constant`) that the runtime turns into objects, merging equal
//! ones per compilation unit as CPython's compiler does.

pub mod bytecode;
pub mod compile;
pub mod symtable;

use ruff_python_ast::PythonVersion;
use ruff_python_parser::{ParseErrorType, ParseOptions};
use ruff_text_size::TextRange;

pub use bytecode::{CodeObject, Constant, Instr};
pub use compile::{ConstFolder, NoFolding};

/// A syntax error, located as CPython reports it.
#[derive(Debug, Clone)]
pub struct CompileError {
    /// `SyntaxError` or `IndentationError`/`TabError`.
    pub kind: &'static str,
    pub message: String,
    pub filename: String,
    pub line: u32,
    /// 1-based column of the error (CPython's `offset`).
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// The text of the offending line, without its newline.
    pub text: String,
}

impl CompileError {
    fn new(message: String, range: TextRange, c: &compile::Compiler) -> CompileError {
        CompileError::at(message, range, c.source(), c.filename())
    }

    pub fn at(message: String, range: TextRange, source: &str, filename: &str) -> CompileError {
        let (line, column, text) = locate(source, range.start().to_u32() as usize);
        let (end_line, end_column, _) = locate(source, range.end().to_u32() as usize);
        CompileError { kind: "SyntaxError", message, filename: filename.to_string(), line, column, end_line, end_column, text }
    }
}

/// Line (1-based), column (1-based, in characters) and line text of a byte offset.
fn locate(source: &str, offset: usize) -> (u32, u32, String) {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = source[line_start..].find('\n').map(|i| line_start + i).unwrap_or(source.len());
    let column = source[line_start..offset].chars().count() as u32 + 1;
    let text = source[line_start..line_end].trim_end_matches('\r').to_string();
    (line, column, text)
}

/// Parse and compile a module (a file, a `-c` string, or — with
/// `interactive` — one statement typed at the prompt).
pub fn compile_module(source: &str, filename: &str, folder: &dyn ConstFolder, interactive: bool) -> Result<CodeObject, CompileError> {
    let options = ParseOptions::from(ruff_python_parser::Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = match ruff_python_parser::parse(source, options) {
        Ok(p) => p,
        Err(e) => return Err(parse_error(source, filename, &e)),
    };
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        return Err(CompileError::at(format!("invalid syntax ({})", u), u.range, source, filename));
    }
    let module = match parsed.into_syntax() {
        ruff_python_ast::Mod::Module(m) => m,
        ruff_python_ast::Mod::Expression(_) => unreachable!("parsed in module mode"),
    };
    let scope = symtable::build(&module).map_err(|e| CompileError::at(e.message, e.range, source, filename))?;
    let compiler = compile::Compiler::new(source, filename, folder, interactive);
    compiler.compile_module(&module, &scope)
}

/// Translate ruff's parse errors into CPython's wording where the cases are
/// common; fall back to CPython's generic "invalid syntax".
fn parse_error(source: &str, filename: &str, e: &ruff_python_parser::ParseError) -> CompileError {
    use ruff_python_parser::LexicalErrorType as L;
    let mut kind = "SyntaxError";
    let mut range = e.location;
    let message = match &e.error {
        ParseErrorType::Lexical(L::UnclosedStringError) => {
            let (line, _, _) = locate(source, range.start().to_u32() as usize);
            let text_at = &source[range.start().to_u32() as usize..];
            if text_at.starts_with("\"\"\"") || text_at.starts_with("'''") || text_at[1.min(text_at.len())..].starts_with("\"\"\"") {
                format!("unterminated triple-quoted string literal (detected at line {})", source.lines().count().max(line as usize))
            } else {
                format!("unterminated string literal (detected at line {})", line)
            }
        }
        ParseErrorType::Lexical(L::IndentationError) => {
            kind = "IndentationError";
            "unindent does not match any outer indentation level".to_string()
        }
        ParseErrorType::Lexical(L::Eof) => {
            // Find the unclosed bracket, as CPython reports it.
            match unclosed_bracket(source) {
                Some((ch, off)) => {
                    range = TextRange::new((off as u32).into(), (off as u32 + 1).into());
                    format!("'{}' was never closed", ch)
                }
                None => "unexpected EOF while parsing".to_string(),
            }
        }
        ParseErrorType::Lexical(L::UnrecognizedToken { tok }) => {
            if *tok == '$' || *tok == '?' || *tok == '!' || *tok == '`' {
                "invalid syntax".to_string()
            } else {
                format!("invalid character '{}' (U+{:04X})", tok, *tok as u32)
            }
        }
        ParseErrorType::ExpectedToken { expected, .. } => {
            let exp = expected.to_string();
            if exp.contains("':'") || exp == "':'" {
                "expected ':'".to_string()
            } else if let Some((ch, off)) = unclosed_bracket(source) {
                range = TextRange::new((off as u32).into(), (off as u32 + 1).into());
                format!("'{}' was never closed", ch)
            } else {
                "invalid syntax".to_string()
            }
        }
        ParseErrorType::OtherError(msg) if msg.contains("Expected an indented block") => {
            kind = "IndentationError";
            indented_block_message(source, range)
        }
        ParseErrorType::OtherError(msg) if msg.contains("nexpected indentation") => {
            kind = "IndentationError";
            "unexpected indent".to_string()
        }
        ParseErrorType::UnexpectedIndentation => {
            kind = "IndentationError";
            "unexpected indent".to_string()
        }
        ParseErrorType::PositionalAfterKeywordArgument => "positional argument follows keyword argument".to_string(),
        ParseErrorType::PositionalAfterKeywordUnpacking => "positional argument follows keyword argument unpacking".to_string(),
        ParseErrorType::InvalidArgumentUnpackingOrder => "iterable argument unpacking follows keyword argument unpacking".to_string(),
        ParseErrorType::NonDefaultParamAfterDefaultParam => "non-default argument follows default argument".to_string(),
        ParseErrorType::InvalidAssignmentTarget => assignment_target_message(source, range, "assign to"),
        ParseErrorType::InvalidDeleteTarget => assignment_target_message(source, range, "delete"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let text = &source[range.start().to_u32() as usize..range.end().to_u32() as usize];
            format!("'{}' is an illegal expression for augmented assignment", target_description(text))
        }
        ParseErrorType::OtherError(msg) if msg.contains("Expected an indented block") => "expected an indented block".to_string(),
        _ => "invalid syntax".to_string(),
    };
    let mut err = CompileError::at(message, range, source, filename);
    err.kind = kind;
    err
}

fn indented_block_message(source: &str, range: TextRange) -> String {
    // CPython: "expected an indented block after 'if' statement on line 3".
    let off = range.start().to_u32() as usize;
    let before = &source[..off.min(source.len())];
    let mut lines: Vec<&str> = before.lines().collect();
    while let Some(l) = lines.last() {
        if l.trim().is_empty() || l.trim().starts_with('#') {
            lines.pop();
        } else {
            break;
        }
    }
    let n = lines.len();
    if let Some(l) = lines.last() {
        let t = l.trim_start();
        let word: String = t.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let what = match word.as_str() {
            "if" => "'if' statement".to_string(),
            "elif" => "'elif' statement".to_string(),
            "else" => "'else' statement".to_string(),
            "for" => "'for' statement".to_string(),
            "while" => "'while' statement".to_string(),
            "try" => "'try' statement".to_string(),
            "except" => "'except' statement".to_string(),
            "finally" => "'finally' statement".to_string(),
            "with" => "'with' statement".to_string(),
            "def" => {
                let name: String = t[3..].trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                format!("function definition")
                    + &if name.is_empty() { String::new() } else { String::new() }
            }
            "class" => "class definition".to_string(),
            _ => return "expected an indented block".to_string(),
        };
        return format!("expected an indented block after {} on line {}", what, n);
    }
    "expected an indented block".to_string()
}

fn target_description(text: &str) -> &'static str {
    let t = text.trim();
    if t.ends_with(')') && !t.starts_with('(') {
        "function call"
    } else if t.starts_with('[') {
        "list"
    } else if t.starts_with('(') {
        "tuple"
    } else if t.starts_with('"') || t.starts_with('\'') || t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        "literal"
    } else {
        "expression"
    }
}

fn assignment_target_message(source: &str, range: TextRange, verb: &str) -> String {
    let text = source[range.start().to_u32() as usize..range.end().to_u32() as usize].trim();
    let what = if text.ends_with(')') && !text.starts_with('(') {
        "function call"
    } else if text == "None" || text == "True" || text == "False" {
        return format!("cannot {} {}", verb, text);
    } else if text.starts_with('"') || text.starts_with('\'') || text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        "literal"
    } else if text.contains(" if ") {
        "conditional expression"
    } else if text.starts_with("lambda") {
        "lambda"
    } else if text.contains("==") || text.contains('<') || text.contains('>') || text.contains("!=") {
        "comparison"
    } else {
        "expression"
    };
    if verb == "assign to" && what != "function call" && what != "comparison" && what != "lambda" && what != "conditional expression" {
        format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", what)
    } else {
        format!("cannot {} {}", verb, what)
    }
}

/// The first bracket that is never closed, skipping strings and comments.
fn unclosed_bracket(source: &str) -> Option<(char, usize)> {
    let mut stack: Vec<(char, usize)> = Vec::new();
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => {
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                if triple {
                    i += 3;
                    while i + 2 < b.len() && !(b[i] == c && b[i + 1] == c && b[i + 2] == c) {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    i += 2;
                } else {
                    i += 1;
                    while i < b.len() && b[i] != c && b[i] != b'\n' {
                        if b[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
            }
            b'(' | b'[' | b'{' => stack.push((c as char, i)),
            b')' | b']' | b'}' => {
                stack.pop();
            }
            _ => {}
        }
        i += 1;
    }
    stack.first().copied()
}
