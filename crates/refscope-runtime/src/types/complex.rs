//! `complex`: a pair of doubles. Enough for literals, arithmetic and repr.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};

pub struct ComplexData {
    pub re: f64,
    pub im: f64,
}

pub fn get(obj: &PyRef) -> Option<(f64, f64)> {
    obj.payload::<ComplexData>().map(|c| (c.re, c.im))
}

pub fn new(vm: &Vm, re: f64, im: f64) -> PyRef {
    PyRef::new(&vm.types.complex, ComplexData { re, im })
}

fn part(f: f64) -> String {
    // repr of a component: like float repr but integral values lose ".0".
    let s = refscope_numfmt::float_repr(f);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

pub fn repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) || (im.is_nan() && im.is_sign_negative()) { "-" } else { "+" };
    format!("({}{}{}j)", part(re), sign, part(im.abs()))
}

pub fn complex_pow(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<PyRef> {
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.zero_division_error("0.0 to a negative or complex power"));
        }
        return Ok(new(vm, if b.0 == 0.0 { 1.0 } else { 0.0 }, 0.0));
    }
    let (r, th) = ((a.0 * a.0 + a.1 * a.1).sqrt(), a.1.atan2(a.0));
    let ln_r = r.ln();
    let mag = (b.0 * ln_r - b.1 * th).exp();
    let ang = b.1 * ln_r + b.0 * th;
    Ok(new(vm, mag * ang.cos(), mag * ang.sin()))
}

pub fn hash(re: f64, im: f64) -> i64 {
    let hr = crate::types::float::hash(re) as u64;
    let hi = crate::types::float::hash(im) as u64;
    let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
