//! The floating-point algorithms of `math` that CPython 3.11 computes
//! itself rather than taking from libm, written here from their published
//! descriptions so that results agree with CPython's bit for bit: the
//! Lanczos gamma and log-gamma (Godfrey's method with Boost's
//! `lanczos13m53` rational approximation), sin(pi*x) for the reflection
//! formula, the scaled and error-compensated vector norm behind `hypot` and
//! `dist`, Shewchuk's exact summation for `fsum`, IEEE remainder, and the
//! exact bit operations (`frexp`, `ldexp`, `nextafter`, `ulp`).
//! Nothing here touches objects.

use crate::object::cfuncs::{cos, exp, log, pow, sin};
use std::f64::consts::PI;

/// What C's `errno` would say after a libm-style function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Errno {
    /// EDOM: a domain error (ValueError "math domain error").
    Dom,
    /// ERANGE: overflow (OverflowError "math range error"), or an underflow
    /// that CPython ignores (a result below 1.5 in magnitude).
    Range,
}

// ---------------------------------------------------------------- gamma

/// The Lanczos parameter g of the `lanczos13m53` approximation, and g - 1/2
/// (both exact in binary).
const LANCZOS_G: f64 = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524680040776729583740234375;
const LANCZOS_N: usize = 13;

/// Numerator coefficients of the rational function (lowest degree first),
/// as published with Boost's `lanczos13m53`.
const LANCZOS_NUM: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// Denominator coefficients: those of x(x+1)...(x+11), lowest degree first.
const fn lanczos_den() -> [f64; LANCZOS_N] {
    let mut c = [0i64; LANCZOS_N];
    c[1] = 1; // the polynomial x
    let mut k = 1;
    while k < LANCZOS_N - 1 {
        // multiply by (x + k)
        let mut i = LANCZOS_N - 1;
        while i > 0 {
            c[i] = c[i - 1] + c[i] * k as i64;
            i -= 1;
        }
        c[0] *= k as i64;
        k += 1;
    }
    let mut out = [0.0; LANCZOS_N];
    let mut i = 0;
    while i < LANCZOS_N {
        out[i] = c[i] as f64;
        i += 1;
    }
    out
}
const LANCZOS_DEN: [f64; LANCZOS_N] = lanczos_den();

/// The rational function of the approximation. Past 5 both polynomials are
/// evaluated in 1/x (scaled by x**(1-N)), which keeps them from
/// overflowing and is more accurate there.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// (n-1)! for n = 1..=23, where gamma is answered exactly.
const fn gamma_integral() -> [f64; 23] {
    let mut out = [0.0; 23];
    let mut f: u128 = 1;
    let mut i = 0;
    while i < 23 {
        if i > 0 {
            f *= i as u128;
        }
        out[i] = f as f64;
        i += 1;
    }
    out
}
const GAMMA_INTEGRAL: [f64; 23] = gamma_integral();

/// sin(pi * x) for finite x, reduced so that exact zeros come out exact.
pub fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => sin(PI * y),
        1 => cos(PI * (y - 0.5)),
        // sin(pi*(1-y)), not -sin(pi*(y-1)): the latter is -0.0 at y == 1.
        2 => sin(PI * (1.0 - y)),
        3 => -cos(PI * (y - 1.5)),
        _ => sin(PI * (y - 2.0)),
    };
    1f64.copysign(x) * r
}

/// The gamma function.
pub fn gamma(x: f64) -> (f64, Option<Errno>) {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return (x, None);
        }
        return (f64::NAN, Some(Errno::Dom));
    }
    if x == 0.0 {
        return (f64::INFINITY.copysign(x), Some(Errno::Dom));
    }
    if x == x.floor() {
        if x < 0.0 {
            return (f64::NAN, Some(Errno::Dom));
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return (GAMMA_INTEGRAL[x as usize - 1], None);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return (r, r.is_infinite().then_some(Errno::Range));
    }
    // Past 200 the result overflows (x > 0) or underflows to a signed zero.
    if absx > 200.0 {
        if x < 0.0 {
            return (0.0 / sinpi(x), None);
        }
        return (f64::INFINITY, Some(Errno::Range));
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // z: the rounding error of y, recovered exactly (which subtraction
    // order is exact depends on which addend is larger).
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= pow(y, absx - 0.5);
        } else {
            let half = pow(y, absx / 2.0 - 0.25);
            r /= half;
            r /= half;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= pow(y, absx - 0.5);
        } else {
            let half = pow(y, absx / 2.0 - 0.25);
            r *= half;
            r *= half;
        }
    }
    (r, r.is_infinite().then_some(Errno::Range))
}

/// The natural logarithm of |gamma(x)|.
pub fn lgamma(x: f64) -> (f64, Option<Errno>) {
    /// log(pi)
    const LOGPI: f64 = 1.144729885849400174143427351353058711647;
    if !x.is_finite() {
        if x.is_nan() {
            return (x, None);
        }
        return (f64::INFINITY, None);
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return (f64::INFINITY, Some(Errno::Dom));
        }
        return (0.0, None);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return (-log(absx), None);
    }
    let mut r = log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        // reflection: gamma(x) * gamma(-x) = -pi / (x * sin(pi x))
        r = LOGPI - log(sinpi(absx).abs()) - log(absx) - r;
    }
    (r, r.is_infinite().then_some(Errno::Range))
}

// ---------------------------------------------------------------- norms

/// The Euclidean norm of `v` (absolute values, none above `max`), to
/// within about one rounding: each value is scaled by a power of two so the
/// largest lies in [0.5, 1), squared exactly by Dekker's splitting, and the
/// squares are summed with their rounding errors kept in separate
/// accumulators; the square root then gets one Newton correction.
pub fn vector_norm(v: &[f64], max: f64, found_nan: bool) -> f64 {
    // 2**27 + 1: splits a double into two halves of 26 bits.
    const T27: f64 = 134217729.0;
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    // csum += x, keeping the exact rounding error in *frac (|csum| >= |x|).
    fn add(csum: &mut f64, frac: &mut f64, x: f64) {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // 2**-max_e would overflow: all values are tiny; divide by the
        // largest instead (less accurate, as CPython 3.11 is here).
        for &x in v.iter() {
            let x = x / max;
            add(&mut csum, &mut frac1, x * x);
        }
        return max * (csum - 1.0 + frac1).sqrt();
    }
    let scale = ldexp(1.0, -max_e);
    fn split(x: f64) -> (f64, f64) {
        let t = x * T27;
        let hi = t - (t - x);
        (hi, x - hi)
    }
    for &x in v.iter() {
        let x = x * scale;
        let (hi, lo) = split(x);
        add(&mut csum, &mut frac1, hi * hi);
        add(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    add(&mut csum, &mut frac1, -hi * hi);
    add(&mut csum, &mut frac2, -2.0 * hi * lo);
    add(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

// ---------------------------------------------------------------- fsum

/// Exact summation (Shewchuk's algorithm, as Hettinger's recipe applies it):
/// a list of non-overlapping partials holds the running sum exactly.
#[derive(Default)]
pub struct Fsum {
    partials: Vec<f64>,
    special: f64,
    inf: f64,
}

pub enum FsumError {
    /// OverflowError "intermediate overflow in fsum"
    Overflow,
    /// ValueError "-inf + inf in fsum"
    InfMinusInf,
}

impl Fsum {
    pub fn add(&mut self, item: f64) -> Result<(), FsumError> {
        let mut x = item;
        let mut kept = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[kept] = lo;
                kept += 1;
            }
            x = hi;
        }
        self.partials.truncate(kept);
        if x != 0.0 {
            if !x.is_finite() {
                // A non-finite running sum from finite items overflowed;
                // otherwise an inf or nan was summed: add those apart.
                if item.is_finite() {
                    return Err(FsumError::Overflow);
                }
                if item.is_infinite() {
                    self.inf += item;
                }
                self.special += item;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    pub fn total(mut self) -> Result<f64, FsumError> {
        if self.special != 0.0 {
            if self.inf.is_nan() {
                return Err(FsumError::InfMinusInf);
            }
            return Ok(self.special);
        }
        let p = &mut self.partials;
        let Some(mut hi) = p.pop() else { return Ok(0.0) };
        let mut lo = 0.0;
        // Add from the largest partial down while the sum stays exact.
        while let Some(y) = p.pop() {
            let x = hi;
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across partials: if the next partial has the
        // sign of the rounding error, the true sum is not a tie, so a
        // halfway lo must round away.
        if let Some(&next) = p.last() {
            if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
                let y = lo * 2.0;
                let x = hi + y;
                if y == x - hi {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

// ---------------------------------------------------------------- exact ops

/// The IEEE 754 remainder x - n*y, n the integer nearest x/y (ties to even).
pub fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // A tie: m is exactly ay/2; choose the even multiple.
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return 1f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// (m, e) with x == m * 2**e and 0.5 <= |m| < 1; (x, 0) for 0, inf and nan.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adjust) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(64), -64) } else { (x, 0) };
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e + adjust)
}

/// x * 2**n, rounded once. Scaling goes in steps that cannot overflow or
/// lose bits early; a result in the subnormal range is reached from a
/// normal value 2**53 times larger, so only the last step rounds.
pub fn ldexp(mut x: f64, mut n: i32) -> f64 {
    let two_1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    // 2**-1022 * 2**53
    let down = f64::from_bits(0x0010_0000_0000_0000) * f64::from_bits(0x4340_0000_0000_0000);
    if n > 1023 {
        x *= two_1023;
        n -= 1023;
        if n > 1023 {
            x *= two_1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        x *= down;
        n += 1022 - 53;
        if n < -1022 {
            x *= down;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    x * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// The next double after x in the direction of y.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let b = x.to_bits();
    // Moving away from zero increases the magnitude bits.
    let away = (y > x) == (x > 0.0);
    f64::from_bits(if away { b + 1 } else { b - 1 })
}

/// The value of the least significant bit of x.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let up = nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        // x is the largest finite double
        return x - nextafter(x, -f64::INFINITY);
    }
    up - x
}

/// The correctly rounded (half to even) double nearest the non-negative
/// big integer `n` divided by 2**bits(n): (m, e) with n ~= m * 2**e,
/// 0.5 <= m < 1 (what CPython uses to take the log of ints too big for a
/// double).
pub fn big_frexp(n: &num_bigint::BigUint) -> (f64, u64) {
    use num_traits::ToPrimitive;
    let bits = n.bits();
    if bits <= 53 {
        let v = n.to_u64().unwrap_or(0) as f64;
        let (m, e) = frexp(v);
        return (m, e as u64);
    }
    let shift = bits - 53;
    let top = (n >> shift).to_u64().unwrap_or(0);
    let rest = n - (num_bigint::BigUint::from(top) << shift);
    let half = num_bigint::BigUint::from(1u8) << (shift - 1);
    let mut m = top;
    if rest > half || (rest == half && top & 1 == 1) {
        m += 1;
    }
    let mut e = bits;
    if m == 1 << 53 {
        m = 1 << 52;
        e += 1;
    }
    (m as f64 / (1u64 << 53) as f64, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanczos_denominator_is_rising_factorial() {
        assert_eq!(LANCZOS_DEN[0], 0.0);
        assert_eq!(LANCZOS_DEN[1], 39916800.0);
        assert_eq!(LANCZOS_DEN[11], 66.0);
        assert_eq!(LANCZOS_DEN[12], 1.0);
    }

    #[test]
    fn gamma_integers_are_factorials() {
        assert_eq!(GAMMA_INTEGRAL[0], 1.0);
        assert_eq!(GAMMA_INTEGRAL[5], 120.0);
        assert_eq!(gamma(23.0).0, 1124000727777607680000.0);
    }

    #[test]
    fn ldexp_rounds_once_into_subnormals() {
        assert_eq!(ldexp(1.0, -1074), f64::from_bits(1));
        assert_eq!(ldexp(1.5, -1074), f64::from_bits(2));
        assert_eq!(ldexp(1.0, -1076), 0.0);
        assert_eq!(ldexp(f64::MAX, -2097).to_bits(), 2);
        assert_eq!(ldexp(1.0, 1024), f64::INFINITY);
        assert_eq!(ldexp(f64::from_bits(1), 2097), 2f64.powi(1023));
    }

    #[test]
    fn frexp_subnormal() {
        assert_eq!(frexp(f64::from_bits(1)), (0.5, -1073));
        assert_eq!(frexp(-8.0), (-0.5, 4));
    }

    #[test]
    fn fsum_rounds_half_even_across_partials() {
        let mut s = Fsum::default();
        for x in [1e-16, 1.0, 1e16] {
            assert!(s.add(x).is_ok());
        }
        assert_eq!(s.total().ok(), Some(10000000000000002.0));
    }
}
