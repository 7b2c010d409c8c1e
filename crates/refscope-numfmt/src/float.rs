//! Floats: `float(s)`, `round`, the numeric hash, `as_integer_ratio`,
//! `is_integer`, `hex`/`fromhex`, int<->float conversion and the arithmetic
//! whose edge cases Python defines itself (`/`, `//`, `%`, `divmod`, `**`).
//!
//! * [`parse_float`]: Unicode whitespace/digits are mapped as for `int()`;
//!   underscores are allowed only between two digits; surrounding ASCII
//!   whitespace is stripped; then `[+-]` and either `inf`, `infinity`,
//!   `nan` (any case) or `digits[.digits][(e|E)[+-]digits]` with at least
//!   one mantissa digit (`1.`, `.5` are fine). No hex. Out-of-range values
//!   become `inf`/`0.0`, as in CPython. The caller raises `ValueError: could
//!   not convert string to float: '...'` (repr of the original text).
//! * [`float_round`]: `round(x, n)`; the result is the float nearest to the
//!   exact decimal value of `x` rounded half-to-even at `10**-n`
//!   (`round(2.675, 2) == 2.67`); `n > 323` returns `x`, `n < -308` returns a
//!   zero with the sign of `x`; inf/nan return themselves; a result too big
//!   for a float is `OverflowError: rounded value too large to represent`.
//! * [`float_hash`]: `hash(x)` = `m * 2**e mod (2**61-1)` with the sign of
//!   `x` (-1 becomes -2), `±314159` for infinities; `None` for nan, whose
//!   hash is the object's identity hash in 3.11 (the caller's business).

use num_bigint::{BigInt, BigUint, Sign as BigSign};
use num_integer::Integer;
use num_traits::{One, Zero};

use crate::error::NumError;
use crate::int::{HASH_INF, HASH_MODULUS};
use crate::unicode::{ascii_space, to_ascii_number_text};

/// `|x| = m * 2**e` for a finite `x`, with `m < 2**53`.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `2**e` for `-1022 <= e <= 1023`.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// `x * 2**e`, exact whenever the result is representable.
fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= pow2(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= pow2(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * pow2(e as i32)
}

/// `float(n)`: correctly rounded (ties to even);
/// `OverflowError: int too large to convert to float`.
pub fn int_to_float(v: &BigInt) -> Result<f64, NumError> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        let m = mag.iter_u64_digits().next().unwrap_or(0);
        m as f64
    } else {
        let shift = bits - 64;
        let top: BigUint = mag >> shift;
        let mut m = top.iter_u64_digits().next().unwrap_or(0);
        // Sticky bit: anything below the top 64 bits pulls ties upward.
        if mag.trailing_zeros().unwrap_or(0) < shift {
            m |= 1;
        }
        if shift > 2000 {
            f64::INFINITY
        } else {
            ldexp(m as f64, shift as i64)
        }
    };
    if f.is_infinite() {
        return Err(NumError::overflow("int too large to convert to float"));
    }
    Ok(if v.sign() == BigSign::Minus { -f } else { f })
}

/// `int(x)` (truncation toward zero); `OverflowError: cannot convert float
/// infinity to integer`, `ValueError: cannot convert float NaN to integer`.
pub fn float_to_int(x: f64) -> Result<BigInt, NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    let (m, e) = decompose(t);
    let mag = if e >= 0 {
        BigUint::from(m) << (e as u32)
    } else {
        BigUint::from(m >> ((-e) as u32).min(63))
    };
    let sign = if t < 0.0 {
        BigSign::Minus
    } else {
        BigSign::Plus
    };
    Ok(BigInt::from_biguint(sign, mag))
}

/// `float(s)` for a `str`. See the module docs. The caller builds the
/// `could not convert string to float` message.
#[allow(clippy::result_unit_err)]
pub fn parse_float(s: &str) -> Result<f64, ()> {
    let b = to_ascii_number_text(s).ok_or(())?;
    parse_float_bytes(&b)
}

/// `float(b)` for `bytes` (ASCII only; same grammar as [`parse_float`]).
#[allow(clippy::result_unit_err)]
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, ()> {
    // Underscores: only between two digits.
    let mut cleaned: Vec<u8> = Vec::with_capacity(b.len());
    let mut prev = 0u8;
    for &c in b {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return Err(());
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return Err(());
            }
            cleaned.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return Err(());
    }
    let mut start = 0;
    let mut end = cleaned.len();
    while start < end && ascii_space(cleaned[start]) {
        start += 1;
    }
    while end > start && ascii_space(cleaned[end - 1]) {
        end -= 1;
    }
    let t = &cleaned[start..end];
    let (negative, body) = match t.first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = if lower == b"inf" || lower == b"infinity" {
        f64::INFINITY
    } else if lower == b"nan" {
        f64::NAN
    } else {
        if !valid_decimal(body) {
            return Err(());
        }
        let text = std::str::from_utf8(body).map_err(|_| ())?;
        text.parse::<f64>().map_err(|_| ())?
    };
    Ok(if negative { -v } else { v })
}

/// `digits[.digits][(e|E)[+-]digits]` with at least one mantissa digit.
fn valid_decimal(b: &[u8]) -> bool {
    let mut i = 0;
    let mut mant = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        mant += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            mant += 1;
        }
    }
    if mant == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == s {
            return false;
        }
    }
    i == b.len()
}

/// `round(x, ndigits)` for a float. See the module docs.
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, NumError> {
    if !x.is_finite() || ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        // Correctly rounded (ties to even) fixed-point text of the exact
        // value; reading it back rounds correctly again, like CPython's
        // dtoa mode 3 followed by strtod.
        format!("{:.*}", ndigits as usize, x)
    } else {
        let k = (-ndigits) as u32;
        let (m, e) = decompose(x);
        let mut num = BigUint::from(m);
        let mut den = BigUint::from(10u32).pow(k);
        if e >= 0 {
            num <<= e as u32;
        } else {
            den <<= (-e) as u32;
        }
        let (mut q, r) = num.div_rem(&den);
        let twice: BigUint = r << 1u32;
        if twice > den || (twice == den && q.is_odd()) {
            q += 1u32;
        }
        format!("{}{}e{}", if x.is_sign_negative() { "-" } else { "" }, q, k)
    };
    let r: f64 = text.parse().unwrap_or(f64::NAN);
    if r.is_infinite() {
        return Err(NumError::overflow("rounded value too large to represent"));
    }
    Ok(r)
}

/// `round(x)` (no ndigits): the nearest int, ties to even.
pub fn float_round_to_int(x: f64) -> Result<BigInt, NumError> {
    float_to_int(x.round_ties_even())
}

/// `hash(x)` for a float; `None` for nan (hashed by identity in 3.11).
pub fn float_hash(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (m, e) = decompose(x);
    let h = m % HASH_MODULUS;
    // Multiplying by 2**s modulo 2**61-1 is a rotation of the 61-bit value.
    let s = e.rem_euclid(61) as u32;
    let h = if s == 0 {
        h
    } else {
        ((h << s) & HASH_MODULUS) | (h >> (61 - s))
    };
    let mut h = h as i64;
    if x < 0.0 {
        h = -h;
    }
    Some(if h == -1 { -2 } else { h })
}

/// `x.as_integer_ratio()`: the reduced fraction, denominator > 0.
pub fn float_to_integer_ratio(x: f64) -> Result<(BigInt, BigInt), NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mut m, mut e) = decompose(x);
    if m == 0 {
        return Ok((BigInt::zero(), BigInt::one()));
    }
    if e < 0 {
        let shift = (m.trailing_zeros() as i32).min(-e);
        m >>= shift;
        e += shift;
    }
    let sign = if x < 0.0 {
        BigSign::Minus
    } else {
        BigSign::Plus
    };
    if e >= 0 {
        let n = BigUint::from(m) << (e as u32);
        Ok((BigInt::from_biguint(sign, n), BigInt::one()))
    } else {
        let d = BigUint::one() << ((-e) as u32);
        Ok((
            BigInt::from_biguint(sign, BigUint::from(m)),
            BigInt::from_biguint(BigSign::Plus, d),
        ))
    }
}

/// `x.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// `x.hex()`: `0x1.8000000000000p+1`, `-0x0.0p+0`, `0x0.0000000000001p-1022`,
/// `inf`, `-inf`, `nan`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!(
        "{}0x{}.{:013x}p{}{}",
        sign,
        lead,
        frac,
        if e < 0 { '-' } else { '+' },
        e.unsigned_abs()
    )
}

/// `float.fromhex(s)`: `[ws][sign](inf|infinity|nan|[0x]hex[.hex][p[sign]dec])[ws]`
/// with ASCII whitespace only, rounded half-to-even;
/// `ValueError: invalid hexadecimal floating-point string`,
/// `OverflowError: hexadecimal value too large to represent as a float`.
pub fn float_fromhex(s: &str) -> Result<f64, NumError> {
    let invalid = || NumError::value("invalid hexadecimal floating-point string");
    let b = s.as_bytes();
    let mut i = 0;
    let mut end = b.len();
    while i < end && ascii_space(b[i]) {
        i += 1;
    }
    while end > i && ascii_space(b[end - 1]) {
        end -= 1;
    }
    let b = &b[i..end];
    let (negative, body) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let lower = body.to_ascii_lowercase();
    if lower == b"inf" || lower == b"infinity" {
        return Ok(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == b"nan" {
        return Ok(f64::NAN);
    }
    let mut j = 0;
    if lower.starts_with(b"0x") {
        j = 2;
    }
    let mut digits: Vec<u8> = Vec::new();
    let mut frac_digits: i64 = 0;
    let mut ndigits = 0usize;
    while j < body.len() {
        match (body[j] as char).to_digit(16) {
            Some(d) => {
                digits.push(d as u8);
                ndigits += 1;
                j += 1;
            }
            None => break,
        }
    }
    if j < body.len() && body[j] == b'.' {
        j += 1;
        while j < body.len() {
            match (body[j] as char).to_digit(16) {
                Some(d) => {
                    digits.push(d as u8);
                    ndigits += 1;
                    frac_digits += 1;
                    j += 1;
                }
                None => break,
            }
        }
    }
    if ndigits == 0 {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if j < body.len() && (body[j] == b'p' || body[j] == b'P') {
        j += 1;
        let mut eneg = false;
        if j < body.len() && (body[j] == b'+' || body[j] == b'-') {
            eneg = body[j] == b'-';
            j += 1;
        }
        let st = j;
        while j < body.len() && body[j].is_ascii_digit() {
            // Saturate: beyond this the result is 0 or an overflow anyway.
            exp = (exp * 10 + (body[j] - b'0') as i64).min(1 << 40);
            j += 1;
        }
        if j == st {
            return Err(invalid());
        }
        if eneg {
            exp = -exp;
        }
    }
    if j != body.len() {
        return Err(invalid());
    }
    let signed = |v: f64| if negative { -v } else { v };
    let mag = BigUint::from_radix_be(&digits, 16).unwrap_or_default();
    if mag.is_zero() {
        return Ok(signed(0.0));
    }
    // value = mag * 2**scale
    let scale: i64 = exp - 4 * frac_digits;
    let nbits = mag.bits() as i64;
    let top = nbits - 1 + scale; // exponent of the leading bit
    if top > 1023 {
        return Err(NumError::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    if top < -1080 {
        return Ok(signed(0.0));
    }
    // Exponent of the last kept bit: 53 significant bits, or fixed at
    // -1074 for subnormals.
    let lsb = (top - 52).max(-1074);
    let shift = scale - lsb; // mag * 2**shift is the mantissa
    let m: u64 = if shift >= 0 {
        (mag << (shift as u64))
            .iter_u64_digits()
            .next()
            .unwrap_or(0)
    } else {
        let sh = (-shift) as u64;
        let q: BigUint = &mag >> sh;
        let mut q = q.iter_u64_digits().next().unwrap_or(0);
        let half_bit = sh - 1;
        let rem_half = mag.bit(half_bit);
        let below = mag.trailing_zeros().unwrap_or(0) < half_bit;
        if rem_half && (below || q & 1 == 1) {
            q += 1;
        }
        q
    };
    let v = ldexp(m as f64, lsb);
    if v.is_infinite() {
        return Err(NumError::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(signed(v))
}

/// `x / y`; `ZeroDivisionError: float division by zero`.
pub fn float_div(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::zero_div("float division by zero"));
    }
    Ok(x / y)
}

/// `x % y` (the result has the sign of `y`; a zero result is `±0.0` with
/// the sign of `y`); `ZeroDivisionError: float modulo`.
pub fn float_mod(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::zero_div("float modulo"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

fn divmod_inner(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// `divmod(x, y)`; `ZeroDivisionError: float divmod()`.
pub fn float_divmod(x: f64, y: f64) -> Result<(f64, f64), NumError> {
    if y == 0.0 {
        return Err(NumError::zero_div("float divmod()"));
    }
    Ok(divmod_inner(x, y))
}

/// `x // y`; `ZeroDivisionError: float floor division by zero`.
pub fn float_floor_div(x: f64, y: f64) -> Result<f64, NumError> {
    if y == 0.0 {
        return Err(NumError::zero_div("float floor division by zero"));
    }
    Ok(divmod_inner(x, y).0)
}

/// Why `x ** y` on floats did not produce a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowError {
    /// `ZeroDivisionError: 0.0 cannot be raised to a negative power`.
    ZeroToNegativePower,
    /// A negative base with a non-integral exponent: CPython returns
    /// `complex(x) ** complex(y)` instead; the caller computes that.
    ComplexResult,
    /// `OverflowError: (34, 'Numerical result out of range')`.
    Overflow,
}

impl PowError {
    /// The Python exception, or `None` for [`PowError::ComplexResult`].
    pub fn to_error(self) -> Option<NumError> {
        match self {
            PowError::ZeroToNegativePower => Some(NumError::zero_div(
                "0.0 cannot be raised to a negative power",
            )),
            PowError::Overflow => Some(NumError::overflow("(34, 'Numerical result out of range')")),
            PowError::ComplexResult => None,
        }
    }
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `x ** y` for two floats (the two-argument form), with CPython's special
/// cases for zeros, infinities and nans.
pub fn float_pow(x: f64, y: f64) -> Result<f64, PowError> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let a = x.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (y > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(PowError::ZeroToNegativePower);
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return Err(PowError::ComplexResult);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(PowError::Overflow);
    }
    Ok(if negate { -r } else { r })
}
