//! The `math` module, as CPython 3.11's: the same functions, argument
//! parsing (each function's error wording follows how CPython parses its
//! arguments: one argument, positional-only, varargs, keywords), errors,
//! results bit for bit, and the objects returned (`trunc`, `floor`, `ceil`
//! of an int return the int itself; `gcd(n)`, `comb(n, 1)`, `perm(n, 1)`,
//! `prod([], start=x)` return their argument, as CPython's do).
//!
//! Most functions are the platform libm's, as in CPython (Rust's `f64`
//! methods call it, `object::cfuncs` the few they do not); CPython's own
//! algorithms (gamma, lgamma, the vector norm of hypot and dist, fsum, ...)
//! are in `math_real.rs`, the integer ones in `math_int.rs`.

use crate::modules::math_int;
use crate::modules::math_real::{self as real, Errno};
use crate::object::{cfuncs, Kind, PyRef};
use crate::ops;
use crate::types::methods::kw_names;
use crate::types::{builtin_function, dict, float, int, module};
use crate::vm::{NativeFn, PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

// ---------------------------------------------------------------- arguments

fn no_keywords(vm: &Vm, name: &str, k: Option<&PyRef>) -> PyResult<()> {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error(format!("math.{}() takes no keyword arguments", name)));
    }
    Ok(())
}

/// A one-argument function (METH_O).
fn one<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<&'a PyRef> {
    no_keywords(vm, name, k)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!("math.{}() takes exactly one argument ({} given)", name, a.len())));
    }
    Ok(&a[0])
}

/// Positional-only arguments checked as Argument Clinic does
/// (`copysign expected 2 arguments, got 1`).
fn fixed<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    no_keywords(vm, name, k)?;
    let n = a.len();
    if n < min || n > max {
        let (what, m) = if min == max {
            ("", min)
        } else if n < min {
            ("at least ", min)
        } else {
            ("at most ", max)
        };
        return Err(vm.type_error(format!(
            "{} expected {}{} argument{}, got {}",
            name,
            what,
            m,
            if m == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(a)
}

fn two<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<(&'a PyRef, &'a PyRef)> {
    let p = fixed(vm, name, a, k, 2, 2)?;
    Ok((&p[0], &p[1]))
}

// ---------------------------------------------------------------- conversions

fn is_exact_float(vm: &Vm, x: &PyRef) -> bool {
    x.ty().is(&vm.types.float)
}

/// A real number as a double, as CPython's PyFloat_AsDouble: a float's
/// value, else `__float__`, else `__index__`.
pub fn as_double(vm: &Vm, x: &PyRef) -> PyResult<f64> {
    if let Some(f) = float::get(x) {
        return Ok(f);
    }
    if x.ty().is(&vm.types.int) {
        return int::int_to_f64(vm, int_value(x));
    }
    if let Some(r) = ops::call_special(vm, x, "__float__", &[])? {
        return match float::get(&r) {
            Some(f) => Ok(f),
            None => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(x),
                vm.type_name(&r)
            ))),
        };
    }
    if ops::lookup_special(vm, x, "__index__").is_some() {
        let i = index_obj(vm, x)?;
        return int::int_to_f64(vm, int_value(&i));
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(x))))
}

/// An integer as CPython's PyNumber_Index gives it: an exact int (the
/// object itself when it is one; a copy of an int subclass's value).
pub fn index_obj(vm: &Vm, x: &PyRef) -> PyResult<PyRef> {
    if x.ty().is(&vm.types.int) {
        return Ok(x.clone());
    }
    if let Some(d) = int::get(x) {
        return Ok(vm.bigint(d.to_bigint()));
    }
    match ops::call_special(vm, x, "__index__", &[])? {
        Some(r) => {
            if r.ty().is(&vm.types.int) {
                Ok(r)
            } else if let Some(d) = int::get(&r) {
                Ok(vm.bigint(d.to_bigint()))
            } else {
                Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r))))
            }
        }
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(x)))),
    }
}

fn int_value(x: &PyRef) -> &int::IntData {
    static ZERO: int::IntData = int::IntData::Small(0);
    int::get(x).unwrap_or(&ZERO)
}

fn domain_error(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range_error(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// CPython's is_error: what a set errno means for result `r` (an ERANGE
/// with a result below 1.5 is an underflow, which is not an error).
fn check_errno(vm: &Vm, r: f64, e: Option<Errno>) -> PyResult {
    match e {
        Some(Errno::Dom) => Err(domain_error(vm)),
        Some(Errno::Range) if r.abs() >= 1.5 => Err(range_error(vm)),
        _ => Ok(vm.float(r)),
    }
}

/// A one-argument libm function: a nan from a non-nan is a domain error,
/// an infinity from a finite value an overflow (`can_overflow`) or a
/// singularity (a domain error).
fn libm1(vm: &Vm, x: &PyRef, f: fn(f64) -> f64, can_overflow: bool) -> PyResult {
    let x = as_double(vm, x)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error(vm) } else { domain_error(vm) });
    }
    Ok(vm.float(r))
}

/// A two-argument function with CPython's math_2 error rules.
fn libm2(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>, f: fn(f64, f64) -> f64) -> PyResult {
    let (x, y) = two(vm, name, a, k)?;
    let x = as_double(vm, x)?;
    let y = as_double(vm, y)?;
    let r = f(x, y);
    let e = if r.is_nan() {
        (!x.is_nan() && !y.is_nan()).then_some(Errno::Dom)
    } else if r.is_infinite() {
        (x.is_finite() && y.is_finite()).then_some(Errno::Range)
    } else {
        None
    };
    check_errno(vm, r, e)
}

/// A double back to an int (`floor`, `ceil`, `trunc` of a float).
fn float_to_int(vm: &Vm, f: f64) -> PyResult {
    Ok(vm.bigint(refscope_numfmt::float_to_int(f).map_err(|e| crate::builtins::num_error(vm, e))?))
}

// ---------------------------------------------------------------- rounding

fn rounding(vm: &Vm, name: &str, special: &'static str, a: &[PyRef], k: Option<&PyRef>, f: fn(f64) -> f64) -> PyResult {
    let x = one(vm, name, a, k)?;
    if !is_exact_float(vm, x) {
        if let Some(r) = ops::call_special_bound(vm, x, special, &[])? {
            return Ok(r);
        }
    }
    float_to_int(vm, f(as_double(vm, x)?))
}

fn m_ceil(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    rounding(vm, "ceil", "__ceil__", a, k, f64::ceil)
}

fn m_floor(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    rounding(vm, "floor", "__floor__", a, k, f64::floor)
}

fn m_trunc(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one(vm, "trunc", a, k)?;
    if let (true, Some(f)) = (is_exact_float(vm, x), float::get(x)) {
        return float_to_int(vm, f.trunc());
    }
    match ops::call_special_bound(vm, x, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(vm.type_error(format!("type {} doesn't define __trunc__ method", vm.type_name(x)))),
    }
}

// ---------------------------------------------------------------- one-argument libm functions

macro_rules! libm_functions {
    ($($fname:ident: $name:literal, $f:expr, $over:expr;)*) => {$(
        fn $fname(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
            libm1(vm, one(vm, $name, a, k)?, $f, $over)
        }
    )*};
}

libm_functions! {
    m_acos: "acos", cfuncs::acos, false;
    m_acosh: "acosh", cfuncs::acosh, false;
    m_asin: "asin", cfuncs::asin, false;
    m_asinh: "asinh", cfuncs::asinh, false;
    m_atan: "atan", cfuncs::atan, false;
    m_atanh: "atanh", cfuncs::atanh, false;
    m_cbrt: "cbrt", cfuncs::cbrt, false;
    m_cos: "cos", cfuncs::cos, false;
    m_cosh: "cosh", cfuncs::cosh, true;
    m_erf: "erf", cfuncs::erf, false;
    m_erfc: "erfc", cfuncs::erfc, false;
    m_exp: "exp", cfuncs::exp, true;
    m_exp2: "exp2", cfuncs::exp2, true;
    m_expm1: "expm1", cfuncs::expm1, true;
    m_fabs: "fabs", f64::abs, false;
    m_log1p: "log1p", cfuncs::log1p, false;
    m_sin: "sin", cfuncs::sin, false;
    m_sinh: "sinh", cfuncs::sinh, true;
    m_sqrt: "sqrt", f64::sqrt, false;
    m_tan: "tan", cfuncs::tan, false;
    m_tanh: "tanh", cfuncs::tanh, false;
}

fn m_gamma(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = as_double(vm, one(vm, "gamma", a, k)?)?;
    let (r, e) = real::gamma(x);
    check_errno(vm, r, e)
}

fn m_lgamma(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = as_double(vm, one(vm, "lgamma", a, k)?)?;
    let (r, e) = real::lgamma(x);
    check_errno(vm, r, e)
}

fn m_degrees(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = as_double(vm, one(vm, "degrees", a, k)?)?;
    Ok(vm.float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = as_double(vm, one(vm, "radians", a, k)?)?;
    Ok(vm.float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(as_double(vm, one(vm, "isfinite", a, k)?)?.is_finite()))
}

fn m_isinf(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(as_double(vm, one(vm, "isinf", a, k)?)?.is_infinite()))
}

fn m_isnan(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(as_double(vm, one(vm, "isnan", a, k)?)?.is_nan()))
}

fn m_ulp(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    Ok(vm.float(real::ulp(as_double(vm, one(vm, "ulp", a, k)?)?)))
}

fn m_frexp(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (m, e) = real::frexp(as_double(vm, one(vm, "frexp", a, k)?)?);
    Ok(vm.tuple([vm.float(m), vm.int(e as i64)]))
}

fn m_modf(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = as_double(vm, one(vm, "modf", a, k)?)?;
    let (frac, whole) = if x.is_infinite() {
        (0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let w = x.trunc();
        ((x - w).copysign(x), w)
    };
    Ok(vm.tuple([vm.float(frac), vm.float(whole)]))
}

// ---------------------------------------------------------------- two-argument functions

/// atan2 with the C99 special values settled before libm sees them.
fn atan2(y: f64, x: f64) -> f64 {
    use std::f64::consts::PI;
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            let q = if x.is_sign_positive() { 0.25 } else { 0.75 };
            return (q * PI).copysign(y);
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() { 0f64.copysign(y) } else { PI.copysign(y) };
    }
    cfuncs::atan2(y, x)
}

fn m_atan2(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    libm2(vm, "atan2", a, k, atan2)
}

fn m_copysign(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    libm2(vm, "copysign", a, k, f64::copysign)
}

fn m_remainder(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    libm2(vm, "remainder", a, k, real::remainder)
}

fn m_fmod(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (x, y) = two(vm, "fmod", a, k)?;
    let x = as_double(vm, x)?;
    let y = as_double(vm, y)?;
    // fmod(x, +-inf) is x for finite x
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    Ok(vm.float(r))
}

fn m_nextafter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (x, y) = two(vm, "nextafter", a, k)?;
    let x = as_double(vm, x)?;
    let y = as_double(vm, y)?;
    Ok(vm.float(real::nextafter(x, y)))
}

fn m_ldexp(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (x, i) = two(vm, "ldexp", a, k)?;
    let x = as_double(vm, x)?;
    let Some(i) = int::get(i) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    // An exponent beyond a C long is clamped to one; beyond an int it
    // overflows or underflows outright.
    let n = match i {
        int::IntData::Small(n) => *n,
        int::IntData::Big(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let (r, e) = if x == 0.0 || !x.is_finite() {
        (x, None)
    } else if n > i32::MAX as i64 {
        (f64::INFINITY.copysign(x), Some(Errno::Range))
    } else if n < i32::MIN as i64 {
        (0f64.copysign(x), None)
    } else {
        let r = real::ldexp(x, n as i32);
        (r, r.is_infinite().then_some(Errno::Range))
    };
    check_errno(vm, r, e)
}

fn m_pow(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (x, y) = two(vm, "pow", a, k)?;
    let x = as_double(vm, x)?;
    let y = as_double(vm, y)?;
    let mut e = None;
    let r = if !x.is_finite() || !y.is_finite() {
        // IEEE special values, decided here as C99's Annex F says.
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && y.abs() % 2.0 == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        }
    } else {
        let r = cfuncs::pow(x, y);
        if r.is_nan() {
            // only a negative base with a non-integer exponent
            e = Some(Errno::Dom);
        } else if r.is_infinite() {
            // zero to a negative power, or an overflow
            e = Some(if x == 0.0 { Errno::Dom } else { Errno::Range });
        }
        r
    };
    check_errno(vm, r, e)
}

// ---------------------------------------------------------------- logarithms

/// log, log2 or log10 of a number; ints of any size, through their
/// mantissa and exponent when they are too big for a double.
fn log_of(vm: &Vm, x: &PyRef, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(d) = int::get(x) {
        if d.is_negative() || d.is_zero() {
            return Err(domain_error(vm));
        }
        if let Some(v) = d.to_f64() {
            return Ok(f(v));
        }
        let (m, e) = real::big_frexp(d.to_bigint().magnitude());
        return Ok(f(m) + f(2.0) * e as f64);
    }
    let v = as_double(vm, x)?;
    if v.is_nan() {
        return Ok(v);
    }
    if v <= 0.0 {
        // log(0) is a singularity, log(negative) and log(-inf) invalid
        return Err(domain_error(vm));
    }
    Ok(f(v))
}

fn m_log(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 0);
    if !kw_names(k).is_empty() {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if a.is_empty() || a.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &a[0], cfuncs::log)?;
    let Some(base) = a.get(1) else { return Ok(vm.float(num)) };
    let den = log_of(vm, base, cfuncs::log)?;
    if den == 0.0 {
        return Err(vm.zero_division_error("float division by zero"));
    }
    Ok(vm.float(num / den))
}

fn m_log2(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one(vm, "log2", a, k)?;
    Ok(vm.float(log_of(vm, x, cfuncs::log2)?))
}

fn m_log10(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one(vm, "log10", a, k)?;
    Ok(vm.float(log_of(vm, x, cfuncs::log10)?))
}

// ---------------------------------------------------------------- norms and sums

fn m_hypot(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_keywords(vm, "hypot", k)?;
    let mut v = Vec::with_capacity(a.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for x in a {
        let x = as_double(vm, x)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vm.float(real::vector_norm(&v, max, found_nan)))
}

/// A point of `dist`: a tuple as it is, anything else made into one.
fn as_tuple(vm: &Vm, x: &PyRef) -> PyResult<PyRef> {
    if x.kind() == Kind::Tuple {
        return Ok(x.clone());
    }
    let items = ops::iterate(vm, x)?;
    Ok(vm.tuple(items))
}

fn m_dist(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (p, q) = two(vm, "dist", a, k)?;
    let p = as_tuple(vm, p)?;
    let q = as_tuple(vm, q)?;
    let (p, q) = (crate::types::tuple::items(&p), crate::types::tuple::items(&q));
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut v = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (px, qx) in p.iter().zip(q) {
        let px = as_double(vm, px)?;
        let qx = as_double(vm, qx)?;
        let x = (px - qx).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        v.push(x);
    }
    Ok(vm.float(real::vector_norm(&v, max, found_nan)))
}

fn m_fsum(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let seq = one(vm, "fsum", a, k)?;
    let it = ops::get_iter(vm, seq)?;
    let mut sum = real::Fsum::default();
    let fail = |e: real::FsumError| match e {
        real::FsumError::Overflow => vm.overflow_error("intermediate overflow in fsum"),
        real::FsumError::InfMinusInf => vm.value_error("-inf + inf in fsum"),
    };
    while let Some(item) = ops::next(vm, &it)? {
        let x = as_double(vm, &item)?;
        drop(item);
        sum.add(x).map_err(fail)?;
    }
    Ok(vm.float(sum.total().map_err(fail)?))
}

/// CPython's argument parser for a function with keywords builds (once) the
/// tuple of its keyword names whenever the call leaves the fast path: any
/// keyword, or a positional count other than `fast_nargs` (errors included).
fn keyword_parser_init(
    parser: &'static std::thread::LocalKey<std::cell::Cell<bool>>,
    a: &[PyRef],
    k: Option<&PyRef>,
    fast_nargs: usize,
    nnames: usize,
) {
    let nkw = kw_names(k).len();
    if (nkw > 0 || a.len() != fast_nargs) && !parser.with(|r| r.replace(true)) {
        let _kept_for_good = crate::object::gc::Transient::tuple(nnames);
    }
}

fn m_prod(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    thread_local! {
        static PARSER_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    // Only `start` can be passed by keyword: the parser's name tuple holds it alone.
    keyword_parser_init(&PARSER_READY, a, k, 1, 1);
    let p = crate::types::methods::kw_args(vm, "prod", a, k, false, &["iterable", "start"], 1, 1, 1)?;
    let it = ops::get_iter(vm, p[0].unwrap_or(&vm.none))?;
    let mut result = match p[1] {
        Some(s) => s.clone(),
        None => vm.int(1),
    };
    // As CPython: keep a product of exact ints in a machine integer, and
    // of exact floats (and machine-sized ints) in a double, while the
    // items allow; the rest by the `*` operator.
    if result.ty().is(&vm.types.int) {
        if let Some(mut acc) = int::as_i64(&result) {
            loop {
                let Some(item) = ops::next(vm, &it)? else { return Ok(vm.int(acc)) };
                if item.ty().is(&vm.types.int) {
                    if let Some(m) = int::as_i64(&item).and_then(|b| acc.checked_mul(b)) {
                        acc = m;
                        continue;
                    }
                }
                result = ops::binary_op(vm, &vm.int(acc), &item, refscope_compiler::bytecode::BinOp::Mul)?;
                break;
            }
        }
    }
    if is_exact_float(vm, &result) {
        let mut acc = float::get(&result).unwrap_or(1.0);
        loop {
            let Some(item) = ops::next(vm, &it)? else { return Ok(vm.float(acc)) };
            if is_exact_float(vm, &item) {
                acc *= float::get(&item).unwrap_or(1.0);
                continue;
            }
            if item.ty().is(&vm.types.int) {
                if let Some(i) = int::as_i64(&item) {
                    acc *= i as f64;
                    continue;
                }
            }
            result = ops::binary_op(vm, &vm.float(acc), &item, refscope_compiler::bytecode::BinOp::Mul)?;
            break;
        }
    }
    while let Some(item) = ops::next(vm, &it)? {
        result = ops::binary_op(vm, &result, &item, refscope_compiler::bytecode::BinOp::Mul)?;
    }
    Ok(result)
}

fn m_isclose(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    thread_local! {
        static PARSER_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    keyword_parser_init(&PARSER_READY, a, k, 2, 4);
    let p = crate::types::methods::kw_args(vm, "isclose", a, k, false, &["a", "b", "rel_tol", "abs_tol"], 0, 2, 2)?;
    let x = as_double(vm, p[0].unwrap_or(&vm.none))?;
    let y = as_double(vm, p[1].unwrap_or(&vm.none))?;
    let rel_tol = match p[2] {
        Some(v) => as_double(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match p[3] {
        Some(v) => as_double(vm, v)?,
        None => 0.0,
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(vm.bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.bool(false));
    }
    let diff = (y - x).abs();
    Ok(vm.bool(diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol))
}

// ---------------------------------------------------------------- integers

/// |n| as CPython's abs of an exact int: the object itself when it is not
/// negative.
fn int_abs(vm: &Vm, n: PyRef) -> PyRef {
    if int_value(&n).is_negative() {
        int::abs(vm, int_value(&n))
    } else {
        n
    }
}

/// Ints of at most two 30-bit digits, which CPython's gcd computes in a
/// machine word (and so returns as a new object).
fn is_two_digit(d: &int::IntData) -> bool {
    match d {
        int::IntData::Small(i) => i.unsigned_abs() < 1 << 60,
        int::IntData::Big(_) => false,
    }
}

fn gcd_pair(vm: &Vm, a: &PyRef, b: &PyRef) -> PyRef {
    let (da, db) = (int_value(a), int_value(b));
    if is_two_digit(da) && is_two_digit(db) {
        let (x, y) = (da.as_i64().unwrap_or(0).unsigned_abs(), db.as_i64().unwrap_or(0).unsigned_abs());
        return vm.bigint(BigInt::from(num_integer::Integer::gcd(&x, &y)));
    }
    let (ba, bb) = (da.to_bigint(), db.to_bigint());
    let own = |o: &PyRef, d: &int::IntData| o.ty().is(&vm.types.int) && !d.is_negative();
    match math_int::gcd_returns_operand(ba.magnitude(), bb.magnitude(), own(a, da), own(b, db)) {
        math_int::GcdOperand::A => a.clone(),
        math_int::GcdOperand::B => b.clone(),
        math_int::GcdOperand::Fresh => vm.bigint(num_integer::Integer::gcd(&ba, &bb)),
    }
}

fn m_gcd(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_keywords(vm, "gcd", k)?;
    let Some(first) = a.first() else { return Ok(vm.int(0)) };
    let mut res = index_obj(vm, first)?;
    if a.len() == 1 {
        return Ok(int_abs(vm, res));
    }
    for x in &a[1..] {
        let x = index_obj(vm, x)?;
        if int_value(&res).as_i64() == Some(1) {
            continue;
        }
        res = gcd_pair(vm, &res, &x);
    }
    Ok(res)
}

fn m_lcm(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_keywords(vm, "lcm", k)?;
    let Some(first) = a.first() else { return Ok(vm.int(1)) };
    let mut res = index_obj(vm, first)?;
    if a.len() == 1 {
        return Ok(int_abs(vm, res));
    }
    for x in &a[1..] {
        let x = index_obj(vm, x)?;
        let r = int_value(&res);
        if r.is_zero() {
            continue;
        }
        let xv = int_value(&x);
        if xv.is_zero() {
            res = vm.int(0);
            continue;
        }
        let (rb, xb) = (r.to_bigint(), xv.to_bigint());
        let g = num_integer::Integer::gcd(&rb, &xb);
        res = vm.bigint(((rb / g) * xb).abs());
    }
    Ok(res)
}

fn m_isqrt(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let n = index_obj(vm, one(vm, "isqrt", a, k)?)?;
    let d = int_value(&n);
    if d.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.bigint(math_int::isqrt(&d.to_bigint())))
}

/// An int as CPython's PyLong_AsLongAndOverflow sees it: the value, or
/// which way it overflows a C long.
fn as_long(vm: &Vm, x: &PyRef) -> PyResult<Result<i64, bool>> {
    let n = index_obj(vm, x)?;
    Ok(match int_value(&n).as_i64() {
        Some(v) => Ok(v),
        None => Err(int_value(&n).is_negative()),
    })
}

fn m_factorial(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one(vm, "factorial", a, k)?;
    match as_long(vm, x)? {
        Err(false) => Err(vm.overflow_error(format!("factorial() argument should not exceed {}", i64::MAX))),
        Err(true) => Err(vm.value_error("factorial() not defined for negative values")),
        Ok(n) if n < 0 => Err(vm.value_error("factorial() not defined for negative values")),
        Ok(n) => Ok(vm.bigint(math_int::factorial(n as u64))),
    }
}

/// The checks `comb` and `perm` share: both exact ints, non-negative.
fn n_and_k(vm: &Vm, n: &PyRef, k: &PyRef) -> PyResult<(PyRef, PyRef)> {
    let n = index_obj(vm, n)?;
    let k = index_obj(vm, k)?;
    if int_value(&n).is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if int_value(&k).is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// perm(n, k) or comb(n, k) once k is known to be small: 1 for k == 0 and
/// n itself for k == 1, as CPython's.
fn perm_comb(vm: &Vm, n: PyRef, k: u64, comb: bool) -> PyRef {
    match k {
        0 => vm.int(1),
        1 => n,
        _ => {
            let nb = int_value(&n).to_bigint();
            vm.bigint(if comb { math_int::comb(&nb, k) } else { math_int::perm(&nb, k) })
        }
    }
}

fn m_perm(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = fixed(vm, "perm", a, k, 1, 2)?;
    let kk = match p.get(1) {
        Some(kk) if !kk.is(&vm.none) => kk,
        _ => return m_factorial(vm, &p[..1], None),
    };
    let (n, kk) = n_and_k(vm, &p[0], kk)?;
    if int::cmp(int_value(&n), int_value(&kk)) == std::cmp::Ordering::Less {
        return Ok(vm.int(0));
    }
    let Some(ki) = int_value(&kk).as_i64() else {
        return Err(vm.overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(perm_comb(vm, n, ki as u64, false))
}

fn m_comb(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (n, kk) = two(vm, "comb", a, k)?;
    let (n, kk) = n_and_k(vm, n, kk)?;
    let ki = match int_value(&n).as_i64() {
        Some(ni) => {
            let ki = match int_value(&kk).as_i64() {
                Some(ki) if ki <= ni => ki,
                _ => return Ok(vm.int(0)),
            };
            ki.min(ni - ki)
        }
        None => {
            let nb = int_value(&n).to_bigint();
            let kb = int_value(&kk).to_bigint();
            let rest = &nb - &kb;
            if rest.is_negative() {
                return Ok(vm.int(0));
            }
            let small = if rest < kb { rest } else { kb };
            match small.to_i64() {
                Some(ki) => ki,
                None => return Err(vm.overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX))),
            }
        }
    };
    Ok(perm_comb(vm, n, ki as u64, true))
}

// ---------------------------------------------------------------- the module

pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "math");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: &[(&'static str, NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", m_comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", m_factorial),
        ("floor", m_floor),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", m_gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", m_isqrt),
        ("lcm", m_lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", m_perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    for &(name, f) in funcs {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        dict::set_item_str(vm, &d, vm.intern(name), vm.float(v));
    }
    m
}
