//! Decimal digit generation for `f64` and the text layouts CPython's
//! `PyOS_double_to_string` produces for the conversion codes
//! `e E f F g G r`.
//!
//! Digits come from Rust's standard formatting (see the crate docs for why):
//! `{:e}` gives the shortest digits that round-trip, `{:.Ne}` gives `N+1`
//! correctly rounded significant digits and `{:.N}` gives `N` correctly
//! rounded fractional digits; ties are broken to even on the exact binary
//! value. Rust caps format precisions at `u16::MAX`, so we only ask for as
//! many digits as an `f64` can have (its exact expansion has at most 767
//! significant and 1074 fractional digits) and pad the rest with zeros,
//! which is exact.

/// Significant decimal digits and exponent: value = `d0.d1d2... * 10**exp`.
pub(crate) struct Sci {
    /// ASCII digits, at least one.
    pub digits: Vec<u8>,
    pub exp: i32,
}

/// Enough significant digits for the exact expansion of any `f64`.
const MAX_SIG: usize = 780;
/// Enough fractional digits for the exact expansion of any `f64`.
const MAX_FRAC: usize = 1080;

fn parse_sci(s: &str) -> Sci {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    let exp = exp.parse::<i32>().unwrap_or(0);
    if digits.is_empty() {
        return Sci {
            digits: vec![b'0'],
            exp: 0,
        };
    }
    Sci { digits, exp }
}

/// Shortest round-tripping digits of `|x|` (`x` finite).
///
/// When two candidates of the shortest length are equally near `x` (an
/// exact decimal tie, possible only at 16-17 digits, e.g.
/// `2000000000000000.25`), Rust's shortest algorithm rounds the tie up while
/// CPython's dtoa rounds it to even; so for long results we prefer the
/// correctly rounded (ties-to-even) string of the same length whenever it
/// also reads back as `x`.
pub(crate) fn shortest(x: f64) -> Sci {
    let a = x.abs();
    let s = parse_sci(&format!("{:e}", a));
    let n = s.digits.len();
    if n >= 15 {
        let text = format!("{:.*e}", n - 1, a);
        if text.parse::<f64>() == Ok(a) {
            return parse_sci(&text);
        }
    }
    s
}

/// `n` (>= 1) correctly rounded significant digits of `|x|` (`x` finite).
pub(crate) fn significant(x: f64, n: usize) -> Sci {
    let n = n.max(1);
    let p = (n - 1).min(MAX_SIG);
    let mut s = parse_sci(&format!("{:.*e}", p, x.abs()));
    s.digits.resize(n, b'0');
    s
}

/// `|x|` with `prec` correctly rounded fractional digits (`x` finite).
pub(crate) fn fixed(x: f64, prec: usize) -> String {
    let p = prec.min(MAX_FRAC);
    let mut s = format!("{:.*}", p, x.abs());
    if prec > p {
        s.extend(std::iter::repeat_n('0', prec - p));
    }
    s
}

/// A float rendered by [`float_to_text`]: the sign is kept apart so callers
/// can apply `+`/space signs and `=` padding.
pub(crate) struct FloatText {
    pub negative: bool,
    /// Unsigned text, e.g. `1.5e+300`, `0.001`, `inf`, `NAN`.
    pub body: String,
    /// True for inf and nan.
    pub special: bool,
}

/// Options of [`float_to_text`] (CPython's `Py_DTSF_*` flags).
#[derive(Clone, Copy, Default)]
pub(crate) struct TextFlags {
    /// `#`: always a decimal point; `g` keeps trailing zeros.
    pub alt: bool,
    /// Append `.0` to an integral result in fixed notation (repr / format
    /// with no type). For `g` this also moves the switch to exponent
    /// notation one digit earlier, as CPython does.
    pub add_dot_0: bool,
    /// `z`: a result that rounds to zero loses its minus sign.
    pub no_neg_0: bool,
}

fn push_exp(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Place `digits` (value `d0.d1... * 10**exp`) in positional notation,
/// returning the integer part and the fractional digits.
fn positional(digits: &[u8], exp: i32) -> (String, String) {
    let n = digits.len();
    if exp >= 0 {
        let int_len = exp as usize + 1;
        let mut int = String::with_capacity(int_len);
        let mut frac = String::new();
        for (i, &d) in digits.iter().enumerate() {
            if i < int_len {
                int.push(d as char);
            } else {
                frac.push(d as char);
            }
        }
        if n < int_len {
            int.extend(std::iter::repeat_n('0', int_len - n));
        }
        (int, frac)
    } else {
        let lead = (-(exp as i64) - 1) as usize;
        let mut frac = String::with_capacity(lead + n);
        frac.extend(std::iter::repeat_n('0', lead));
        frac.extend(digits.iter().map(|&d| d as char));
        ("0".to_string(), frac)
    }
}

fn trim_zeros(s: &mut String) {
    while s.ends_with('0') {
        s.pop();
    }
}

/// Mantissa `d0[.d1...]` plus exponent.
fn scientific(out: &mut String, digits: &[u8], exp: i32, alt: bool, trim: bool, upper: bool) {
    out.push(digits[0] as char);
    let mut rest: String = digits[1..].iter().map(|&d| d as char).collect();
    if trim {
        trim_zeros(&mut rest);
    }
    if !rest.is_empty() || alt {
        out.push('.');
        out.push_str(&rest);
    }
    push_exp(out, exp, upper);
}

fn is_zero_text(body: &str) -> bool {
    body.bytes()
        .take_while(|&b| b != b'e' && b != b'E')
        .all(|b| b == b'0' || b == b'.')
}

/// The equivalent of CPython's `PyOS_double_to_string(x, code, precision,
/// flags)`: `code` is one of `e E f F g G r` (`r` = repr's shortest digits,
/// precision ignored); for `g`/`G` a precision of 0 means 1.
pub(crate) fn float_to_text(x: f64, code: char, precision: usize, flags: TextFlags) -> FloatText {
    let upper = code.is_ascii_uppercase();
    if x.is_nan() {
        return FloatText {
            negative: false,
            body: if upper { "NAN" } else { "nan" }.to_string(),
            special: true,
        };
    }
    if x.is_infinite() {
        return FloatText {
            negative: x < 0.0,
            body: if upper { "INF" } else { "inf" }.to_string(),
            special: true,
        };
    }
    let mut body = String::new();
    match code.to_ascii_lowercase() {
        'f' => {
            body = fixed(x, precision);
            if precision == 0 && flags.alt {
                body.push('.');
            }
        }
        'e' => {
            let d = significant(x, precision.saturating_add(1));
            scientific(&mut body, &d.digits, d.exp, flags.alt, false, upper);
        }
        'g' => {
            let p = precision.max(1);
            // Without '#', digits past the exact expansion are zeros that get
            // trimmed, so don't materialise them (`'.2147483647g'` is cheap).
            let d = significant(x, if flags.alt { p } else { p.min(MAX_SIG + 1) });
            let limit = if flags.add_dot_0 {
                p as i64 - 1
            } else {
                p as i64
            };
            let e = d.exp as i64;
            if e < -4 || e >= limit {
                scientific(&mut body, &d.digits, d.exp, flags.alt, !flags.alt, upper);
            } else {
                let (int, mut frac) = positional(&d.digits, d.exp);
                if !flags.alt {
                    trim_zeros(&mut frac);
                }
                body.push_str(&int);
                if !frac.is_empty() {
                    body.push('.');
                    body.push_str(&frac);
                } else if flags.alt {
                    body.push('.');
                } else if flags.add_dot_0 {
                    body.push_str(".0");
                }
            }
        }
        _ => {
            // 'r': shortest round-tripping digits, exponent outside [-4, 16).
            let d = shortest(x);
            if d.exp < -4 || d.exp >= 16 {
                scientific(&mut body, &d.digits, d.exp, flags.alt, false, upper);
            } else {
                let (int, frac) = positional(&d.digits, d.exp);
                body.push_str(&int);
                if !frac.is_empty() {
                    body.push('.');
                    body.push_str(&frac);
                } else if flags.add_dot_0 {
                    body.push_str(".0");
                } else if flags.alt {
                    body.push('.');
                }
            }
        }
    }
    let mut negative = x.is_sign_negative();
    if negative && flags.no_neg_0 && is_zero_text(&body) {
        negative = false;
    }
    FloatText {
        negative,
        body,
        special: false,
    }
}
