//! `range`: an immutable arithmetic progression (start, stop, step as ints).

use crate::object::PyRef;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

pub struct RangeData {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
    /// Machine-sized copies for the fast path (when all fit in i64).
    pub small: Option<(i64, i64, i64)>,
}

pub fn get(obj: &PyRef) -> Option<&RangeData> {
    obj.payload::<RangeData>()
}

/// Number of items of range(start, stop, step).
pub fn length(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1u32).div_floor(step) + 1u32
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1u32).div_floor(&(-step)) + 1u32
    } else {
        BigInt::zero()
    }
}

pub fn len_small(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 {
        if start < stop {
            ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
        } else {
            0
        }
    } else if start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}
