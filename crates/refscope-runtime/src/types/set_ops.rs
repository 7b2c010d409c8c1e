//! Set algebra: | & - ^ between sets and frozensets.

use crate::object::PyRef;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::BinOp;

pub fn new_like(vm: &Vm, like: &PyRef) -> PyRef {
    let ty = if like.ty().is(&vm.types.frozenset) { &vm.types.frozenset } else { &vm.types.set };
    PyRef::new(ty, set::SetData::new())
}

pub fn set_binop(vm: &Vm, op: BinOp, a: &PyRef, b: &PyRef) -> PyResult<Option<PyRef>> {
    let (sa, sb) = (set::get(a).unwrap(), set::get(b).unwrap());
    let out = new_like(vm, a);
    let so = set::get(&out).unwrap();
    match op {
        BinOp::Or => {
            for (h, k) in sa.items_hashed() {
                so.add_hashed(vm, k, h)?;
            }
            for (h, k) in sb.items_hashed() {
                so.add_hashed(vm, k, h)?;
            }
        }
        BinOp::And => {
            let (small, big) = if sa.len() > sb.len() { (sb, sa) } else { (sa, sb) };
            for (h, k) in small.items_hashed() {
                if big.contains(vm, &k)? {
                    so.add_hashed(vm, k, h)?;
                }
            }
        }
        BinOp::Sub => {
            for (h, k) in sa.items_hashed() {
                if !sb.contains(vm, &k)? {
                    so.add_hashed(vm, k, h)?;
                }
            }
        }
        BinOp::Xor => {
            for (h, k) in sa.items_hashed() {
                if !sb.contains(vm, &k)? {
                    so.add_hashed(vm, k, h)?;
                }
            }
            for (h, k) in sb.items_hashed() {
                if !sa.contains(vm, &k)? {
                    so.add_hashed(vm, k, h)?;
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(out))
}
