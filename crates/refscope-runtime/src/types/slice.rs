//! `slice`: start, stop and step objects, and the index arithmetic of
//! `slice.indices()` that every sequence uses.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};

pub struct SliceData {
    pub start: PyRef,
    pub stop: PyRef,
    pub step: PyRef,
}

pub fn get(obj: &PyRef) -> Option<&SliceData> {
    obj.payload::<SliceData>()
}

/// Resolve a slice against a sequence of length `len`: (start, stop, step,
/// slicelength), as CPython's PySlice_GetIndicesEx.
pub fn indices(vm: &Vm, s: &SliceData, len: i64) -> PyResult<(i64, i64, i64, i64)> {
    let step = if s.step.is(&vm.none) {
        1
    } else {
        let st = clamp_index(vm, &s.step)?;
        if st == 0 {
            return Err(vm.value_error("slice step cannot be zero"));
        }
        st
    };
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: &PyRef, default: i64| -> PyResult<i64> {
        if v.is(&vm.none) {
            return Ok(default);
        }
        let mut i = clamp_index(vm, v)?;
        if i < 0 {
            i += len;
            if i < lower {
                i = lower;
            }
        } else if i > upper {
            i = upper;
        }
        Ok(i)
    };
    let start = fix(&s.start, if step < 0 { upper } else { lower })?;
    let stop = fix(&s.stop, if step < 0 { lower } else { upper })?;
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n))
}

/// An index from a slice component, clamped to i64 like CPython's
/// _PyEval_SliceIndex (huge values saturate).
fn clamp_index(vm: &Vm, v: &PyRef) -> PyResult<i64> {
    use num_traits::{Signed, ToPrimitive};
    if let Some(i) = crate::types::int::as_i64(v) {
        return Ok(i);
    }
    match crate::types::int::index_value(vm, v) {
        Ok(b) => Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN + 1 } else { i64::MAX })),
        Err(_) => Err(vm.type_error("slice indices must be integers or None or have an __index__ method")),
    }
}
