//! Set algebra and the methods of `set` and `frozenset`, following the
//! order in which CPython's setobject.c visits and inserts items (which
//! decides the iteration order of the results).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::methods::{kw_names, no_kw, noargs, one_arg};
use crate::types::set::SetData;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::BinOp;

/// A new empty set of `like`'s base type: `set` for sets and their
/// subclasses, `frozenset` otherwise (CPython's make_new_set_basetype).
pub fn new_like(vm: &Vm, like: &PyRef) -> PyRef {
    let ty = if typeobj::is_subtype(like.ty(), &vm.types.set) { &vm.types.set } else { &vm.types.frozenset };
    PyRef::new(ty, SetData::new())
}

fn data<'a>(vm: &Vm, o: &'a PyRef) -> PyResult<&'a SetData> {
    set::get(o).ok_or_else(|| vm.type_error("descriptor requires a 'set' object"))
}

fn label(vm: &Vm, o: &PyRef) -> &'static str {
    if typeobj::is_subtype(o.ty(), &vm.types.set) {
        "set"
    } else {
        "frozenset"
    }
}

/// The hash of a key; an unhashable set is looked up as a frozenset with
/// the same items (as CPython's set_contains/discard do), returned as the
/// key to use instead. The key itself stays borrowed: CPython holds no
/// reference of its own while `__hash__` and `__eq__` run.
fn hash_key(vm: &Vm, key: &PyRef) -> PyResult<(Option<PyRef>, i64)> {
    match ops::hash(vm, key) {
        Ok(h) => Ok((None, h)),
        Err(e) if key.kind() == Kind::Set && typeobj::isinstance(&e.0, &vm.exc.type_error) => {
            let f = PyRef::new(&vm.types.frozenset, SetData::new());
            set::get(&f).unwrap().merge(vm, set::get(key).unwrap())?;
            let h = ops::hash(vm, &f)?;
            Ok((Some(f), h))
        }
        Err(e) => Err(e),
    }
}

/// `key in s`.
pub fn contains(vm: &Vm, s: &PyRef, key: &PyRef) -> PyResult<bool> {
    let (k, h) = hash_key(vm, key)?;
    data(vm, s)?.contains_hashed(vm, k.as_ref().unwrap_or(key), h)
}

/// Add the items of any iterable (CPython's set_update_internal).
pub fn update_internal(vm: &Vm, so: &SetData, other: &PyRef) -> PyResult<()> {
    if let Some(os) = set::get(other) {
        return so.merge(vm, os);
    }
    if other.ty().is(&vm.types.dict) {
        let d = dict::get(other).unwrap();
        so.reserve_for(d.len());
        for (h, k) in d.keys_hashed() {
            so.add_hashed(vm, k, h)?;
        }
        return Ok(());
    }
    let it = ops::get_iter(vm, other)?;
    while let Some(k) = ops::next(vm, &it)? {
        so.add(vm, &k)?;
    }
    Ok(())
}

/// A new set (of `like`'s base type) holding the items of `src`.
fn make_from(vm: &Vm, like: &PyRef, src: Option<&PyRef>) -> PyResult<PyRef> {
    let out = new_like(vm, like);
    if let Some(src) = src {
        update_internal(vm, set::get(&out).unwrap(), src)?;
    }
    Ok(out)
}

pub fn copy(vm: &Vm, so: &PyRef) -> PyResult<PyRef> {
    make_from(vm, so, Some(so))
}

/// `so & other` / `so.intersection(other)`.
pub fn intersection(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    if so.is(other) {
        return copy(vm, so);
    }
    let result = new_like(vm, so);
    let rs = set::get(&result).unwrap();
    let sd = data(vm, so)?;
    if let Some(od) = set::get(other) {
        let (big, small) = if od.len() > sd.len() { (od, sd) } else { (sd, od) };
        for (h, k) in small.items_hashed() {
            if big.contains_hashed(vm, &k, h)? {
                rs.add_hashed(vm, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = ops::get_iter(vm, other)?;
    while let Some(k) = ops::next(vm, &it)? {
        let h = ops::hash(vm, &k)?;
        if sd.contains_hashed(vm, &k, h)? {
            rs.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `so.difference_update(other)` for one other.
pub fn difference_update_internal(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    let sd = data(vm, so)?;
    if so.is(other) {
        sd.clear();
        return Ok(());
    }
    if let Some(od) = set::get(other) {
        for (h, k) in od.items_hashed() {
            sd.discard_hashed(vm, &k, h)?;
        }
    } else {
        let it = ops::get_iter(vm, other)?;
        while let Some(k) = ops::next(vm, &it)? {
            let (f, h) = hash_key(vm, &k)?;
            sd.discard_hashed(vm, f.as_ref().unwrap_or(&k), h)?;
        }
    }
    sd.compact_dummies();
    Ok(())
}

/// `so - other` / `so.difference(other)`.
pub fn difference(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let sd = data(vm, so)?;
    let other_size = if let Some(od) = set::get(other) {
        od.len()
    } else if other.ty().is(&vm.types.dict) {
        dict::get(other).unwrap().len()
    } else {
        let r = copy(vm, so)?;
        difference_update_internal(vm, &r, other)?;
        return Ok(r);
    };
    if (sd.len() >> 2) > other_size {
        let r = copy(vm, so)?;
        difference_update_internal(vm, &r, other)?;
        return Ok(r);
    }
    let result = new_like(vm, so);
    let rs = set::get(&result).unwrap();
    for (h, k) in sd.items_hashed() {
        let present = match set::get(other) {
            Some(od) => od.contains_hashed(vm, &k, h)?,
            None => dict::get(other).unwrap().get_hashed(vm, &k, h)?.is_some(),
        };
        if !present {
            rs.add_hashed(vm, k, h)?;
        }
    }
    Ok(result)
}

/// `so ^= other` / `so.symmetric_difference_update(other)`.
pub fn symmetric_difference_update(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<()> {
    let sd = data(vm, so)?;
    if so.is(other) {
        sd.clear();
        return Ok(());
    }
    if other.ty().is(&vm.types.dict) {
        for (h, k) in dict::get(other).unwrap().keys_hashed() {
            if !sd.discard_hashed(vm, &k, h)? {
                sd.add_hashed(vm, k.clone(), h)?;
            }
        }
        return Ok(());
    }
    let otherset = if set::get(other).is_some() { other.clone() } else { make_from(vm, so, Some(other))? };
    for (h, k) in set::get(&otherset).unwrap().items_hashed() {
        // Held while the set takes its own reference, as CPython does.
        if !sd.discard_hashed(vm, &k, h)? {
            sd.add_hashed(vm, k.clone(), h)?;
        }
    }
    Ok(())
}

/// `so ^ other` / `so.symmetric_difference(other)`: a copy of `other`
/// updated with `so`.
pub fn symmetric_difference(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    let r = make_from(vm, so, Some(other))?;
    symmetric_difference_update(vm, &r, so)?;
    Ok(r)
}

fn as_set(vm: &Vm, like: &PyRef, other: &PyRef) -> PyResult<PyRef> {
    if set::get(other).is_some() {
        Ok(other.clone())
    } else {
        let t = PyRef::new(&vm.types.set, SetData::new());
        update_internal(vm, set::get(&t).unwrap(), other)?;
        let _ = like;
        Ok(t)
    }
}

pub fn issubset(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<bool> {
    let other = as_set(vm, so, other)?;
    let (sd, od) = (data(vm, so)?, set::get(&other).unwrap());
    if sd.len() > od.len() {
        return Ok(false);
    }
    for (h, k) in sd.items_hashed() {
        if !od.contains_hashed(vm, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn issuperset(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<bool> {
    if set::get(other).is_some() {
        return issubset(vm, other, so);
    }
    let sd = data(vm, so)?;
    let it = ops::get_iter(vm, other)?;
    while let Some(k) = ops::next(vm, &it)? {
        let (f, h) = hash_key(vm, &k)?;
        if !sd.contains_hashed(vm, f.as_ref().unwrap_or(&k), h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn isdisjoint(vm: &Vm, so: &PyRef, other: &PyRef) -> PyResult<bool> {
    let sd = data(vm, so)?;
    if so.is(other) {
        return Ok(sd.is_empty());
    }
    if let Some(od) = set::get(other) {
        let (small, big) = if od.len() > sd.len() { (sd, od) } else { (od, sd) };
        for (h, k) in small.items_hashed() {
            if big.contains_hashed(vm, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = ops::get_iter(vm, other)?;
    while let Some(k) = ops::next(vm, &it)? {
        let (f, h) = hash_key(vm, &k)?;
        if sd.contains_hashed(vm, f.as_ref().unwrap_or(&k), h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a op b` for two sets; `None` (NotImplemented) otherwise.
pub fn set_binop(vm: &Vm, op: BinOp, a: &PyRef, b: &PyRef) -> PyResult<Option<PyRef>> {
    if set::get(a).is_none() || set::get(b).is_none() {
        return Ok(None);
    }
    Ok(Some(match op {
        BinOp::Or => {
            let r = copy(vm, a)?;
            if !a.is(b) {
                update_internal(vm, set::get(&r).unwrap(), b)?;
            }
            r
        }
        BinOp::And => intersection(vm, a, b)?,
        BinOp::Sub => difference(vm, a, b)?,
        BinOp::Xor => symmetric_difference(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// Rich comparison of two sets (subset order); `None` if `b` is not a set.
pub fn compare(vm: &Vm, a: &PyRef, b: &PyRef, op: refscope_compiler::bytecode::CmpOp) -> PyResult<Option<bool>> {
    use refscope_compiler::bytecode::CmpOp;
    let (Some(sa), Some(sb)) = (set::get(a), set::get(b)) else { return Ok(None) };
    let eq = |vm: &Vm| -> PyResult<bool> {
        if sa.len() != sb.len() {
            return Ok(false);
        }
        let (ha, hb) = (sa.hash.get(), sb.hash.get());
        if ha != -1 && hb != -1 && ha != hb {
            return Ok(false);
        }
        issubset(vm, a, b)
    };
    Ok(Some(match op {
        CmpOp::Eq => eq(vm)?,
        CmpOp::Ne => !eq(vm)?,
        CmpOp::Le => issubset(vm, a, b)?,
        CmpOp::Ge => issuperset(vm, a, b)?,
        CmpOp::Lt => sa.len() < sb.len() && issubset(vm, a, b)?,
        CmpOp::Gt => sa.len() > sb.len() && issuperset(vm, a, b)?,
    }))
}

// ---------------------------------------------------------------- methods

fn set_add(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "set", "add", a, k)?;
    data(vm, &a[0])?.add(vm, x)?;
    Ok(vm.none())
}
fn set_discard(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "set", "discard", a, k)?;
    let (key, h) = hash_key(vm, x)?;
    data(vm, &a[0])?.discard_hashed(vm, key.as_ref().unwrap_or(x), h)?;
    Ok(vm.none())
}
fn set_remove(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "set", "remove", a, k)?;
    let (key, h) = hash_key(vm, x)?;
    if !data(vm, &a[0])?.discard_hashed(vm, key.as_ref().unwrap_or(x), h)? {
        return Err(vm.key_error(x.clone()));
    }
    Ok(vm.none())
}
fn set_pop(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "set", "pop", a, k)?;
    data(vm, &a[0])?.pop().ok_or_else(|| vm.new_exception(&vm.exc.key_error, "pop from an empty set".into()))
}
fn set_clear(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "set", "clear", a, k)?;
    data(vm, &a[0])?.clear();
    Ok(vm.none())
}
fn set_copy(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, label(vm, &a[0]), "copy", a, k)?;
    if a[0].ty().is(&vm.types.frozenset) {
        return Ok(a[0].clone());
    }
    copy(vm, &a[0])
}
fn set_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {}", a.len() - 1)));
    }
    let sd = data(vm, &a[0])?;
    if !sd.is_empty() {
        sd.clear();
    }
    if let Some(x) = a.get(1) {
        update_internal(vm, sd, x)?;
    }
    Ok(vm.none())
}
fn set_update(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    no_kw(vm, "set", "update", k)?;
    let sd = data(vm, &a[0])?;
    for x in &a[1..] {
        update_internal(vm, sd, x)?;
    }
    Ok(vm.none())
}
fn set_union(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    no_kw(vm, label(vm, &a[0]), "union", k)?;
    let r = copy(vm, &a[0])?;
    for x in &a[1..] {
        if !x.is(&a[0]) {
            update_internal(vm, set::get(&r).unwrap(), x)?;
        }
    }
    Ok(r)
}
fn intersection_multi(vm: &Vm, so: &PyRef, others: &[PyRef]) -> PyResult<PyRef> {
    if others.is_empty() {
        return copy(vm, so);
    }
    let mut result = so.clone();
    for o in others {
        result = intersection(vm, &result, o)?;
    }
    Ok(result)
}
fn set_intersection(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    no_kw(vm, label(vm, &a[0]), "intersection", k)?;
    intersection_multi(vm, &a[0], &a[1..])
}
fn set_intersection_update(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    no_kw(vm, "set", "intersection_update", k)?;
    let tmp = intersection_multi(vm, &a[0], &a[1..])?;
    data(vm, &a[0])?.swap_contents(set::get(&tmp).unwrap());
    Ok(vm.none())
}
fn set_difference(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    no_kw(vm, label(vm, &a[0]), "difference", k)?;
    if a.len() == 1 {
        return copy(vm, &a[0]);
    }
    let r = difference(vm, &a[0], &a[1])?;
    for x in &a[2..] {
        difference_update_internal(vm, &r, x)?;
    }
    Ok(r)
}
fn set_difference_update(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    no_kw(vm, "set", "difference_update", k)?;
    for x in &a[1..] {
        difference_update_internal(vm, &a[0], x)?;
    }
    Ok(vm.none())
}
fn set_symmetric_difference(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, label(vm, &a[0]), "symmetric_difference", a, k)?;
    symmetric_difference(vm, &a[0], x)
}
fn set_symmetric_difference_update(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "set", "symmetric_difference_update", a, k)?;
    symmetric_difference_update(vm, &a[0], x)?;
    Ok(vm.none())
}
fn set_issubset(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, label(vm, &a[0]), "issubset", a, k)?;
    Ok(vm.bool(issubset(vm, &a[0], x)?))
}
fn set_issuperset(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, label(vm, &a[0]), "issuperset", a, k)?;
    Ok(vm.bool(issuperset(vm, &a[0], x)?))
}
fn set_isdisjoint(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, label(vm, &a[0]), "isdisjoint", a, k)?;
    Ok(vm.bool(isdisjoint(vm, &a[0], x)?))
}
fn set_ior(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__ior__", a, k, 1)?[0];
    if set::get(x).is_none() {
        return Ok(vm.not_implemented.clone());
    }
    update_internal(vm, data(vm, &a[0])?, x)?;
    Ok(a[0].clone())
}
fn set_iand(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__iand__", a, k, 1)?[0];
    if set::get(x).is_none() {
        return Ok(vm.not_implemented.clone());
    }
    let tmp = intersection(vm, &a[0], x)?;
    data(vm, &a[0])?.swap_contents(set::get(&tmp).unwrap());
    Ok(a[0].clone())
}
fn set_isub(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__isub__", a, k, 1)?[0];
    if set::get(x).is_none() {
        return Ok(vm.not_implemented.clone());
    }
    difference_update_internal(vm, &a[0], x)?;
    Ok(a[0].clone())
}
fn set_ixor(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__ixor__", a, k, 1)?[0];
    if set::get(x).is_none() {
        return Ok(vm.not_implemented.clone());
    }
    symmetric_difference_update(vm, &a[0], x)?;
    Ok(a[0].clone())
}
fn set_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, label(vm, &a[0]), "__reduce__", a, k)?;
    let items = data(vm, &a[0])?.items();
    let state = match ops::instance_dict(vm, &a[0], false) {
        Some(d) => d,
        None => vm.none(),
    };
    Ok(vm.tuple([a[0].ty().clone(), vm.tuple([vm.list(items)]), state]))
}

pub fn init_methods(vm: &Vm) {
    let (s, f) = (&vm.types.set, &vm.types.frozenset);
    let m = |ty: &PyRef, name: &'static str, func: crate::vm::NativeFn| typeobj::add_method(vm, ty, name, func);
    m(s, "add", set_add);
    m(s, "discard", set_discard);
    m(s, "remove", set_remove);
    m(s, "pop", set_pop);
    m(s, "clear", set_clear);
    m(s, "__init__", set_init);
    m(s, "update", set_update);
    m(s, "intersection_update", set_intersection_update);
    m(s, "difference_update", set_difference_update);
    m(s, "symmetric_difference_update", set_symmetric_difference_update);
    m(s, "__ior__", set_ior);
    m(s, "__iand__", set_iand);
    m(s, "__isub__", set_isub);
    m(s, "__ixor__", set_ixor);
    for ty in [s, f] {
        m(ty, "copy", set_copy);
        m(ty, "union", set_union);
        m(ty, "intersection", set_intersection);
        m(ty, "difference", set_difference);
        m(ty, "symmetric_difference", set_symmetric_difference);
        m(ty, "issubset", set_issubset);
        m(ty, "issuperset", set_issuperset);
        m(ty, "isdisjoint", set_isdisjoint);
        m(ty, "__reduce__", set_reduce);
    }
}
