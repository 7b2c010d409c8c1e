//! range indexing and membership.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

fn parts(r: &range::RangeData) -> (BigInt, BigInt, BigInt) {
    (int::to_bigint(&r.start), int::to_bigint(&r.stop), int::to_bigint(&r.step))
}

pub fn getitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult {
    let r = range::get(obj).unwrap();
    let (a, b, c) = parts(r);
    let n = range::length(&a, &b, &c);
    if key.kind() == Kind::Slice {
        let (start, stop, step) = slice::indices_big(vm, slice::get(key).unwrap(), &n)?;
        let ns = &a + &c * start;
        let ne = &a + &c * stop;
        let nst = &c * step;
        return Ok(new_range(vm, ns, ne, nst));
    }
    let i = match int::index_value(vm, key) {
        Ok(i) => i,
        Err(_) => return Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_name(key)))),
    };
    let i = if i.is_negative() { i + &n } else { i };
    if i.is_negative() || i >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.bigint(a + c * i))
}

pub fn new_range(vm: &Vm, a: BigInt, b: BigInt, c: BigInt) -> PyRef {
    use num_traits::ToPrimitive;
    let small = match (a.to_i64(), b.to_i64(), c.to_i64()) {
        (Some(x), Some(y), Some(z)) => Some((x, y, z)),
        _ => None,
    };
    PyRef::new(&vm.types.range, range::RangeData { start: vm.bigint(a), stop: vm.bigint(b), step: vm.bigint(c), small })
}

pub fn contains(vm: &Vm, obj: &PyRef, item: &PyRef) -> PyResult<bool> {
    let r = range::get(obj).unwrap();
    if item.kind() == Kind::Int && item.ty().is(&vm.types.int) || item.ty().is(&vm.types.bool_) {
        let (a, b, c) = parts(r);
        let x = int::to_bigint(item);
        let inside = if c.is_positive() { x >= a && x < b } else { x <= a && x > b };
        return Ok(inside && (x - a).mod_floor(&c).is_zero());
    }
    let it = ops::get_iter(vm, obj)?;
    while let Some(v) = ops::next(vm, &it)? {
        if ops::eq(vm, &v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------- methods

use crate::types::methods::{noargs, one_arg};
use crate::types::typeobj;
use std::cell::OnceCell;

thread_local! {
    /// `longrange_iterator`: the iterator of a range whose bounds do not
    /// fit in a machine word.
    static LONGRANGE_ITERATOR: OnceCell<PyRef> = const { OnceCell::new() };
}

/// The type of iterators over big ranges.
pub fn longrange_iterator_type(vm: &Vm) -> PyRef {
    LONGRANGE_ITERATOR.with(|t| t.get().cloned()).unwrap_or_else(|| vm.types.range_iterator.clone())
}

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a range::RangeData> {
    a.first().and_then(range::get).ok_or_else(|| vm.type_error("descriptor requires a 'range' object"))
}

fn is_exact_int(vm: &Vm, x: &PyRef) -> bool {
    x.ty().is(&vm.types.int) || x.ty().is(&vm.types.bool_)
}

fn contains_int(r: &range::RangeData, x: &BigInt) -> bool {
    let (a, b, c) = parts(r);
    let inside = if c.is_positive() { *x >= a && *x < b } else { *x <= a && *x > b };
    inside && (x - a).mod_floor(&c).is_zero()
}

fn range_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "range", "count", a, k)?;
    let r = this(vm, a)?;
    if is_exact_int(vm, x) {
        return Ok(vm.int(contains_int(r, &int::to_bigint(x)) as i64));
    }
    let it = ops::get_iter(vm, &a[0])?;
    let mut n = 0;
    while let Some(v) = ops::next(vm, &it)? {
        if ops::eq(vm, &v, x)? {
            n += 1;
        }
    }
    Ok(vm.int(n))
}

fn range_index(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "range", "index", a, k)?;
    let r = this(vm, a)?;
    if is_exact_int(vm, x) {
        let v = int::to_bigint(x);
        if contains_int(r, &v) {
            let (start, _, step) = parts(r);
            return Ok(vm.bigint((v - start) / step));
        }
        return Err(vm.value_error(format!("{} is not in range", ops::repr_string(vm, x)?)));
    }
    let it = ops::get_iter(vm, &a[0])?;
    let mut i: i64 = 0;
    while let Some(v) = ops::next(vm, &it)? {
        if ops::eq(vm, &v, x)? {
            return Ok(vm.int(i));
        }
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn range_reversed(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "range", "__reversed__", a, k)?;
    let r = this(vm, a)?;
    let (start, stop, step) = parts(r);
    let n = range::length(&start, &stop, &step);
    // The last item, going backwards by step.
    let last = if n.is_zero() { start.clone() } else { &start + (&n - 1u32) * &step };
    let neg = -&step;
    use num_traits::ToPrimitive;
    // CPython keeps a machine-word iterator when start, stop and step fit
    // in a C long, `start - step` does not overflow and the length fits.
    let small = match (start.to_i64(), stop.to_i64(), step.to_i64(), n.to_i64()) {
        (Some(s0), Some(_), Some(st), Some(len)) if st != i64::MIN && s0.checked_sub(st).is_some() => Some(len),
        _ => None,
    };
    if let (Some(len), Some(nx), Some(st)) = (small, last.to_i64(), neg.to_i64()) {
        return Ok(iterators::new(vm, &vm.types.range_iterator, iterators::IterState::Range { next: nx, step: st, remaining: len as u64, start: nx }));
    }
    Ok(iterators::new(vm, &longrange_iterator_type(vm), iterators::IterState::BigRange(Box::new(iterators::BigRangeState { next: last.clone(), step: neg, remaining: n, start: last }))))
}

fn range_bool(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::types::methods::wrapper_args(vm, "__bool__", a, k, 0)?;
    let r = this(vm, a)?;
    let (start, stop, step) = parts(r);
    Ok(vm.bool(!range::length(&start, &stop, &step).is_zero()))
}

fn range_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "range", "__reduce__", a, k)?;
    let r = this(vm, a)?;
    Ok(vm.tuple([vm.types.range.clone(), vm.tuple([r.start.clone(), r.stop.clone(), r.step.clone()])]))
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types.range;
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, t, name, f);
    m("count", range_count);
    m("index", range_index);
    m("__reversed__", range_reversed);
    m("__bool__", range_bool);
    m("__reduce__", range_reduce);
    let ty = typeobj::new_static_type(&vm.types, "longrange_iterator", &vm.types.object, Kind::Iterator, 0);
    crate::types::finish_one_type(vm, &ty);
    *typeobj::data(&ty).module.borrow_mut() = Some("builtins".into());
    typeobj::add_method(vm, &ty, "__iter__", crate::types::methods::d_iter);
    typeobj::add_method(vm, &ty, "__next__", crate::types::methods::d_next);
    LONGRANGE_ITERATOR.with(|c| {
        let _ = c.set(ty);
    });
}
