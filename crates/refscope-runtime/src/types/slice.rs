//! `slice`: start, stop and step objects, the index arithmetic every
//! sequence uses (CPython's PySlice_Unpack and PySlice_AdjustIndices), and
//! the slice methods (`indices`, `__reduce__`).

use crate::object::PyRef;
use crate::types::methods::one_arg;
use crate::types::{int, typeobj};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

pub struct SliceData {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

pub fn get(obj: &PyRef) -> Option<&SliceData> {
    obj.payload::<SliceData>()
}

/// The components as machine integers (CPython's PySlice_Unpack): `None`
/// becomes the default for the step's direction, huge values saturate.
/// May run `__index__`, so call it before looking at the sequence's length.
pub fn unpack(vm: &Vm, s: &SliceData) -> PyResult<(i64, i64, i64)> {
    let step = if s.step.is(&vm.none) {
        1
    } else {
        let st = clamp_index(vm, &s.step)?;
        if st == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        // -PY_SSIZE_T_MAX is the smallest step (so that -step cannot overflow).
        st.max(-i64::MAX)
    };
    let start = if s.start.is(&vm.none) {
        if step < 0 {
            i64::MAX
        } else {
            0
        }
    } else {
        clamp_index(vm, &s.start)?
    };
    let stop = if s.stop.is(&vm.none) {
        if step < 0 {
            i64::MIN
        } else {
            i64::MAX
        }
    } else {
        clamp_index(vm, &s.stop)?
    };
    Ok((start, stop, step))
}

/// Clamp unpacked indices to a sequence of length `len` (CPython's
/// PySlice_AdjustIndices): (start, stop, slicelength).
pub fn adjust(len: i64, mut start: i64, mut stop: i64, step: i64) -> (i64, i64, i64) {
    if start < 0 {
        start = start.saturating_add(len);
        if start < 0 {
            start = if step < 0 { -1 } else { 0 };
        }
    } else if start >= len {
        start = if step < 0 { len - 1 } else { len };
    }
    if stop < 0 {
        stop = stop.saturating_add(len);
        if stop < 0 {
            stop = if step < 0 { -1 } else { 0 };
        }
    } else if stop >= len {
        stop = if step < 0 { len - 1 } else { len };
    }
    // Both bounds are now within [-1, len], so the differences fit; the
    // step is at least -i64::MAX (`unpack`), so its negation does too.
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / step.saturating_neg() + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, n)
}

/// Resolve a slice against a sequence of length `len`: (start, stop, step,
/// slicelength), as CPython's PySlice_GetIndicesEx.
pub fn indices(vm: &Vm, s: &SliceData, len: i64) -> PyResult<(i64, i64, i64, i64)> {
    let (start, stop, step) = unpack(vm, s)?;
    let (start, stop, n) = adjust(len, start, stop, step);
    Ok((start, stop, step, n))
}

/// An index from a slice component, clamped to i64 like CPython's
/// _PyEval_SliceIndex (huge values saturate).
fn clamp_index(vm: &Vm, v: &PyRef) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    if let Some(i) = int::as_i64(v) {
        return Ok(i);
    }
    if int::get(v).is_none() && crate::ops::lookup_special(vm, v, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let b = int::index_value(vm, v)?;
    Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

/// `slice.indices(length)`, computed on unbounded ints as CPython does.
fn slice_indices(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "slice", "indices", a, k)?;
    let s = a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor 'indices' requires a 'slice' object"))?;
    let length = int::index_value(vm, x)?;
    if length.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = indices_big(vm, s, &length)?;
    Ok(vm.tuple([vm.bigint(start), vm.bigint(stop), vm.bigint(step)]))
}

/// (start, stop, step) of a slice against a length, on unbounded ints
/// (CPython's _PySlice_GetLongIndices).
pub fn indices_big(vm: &Vm, s: &SliceData, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let length = length.clone();
    let big = |v: &PyRef| -> PyResult<BigInt> {
        if int::get(v).is_none() && crate::ops::lookup_special(vm, v, "__index__").is_none() {
            return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
        }
        int::index_value(vm, v)
    };
    let step = if s.step.is(&vm.none) { BigInt::one() } else { big(&s.step)? };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), &length - 1) } else { (BigInt::zero(), length.clone()) };
    let fix = |v: &PyRef, default: &BigInt| -> PyResult<BigInt> {
        if v.is(&vm.none) {
            return Ok(default.clone());
        }
        let mut i = big(v)?;
        if i.is_negative() {
            i += &length;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = fix(&s.start, if neg { &upper } else { &lower })?;
    let stop = fix(&s.stop, if neg { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn slice_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::noargs(vm, "slice", "__reduce__", a, k)?;
    let s = a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor '__reduce__' requires a 'slice' object"))?;
    Ok(vm.tuple([vm.types.slice.clone(), vm.tuple([s.start.clone(), s.stop.clone(), s.step.clone()])]))
}

pub fn init_methods(vm: &Vm) {
    typeobj::add_method(vm, &vm.types.slice, "indices", slice_indices);
    typeobj::add_method(vm, &vm.types.slice, "__reduce__", slice_reduce);
}
