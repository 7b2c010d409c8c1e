//! dict operations used by the interpreter: `{**a}`, `f(**kw)`, update().

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// `d.update(other)` for a mapping or an iterable of pairs.
pub fn update_from(vm: &Vm, d: &PyRef, other: &PyRef) -> PyResult<()> {
    let Some(dd) = dict::get(d) else { return Err(vm.type_error("descriptor requires a 'dict' object")) };
    if other.kind() == Kind::Dict {
        let od = dict::get(other).unwrap();
        let cloned = dd.prepare_merge(od);
        // CPython's dict_merge: entry by entry, with their stored hashes,
        // each key and value held while the dict takes its own references.
        let mut pos = 0;
        while let Some((next, h, k, v)) = od.entry_hashed_from(pos) {
            if cloned {
                dd.insert_absent_hashed(d, k.clone(), h, v.clone());
            } else {
                dd.set_hashed(vm, d, k.clone(), h, v.clone())?;
            }
            pos = next;
        }
        return Ok(());
    }
    if let Some(keys) = ops::lookup_special(vm, other, "keys") {
        let ks = ops::call_unbound(vm, &keys, other, &[])?;
        for k in ops::iterate(vm, &ks)? {
            let v = ops::get_item(vm, other, &k)?;
            dd.set(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = ops::get_iter(vm, other)?;
    let mut i = 0usize;
    while let Some(item) = ops::next(vm, &it)? {
        let pair = match ops::iterate(vm, &item) {
            Ok(p) => p,
            Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {
                return Err(vm.type_error(format!("cannot convert dictionary update sequence element #{} to a sequence", i)));
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut kv = pair.into_iter();
        let (Some(k), Some(v)) = (kv.next(), kv.next()) else { continue };
        // The pair's items are held while the dict takes its own references
        // (CPython's PyDict_MergeFromSeq2).
        dd.set(vm, d, k.clone(), v.clone())?;
        i += 1;
    }
    Ok(())
}

/// `f(**a, **b)`: merge, rejecting duplicates and non-mappings.
pub fn merge_kwargs(vm: &Vm, d: &PyRef, other: &PyRef, func: &PyRef) -> PyResult<()> {
    let dd = dict::get(d).unwrap();
    let fname = || crate::types::function_impl::callable_display(vm, func);
    let pairs: Vec<(PyRef, PyRef)> = if other.kind() == Kind::Dict {
        dict::get(other).unwrap().items()
    } else if let Some(keys) = ops::lookup_special(vm, other, "keys") {
        let ks = ops::call_unbound(vm, &keys, other, &[])?;
        let mut v = Vec::new();
        for k in ops::iterate(vm, &ks)? {
            let val = ops::get_item(vm, other, &k)?;
            v.push((k, val));
        }
        v
    } else {
        return Err(vm.type_error(format!("{} argument after ** must be a mapping, not {}", fname(), vm.type_name(other))));
    };
    for (k, v) in pairs {
        if k.kind() != Kind::Str {
            return Err(vm.type_error("keywords must be strings"));
        }
        if dd.contains(vm, &k)? {
            return Err(vm.type_error(format!("{} got multiple values for keyword argument '{}'", fname(), str::as_str(&k))));
        }
        dd.set(vm, d, k, v)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- methods

use crate::types::methods::{kw_names, noargs, one_arg, pos_args, split_args};
use refscope_compiler::bytecode::{BinOp, CmpOp};
use std::cell::OnceCell;

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a dict::DictData> {
    a.first().and_then(dict::get).ok_or_else(|| vm.type_error("descriptor requires a 'dict' object"))
}

fn dict_get(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "dict", "get", a, k, 1, 2)?;
    Ok(this(vm, a)?.get(vm, &p[0])?.unwrap_or_else(|| p.get(1).cloned().unwrap_or_else(|| vm.none())))
}
fn dict_setdefault(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "dict", "setdefault", a, k, 1, 2)?;
    let d = this(vm, a)?;
    let h = ops::hash(vm, &p[0])?;
    if let Some(v) = d.get_hashed(vm, &p[0], h)? {
        return Ok(v);
    }
    let v = p.get(1).cloned().unwrap_or_else(|| vm.none());
    d.insert_absent_hashed(&a[0], p[0].clone(), h, v.clone());
    Ok(v)
}
fn dict_pop(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "dict", "pop", a, k, 1, 2)?;
    match this(vm, a)?.remove(vm, &p[0])? {
        Some((_, v)) => Ok(v),
        None => match p.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(p[0].clone())),
        },
    }
}
fn dict_popitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "popitem", a, k)?;
    match this(vm, a)?.popitem() {
        Some((key, v)) => Ok(vm.tuple([key, v])),
        None => Err(vm.new_exception(&vm.exc.key_error, "popitem(): dictionary is empty".into())),
    }
}
fn view(vm: &Vm, d: &PyRef, ty: &PyRef) -> PyRef {
    let _ = vm;
    PyRef::new(ty, dict::DictViewData { dict: d.clone() })
}
fn dict_keys(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "keys", a, k)?;
    this(vm, a)?;
    Ok(view(vm, &a[0], &vm.types.dict_keys))
}
fn dict_values(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "values", a, k)?;
    this(vm, a)?;
    Ok(view(vm, &a[0], &vm.types.dict_values))
}
fn dict_items(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "items", a, k)?;
    this(vm, a)?;
    Ok(view(vm, &a[0], &vm.types.dict_items))
}
fn update_with_args(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    let (pos, kwv) = split_args(a, k);
    if pos.len() > 1 {
        return Err(vm.type_error(format!("{} expected at most 1 argument, got {}", name, pos.len())));
    }
    this(vm, a)?;
    if let Some(o) = pos.first() {
        update_from(vm, &a[0], o)?;
    }
    let d = this(vm, a)?;
    for (n, v) in kw_names(k).iter().zip(kwv) {
        d.set(vm, &a[0], n.clone(), v.clone())?;
    }
    Ok(())
}
fn dict_update(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 1);
    update_with_args(vm, "update", a, k)?;
    Ok(vm.none())
}
fn dict_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    update_with_args(vm, "dict", a, k)?;
    Ok(vm.none())
}
fn dict_clear(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "clear", a, k)?;
    this(vm, a)?.clear();
    Ok(vm.none())
}
/// A new exact dict with the items of `src` (CPython's PyDict_Copy).
pub fn copy_of(vm: &Vm, src: &PyRef) -> PyResult<PyRef> {
    let d = vm.dict();
    let dd = dict::get(&d).unwrap();
    if let Some(sd) = dict::get(src) {
        dd.prepare_copy_of(sd);
        // The keys are distinct: no lookups, so no `__eq__` calls (CPython
        // copies the table).
        let mut pos = 0;
        while let Some((next, h, k, v)) = sd.entry_hashed_from(pos) {
            dd.insert_absent_hashed(&d, k, h, v);
            pos = next;
        }
        return Ok(d);
    }
    update_from(vm, &d, src)?;
    Ok(d)
}
fn dict_copy(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "copy", a, k)?;
    this(vm, a)?;
    copy_of(vm, &a[0])
}
/// `dict.fromkeys(iterable, value=None)` (a class method: `a[0]` is the class).
fn dict_fromkeys(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "dict", "fromkeys", a, k, 1, 2)?;
    let cls = &a[0];
    let d = ops::call0(vm, cls)?;
    let v = p.get(1).cloned().unwrap_or_else(|| vm.none());
    let exact = d.ty().is(&vm.types.dict);
    let src = &p[0];
    if exact && dict::get(&d).is_some_and(|dd| dd.len() == 0) {
        // From an exact dict or set: presized, and walked with the stored
        // hashes (no `__hash__` calls); each key goes in with the new
        // dict's reference only (CPython's dict_fromkeys).
        let dd = dict::get(&d).unwrap();
        if src.ty().is(&vm.types.dict) {
            let sd = dict::get(src).unwrap();
            dd.presize_for(sd.len(), sd.has_str_keys());
            let mut pos = 0;
            while let Some((next, h, key, _)) = sd.entry_hashed_from(pos) {
                dd.set_hashed(vm, &d, key, h, v.clone())?;
                pos = next;
            }
            return Ok(d);
        }
        if src.ty().is(&vm.types.set) || src.ty().is(&vm.types.frozenset) {
            let ss = set::get(src).unwrap();
            dd.presize_for(ss.len(), false);
            let mut pos = 0;
            while let Some((next, h, key)) = ss.entry_hashed_from(pos) {
                dd.set_hashed(vm, &d, key, h, v.clone())?;
                pos = next;
            }
            return Ok(d);
        }
    }
    let it = ops::get_iter(vm, &p[0])?;
    while let Some(key) = ops::next(vm, &it)? {
        if exact {
            // The iterator's reference stays while the dict takes its own.
            dict::get(&d).unwrap().set(vm, &d, key.clone(), v.clone())?;
        } else {
            ops::set_item(vm, &d, key, v.clone())?;
        }
    }
    Ok(d)
}
fn dict_ior(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__ior__", a, k, 1)?[0];
    update_from(vm, &a[0], x)?;
    Ok(a[0].clone())
}

thread_local! {
    /// dict_reversekeyiterator, dict_reversevalueiterator, dict_reverseitemiterator.
    static REVERSE_TYPES: OnceCell<[PyRef; 3]> = const { OnceCell::new() };
}

fn reverse_type(which: usize) -> Option<PyRef> {
    REVERSE_TYPES.with(|t| t.get().map(|ts| ts[which].clone()))
}

/// `reversed(d)`, `reversed(d.keys())` ...: an iterator walking the dict
/// from its last entry, as CPython's (an items iterator keeps and reuses
/// its result tuple). `which`: 0 keys, 1 values, 2 items.
fn reverse_iter(vm: &Vm, d: &PyRef, which: usize) -> PyResult {
    let dd = dict::get(d).ok_or_else(|| vm.type_error("descriptor requires a 'dict' object"))?;
    let ty = reverse_type(which).unwrap_or_else(|| vm.types.list_iterator.clone());
    let n = dd.len();
    let result = (which == 2).then(|| iterators::ResultTuple::new(vm, 2));
    let pos = dd.entries_len() as isize - 1;
    Ok(iterators::new(vm, &ty, iterators::IterState::DictReverse { dict: Some(d.clone()), pos, len_at_start: n, remaining: n, which: which as u8, result }))
}
fn dict_reversed(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "dict", "__reversed__", a, k)?;
    reverse_iter(vm, &a[0], 0)
}

// ----- views

fn view_dict<'a>(vm: &Vm, v: &'a PyRef) -> PyResult<&'a PyRef> {
    v.payload::<dict::DictViewData>().map(|d| &d.dict).ok_or_else(|| vm.type_error("descriptor requires a dict view"))
}
fn view_which(vm: &Vm, v: &PyRef) -> usize {
    if v.ty().is(&vm.types.dict_keys) {
        0
    } else if v.ty().is(&vm.types.dict_values) {
        1
    } else {
        2
    }
}
fn view_reversed(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, &vm.type_name(&a[0]), "__reversed__", a, k)?;
    let d = view_dict(vm, &a[0])?.clone();
    reverse_iter(vm, &d, view_which(vm, &a[0]))
}
fn view_isdisjoint(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, &vm.type_name(&a[0]), "isdisjoint", a, k)?;
    let me = &a[0];
    if me.is(x) {
        return Ok(vm.bool(ops::len(vm, me)? == 0));
    }
    // Iterate the smaller one when both sizes are known.
    let (iter_over, check_in) = match (x.kind(), ops::builtin_len(x)) {
        (Kind::Set | Kind::DictView, Some(n)) if n > ops::len(vm, me)? => (me.clone(), x.clone()),
        _ => (x.clone(), me.clone()),
    };
    let it = ops::get_iter(vm, &iter_over)?;
    while let Some(item) = ops::next(vm, &it)? {
        if ops::contains(vm, &check_in, &item)? {
            return Ok(vm.false_.clone());
        }
    }
    Ok(vm.true_.clone())
}

fn is_setlike_view(vm: &Vm, o: &PyRef) -> bool {
    o.kind() == Kind::DictView && !o.ty().is(&vm.types.dict_values)
}

/// `view op other` / `other op view` for keys and items views: the result
/// is a set (CPython's dictviews_or/and/sub/xor).
pub fn view_binop(vm: &Vm, op: BinOp, a: &PyRef, b: &PyRef) -> PyResult<Option<PyRef>> {
    if !is_setlike_view(vm, a) && !is_setlike_view(vm, b) {
        return Ok(None);
    }
    match op {
        BinOp::And => {
            // Intersection is symmetric: let `view` be a view.
            let (view, other) = if is_setlike_view(vm, a) { (a, b) } else { (b, a) };
            let len_self = ops::len(vm, view)?;
            if other.ty().is(&vm.types.set) && len_self <= ops::len(vm, other)? {
                let r = crate::types::set_ops::intersection(vm, other, view)?;
                return Ok(Some(r));
            }
            let (view, other) = if is_setlike_view(vm, other) && ops::len(vm, other)? > len_self { (other, view) } else { (view, other) };
            let result = PyRef::new(&vm.types.set, set::SetData::new());
            let rs = set::get(&result).unwrap();
            let it = ops::get_iter(vm, other)?;
            while let Some(x) = ops::next(vm, &it)? {
                if ops::contains(vm, view, &x)? {
                    rs.add(vm, &x)?;
                }
            }
            Ok(Some(result))
        }
        BinOp::Or | BinOp::Sub | BinOp::Xor => {
            let result = PyRef::new(&vm.types.set, set::SetData::new());
            // A keys view of an exact dict is read as the dict (whose hashes are known).
            let left = match a.payload::<dict::DictViewData>() {
                Some(v) if a.ty().is(&vm.types.dict_keys) && v.dict.ty().is(&vm.types.dict) => v.dict.clone(),
                _ => a.clone(),
            };
            crate::types::set_ops::update_internal(vm, set::get(&result).unwrap(), &left)?;
            match op {
                BinOp::Or => crate::types::set_ops::update_internal(vm, set::get(&result).unwrap(), b)?,
                BinOp::Sub => crate::types::set_ops::difference_update_internal(vm, &result, b)?,
                _ => crate::types::set_ops::symmetric_difference_update(vm, &result, b)?,
            }
            Ok(Some(result))
        }
        _ => Ok(None),
    }
}

/// Rich comparison of a keys/items view with a set or another such view.
pub fn view_compare(vm: &Vm, a: &PyRef, b: &PyRef, op: CmpOp) -> PyResult<Option<bool>> {
    if !is_setlike_view(vm, a) || !(is_setlike_view(vm, b) || b.kind() == Kind::Set) {
        return Ok(None);
    }
    let (la, lb) = (ops::len(vm, a)?, ops::len(vm, b)?);
    let all_in = |x: &PyRef, y: &PyRef| -> PyResult<bool> {
        let it = ops::get_iter(vm, x)?;
        while let Some(item) = ops::next(vm, &it)? {
            if !ops::contains(vm, y, &item)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(Some(match op {
        CmpOp::Eq => la == lb && all_in(a, b)?,
        CmpOp::Ne => !(la == lb && all_in(a, b)?),
        CmpOp::Lt => la < lb && all_in(a, b)?,
        CmpOp::Le => la <= lb && all_in(a, b)?,
        CmpOp::Gt => la > lb && all_in(b, a)?,
        CmpOp::Ge => la >= lb && all_in(b, a)?,
    }))
}

fn view_cmp(op: CmpOp) -> crate::vm::NativeFn {
    match op {
        CmpOp::Lt => |vm, a, _| view_cmp_impl(vm, a, CmpOp::Lt),
        CmpOp::Le => |vm, a, _| view_cmp_impl(vm, a, CmpOp::Le),
        CmpOp::Eq => |vm, a, _| view_cmp_impl(vm, a, CmpOp::Eq),
        CmpOp::Ne => |vm, a, _| view_cmp_impl(vm, a, CmpOp::Ne),
        CmpOp::Gt => |vm, a, _| view_cmp_impl(vm, a, CmpOp::Gt),
        CmpOp::Ge => |vm, a, _| view_cmp_impl(vm, a, CmpOp::Ge),
    }
}
fn view_cmp_impl(vm: &Vm, a: &[PyRef], op: CmpOp) -> PyResult {
    if a.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.len().saturating_sub(1))));
    }
    match view_compare(vm, &a[0], &a[1], op)? {
        Some(r) => Ok(vm.bool(r)),
        None => Ok(vm.not_implemented.clone()),
    }
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types;
    let m = |ty: &PyRef, name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, ty, name, f);
    m(&t.dict, "get", dict_get);
    m(&t.dict, "setdefault", dict_setdefault);
    m(&t.dict, "pop", dict_pop);
    m(&t.dict, "popitem", dict_popitem);
    m(&t.dict, "keys", dict_keys);
    m(&t.dict, "values", dict_values);
    m(&t.dict, "items", dict_items);
    m(&t.dict, "update", dict_update);
    m(&t.dict, "__init__", dict_init);
    m(&t.dict, "clear", dict_clear);
    m(&t.dict, "copy", dict_copy);
    m(&t.dict, "__ior__", dict_ior);
    m(&t.dict, "__reversed__", dict_reversed);
    typeobj::add_classmethod(vm, &t.dict, "fromkeys", dict_fromkeys);
    for v in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        m(v, "__reversed__", view_reversed);
    }
    for v in [&t.dict_keys, &t.dict_items] {
        m(v, "isdisjoint", view_isdisjoint);
        for op in [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge] {
            m(v, op.dunder(), view_cmp(op));
        }
        typeobj::set_in_dict(vm, v, "__hash__", vm.none());
    }
    let names = ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"];
    let made = names.map(|n| {
        let ty = typeobj::new_static_type(&vm.types, n, &vm.types.object, Kind::Iterator, 0);
        crate::types::finish_one_type(vm, &ty);
        *typeobj::data(&ty).module.borrow_mut() = Some("builtins".into());
        typeobj::add_method(vm, &ty, "__iter__", crate::types::methods::d_iter);
        typeobj::add_method(vm, &ty, "__next__", crate::types::methods::d_next);
        typeobj::add_method(vm, &ty, "__length_hint__", crate::types::iter_impl::it_length_hint);
        typeobj::add_method(vm, &ty, "__reduce__", crate::types::iter_impl::it_reduce);
        ty
    });
    REVERSE_TYPES.with(|t| {
        let _ = t.set(made);
    });
}
