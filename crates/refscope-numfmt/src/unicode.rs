//! The two Unicode facts CPython's number parsers use: `str.isspace()` and
//! the decimal value of a digit of category Nd (`unicodedata.decimal`).
//!
//! `int(s)`, `float(s)` and the format-spec width/precision fields accept any
//! Nd digit (e.g. Arabic-Indic `'٣'`, fullwidth `'３'`) as its ASCII value,
//! and `int`/`float` treat every Unicode whitespace character as a space.

use crate::unicode_tables::{DECIMAL_ZEROS, WHITESPACE};

/// Python's `str.isspace()` for one character.
pub fn py_isspace(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return matches!(cp, 0x09..=0x0D | 0x1C..=0x20);
    }
    WHITESPACE.binary_search(&cp).is_ok()
}

/// The decimal digit value (0..=9) of a Unicode Nd character, as
/// `unicodedata.decimal(c)`; `None` for anything else.
pub fn py_decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some(cp - '0' as u32);
    }
    if cp < 0x80 {
        return None;
    }
    // Find the last run start <= cp.
    let idx = match DECIMAL_ZEROS.binary_search(&cp) {
        Ok(_) => return Some(0),
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let zero = DECIMAL_ZEROS[idx];
    let d = cp - zero;
    if d < 10 {
        Some(d)
    } else {
        None
    }
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII` followed by the
/// observation that any non-ASCII character left over makes the text invalid
/// for the number parsers: whitespace becomes `' '`, Nd digits become ASCII
/// digits. Returns `None` if some other non-ASCII character is present.
pub(crate) fn to_ascii_number_text(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if py_isspace(c) {
            out.push(b' ');
        } else if let Some(d) = py_decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            return None;
        }
    }
    Some(out)
}

/// C's `isspace` in the "C" locale, which CPython's `Py_ISSPACE` is.
pub(crate) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}
