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
    Ok(vm.tuple([vm.float(q), vm.float(r)]))
}

// ---------------------------------------------------------------- methods

use crate::types::methods::{noargs, one_arg, pos_args};
use crate::types::typeobj;

fn this(vm: &Vm, a: &[PyRef]) -> PyResult<f64> {
    a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor requires a 'float' object"))
}

fn num_err(vm: &Vm, e: refscope_numfmt::NumError) -> crate::vm::PyErr {
    crate::builtins::num_error(vm, e)
}

/// `float(self)`: the object itself when it is an exact float.
fn as_exact(vm: &Vm, o: &PyRef, f: f64) -> PyRef {
    if o.ty().is(&vm.types.float) {
        o.clone()
    } else {
        vm.float(f)
    }
}

fn float_as_integer_ratio(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "as_integer_ratio", a, k)?;
    let (n, d) = refscope_numfmt::float_to_integer_ratio(this(vm, a)?).map_err(|e| num_err(vm, e))?;
    Ok(vm.tuple([vm.bigint(n), vm.bigint(d)]))
}
fn float_is_integer(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "is_integer", a, k)?;
    Ok(vm.bool(refscope_numfmt::float_is_integer(this(vm, a)?)))
}
fn float_hex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "hex", a, k)?;
    Ok(vm.str_owned(refscope_numfmt::float_hex(this(vm, a)?)))
}
/// `float.fromhex(string)` (a class method).
fn float_fromhex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "float", "fromhex", a, k)?;
    let Some(s) = crate::types::str::get(x) else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let f = refscope_numfmt::float_fromhex(s.as_str()).map_err(|e| num_err(vm, e))?;
    let r = vm.float(f);
    if a[0].is(&vm.types.float) {
        return Ok(r);
    }
    crate::ops::call1(vm, &a[0], r)
}
fn float_conjugate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "conjugate", a, k)?;
    let f = this(vm, a)?;
    Ok(as_exact(vm, &a[0], f))
}
fn float_getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "__getnewargs__", a, k)?;
    let f = this(vm, a)?;
    Ok(vm.tuple([vm.float(f)]))
}
fn to_int(vm: &Vm, f: f64) -> PyResult {
    Ok(vm.bigint(refscope_numfmt::float_to_int(f).map_err(|e| num_err(vm, e))?))
}
fn float_trunc(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "__trunc__", a, k)?;
    to_int(vm, this(vm, a)?)
}
fn float_floor(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "__floor__", a, k)?;
    to_int(vm, this(vm, a)?.floor())
}
fn float_ceil(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "float", "__ceil__", a, k)?;
    to_int(vm, this(vm, a)?.ceil())
}
/// `round(x)` / `round(x, ndigits)` for a float value.
pub fn round_float(vm: &Vm, f: f64, ndigits: Option<&PyRef>) -> PyResult {
    match ndigits {
        None => Ok(vm.bigint(refscope_numfmt::float_round_to_int(f).map_err(|e| num_err(vm, e))?)),
        Some(n) => {
            use num_traits::{Signed, ToPrimitive};
            let nd = crate::types::int::index_value(vm, n)?;
            let nd = nd.to_i64().unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
            Ok(vm.float(refscope_numfmt::float_round(f, nd).map_err(|e| num_err(vm, e))?))
        }
    }
}
fn float_round(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "float", "__round__", a, k, 0, 1)?;
    let f = this(vm, a)?;
    round_float(vm, f, p.first().filter(|x| !x.is(&vm.none)))
}
/// `float.__getformat__(typestr)` (a class method).
fn float_getformat(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "float", "__getformat__", a, k)?;
    let Some(s) = crate::types::str::get(x) else {
        return Err(vm.type_error(format!("__getformat__() argument must be str, not {}", crate::types::methods::arg_type_name(vm, x))));
    };
    match s.as_str() {
        "double" | "float" => Ok(vm.str("IEEE, little-endian")),
        _ => Err(vm.value_error("__getformat__() argument 1 must be 'double' or 'float'")),
    }
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types.float;
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, t, name, f);
    m("as_integer_ratio", float_as_integer_ratio);
    m("is_integer", float_is_integer);
    m("hex", float_hex);
    m("conjugate", float_conjugate);
    m("__getnewargs__", float_getnewargs);
    m("__trunc__", float_trunc);
    m("__floor__", float_floor);
    m("__ceil__", float_ceil);
    m("__round__", float_round);
    typeobj::add_classmethod(vm, t, "fromhex", float_fromhex);
    typeobj::add_classmethod(vm, t, "__getformat__", float_getformat);
}
