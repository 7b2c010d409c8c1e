//! CPython 3.11 `str` methods on Rust `&str`.
//!
//! All indices, counts, widths and lengths are in **code points** (Rust
//! `char`s), as in Python.  Optional `start`/`end` arguments follow slice
//! rules (`None` = not given, negative counts from the end, clamped); Python
//! ints outside `i64` may be saturated to `i64::MIN`/`i64::MAX` by the caller.
//! `maxsplit`/`count` arguments use Python's "negative means unlimited".
//!
//! Functions that return slices of the input (`split`, `strip`,
//! `partition`, ...) borrow from it; a caller that wants CPython's identity
//! behaviour (e.g. `s.strip() is s` when nothing is stripped) can compare
//! the returned slice's length with the input's.
//!
//! Python strings may contain lone surrogates (`'\ud800'`); Rust strings
//! cannot, so such strings are outside this module's domain.

use crate::error::{size_mul_add, string_with_capacity, TextError};
use crate::indices::{adjust, limit, pad_needed, too_short};
use crate::unicode as uni;
use memchr::memmem;

// ------------------------------------------------------------ basic facts

/// Number of code points (`len(s)`).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// `str.isascii()`: true if every code point is < 128 (true for `""`).
pub fn is_ascii(s: &str) -> bool {
    s.is_ascii()
}

/// PEP 393 kind of the canonical CPython representation: 1 if every code
/// point is < 256 (Latin-1), 2 if every code point is < 65536 (UCS-2),
/// otherwise 4.  `""` is kind 1.
///
/// `sys.getsizeof(s)` on 64-bit CPython 3.11 is `49 + len` for ASCII
/// strings, `73 + len` for other kind-1 strings, `74 + 2 * len` for kind 2
/// and `76 + 4 * len` for kind 4 (compact strings, `len` in code points).
pub fn str_kind(s: &str) -> u8 {
    let mut kind = 1u8;
    for c in s.chars() {
        let cp = c as u32;
        if cp > 0xFFFF {
            return 4;
        }
        if cp > 0xFF {
            kind = 2;
        }
    }
    kind
}

/// Maps between code-point indices and byte offsets of one string.
struct CharIndex<'a> {
    s: &'a str,
    ascii: bool,
    len: usize,
}

impl<'a> CharIndex<'a> {
    fn new(s: &'a str) -> Self {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        CharIndex { s, ascii, len }
    }

    /// Byte offset of code point `ci` (clamped to the string's end).
    fn byte_of(&self, ci: i64) -> usize {
        let ci = if ci < 0 { 0 } else { ci as u64 };
        if ci >= self.len as u64 {
            return self.s.len();
        }
        let ci = ci as usize;
        if self.ascii {
            return ci;
        }
        self.s
            .char_indices()
            .nth(ci)
            .map_or(self.s.len(), |(b, _)| b)
    }

    /// Code-point index of byte offset `bi` (which is on a char boundary).
    fn char_of(&self, bi: usize) -> usize {
        if self.ascii {
            return bi;
        }
        // std's count is word-at-a-time; `bi` is on a char boundary.
        self.s[..bi.min(self.s.len())].chars().count()
    }
}

/// The byte window `[bs, be)` of `s[start:end]` and the code-point index of
/// `bs`, when that is known without counting the whole string's code points:
/// `end` not given and `start` not given or non-negative (the common
/// `s.find(sub)`, `s.startswith(p)`).  Only for a non-empty needle: a
/// `start` past the end then gives an empty window, which holds no match,
/// as CPython's "end - start < len(sub)" says.
fn open_window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize, usize)> {
    if end.is_some() {
        return None;
    }
    match start {
        None | Some(0) => Some((0, s.len(), 0)),
        Some(st) if st > 0 => {
            let st = usize::try_from(st).unwrap_or(usize::MAX);
            let bs = if st >= s.len() {
                s.len()
            } else if s.as_bytes()[..st].is_ascii() {
                st
            } else {
                s.char_indices().nth(st).map_or(s.len(), |(b, _)| b)
            };
            Some((bs, s.len(), st))
        }
        _ => None,
    }
}

/// Code-point index of byte offset `bs + p`, given that `bs` is code point
/// `st` (a match position found by searching `s[bs..]`).
fn char_at(s: &str, bs: usize, st: usize, p: usize) -> usize {
    st + s[bs..bs + p].chars().count()
}

// ------------------------------------------------------------ searching

/// `s.find(sub, start, end)`: lowest index of `sub` within `s[start:end]`,
/// or `None` (Python's `-1`; `index` raises `ValueError: substring not
/// found` instead).
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    if !sub.is_empty() {
        if let Some((bs, be, st)) = open_window(s, start, end) {
            return memmem::find(&s.as_bytes()[bs..be], sub.as_bytes()).map(|p| char_at(s, bs, st, p));
        }
    }
    let ix = CharIndex::new(s);
    let (st, en) = adjust(start, end, ix.len);
    let sublen = char_len(sub);
    if too_short(st, en, sublen) {
        return None;
    }
    if sub.is_empty() {
        return Some(st as usize);
    }
    let bs = ix.byte_of(st);
    let be = ix.byte_of(en);
    memmem::find(&s.as_bytes()[bs..be], sub.as_bytes()).map(|p| ix.char_of(bs + p))
}

/// `s.rfind(sub, start, end)`: highest index of `sub` within
/// `s[start:end]`, or `None` (`rindex` raises `substring not found`).
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    if !sub.is_empty() {
        if let Some((bs, be, st)) = open_window(s, start, end) {
            return memmem::rfind(&s.as_bytes()[bs..be], sub.as_bytes()).map(|p| char_at(s, bs, st, p));
        }
    }
    let ix = CharIndex::new(s);
    let (st, en) = adjust(start, end, ix.len);
    let sublen = char_len(sub);
    if too_short(st, en, sublen) {
        return None;
    }
    if sub.is_empty() {
        return Some(en as usize);
    }
    let bs = ix.byte_of(st);
    let be = ix.byte_of(en);
    memmem::rfind(&s.as_bytes()[bs..be], sub.as_bytes()).map(|p| ix.char_of(bs + p))
}

/// `s.count(sub, start, end)`: non-overlapping occurrences; the empty string
/// occurs `len(s[start:end]) + 1` times (0 if `start` is past the end).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    if !sub.is_empty() {
        if let Some((bs, be, _)) = open_window(s, start, end) {
            return memmem::find_iter(&s.as_bytes()[bs..be], sub.as_bytes()).count();
        }
    }
    let ix = CharIndex::new(s);
    let (st, en) = adjust(start, end, ix.len);
    let sublen = char_len(sub);
    if too_short(st, en, sublen) {
        return 0;
    }
    if sub.is_empty() {
        return (en - st) as usize + 1;
    }
    let bs = ix.byte_of(st);
    let be = ix.byte_of(en);
    memmem::find_iter(&s.as_bytes()[bs..be], sub.as_bytes()).count()
}

/// `s.startswith(prefix, start, end)` for one prefix (a tuple of prefixes
/// is the caller's loop).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if !prefix.is_empty() {
        if let Some((bs, be, _)) = open_window(s, start, end) {
            return s.as_bytes()[bs..be].starts_with(prefix.as_bytes());
        }
    }
    let ix = CharIndex::new(s);
    let (st, en) = adjust(start, end, ix.len);
    if too_short(st, en, char_len(prefix)) {
        return false;
    }
    s.as_bytes()[ix.byte_of(st)..ix.byte_of(en)].starts_with(prefix.as_bytes())
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    if !suffix.is_empty() {
        if let Some((bs, be, _)) = open_window(s, start, end) {
            return s.as_bytes()[bs..be].ends_with(suffix.as_bytes());
        }
    }
    let ix = CharIndex::new(s);
    let (st, en) = adjust(start, end, ix.len);
    if too_short(st, en, char_len(suffix)) {
        return false;
    }
    s.as_bytes()[ix.byte_of(st)..ix.byte_of(en)].ends_with(suffix.as_bytes())
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

// ------------------------------------------------------------ splitting

/// `s.split(sep, maxsplit)`.
///
/// `sep = None` splits on runs of whitespace (`str.isspace`) and drops empty
/// strings; an explicit separator keeps empty fields.  An empty separator is
/// `Err(ValueError("empty separator"))`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut maxcount = limit(maxsplit);
    let sep = match sep {
        None => return Ok(split_whitespace(s, maxcount)),
        Some(sep) => sep,
    };
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    let mut out = Vec::new();
    let mut pos = 0;
    let finder = memmem::Finder::new(sep.as_bytes());
    while maxcount > 0 {
        match finder.find(&s.as_bytes()[pos..]) {
            Some(i) => {
                out.push(&s[pos..pos + i]);
                pos += i + sep.len();
                maxcount -= 1;
            }
            None => break,
        }
    }
    out.push(&s[pos..]);
    Ok(out)
}

fn split_whitespace(s: &str, mut maxcount: usize) -> Vec<&str> {
    if s.is_ascii() {
        return split_ascii_whitespace(s, maxcount);
    }
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let t = rest.trim_start_matches(uni::is_space);
        if t.is_empty() {
            return out;
        }
        if maxcount == 0 {
            out.push(t);
            return out;
        }
        let end = t.find(uni::is_space).unwrap_or(t.len());
        out.push(&t[..end]);
        rest = &t[end..];
        maxcount -= 1;
    }
}

/// [`split_whitespace`] for ASCII text, byte by byte (Python's ASCII
/// whitespace: `\t \n \x0b \x0c \r \x1c-\x1f` and space).
fn split_ascii_whitespace(s: &str, mut maxcount: usize) -> Vec<&str> {
    let is_space = |b: u8| matches!(b, 0x09..=0x0D | 0x1C..=0x20);
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return out;
        }
        if maxcount == 0 {
            out.push(&s[i..]);
            return out;
        }
        let start = i;
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        out.push(&s[start..i]);
        maxcount -= 1;
    }
}

/// `s.rsplit(sep, maxsplit)`: like [`split`] but splitting from the right.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut maxcount = limit(maxsplit);
    let sep = match sep {
        None => return Ok(rsplit_whitespace(s, maxcount)),
        Some(sep) => sep,
    };
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    let mut out = Vec::new();
    let mut end = s.len();
    let finder = memmem::FinderRev::new(sep.as_bytes());
    while maxcount > 0 {
        match finder.rfind(&s.as_bytes()[..end]) {
            Some(i) => {
                out.push(&s[i + sep.len()..end]);
                end = i;
                maxcount -= 1;
            }
            None => break,
        }
    }
    out.push(&s[..end]);
    out.reverse();
    Ok(out)
}

fn rsplit_whitespace(s: &str, mut maxcount: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let t = rest.trim_end_matches(uni::is_space);
        if t.is_empty() {
            break;
        }
        if maxcount == 0 {
            out.push(t);
            break;
        }
        let start = t
            .char_indices()
            .rev()
            .find(|&(_, c)| uni::is_space(c))
            .map_or(0, |(b, c)| b + c.len_utf8());
        out.push(&t[start..]);
        rest = &t[..start];
        maxcount -= 1;
    }
    out.reverse();
    out
}

/// `s.splitlines(keepends)`.  Line boundaries: `\n`, `\r`, `\r\n`, `\x0b`,
/// `\x0c`, `\x1c`, `\x1d`, `\x1e`, `\x85`, `\u2028`, `\u2029`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut line_start = 0;
    let mut it = s.char_indices();
    while let Some((b, c)) = it.next() {
        if !uni::is_linebreak(c) {
            continue;
        }
        let mut after = b + c.len_utf8();
        if c == '\r' && bytes.get(after) == Some(&b'\n') {
            it.next();
            after += 1;
        }
        out.push(&s[line_start..if keepends { after } else { b }]);
        line_start = after;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// `s.partition(sep)`: `(before, sep, after)`, or `(s, "", "")` if `sep` is
/// not found.  An empty separator is `ValueError("empty separator")`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    Ok(match memmem::find(s.as_bytes(), sep.as_bytes()) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: split at the last occurrence; `("", "", s)` if not
/// found.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(TextError::empty_separator());
    }
    Ok(match memmem::rfind(s.as_bytes(), sep.as_bytes()) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

// ------------------------------------------------------------ stripping

fn strip_set(chars: &str) -> impl Fn(char) -> bool + '_ {
    let mut ascii = [false; 128];
    let mut all_ascii = true;
    for c in chars.chars() {
        if c.is_ascii() {
            ascii[c as usize] = true;
        } else {
            all_ascii = false;
        }
    }
    move |c: char| {
        if c.is_ascii() {
            ascii[c as usize]
        } else {
            !all_ascii && chars.contains(c)
        }
    }
}

/// `s.strip(chars)`: `None` strips whitespace (`str.isspace`), otherwise
/// any of the code points in `chars`.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(uni::is_space),
        Some(ch) => s.trim_matches(strip_set(ch)),
    }
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(uni::is_space),
        Some(ch) => s.trim_start_matches(strip_set(ch)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(uni::is_space),
        Some(ch) => s.trim_end_matches(strip_set(ch)),
    }
}

// ------------------------------------------------------------ replace

/// `s.replace(old, new, count)`; `count < 0` replaces all occurrences.  An
/// empty `old` inserts `new` before every code point and at the end (at
/// most `count` times).
///
/// Errors: `OverflowError("replace string is too long")` if the result
/// length would not fit, `MemoryError` if it cannot be allocated.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String, TextError> {
    let maxcount = limit(count);
    const TOO_LONG: &str = "replace string is too long";
    if maxcount == 0 {
        return Ok(s.to_string());
    }
    if old.is_empty() {
        let slots = char_len(s) + 1;
        let n = slots.min(maxcount);
        let cap = size_mul_add(n, new.len(), s.len(), TOO_LONG)?;
        let mut out = string_with_capacity(cap)?;
        let mut done = 0;
        for c in s.chars() {
            if done < n {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < n {
            out.push_str(new);
        }
        return Ok(out);
    }
    let positions: Vec<usize> = memmem::find_iter(s.as_bytes(), old.as_bytes())
        .take(maxcount)
        .collect();
    if positions.is_empty() {
        return Ok(s.to_string());
    }
    let removed = positions.len() * old.len();
    let cap = size_mul_add(positions.len(), new.len(), s.len() - removed, TOO_LONG)?;
    let mut out = string_with_capacity(cap)?;
    let mut last = 0;
    for p in positions {
        out.push_str(&s[last..p]);
        out.push_str(new);
        last = p + old.len();
    }
    out.push_str(&s[last..]);
    Ok(out)
}

// ------------------------------------------------------------ padding

fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<String, TextError> {
    let fl = fill.len_utf8();
    let cap = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fl))
        .and_then(|n| n.checked_add(s.len()))
        .ok_or(TextError::Memory)?;
    let mut out = string_with_capacity(cap)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `s.center(width, fillchar)`.  When the padding is odd, the extra fill
/// goes on the left iff `width` is odd (CPython's formula `left = marg / 2 +
/// (marg & width & 1)`).
pub fn center(s: &str, width: i64, fill: char) -> Result<String, TextError> {
    let marg = pad_needed(width, char_len(s));
    if marg == 0 {
        return Ok(s.to_string());
    }
    let left = marg / 2 + (marg & (width as usize) & 1);
    pad(s, left, marg - left, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> Result<String, TextError> {
    pad(s, 0, pad_needed(width, char_len(s)), fill)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> Result<String, TextError> {
    pad(s, pad_needed(width, char_len(s)), 0, fill)
}

/// `s.zfill(width)`: pad with `'0'` on the left, after a leading `+`/`-`.
pub fn zfill(s: &str, width: i64) -> Result<String, TextError> {
    let fill = pad_needed(width, char_len(s));
    if fill == 0 {
        return Ok(s.to_string());
    }
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+') | Some(b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = string_with_capacity(fill.checked_add(s.len()).ok_or(TextError::Memory)?)?;
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(rest);
    Ok(out)
}

/// `s.expandtabs(tabsize)`: replace each `\t` by spaces up to the next
/// multiple of `tabsize` (column resets after `\n` and `\r`); with
/// `tabsize <= 0` tabs are removed.
///
/// `tabsize` is a C `int` in CPython: a Python int outside `i32` is the
/// caller's `OverflowError("Python int too large to convert to C int")`.
///
/// Errors: `MemoryError` if the result cannot be allocated (CPython's
/// `OverflowError("new string is too long")` needs a result longer than
/// `i64::MAX`, also reported, though unreachable in practice).
pub fn expandtabs(s: &str, tabsize: i32) -> Result<String, TextError> {
    if !s.contains('\t') {
        return Ok(s.to_string());
    }
    let total = expanded_len(s.chars().map(|c| c as u32), tabsize)?;
    let extra = total.saturating_sub(char_len(s));
    let mut out = string_with_capacity(s.len().checked_add(extra).ok_or(TextError::Memory)?)?;
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let ts = tabsize as i64;
                let incr = ts - col % ts;
                col += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(out)
}

/// Length (in items) of `expandtabs`' result, with CPython's overflow checks.
pub(crate) fn expanded_len(
    items: impl Iterator<Item = u32>,
    tabsize: i32,
) -> Result<usize, TextError> {
    const TOO_LONG: TextError = TextError::Overflow("new string is too long");
    let mut i: i64 = 0;
    let mut j: i64 = 0;
    for c in items {
        if c == b'\t' as u32 {
            if tabsize > 0 {
                let ts = tabsize as i64;
                let incr = ts - j % ts;
                j = j.checked_add(incr).ok_or(TOO_LONG)?;
            }
        } else {
            j = j.checked_add(1).ok_or(TOO_LONG)?;
            if c == b'\n' as u32 || c == b'\r' as u32 {
                i = i.checked_add(j).ok_or(TOO_LONG)?;
                j = 0;
            }
        }
    }
    let total = i.checked_add(j).ok_or(TOO_LONG)?;
    usize::try_from(total).map_err(|_| TextError::Memory)
}

// ------------------------------------------------------------ case mapping

/// `s.upper()` with full case mappings (`'ß'.upper() == 'SS'`).
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.extend(uni::to_upper_full(c));
    }
    out
}

/// Only U+03A3 needs context to lowercase; without it the case-mapping
/// functions stream over the string instead of collecting its chars.
fn has_capital_sigma(s: &str) -> bool {
    // U+03A3 is UTF-8 CE A3.
    memchr::memmem::find(s.as_bytes(), "\u{3A3}".as_bytes()).is_some()
}

/// Lowercase of `chars[i]` with the final-sigma rule for U+03A3.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c == '\u{3A3}' {
        out.push(if is_final_sigma(chars, i) {
            '\u{3C2}'
        } else {
            '\u{3C3}'
        });
    } else {
        out.extend(uni::to_lower_full(c));
    }
}

/// CPython's final-sigma condition: preceded by a cased letter (skipping
/// case-ignorable code points) and not followed by one.
fn is_final_sigma(chars: &[char], i: usize) -> bool {
    let before = chars[..i]
        .iter()
        .rev()
        .find(|&&c| !uni::is_case_ignorable(c));
    match before {
        Some(&c) if uni::is_cased(c) => {}
        _ => return false,
    }
    let after = chars[i + 1..].iter().find(|&&c| !uni::is_case_ignorable(c));
    match after {
        None => true,
        Some(&c) => !uni::is_cased(c),
    }
}

/// `s.lower()` with full case mappings and the Greek final-sigma rule.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if !has_capital_sigma(s) {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            out.extend(uni::to_lower_full(c));
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        lower_at(&chars, i, &mut out);
    }
    out
}

/// `s.casefold()` (full case folding: `'ß'.casefold() == 'ss'`).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.extend(uni::to_fold_full(c));
    }
    out
}

/// `s.capitalize()`: first code point to *title* case (Python 3.8+), the
/// rest to lowercase (with final sigma).
pub fn capitalize(s: &str) -> String {
    if !has_capital_sigma(s) {
        let mut out = String::with_capacity(s.len());
        let mut it = s.chars();
        if let Some(c) = it.next() {
            out.extend(uni::to_title_full(c));
        }
        if it.as_str().is_ascii() {
            out.push_str(&it.as_str().to_ascii_lowercase());
        } else {
            for c in it {
                out.extend(uni::to_lower_full(c));
            }
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            out.extend(uni::to_title_full(chars[0]));
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

/// `s.title()`: a code point following a cased one is lowercased, any other
/// is titlecased ("cased" is the Unicode `Cased` property, so apostrophes and
/// digits start new words: `"they're".title() == "They'Re"`).
pub fn title(s: &str) -> String {
    if s.is_ascii() {
        // Cased ASCII code points are the letters.
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for &b in s.as_bytes() {
            out.push(if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() } as char);
            prev_cased = b.is_ascii_alphabetic();
        }
        return out;
    }
    if !has_capital_sigma(s) {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(uni::to_lower_full(c));
            } else {
                out.extend(uni::to_title_full(c));
            }
            prev_cased = uni::is_cased(c);
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            out.extend(uni::to_title_full(c));
        }
        prev_cased = uni::is_cased(c);
    }
    out
}

/// `s.swapcase()`: `Uppercase` code points are lowercased (final sigma
/// applies), `Lowercase` ones uppercased, others (including titlecase
/// letters such as `'ǅ'`) unchanged.
pub fn swapcase(s: &str) -> String {
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for &b in s.as_bytes() {
            out.push(if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() } as char);
        }
        return out;
    }
    if !has_capital_sigma(s) {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if uni::is_uppercase(c) {
                out.extend(uni::to_lower_full(c));
            } else if uni::is_lowercase(c) {
                out.extend(uni::to_upper_full(c));
            } else {
                out.push(c);
            }
        }
        return out;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if uni::is_uppercase(c) {
            lower_at(&chars, i, &mut out);
        } else if uni::is_lowercase(c) {
            out.extend(uni::to_upper_full(c));
        } else {
            out.push(c);
        }
    }
    out
}

// ------------------------------------------------------------ predicates

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isalpha()`: non-empty and every code point is a letter (Lu Ll Lt Lm
/// Lo).
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, uni::is_alpha)
}

/// `s.isdecimal()`: non-empty and all Nd.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, uni::is_decimal)
}

/// `s.isdigit()`: non-empty and all Numeric_Type Decimal or Digit.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, uni::is_digit)
}

/// `s.isnumeric()`: non-empty and every code point has a Numeric_Type.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, uni::is_numeric)
}

/// `s.isalnum()`: non-empty and every code point isalpha/isdecimal/isdigit/
/// isnumeric.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, uni::is_alnum)
}

/// `s.isspace()`: non-empty and all whitespace.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, uni::is_space)
}

/// `s.isprintable()`: true for `""`; see [`crate::unicode::is_printable`].
pub fn isprintable(s: &str) -> bool {
    s.chars().all(uni::is_printable)
}

/// `s.islower()`: at least one cased code point, and no uppercase or
/// titlecase ones.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if uni::is_uppercase(c) || uni::is_titlecase(c) {
            return false;
        }
        if uni::is_lowercase(c) {
            cased = true;
        }
    }
    cased
}

/// `s.isupper()`: at least one cased code point, and no lowercase or
/// titlecase ones.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if uni::is_lowercase(c) || uni::is_titlecase(c) {
            return false;
        }
        if uni::is_uppercase(c) {
            cased = true;
        }
    }
    cased
}

/// `s.istitle()`: uppercase/titlecase code points only after uncased ones,
/// lowercase only after cased ones, and at least one cased code point.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if uni::is_uppercase(c) || uni::is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if uni::is_lowercase(c) {
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

/// `s.isidentifier()`: first code point XID_Start or `_`, the rest
/// XID_Continue.  (Keywords are identifiers here, as in Python.)
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || uni::is_xid_start(c) => {}
        _ => return false,
    }
    it.all(uni::is_xid_continue)
}
