//! `format(value, spec)` for `int`, `float` and `str` (what `__format__`
//! does for those types in CPython 3.11). Parse the spec with
//! [`crate::parse_format_spec`] first; `type_name` is the Python type name
//! used in `Unknown format code 'q' for object of type 'bool'`.
//!
//! Rules (all checked against python3 by `tests/vectors`):
//!
//! * ints: types `b c d o x X n` (none means `d`); `e E f F g G %` convert
//!   the int to float first (`OverflowError: int too large to convert to
//!   float`) and format it as a float. A precision is an error, as are `z`,
//!   and a sign or `#` with `c`; `c` out of `range(0x110000)` is an
//!   `OverflowError` (`Python int too large to convert to C long` beyond
//!   64 bits). `#` adds `0b`/`0o`/`0x`/`0X` after the sign.
//! * floats: types `e E f F g G n %` and none. None without a precision is
//!   `repr`; none with a precision is like `g` but an integral result keeps
//!   `.0` and exponent notation starts one digit earlier. `n` is `g`
//!   (the interpreter's numeric locale is "C"), `%` multiplies by 100 and
//!   uses `f`. Default precision is 6. `z` drops the sign of a result that
//!   rounds to zero. Precision above `i32::MAX` is `precision too big`.
//! * strs: type `s` or none; precision truncates (in code points); the
//!   default alignment is left; sign, `z`, `#`, `=` and grouping are errors
//!   (`Sign not allowed in string format specifier`, `Space not allowed in
//!   string format specifier`, `'=' alignment not allowed in string format
//!   specifier`, ...).
//! * layout: width counts code points. Numbers align right by default; the
//!   `0` flag means fill `'0'` with `=` alignment. With `=` the padding goes
//!   between the sign/prefix and the digits. When the fill is `'0'`, the
//!   alignment is `=` and there is grouping, the zero padding itself is
//!   grouped (`format(1234, '010,')` is `00,001,234`) and never starts with a
//!   separator. `^` puts the odd padding character on the right.
//! * 'n' uses no grouping (C locale).
//!
//! Known limitation: `format(0xD800, 'c')` (a lone surrogate) cannot be
//! represented in a Rust `String`; it returns a `ValueError` whose message
//! starts with `surrogate`, which the interpreter may special-case.

use num_bigint::{BigInt, Sign as BigSign};

use crate::digits::{float_to_text, TextFlags};
use crate::error::NumError;
use crate::float::int_to_float;
use crate::spec::{check_grouping, type_char_repr, Align, FormatSpec, Grouping, Sign};

/// Refuse to build strings longer than this many characters (CPython would
/// raise `MemoryError` or exhaust memory; we must not abort the process).
pub(crate) const MAX_PAD: usize = 1 << 32;

pub(crate) fn unknown_code(t: char, type_name: &str) -> NumError {
    NumError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        type_char_repr(t),
        type_name
    ))
}

/// Pieces of a formatted number.
struct Parts<'a> {
    sign: Option<char>,
    prefix: &'a str,
    /// Integer digits (grouped), may be empty (inf/nan) or one non-digit
    /// character for `c`.
    digits: String,
    /// Everything after the integer digits: `.5e+10`, `inf`, `%`.
    rest: String,
}

/// Inserts `sep` every `size` digits from the right; if `min_width` is
/// larger than the result, leading zero groups are added until it is reached
/// (a leading separator is replaced by a zero digit group).
fn group_digits(digits: &[char], sep: char, size: usize, min_width: usize) -> String {
    let mut out: Vec<char> = Vec::with_capacity(digits.len() + digits.len() / size + min_width);
    let mut remaining = digits.len() as i64;
    let mut mw = min_width as i64;
    let mut idx = digits.len();
    let size = size as i64;
    loop {
        let l = remaining.max(mw).max(1).min(size);
        let take = remaining.min(l).max(0);
        for _ in 0..take {
            idx -= 1;
            out.push(digits[idx]);
        }
        out.extend(std::iter::repeat_n('0', (l - take) as usize));
        remaining -= take;
        mw -= l;
        if remaining <= 0 && mw <= 0 {
            break;
        }
        out.push(sep);
        mw -= 1;
    }
    out.iter().rev().collect()
}

fn sign_char(negative: bool, sign: Option<Sign>) -> Option<char> {
    if negative {
        Some('-')
    } else {
        match sign {
            Some(Sign::Plus) => Some('+'),
            Some(Sign::Space) => Some(' '),
            _ => None,
        }
    }
}

fn layout(
    parts: Parts<'_>,
    spec: &FormatSpec,
    grouping: Option<(char, usize)>,
) -> Result<String, NumError> {
    let width = spec.width.unwrap_or(0);
    if width > MAX_PAD {
        return Err(NumError::memory());
    }
    let fill = spec.fill_char();
    let align = spec.align_or(Align::Right);
    let n_non_digit =
        parts.sign.is_some() as usize + parts.prefix.chars().count() + parts.rest.chars().count();
    let digits: Vec<char> = parts.digits.chars().collect();
    let body: String = match grouping {
        Some((sep, size)) if !digits.is_empty() => {
            let min_width = if fill == '0' && align == Align::AfterSign {
                width.saturating_sub(n_non_digit)
            } else {
                0
            };
            group_digits(&digits, sep, size, min_width)
        }
        _ => parts.digits,
    };
    let len = n_non_digit + body.chars().count();
    let pad = width.saturating_sub(len);
    let (left, mid, right) = match align {
        Align::Left => (0, 0, pad),
        Align::Right => (pad, 0, 0),
        Align::AfterSign => (0, pad, 0),
        Align::Center => (pad / 2, 0, pad - pad / 2),
    };
    let mut out = String::with_capacity(len + pad * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    if let Some(s) = parts.sign {
        out.push(s);
    }
    out.push_str(parts.prefix);
    out.extend(std::iter::repeat_n(fill, mid));
    out.push_str(&body);
    out.push_str(&parts.rest);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// `format(v, spec)` for an `int` (or subclass named `type_name`).
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_to_float(v)?;
            return format_float(x, spec, "float");
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(NumError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let negative = v.sign() == BigSign::Minus;
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(NumError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(NumError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Ok(small) = i64::try_from(v) else {
            return Err(NumError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let cp = match u32::try_from(small) {
            Ok(c) if c < 0x110000 => c,
            _ => return Err(NumError::overflow("%c arg not in range(0x110000)")),
        };
        let ch = match char::from_u32(cp) {
            Some(c) => c,
            None => {
                return Err(NumError::value(format!(
                    "surrogate code point U+{:04X} cannot be represented",
                    cp
                )))
            }
        };
        return layout(
            Parts {
                sign: None,
                prefix: "",
                digits: ch.to_string(),
                rest: String::new(),
            },
            spec,
            None,
        );
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = crate::int::magnitude_digits(v, radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let grouping = match (spec.grouping, ty) {
        (None, _) | (_, 'n') => None,
        (Some(Grouping::Comma), _) => Some((',', 3)),
        (Some(Grouping::Underscore), 'd') => Some(('_', 3)),
        (Some(Grouping::Underscore), _) => Some(('_', 4)),
    };
    layout(
        Parts {
            sign: sign_char(negative, spec.sign),
            prefix: if spec.alternate { prefix } else { "" },
            digits,
            rest: String::new(),
        },
        spec,
        grouping,
    )
}

/// [`format_int`] for a machine integer.
pub fn format_int_i64(v: i64, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    format_int(&BigInt::from(v), spec, type_name)
}

/// `format(x, spec)` for a `float` (or subclass named `type_name`).
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    let ty = spec.ty;
    match ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(NumError::value("precision too big"));
        }
        if p > MAX_PAD {
            return Err(NumError::memory());
        }
    }
    let mut x = x;
    let mut flags = TextFlags {
        alt: spec.alternate,
        add_dot_0: false,
        no_neg_0: spec.no_neg_zero,
    };
    let mut pct = false;
    let (code, prec) = match ty {
        None => {
            flags.add_dot_0 = true;
            match spec.precision {
                Some(p) => ('g', p),
                None => ('r', 0),
            }
        }
        Some('n') => ('g', spec.precision.unwrap_or(6)),
        Some('%') => {
            x *= 100.0;
            pct = true;
            ('f', spec.precision.unwrap_or(6))
        }
        Some(c) => (c, spec.precision.unwrap_or(6)),
    };
    let text = float_to_text(x, code, prec, flags);
    let (digits, mut rest) = if text.special {
        (String::new(), text.body)
    } else {
        let n = text.body.bytes().take_while(|b| b.is_ascii_digit()).count();
        let rest = text.body[n..].to_string();
        let mut d = text.body;
        d.truncate(n);
        (d, rest)
    };
    if pct {
        rest.push('%');
    }
    let grouping = match (spec.grouping, ty) {
        (None, _) | (_, Some('n')) => None,
        (Some(Grouping::Comma), _) => Some((',', 3)),
        (Some(Grouping::Underscore), _) => Some(('_', 3)),
    };
    layout(
        Parts {
            sign: sign_char(text.negative, spec.sign),
            prefix: "",
            digits,
            rest,
        },
        spec,
        grouping,
    )
}

/// `format(s, spec)` for a `str` (or subclass named `type_name`).
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, NumError> {
    if spec.ty.is_none() {
        if let Some(g) = spec.grouping {
            check_grouping(g, 's')?;
        }
    }
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(NumError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(NumError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if spec.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(NumError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align_or(Align::Left);
    if align == Align::AfterSign {
        return Err(NumError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let width = spec.width.unwrap_or(0);
    if width > MAX_PAD {
        return Err(NumError::memory());
    }
    // Truncate to `precision` code points.
    let body = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    let len = body.chars().count();
    let pad = width.saturating_sub(len);
    let (left, right) = match align {
        Align::Right => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
        _ => (0, pad),
    };
    let fill = spec.fill_char();
    let mut out = String::with_capacity(body.len() + pad * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}
