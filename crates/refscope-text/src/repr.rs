//! `repr()` / `ascii()` of str, bytes and bytearray, exactly as CPython 3.11
//! writes them.

use crate::unicode::is_printable;
use std::fmt::Write;

fn push_hex_escape(out: &mut String, cp: u32) {
    // Lowercase hex digits, as CPython writes them.
    let _ = if cp <= 0xFF {
        write!(out, "\\x{cp:02x}")
    } else if cp <= 0xFFFF {
        write!(out, "\\u{cp:04x}")
    } else {
        write!(out, "\\U{cp:08x}")
    };
}

fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn str_repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = quote_for(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if c.is_ascii() => push_hex_escape(&mut out, c as u32),
            c if !ascii_only && is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` for a str: single quotes unless `s` contains `'` and no `"`;
/// `\\`, `\t`, `\n`, `\r` and the quote are backslash-escaped; other
/// non-printable code points (see [`crate::unicode::is_printable`]) become
/// `\xNN` (< 0x100), `\uNNNN` (< 0x10000) or `\UNNNNNNNN`; printable non-ASCII
/// code points are kept.
pub fn str_repr(s: &str) -> String {
    str_repr_impl(s, false)
}

/// `ascii(s)` for a str: like [`str_repr`] but every non-ASCII code point is
/// escaped.
pub fn ascii_repr(s: &str) -> String {
    str_repr_impl(s, true)
}

/// `repr()` of bytes-like data.
///
/// `type_name` empty gives `b'...'` (bytes and its subclasses); otherwise
/// the result is wrapped as `type_name(b'...')`, e.g. `"bytearray"` gives
/// `bytearray(b'...')` (bytearray subclasses show their own class name).
/// Quote choice as for str; `\\`, `\t`, `\n`, `\r` and the quote are
/// escaped, other bytes outside `0x20..0x7f` become `\xNN`.  The wrapped
/// (bytearray) form also escapes `'` inside double quotes, as CPython does:
/// `bytearray(b"it\'s")`.
pub fn bytes_repr(data: &[u8], type_name: &str) -> String {
    let quote = quote_for(data.contains(&b'\''), data.contains(&b'"')) as u8;
    // bytearray's repr escapes `'` even inside double quotes.
    let escape_single = !type_name.is_empty();
    let mut out = String::with_capacity(data.len() + 3 + type_name.len() + 2);
    if !type_name.is_empty() {
        out.push_str(type_name);
        out.push('(');
    }
    out.push('b');
    out.push(quote as char);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote || (b == b'\'' && escape_single) => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7E => out.push(b as char),
            b => push_hex_escape(&mut out, b as u32),
        }
    }
    out.push(quote as char);
    if !type_name.is_empty() {
        out.push(')');
    }
    out
}
