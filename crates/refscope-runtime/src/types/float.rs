//! `float`: an IEEE 754 double, repr'd and formatted exactly as CPython does.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::BinOp;

pub struct FloatData(pub f64);

#[inline]
pub fn get(obj: &PyRef) -> Option<f64> {
    obj.payload::<FloatData>().map(|f| f.0)
}

pub fn repr(f: f64) -> String {
    refscope_numfmt::float_repr(f)
}

pub fn hash(f: f64) -> i64 {
    refscope_numfmt::float_hash(f).unwrap_or(0)
}

/// Python float arithmetic on two floats.
pub fn binop(vm: &Vm, op: BinOp, a: f64, b: f64) -> PyResult<Option<PyRef>> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return Err(vm.zero_division_error("float division by zero"));
            }
            a / b
        }
        BinOp::FloorDiv => {
            if b == 0.0 {
                return Err(vm.zero_division_error("float floor division by zero"));
            }
            refscope_numfmt::float_floor_div(a, b).unwrap_or(f64::NAN)
        }
        BinOp::Mod => {
            if b == 0.0 {
                return Err(vm.zero_division_error("float modulo"));
            }
            refscope_numfmt::float_mod(a, b).unwrap_or(f64::NAN)
        }
        BinOp::Pow => return pow(vm, a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(vm.float(r)))
}

pub fn pow(vm: &Vm, a: f64, b: f64) -> PyResult<PyRef> {
    if a == 0.0 && b < 0.0 {
        return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        // CPython returns a complex number here.
        return crate::types::complex::complex_pow(vm, (a, 0.0), (b, 0.0));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(vm.new_exception(&vm.exc.overflow_error, "(34, 'Numerical result out of range')".into()));
    }
    Ok(vm.float(r))
}

pub fn divmod(vm: &Vm, a: f64, b: f64) -> PyResult<PyRef> {
    if b == 0.0 {
        return Err(vm.zero_division_error("float divmod()"));
    }
    let (q, r) = refscope_numfmt::float_divmod(a, b).unwrap_or((f64::NAN, f64::NAN));
    Ok(vm.tuple(vec![vm.float(q), vm.float(r)]))
}
