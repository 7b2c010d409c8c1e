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
        (Kind::Str, Kind::Str) if op == Add => Ok(Some(str::concat(vm, str::get(a).unwrap(), str::get(b).unwrap()))),
        (Kind::Str, Kind::Int) if op == Mul => seq_repeat(vm, a, b),
        (Kind::Int, Kind::Str) if op == Mul => seq_repeat(vm, b, a),
        (Kind::Str, _) if op == Mod => crate::types::percent::str_percent(vm, a, b).map(Some),
        (Kind::Bytes, Kind::Bytes) if op == Add => {
            let mut v = bytes::get(a).unwrap().to_vec();
            v.extend_from_slice(bytes::get(b).unwrap());
            Ok(Some(vm.bytes(v)))
        }
        (Kind::Bytes, Kind::Int) if op == Mul => seq_repeat(vm, a, b),
        (Kind::Int, Kind::Bytes) if op == Mul => seq_repeat(vm, b, a),
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
            let d = vm.dict();
            crate::types::dict_impl::update_from(vm, &d, a)?;
            crate::types::dict_impl::update_from(vm, &d, b)?;
            Ok(Some(d))
        }
        _ => Ok(None),
    }
}

fn seq_repeat(vm: &Vm, seq: &PyRef, n: &PyRef) -> PyResult<Option<PyRef>> {
    use num_traits::ToPrimitive;
    let count = match int::get(n).unwrap().as_i64() {
        Some(c) => c,
        None => {
            if int::get(n).unwrap().is_negative() {
                0
            } else {
                return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
            }
        }
    };
    let count = count.max(0);
    let too_big = |len: usize| (len as u128) * (count as u128) > (1u128 << 40);
    Ok(Some(match seq.kind() {
        Kind::Str => str::repeat(vm, str::get(seq).unwrap(), count)?,
        Kind::Bytes => {
            let b = bytes::get(seq).unwrap();
            if too_big(b.len()) {
                return Err(vm.memory_error());
            }
            vm.bytes(b.repeat(count as usize))
        }
        Kind::List => {
            let items = list::get(seq).unwrap().snapshot();
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
    .map(|r| {
        let _ = count.to_i64();
        r
    })
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

macro_rules! dunder_pair {
    ($($op:ident => $f:ident, $rf:ident;)*) => {
        $(
            fn $f(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
                if a.len() != 2 {
                    return Err(vm.type_error("expected 1 argument"));
                }
                Ok(builtin_binop(vm, BinOp::$op, &a[0], &a[1])?.unwrap_or_else(|| vm.not_implemented.clone()))
            }
            fn $rf(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
                if a.len() != 2 {
                    return Err(vm.type_error("expected 1 argument"));
                }
                Ok(builtin_binop(vm, BinOp::$op, &a[1], &a[0])?.unwrap_or_else(|| vm.not_implemented.clone()))
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
