//! CPython 3.11 `bytes`/`bytearray` methods on `&[u8]`.
//!
//! Indices and lengths are in bytes.  `start`/`end`/`maxsplit`/`count`
//! arguments follow the same conventions as [`crate::pystr`].  Where bytes
//! differ from str: whitespace is ASCII only (`b' \t\n\r\x0b\x0c'`; note
//! `\x1c`-`\x1f`, `\x85` and `\xa0` are *not* whitespace for bytes), case
//! mapping and the `is*` predicates are ASCII only, and `splitlines` only
//! knows `\n`, `\r` and `\r\n`.

use crate::error::{size_mul_add, vec_with_capacity, TextError};
use crate::indices::{adjust, limit, pad_needed, too_short};
use memchr::memmem;

/// CPython's `Py_ISSPACE`: space, `\t`, `\n`, `\r`, `\x0b`, `\x0c`.
#[inline]
pub fn is_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

fn window(b: &[u8], st: i64, en: i64) -> &[u8] {
    &b[st as usize..en as usize]
}

// ------------------------------------------------------------ searching

/// `b.find(sub, start, end)` (`None` is Python's `-1`).  An int argument is
/// the one-byte `sub`.
pub fn find(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (st, en) = adjust(start, end, b.len());
    if too_short(st, en, sub.len()) {
        return None;
    }
    memmem::find(window(b, st, en), sub).map(|p| p + st as usize)
}

/// `b.rfind(sub, start, end)`.
pub fn rfind(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (st, en) = adjust(start, end, b.len());
    if too_short(st, en, sub.len()) {
        return None;
    }
    memmem::rfind(window(b, st, en), sub).map(|p| p + st as usize)
}

/// `b.count(sub, start, end)`.
pub fn count(b: &[u8], sub: &[u8], start: Option<i64>, end: Option<i64>) -> usize {
    let (st, en) = adjust(start, end, b.len());
    if too_short(st, en, sub.len()) {
        return 0;
    }
    if sub.is_empty() {
        return (en - st) as usize + 1;
    }
    memmem::find_iter(window(b, st, en), sub).count()
}

/// `b.startswith(prefix, start, end)` for one prefix.
pub fn startswith(b: &[u8], prefix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    let (st, en) = adjust(start, end, b.len());
    !too_short(st, en, prefix.len()) && window(b, st, en).starts_with(prefix)
}

/// `b.endswith(suffix, start, end)` for one suffix.
pub fn endswith(b: &[u8], suffix: &[u8], start: Option<i64>, end: Option<i64>) -> bool {
    let (st, en) = adjust(start, end, b.len());
    !too_short(st, en, suffix.len()) && window(b, st, en).ends_with(suffix)
}

/// `b.removeprefix(prefix)`.
pub fn removeprefix<'a>(b: &'a [u8], prefix: &[u8]) -> &'a [u8] {
    b.strip_prefix(prefix).unwrap_or(b)
}

/// `b.removesuffix(suffix)`.
pub fn removesuffix<'a>(b: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    b.strip_suffix(suffix).unwrap_or(b)
}

// ------------------------------------------------------------ splitting

/// `b.split(sep, maxsplit)`; `None` splits on runs of ASCII whitespace.
pub fn split<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> Result<Vec<&'a [u8]>, TextError> {
    let mut maxcount = limit(maxsplit);
    let mut out = Vec::new();
    let sep = match sep {
        Some(sep) => sep,
        None => {
            let mut rest = b;
            loop {
                let t = trim_start(rest, is_space_byte);
                if t.is_empty() {
                    return Ok(out);
                }
                if maxcount == 0 {
                    out.push(t);
                    return Ok(out);
                }
                let end = t.iter().position(|&c| is_space_byte(c)).unwrap_or(t.len());
                out.push(&t[..end]);
                rest = &t[end..];
                maxcount -= 1;
            }
        }
    };
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    let finder = memmem::Finder::new(sep);
    let mut pos = 0;
    while maxcount > 0 {
        match finder.find(&b[pos..]) {
            Some(i) => {
                out.push(&b[pos..pos + i]);
                pos += i + sep.len();
                maxcount -= 1;
            }
            None => break,
        }
    }
    out.push(&b[pos..]);
    Ok(out)
}

/// `b.rsplit(sep, maxsplit)`.
pub fn rsplit<'a>(
    b: &'a [u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
) -> Result<Vec<&'a [u8]>, TextError> {
    let mut maxcount = limit(maxsplit);
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = b;
            loop {
                let t = trim_end(rest, is_space_byte);
                if t.is_empty() {
                    break;
                }
                if maxcount == 0 {
                    out.push(t);
                    break;
                }
                let start = t
                    .iter()
                    .rposition(|&c| is_space_byte(c))
                    .map_or(0, |p| p + 1);
                out.push(&t[start..]);
                rest = &t[..start];
                maxcount -= 1;
            }
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(TextError::empty_separator());
            }
            let finder = memmem::FinderRev::new(sep);
            let mut end = b.len();
            while maxcount > 0 {
                match finder.rfind(&b[..end]) {
                    Some(i) => {
                        out.push(&b[i + sep.len()..end]);
                        end = i;
                        maxcount -= 1;
                    }
                    None => break,
                }
            }
            out.push(&b[..end]);
        }
    }
    out.reverse();
    Ok(out)
}

/// `b.splitlines(keepends)`: boundaries `\n`, `\r`, `\r\n` only.
pub fn splitlines(b: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' || c == b'\r' {
            let mut after = i + 1;
            if c == b'\r' && b.get(after) == Some(&b'\n') {
                after += 1;
            }
            out.push(&b[start..if keepends { after } else { i }]);
            start = after;
            i = after;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    out
}

/// The three parts returned by [`partition`] / [`rpartition`].
pub type Parts<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// `b.partition(sep)`: `(before, sep, after)`, or `(b, b"", b"")`.
pub fn partition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, TextError> {
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    Ok(match memmem::find(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (b, &b[b.len()..], &b[b.len()..]),
    })
}

/// `b.rpartition(sep)`: or `(b"", b"", b)` if not found.
pub fn rpartition<'a>(b: &'a [u8], sep: &[u8]) -> Result<Parts<'a>, TextError> {
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    Ok(match memmem::rfind(b, sep) {
        Some(i) => (&b[..i], &b[i..i + sep.len()], &b[i + sep.len()..]),
        None => (&b[..0], &b[..0], b),
    })
}

// ------------------------------------------------------------ stripping

fn trim_start(b: &[u8], f: impl Fn(u8) -> bool) -> &[u8] {
    let i = b.iter().position(|&c| !f(c)).unwrap_or(b.len());
    &b[i..]
}

fn trim_end(b: &[u8], f: impl Fn(u8) -> bool) -> &[u8] {
    let i = b.iter().rposition(|&c| !f(c)).map_or(0, |p| p + 1);
    &b[..i]
}

fn byte_set(chars: Option<&[u8]>) -> [bool; 256] {
    let mut set = [false; 256];
    match chars {
        None => {
            for c in 0..=255u8 {
                set[c as usize] = is_space_byte(c);
            }
        }
        Some(chars) => {
            for &c in chars {
                set[c as usize] = true;
            }
        }
    }
    set
}

/// `b.strip(chars)`; `None` strips ASCII whitespace.
pub fn strip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let set = byte_set(chars);
    trim_end(trim_start(b, |c| set[c as usize]), |c| set[c as usize])
}

/// `b.lstrip(chars)`.
pub fn lstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let set = byte_set(chars);
    trim_start(b, |c| set[c as usize])
}

/// `b.rstrip(chars)`.
pub fn rstrip<'a>(b: &'a [u8], chars: Option<&[u8]>) -> &'a [u8] {
    let set = byte_set(chars);
    trim_end(b, |c| set[c as usize])
}

// ------------------------------------------------------------ replace / padding

/// `b.replace(old, new, count)`; see [`crate::pystr::replace`].
pub fn replace(b: &[u8], old: &[u8], new: &[u8], count: i64) -> Result<Vec<u8>, TextError> {
    let maxcount = limit(count);
    const TOO_LONG: &str = "replace bytes is too long";
    if maxcount == 0 {
        return Ok(b.to_vec());
    }
    if old.is_empty() {
        let n = (b.len() + 1).min(maxcount);
        let cap = size_mul_add(n, new.len(), b.len(), TOO_LONG)?;
        let mut out = vec_with_capacity(cap)?;
        let mut done = 0;
        for &c in b {
            if done < n {
                out.extend_from_slice(new);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.extend_from_slice(new);
        }
        return Ok(out);
    }
    let positions: Vec<usize> = memmem::find_iter(b, old).take(maxcount).collect();
    let cap = size_mul_add(
        positions.len(),
        new.len(),
        b.len() - positions.len() * old.len(),
        TOO_LONG,
    )?;
    let mut out = vec_with_capacity(cap)?;
    let mut last = 0;
    for p in positions {
        out.extend_from_slice(&b[last..p]);
        out.extend_from_slice(new);
        last = p + old.len();
    }
    out.extend_from_slice(&b[last..]);
    Ok(out)
}

fn pad(b: &[u8], left: usize, right: usize, fill: u8) -> Result<Vec<u8>, TextError> {
    let cap = left
        .checked_add(right)
        .and_then(|n| n.checked_add(b.len()))
        .ok_or(TextError::Memory)?;
    let mut out = vec_with_capacity(cap)?;
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(cap, fill);
    Ok(out)
}

/// `b.center(width, fillbyte)` (same left/right split as `str.center`).
pub fn center(b: &[u8], width: i64, fill: u8) -> Result<Vec<u8>, TextError> {
    let marg = pad_needed(width, b.len());
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(b, left, marg - left, fill)
}

/// `b.ljust(width, fillbyte)`.
pub fn ljust(b: &[u8], width: i64, fill: u8) -> Result<Vec<u8>, TextError> {
    pad(b, 0, pad_needed(width, b.len()), fill)
}

/// `b.rjust(width, fillbyte)`.
pub fn rjust(b: &[u8], width: i64, fill: u8) -> Result<Vec<u8>, TextError> {
    pad(b, pad_needed(width, b.len()), 0, fill)
}

/// `b.zfill(width)`.
pub fn zfill(b: &[u8], width: i64) -> Result<Vec<u8>, TextError> {
    let fill = pad_needed(width, b.len());
    let mut out = pad(b, fill, 0, b'0')?;
    if fill > 0 && matches!(out.get(fill), Some(b'+') | Some(b'-')) {
        out[0] = out[fill];
        out[fill] = b'0';
    }
    Ok(out)
}

/// `b.expandtabs(tabsize)`; see [`crate::pystr::expandtabs`].
pub fn expandtabs(b: &[u8], tabsize: i32) -> Result<Vec<u8>, TextError> {
    let total = crate::pystr::expanded_len(b.iter().map(|&c| c as u32), tabsize)?;
    let mut out = vec_with_capacity(total)?;
    let mut col: i64 = 0;
    for &c in b {
        if c == b'\t' {
            if tabsize > 0 {
                let ts = tabsize as i64;
                let incr = ts - col % ts;
                col += incr;
                out.resize(out.len() + incr as usize, b' ');
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

// ------------------------------------------------------------ case (ASCII)

/// `b.upper()` (ASCII only).
pub fn upper(b: &[u8]) -> Vec<u8> {
    b.to_ascii_uppercase()
}

/// `b.lower()` (ASCII only).
pub fn lower(b: &[u8]) -> Vec<u8> {
    b.to_ascii_lowercase()
}

/// `b.swapcase()` (ASCII only).
pub fn swapcase(b: &[u8]) -> Vec<u8> {
    b.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

/// `b.capitalize()`: first byte uppercased, the rest lowercased (ASCII).
pub fn capitalize(b: &[u8]) -> Vec<u8> {
    b.iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `b.title()` (ASCII letters are the only cased bytes).
pub fn title(b: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    b.iter()
        .map(|&c| {
            let out = if prev_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            };
            prev_cased = c.is_ascii_alphabetic();
            out
        })
        .collect()
}

// ------------------------------------------------------------ predicates

fn all_nonempty(b: &[u8], f: impl Fn(u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(|&c| f(c))
}

/// `b.isalpha()`.
pub fn isalpha(b: &[u8]) -> bool {
    all_nonempty(b, |c| c.is_ascii_alphabetic())
}

/// `b.isalnum()`.
pub fn isalnum(b: &[u8]) -> bool {
    all_nonempty(b, |c| c.is_ascii_alphanumeric())
}

/// `b.isdigit()`.
pub fn isdigit(b: &[u8]) -> bool {
    all_nonempty(b, |c| c.is_ascii_digit())
}

/// `b.isspace()` (ASCII whitespace, see [`is_space_byte`]).
pub fn isspace(b: &[u8]) -> bool {
    all_nonempty(b, is_space_byte)
}

/// `b.isascii()` (true for `b""`).
pub fn isascii(b: &[u8]) -> bool {
    b.is_ascii()
}

/// `b.islower()`.
pub fn islower(b: &[u8]) -> bool {
    !b.iter().any(|c| c.is_ascii_uppercase()) && b.iter().any(|c| c.is_ascii_lowercase())
}

/// `b.isupper()`.
pub fn isupper(b: &[u8]) -> bool {
    !b.iter().any(|c| c.is_ascii_lowercase()) && b.iter().any(|c| c.is_ascii_uppercase())
}

/// `b.istitle()`.
pub fn istitle(b: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &c in b {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

// ------------------------------------------------------------ hex

/// Validate a `sep` argument of `bytes.hex` given as a str:
/// `ValueError("sep must be length 1.")` / `ValueError("sep must be ASCII.")`.
pub fn hex_sep_from_str(sep: &str) -> Result<u8, TextError> {
    let mut it = sep.chars();
    match (it.next(), it.next()) {
        (Some(c), None) if c.is_ascii() => Ok(c as u8),
        (Some(_), None) => Err(TextError::Value("sep must be ASCII.".into())),
        _ => Err(TextError::Value("sep must be length 1.".into())),
    }
}

/// Validate a `sep` argument of `bytes.hex` given as bytes.
pub fn hex_sep_from_bytes(sep: &[u8]) -> Result<u8, TextError> {
    match sep {
        [c] if c.is_ascii() => Ok(*c),
        [_] => Err(TextError::Value("sep must be ASCII.".into())),
        _ => Err(TextError::Value("sep must be length 1.".into())),
    }
}

/// `b.hex()` / `b.hex(sep, bytes_per_sep)` (lowercase digits).  With a
/// separator, `bytes_per_sep > 0` groups from the right, `< 0` from the
/// left, `0` means no separator.
pub fn hex(b: &[u8], sep: Option<u8>, bytes_per_sep: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let group = if sep.is_some() {
        bytes_per_sep.unsigned_abs()
    } else {
        0
    };
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len() as u64;
    for (i, &c) in b.iter().enumerate() {
        if i > 0 && group > 0 {
            let i = i as u64;
            let boundary = if bytes_per_sep > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep.unwrap_or(b':') as char);
            }
        }
        out.push(DIGITS[(c >> 4) as usize] as char);
        out.push(DIGITS[(c & 15) as usize] as char);
    }
    out
}

/// `bytes.fromhex(s)`: pairs of hex digits, ASCII whitespace allowed
/// between pairs.  Error: `ValueError("non-hexadecimal number found in
/// fromhex() arg at position N")` where N is a code-point index (for a
/// non-ASCII string, CPython reports the first non-ASCII code point).
pub fn fromhex(s: &str) -> Result<Vec<u8>, TextError> {
    let err = |pos: usize| {
        TextError::Value(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    if !s.is_ascii() {
        let pos = s.chars().position(|c| !c.is_ascii()).unwrap_or(0);
        return Err(err(pos));
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    while i < b.len() {
        if is_space_byte(b[i]) {
            i += 1;
            continue;
        }
        let top = (b[i] as char).to_digit(16).ok_or_else(|| err(i))?;
        let bot = b
            .get(i + 1)
            .and_then(|&c| (c as char).to_digit(16))
            .ok_or_else(|| err(i + 1))?;
        out.push((top * 16 + bot) as u8);
        i += 2;
    }
    Ok(out)
}
