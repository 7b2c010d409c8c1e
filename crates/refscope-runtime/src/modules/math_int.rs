//! The integer functions of `math` on num-bigint values: factorial, perm,
//! comb and isqrt. Their results are exact, so any correct algorithm gives
//! CPython's; these multiply by balanced splitting so that big arguments
//! cost about what they cost CPython.

use num_bigint::{BigInt, BigUint};
use num_integer::Roots;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The product of the integers in [lo, hi) (1 when empty), multiplying
/// halves of similar size so the big multiplications are balanced.
fn range_product(lo: &BigUint, hi: &BigUint) -> BigUint {
    if lo >= hi {
        return BigUint::one();
    }
    let len = hi - lo;
    if let Some(n) = len.to_u64() {
        if n <= 16 {
            // short runs: one at a time, in machine words while they fit
            let mut acc = BigUint::one();
            let mut word: u64 = 1;
            let mut i = lo.clone();
            while &i < hi {
                match i.to_u64().and_then(|v| word.checked_mul(v)) {
                    Some(w) => word = w,
                    None => {
                        acc *= word;
                        word = 1;
                        acc *= &i;
                    }
                }
                i += 1u32;
            }
            return acc * word;
        }
    }
    let mid: BigUint = lo + (&len >> 1);
    range_product(lo, &mid) * range_product(&mid, hi)
}

pub fn factorial(n: u64) -> BigInt {
    BigInt::from(range_product(&BigUint::from(2u8), &(BigUint::from(n) + 1u32)))
}

/// n * (n-1) * ... * (n-k+1), for k <= n.
pub fn perm(n: &BigInt, k: u64) -> BigInt {
    let n = n.magnitude();
    let lo = n - BigUint::from(k) + 1u32;
    BigInt::from(range_product(&lo, &(n + 1u32)))
}

/// n! / (k! (n-k)!), for k <= n.
pub fn comb(n: &BigInt, k: u64) -> BigInt {
    let p = perm(n, k);
    p / factorial(k)
}

/// The integer square root of n >= 0.
pub fn isqrt(n: &BigInt) -> BigInt {
    if n.is_zero() || n.is_negative() {
        return BigInt::zero();
    }
    if let Some(v) = n.to_u64() {
        return BigInt::from(v.sqrt());
    }
    BigInt::from(n.magnitude().sqrt())
}

/// Which operand, if either, CPython 3.11's gcd of two ints (its
/// `_PyLong_GCD`, Lehmer's algorithm on 30-bit digits) returns as the very
/// object it was given. Values do not depend on it, identities do: while
/// the larger operand is over two digits, a zero partner ends the loop
/// returning the larger one as it is, and a step that makes no progress
/// (a plain Euclidean step) moves the smaller operand into the larger's
/// place. Any other step computes fresh objects. `a_own` and `b_own` say
/// whether the operands are the caller's objects (CPython's abs of a
/// negative int is already a new object).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GcdOperand {
    A,
    B,
    Fresh,
}

pub fn gcd_returns_operand(a: &BigUint, b: &BigUint, a_own: bool, b_own: bool) -> GcdOperand {
    const SHIFT: u64 = 30;
    let digits = |v: &BigUint| v.bits().div_ceil(SHIFT);
    let digit = |v: &BigUint, i: u64| -> i128 { ((v >> (SHIFT * i)) & BigUint::from((1u64 << SHIFT) - 1)).to_u64().unwrap_or(0) as i128 };
    if digits(a) <= 2 && digits(b) <= 2 {
        return GcdOperand::Fresh;
    }
    let tag = |own: bool, t: GcdOperand| if own { t } else { GcdOperand::Fresh };
    let (mut x_big, mut y_big, mut x_tag, mut y_tag) = (a.clone(), b.clone(), tag(a_own, GcdOperand::A), tag(b_own, GcdOperand::B));
    if x_big < y_big {
        std::mem::swap(&mut x_big, &mut y_big);
        std::mem::swap(&mut x_tag, &mut y_tag);
    }
    while digits(&x_big) > 2 && (x_tag != GcdOperand::Fresh || y_tag != GcdOperand::Fresh) {
        if y_big.is_zero() {
            return x_tag;
        }
        let size_a = digits(&x_big);
        let size_b = digits(&y_big);
        let nbits = 64 - (digit(&x_big, size_a - 1) as u64).leading_zeros() as u64;
        let mut x = (digit(&x_big, size_a - 1) << (2 * SHIFT - nbits))
            | (digit(&x_big, size_a - 2) << (SHIFT - nbits))
            | (digit(&x_big, size_a - 3) >> nbits);
        let mut y = (if size_b + 2 >= size_a { digit(&y_big, size_a - 3) >> nbits } else { 0 })
            | (if size_b + 1 >= size_a { digit(&y_big, size_a - 2) << (SHIFT - nbits) } else { 0 })
            | (if size_b >= size_a { digit(&y_big, size_a - 1) << (2 * SHIFT - nbits) } else { 0 });
        // Lehmer's inner loop, only to learn whether it makes progress.
        let (mut ca, mut cb, mut cc, mut cd) = (1i128, 0i128, 0i128, 1i128);
        let mut k = 0;
        loop {
            if y - cc == 0 {
                break;
            }
            let q = (x + (ca - 1)) / (y - cc);
            let s = cb + q * cd;
            let t = x - q * y;
            if s > t {
                break;
            }
            x = y;
            y = t;
            let t = ca + q * cc;
            ca = cd;
            cb = cc;
            cc = s;
            cd = t;
            k += 1;
        }
        if k > 0 {
            // both operands are recomputed: fresh objects from here on
            return GcdOperand::Fresh;
        }
        let r = &x_big % &y_big;
        x_big = std::mem::replace(&mut y_big, r);
        x_tag = y_tag;
        y_tag = GcdOperand::Fresh;
    }
    GcdOperand::Fresh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values() {
        assert_eq!(factorial(0), BigInt::from(1));
        assert_eq!(factorial(20), BigInt::from(2432902008176640000u64));
        assert_eq!(perm(&BigInt::from(10), 3), BigInt::from(720));
        assert_eq!(comb(&BigInt::from(52), 5), BigInt::from(2598960));
        assert_eq!(isqrt(&BigInt::from(u64::MAX)), BigInt::from(4294967295u64));
        let big = BigInt::from(10).pow(40);
        assert_eq!(isqrt(&(&big * &big - 1)), &big - 1);
    }

    #[test]
    fn gcd_operand_identity() {
        let big = BigUint::from(10u8).pow(30);
        assert_eq!(gcd_returns_operand(&big, &BigUint::zero(), true, true), GcdOperand::A);
        assert_eq!(gcd_returns_operand(&BigUint::zero(), &big, true, true), GcdOperand::B);
        assert_eq!(gcd_returns_operand(&big, &big, true, true), GcdOperand::B);
        assert_eq!(gcd_returns_operand(&big, &BigUint::from(6u8), true, true), GcdOperand::Fresh);
        assert_eq!(gcd_returns_operand(&big, &BigUint::zero(), false, true), GcdOperand::Fresh);
    }

    #[test]
    fn factorial_matches_naive_product() {
        let mut acc = BigInt::from(1);
        for i in 1..200u32 {
            acc *= i;
            assert_eq!(factorial(i as u64), acc);
        }
    }
}
