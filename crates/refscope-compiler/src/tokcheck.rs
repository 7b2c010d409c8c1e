//! The errors CPython 3.11's tokenizer finds, independently of the parser.
//!
//! ruff's lexer recovers from (or does not detect) several errors that
//! CPython's tokenizer reports: inconsistent tabs, mismatched brackets,
//! malformed number literals, invalid characters. This module walks the
//! source the way CPython's tokenizer does and reports the first such error.
//!
//! CPython distinguishes two kinds of tokenizer errors, and the distinction
//! decides which error wins when the parser also fails:
//!
//! * errors raised as exceptions by the tokenizer itself (unterminated
//!   strings, bracket errors, bad literals, invalid characters): after a
//!   parser error CPython tokenizes the rest of the file and such an error,
//!   wherever it is, replaces the parser's error ([`Severity::Raised`]);
//! * errors the tokenizer only signals with a status code (indentation and
//!   tab errors, a bad line continuation, EOF after a backslash, EOF inside
//!   brackets): they are reported only when the parser gets that far
//!   ([`Severity::Stop`]); the later scan stops at them silently.
//!
//! Locations follow CPython's conventions for each error (see
//! [`TokError`]); they only matter for the `SyntaxError` attributes and the
//! printed caret line.

use refscope_text::unicode::{is_printable, is_xid_continue, is_xid_start};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Raised,
    Stop,
}

/// A tokenizer error with CPython's location.
#[derive(Debug, Clone)]
pub struct TokError {
    pub kind: &'static str,
    pub message: String,
    pub severity: Severity,
    /// Byte offset where the tokenizer stopped (for ordering against the
    /// parser's first error).
    pub pos: usize,
    pub line: u32,
    /// CPython's `offset` and `end_offset` (already 1-based as CPython
    /// reports them; 0 where CPython reports 0 or -1).
    pub offset: u32,
    pub end_offset: i32,
    /// The line text, with its newline when CPython keeps it.
    pub text: String,
    /// Innermost open bracket when the error happened: (char, byte offset, line).
    pub open_bracket: Option<(char, usize, u32)>,
}

/// How the walk over the source ended.
#[derive(Debug, Clone)]
pub enum ScanEnd {
    /// End of file reached with every bracket closed.
    Clean,
    /// End of file inside brackets: the innermost open bracket.
    Unclosed { ch: char, offset: usize, line: u32, last_token: usize },
    Error(TokError),
}

/// A string literal token: its byte range, the range of its body (between
/// the quotes), its prefix, and the group of adjacent literals it belongs to
/// (concatenated at compile time).
#[derive(Debug, Clone)]
pub struct StrTok {
    pub start: usize,
    pub end: usize,
    pub body: (usize, usize),
    pub bytes: bool,
    pub raw: bool,
    pub fstring: bool,
    pub group: usize,
}

const TABSIZE: usize = 8;
const MAX_INDENT: usize = 100;
const MAX_LEVEL: usize = 200;

struct Scanner<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
    /// Indentation stack: (columns with tabs to multiples of 8, columns
    /// with tabs counting 1).
    indents: Vec<(usize, usize)>,
    brackets: Vec<(char, usize, u32)>,
    last_token: usize,
    strings: Vec<StrTok>,
    /// The previous token was a string literal.
    prev_string: bool,
    groups: usize,
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    /// Characters between the start of the current line and `pos`.
    fn col_chars(&self, line_start: usize, pos: usize) -> u32 {
        self.src[line_start..pos.min(self.src.len())].chars().count() as u32
    }

    fn line_text(&self, line_start: usize, with_newline: bool) -> String {
        let rest = &self.src[line_start.min(self.src.len())..];
        let end = rest.find('\n').unwrap_or(rest.len());
        let mut t = rest[..end].trim_end_matches('\r').to_string();
        if with_newline {
            t.push('\n');
        }
        t
    }

    /// An error the tokenizer raises, located at `cur` as CPython does
    /// (offset = characters before `cur` on its line).
    fn raised(&self, message: String, cur: usize) -> ScanEnd {
        let col = self.col_chars(self.line_start, cur);
        self.raised_range(message, col, col)
    }

    fn raised_range(&self, message: String, offset: u32, end_offset: u32) -> ScanEnd {
        ScanEnd::Error(TokError {
            kind: "SyntaxError",
            message,
            severity: Severity::Raised,
            pos: self.i,
            line: self.line,
            offset,
            end_offset: end_offset as i32,
            text: self.line_text(self.line_start, false),
            open_bracket: self.brackets.last().copied(),
        })
    }

    fn stop_at(&self, pos: usize, kind: &'static str, message: &str, offset: u32, end_offset: i32) -> ScanEnd {
        ScanEnd::Error(TokError {
            kind,
            message: message.to_string(),
            severity: Severity::Stop,
            pos,
            line: self.line,
            offset,
            end_offset,
            text: self.line_text(self.line_start, true),
            open_bracket: self.brackets.last().copied(),
        })
    }

    fn newline(&mut self) {
        // self.i is just past a '\n'.
        self.line += 1;
        self.line_start = self.i;
    }

    /// Consume one line ending at `self.i` ("\n", "\r\n" or a lone "\r").
    /// Returns false if there is none.
    fn eat_newline(&mut self) -> bool {
        match self.peek() {
            Some(b'\n') => {
                self.i += 1;
            }
            Some(b'\r') => {
                self.i += 1;
                if self.peek() == Some(b'\n') {
                    self.i += 1;
                }
            }
            _ => return false,
        }
        self.newline();
        true
    }

    fn at_newline(&self) -> bool {
        matches!(self.peek(), Some(b'\n') | Some(b'\r'))
    }

    fn run(&mut self) -> ScanEnd {
        let mut at_bol = true;
        loop {
            if at_bol {
                at_bol = false;
                if let Some(e) = self.indentation() {
                    return e;
                }
            }
            // Skip blanks.
            while matches!(self.peek(), Some(b' ') | Some(b'\t') | Some(0x0c)) {
                self.i += 1;
            }
            let Some(c) = self.peek() else {
                return match self.brackets.last() {
                    Some(&(ch, offset, line)) => ScanEnd::Unclosed { ch, offset, line, last_token: self.last_token },
                    None => ScanEnd::Clean,
                };
            };
            if c == b'#' {
                while self.peek().is_some() && !self.at_newline() {
                    self.i += 1;
                }
                continue;
            }
            if c == b'\n' || c == b'\r' {
                self.eat_newline();
                at_bol = true;
                continue;
            }
            let start = self.i;
            if c == b'\\' {
                self.i += 1;
                if self.peek().is_none() {
                    // A final line without newline gets one: EOF after the
                    // backslash.
                    let col = self.col_chars(self.line_start, start) + 2;
                    return self.stop_at(start, "SyntaxError", "unexpected EOF while parsing", col, -1);
                }
                if !self.eat_newline() {
                    // CPython: offset is one past the column of the backslash.
                    let col = self.col_chars(self.line_start, self.i) + 1;
                    return self.stop_at(start, "SyntaxError", "unexpected character after line continuation character", col, 0);
                }
                if self.peek().is_none() {
                    return self.eof_after_backslash(start);
                }
                continue;
            }
            self.last_token = start;
            let prev_string = std::mem::replace(&mut self.prev_string, false);
            if !prev_string {
                self.groups += 1;
            }
            if c == b'\'' || c == b'"' {
                if let Some(e) = self.string(start) {
                    return e;
                }
                continue;
            }
            if c.is_ascii_digit() || (c == b'.' && self.peek_at(1).is_some_and(|d| d.is_ascii_digit())) {
                if let Some(e) = self.number(start) {
                    return e;
                }
                continue;
            }
            if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
                if let Some(e) = self.name_or_string(start) {
                    return e;
                }
                continue;
            }
            match c {
                b'(' | b'[' | b'{' => {
                    self.i += 1;
                    if self.brackets.len() >= MAX_LEVEL {
                        return self.raised("too many nested parentheses".into(), self.i);
                    }
                    self.brackets.push((c as char, start, self.line));
                }
                b')' | b']' | b'}' => {
                    self.i += 1;
                    let Some((open, _, open_line)) = self.brackets.pop() else {
                        return self.raised(format!("unmatched '{}'", c as char), self.i);
                    };
                    let want = match open {
                        '(' => b')',
                        '[' => b']',
                        _ => b'}',
                    };
                    if c != want {
                        let msg = if open_line != self.line {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c as char, open, open_line)
                        } else {
                            format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, open)
                        };
                        return self.raised(msg, self.i);
                    }
                }
                _ if c < 0x20 || c == 0x7f => {
                    self.i += 1;
                    return self.raised(format!("invalid non-printable character U+{:04X}", c), self.i);
                }
                _ => {
                    self.i += 1;
                }
            }
        }
    }

    /// End of file after a backslash continuation (the backslash is at
    /// `start`, its line break consumed): reported on the backslash's line.
    fn eof_after_backslash(&self, start: usize) -> ScanEnd {
        let prev_start = self.src[..start].rfind('\n').map(|p| p + 1).unwrap_or(0);
        let mut e = self.stop_at(start, "SyntaxError", "unexpected EOF while parsing", 0, -1);
        if let ScanEnd::Error(t) = &mut e {
            t.line -= 1;
            t.offset = self.col_chars(prev_start, start) + 2;
            t.text = self.line_text(prev_start, true);
        }
        e
    }

    /// Indentation at the start of a logical line (CPython's rules: a tab
    /// advances to the next multiple of 8 columns; the same indentation
    /// measured with tabs as 1 column must order the same way).
    fn indentation(&mut self) -> Option<ScanEnd> {
        let (mut col, mut alt) = (0usize, 0usize);
        // A backslash continuation inside the indentation: the first one
        // preceded by blanks fixes the indentation.
        let mut cont: Option<(usize, usize)> = None;
        loop {
            match self.peek() {
                Some(b' ') => {
                    col += 1;
                    alt += 1;
                }
                Some(b'\t') => {
                    col = (col / TABSIZE + 1) * TABSIZE;
                    alt += 1;
                }
                Some(0x0c) => {
                    col = 0;
                    alt = 0;
                }
                Some(b'\\') => {
                    let start = self.i;
                    if cont.is_none() && col != 0 {
                        cont = Some((col, alt));
                    }
                    self.i += 1;
                    if self.peek().is_none() {
                        let c = self.col_chars(self.line_start, start) + 2;
                        return Some(self.stop_at(start, "SyntaxError", "unexpected EOF while parsing", c, -1));
                    }
                    if !self.eat_newline() {
                        let c = self.col_chars(self.line_start, self.i) + 1;
                        return Some(self.stop_at(start, "SyntaxError", "unexpected character after line continuation character", c, 0));
                    }
                    if self.peek().is_none() {
                        return Some(self.eof_after_backslash(start));
                    }
                    continue;
                }
                _ => break,
            }
            self.i += 1;
        }
        if let Some((c, a)) = cont {
            col = c;
            alt = a;
        }
        // Blank lines, comment-only lines and lines inside brackets do not
        // count; at the end of the file the indentation is 0.
        let c = self.peek();
        if matches!(c, Some(b'#') | Some(b'\n') | Some(b'\r')) || !self.brackets.is_empty() {
            return None;
        }
        if c.is_none() {
            col = 0;
            alt = 0;
        }
        let ls = self.line_start;
        let tab_error = |s: &Self| Some(s.stop_at(ls, "TabError", "inconsistent use of tabs and spaces in indentation", 1, 0));
        let &(top, top_alt) = self.indents.last().unwrap();
        if col == top {
            if alt != top_alt {
                return tab_error(self);
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Some(self.stop_at(ls, "IndentationError", "too many levels of indentation", 1, 0));
            }
            if alt <= top_alt {
                return tab_error(self);
            }
            self.indents.push((col, alt));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().unwrap().0 {
                self.indents.pop();
            }
            let &(top, top_alt) = self.indents.last().unwrap();
            if col != top {
                // CPython points just past the end of the line.
                let end = self.line_text(self.line_start, false).chars().count() as u32 + 1;
                return Some(self.stop_at(ls, "IndentationError", "unindent does not match any outer indentation level", end, -1));
            }
            if alt != top_alt {
                return tab_error(self);
            }
        }
        None
    }

    /// A name, or a string with a prefix (`rb'...'`, `f"..."`).
    fn name_or_string(&mut self, start: usize) -> Option<ScanEnd> {
        let (mut saw_b, mut saw_r, mut saw_u, mut saw_f) = (false, false, false, false);
        loop {
            let Some(c) = self.peek() else { break };
            match c.to_ascii_lowercase() {
                b'b' if !(saw_b || saw_u || saw_f) => saw_b = true,
                b'r' if !saw_r => saw_r = true,
                b'u' if !(saw_b || saw_u || saw_r || saw_f) => saw_u = true,
                b'f' if !(saw_f || saw_b || saw_u) => saw_f = true,
                _ => break,
            }
            self.i += 1;
            if matches!(self.peek(), Some(b'\'') | Some(b'"')) {
                return self.string(start);
            }
        }
        let mut non_ascii = false;
        while let Some(c) = self.peek() {
            if !is_ident_char(c) {
                break;
            }
            non_ascii |= c >= 0x80;
            self.i += 1;
        }
        if !non_ascii {
            return None;
        }
        // Check the identifier as CPython does, on the raw characters.
        let ident = &self.src[start..self.i];
        for (k, (off, ch)) in ident.char_indices().enumerate() {
            let ok = if k == 0 { ch == '_' || is_xid_start(ch) } else { is_xid_continue(ch) };
            if !ok {
                let after = start + off + ch.len_utf8();
                let msg = if is_printable(ch) {
                    format!("invalid character '{}' (U+{:04X})", ch, ch as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", ch as u32)
                };
                self.i = after;
                return Some(self.raised(msg, after));
            }
        }
        None
    }

    /// A string literal whose opening quote is at `self.i` (`start` is the
    /// start of its prefix).
    fn string(&mut self, start: usize) -> Option<ScanEnd> {
        let q = self.peek().unwrap();
        let first_line = self.line;
        let first_line_start = self.line_start;
        let triple = self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q);
        let prefix = self.src[start..self.i].to_ascii_lowercase();
        self.i += if triple { 3 } else { 1 };
        let body_start = self.i;
        let quotes = if triple { 3 } else { 1 };
        let mut tok = StrTok {
            start,
            end: 0,
            body: (body_start, 0),
            bytes: prefix.contains('b'),
            raw: prefix.contains('r'),
            fstring: prefix.contains('f'),
            group: self.groups,
        };
        let r = self.string_body(q, triple, start, first_line, first_line_start);
        if r.is_none() {
            tok.end = self.i;
            tok.body.1 = self.i - quotes;
            self.strings.push(tok);
            self.prev_string = true;
        }
        r
    }

    fn string_body(&mut self, q: u8, triple: bool, start: usize, first_line: u32, first_line_start: usize) -> Option<ScanEnd> {
        loop {
            let Some(c) = self.peek() else {
                return Some(self.unterminated(start, first_line, first_line_start, triple));
            };
            if c == b'\n' || c == b'\r' {
                if !triple {
                    return Some(self.unterminated(start, first_line, first_line_start, triple));
                }
                self.eat_newline();
                continue;
            }
            if c == q {
                if !triple {
                    self.i += 1;
                    return None;
                }
                if self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q) {
                    self.i += 3;
                    return None;
                }
                self.i += 1;
                continue;
            }
            self.i += 1;
            if c == b'\\' {
                // The escaped character, possibly a line break.
                if !self.eat_newline() {
                    if let Some(n) = self.src[self.i..].chars().next() {
                        self.i += n.len_utf8();
                    }
                }
            } else if c >= 0x80 {
                // Skip the rest of a multi-byte character.
                while self.peek().is_some_and(|b| (0x80..0xc0).contains(&b)) {
                    self.i += 1;
                }
            }
        }
    }

    fn unterminated(&self, start: usize, first_line: u32, first_line_start: usize, triple: bool) -> ScanEnd {
        // "detected at" the line where the tokenizer is: at the end of the
        // file, the last line (a missing final newline counts as present).
        let detected = if self.peek().is_none() && self.i > 0 && self.b[self.i - 1] == b'\n' { self.line - 1 } else { self.line };
        let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
        let col = self.col_chars(first_line_start, start) + 1;
        ScanEnd::Error(TokError {
            kind: "SyntaxError",
            message: format!("{} (detected at line {})", what, detected.max(first_line)),
            severity: Severity::Raised,
            pos: start,
            line: first_line,
            offset: col,
            end_offset: col as i32,
            text: self.line_text(first_line_start, false),
            open_bracket: self.brackets.last().copied(),
        })
    }

    fn digits_tail(&mut self, digit: fn(u8) -> bool) -> Result<(), ScanEnd> {
        // Digits with single underscores between them; the first digit has
        // been consumed.
        loop {
            while self.peek().is_some_and(digit) {
                self.i += 1;
            }
            if self.peek() != Some(b'_') {
                return Ok(());
            }
            self.i += 1;
            if !self.peek().is_some_and(digit) {
                return Err(self.raised("invalid decimal literal".into(), self.i));
            }
        }
    }

    /// After a literal: a letter or digit directly after it is an error,
    /// except for the keywords that may follow a number in valid code.
    fn end_of_number(&mut self, kind: &str) -> Result<(), ScanEnd> {
        let rest = &self.b[self.i..];
        let starts = |w: &[u8]| rest.starts_with(w);
        if starts(b"and") || starts(b"else") || starts(b"for") || starts(b"if") || starts(b"in") || starts(b"is") || starts(b"or") || starts(b"not") {
            return Ok(());
        }
        if self.peek().is_some_and(is_ident_char) {
            return Err(self.raised(format!("invalid {} literal", kind), self.i));
        }
        Ok(())
    }

    fn number(&mut self, start: usize) -> Option<ScanEnd> {
        self.number_inner(start).err()
    }

    fn number_inner(&mut self, start: usize) -> Result<(), ScanEnd> {
        let is_dec = |c: u8| c.is_ascii_digit();
        let c = self.peek().unwrap();
        if c == b'.' {
            self.i += 1;
            return self.fraction();
        }
        self.i += 1;
        if c == b'0' {
            match self.peek().map(|c| c.to_ascii_lowercase()) {
                Some(b'x') => return self.radix(|c| c.is_ascii_hexdigit(), "hexadecimal", None),
                Some(b'o') => return self.radix(|c| (b'0'..=b'7').contains(&c), "octal", Some("octal")),
                Some(b'b') => return self.radix(|c| c == b'0' || c == b'1', "binary", Some("binary")),
                _ => {}
            }
            // Zeros (with underscores), possibly followed by other digits:
            // only valid as a float or imaginary number.
            loop {
                if self.peek() == Some(b'_') {
                    self.i += 1;
                    if !self.peek().is_some_and(is_dec) {
                        return Err(self.raised("invalid decimal literal".into(), self.i));
                    }
                }
                if self.peek() != Some(b'0') {
                    break;
                }
                self.i += 1;
            }
            // CPython's range ends one character past the zeros.
            let zeros_end = self.i + usize::from(self.peek().is_some());
            let nonzero = self.peek().is_some_and(is_dec);
            if nonzero {
                self.i += 1;
                self.digits_tail(is_dec)?;
            }
            match self.peek() {
                Some(b'.') => {
                    self.i += 1;
                    self.fraction()
                }
                Some(b'e') | Some(b'E') => self.exponent(),
                Some(b'j') | Some(b'J') => self.imaginary(),
                _ if nonzero => {
                    let line_start = self.line_start;
                    let s = self.col_chars(line_start, start) + 1;
                    let e = self.col_chars(line_start, zeros_end);
                    Err(self.raised_range(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                        s,
                        e,
                    ))
                }
                _ => self.end_of_number("decimal"),
            }
        } else {
            self.digits_tail(is_dec)?;
            match self.peek() {
                Some(b'.') => {
                    self.i += 1;
                    self.fraction()
                }
                Some(b'e') | Some(b'E') => self.exponent(),
                Some(b'j') | Some(b'J') => self.imaginary(),
                _ => self.end_of_number("decimal"),
            }
        }
    }

    /// After `0x`/`0o`/`0b` (at the letter).
    fn radix(&mut self, digit: fn(u8) -> bool, kind: &str, bad_digit: Option<&str>) -> Result<(), ScanEnd> {
        self.i += 1;
        loop {
            if self.peek() == Some(b'_') {
                self.i += 1;
            }
            match self.peek() {
                Some(c) if digit(c) => {}
                Some(c) if bad_digit.is_some() && c.is_ascii_digit() => {
                    self.i += 1;
                    return Err(self.raised(format!("invalid digit '{}' in {} literal", c as char, bad_digit.unwrap()), self.i));
                }
                _ => return Err(self.raised(format!("invalid {} literal", kind), self.i)),
            }
            while self.peek().is_some_and(digit) {
                self.i += 1;
            }
            if self.peek() != Some(b'_') {
                break;
            }
        }
        if let (Some(k), Some(c)) = (bad_digit, self.peek()) {
            if c.is_ascii_digit() {
                self.i += 1;
                return Err(self.raised(format!("invalid digit '{}' in {} literal", c as char, k), self.i));
            }
        }
        self.end_of_number(kind)
    }

    /// After the decimal point.
    fn fraction(&mut self) -> Result<(), ScanEnd> {
        if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
            self.digits_tail(|c| c.is_ascii_digit())?;
        }
        match self.peek() {
            Some(b'e') | Some(b'E') => self.exponent(),
            Some(b'j') | Some(b'J') => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    /// At the `e` of an exponent.
    fn exponent(&mut self) -> Result<(), ScanEnd> {
        let e_pos = self.i;
        self.i += 1;
        match self.peek() {
            Some(b'+') | Some(b'-') => {
                self.i += 1;
                if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    return Err(self.raised("invalid decimal literal".into(), self.i));
                }
            }
            Some(c) if c.is_ascii_digit() => {}
            _ => {
                // `1e` followed by something else: the number ends before
                // the `e`, which then must not be a name character.
                self.i = e_pos;
                return self.end_of_number("decimal");
            }
        }
        self.i += 1;
        self.digits_tail(|c| c.is_ascii_digit())?;
        match self.peek() {
            Some(b'j') | Some(b'J') => self.imaginary(),
            _ => self.end_of_number("decimal"),
        }
    }

    fn imaginary(&mut self) -> Result<(), ScanEnd> {
        self.i += 1;
        self.end_of_number("imaginary")
    }
}

/// Walk `source` as CPython's tokenizer does; report the first error, and
/// the string literals met before it.
pub fn scan(source: &str) -> (ScanEnd, Vec<StrTok>) {
    let mut s = Scanner {
        src: source,
        b: source.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
        indents: vec![(0, 0)],
        brackets: Vec::new(),
        last_token: 0,
        strings: Vec::new(),
        prev_string: false,
        groups: 0,
    };
    let end = s.run();
    let mut strings = s.strings;
    // A NUL character: the tokenizer refuses the line that holds it.
    if let Some(nul) = source.find('\0') {
        let line_start = source[..nul].rfind('\n').map_or(0, |p| p + 1);
        let earlier = matches!(&end, ScanEnd::Error(t) if t.pos < line_start);
        if !earlier {
            strings.retain(|t| t.end <= line_start);
            let line = source[..line_start].matches('\n').count() as u32 + 1;
            let err = TokError {
                kind: "SyntaxError",
                message: "source code cannot contain null bytes".to_string(),
                severity: Severity::Raised,
                pos: line_start,
                line,
                offset: 0,
                end_offset: -1,
                text: source[line_start..nul].to_string(),
                open_bracket: None,
            };
            return (ScanEnd::Error(err), strings);
        }
    }
    (end, strings)
}

#[cfg(test)]
mod tests {
    use super::{scan, ScanEnd, Severity};

    fn err(src: &str) -> (String, Severity, u32, u32) {
        match scan(src).0 {
            ScanEnd::Error(t) => (t.message, t.severity, t.line, t.offset),
            other => panic!("no error for {:?}: {:?}", src, other),
        }
    }

    #[test]
    fn clean_sources() {
        for src in [
            "x = 1\n",
            "if x:\n\tpass\n",
            "s = '''a\n'''\n",
            "x = (1,\n  2)\n",
            "x = 0o17 + 0x_f + 1_000.5e-3j\n",
            "1if x else 2\n",
            "x = 1 + \\\n 2\n",
            "\u{e9} = 1\n",
            "if 1:\n    y=1\n\\\n    z=2\n",
        ] {
            assert!(matches!(scan(src).0, ScanEnd::Clean), "{:?}", src);
        }
    }

    #[test]
    fn errors_as_cpython_reports_them() {
        let raised = Severity::Raised;
        let stop = Severity::Stop;
        assert_eq!(err("x = (]\n"), ("closing parenthesis ']' does not match opening parenthesis '('".into(), raised, 1, 6));
        assert_eq!(err("x = (\n1]\n"), ("closing parenthesis ']' does not match opening parenthesis '(' on line 1".into(), raised, 2, 2));
        assert_eq!(err("x = )\n"), ("unmatched ')'".into(), raised, 1, 5));
        assert_eq!(err("x = 'abc\n"), ("unterminated string literal (detected at line 1)".into(), raised, 1, 5));
        assert_eq!(err("\n\nx = \"\"\"a\n\n\n"), ("unterminated triple-quoted string literal (detected at line 5)".into(), raised, 3, 5));
        assert_eq!(err("if x:\n        pass\n\tpass\n"), ("inconsistent use of tabs and spaces in indentation".into(), stop, 3, 1));
        assert_eq!(err("if 1:\n  x\n y\n"), ("unindent does not match any outer indentation level".into(), stop, 3, 3));
        assert_eq!(err("x = 012\n").0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        assert_eq!(err("x = 0o8\n"), ("invalid digit '8' in octal literal".into(), raised, 1, 7));
        assert_eq!(err("x = 1abc\n"), ("invalid decimal literal".into(), raised, 1, 5));
        assert_eq!(err("x = 1.5j2\n"), ("invalid imaginary literal".into(), raised, 1, 8));
        assert_eq!(err("x = a\u{20ac}b\n"), ("invalid character '\u{20ac}' (U+20AC)".into(), raised, 1, 6));
        assert_eq!(err("x = \u{a0}\n"), ("invalid non-printable character U+00A0".into(), raised, 1, 5));
        assert_eq!(err("x = a\\ b\n"), ("unexpected character after line continuation character".into(), stop, 1, 7));
        assert_eq!(err("x = 1 +\\"), ("unexpected EOF while parsing".into(), stop, 1, 9));
        assert!(matches!(scan("f(x, [1, 2\n").0, ScanEnd::Unclosed { ch: '[', .. }));
    }

    /// `TOKCHECK_FILES=list cargo test -p refscope-compiler corpus`: every
    /// file named in `list` (e.g. CPython's standard library) must scan
    /// clean.
    #[test]
    fn corpus() {
        let Ok(list) = std::env::var("TOKCHECK_FILES") else { return };
        let files = std::fs::read_to_string(list).unwrap();
        let bad: Vec<String> = files
            .lines()
            .filter_map(|f| {
                let src = std::fs::read_to_string(f).ok()?;
                match scan(&src).0 {
                    ScanEnd::Clean => None,
                    other => Some(format!("{}: {:?}", f, other)),
                }
            })
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
