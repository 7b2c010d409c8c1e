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
    fn factorial_matches_naive_product() {
        let mut acc = BigInt::from(1);
        for i in 1..200u32 {
            acc *= i;
            assert_eq!(factorial(i as u64), acc);
        }
    }
}
