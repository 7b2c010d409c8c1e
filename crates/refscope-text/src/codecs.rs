//! `str.encode` / `bytes.decode` for the UTF-8, ASCII and Latin-1 codecs,
//! with CPython 3.11's encoding-name lookup, error handlers and error
//! messages.
//!
//! Encoding names are resolved like `codecs.lookup`: the name is normalised
//! (ASCII letters lowered; every run of characters other than ASCII letters,
//! digits and `.` becomes one `_`, leading/trailing runs are dropped), looked
//! up in `encodings.aliases`, then as a module of the `encodings` package.
//! Names CPython knows but this crate does not implement give
//! [`LookupError::Unsupported`]; non-text codecs (`hex`, `rot13`, ...) give
//! [`LookupError::NotTextEncoding`], unknown ones [`LookupError::Unknown`].
//!
//! Error handlers are looked up lazily, as in CPython: an unknown handler
//! name only fails when an encoding/decoding error actually occurs.
//! Supported: `strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace` and `namereplace` (encode only; on decode CPython
//! raises `TypeError`), `surrogateescape`, `surrogatepass`.  Because Rust
//! strings cannot hold lone surrogates, a decode whose result would contain
//! one (`surrogateescape`, or `surrogatepass` on an encoded surrogate)
//! returns [`DecodeError::LoneSurrogate`]; encoding never meets a surrogate.

use crate::codec_names::{ALIASES, MODULES};
use crate::unicode;
use std::fmt::Write;

/// A codec implemented by this crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Codec {
    /// `utf-8` (module `encodings.utf_8`).
    Utf8,
    /// `ascii`.
    Ascii,
    /// `latin-1` (module `encodings.latin_1`, `CodecInfo.name` `iso8859-1`).
    Latin1,
}

impl Codec {
    /// `codecs.lookup(...).name`: `"utf-8"`, `"ascii"` or `"iso8859-1"`.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "iso8859-1",
        }
    }

    /// The codec name used in `UnicodeError` messages and its `.encoding`
    /// attribute: `"utf-8"`, `"ascii"` or `"latin-1"`.
    pub fn error_name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Why an encoding name could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    /// `LookupError: unknown encoding: NAME` (NAME exactly as given).
    Unknown(String),
    /// A codec that exists but is not a text encoding (`hex`, `rot13`,
    /// `base64`, ...): `LookupError: 'NAME' is not a text encoding; use
    /// codecs.encode() to handle arbitrary codecs` (`codecs.decode()` when
    /// decoding).
    NotTextEncoding(String),
    /// A text codec CPython 3.11 has (named by its `CodecInfo.name`, e.g.
    /// `"utf-16"`, `"cp1252"`) that this crate does not implement.
    Unsupported(&'static str),
    /// The name contains a NUL character: `ValueError: embedded null
    /// character`.
    EmbeddedNull,
}

impl LookupError {
    /// CPython exception class name.
    pub fn exception_type(&self) -> &'static str {
        match self {
            LookupError::EmbeddedNull => "ValueError",
            _ => "LookupError",
        }
    }

    /// `str(exc)`; `for_encode` picks `codecs.encode()` or `codecs.decode()`
    /// in the not-a-text-encoding message.
    pub fn message(&self, for_encode: bool) -> String {
        match self {
            LookupError::Unknown(n) => format!("unknown encoding: {n}"),
            LookupError::NotTextEncoding(n) => format!(
                "'{n}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
                if for_encode { "encode" } else { "decode" }
            ),
            LookupError::Unsupported(n) => format!("codec '{n}' is not implemented by refscope"),
            LookupError::EmbeddedNull => "embedded null character".to_string(),
        }
    }
}

/// CPython's `_Py_normalize_encoding` (used by `codecs.lookup`).
fn normalize_encoding(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b == b'.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            punct = false;
            out.push(b.to_ascii_lowercase() as char);
        } else {
            punct = true;
        }
    }
    out
}

fn alias_target(norm: &str) -> Option<&'static str> {
    ALIASES
        .binary_search_by(|(a, _)| (*a).cmp(norm))
        .ok()
        .map(|i| ALIASES[i].1)
}

fn module_info(module: &str) -> Option<(&'static str, &'static str, bool)> {
    MODULES
        .binary_search_by(|(m, _, _)| (*m).cmp(module))
        .ok()
        .map(|i| MODULES[i])
}

/// Resolve an encoding name as `str.encode` / `bytes.decode` do (the same
/// name resolution as `codecs.lookup`, which however accepts non-text
/// codecs such as `hex` instead of reporting `NotTextEncoding`).
pub fn lookup(encoding: &str) -> Result<Codec, LookupError> {
    if encoding.contains('\0') {
        return Err(LookupError::EmbeddedNull);
    }
    let norm = normalize_encoding(encoding);
    let aliased = alias_target(&norm).or_else(|| alias_target(&norm.replace('.', "_")));
    let candidates = [aliased, Some(norm.as_str())];
    for m in candidates.into_iter().flatten() {
        if m.is_empty() || m.contains('.') {
            continue;
        }
        if let Some((module, canonical, text)) = module_info(m) {
            return match module {
                "utf_8" => Ok(Codec::Utf8),
                "ascii" => Ok(Codec::Ascii),
                "latin_1" => Ok(Codec::Latin1),
                _ if !text => Err(LookupError::NotTextEncoding(encoding.to_string())),
                _ => Err(LookupError::Unsupported(canonical)),
            };
        }
    }
    Err(LookupError::Unknown(encoding.to_string()))
}

/// An error handler, parsed from the `errors` argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorHandler {
    /// `strict` (the default, also for `errors=None`).
    Strict,
    /// `ignore`.
    Ignore,
    /// `replace`: `?` when encoding, U+FFFD when decoding.
    Replace,
    /// `backslashreplace`.
    BackslashReplace,
    /// `xmlcharrefreplace` (encode only).
    XmlCharRefReplace,
    /// `namereplace` (encode only).
    NameReplace,
    /// `surrogateescape`.
    SurrogateEscape,
    /// `surrogatepass`.
    SurrogatePass,
    /// Any other name: CPython raises `LookupError: unknown error handler
    /// name 'NAME'` when (and only when) an error occurs (unless the program
    /// registered it with `codecs.register_error`, which is the caller's
    /// business).
    Other(String),
}

impl ErrorHandler {
    /// Parse an `errors` argument (names are case-sensitive, as in CPython).
    pub fn parse(errors: &str) -> Self {
        match errors {
            "strict" => ErrorHandler::Strict,
            "ignore" => ErrorHandler::Ignore,
            "replace" => ErrorHandler::Replace,
            "backslashreplace" => ErrorHandler::BackslashReplace,
            "xmlcharrefreplace" => ErrorHandler::XmlCharRefReplace,
            "namereplace" => ErrorHandler::NameReplace,
            "surrogateescape" => ErrorHandler::SurrogateEscape,
            "surrogatepass" => ErrorHandler::SurrogatePass,
            other => ErrorHandler::Other(other.to_string()),
        }
    }
}

/// Data of a `UnicodeEncodeError` (the `object` attribute is the str being
/// encoded, which the caller has).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeEncodeError {
    /// `.encoding`: `"ascii"` or `"latin-1"`.
    pub encoding: &'static str,
    /// `.start`: code-point index of the first unencodable character.
    pub start: usize,
    /// `.end`: code-point index after the run of unencodable characters.
    pub end: usize,
    /// `.reason`, e.g. `"ordinal not in range(128)"`.
    pub reason: &'static str,
    /// The character at `start` (used by the message when `end == start + 1`).
    pub first: char,
}

impl UnicodeEncodeError {
    /// `str(exc)`, e.g. `'ascii' codec can't encode character '\xe9' in
    /// position 1: ordinal not in range(128)`.
    pub fn message(&self) -> String {
        if self.end == self.start + 1 {
            let cp = self.first as u32;
            let esc = if cp <= 0xFF {
                format!("\\x{cp:02x}")
            } else if cp <= 0xFFFF {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            format!(
                "'{}' codec can't encode character '{}' in position {}: {}",
                self.encoding, esc, self.start, self.reason
            )
        } else {
            format!(
                "'{}' codec can't encode characters in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.saturating_sub(1),
                self.reason
            )
        }
    }
}

/// Data of a `UnicodeDecodeError` (the `object` attribute is the input
/// bytes, which the caller has).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeDecodeError {
    /// `.encoding`: `"utf-8"` or `"ascii"`.
    pub encoding: &'static str,
    /// `.start`: byte offset of the first undecodable byte.
    pub start: usize,
    /// `.end`: byte offset after the undecodable bytes.
    pub end: usize,
    /// `.reason`: `"invalid start byte"`, `"invalid continuation byte"`,
    /// `"unexpected end of data"` or `"ordinal not in range(128)"`.
    pub reason: &'static str,
    /// The byte at `start` (used by the message when `end == start + 1`).
    pub first: u8,
}

impl UnicodeDecodeError {
    /// `str(exc)`, e.g. `'utf-8' codec can't decode byte 0xff in position 0:
    /// invalid start byte`.
    pub fn message(&self) -> String {
        if self.end == self.start + 1 {
            format!(
                "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                self.encoding, self.first, self.start, self.reason
            )
        } else {
            format!(
                "'{}' codec can't decode bytes in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.saturating_sub(1),
                self.reason
            )
        }
    }
}

/// Why `encode` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The encoding name could not be used.
    Lookup(LookupError),
    /// `LookupError: unknown error handler name 'NAME'`.
    UnknownErrorHandler(String),
    /// `UnicodeEncodeError`.
    Encode(UnicodeEncodeError),
}

impl EncodeError {
    /// CPython exception class name.
    pub fn exception_type(&self) -> &'static str {
        match self {
            EncodeError::Lookup(e) => e.exception_type(),
            EncodeError::UnknownErrorHandler(_) => "LookupError",
            EncodeError::Encode(_) => "UnicodeEncodeError",
        }
    }

    /// `str(exc)`.
    pub fn message(&self) -> String {
        match self {
            EncodeError::Lookup(e) => e.message(true),
            EncodeError::UnknownErrorHandler(n) => format!("unknown error handler name '{n}'"),
            EncodeError::Encode(e) => e.message(),
        }
    }
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exception_type(), self.message())
    }
}

impl std::error::Error for EncodeError {}

/// Why `decode` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The encoding name could not be used.
    Lookup(LookupError),
    /// `LookupError: unknown error handler name 'NAME'`.
    UnknownErrorHandler(String),
    /// `UnicodeDecodeError`.
    Decode(UnicodeDecodeError),
    /// An encode-only handler (`xmlcharrefreplace`, `namereplace`) met a
    /// decoding error: `TypeError: don't know how to handle
    /// UnicodeDecodeError in error callback`.
    WrongHandlerType,
    /// CPython would succeed, but the result contains lone surrogates
    /// (`surrogateescape`/`surrogatepass`), which a Rust `String` cannot
    /// hold.  Carries the error that triggered the handler.
    LoneSurrogate(UnicodeDecodeError),
}

impl DecodeError {
    /// CPython exception class name (for `LoneSurrogate`, there is none:
    /// CPython returns a str; this reports `"UnicodeDecodeError"`).
    pub fn exception_type(&self) -> &'static str {
        match self {
            DecodeError::Lookup(e) => e.exception_type(),
            DecodeError::UnknownErrorHandler(_) => "LookupError",
            DecodeError::Decode(_) | DecodeError::LoneSurrogate(_) => "UnicodeDecodeError",
            DecodeError::WrongHandlerType => "TypeError",
        }
    }

    /// `str(exc)`.
    pub fn message(&self) -> String {
        match self {
            DecodeError::Lookup(e) => e.message(false),
            DecodeError::UnknownErrorHandler(n) => format!("unknown error handler name '{n}'"),
            DecodeError::Decode(e) | DecodeError::LoneSurrogate(e) => e.message(),
            DecodeError::WrongHandlerType => {
                "don't know how to handle UnicodeDecodeError in error callback".to_string()
            }
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exception_type(), self.message())
    }
}

impl std::error::Error for DecodeError {}

// ------------------------------------------------------------ encode

/// `s.encode(encoding, errors)`.  `errors` is the handler name (`"strict"`
/// for `errors=None`).
pub fn encode(s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, EncodeError> {
    let codec = lookup(encoding).map_err(EncodeError::Lookup)?;
    encode_with(s, codec, &ErrorHandler::parse(errors))
}

fn push_backslash(out: &mut Vec<u8>, cp: u32) {
    let s = if cp <= 0xFF {
        format!("\\x{cp:02x}")
    } else if cp <= 0xFFFF {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

fn push_name(out: &mut Vec<u8>, c: char) {
    let named = if unicode::general_category(c) != unicode::GeneralCategory::Unassigned {
        unicode_names2::name(c)
    } else {
        None
    };
    match named {
        Some(name) => {
            let mut s = String::from("\\N{");
            let _ = write!(s, "{name}");
            s.push('}');
            out.extend_from_slice(s.as_bytes());
        }
        None => push_backslash(out, c as u32),
    }
}

/// `str.encode` with an already resolved codec and handler.
pub fn encode_with(s: &str, codec: Codec, errors: &ErrorHandler) -> Result<Vec<u8>, EncodeError> {
    if codec == Codec::Utf8 {
        return Ok(s.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        let run = &chars[start..end];
        match errors {
            ErrorHandler::Strict | ErrorHandler::SurrogateEscape | ErrorHandler::SurrogatePass => {
                return Err(EncodeError::Encode(UnicodeEncodeError {
                    encoding: codec.error_name(),
                    start,
                    end,
                    reason: if codec == Codec::Ascii {
                        "ordinal not in range(128)"
                    } else {
                        "ordinal not in range(256)"
                    },
                    first: c,
                }));
            }
            ErrorHandler::Other(name) => {
                return Err(EncodeError::UnknownErrorHandler(name.clone()))
            }
            ErrorHandler::Ignore => {}
            ErrorHandler::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
            ErrorHandler::BackslashReplace => {
                for &ch in run {
                    push_backslash(&mut out, ch as u32);
                }
            }
            ErrorHandler::XmlCharRefReplace => {
                for &ch in run {
                    out.extend_from_slice(format!("&#{};", ch as u32).as_bytes());
                }
            }
            ErrorHandler::NameReplace => {
                for &ch in run {
                    push_name(&mut out, ch);
                }
            }
        }
        i = end;
    }
    Ok(out)
}

// ------------------------------------------------------------ decode

/// `b.decode(encoding, errors)` / `str(b, encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> Result<String, DecodeError> {
    let codec = lookup(encoding).map_err(DecodeError::Lookup)?;
    decode_with(b, codec, &ErrorHandler::parse(errors))
}

/// One UTF-8 decoding problem: `(end, reason)` for a bad sequence at `i`.
fn utf8_error_at(b: &[u8], i: usize) -> (usize, &'static str) {
    let lead = b[i];
    let (need, lo, hi) = match lead {
        0xC2..=0xDF => (1, 0x80, 0xBF),
        0xE0 => (2, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF),
        0xED => (2, 0x80, 0x9F),
        0xF0 => (3, 0x90, 0xBF),
        0xF1..=0xF3 => (3, 0x80, 0xBF),
        0xF4 => (3, 0x80, 0x8F),
        _ => return (i + 1, "invalid start byte"),
    };
    for k in 1..=need {
        let Some(&c) = b.get(i + k) else {
            return (b.len(), "unexpected end of data");
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if c < l || c > h {
            return (i + k, "invalid continuation byte");
        }
    }
    // A complete, valid sequence: callers only ask about invalid positions.
    (i + need + 1, "invalid start byte")
}

/// `bytes.decode` with an already resolved codec and handler.
pub fn decode_with(b: &[u8], codec: Codec, errors: &ErrorHandler) -> Result<String, DecodeError> {
    match codec {
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // `good` bytes are valid UTF-8.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let start = base + good;
                        let (end, reason) = utf8_error_at(b, start);
                        let err = UnicodeDecodeError {
                            encoding: "utf-8",
                            start,
                            end,
                            reason,
                            first: b[start],
                        };
                        handle_decode_error(b, err, errors, &mut out)?;
                        rest = &b[end..];
                        base = end;
                    }
                }
            }
        }
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    let err = UnicodeDecodeError {
                        encoding: "ascii",
                        start: i,
                        end: i + 1,
                        reason: "ordinal not in range(128)",
                        first: c,
                    };
                    handle_decode_error(b, err, errors, &mut out)?;
                }
            }
            Ok(out)
        }
    }
}

fn handle_decode_error(
    b: &[u8],
    err: UnicodeDecodeError,
    errors: &ErrorHandler,
    out: &mut String,
) -> Result<(), DecodeError> {
    match errors {
        ErrorHandler::Strict => Err(DecodeError::Decode(err)),
        ErrorHandler::Other(n) => Err(DecodeError::UnknownErrorHandler(n.clone())),
        ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace => {
            Err(DecodeError::WrongHandlerType)
        }
        ErrorHandler::Ignore => Ok(()),
        ErrorHandler::Replace => {
            out.push('\u{FFFD}');
            Ok(())
        }
        ErrorHandler::BackslashReplace => {
            for &c in &b[err.start..err.end] {
                let _ = write!(out, "\\x{c:02x}");
            }
            Ok(())
        }
        ErrorHandler::SurrogateEscape => {
            // Every byte of an error range is >= 0x80, so CPython maps each
            // to U+DC80..U+DCFF.
            Err(DecodeError::LoneSurrogate(err))
        }
        ErrorHandler::SurrogatePass => {
            let encoded_surrogate = err.encoding == "utf-8"
                && b.len() >= err.start + 3
                && b[err.start] == 0xED
                && (0xA0..=0xBF).contains(&b[err.start + 1])
                && (0x80..=0xBF).contains(&b[err.start + 2]);
            if encoded_surrogate {
                Err(DecodeError::LoneSurrogate(err))
            } else {
                Err(DecodeError::Decode(err))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_tables_are_sorted() {
        assert!(ALIASES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(MODULES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
