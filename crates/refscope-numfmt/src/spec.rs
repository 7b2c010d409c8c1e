//! The format-spec mini-language used by `format(value, spec)`,
//! `str.format` and f-strings:
//!
//! ```text
//! [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//! ```
//!
//! * `fill` is any single character, allowed only when followed by an
//!   `align` character (`<`, `>`, `=`, `^`).
//! * `sign` is `+`, `-` or space; `z` (3.11) turns a negative zero result
//!   into a positive one (floats only).
//! * `#` selects the alternate form, `0` (only when no explicit fill was
//!   given) means fill with `'0'`; for numbers it also makes the default
//!   alignment `=` (padding between sign and digits), for strings the
//!   default alignment stays left.
//! * `width` and `precision` are runs of decimal digits; any Unicode Nd digit
//!   counts, as in CPython. More than fits in a `Py_ssize_t` is the error
//!   `Too many decimal digits in format string`; a `.` without digits is
//!   `Format specifier missing precision`.
//! * `grouping` is `,` or `_` (`,` then `_` or `_` then `,` is
//!   `Cannot specify both ',' and '_'.`).
//! * Whatever remains must be at most one character, the `type`; anything
//!   longer is `Invalid format specifier '<spec>' for object of type
//!   '<type>'` (the 3.11.7 wording).
//! * Grouping is checked against an explicit type here (`Cannot specify ','
//!   with 'x'.`); against the object's default type (e.g. `s` for str) the
//!   formatters check it.
//!
//! Parsing does not depend on the type of the value except for the default
//! alignment and type, which the formatters in [`crate::format`] apply.

use crate::error::NumError;
use crate::unicode::py_decimal_value;

/// Alignment characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `=` (padding after the sign/prefix; numbers only)
    AfterSign,
    /// `^`
    Center,
}

/// The sign field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`
    Plus,
    /// `-` (the default behaviour, but recorded: strings reject it)
    Minus,
    /// ` `
    Space,
}

/// Thousands grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// `,` every three digits (decimal types only).
    Comma,
    /// `_` every three digits for decimal types, every four for `b o x X`.
    Underscore,
}

/// A parsed format spec. Field values are exactly what was written; the
/// formatters resolve defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character (only present together with `align`).
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// The `z` flag.
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag (fill with zeros; numbers default to `=` alignment).
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type, any character (validity is checked by the
    /// formatter for the value's type).
    pub ty: Option<char>,
}

impl FormatSpec {
    /// The fill character to use (explicit fill, else `'0'` with the `0`
    /// flag, else space).
    pub fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None if self.zero_pad => '0',
            None => ' ',
        }
    }

    /// The alignment to use for a value whose default alignment is
    /// `default` (`Right` for numbers, `Left` for strings).
    pub fn align_or(&self, default: Align) -> Align {
        match self.align {
            Some(a) => a,
            None if self.zero_pad && default == Align::Right => Align::AfterSign,
            None => default,
        }
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '=' => Some(Align::AfterSign),
        '^' => Some(Align::Center),
        _ => None,
    }
}

/// Largest value CPython accepts for width/precision (`PY_SSIZE_T_MAX`).
const SSIZE_MAX: u64 = i64::MAX as u64;

/// Reads a run of Unicode decimal digits starting at `*pos`.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, NumError> {
    let mut acc: u64 = 0;
    let mut any = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| py_decimal_value(c)) {
        let d = d as u64;
        if acc > (SSIZE_MAX - d) / 10 {
            return Err(NumError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        any = true;
        *pos += 1;
    }
    if !any {
        return Ok(None);
    }
    Ok(Some(usize::try_from(acc).unwrap_or(usize::MAX)))
}

/// Renders a type character the way CPython's error messages do: itself if
/// it is printable ASCII other than space, else `\x..` in lowercase hex.
pub(crate) fn type_char_repr(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", cp)
    }
}

/// Parses a format spec. Errors are `ValueError`s with CPython's messages;
/// `type_name` (the value's Python type name) only appears in
/// `Invalid format specifier '<spec>' for object of type '<type_name>'`.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, NumError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut pos = 0usize;
    let end = chars.len();

    if end >= 2 {
        if let Some(a) = align_of(chars[1]) {
            f.fill = Some(chars[0]);
            f.align = Some(a);
            pos = 2;
        }
    }
    if pos == 0 && end >= 1 {
        if let Some(a) = align_of(chars[0]) {
            f.align = Some(a);
            pos = 1;
        }
    }
    if pos < end {
        match chars[pos] {
            '+' => {
                f.sign = Some(Sign::Plus);
                pos += 1;
            }
            '-' => {
                f.sign = Some(Sign::Minus);
                pos += 1;
            }
            ' ' => {
                f.sign = Some(Sign::Space);
                pos += 1;
            }
            _ => {}
        }
    }
    if pos < end && chars[pos] == 'z' {
        f.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        f.alternate = true;
        pos += 1;
    }
    if f.fill.is_none() && pos < end && chars[pos] == '0' {
        f.zero_pad = true;
        pos += 1;
    }
    f.width = get_integer(&chars, &mut pos)?;

    if pos < end && chars[pos] == ',' {
        f.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if f.grouping.is_some() {
            return Err(NumError::value("Cannot specify both ',' and '_'."));
        }
        f.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && f.grouping == Some(Grouping::Underscore) {
        return Err(NumError::value("Cannot specify both ',' and '_'."));
    }

    if pos < end && chars[pos] == '.' {
        pos += 1;
        f.precision = get_integer(&chars, &mut pos)?;
        if f.precision.is_none() {
            return Err(NumError::value("Format specifier missing precision"));
        }
    }

    if end - pos > 1 {
        return Err(NumError::value(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec, type_name
        )));
    }
    if end - pos == 1 {
        f.ty = Some(chars[pos]);
    }

    if let (Some(g), Some(t)) = (f.grouping, f.ty) {
        check_grouping(g, t)?;
    }
    Ok(f)
}

/// Whether grouping `g` may be combined with presentation type `t`
/// (`'\0'`-free: pass the effective type).
pub(crate) fn check_grouping(g: Grouping, t: char) -> Result<(), NumError> {
    let ok = match t {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => true,
        'b' | 'o' | 'x' | 'X' => g == Grouping::Underscore,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        let gs = if g == Grouping::Comma { ',' } else { '_' };
        Err(NumError::value(format!(
            "Cannot specify '{}' with '{}'.",
            gs,
            type_char_repr(t)
        )))
    }
}
