//! Arithmetic of the builtin types, exposed as their `__add__`, `__radd__`
//! ... methods. `builtin_binop` is the one implementation; the dunder
//! methods registered on int, float, complex, str, bytes, list, tuple, set
//! and dict all call it, so user subclasses that call `super().__add__`
//! reach the same code as the interpreter's fast paths.

use crate::object::{Kind, PyRef};
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::BinOp;

/// `a op b` for builtin operands; `None` for NotImplemented.
pub fn builtin_binop(vm: &Vm, op: BinOp, a: &PyRef, b: &PyRef) -> PyResult<Option<PyRef>> {
    use BinOp::*;
    // bool & | ^ bool stays a bool.
    if matches!(op, And | Or | Xor) && a.ty().is(&vm.types.bool_) && b.ty().is(&vm.types.bool_) {
        let (x, y) = (a.is(&vm.true_), b.is(&vm.true_));
        return Ok(Some(vm.bool(match op {
            And => x & y,
            Or => x | y,
            _ => x ^ y,
        })));
    }
    match (a.kind(), b.kind()) {
        (Kind::Int, Kind::Int) => int::binop(vm, op, int::get(a).unwrap(), int::get(b).unwrap()),
        (Kind::Float, Kind::Float) => float::binop(vm, op, float::get(a).unwrap(), float::get(b).unwrap()),
        (Kind::Int, Kind::Float) => {
            let x = int::int_to_f64(vm, int::get(a).unwrap())?;
            float::binop(vm, op, x, float::get(b).unwrap())
        }
        (Kind::Float, Kind::Int) => {
            let y = int::int_to_f64(vm, int::get(b).unwrap())?;
            float::binop(vm, op, float::get(a).unwrap(), y)
        }
        (Kind::Complex, _) | (_, Kind::Complex) => complex_binop(vm, op, a, b),
        (Kind::Str, Kind::Str) if op == Add => Ok(Some(str::concat_objs(vm, a, b))),
        (Kind::Str, Kind::Int) if op == Mul => seq_repeat(vm, a, b),
        (Kind::Int, Kind::Str) if op == Mul => seq_repeat(vm, b, a),
        (Kind::Str, _) if op == Mod => crate::types::percent::str_percent(vm, a, b).map(Some),
        (Kind::Bytes | Kind::ByteArray, _) if op == Add => {
            let Some(y) = bytes::buffer(b) else { return Ok(None) };
            if a.kind() == Kind::Bytes && y.is_empty() && a.ty().is(&vm.types.bytes) {
                return Ok(Some(a.clone()));
            }
            let x = bytes::buffer(a).unwrap_or_default();
            if a.kind() == Kind::Bytes && x.is_empty() && b.ty().is(&vm.types.bytes) {
                return Ok(Some(b.clone()));
            }
            let mut v = x.into_owned();
            v.extend_from_slice(&y);
            Ok(Some(bytes::make(vm, a, v)))
        }
        (Kind::Bytes | Kind::ByteArray, Kind::Int) if op == Mul => seq_repeat(vm, a, b),
        (Kind::Int, Kind::Bytes | Kind::ByteArray) if op == Mul => seq_repeat(vm, b, a),
        (Kind::Bytes | Kind::ByteArray, _) if op == Mod => crate::types::percent::bytes_percent(vm, a, b).map(Some),
        (Kind::DictView, _) | (_, Kind::DictView) if matches!(op, And | Or | Sub | Xor) => crate::types::dict_impl::view_binop(vm, op, a, b),
        (Kind::List, Kind::List) if op == Add => {
            let mut v = list::get(a).unwrap().snapshot();
            v.extend(list::get(b).unwrap().snapshot());
            Ok(Some(vm.list(v)))
        }
        (Kind::List, Kind::Int) if op == Mul => seq_repeat(vm, a, b),
        (Kind::Int, Kind::List) if op == Mul => seq_repeat(vm, b, a),
        (Kind::Tuple, Kind::Tuple) if op == Add => {
            let (x, y) = (tuple::items(a), tuple::items(b));
            if y.is_empty() && a.ty().is(&vm.types.tuple) {
                return Ok(Some(a.clone()));
            }
            if x.is_empty() && b.ty().is(&vm.types.tuple) {
                return Ok(Some(b.clone()));
            }
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Ok(Some(vm.tuple(v)))
        }
        (Kind::Tuple, Kind::Int) if op == Mul => seq_repeat(vm, a, b),
        (Kind::Int, Kind::Tuple) if op == Mul => seq_repeat(vm, b, a),
        (Kind::Set, Kind::Set) => crate::types::set_ops::set_binop(vm, op, a, b),
        (Kind::Dict, Kind::Dict) if op == Or => {
            let d = crate::types::dict_impl::copy_of(vm, a)?;
            crate::types::dict_impl::update_from(vm, &d, b)?;
            Ok(Some(d))
        }
        (ka, kb) if op == Mul && is_seq(ka) && kb != Kind::Int && is_index_like(vm, b) => seq_repeat(vm, a, b),
        (ka, kb) if op == Mul && is_seq(kb) && ka != Kind::Int && is_index_like(vm, a) => seq_repeat(vm, b, a),
        _ => Ok(None),
    }
}

pub fn is_seq(k: Kind) -> bool {
    matches!(k, Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::List | Kind::Tuple)
}

/// A repeat count that is not an int: something with `__index__`.
pub fn is_index_like(vm: &Vm, x: &PyRef) -> bool {
    !matches!(x.kind(), Kind::Float | Kind::Complex) && !is_seq(x.kind()) && crate::ops::lookup_special(vm, x, "__index__").is_some()
}

fn seq_repeat(vm: &Vm, seq: &PyRef, n: &PyRef) -> PyResult<Option<PyRef>> {
    use num_traits::ToPrimitive;
    let nv = int::index_value(vm, n)?;
    let count = match nv.to_i64() {
        Some(c) => c,
        None => return Err(vm.overflow_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(n)))),
    };
    let count = count.max(0);
    let too_big = |len: usize| (len as u128) * (count as u128) > (1u128 << 40);
    Ok(Some(match seq.kind() {
        Kind::Str => {
            if count == 1 && seq.ty().is(&vm.types.str_) {
                return Ok(Some(seq.clone()));
            }
            str::repeat(vm, str::get(seq).unwrap(), count)?
        }
        Kind::Bytes | Kind::ByteArray => {
            let b = bytes::buffer(seq).unwrap_or_default();
            if count == 1 && seq.ty().is(&vm.types.bytes) {
                return Ok(Some(seq.clone()));
            }
            if too_big(b.len()) {
                return Err(vm.memory_error());
            }
            bytes::make(vm, seq, b.repeat(count as usize))
        }
        Kind::List => {
            let items = list::get(seq).unwrap().snapshot();
            if count == 0 || items.is_empty() {
                return Ok(Some(vm.list(Vec::new())));
            }
            if too_big(items.len()) {
                return Err(vm.memory_error());
            }
            let mut v = Vec::with_capacity(items.len() * count as usize);
            for _ in 0..count {
                v.extend(items.iter().cloned());
            }
            vm.list(v)
        }
        Kind::Tuple => {
            let items = tuple::items(seq);
            if count == 1 && seq.ty().is(&vm.types.tuple) {
                return Ok(Some(seq.clone()));
            }
            if too_big(items.len()) {
                return Err(vm.memory_error());
            }
            let mut v = Vec::with_capacity(items.len() * count as usize);
            for _ in 0..count {
                v.extend(items.iter().cloned());
            }
            vm.tuple(v)
        }
        _ => return Ok(None),
    }))
}

fn to_complex(vm: &Vm, x: &PyRef) -> PyResult<Option<(f64, f64)>> {
    Ok(match x.kind() {
        Kind::Complex => complex::get(x),
        Kind::Float => Some((float::get(x).unwrap(), 0.0)),
        Kind::Int => Some((int::int_to_f64(vm, int::get(x).unwrap())?, 0.0)),
        _ => None,
    })
}

fn complex_binop(vm: &Vm, op: BinOp, a: &PyRef, b: &PyRef) -> PyResult<Option<PyRef>> {
    let (Some((ar, ai)), Some((br, bi))) = (to_complex(vm, a)?, to_complex(vm, b)?) else { return Ok(None) };
    let (r, i) = match op {
        BinOp::Add => (ar + br, ai + bi),
        BinOp::Sub => (ar - br, ai - bi),
        BinOp::Mul => (ar * br - ai * bi, ar * bi + ai * br),
        BinOp::TrueDiv => {
            if br == 0.0 && bi == 0.0 {
                return Err(vm.zero_division_error("complex division by zero"));
            }
            let d = br * br + bi * bi;
            ((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
        }
        BinOp::Pow => return complex::complex_pow(vm, (ar, ai), (br, bi)).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(complex::new(vm, r, i)))
}

/// `str.__mul__()` and friends (CPython's ssizeargfunc wrappers) word
/// their argument-count error with a leading space.
fn seq_repeat_args(vm: &Vm, op: BinOp, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    if op == BinOp::Mul && a.first().map(|o| is_seq(o.kind())).unwrap_or(false) {
        if !crate::types::methods::kw_names(k).is_empty() {
            return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", name)));
        }
        if a.len() != 2 {
            return Err(vm.type_error(format!(" expected 1 argument, got {}", a.len() - 1)));
        }
    }
    Ok(())
}

/// A sequence's `__mul__`/`__rmul__`/`__imul__` called directly (CPython's
/// ssizeargfunc wrapper) demands an index: anything else is a TypeError.
/// (The `*` operator never gets here with a non-index: `ops` skips the
/// sequence's own method then, as CPython's sequence_repeat does.)
pub fn not_a_count(vm: &Vm, op: BinOp, receiver: &PyRef, x: &PyRef) -> PyResult<()> {
    if op == BinOp::Mul && is_seq(receiver.kind()) && x.kind() != Kind::Int && !is_index_like(vm, x) {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(x))));
    }
    Ok(())
}

/// Whether the dunder of `receiver`'s type handles `other` at all (as the
/// CPython slot of that type would); otherwise it returns NotImplemented,
/// so that the other operand's reflected method gets its turn.
fn operand_ok(vm: &Vm, op: BinOp, receiver: &PyRef, other: &PyRef, reflected: bool) -> bool {
    let num = |k: Kind| matches!(k, Kind::Int | Kind::Float | Kind::Complex);
    match receiver.kind() {
        Kind::Int => other.kind() == Kind::Int,
        Kind::Float => matches!(other.kind(), Kind::Int | Kind::Float),
        Kind::Complex => num(other.kind()),
        Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::List | Kind::Tuple => match op {
            BinOp::Mod if reflected => receiver.kind() == other.kind(),
            BinOp::Mod => true,
            BinOp::Mul => other.kind() == Kind::Int || is_index_like(vm, other),
            _ => true,
        },
        _ => true,
    }
}

/// `__pow__(exp, mod=None)` / `__rpow__(base, mod=None)`.
fn pow_dunder(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, reflected: bool) -> PyResult {
    let name = if reflected { "__rpow__" } else { "__pow__" };
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", name)));
    }
    let p = a.get(1..).unwrap_or(&[]);
    if a.is_empty() || p.is_empty() || p.len() > 2 {
        return Err(vm.type_error(if p.len() > 2 {
            format!(" expected at most 2 arguments, got {}", p.len())
        } else {
            format!(" expected at least 1 argument, got {}", p.len())
        }));
    }
    let (base, exp) = if reflected { (&p[0], &a[0]) } else { (&a[0], &p[0]) };
    let modulus = p.get(1).filter(|m| !m.is(&vm.none));
    match a[0].kind() {
        Kind::Float if modulus.is_some() => return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
        Kind::Complex if modulus.is_some() && operand_ok(vm, BinOp::Pow, &a[0], &p[0], reflected) => return Err(vm.value_error("complex modulo")),
        _ => {}
    }
    if !operand_ok(vm, BinOp::Pow, &a[0], &p[0], reflected) {
        return Ok(vm.not_implemented.clone());
    }
    match modulus {
        Some(m) => {
            if base.kind() == Kind::Int && exp.kind() == Kind::Int && m.kind() == Kind::Int {
                return crate::builtins::int_modpow(vm, base, exp, m);
            }
            Ok(vm.not_implemented.clone())
        }
        None => Ok(builtin_binop(vm, BinOp::Pow, base, exp)?.unwrap_or_else(|| vm.not_implemented.clone())),
    }
}

fn divmod_dunder(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__divmod__", a, k, 1)?[0];
    if a[0].kind() == Kind::Int && x.kind() != Kind::Int {
        return Ok(vm.not_implemented.clone());
    }
    Ok(crate::builtins::builtin_divmod(vm, &a[0], x)?.unwrap_or_else(|| vm.not_implemented.clone()))
}
fn rdivmod_dunder(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__rdivmod__", a, k, 1)?[0];
    if a[0].kind() == Kind::Int && x.kind() != Kind::Int {
        return Ok(vm.not_implemented.clone());
    }
    Ok(crate::builtins::builtin_divmod(vm, x, &a[0])?.unwrap_or_else(|| vm.not_implemented.clone()))
}

/// Register `__divmod__` and `__rdivmod__` (int and float).
pub fn register_divmod(vm: &Vm, ty: &PyRef) {
    typeobj::add_method(vm, ty, "__divmod__", divmod_dunder);
    typeobj::add_method(vm, ty, "__rdivmod__", rdivmod_dunder);
}

/// Register the operators of a builtin sequence: `__add__`, `__mul__`,
/// `__rmul__` (no `__radd__`: sequences concatenate only from the left),
/// and `__mod__`/`__rmod__` when `with_mod`.
pub fn register_seq(vm: &Vm, ty: &PyRef, with_mod: bool) {
    typeobj::add_method(vm, ty, "__add__", seq_concat);
    typeobj::add_method(vm, ty, "__mul__", d_mul);
    typeobj::add_method(vm, ty, "__rmul__", d_rmul);
    if with_mod {
        typeobj::add_method(vm, ty, "__mod__", d_mod);
        typeobj::add_method(vm, ty, "__rmod__", d_rmod);
    }
}

macro_rules! dunder_pair {
    ($($op:ident => $f:ident, $rf:ident;)*) => {
        $(
            fn $f(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
                let (name, _, _) = BinOp::$op.dunders();
                if BinOp::$op == BinOp::Pow {
                    return pow_dunder(vm, a, k, false);
                }
                seq_repeat_args(vm, BinOp::$op, name, a, k)?;
                let x = &crate::types::methods::wrapper_args(vm, name, a, k, 1)?[0];
                not_a_count(vm, BinOp::$op, &a[0], x)?;
                if !operand_ok(vm, BinOp::$op, &a[0], x, false) {
                    return Ok(vm.not_implemented.clone());
                }
                Ok(builtin_binop(vm, BinOp::$op, &a[0], x)?.unwrap_or_else(|| vm.not_implemented.clone()))
            }
            fn $rf(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
                let (_, _, _) = BinOp::$op.dunders();
                if BinOp::$op == BinOp::Pow {
                    return pow_dunder(vm, a, k, true);
                }
                let name = BinOp::$op.dunders().1;
                seq_repeat_args(vm, BinOp::$op, name, a, k)?;
                let x = &crate::types::methods::wrapper_args(vm, name, a, k, 1)?[0];
                not_a_count(vm, BinOp::$op, &a[0], x)?;
                if !operand_ok(vm, BinOp::$op, &a[0], x, true) {
                    return Ok(vm.not_implemented.clone());
                }
                Ok(builtin_binop(vm, BinOp::$op, x, &a[0])?.unwrap_or_else(|| vm.not_implemented.clone()))
            }
        )*
        /// Register the arithmetic dunders of a builtin type.
        pub fn register(vm: &Vm, ty: &PyRef, ops: &[BinOp]) {
            $(
                if ops.contains(&BinOp::$op) {
                    let (f, r, _) = BinOp::$op.dunders();
                    typeobj::add_method(vm, ty, f, $f);
                    typeobj::add_method(vm, ty, r, $rf);
                }
            )*
        }
    };
}

dunder_pair! {
    Add => d_add, d_radd;
    Sub => d_sub, d_rsub;
    Mul => d_mul, d_rmul;
    TrueDiv => d_truediv, d_rtruediv;
    FloorDiv => d_floordiv, d_rfloordiv;
    Mod => d_mod, d_rmod;
    Pow => d_pow, d_rpow;
    LShift => d_lshift, d_rlshift;
    RShift => d_rshift, d_rrshift;
    And => d_and, d_rand;
    Or => d_or, d_ror;
    Xor => d_xor, d_rxor;
}

/// `seq.__add__(x)`: CPython's `sq_concat` wrapper, which raises for an
/// operand it cannot concatenate (no NotImplemented: there is no reflected
/// method to try).
fn seq_concat(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__add__", a, k, 1)?[0];
    let this = &a[0];
    if operand_ok(vm, BinOp::Add, this, x, false) {
        if let Some(r) = builtin_binop(vm, BinOp::Add, this, x)? {
            return Ok(r);
        }
    }
    Err(match this.kind() {
        Kind::Str => vm.type_error(format!("can only concatenate str (not \"{}\") to str", vm.type_name(x))),
        Kind::List => vm.type_error(format!("can only concatenate list (not \"{}\") to list", vm.type_name(x))),
        Kind::Tuple => vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", vm.type_name(x))),
        _ => vm.type_error(format!("can't concat {} to {}", vm.type_name(x), vm.type_name(this))),
    })
}
