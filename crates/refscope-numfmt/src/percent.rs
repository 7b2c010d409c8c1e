//! printf-style `%` formatting of one operand (`'%5.2f' % x`).
//!
//! The interpreter scans the template itself: at each `%` it calls
//! [`parse_percent_spec`] on the text after the `%`, which returns the
//! parsed [`PercentSpec`] and how many **bytes** it consumed (conversion
//! character included). Then, in CPython's order:
//!
//! 1. `%%` (a `%` right after the `%`) is a literal percent sign and takes no
//!    argument ([`PercentSpec::literal_percent`]). A `%` conversion anywhere
//!    else (`%5%`) is *not* a literal in 3.11: it takes an argument and then
//!    fails as an unsupported character.
//! 2. If the spec has a `(key)`, the argument is `mapping[key]`; otherwise
//!    a `*` width ([`Count::Star`]) takes the next argument (an int; call
//!    [`PercentSpec::set_star_width`]), then a `*` precision likewise
//!    ([`PercentSpec::set_star_precision`]), then the operand itself.
//! 3. If the conversion character is not one of `d i u o x X e E f F g G c
//!    r s a` ([`PercentSpec::is_valid_conversion`]), raise `ValueError` with
//!    [`unsupported_format_char_message`] (the index is the code-point index
//!    of the conversion character in the whole template).
//! 4. Dispatch on the operand: exact ints go to [`percent_format_int`],
//!    floats to [`percent_format_float`]; `s r a` on other objects and `c`
//!    with a one-character str go to [`percent_format_str`] after the caller
//!    has produced the text (`str()`, `repr()`, `ascii()`). Integer
//!    conversions on objects with `__index__` / `__int__` and float
//!    conversions on objects with `__float__` are the caller's to convert.
//!
//! Layout rules: `-` left-justifies (and beats `0`); `0` pads numbers with
//! zeros after the sign and `0x`/`0o` prefix, even `inf`/`nan`; `+` and space
//! choose the sign of non-negative numbers; `#` adds `0o`/`0x`/`0X` to
//! `o x X` and keeps the point / trailing zeros for floats. For ints a
//! precision is a minimum number of digits. For floats the default precision
//! is 6 and `%g` with precision 0 means 1. `%c` ignores the precision; for
//! `s r a` the precision truncates.

use num_bigint::{BigInt, Sign as BigSign};

use crate::digits::{float_to_text, TextFlags};
use crate::error::NumError;
use crate::float::{float_to_int, int_to_float};
use crate::format::MAX_PAD;
use crate::repr::float_repr;

/// A width or precision field of a `%` spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Not given.
    Absent,
    /// `*`: the caller must take an int argument and call
    /// [`PercentSpec::set_star_width`] / [`PercentSpec::set_star_precision`].
    Star,
    /// A number given in the template (or resolved from `*`).
    Fixed(usize),
}

/// One parsed `%` conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    /// `%(key)s`: the mapping key (parentheses may nest inside it).
    pub key: Option<String>,
    /// `-` flag.
    pub left: bool,
    /// `+` flag.
    pub plus: bool,
    /// ` ` flag.
    pub space: bool,
    /// `#` flag.
    pub alt: bool,
    /// `0` flag.
    pub zero: bool,
    pub width: Count,
    pub precision: Count,
    /// The conversion character (may be invalid; see
    /// [`PercentSpec::is_valid_conversion`]).
    pub conv: char,
    /// True only for `%%`: emit `%`, consume no argument.
    pub literal_percent: bool,
}

impl PercentSpec {
    /// Resolve a `*` width from its int argument: a negative width means
    /// left-justify with its absolute value.
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.left = true;
        }
        self.width = Count::Fixed(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
    }

    /// Resolve a `*` precision from its int argument: negative means 0.
    pub fn set_star_precision(&mut self, p: i64) {
        self.precision = Count::Fixed(usize::try_from(p.max(0)).unwrap_or(usize::MAX));
    }

    /// Whether `conv` is a conversion CPython 3.11 knows (`%` excluded: it
    /// is valid only as the literal `%%`).
    pub fn is_valid_conversion(&self) -> bool {
        self.literal_percent
            || matches!(
                self.conv,
                'd' | 'i'
                    | 'u'
                    | 'o'
                    | 'x'
                    | 'X'
                    | 'e'
                    | 'E'
                    | 'f'
                    | 'F'
                    | 'g'
                    | 'G'
                    | 'c'
                    | 'r'
                    | 's'
                    | 'a'
            )
    }

    fn width_value(&self) -> usize {
        match self.width {
            Count::Fixed(w) => w,
            _ => 0,
        }
    }

    fn precision_value(&self) -> Option<usize> {
        match self.precision {
            Count::Fixed(p) => Some(p),
            _ => None,
        }
    }
}

/// Why a `%` spec could not be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentParseError {
    /// `ValueError: incomplete format` (template ended inside the spec).
    Incomplete,
    /// `ValueError: incomplete format key` (unbalanced `(`).
    IncompleteKey,
    /// `ValueError: width too big`.
    WidthTooBig,
    /// `ValueError: precision too big`.
    PrecisionTooBig,
}

impl PercentParseError {
    /// The Python exception (always a `ValueError`).
    pub fn to_error(self) -> NumError {
        NumError::value(match self {
            PercentParseError::Incomplete => "incomplete format",
            PercentParseError::IncompleteKey => "incomplete format key",
            PercentParseError::WidthTooBig => "width too big",
            PercentParseError::PrecisionTooBig => "precision too big",
        })
    }
}

/// CPython's message for an unknown conversion character at code-point
/// index `index` of the template: `unsupported format character 'q' (0x71)
/// at index 1` (non-printable characters show as `?`).
pub fn unsupported_format_char_message(c: char, index: usize) -> String {
    let cp = c as u32;
    let shown = if (32..=126).contains(&cp) { c } else { '?' };
    format!(
        "unsupported format character '{}' (0x{:x}) at index {}",
        shown, cp, index
    )
}

/// Parses one `%` spec; `s` is the template text right after the `%`.
/// Returns the spec and the number of bytes of `s` it used.
pub fn parse_percent_spec(s: &str) -> Result<(PercentSpec, usize), PercentParseError> {
    let mut spec = PercentSpec {
        key: None,
        left: false,
        plus: false,
        space: false,
        alt: false,
        zero: false,
        width: Count::Absent,
        precision: Count::Absent,
        conv: '%',
        literal_percent: false,
    };
    let mut it = s.char_indices().peekable();
    let next = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>| {
        it.next().ok_or(PercentParseError::Incomplete)
    };
    let (_, mut c) = next(&mut it)?;
    if c == '%' {
        spec.literal_percent = true;
        return Ok((spec, 1));
    }
    if c == '(' {
        let start = 1usize;
        let mut depth = 1usize;
        let end = loop {
            let (i, k) = it.next().ok_or(PercentParseError::IncompleteKey)?;
            if k == ')' {
                depth -= 1;
                if depth == 0 {
                    break i;
                }
            } else if k == '(' {
                depth += 1;
            }
        };
        spec.key = Some(s[start..end].to_string());
        c = next(&mut it)?.1;
    }
    loop {
        match c {
            '-' => spec.left = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        c = next(&mut it)?.1;
    }
    if c == '*' {
        spec.width = Count::Star;
        c = next(&mut it)?.1;
    } else if c.is_ascii_digit() {
        let mut w: u64 = 0;
        while let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            if w > (i64::MAX as u64 - d as u64) / 10 {
                return Err(PercentParseError::WidthTooBig);
            }
            w = w * 10 + d as u64;
            c = next(&mut it)?.1;
        }
        spec.width = Count::Fixed(usize::try_from(w).unwrap_or(usize::MAX));
    }
    if c == '.' {
        c = next(&mut it)?.1;
        if c == '*' {
            spec.precision = Count::Star;
            c = next(&mut it)?.1;
        } else {
            let mut p: u64 = 0;
            while let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
                if p > (i32::MAX as u64 - d as u64) / 10 {
                    return Err(PercentParseError::PrecisionTooBig);
                }
                p = p * 10 + d as u64;
                c = next(&mut it)?.1;
            }
            spec.precision = Count::Fixed(p as usize);
        }
    }
    if matches!(c, 'h' | 'l' | 'L') {
        c = next(&mut it)?.1;
    }
    spec.conv = c;
    let consumed = match it.peek() {
        Some(&(i, _)) => i,
        None => s.len(),
    };
    Ok((spec, consumed))
}

fn unsupported(spec: &PercentSpec) -> NumError {
    // The caller is expected to check `is_valid_conversion` first and build
    // the message with the template index; this is a fallback.
    NumError::value(format!(
        "unsupported format character '{}' (0x{:x})",
        spec.conv, spec.conv as u32
    ))
}

/// Pads a number whose text is `sign + prefix + digits` to the width.
fn pad_number(
    spec: &PercentSpec,
    sign: Option<char>,
    prefix: &str,
    digits: &str,
) -> Result<String, NumError> {
    let width = spec.width_value();
    if width > MAX_PAD {
        return Err(NumError::memory());
    }
    let len = sign.is_some() as usize + prefix.len() + digits.chars().count();
    let pad = width.saturating_sub(len);
    let mut out = String::with_capacity(len + pad);
    if spec.left {
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(digits);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if spec.zero {
        out.extend(sign);
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend(sign);
        out.push_str(prefix);
        out.push_str(digits);
    }
    Ok(out)
}

fn number_sign(spec: &PercentSpec, negative: bool) -> Option<char> {
    if negative {
        Some('-')
    } else if spec.plus {
        Some('+')
    } else if spec.space {
        Some(' ')
    } else {
        None
    }
}

/// `'%<spec>' % v` for an exact `int` operand. Handles `d i u o x X c`, the
/// float conversions `e E f F g G` (via `float(v)`), and `s r a` (which for
/// an exact int are its decimal text).
pub fn percent_format_int(v: &BigInt, spec: &PercentSpec) -> Result<String, NumError> {
    let negative = v.sign() == BigSign::Minus;
    let (radix, prefix) = match spec.conv {
        'd' | 'i' | 'u' => (10, ""),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = int_to_float(v)?;
            return percent_format_float(x, spec, "float");
        }
        'c' => {
            let cp = u32::try_from(v).ok().filter(|&c| c < 0x110000 && !negative);
            let cp = cp.ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
            let ch = char::from_u32(cp).ok_or_else(|| {
                NumError::value(format!(
                    "surrogate code point U+{:04X} cannot be represented",
                    cp
                ))
            })?;
            let mut sp = spec.clone();
            sp.precision = Count::Absent;
            return percent_format_str(&ch.to_string(), &sp);
        }
        's' | 'r' | 'a' => return percent_format_str(&v.to_string(), spec),
        _ => return Err(unsupported(spec)),
    };
    let mut digits = crate::int::magnitude_digits(v, radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision_value() {
        if p > MAX_PAD {
            return Err(NumError::memory());
        }
        if digits.len() < p {
            let mut z = "0".repeat(p - digits.len());
            z.push_str(&digits);
            digits = z;
        }
    }
    let prefix = if spec.alt { prefix } else { "" };
    pad_number(spec, number_sign(spec, negative), prefix, &digits)
}

/// `'%<spec>' % x` for a `float` operand (`type_name` is used in the
/// `TypeError` for `o x X`). Handles `e E f F g G`, `d i u` (truncating to
/// int), `s r a` (its repr) and rejects `c o x X` with CPython's TypeErrors.
pub fn percent_format_float(
    x: f64,
    spec: &PercentSpec,
    type_name: &str,
) -> Result<String, NumError> {
    match spec.conv {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {}
        'd' | 'i' | 'u' => return percent_format_int(&float_to_int(x)?, spec),
        'o' | 'x' | 'X' => {
            return Err(NumError::type_error(format!(
                "%{} format: an integer is required, not {}",
                spec.conv, type_name
            )))
        }
        'c' => return Err(NumError::type_error("%c requires int or char")),
        's' | 'r' | 'a' => return percent_format_str(&float_repr(x), spec),
        _ => return Err(unsupported(spec)),
    }
    let prec = spec.precision_value().unwrap_or(6);
    if prec > MAX_PAD {
        return Err(NumError::memory());
    }
    let t = float_to_text(
        x,
        spec.conv,
        prec,
        TextFlags {
            alt: spec.alt,
            ..TextFlags::default()
        },
    );
    pad_number(spec, number_sign(spec, t.negative), "", &t.body)
}

/// `'%s'`-style output of already-converted text (`s r a`, and `c` with a
/// one-character str): the precision truncates (code points), the width
/// pads with spaces (`-` pads on the right); `0`, `+`, space and `#` are
/// ignored.
pub fn percent_format_str(text: &str, spec: &PercentSpec) -> Result<String, NumError> {
    let body = match spec.precision_value() {
        Some(p) if spec.conv != 'c' => match text.char_indices().nth(p) {
            Some((i, _)) => &text[..i],
            None => text,
        },
        _ => text,
    };
    let width = spec.width_value();
    if width > MAX_PAD {
        return Err(NumError::memory());
    }
    let pad = width.saturating_sub(body.chars().count());
    let mut out = String::with_capacity(body.len() + pad);
    if spec.left {
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(body);
    }
    Ok(out)
}
