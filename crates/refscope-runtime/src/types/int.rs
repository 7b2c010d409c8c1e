//! `int` (and `bool`, which shares its layout): arbitrary precision through
//! num-bigint, with machine-sized values kept as `i64` so that the common
//! case never allocates a big number. Values -5..=256 are the cached small
//! ints (`Vm::int`).

use crate::object::{Kind, PyRef};
use crate::types::typeobj;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub enum IntData {
    Small(i64),
    Big(Box<BigInt>),
}

impl IntData {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntData::Small(i) => BigInt::from(*i),
            IntData::Big(b) => (**b).clone(),
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            IntData::Small(i) => Some(*i),
            IntData::Big(b) => b.to_i64(),
        }
    }
    pub fn is_zero(&self) -> bool {
        match self {
            IntData::Small(i) => *i == 0,
            IntData::Big(b) => b.is_zero(),
        }
    }
    pub fn is_negative(&self) -> bool {
        match self {
            IntData::Small(i) => *i < 0,
            IntData::Big(b) => b.is_negative(),
        }
    }
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            IntData::Small(i) => Some(*i as f64),
            IntData::Big(b) => {
                let f = b.to_f64()?;
                if f.is_finite() {
                    Some(f)
                } else {
                    None
                }
            }
        }
    }
}

/// The int value of an int or bool object.
#[inline]
pub fn get(obj: &PyRef) -> Option<&IntData> {
    obj.payload::<IntData>()
}

pub fn is_int(obj: &PyRef) -> bool {
    obj.kind() == Kind::Int
}

pub fn to_bigint(obj: &PyRef) -> BigInt {
    get(obj).map(|d| d.to_bigint()).unwrap_or_default()
}

pub fn as_i64(obj: &PyRef) -> Option<i64> {
    get(obj).and_then(|d| d.as_i64())
}

/// An int or float argument converted to f64 (for float arithmetic).
pub fn int_to_f64(vm: &Vm, d: &IntData) -> PyResult<f64> {
    d.to_f64().ok_or_else(|| vm.overflow_error("int too large to convert to float"))
}

pub fn repr(d: &IntData) -> String {
    match d {
        IntData::Small(i) => small_decimal(*i),
        IntData::Big(b) => b.to_string(),
    }
}

/// The decimal digits of `i` in a string of exactly their length (a str
/// object keeps its text without copying it again).
pub fn small_decimal(i: i64) -> String {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut u = i.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    let digits = &buf[at..];
    let mut s = String::with_capacity(digits.len() + (i < 0) as usize);
    if i < 0 {
        s.push('-');
    }
    s.extend(digits.iter().map(|&b| b as char));
    s
}

/// CPython's limit on int -> decimal str conversions
/// (`sys.set_int_max_str_digits`): a ValueError past it.
pub fn check_str_digits(vm: &Vm, d: &IntData) -> PyResult<()> {
    let IntData::Big(b) = d else { return Ok(()) };
    let limit = crate::modules::sys::int_max_str_digits();
    if limit == 0 {
        return Ok(());
    }
    // Cheap bounds first; count the digits only near the limit.
    let approx = b.bits() as f64 * std::f64::consts::LOG10_2;
    let too_many = if approx + 1.0 < limit as f64 {
        false
    } else if approx - 1.0 > limit as f64 + 1.0 {
        true
    } else {
        b.magnitude().to_string().len() > limit
    };
    if too_many {
        return Err(vm.value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            limit
        )));
    }
    Ok(())
}

/// `repr(int)` with the digit limit checked.
pub fn repr_checked(vm: &Vm, d: &IntData) -> PyResult<String> {
    check_str_digits(vm, d)?;
    Ok(repr(d))
}

pub fn hash(d: &IntData) -> i64 {
    match d {
        IntData::Small(i) => hash_i64(*i),
        IntData::Big(b) => hash_big(b),
    }
}

const MODULUS: i64 = (1i64 << 61) - 1;

pub fn hash_i64(i: i64) -> i64 {
    if i.unsigned_abs() < MODULUS as u64 {
        return if i == -1 { -2 } else { i };
    }
    let m = (i.unsigned_abs() % MODULUS as u64) as i64;
    let r = if i < 0 { -m } else { m };
    if r == -1 {
        -2
    } else {
        r
    }
}

pub fn hash_big(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap();
    let r = if b.is_negative() { -r } else { r };
    if r == -1 {
        -2
    } else {
        r
    }
}

/// Binary arithmetic on two ints. `None` means "not supported for ints"
/// (e.g. matrix multiplication).
pub fn binop(vm: &Vm, op: refscope_compiler::bytecode::BinOp, a: &IntData, b: &IntData) -> PyResult<Option<PyRef>> {
    use refscope_compiler::bytecode::BinOp::*;
    if let (IntData::Small(x), IntData::Small(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            Add => x.checked_add(y),
            Sub => x.checked_sub(y),
            Mul => x.checked_mul(y),
            FloorDiv => {
                if y == 0 {
                    return Err(vm.zero_division_error("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
            }
            Mod => {
                if y == 0 {
                    return Err(vm.zero_division_error("integer modulo by zero"));
                }
                x.checked_rem(y).map(|_| x.mod_floor(&y))
            }
            And => Some(x & y),
            Or => Some(x | y),
            Xor => Some(x ^ y),
            LShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if x == 0 {
                    Some(0)
                } else if y < 63 {
                    x.checked_mul(1i64 << y).filter(|v| v >> y == x)
                } else {
                    None
                }
            }
            RShift => {
                if y < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                Some(if y >= 64 { if x < 0 { -1 } else { 0 } } else { x >> y })
            }
            TrueDiv => {
                if y == 0 {
                    return Err(vm.zero_division_error("division by zero"));
                }
                if x.unsigned_abs() < (1u64 << 53) && y.unsigned_abs() < (1u64 << 53) {
                    return Ok(Some(vm.float(x as f64 / y as f64)));
                }
                return Ok(Some(vm.float(true_div_big(vm, &BigInt::from(x), &BigInt::from(y))?)));
            }
            Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
                    }
                    return Ok(Some(vm.float((x as f64).powf(y as f64))));
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32)
                } else if x == 0 || x == 1 {
                    Some(x)
                } else if x == -1 {
                    Some(if y % 2 == 0 { 1 } else { -1 })
                } else {
                    None
                }
            }
            MatMul => return Ok(None),
        };
        if let Some(r) = r {
            return Ok(Some(vm.int(r)));
        }
    }
    let x = a.to_bigint();
    let y = b.to_bigint();
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        FloorDiv => {
            if y.is_zero() {
                return Err(vm.zero_division_error("integer division or modulo by zero"));
            }
            x.div_floor(&y)
        }
        Mod => {
            if y.is_zero() {
                return Err(vm.zero_division_error("integer modulo by zero"));
            }
            x.mod_floor(&y)
        }
        And => x & y,
        Or => x | y,
        Xor => x ^ y,
        LShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Some(vm.int(0)));
            }
            let Some(s) = y.to_usize() else {
                return Err(vm.overflow_error("too many digits in integer"));
            };
            if s > (1 << 32) && !x.is_zero() {
                return Err(vm.memory_error());
            }
            x << s
        }
        RShift => {
            if y.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match y.to_usize() {
                Some(s) => {
                    if x.is_negative() {
                        // Floor semantics for negatives.
                        let q = (&x >> s.min(u32::MAX as usize)) as BigInt;
                        q
                    } else {
                        x >> s
                    }
                }
                None => {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        TrueDiv => {
            if y.is_zero() {
                return Err(vm.zero_division_error("division by zero"));
            }
            return Ok(Some(vm.float(true_div_big(vm, &x, &y)?)));
        }
        Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return Err(vm.zero_division_error("0.0 cannot be raised to a negative power"));
                }
                let xf = x.to_f64().unwrap_or(f64::INFINITY);
                let yf = y.to_f64().unwrap_or(f64::NEG_INFINITY);
                return Ok(Some(vm.float(xf.powf(yf))));
            }
            if x.is_zero() || x.is_one() {
                return Ok(Some(vm.bigint(x)));
            }
            if x == BigInt::from(-1) {
                return Ok(Some(vm.int(if y.is_even() { 1 } else { -1 })));
            }
            let Some(e) = y.to_u32() else {
                return Err(vm.memory_error());
            };
            if x.bits() as u128 * e as u128 > 1u128 << 33 {
                return Err(vm.memory_error());
            }
            num_traits::pow::Pow::pow(x, e)
        }
        MatMul => return Ok(None),
    };
    Ok(Some(vm.bigint(r)))
}

/// Correctly rounded int/int true division.
fn true_div_big(vm: &Vm, x: &BigInt, y: &BigInt) -> PyResult<f64> {
    if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
        if a.abs() < 9007199254740992.0 && b.abs() < 9007199254740992.0 {
            return Ok(a / b);
        }
    }
    // Scale so the quotient has 55+ significant bits, then round once.
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.abs(), y.abs());
    let shift: i64 = 60 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift >= 0 { (a << shift as usize, b) } else { (a, b << (-shift) as usize) };
    let (q, r) = num.div_rem(&den);
    // q has about 60 bits; fold the remainder into a sticky bit.
    let mut qi = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        qi |= 1;
    }
    let f = (qi as f64) * 2f64.powi(-(shift as i32));
    let f = if shift > 1000 || shift < -1000 { ldexp_u64(qi, -shift) } else { f };
    if f.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(if neg { -f } else { f })
}

fn ldexp_u64(m: u64, e: i64) -> f64 {
    let mut f = m as f64;
    let mut e = e;
    while e > 1000 {
        f *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        f *= 2f64.powi(-1000);
        e += 1000;
    }
    f * 2f64.powi(e as i32)
}

pub fn neg(vm: &Vm, d: &IntData) -> PyRef {
    match d {
        IntData::Small(i) => match i.checked_neg() {
            Some(v) => vm.int(v),
            None => vm.bigint(-BigInt::from(*i)),
        },
        IntData::Big(b) => vm.bigint(-(**b).clone()),
    }
}

pub fn invert(vm: &Vm, d: &IntData) -> PyRef {
    match d {
        IntData::Small(i) => vm.int(!i),
        IntData::Big(b) => vm.bigint(-(**b).clone() - BigInt::one()),
    }
}

pub fn abs(vm: &Vm, d: &IntData) -> PyRef {
    match d {
        IntData::Small(i) => match i.checked_abs() {
            Some(v) => vm.int(v),
            None => vm.bigint(BigInt::from(*i).abs()),
        },
        IntData::Big(b) => vm.bigint(b.abs()),
    }
}

pub fn cmp(a: &IntData, b: &IntData) -> std::cmp::Ordering {
    match (a, b) {
        (IntData::Small(x), IntData::Small(y)) => x.cmp(y),
        _ => a.to_bigint().cmp(&b.to_bigint()),
    }
}

/// Compare an int with a float exactly (as CPython does, without rounding
/// the int to a float first).
pub fn cmp_with_float(a: &IntData, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    if let IntData::Small(i) = a {
        // An int of at most 53 bits is exactly a float: compare as floats.
        if i.unsigned_abs() <= 1u64 << 53 {
            return (*i as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let ib = a.to_bigint();
    let fb = BigInt::from_f64_exact(fl);
    match ib.cmp(&fb) {
        std::cmp::Ordering::Equal => {
            if f > fl {
                Some(std::cmp::Ordering::Less)
            } else {
                Some(std::cmp::Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}
impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

/// Convert an object to an int value via `__index__` (for indexing, bin(),
/// range() ...). Errors like CPython's when the object has no `__index__`.
pub fn index_value(vm: &Vm, obj: &PyRef) -> PyResult<BigInt> {
    if let Some(d) = get(obj) {
        return Ok(d.to_bigint());
    }
    match crate::ops::call_special(vm, obj, "__index__", &[])? {
        Some(r) => match get(&r) {
            Some(d) => Ok(d.to_bigint()),
            None => Err(vm.type_error(format!("__index__ returned non-int (type {})", vm.type_name(&r)))),
        },
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(obj)
        ))),
    }
}

/// `__index__` as a machine integer; OverflowError when too big.
pub fn index_i64(vm: &Vm, obj: &PyRef) -> PyResult<i64> {
    if let Some(IntData::Small(i)) = get(obj) {
        return Ok(*i);
    }
    let b = index_value(vm, obj)?;
    b.to_i64().ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

pub fn int_type_check(vm: &Vm, obj: &PyRef) -> bool {
    typeobj::isinstance(obj, &vm.types.int)
}

// ---------------------------------------------------------------- methods

use crate::types::methods::{kw_args, noargs, pos_args};

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a IntData> {
    a.first().and_then(get).ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

/// `int(self)`: an exact int with the same value (bools become 0/1).
fn as_exact(vm: &Vm, o: &PyRef) -> PyRef {
    if o.ty().is(&vm.types.int) {
        return o.clone();
    }
    vm.bigint(to_bigint(o))
}

fn int_bit_length(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "bit_length", a, k)?;
    Ok(vm.int(match this(vm, a)? {
        IntData::Small(i) => (64 - i.unsigned_abs().leading_zeros()) as i64,
        IntData::Big(b) => b.bits() as i64,
    }))
}
fn int_bit_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "bit_count", a, k)?;
    Ok(vm.int(match this(vm, a)? {
        IntData::Small(i) => i.unsigned_abs().count_ones() as i64,
        IntData::Big(b) => b.magnitude().count_ones() as i64,
    }))
}
fn int_conjugate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "conjugate", a, k)?;
    this(vm, a)?;
    Ok(as_exact(vm, &a[0]))
}
fn int_trunc(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "__trunc__", a, k)?;
    this(vm, a)?;
    Ok(as_exact(vm, &a[0]))
}
fn int_floor(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "__floor__", a, k)?;
    this(vm, a)?;
    Ok(as_exact(vm, &a[0]))
}
fn int_ceil(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "__ceil__", a, k)?;
    this(vm, a)?;
    Ok(as_exact(vm, &a[0]))
}
fn int_as_integer_ratio(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "as_integer_ratio", a, k)?;
    this(vm, a)?;
    Ok(vm.tuple([as_exact(vm, &a[0]), vm.int(1)]))
}
fn int_getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "int", "__getnewargs__", a, k)?;
    this(vm, a)?;
    Ok(vm.tuple([as_exact(vm, &a[0])]))
}

/// `round(v, ndigits)` for ints: round half to even at 10**-ndigits.
pub fn round_int(vm: &Vm, v: &BigInt, ndigits: i64) -> PyRef {
    if ndigits >= 0 {
        return vm.bigint(v.clone());
    }
    // More digits than the value has: the result is 0.
    let digits = v.bits() as f64 * std::f64::consts::LOG10_2 + 1.0;
    if (-(ndigits as f64)) > digits + 1.0 {
        return vm.int(0);
    }
    let p = num_traits::pow::Pow::pow(BigInt::from(10), (-ndigits) as u32);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) { q + 1 } else { q };
    vm.bigint(q * p)
}
fn int_round(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "int", "__round__", a, k, 0, 1)?;
    this(vm, a)?;
    match p.first() {
        None => Ok(as_exact(vm, &a[0])),
        Some(n) => {
            let nd = index_value(vm, n)?;
            let nd = nd.to_i64().unwrap_or(if nd.is_negative() { i64::MIN } else { i64::MAX });
            Ok(round_int(vm, &to_bigint(&a[0]), nd))
        }
    }
}

fn byteorder_arg(vm: &Vm, name: &str, x: Option<&PyRef>) -> PyResult<bool> {
    let Some(x) = x else { return Ok(false) };
    let Some(s) = crate::types::str::get(x) else {
        return Err(vm.type_error(format!("{}() argument 'byteorder' must be str, not {}", name, crate::types::methods::arg_type_name(vm, x))));
    };
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "to_bytes", a, k, true, &["length", "byteorder", "signed"], 0, 0, 2)?;
    let v = this(vm, a)?.to_bigint();
    let length = match p[0] {
        Some(x) => index_i64(vm, x)?,
        None => 1,
    };
    let little = byteorder_arg(vm, "to_bytes", p[1])?;
    let signed = match p[2] {
        Some(x) => crate::ops::truthy(vm, x)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if !signed && v.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    // The value must fit: unsigned in 8*length bits, signed in two's complement.
    let bits = v.bits();
    let fits = if v.is_zero() {
        true
    } else if signed {
        if v.is_negative() {
            let m: BigInt = -(&v) - 1;
            m.bits() < (length as u64) * 8
        } else {
            bits < (length as u64) * 8
        }
    } else {
        bits <= (length as u64) * 8
    };
    if !fits {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let mut out = v.to_signed_bytes_le();
    let fill = if v.is_negative() { 0xff } else { 0 };
    out.resize(length as usize, fill);
    if !little {
        out.reverse();
    }
    Ok(vm.bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = kw_args(vm, "from_bytes", a, k, true, &["bytes", "byteorder", "signed"], 0, 1, 2)?;
    let little = byteorder_arg(vm, "from_bytes", p[1])?;
    let data = crate::types::bytes::pyobject_bytes(vm, p[0].unwrap())?;
    let signed = match p[2] {
        Some(x) => crate::ops::truthy(vm, x)?,
        None => false,
    };
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(&data),
        (true, false) => BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
        (false, true) => BigInt::from_signed_bytes_be(&data),
        (false, false) => BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
    };
    let r = vm.bigint(v);
    let cls = &a[0];
    if cls.is(&vm.types.int) {
        return Ok(r);
    }
    crate::ops::call1(vm, cls, r)
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types.int;
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, t, name, f);
    m("bit_length", int_bit_length);
    m("bit_count", int_bit_count);
    m("conjugate", int_conjugate);
    m("__trunc__", int_trunc);
    m("__floor__", int_floor);
    m("__ceil__", int_ceil);
    m("__round__", int_round);
    m("as_integer_ratio", int_as_integer_ratio);
    m("__getnewargs__", int_getnewargs);
    m("to_bytes", int_to_bytes);
    typeobj::add_classmethod(vm, t, "from_bytes", int_from_bytes);
}
