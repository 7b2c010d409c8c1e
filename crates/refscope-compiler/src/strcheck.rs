//! The errors CPython 3.11 finds when it turns string literal tokens into
//! values: bad escape sequences, non-ASCII bytes literals, and the f-string
//! mini-language of 3.11 (before PEP 701: the expression parts are found by
//! scanning the literal's text, then compiled separately).
//!
//! These errors are raised while the parser builds the string's value, so
//! they come in source order with the parser's own errors (see
//! `compile_module`).

use crate::tokcheck::StrTok;

/// The first error in one string literal token. `expr_error` compiles the
/// text of an f-string replacement field (wrapped in parentheses, as
/// CPython does) and returns the message of its syntax error, if any.
/// `unknown_name(start, end)` tells whether the `\N{...}` escape spanning
/// those source offsets names no character.
pub fn literal_error(source: &str, tok: &StrTok, expr_error: &dyn Fn(&str) -> Option<String>, unknown_name: &dyn Fn(usize, usize) -> bool) -> Option<String> {
    let body = &source[tok.body.0..tok.body.1];
    if tok.bytes {
        if let Some(c) = body.chars().find(|c| !c.is_ascii()) {
            let _ = c;
            return Some("bytes can only contain ASCII literal characters".to_string());
        }
        if !tok.raw {
            return bytes_escape_error(body);
        }
        return None;
    }
    if tok.fstring {
        let mut f = FString { src: source, body_start: tok.body.0, s: body.as_bytes(), i: 0, raw: tok.raw, expr_error, unknown_name };
        return f.parse(0).err();
    }
    if tok.raw {
        return None;
    }
    str_escape_error(body, tok.body.0, unknown_name)
}

/// `(value error) invalid \x escape at position N` for bytes.
fn bytes_escape_error(body: &str) -> Option<String> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            if b[i + 1] == b'x' {
                let hex = b[i + 2..].iter().take(2).take_while(|c| c.is_ascii_hexdigit()).count();
                if hex < 2 {
                    return Some(format!("(value error) invalid \\x escape at position {}", i));
                }
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    None
}

/// The escape errors of a str literal's text (or of a literal part of an
/// f-string). Positions count bytes of the text as CPython hands it to the
/// `unicode_escape` codec: each non-ASCII character as the 10 bytes of a
/// `\UXXXXXXXX` escape, a CRLF as one byte.
fn str_escape_error(text: &str, text_offset: usize, unknown_name: &dyn Fn(usize, usize) -> bool) -> Option<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // Position of each character in the codec's input.
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut p = 0usize;
    for (k, &(_, c)) in chars.iter().enumerate() {
        pos.push(p);
        if c == '\r' && chars.get(k + 1).is_some_and(|x| x.1 == '\n') {
            continue;
        }
        p += if c.is_ascii() { 1 } else { 10 };
    }
    pos.push(p);
    let total = p;
    let err = |start: usize, end: usize, what: &str| Some(format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}", start, end - 1, what));
    let mut k = 0;
    while k < chars.len() {
        if chars[k].1 != '\\' || k + 1 >= chars.len() {
            k += 1;
            continue;
        }
        let s = pos[k];
        let e = chars[k + 1].1;
        let hex_escape = |n: usize| chars[k + 2..].iter().take(n).take_while(|c| c.1.is_ascii_hexdigit()).count();
        match e {
            'x' | 'u' | 'U' => {
                let (n, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let got = hex_escape(n);
                if got < n {
                    return err(s, s + 2 + got, what);
                }
                if e == 'U' {
                    let digits: String = chars[k + 2..k + 10].iter().map(|c| c.1).collect();
                    if u32::from_str_radix(&digits, 16).map_or(true, |v| v > 0x10ffff) {
                        return err(s, s + 10, "illegal Unicode character");
                    }
                }
                k += 2 + n;
            }
            'N' => {
                if chars.get(k + 2).is_none_or(|c| c.1 != '{') {
                    return err(s, (s + 2).min(total).max(s + 2), "malformed \\N character escape");
                }
                let close = chars[k + 3..].iter().position(|c| c.1 == '}').map(|j| k + 3 + j);
                let Some(close) = close.filter(|&c| c > k + 3) else {
                    let end = close.map_or(total, |c| pos[c] + 1);
                    return err(s, end.max(s + 3), "malformed \\N character escape");
                };
                let from = text_offset + chars[k].0;
                let to = text_offset + chars[close].0 + 1;
                if unknown_name(from, to) {
                    return err(s, pos[close] + 1, "unknown Unicode character name");
                }
                k = close + 1;
            }
            _ => k += 2,
        }
    }
    None
}

const MAX_LEVEL: usize = 200;

struct FString<'a> {
    src: &'a str,
    body_start: usize,
    s: &'a [u8],
    i: usize,
    raw: bool,
    expr_error: &'a dyn Fn(&str) -> Option<String>,
    unknown_name: &'a dyn Fn(usize, usize) -> bool,
}

type FResult = Result<(), String>;

fn expecting_brace() -> String {
    "f-string: expecting '}'".to_string()
}

impl FString<'_> {
    fn at(&self, k: usize) -> Option<u8> {
        self.s.get(k).copied()
    }

    /// Literal text and replacement fields up to the end of the body (level
    /// 0) or to the `}` that ends a format spec (deeper levels).
    fn parse(&mut self, level: usize) -> FResult {
        loop {
            let doubled = self.literal(level)?;
            if doubled {
                continue;
            }
            match self.at(self.i) {
                None | Some(b'}') => break,
                _ => self.field(level)?,
            }
        }
        if level > 0 && self.at(self.i) != Some(b'}') {
            return Err(expecting_brace());
        }
        Ok(())
    }

    /// A run of literal text; true when it ended at a doubled brace (which
    /// is part of it).
    fn literal(&mut self, level: usize) -> Result<bool, String> {
        let start = self.i;
        let mut doubled = false;
        while self.i < self.s.len() {
            let mut ch = self.s[self.i];
            self.i += 1;
            if !self.raw && ch == b'\\' && self.i < self.s.len() {
                ch = self.s[self.i];
                self.i += 1;
                if ch == b'N' {
                    // `\N{name}`: its braces are not a replacement field.
                    if self.at(self.i) == Some(b'{') {
                        self.i += 1;
                        while self.i < self.s.len() {
                            let c = self.s[self.i];
                            self.i += 1;
                            if c == b'}' {
                                break;
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if level == 0 {
                    if self.at(self.i) == Some(ch) {
                        doubled = true;
                        break;
                    }
                    if ch == b'}' {
                        return Err("f-string: single '}' is not allowed".to_string());
                    }
                }
                self.i -= 1;
                break;
            }
        }
        let end = self.i;
        if !self.raw && end > start {
            let text = std::str::from_utf8(&self.s[start..end]).unwrap_or("");
            if let Some(e) = str_escape_error(text, self.body_start + start, self.unknown_name) {
                return Err(e);
            }
        }
        if doubled {
            self.i += 1;
        }
        Ok(doubled)
    }

    /// A replacement field, from its `{`.
    fn field(&mut self, level: usize) -> FResult {
        if level >= 2 {
            return Err("f-string: expressions nested too deeply".to_string());
        }
        self.i += 1;
        let expr_start = self.i;
        let mut stack: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        while self.i < self.s.len() {
            let ch = self.s[self.i];
            if ch == b'\\' {
                return Err("f-string expression part cannot include a backslash".to_string());
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if !triple {
                        quote = None;
                    } else if self.at(self.i + 1) == Some(q) && self.at(self.i + 2) == Some(q) {
                        self.i += 2;
                        quote = None;
                    }
                }
                self.i += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    let triple = self.at(self.i + 1) == Some(ch) && self.at(self.i + 2) == Some(ch);
                    quote = Some((ch, triple));
                    self.i += if triple { 3 } else { 1 };
                    continue;
                }
                b'[' | b'(' | b'{' => {
                    if stack.len() >= MAX_LEVEL {
                        return Err("f-string: too many nested parenthesis".to_string());
                    }
                    stack.push(ch);
                    self.i += 1;
                    continue;
                }
                b'#' => return Err("f-string expression part cannot include '#'".to_string()),
                _ => {}
            }
            if stack.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
                let next = self.at(self.i + 1);
                if next == Some(b'=') && matches!(ch, b'!' | b'=' | b'<' | b'>') {
                    self.i += 2;
                    continue;
                }
                if ch == b'>' || ch == b'<' {
                    self.i += 1;
                    continue;
                }
                break;
            }
            if matches!(ch, b']' | b'}' | b')') {
                let Some(open) = stack.pop() else {
                    return Err(format!("f-string: unmatched '{}'", ch as char));
                };
                let matches = matches!((open, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    return Err(format!("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", ch as char, open as char));
                }
            }
            self.i += 1;
        }
        if quote.is_some() {
            return Err("f-string: unterminated string".to_string());
        }
        if let Some(open) = stack.last() {
            return Err(format!("f-string: unmatched '{}'", *open as char));
        }
        let Some(stop) = self.at(self.i) else {
            return Err(expecting_brace());
        };
        let expr = std::str::from_utf8(&self.s[expr_start..self.i]).unwrap_or("");
        if expr.bytes().all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)) {
            return Err(if matches!(stop, b'!' | b':' | b'=') {
                format!("f-string: expression required before '{}'", stop as char)
            } else {
                "f-string: empty expression not allowed".to_string()
            });
        }
        if let Some(msg) = (self.expr_error)(expr) {
            return Err(format!("f-string: {}", msg));
        }
        let _ = self.src;
        if self.at(self.i) == Some(b'=') {
            self.i += 1;
            while self.at(self.i).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0c | 0x0b)) {
                self.i += 1;
            }
        }
        if self.at(self.i) == Some(b'!') {
            self.i += 1;
            let Some(conv) = self.at(self.i) else {
                return Err(expecting_brace());
            };
            self.i += 1;
            if !matches!(conv, b's' | b'r' | b'a') {
                return Err("f-string: invalid conversion character: expected 's', 'r', or 'a'".to_string());
            }
        }
        if self.i >= self.s.len() {
            return Err(expecting_brace());
        }
        if self.at(self.i) == Some(b':') {
            self.i += 1;
            if self.i >= self.s.len() {
                return Err(expecting_brace());
            }
            self.parse(level + 1)?;
        }
        if self.at(self.i) != Some(b'}') {
            return Err(expecting_brace());
        }
        self.i += 1;
        Ok(())
    }
}
