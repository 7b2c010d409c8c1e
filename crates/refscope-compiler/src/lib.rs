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

pub mod arena;
pub mod bytecode;
pub mod compile;
pub mod embed;
pub mod shape;
pub mod symtable;
mod strcheck;
mod tokcheck;
pub mod warnings;

use ruff_python_ast::token::{Token, TokenKind as T};
use ruff_python_ast::PythonVersion;
use ruff_python_parser::{ParseErrorType, ParseOptions};
use ruff_text_size::{Ranged, TextRange};

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
    /// CPython's `end_offset` (-1 where CPython has no end).
    pub end_column: i32,
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
        CompileError { kind: "SyntaxError", message, filename: filename.to_string(), line, column, end_line, end_column: end_column as i32, text }
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

/// Parse a module, with CPython's syntax errors (those its parser and
/// tokenizer raise; the compiler's own come later).
fn parse_module(source: &str, filename: &str) -> Result<ruff_python_ast::ModModule, CompileError> {
    let options = ParseOptions::from(ruff_python_parser::Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let (scan, strings) = tokcheck::scan(source);
    // The first error ruff reports (in parsing order, lexical errors merged
    // by position) is where CPython's parser fails too, more or less.
    let mut failure = parsed.errors().first().map(|e| parse_error(source, filename, e, parsed.tokens()));
    // Errors in the values of string literals come in source order with the
    // parser's.
    if let Some(f) = string_literal_error(source, filename, &strings, parsed.errors()) {
        if failure.as_ref().is_none_or(|p| f.pos <= p.pos) {
            failure = Some(f);
        }
    }
    if let Some(e) = choose_error(source, filename, &scan, failure) {
        return Err(e);
    }
    if let Some(u) = parsed.unsupported_syntax_errors().first() {
        return Err(unsupported_error(source, filename, u, parsed.tokens()));
    }
    match parsed.into_syntax() {
        ruff_python_ast::Mod::Module(m) => Ok(m),
        ruff_python_ast::Mod::Expression(_) => unreachable!("parsed in module mode"),
    }
}

/// What the interactive prompt should do with the lines typed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputState {
    /// Run them (or report their syntax error): nothing more can help.
    Complete,
    /// Prompt for another line (`... `).
    Incomplete,
}

/// Decide, as CPython's interactive prompt does, whether `source` (the
/// lines typed so far, each ending in a newline) is a whole statement.
/// An open bracket or triple-quoted string always waits for more. A block
/// (any compound statement, even on one line, or a lone decorator) waits
/// for a blank line. A syntax error that more lines could repair (a missing
/// indented block, a `try` without `except`) waits too, until a blank line
/// shows that no more is coming; other errors are reported at once.
pub fn interactive_input_state(source: &str) -> InputState {
    let blank_end = source.lines().last().is_none_or(|l| l.trim().is_empty());
    let code_lines: Vec<&str> = source.lines().filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')).collect();
    if code_lines.is_empty() {
        return InputState::Complete;
    }
    match parse_module(source, "<stdin>") {
        Ok(module) => {
            let block = module.body.iter().any(|s| is_compound(s));
            if block && !blank_end {
                InputState::Incomplete
            } else {
                InputState::Complete
            }
        }
        Err(e) => {
            let m = e.message.as_str();
            if m.ends_with("was never closed") || m.starts_with("unterminated triple-quoted string literal") {
                return InputState::Incomplete;
            }
            if blank_end {
                return InputState::Complete;
            }
            let at_end = e.line as usize >= code_lines.len().max(source.lines().count());
            let repairable = m.starts_with("expected an indented block")
                || m == "expected 'except' or 'finally' block"
                || m == "unexpected EOF while parsing"
                || code_lines.iter().all(|l| l.trim_start().starts_with('@'));
            if repairable && (at_end || m == "unexpected EOF while parsing") {
                InputState::Incomplete
            } else {
                InputState::Complete
            }
        }
    }
}

fn is_compound(s: &ruff_python_ast::Stmt) -> bool {
    use ruff_python_ast::Stmt;
    matches!(
        s,
        Stmt::FunctionDef(_) | Stmt::ClassDef(_) | Stmt::If(_) | Stmt::For(_) | Stmt::While(_) | Stmt::Try(_) | Stmt::With(_) | Stmt::Match(_)
    )
}

/// Parse and compile a module (a file, a `-c` string, or — with
/// `interactive` — one statement typed at the prompt).
pub fn compile_module(source: &str, filename: &str, folder: &dyn ConstFolder, interactive: bool) -> Result<CodeObject, CompileError> {
    compile_module_inner(source, filename, folder, interactive, false).map(|(c, _)| c)
}

/// `compile_module`, with what the parser's arena holds (`arena`): for
/// code that runs while its arena lives (a program, a `-c` string, a line
/// at the prompt, `exec` and `eval` of a string).
pub fn compile_module_with_arena(source: &str, filename: &str, folder: &dyn ConstFolder, interactive: bool) -> Result<(CodeObject, arena::ParseArena), CompileError> {
    compile_module_inner(source, filename, folder, interactive, true)
}

fn compile_module_inner(source: &str, filename: &str, folder: &dyn ConstFolder, interactive: bool, with_arena: bool) -> Result<(CodeObject, arena::ParseArena), CompileError> {
    let module = parse_module(source, filename)?;
    let scope = symtable::build(&module).map_err(|e| scope_error(e, source, filename))?;
    // CPython emits its SyntaxWarnings while generating code: all of them,
    // or those before the place where code generation fails.
    let compiler = compile::Compiler::new(source, filename, folder, interactive);
    let found = warnings::collect(&module, source, filename, &|e| compiler.const_value(e));
    let arena = if with_arena { arena::collect(&compiler, &module.body) } else { Default::default() };
    let result = compiler.compile_module(&module, &scope).map(|c| (c, arena));
    match &result {
        Ok(_) => warnings::push(found),
        Err(e) => warnings::push(found.into_iter().filter(|w| w.line < e.line).collect()),
    }
    result
}

/// The error of a failed symbol-table pass (too deep a nesting is a
/// RecursionError, as in CPython).
fn scope_error(e: symtable::ScopeError, source: &str, filename: &str) -> CompileError {
    let mut err = CompileError::at(e.message, e.range, source, filename);
    if e.recursion {
        err.kind = "RecursionError";
    }
    err
}

/// Parse and compile the source of `eval()` (or `compile(..., "eval")`):
/// one expression, whose value the code returns.
pub fn compile_eval(source: &str, filename: &str, folder: &dyn ConstFolder) -> Result<CodeObject, CompileError> {
    compile_eval_inner(source, filename, folder, false).map(|(c, _)| c)
}

/// `compile_eval`, with what the parser's arena holds (for `eval` of a
/// string, which runs while its arena lives).
pub fn compile_eval_with_arena(source: &str, filename: &str, folder: &dyn ConstFolder) -> Result<(CodeObject, arena::ParseArena), CompileError> {
    compile_eval_inner(source, filename, folder, true)
}

fn compile_eval_inner(source: &str, filename: &str, folder: &dyn ConstFolder, with_arena: bool) -> Result<(CodeObject, arena::ParseArena), CompileError> {
    let module = parse_module(source, filename)?;
    let single_expr = matches!(module.body.as_slice(), [ruff_python_ast::Stmt::Expr(_)]);
    if !single_expr {
        let range = module.body.first().map(|s| s.range()).unwrap_or_default();
        return Err(CompileError::at("invalid syntax".into(), range, source, filename));
    }
    let scope = symtable::build(&module).map_err(|e| scope_error(e, source, filename))?;
    let compiler = compile::Compiler::new(source, filename, folder, false);
    let found = warnings::collect(&module, source, filename, &|e| compiler.const_value(e));
    let arena = if with_arena { arena::collect(&compiler, &module.body) } else { Default::default() };
    let result = compiler.compile_eval(&module, &scope).map(|c| (c, arena));
    if result.is_ok() {
        warnings::push(found);
    }
    result
}

/// The first error CPython would raise while building the value of a string
/// literal (escapes, bytes, 3.11 f-strings), located as CPython does: after
/// the last literal of the concatenation.
fn string_literal_error(source: &str, filename: &str, strings: &[tokcheck::StrTok], errors: &[ruff_python_parser::ParseError]) -> Option<ParseFailure> {
    use ruff_python_parser::LexicalErrorType as L;
    let unknown_name = |from: usize, to: usize| {
        errors.iter().any(|e| matches!(e.error, ParseErrorType::Lexical(L::UnicodeError)) && (from..to).contains(&e.location.start().to_usize()))
    };
    let expr_error = |expr: &str| -> Option<String> {
        let text = format!("({})", expr);
        let options = ParseOptions::from(ruff_python_parser::Mode::Expression).with_target_version(PythonVersion::PY311);
        let parsed = ruff_python_parser::parse_unchecked(&text, options);
        if let Some(e) = parsed.errors().iter().min_by_key(|e| e.location.start()) {
            return Some(parse_error(&text, "<fstring>", e, parsed.tokens()).err.message);
        }
        parsed.unsupported_syntax_errors().first().map(|_| "invalid syntax".to_string())
    };
    for (k, tok) in strings.iter().enumerate() {
        if let Some(message) = strcheck::literal_error(source, tok, &expr_error, &unknown_name) {
            let group_start = strings.iter().find(|t| t.group == tok.group).map_or(tok.start, |t| t.start);
            let group_end = strings[k..].iter().take_while(|t| t.group == tok.group).last().map_or(tok.end, |t| t.end);
            let range = if message.starts_with("bytes can only") { TextRange::empty((tok.start as u32).into()) } else { TextRange::empty((group_end as u32).into()) };
            let mut err = CompileError::at(message, range, source, filename);
            err.text.push('\n');
            return Some(ParseFailure { err, pos: group_start, overridable: true, local: true, reads_on: false, lookahead: None });
        }
    }
    None
}

/// Syntax newer than 3.11 (ruff parses it and flags it): CPython 3.11's
/// error for it.
fn unsupported_error(source: &str, filename: &str, u: &ruff_python_parser::UnsupportedSyntaxError, tokens: &[Token]) -> CompileError {
    use ruff_python_parser::UnsupportedSyntaxErrorKind as K;
    let idx = tokens.partition_point(|t| t.start() < u.range.start());
    let mut range = u.range;
    let message = match &u.kind {
        K::TypeParameterList => {
            // `def f[T]` / `class A[T]`: at the bracket.
            let open = tokens[idx..].iter().find(|t| t.kind() == T::Lsqb);
            if let Some(o) = open {
                range = o.range();
            }
            let is_def = open.is_some_and(|o| {
                let j = tokens.partition_point(|t| t.start() < o.start());
                j >= 2 && tokens[j - 2].kind() == T::Def
            });
            if is_def { "expected '('" } else { "invalid syntax" }.to_string()
        }
        K::TypeAliasStatement => {
            if let Some(t) = tokens.get(idx + 1) {
                range = t.range();
            }
            "invalid syntax".to_string()
        }
        K::UnpackingInComprehension(kind) => {
            if format!("{:?}", kind) == "DictInDict" {
                "dict unpacking cannot be used in dict comprehension".to_string()
            } else {
                "iterable unpacking cannot be used in comprehension".to_string()
            }
        }
        K::UnparenthesizedExceptionTypes => "multiple exception types must be parenthesized".to_string(),
        K::ParenthesizedKeywordArgumentName => "expression cannot contain assignment, perhaps you meant \"==\"?".to_string(),
        _ => "invalid syntax".to_string(),
    };
    let mut e = CompileError::at(message, range, source, filename);
    e.text.push('\n');
    e
}

fn line_of(source: &str, offset: usize) -> u32 {
    source.as_bytes()[..offset.min(source.len())].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

/// CPython's "'(' was never closed", at the bracket.
fn unclosed_error(source: &str, filename: &str, ch: char, offset: usize) -> CompileError {
    let (line, column, text) = locate(source, offset);
    CompileError {
        kind: "SyntaxError",
        message: format!("'{}' was never closed", ch),
        filename: filename.to_string(),
        line,
        column,
        end_line: line,
        end_column: 0,
        text: text + "\n",
    }
}

/// The parser's first error, translated, with what decides whether a
/// tokenizer error replaces it.
struct ParseFailure {
    err: CompileError,
    /// Where the parser failed (byte offset of the failing token).
    pos: usize,
    /// CPython tokenizes the rest of the file after most parser errors and
    /// reports a tokenizer error found there instead; not after "unexpected
    /// indent"/"unexpected unindent".
    overridable: bool,
    /// A second-pass error CPython raises without reading to the end of the
    /// file, so an unclosed bracket on the same line does not replace it.
    local: bool,
    /// The failing token can begin an expression: CPython's second pass
    /// then reads on inside an open bracket (to the end of the file when it
    /// is never closed).
    reads_on: bool,
    /// Where the token after the failing one starts (the parser usually
    /// looks at it), unless the failing token ends the line.
    lookahead: Option<usize>,
}

/// Decide between the tokenizer's error (see `tokcheck`) and the parser's,
/// as CPython would.
fn choose_error(source: &str, filename: &str, scan: &tokcheck::ScanEnd, failure: Option<ParseFailure>) -> Option<CompileError> {
    use tokcheck::{ScanEnd, Severity};
    let parse_at = failure.as_ref().map(|f| f.pos);
    // After a parser error, an unclosed bracket wins if the parser had
    // already read past the bracket's line, or read on to the end of the
    // file inside it (which it does for most errors inside brackets).
    let bracket_wins = |boff: usize, bline: u32, last_token: usize| match &failure {
        None => true,
        Some(f) => line_of(source, f.pos) > bline || f.pos >= last_token || (f.pos >= boff && f.reads_on && !f.local),
    };
    let tok_err = match scan {
        ScanEnd::Clean => None,
        ScanEnd::Error(t) => {
            let reached = match &failure {
                None => true,
                Some(f) => t.pos <= f.pos || f.lookahead.is_some_and(|l| t.pos <= l && t.message.contains("line continuation")) || (t.severity == Severity::Raised && f.overridable),
            };
            if !reached {
                // The parser failed first; CPython's look at the rest of the
                // file stops here, reporting only a bracket left open.
                return match t.open_bracket {
                    Some((ch, off, bline)) if parse_at.is_some_and(|p| line_of(source, p) > bline) => Some(unclosed_error(source, filename, ch, off)),
                    _ => failure.map(|f| f.err),
                };
            }
            if t.message == "unexpected EOF while parsing" {
                if let Some((ch, off, _)) = t.open_bracket {
                    return Some(unclosed_error(source, filename, ch, off));
                }
            }
            Some(CompileError {
                kind: t.kind,
                message: t.message.clone(),
                filename: filename.to_string(),
                line: t.line,
                column: t.offset,
                end_line: t.line,
                end_column: t.end_offset,
                text: t.text.clone(),
            })
        }
        &ScanEnd::Unclosed { ch, offset, line, last_token } => {
            if bracket_wins(offset, line, last_token) {
                Some(unclosed_error(source, filename, ch, offset))
            } else {
                None
            }
        }
    };
    tok_err.or(failure.map(|f| f.err))
}

/// Translate ruff's parse errors into CPython's wording where the cases are
/// common; fall back to CPython's generic "invalid syntax".
fn parse_error(source: &str, filename: &str, e: &ruff_python_parser::ParseError, tokens: &[Token]) -> ParseFailure {
    use ruff_python_parser::LexicalErrorType as L;
    let mut kind = "SyntaxError";
    let mut range = e.location;
    let mut pos = range.start().to_usize();
    let mut overridable = true;
    let mut local = false;
    let at = range.start();
    let trivia = |t: &&Token| matches!(t.kind(), T::Comment | T::NonLogicalNewline);
    // The tokens before the error (skipping trivia), and the error's token.
    let idx = tokens.partition_point(|t| t.start() < at);
    let prev: Vec<&Token> = tokens[..idx].iter().rev().filter(|t| !trivia(t)).take(2).collect();
    let cur = tokens[idx..].iter().find(|t| !trivia(t));
    let done = |message: String, kind: &'static str, range: TextRange, pos: usize, overridable: bool, local: bool| {
        // CPython's NEWLINE token has no width.
        let mut range = if matches!(&source[range], "\n" | "\r\n") { TextRange::empty(range.start()) } else { range };
        // The end of the file is on the last line.
        if range.start().to_usize() >= source.len() && source.ends_with('\n') {
            range = TextRange::empty(((source.len() - 1) as u32).into());
        }
        let mut err = CompileError::at(message, range, source, filename);
        err.kind = kind;
        err.text.push('\n');
        // (A NEWLINE here is ruff's recovery inside brackets; CPython's
        // tokenizer produces none there and reads on.)
        let cur_idx = cur.map(|c| tokens.partition_point(|t| t.start() < c.start()));
        let reads_on = match (cur, cur_idx) {
            (Some(c), Some(ci)) => {
                let opens = matches!(c.kind(), T::Lpar | T::Lsqb | T::Lbrace);
                let next_ok = || tokens[ci + 1..].iter().find(|t| !matches!(t.kind(), T::Comment | T::NonLogicalNewline)).is_some_and(|n| starts_expression(n.kind()) || matches!(n.kind(), T::Star | T::DoubleStar | T::Rpar | T::Rsqb | T::Rbrace));
                let header = enclosing_open(tokens, ci).is_some_and(|o| o >= 2 && tokens[o - 1].kind() == T::Name && matches!(tokens[o - 2].kind(), T::Def | T::Class) && (tokens[o - 2].kind() == T::Def || tokens[o].kind() != T::Lpar));
                let import = matches!(statement_keyword(tokens, ci), Some(T::From | T::Import));
                (c.kind() == T::Newline || (starts_expression(c.kind()) && (!opens || next_ok()))) && !header && !import
            }
            _ => false,
        };
        let lookahead = match (cur, cur_idx) {
            (Some(c), Some(ci)) if !matches!(c.kind(), T::Newline | T::NonLogicalNewline) => Some(tokens.get(ci + 1).map_or(source.len(), |n| n.start().to_usize())),
            _ => None,
        };
        ParseFailure { err, pos, overridable, local, reads_on, lookahead }
    };
    // Legacy `print x` / `exec code`.
    if let (Some(p), Some(c)) = (prev.first(), cur) {
        let name = &source[p.range()];
        let after_dot = prev.get(1).is_some_and(|t| t.kind() == T::Dot);
        if p.kind() == T::Name && (name == "print" || name == "exec") && !after_dot && starts_expression(c.kind()) && c.start() >= p.end() {
            let from = p.start().to_usize();
            let line_end = source[from..].find('\n').map(|i| from + i).unwrap_or(source.len());
            let end = source[..line_end].trim_end().len();
            let r = TextRange::new(p.start(), (end as u32).into());
            let msg = format!("Missing parentheses in call to '{}'. Did you mean {}(...)?", name, name);
            return done(msg, "SyntaxError", r, pos, true, true);
        }
    }
    // `=` inside an expression.
    let eq_idx = match &e.error {
        ParseErrorType::OtherError(msg) if msg == "Expected a parameter name" => {
            let end = range.end();
            tokens.iter().position(|t| t.start() >= end).filter(|&j| tokens[j].kind() == T::Equal)
        }
        ParseErrorType::OtherError(msg) if msg.contains("Expected an indented block") => None,
        _ => cur.filter(|c| c.kind() == T::Equal).map(|c| tokens.partition_point(|t| t.start() < c.start())),
    };
    if let Some(j) = eq_idx {
        if let Some((msg, r)) = misplaced_equal(source, tokens, j) {
            return done(msg, "SyntaxError", r, pos, true, true);
        }
        if matches!(&e.error, ParseErrorType::OtherError(_)) {
            return done("invalid syntax".to_string(), "SyntaxError", tokens[j].range(), pos, true, false);
        }
    }
    // `target := value` where the target is not a name.
    if let Some(c) = cur.filter(|c| c.kind() == T::ColonEqual && !matches!(e.error, ParseErrorType::ExpectedToken { .. })) {
        let ci = tokens.partition_point(|t| t.start() < c.start());
        let mut j = ci;
        let mut depth = 0i32;
        while j > 0 {
            match tokens[j - 1].kind() {
                T::Rpar | T::Rsqb | T::Rbrace => depth += 1,
                T::Lpar | T::Lsqb | T::Lbrace if depth > 0 => depth -= 1,
                T::Newline | T::Indent | T::Dedent | T::Semi | T::Lpar | T::Lsqb | T::Lbrace | T::Comma | T::Equal if depth == 0 => break,
                _ => {}
            }
            j -= 1;
        }
        let a: Vec<Token> = tokens[j..ci].iter().filter(|t| !matches!(t.kind(), T::Comment | T::NonLogicalNewline)).cloned().collect();
        if a.len() > 1 {
            let r = TextRange::new(a[0].start(), a[a.len() - 1].end());
            return done(format!("cannot use assignment expressions with {}", expr_name(source, &a)), "SyntaxError", r, pos, true, true);
        }
    }
    // A generic error at an indentation token.
    let indent_error = match &e.error {
        ParseErrorType::UnexpectedIndentation => true,
        ParseErrorType::OtherError(m) if m.contains("nexpected indentation") => true,
        ParseErrorType::OtherError(m) if m.contains("Expected an indented block") => false,
        _ => cur.is_some_and(|c| c.kind() == T::Indent),
    };
    if indent_error {
        // CPython's offset is the width of the indentation.
        let (line, _, text) = locate(source, pos);
        let width = text.chars().take_while(|c| *c == ' ' || *c == '\t' || *c == '\x0c').count() as u32;
        let err = CompileError { kind: "IndentationError", message: "unexpected indent".to_string(), filename: filename.to_string(), line, column: width, end_line: line, end_column: -1, text: text + "\n" };
        return ParseFailure { err, pos, overridable: false, local: false, reads_on: false, lookahead: None };
    }
    // `except*:` names no type.
    let bare_except_star = prev.len() == 2 && prev[0].kind() == T::Star && prev[1].kind() == T::Except && tokens.get(idx).is_some_and(|t| t.kind() == T::Colon);
    let message = match &e.error {
        _ if bare_except_star => "expected one or more exception types".to_string(),
        ParseErrorType::Lexical(L::UnclosedStringError) => {
            let (line, _, _) = locate(source, range.start().to_u32() as usize);
            let text_at = &source[range.start().to_u32() as usize..];
            let triple = text_at.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            if triple.starts_with("\"\"\"") || triple.starts_with("'''") {
                format!("unterminated triple-quoted string literal (detected at line {})", source.lines().count().max(line as usize))
            } else {
                format!("unterminated string literal (detected at line {})", line)
            }
        }
        ParseErrorType::Lexical(L::IndentationError) => {
            kind = "IndentationError";
            "unindent does not match any outer indentation level".to_string()
        }
        ParseErrorType::Lexical(L::Eof) => "unexpected EOF while parsing".to_string(),
        ParseErrorType::Lexical(L::UnrecognizedToken { tok }) => {
            if tok.is_ascii() {
                "invalid syntax".to_string()
            } else {
                format!("invalid character '{}' (U+{:04X})", tok, *tok as u32)
            }
        }
        ParseErrorType::ExpectedToken { expected: T::Colon, found: T::Rbrace | T::Comma } if in_dict_display(tokens, idx) => {
            "':' expected after dictionary key".to_string()
        }
        ParseErrorType::ExpectedToken { expected: T::Colon, found: T::Lpar } if prev.first().is_some_and(|p| p.kind() == T::Lambda) => {
            let close = matching_close(tokens, idx);
            range = TextRange::new(range.start(), close.map_or(range.end(), |c| tokens[c].end()));
            local = true;
            "Lambda expression parameters cannot be parenthesized".to_string()
        }
        ParseErrorType::ExpectedToken { expected: T::Colon, found } => {
            if *found == T::Newline || matches!(statement_keyword(tokens, idx), Some(T::Def | T::Try | T::Finally | T::Else)) {
                local = true;
                "expected ':'".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        ParseErrorType::ExpectedToken { expected: T::Lpar, .. } if statement_keyword(tokens, idx) == Some(T::Def) => {
            local = true;
            "expected '('".to_string()
        }
        ParseErrorType::ExpectedToken { expected: T::Else, found } if *found != T::Colon => {
            // CPython's range starts at the expression before `if`.
            if let Some(if_idx) = tokens[..idx].iter().rposition(|t| t.kind() == T::If) {
                let start = expr_start_before(tokens, if_idx);
                if start < if_idx {
                    range = TextRange::new(tokens[start].start(), range.end());
                }
            }
            "expected 'else' after 'if' expression".to_string()
        }
        ParseErrorType::ExpectedToken { expected: T::Rpar, found: T::Lpar }
            if in_def_parameters(tokens, idx) && prev.first().is_some_and(|p| matches!(p.kind(), T::Lpar | T::Comma)) =>
        {
            let close = matching_close(tokens, idx);
            range = TextRange::new(range.start(), close.map_or(range.end(), |c| tokens[c].end()));
            local = true;
            "Function parameters cannot be parenthesized".to_string()
        }
        ParseErrorType::ExpectedToken { expected: T::Comma | T::Rpar | T::Rsqb | T::Rbrace, found } if forgot_comma(source, tokens, idx, *found, &prev) => {
            if prev.first().is_some() {
                let start = expr_start_before(tokens, idx);
                range = TextRange::new(tokens[start.min(idx.saturating_sub(1))].start(), cur.map_or(range.end(), |c| c.end()));
            }
            local = true;
            "invalid syntax. Perhaps you forgot a comma?".to_string()
        }
        ParseErrorType::OtherError(msg) if msg.contains("Expected an indented block") => {
            kind = "IndentationError";
            let message = indented_block_message(source, tokens, idx);
            // CPython locates it at the token that should have been indented.
            let next = tokens[idx..].iter().find(|t| t.start() >= at && !matches!(t.kind(), T::Comment | T::NonLogicalNewline | T::Newline | T::Indent | T::Dedent));
            match next {
                Some(t) if t.kind() != T::EndOfFile => range = t.range(),
                _ => {
                    let end = if source.ends_with('\n') { source.len() - 1 } else { source.len() };
                    range = TextRange::empty((end as u32).into());
                }
            }
            pos = range.start().to_usize();
            message
        }
        ParseErrorType::OtherError(msg) if msg.contains("nexpected indentation") => {
            kind = "IndentationError";
            overridable = false;
            "unexpected indent".to_string()
        }
        ParseErrorType::UnexpectedIndentation => {
            kind = "IndentationError";
            overridable = false;
            "unexpected indent".to_string()
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Expected `except` or `finally`") => "expected 'except' or 'finally' block".to_string(),
        ParseErrorType::OtherError(msg) if msg.starts_with("Cannot have both 'except' and 'except*'") => {
            range = TextRange::empty(range.start());
            "cannot have both 'except' and 'except*' on the same 'try'".to_string()
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => "Generator expression must be parenthesized".to_string(),
        ParseErrorType::InvalidStarredExpressionUsage => {
            // `(*x)`; a star after an operator is just a syntax error.
            if prev.first().is_some_and(|p| p.kind() == T::Lpar) {
                "cannot use starred expression here".to_string()
            } else {
                "invalid syntax".to_string()
            }
        }
        ParseErrorType::PositionalAfterKeywordArgument => "positional argument follows keyword argument".to_string(),
        ParseErrorType::PositionalAfterKeywordUnpacking => "positional argument follows keyword argument unpacking".to_string(),
        ParseErrorType::InvalidArgumentUnpackingOrder => "iterable argument unpacking follows keyword argument unpacking".to_string(),
        ParseErrorType::NonDefaultParamAfterDefaultParam => "non-default argument follows default argument".to_string(),
        ParseErrorType::InvalidAssignmentTarget => assignment_target_message(source, tokens, range, "assign to"),
        ParseErrorType::InvalidDeleteTarget => assignment_target_message(source, tokens, range, "delete"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => {
            let toks: Vec<Token> = tokens.iter().filter(|t| t.start() >= range.start() && t.end() <= range.end()).cloned().collect();
            format!("'{}' is an illegal expression for augmented assignment", expr_name(source, &toks))
        }
        ParseErrorType::OtherError(msg) if msg.starts_with("Only single target (not ") => msg.replacen("Only", "only", 1),
        ParseErrorType::ExpectedKeywordParam => "named arguments must follow bare *".to_string(),
        ParseErrorType::ParamAfterVarKeywordParam => "arguments cannot follow var-keyword argument".to_string(),
        ParseErrorType::OtherError(msg) if msg == "Position-only parameter separator not allowed as first parameter" => "at least one argument must precede /".to_string(),
        ParseErrorType::OtherError(msg) if msg == "Only one '/' separator allowed" => "/ may appear only once".to_string(),
        ParseErrorType::OtherError(msg) if msg.starts_with("Bytes literal cannot be mixed") => {
            range = TextRange::empty(range.end());
            "cannot mix bytes and nonbytes literals".to_string()
        }
        _ => "invalid syntax".to_string(),
    };
    done(message, kind, range, pos, overridable, local)
}

/// Two expressions side by side inside brackets: CPython suggests a comma
/// (not after a name followed by a string, nor in a comprehension's
/// iterable, nor when the first starts with a soft keyword).
fn forgot_comma(source: &str, tokens: &[Token], idx: usize, found: T, prev: &[&Token]) -> bool {
    let Some(p) = prev.first() else { return false };
    if !starts_expression(found) || bracket_depth(tokens, idx) == 0 || !ends_expression(p.kind()) {
        return false;
    }
    // Not in a definition's parameters, nor in brackets after a class name.
    if let Some(open) = enclosing_open(tokens, idx) {
        if open >= 2 && tokens[open - 1].kind() == T::Name && matches!(tokens[open - 2].kind(), T::Def | T::Class) && (tokens[open - 2].kind() == T::Def || tokens[open].kind() != T::Lpar) {
            return false;
        }
    }
    if p.kind() == T::Name && matches!(found, T::String | T::FStringStart) {
        return false;
    }
    if p.kind().is_soft_keyword() || (p.kind() == T::Name && matches!(&source[p.range()], "match" | "case" | "_")) {
        return false;
    }
    // Inside a comprehension (a `for` at the innermost bracket level).
    let mut depth = 0i32;
    for t in tokens[..idx].iter().rev() {
        match t.kind() {
            T::Rpar | T::Rsqb | T::Rbrace => depth += 1,
            T::Lpar | T::Lsqb | T::Lbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            T::For if depth == 0 => return false,
            _ => {}
        }
    }
    true
}

/// Index of the first token of the expression that ends just before token
/// `end` (walking back over operands and operators at the same bracket
/// depth).
fn expr_start_before(tokens: &[Token], end: usize) -> usize {
    let mut depth = 0i32;
    let mut j = end;
    while j > 0 {
        let k = tokens[j - 1].kind();
        match k {
            T::Rpar | T::Rsqb | T::Rbrace => depth += 1,
            T::Lpar | T::Lsqb | T::Lbrace => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            T::Comment | T::NonLogicalNewline => {}
            _ if depth > 0 => {}
            T::Name | T::Int | T::Float | T::Complex | T::String | T::FStringStart | T::FStringMiddle | T::FStringEnd | T::True | T::False | T::None | T::Ellipsis | T::Dot | T::Not | T::And | T::Or | T::Await => {}
            T::EqEqual | T::NotEqual | T::Less | T::Greater | T::LessEqual | T::GreaterEqual | T::In | T::Is => {}
            _ if k.as_binary_operator().is_some() || k == T::Tilde => {}
            _ if k.is_soft_keyword() => {}
            _ => break,
        }
        j -= 1;
    }
    while j < end && matches!(tokens[j].kind(), T::Comment | T::NonLogicalNewline) {
        j += 1;
    }
    j
}

/// Token `idx` is inside a `{...}` display that has a `key: value` at its
/// top level before it.
fn in_dict_display(tokens: &[Token], idx: usize) -> bool {
    let Some(open) = enclosing_open(tokens, idx) else { return false };
    if tokens[open].kind() != T::Lbrace {
        return false;
    }
    let mut depth = 0i32;
    for t in &tokens[open + 1..idx] {
        match t.kind() {
            T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
            T::Rpar | T::Rsqb | T::Rbrace => depth -= 1,
            T::Colon if depth == 0 => return true,
            T::Lambda if depth == 0 => return false,
            _ => {}
        }
    }
    false
}

/// The innermost bracket still open before token `idx`.
fn enclosing_open(tokens: &[Token], idx: usize) -> Option<usize> {
    let mut depth = 0i32;
    for j in (0..idx.min(tokens.len())).rev() {
        match tokens[j].kind() {
            T::Rpar | T::Rsqb | T::Rbrace => depth += 1,
            T::Lpar | T::Lsqb | T::Lbrace => {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// The bracket closing the one at `open`.
fn matching_close(tokens: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0i32;
    for (j, t) in tokens.iter().enumerate().skip(open) {
        match t.kind() {
            T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
            T::Rpar | T::Rsqb | T::Rbrace => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

/// Token `idx` is directly inside a `def`'s parameter list.
fn in_def_parameters(tokens: &[Token], idx: usize) -> bool {
    enclosing_open(tokens, idx).is_some_and(|open| open >= 2 && tokens[open].kind() == T::Lpar && tokens[open - 1].kind() == T::Name && tokens[open - 2].kind() == T::Def)
}

/// Whether a token can end an expression.
fn ends_expression(k: T) -> bool {
    matches!(
        k,
        T::Name | T::Int | T::Float | T::Complex | T::String | T::FStringEnd | T::Rpar | T::Rsqb | T::Rbrace | T::None | T::True | T::False | T::Ellipsis
    ) || k.is_soft_keyword()
}

/// Whether a token can begin an expression.
fn starts_expression(k: T) -> bool {
    matches!(
        k,
        T::Name
            | T::Int
            | T::Float
            | T::Complex
            | T::String
            | T::FStringStart
            | T::Lpar
            | T::Lsqb
            | T::Lbrace
            | T::Minus
            | T::Plus
            | T::Tilde
            | T::Not
            | T::Lambda
            | T::Await
            | T::None
            | T::True
            | T::False
            | T::Ellipsis
    ) || k.is_soft_keyword()
}

/// Brackets open before token `idx`.
fn bracket_depth(tokens: &[Token], idx: usize) -> i32 {
    let mut depth = 0i32;
    for t in &tokens[..idx.min(tokens.len())] {
        match t.kind() {
            T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
            T::Rpar | T::Rsqb | T::Rbrace => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth
}

/// The first token of the logical line containing token `idx`.
fn statement_keyword(tokens: &[Token], idx: usize) -> Option<T> {
    let mut first = None;
    let mut depth = 0i32;
    for t in &tokens[..idx.min(tokens.len())] {
        match t.kind() {
            T::Newline | T::Indent | T::Dedent | T::Semi if depth == 0 => first = None,
            T::NonLogicalNewline | T::Comment | T::Async => {}
            k => {
                match k {
                    T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
                    T::Rpar | T::Rsqb | T::Rbrace => depth = (depth - 1).max(0),
                    _ => {}
                }
                if first.is_none() {
                    first = Some(k);
                }
            }
        }
    }
    first
}

/// Index of the first token of the clause header that ends with the last
/// NEWLINE at or before token `idx`.
fn header_start(tokens: &[Token], idx: usize) -> Option<usize> {
    let upto = (idx + 1).min(tokens.len());
    let nl = tokens[..upto].iter().rposition(|t| t.kind() == T::Newline)?;
    let mut j = nl;
    while j > 0 && !matches!(tokens[j - 1].kind(), T::Newline | T::Indent | T::Dedent) {
        j -= 1;
    }
    while j < nl && matches!(tokens[j].kind(), T::NonLogicalNewline | T::Comment) {
        j += 1;
    }
    (j < nl).then_some(j)
}

/// CPython: "expected an indented block after 'if' statement on line 3".
fn indented_block_message(source: &str, tokens: &[Token], idx: usize) -> String {
    let Some(first) = header_start(tokens, idx) else {
        return "expected an indented block".to_string();
    };
    // The clause header: skip `async` and a decorated definition's header
    // is the definition itself.
    let mut k = first;
    if tokens[k].kind() == T::Async {
        k += 1;
    }
    let Some(t) = tokens.get(k) else { return "expected an indented block".to_string() };
    let line = line_of(source, t.start().to_usize());
    let what = match t.kind() {
        T::If => "'if' statement",
        T::Elif => "'elif' statement",
        T::Else => "'else' statement",
        T::For => "'for' statement",
        T::While => "'while' statement",
        T::Try => "'try' statement",
        T::Except => {
            if tokens.get(k + 1).is_some_and(|n| n.kind() == T::Star) {
                "'except*' statement"
            } else {
                "'except' statement"
            }
        }
        T::Finally => "'finally' statement",
        T::With => "'with' statement",
        T::Def => "function definition",
        T::Class => "class definition",
        T::Match => "'match' statement",
        T::Case => "'case' statement",
        _ => return "expected an indented block".to_string(),
    };
    format!("expected an indented block after {} on line {}", what, line)
}

/// The kind of expression `toks` spell, in CPython's words for
/// "cannot assign to %s" (`_PyPegen_get_expr_name`).
fn expr_name(source: &str, toks: &[Token]) -> &'static str {
    let Some(first) = toks.first() else { return "expression" };
    let last = toks.last().unwrap();
    // Top-level structure: operators outside brackets, and where the
    // bracket that closes last was opened.
    let mut depth = 0i32;
    let mut top_ops = Vec::new();
    let mut last_open = None;
    let mut top_comma = false;
    let mut top_for = false;
    for (i, t) in toks.iter().enumerate() {
        match t.kind() {
            T::Lpar | T::Lsqb | T::Lbrace => {
                if depth == 0 {
                    last_open = Some(i);
                }
                depth += 1;
            }
            T::Rpar | T::Rsqb | T::Rbrace => depth -= 1,
            T::Comma if depth == 1 => top_comma = true,
            T::For if depth == 1 => top_for = true,
            k if depth == 0 && i > 0 => top_ops.push(k),
            _ => {}
        }
    }
    let single = toks.len() == 1;
    match first.kind() {
        T::Lambda => return "lambda",
        T::Await => return "await expression",
        T::Yield => return "yield expression",
        T::Not => return "expression",
        _ => {}
    }
    if top_ops.iter().any(|k| matches!(k, T::ColonEqual)) {
        return "named expression";
    }
    if top_ops.iter().any(|k| matches!(k, T::If)) {
        return "conditional expression";
    }
    if top_ops.iter().any(|k| matches!(k, T::EqEqual | T::NotEqual | T::Less | T::Greater | T::LessEqual | T::GreaterEqual | T::In | T::Is | T::Not)) {
        return "comparison";
    }
    if top_ops.iter().any(|k| matches!(k, T::And | T::Or)) {
        return "expression";
    }
    if top_ops.iter().any(|k| k.as_binary_operator().is_some()) || first.kind().as_unary_operator().is_some() {
        return "expression";
    }
    if single {
        return match first.kind() {
            T::Name => "name",
            T::True => "True",
            T::False => "False",
            T::None => "None",
            T::Ellipsis => "ellipsis",
            T::Int | T::Float | T::Complex | T::String => "literal",
            _ => "expression",
        };
    }
    if first.kind() == T::FStringStart && last.kind() == T::FStringEnd {
        return "f-string expression";
    }
    if matches!(first.kind(), T::String | T::FStringStart) && toks.iter().all(|t| matches!(t.kind(), T::String | T::FStringStart | T::FStringMiddle | T::FStringEnd)) {
        return "literal";
    }
    if toks.len() >= 2 && toks[toks.len() - 2].kind() == T::Dot && last.kind() == T::Name {
        return "attribute";
    }
    match (last.kind(), last_open) {
        (T::Rpar, Some(0)) => {
            if top_for {
                "generator expression"
            } else if top_comma || toks.len() == 2 {
                "tuple"
            } else {
                // A parenthesized expression: describe its inside.
                expr_name(source, &toks[1..toks.len() - 1])
            }
        }
        (T::Rsqb, Some(0)) => {
            if top_for {
                "list comprehension"
            } else {
                "list"
            }
        }
        (T::Rbrace, Some(0)) => {
            let has_colon = toks.iter().any(|t| t.kind() == T::Colon);
            match (top_for, has_colon || toks.len() == 2) {
                (true, true) => "dict comprehension",
                (true, false) => "set comprehension",
                (false, true) => "dict literal",
                (false, false) => "set display",
            }
        }
        (T::Rpar, Some(_)) => "function call",
        (T::Rsqb, Some(_)) => "subscript",
        _ => "expression",
    }
}

/// `=` where an expression continues (`if x = 1:`, `[a = 1]`, `f(a.b=1)`):
/// CPython's invalid_named_expression / invalid_kwarg messages. `eq` is the
/// index of the `=` token. Returns the message and its range.
fn misplaced_equal(source: &str, tokens: &[Token], eq: usize) -> Option<(String, TextRange)> {
    // The expression before `=`, back to a delimiter at the same depth.
    let mut depth = 0i32;
    let mut start = eq;
    let mut delim = None;
    while start > 0 {
        let t = &tokens[start - 1];
        match t.kind() {
            T::Rpar | T::Rsqb | T::Rbrace => depth += 1,
            T::Lpar | T::Lsqb | T::Lbrace if depth > 0 => depth -= 1,
            T::Comment | T::NonLogicalNewline => {}
            k if depth == 0 && !(k == T::Name || k == T::Dot || k.as_binary_operator().is_some() || matches!(k, T::Plus | T::Minus) || k.is_soft_keyword() || matches!(k, T::Int | T::Float | T::Complex | T::String | T::FStringStart | T::FStringMiddle | T::FStringEnd | T::True | T::False | T::None | T::Ellipsis | T::Await | T::Tilde)) => {
                delim = Some(start - 1);
                break;
            }
            _ => {}
        }
        start -= 1;
    }
    let a: Vec<Token> = tokens[start..eq].iter().filter(|t| !matches!(t.kind(), T::Comment | T::NonLogicalNewline)).cloned().collect();
    if a.is_empty() {
        return None;
    }
    let delim_kind = delim.map(|d| tokens[d].kind());
    // The expression after `=`, up to a delimiter.
    let mut depth = 0i32;
    let mut end = eq + 1;
    let mut after = None;
    while end < tokens.len() {
        let t = &tokens[end];
        match t.kind() {
            T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
            T::Rpar | T::Rsqb | T::Rbrace if depth > 0 => depth -= 1,
            T::Comment | T::NonLogicalNewline => {}
            k if depth == 0 && matches!(k, T::Rpar | T::Rsqb | T::Rbrace | T::Comma | T::Colon | T::Newline | T::Equal | T::ColonEqual | T::EndOfFile | T::Semi) => {
                after = Some(k);
                break;
            }
            _ => {}
        }
        end += 1;
    }
    let b_first = tokens.get(eq + 1)?;
    if !starts_expression(b_first.kind()) || end == eq + 1 || matches!(after, Some(T::Equal | T::ColonEqual)) {
        return None;
    }
    if matches!(a[0].kind(), T::Star | T::DoubleStar) {
        return None;
    }
    let a_range = TextRange::new(a[0].start(), a[a.len() - 1].end());
    let ab_range = TextRange::new(a[0].start(), tokens[end - 1].end());
    let a_eq_range = TextRange::new(a[0].start(), tokens[eq].end());
    // In a call's arguments: invalid_kwarg.
    let in_call = matches!(delim_kind, Some(T::Lpar | T::Comma)) && {
        // Find the bracket enclosing the expression and what precedes it.
        let mut d = 0i32;
        let mut j = start;
        let mut call = false;
        while j > 0 {
            match tokens[j - 1].kind() {
                T::Rpar | T::Rsqb | T::Rbrace => d += 1,
                T::Lpar | T::Lsqb | T::Lbrace if d > 0 => d -= 1,
                T::Lpar => {
                    call = j >= 2 && matches!(tokens[j - 2].kind(), T::Name | T::Rpar | T::Rsqb | T::String | T::FStringEnd);
                    break;
                }
                T::Lsqb | T::Lbrace => break,
                _ => {}
            }
            j -= 1;
        }
        call
    };
    if in_call {
        if a.len() == 1 && matches!(a[0].kind(), T::True | T::False | T::None) {
            return Some((format!("cannot assign to {}", &source[a[0].range()]), a_eq_range));
        }
        if a.len() == 1 && a[0].kind() == T::Name {
            return None;
        }
        return Some(("expression cannot contain assignment, perhaps you meant \"==\"?".to_string(), a_eq_range));
    }
    // Only where a named expression may stand.
    let allowed = matches!(delim_kind, Some(T::Lpar | T::Lsqb | T::Lbrace | T::Comma | T::If | T::Elif | T::While | T::ColonEqual));
    if !allowed {
        return None;
    }
    if a.len() == 1 && a[0].kind() == T::Name {
        return Some(("invalid syntax. Maybe you meant '==' or ':=' instead of '='?".to_string(), ab_range));
    }
    if matches!(a[0].kind(), T::Lsqb | T::Lpar | T::True | T::False | T::None) && a.len() == 1
        || matches!(a[0].kind(), T::Lsqb | T::Lpar) && matches!(expr_name(source, &a), "list" | "tuple" | "generator expression" | "list comprehension")
    {
        return None;
    }
    let what = expr_name(source, &a);
    if matches!(what, "comparison" | "True" | "False" | "None") {
        return None;
    }
    Some((format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", what), a_range))
}

/// Whether the expression `toks` spell is a `bitwise_or` in CPython's
/// grammar (no comparison, boolean operator, `not`, conditional, lambda,
/// yield, starred or walrus at its top level).
fn is_bitwise_or(toks: &[Token]) -> bool {
    let Some(first) = toks.first() else { return false };
    if matches!(first.kind(), T::Lambda | T::Not | T::Yield | T::Star | T::Await) && first.kind() != T::Await {
        return false;
    }
    let mut depth = 0i32;
    for (i, t) in toks.iter().enumerate() {
        match t.kind() {
            T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
            T::Rpar | T::Rsqb | T::Rbrace => depth -= 1,
            k if depth == 0 && i > 0 => {
                if matches!(k, T::EqEqual | T::NotEqual | T::Less | T::Greater | T::LessEqual | T::GreaterEqual | T::In | T::Is | T::Not | T::And | T::Or | T::If | T::ColonEqual | T::Comma) {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// CPython's message for an invalid assignment or deletion target
/// (`_PyPegen_get_invalid_target` / invalid_named_expression).
fn assignment_target_message(source: &str, tokens: &[Token], range: TextRange, verb: &str) -> String {
    // A parenthesized target is the parenthesized expression.
    let mut range = range;
    loop {
        let i = tokens.partition_point(|t| t.start() < range.start());
        let j = tokens.partition_point(|t| t.start() < range.end());
        match (i.checked_sub(1).map(|k| tokens[k].kind()), tokens.get(j).map(|t| t.kind())) {
            (Some(T::Lpar), Some(T::Rpar)) if matching_close(tokens, i - 1) == Some(j) => range = TextRange::new(tokens[i - 1].start(), tokens[j].end()),
            _ => break,
        }
    }
    let toks: Vec<Token> = tokens.iter().filter(|t| t.start() >= range.start() && t.end() <= range.end() && !matches!(t.kind(), T::Comment | T::NonLogicalNewline)).cloned().collect();
    let text = source[range].trim();
    if toks.len() == 1 && matches!(toks[0].kind(), T::True | T::False | T::None) {
        return format!("cannot {} {}", verb, text);
    }
    if toks.len() == 1 && text == "__debug__" {
        return format!("cannot {} __debug__", verb);
    }
    if verb == "delete" {
        if toks.first().is_some_and(|t| t.kind() == T::Star) {
            return "cannot delete starred".to_string();
        }
        return format!("cannot delete {}", expr_name(source, &toks));
    }
    if toks.first().is_some_and(|t| t.kind() == T::Yield) {
        return "assignment to yield expression not possible".to_string();
    }
    let what = expr_name(source, &toks);
    // A statement `target = value` (one `=`) where the target is a simple
    // expression reads as a mistyped comparison.
    let first_idx = tokens.partition_point(|t| t.start() < range.start());
    let before = tokens[..first_idx].iter().rev().find(|t| !matches!(t.kind(), T::Comment | T::NonLogicalNewline));
    let starts_statement = before.is_none_or(|t| matches!(t.kind(), T::Newline | T::Indent | T::Dedent | T::Semi) || (t.kind() == T::Colon && bracket_depth(tokens, first_idx) == 0));
    let after_idx = tokens.partition_point(|t| t.start() < range.end());
    let followed_by_eq = tokens.get(after_idx).is_some_and(|t| t.kind() == T::Equal);
    let more_eq = {
        let mut depth = 0i32;
        let mut found = false;
        for t in tokens.iter().skip(after_idx + 1) {
            match t.kind() {
                T::Lpar | T::Lsqb | T::Lbrace => depth += 1,
                T::Rpar | T::Rsqb | T::Rbrace => depth -= 1,
                T::Equal | T::ColonEqual if depth == 0 => {
                    found = true;
                    break;
                }
                T::Newline | T::Semi | T::EndOfFile if depth <= 0 => break,
                _ => {}
            }
        }
        found
    };
    let excluded = matches!(what, "list" | "tuple" | "generator expression" | "True" | "False" | "None");
    if starts_statement && followed_by_eq && !more_eq && !excluded && is_bitwise_or(&toks) {
        format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", what)
    } else {
        format!("cannot assign to {}", what)
    }
}

#[cfg(test)]
mod tests {
    /// `TOKCHECK_FILES=list cargo test -p refscope-compiler corpus`: no
    /// file named in `list` (sources CPython 3.11 compiles) may get a
    /// tokenizer or string literal error.
    #[test]
    fn corpus_string_literals() {
        let Ok(list) = std::env::var("TOKCHECK_FILES") else { return };
        let files = std::fs::read_to_string(list).unwrap();
        let mut bad = Vec::new();
        for f in files.lines() {
            let Ok(src) = std::fs::read_to_string(f) else { continue };
            let options = super::ParseOptions::from(ruff_python_parser::Mode::Module).with_target_version(super::PythonVersion::PY311);
            let parsed = ruff_python_parser::parse_unchecked(&src, options);
            let (_, strings) = super::tokcheck::scan(&src);
            if let Some(e) = super::string_literal_error(&src, f, &strings, parsed.errors()) {
                bad.push(format!("{}:{}: {}", f, e.err.line, e.err.message));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}

#[cfg(test)]
mod interactive_tests {
    use super::{interactive_input_state as state, InputState::*};

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(state("x = 257\n"), Complete);
        assert_eq!(state("print(1); print(2)\n"), Complete);
        assert_eq!(state("x = [1,\n2]\n"), Complete);
        // A syntax error nothing can repair is reported at once.
        assert_eq!(state("x = 1 +\n"), Complete);
        assert_eq!(state("\n"), Complete);
    }

    #[test]
    fn open_brackets_and_strings_wait() {
        assert_eq!(state("(1,\n"), Incomplete);
        assert_eq!(state("(1,\n\n"), Incomplete);
        assert_eq!(state("x = \"\"\"abc\n"), Incomplete);
        assert_eq!(state("x = 1 + \\\n"), Incomplete);
    }

    #[test]
    fn blocks_wait_for_a_blank_line() {
        assert_eq!(state("def f():\n"), Incomplete);
        assert_eq!(state("def f():\n    return 1\n"), Incomplete);
        assert_eq!(state("def f():\n    return 1\n\n"), Complete);
        assert_eq!(state("if x: pass\n"), Incomplete);
        assert_eq!(state("@dec\n"), Incomplete);
        assert_eq!(state("try:\n    pass\n"), Incomplete);
        assert_eq!(state("if x:\n    pass\nelse:\n"), Incomplete);
        // The blank line ends the block; its error is then reported.
        assert_eq!(state("def f():\n\n"), Complete);
        assert_eq!(state("try:\n    pass\n\n"), Complete);
    }
}

/// Where a traceback's caret line changes from `~` to `^` and back, for
/// the source segment of the failing instruction (PEP 657, as CPython 3.11
/// chooses them): for a binary operation, the operator (one character, two
/// when the next one is not a space); for a subscript, from the end of the
/// value to the end of the brackets. Byte offsets into `segment`; `None`
/// when the segment is not one such expression.
pub fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use ruff_python_ast::{Expr, Stmt};
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let body = &parsed.syntax().body;
    let [Stmt::Expr(e)] = body.as_slice() else { return None };
    match &*e.value {
        Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_usize();
            let right_start = b.right.range().start().to_usize();
            let op = segment.get(left_end..right_start)?;
            let offset = op.len() - op.trim_start().len();
            let left = left_end + offset;
            let mut right = left + 1;
            if let Some(c) = op[offset..].chars().nth(1) {
                if !c.is_whitespace() {
                    right += 1;
                }
            }
            Some((left, right))
        }
        Expr::Subscript(s) => Some((s.value.range().end().to_usize(), s.slice.range().end().to_usize() + 1)),
        _ => None,
    }
}
