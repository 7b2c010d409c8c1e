//! Integers: `int(s, base)`, `bin`/`oct`/`hex`, and the numeric hash.
//!
//! `int(s, base)` rules ([`parse_int`]):
//!
//! * `base` is 0 or 2..=36 (otherwise [`ParseIntError::InvalidBase`]; the
//!   caller raises `ValueError: int() base must be >= 2 and <= 36, or 0`).
//! * For a `str`, every Unicode whitespace character counts as a space and
//!   every Unicode decimal digit (category Nd, e.g. `'٣'`) as its ASCII digit;
//!   any other non-ASCII character makes the text invalid. For `bytes`
//!   ([`parse_int_bytes`]) only ASCII is meaningful.
//! * Leading and trailing whitespace (` \t\n\v\f\r` after the mapping
//!   above) is skipped; then an optional `+`/`-`.
//! * Base 0 reads the base from a `0x`/`0o`/`0b` prefix (any case), else 10;
//!   a base-0 decimal starting with `0` must be all zeros (`010` is invalid,
//!   `00` and `0_0` are fine).
//! * With base 16/8/2 (given or inferred) a matching prefix is skipped, and
//!   one `_` may follow the prefix (`0x_1f`).
//! * Digits are `0-9a-zA-Z` below the base; single underscores may separate
//!   digits; no leading, doubled or trailing underscores; at least one digit.
//! * CPython 3.11 limits decimal-ish conversions (bases that are not powers
//!   of two) to `sys.get_int_max_str_digits()` digits (default 4300). Use
//!   [`parse_int_with_limit`] to apply it: the limit is checked after the
//!   digits and their underscores were validated but before trailing
//!   garbage is noticed, as CPython does.
//!
//! The error message (`invalid literal for int() with base 10: '...'`, using
//! the repr of the original text, or the digit-limit message) is built by
//! the caller.

use num_bigint::{BigInt, BigUint, Sign as BigSign};
use num_traits::Zero;

use crate::unicode::{ascii_space, to_ascii_number_text};

/// The modulus of Python's numeric hash, `2**61 - 1` (`sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1u64 << 61) - 1;
/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314159;
/// The multiplier for the imaginary part in `hash(complex)`
/// (`sys.hash_info.imag`).
pub const HASH_IMAG: i64 = 1000003;

/// Why `int(s, base)` failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseIntError {
    /// `base` was not 0 or 2..=36.
    InvalidBase,
    /// Not a valid literal: `invalid literal for int() with base N: ...`.
    Invalid,
    /// More digits than the limit: `Exceeds the limit (4300 digits) for
    /// integer string conversion: value has 5000 digits; use
    /// sys.set_int_max_str_digits() to increase the limit`.
    TooManyDigits {
        /// Number of digits in the text (underscores not counted).
        digits: usize,
    },
}

fn finish_hash(negative: bool, h: u64) -> i64 {
    let mut h = h as i64;
    if negative {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an int that fits in an `i64`.
pub fn int_hash_i64(v: i64) -> i64 {
    finish_hash(v < 0, v.unsigned_abs() % HASH_MODULUS)
}

/// `hash(n)` for any int: `sign(n) * (|n| mod (2**61 - 1))`, with -1
/// replaced by -2.
pub fn int_hash(v: &BigInt) -> i64 {
    let mut h: u128 = 0;
    for d in v.magnitude().iter_u64_digits().rev() {
        h = ((h << 64) | d as u128) % HASH_MODULUS as u128;
    }
    finish_hash(v.sign() == BigSign::Minus, h as u64)
}

/// `hash(complex(re, im))` from the hashes of its parts.
pub fn complex_hash(real_hash: i64, imag_hash: i64) -> i64 {
    let h =
        (real_hash as u64).wrapping_add((HASH_IMAG as u64).wrapping_mul(imag_hash as u64)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The digits of `|v|` in `radix` (lowercase), through the standard
/// library's formatting when the magnitude fits a `u64` (num-bigint's
/// general conversion allocates a digit vector even for small values).
pub(crate) fn magnitude_digits(v: &BigInt, radix: u32) -> String {
    use num_traits::ToPrimitive;
    if let Some(m) = v.magnitude().to_u64() {
        match radix {
            10 => return m.to_string(),
            16 => return format!("{:x}", m),
            8 => return format!("{:o}", m),
            2 => return format!("{:b}", m),
            _ => {}
        }
    }
    v.magnitude().to_str_radix(radix)
}

/// `bin(v)` (radix 2), `oct(v)` (8), `hex(v)` (16): `0b101`, `-0x1f`.
/// Radix 10 gives `str(v)`; other radixes 3..=36 give lowercase digits
/// without a prefix; an out-of-range radix is treated as 10.
pub fn int_to_str_radix(v: &BigInt, radix: u32) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let prefix = match radix {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let digits = magnitude_digits(v, radix);
    let mut out = String::with_capacity(digits.len() + 3);
    if v.sign() == BigSign::Minus {
        out.push('-');
    }
    out.push_str(prefix);
    out.push_str(&digits);
    out
}

/// `int(s, base)` with no digit limit. See the module docs.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, ParseIntError> {
    parse_int_with_limit(s, base, 0)
}

/// `int(s, base)` with CPython 3.11's `max_str_digits` limit (0 = no limit).
pub fn parse_int_with_limit(
    s: &str,
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    if !(base == 0 || (2..=36).contains(&base)) {
        return Err(ParseIntError::InvalidBase);
    }
    let bytes = to_ascii_number_text(s).ok_or(ParseIntError::Invalid)?;
    parse_int_bytes(&bytes, base, max_str_digits)
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(b, base)` for `bytes`/`bytearray` (ASCII only), with the digit
/// limit (0 = none).
pub fn parse_int_bytes(
    b: &[u8],
    base: u32,
    max_str_digits: usize,
) -> Result<BigInt, ParseIntError> {
    if !(base == 0 || (2..=36).contains(&base)) {
        return Err(ParseIntError::InvalidBase);
    }
    let mut i = 0;
    while i < b.len() && ascii_space(b[i]) {
        i += 1;
    }
    let mut negative = false;
    match b.get(i) {
        Some(b'+') => i += 1,
        Some(b'-') => {
            negative = true;
            i += 1;
        }
        _ => {}
    }
    let mut base = base;
    let mut must_be_zero = false;
    let starts_zero = b.get(i) == Some(&b'0');
    let next = b.get(i + 1).map(|c| c.to_ascii_lowercase());
    if base == 0 {
        base = if !starts_zero {
            10
        } else {
            match next {
                Some(b'x') => 16,
                Some(b'o') => 8,
                Some(b'b') => 2,
                _ => {
                    must_be_zero = true;
                    10
                }
            }
        };
    }
    if starts_zero
        && matches!(
            (base, next),
            (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b'))
        )
    {
        i += 2;
        if b.get(i) == Some(&b'_') {
            i += 1;
        }
    }
    // Digits with single separating underscores.
    let mut digits: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    if b.get(i) == Some(&b'_') {
        return Err(ParseIntError::Invalid);
    }
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev_underscore {
                return Err(ParseIntError::Invalid);
            }
            prev_underscore = true;
        } else {
            let d = digit_value(c);
            if d >= base {
                break;
            }
            digits.push(d as u8);
            prev_underscore = false;
        }
        i += 1;
    }
    if prev_underscore || digits.is_empty() {
        return Err(ParseIntError::Invalid);
    }
    if max_str_digits > 0 && !base.is_power_of_two() && digits.len() > max_str_digits {
        return Err(ParseIntError::TooManyDigits {
            digits: digits.len(),
        });
    }
    while i < b.len() && ascii_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(ParseIntError::Invalid);
    }
    let mag = BigUint::from_radix_be(&digits, base).ok_or(ParseIntError::Invalid)?;
    if must_be_zero && !mag.is_zero() {
        return Err(ParseIntError::Invalid);
    }
    let sign = if negative {
        BigSign::Minus
    } else {
        BigSign::Plus
    };
    Ok(BigInt::from_biguint(sign, mag))
}
