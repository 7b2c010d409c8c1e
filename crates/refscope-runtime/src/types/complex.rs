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

/// `a ** b` for complex numbers, computed as CPython does: repeated
/// squaring for integral exponents up to 100, else polar form.
pub fn complex_pow(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<PyRef> {
    let mul = |x: (f64, f64), y: (f64, f64)| (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0);
    let div = |x: (f64, f64), y: (f64, f64)| -> Option<(f64, f64)> {
        // CPython's _Py_c_quot (Smith's algorithm).
        let (abs_br, abs_bi) = (y.0.abs(), y.1.abs());
        if abs_br >= abs_bi {
            if abs_br == 0.0 {
                return None;
            }
            let ratio = y.1 / y.0;
            let denom = y.0 + y.1 * ratio;
            Some(((x.0 + x.1 * ratio) / denom, (x.1 - x.0 * ratio) / denom))
        } else if abs_bi >= abs_br {
            let ratio = y.0 / y.1;
            let denom = y.0 * ratio + y.1;
            Some(((x.0 * ratio + x.1) / denom, (x.1 * ratio - x.0) / denom))
        } else {
            Some((f64::NAN, f64::NAN))
        }
    };
    let powu = |mut x: (f64, f64), n: u64| {
        let mut r = (1.0, 0.0);
        let mut mask: u64 = 1;
        while mask > 0 && n >= mask {
            if n & mask != 0 {
                r = mul(r, x);
            }
            mask <<= 1;
            x = mul(x, x);
        }
        r
    };
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            powu(a, n as u64)
        } else {
            let p = powu(a, (-n) as u64);
            match div((1.0, 0.0), p) {
                Some(q) => q,
                None => return Err(vm.zero_division_error("0.0 to a negative or complex power")),
            }
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.zero_division_error("0.0 to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(new(vm, r.0, r.1))
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

// ---------------------------------------------------------------- methods

use crate::types::methods::noargs;

fn this(vm: &Vm, a: &[PyRef]) -> PyResult<(f64, f64)> {
    a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor requires a 'complex' object"))
}

fn complex_conjugate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "complex", "conjugate", a, k)?;
    let (r, i) = this(vm, a)?;
    Ok(new(vm, r, -i))
}
fn complex_complex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "complex", "__complex__", a, k)?;
    let (r, i) = this(vm, a)?;
    if a[0].ty().is(&vm.types.complex) {
        return Ok(a[0].clone());
    }
    Ok(new(vm, r, i))
}
fn complex_getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "complex", "__getnewargs__", a, k)?;
    let (r, i) = this(vm, a)?;
    Ok(vm.tuple([vm.float(r), vm.float(i)]))
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types.complex;
    crate::types::typeobj::add_method(vm, t, "conjugate", complex_conjugate);
    crate::types::typeobj::add_method(vm, t, "__complex__", complex_complex);
    crate::types::typeobj::add_method(vm, t, "__getnewargs__", complex_getnewargs);
}

// ---------------------------------------------------------------- format

/// `format(complex, spec)` (CPython's format_complex_internal): both parts
/// formatted as floats, the imaginary one always signed; without a
/// presentation type the result looks like `str()` (parentheses unless the
/// real part is +0).
pub fn format(re: f64, im: f64, spec: &str, type_name: &str) -> Result<String, refscope_numfmt::NumError> {
    use refscope_numfmt::{Align, FormatSpec, NumError, Sign};
    let fs = refscope_numfmt::parse_format_spec(spec, type_name)?;
    if fs.fill == Some('0') || (fs.fill.is_none() && fs.zero_pad) {
        return Err(NumError::new(refscope_numfmt::ErrorKind::ValueError, "Zero padding is not allowed in complex format specifier"));
    }
    if fs.align_or(Align::Right) == Align::AfterSign {
        return Err(NumError::new(refscope_numfmt::ErrorKind::ValueError, "'=' alignment flag is not allowed in complex format specifier"));
    }
    let ty = match fs.ty {
        None => None,
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Some(c),
        Some('n') => Some('g'),
        Some(c) => {
            // Let the float formatter word the error for this type.
            let probe = FormatSpec { ty: Some(c), ..Default::default() };
            refscope_numfmt::format_float(0.0, &probe, type_name)?;
            return Err(NumError::new(refscope_numfmt::ErrorKind::ValueError, format!("Unknown format code '{}' for object of type '{}'", c, type_name)));
        }
    };
    let (repr_mode, ty, add_parens_possible) = match (ty, fs.precision) {
        (None, None) => (true, None, true),
        (None, Some(_)) => (false, Some('g'), true),
        (Some(t), _) => (false, Some(t), false),
    };
    let skip_re = add_parens_possible && re == 0.0 && re.is_sign_positive();
    let add_parens = add_parens_possible && !skip_re;
    let (re, im) = if fs.no_neg_zero { (if re == 0.0 { 0.0 } else { re }, if im == 0.0 { 0.0 } else { im }) } else { (re, im) };
    let part = |x: f64, sign: Option<Sign>| -> Result<String, NumError> {
        if repr_mode {
            let mut s = refscope_numfmt::float_repr(x);
            if let Some(t) = s.strip_suffix(".0") {
                s = t.to_string();
            }
            if fs.alternate && x.is_finite() && !s.contains('.') {
                match s.find('e') {
                    Some(p) => s.insert(p, '.'),
                    None => s.push('.'),
                }
            }
            if let Some(g) = fs.grouping {
                let sep = if g == refscope_numfmt::Grouping::Comma { ',' } else { '_' };
                let start = if s.starts_with('-') { 1 } else { 0 };
                let end = s[start..].find(|c: char| !c.is_ascii_digit()).map(|p| p + start).unwrap_or(s.len());
                let digits: Vec<char> = s[start..end].chars().collect();
                let mut grouped = String::new();
                for (i, c) in digits.iter().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        grouped.push(sep);
                    }
                    grouped.push(*c);
                }
                s = format!("{}{}{}", &s[..start], grouped, &s[end..]);
            }
            if !s.starts_with('-') {
                match sign {
                    Some(Sign::Plus) => s.insert(0, '+'),
                    Some(Sign::Space) => s.insert(0, ' '),
                    _ => {}
                }
            }
            return Ok(s);
        }
        let ps = FormatSpec {
            fill: None,
            align: None,
            sign,
            no_neg_zero: fs.no_neg_zero,
            alternate: fs.alternate,
            zero_pad: false,
            width: None,
            grouping: fs.grouping,
            precision: fs.precision,
            ty,
        };
        refscope_numfmt::format_float(x, &ps, type_name)
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, fs.sign)?);
        body.push_str(&part(im, Some(Sign::Plus))?);
    } else {
        body.push_str(&part(im, fs.sign)?);
    }
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let len = body.chars().count();
    let width = fs.width.unwrap_or(0);
    if width <= len {
        return Ok(body);
    }
    let pad = width - len;
    let fill = fs.fill.unwrap_or(' ');
    let (left, right) = match fs.align_or(Align::Right) {
        Align::Left => (0, pad),
        Align::Center => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut out = String::with_capacity(body.len() + pad);
    out.extend(std::iter::repeat(fill).take(left));
    out.push_str(&body);
    out.extend(std::iter::repeat(fill).take(right));
    Ok(out)
}
