//! iter() and next() for the builtin iterables and iterator types.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::iterators::{self, IterState};
use crate::types::*;
use crate::vm::{PyResult, Vm};
use num_traits::{One, Zero};

/// A result of enumerate, zip or a dict items iterator: in the place of
/// CPython's reused result tuple when `reuse` (taken from the state's
/// `ResultTuple` while nothing else held it) is given: freed here, outside
/// the state's borrow, the new tuple takes its block and its place.
fn new_result(vm: &Vm, d: &iterators::IteratorData, reuse: Option<PyRef>, items: Vec<PyRef>) -> PyRef {
    let Some(old) = reuse else { return vm.tuple(items) };
    drop(old);
    let t = vm.tuple(items);
    keep_result(d, &t);
    t
}

/// A pair result (enumerate, dict items): CPython's reuse of its kept
/// tuple, the items replaced in place, when `reuse` (taken while nothing
/// else held it) is given; the old items are released after the tuple is
/// kept again, the index first. A tracer watching the run sees a new tuple
/// in the old one's block instead (`new_result`).
fn pair_result(vm: &Vm, d: &iterators::IteratorData, reuse: Option<PyRef>, a: PyRef, b: PyRef) -> PyRef {
    let Some(mut t) = reuse else { return vm.tuple(vec![a, b]) };
    if crate::observe::active() {
        return new_result(vm, d, Some(t), vec![a, b]);
    }
    match PyRef::recycle_tuple(&mut t, [a, b]) {
        Ok(old) => {
            keep_result(d, &t);
            drop(old);
            t
        }
        Err([a, b]) => new_result(vm, d, Some(t), vec![a, b]),
    }
}

/// The state's result tuple, taken for reuse, is `t` again.
fn keep_result(d: &iterators::IteratorData, t: &PyRef) {
    match &mut *d.state.borrow_mut() {
        IterState::Enumerate { result, .. } | IterState::Zip { result, .. } => result.keep(t),
        IterState::Dict { result: Some(r), .. } | IterState::DictReverse { result: Some(r), .. } => r.keep(t),
        _ => {}
    }
}

pub fn builtin_iter(vm: &Vm, obj: &PyRef) -> PyResult<Option<PyRef>> {
    let t = &vm.types;
    let seq = |ty: &PyRef| Ok(Some(iterators::new(vm, ty, IterState::Seq { seq: Some(obj.clone()), index: 0 })));
    match obj.kind() {
        Kind::List => seq(&t.list_iterator),
        Kind::Tuple => seq(&t.tuple_iterator),
        Kind::Str if str::get(obj).map(|d| d.is_ascii()).unwrap_or(true) => seq(&t.str_iterator),
        Kind::Str => seq(&str_iterator_type(vm)),
        Kind::Bytes => seq(&t.bytes_iterator),
        Kind::ByteArray => seq(&t.bytearray_iterator),
        Kind::Range => {
            let r = range::get(obj).unwrap();
            match r.small {
                Some((a, b, c)) => {
                    let n = range::len_small(a, b, c);
                    Ok(Some(iterators::new(vm, &t.range_iterator, IterState::Range { next: a, step: c, remaining: n as u64, start: a })))
                }
                None => {
                    let (a, b, c) = (int::to_bigint(&r.start), int::to_bigint(&r.stop), int::to_bigint(&r.step));
                    let n = range::length(&a, &b, &c);
                    Ok(Some(iterators::new(vm, &crate::types::range_impl::longrange_iterator_type(vm), IterState::BigRange(Box::new(iterators::BigRangeState { next: a.clone(), step: c, remaining: n, start: a })))))
                }
            }
        }
        Kind::Dict => {
            let n = dict::get(obj).unwrap().len();
            Ok(Some(iterators::new(vm, &t.dict_keyiterator, IterState::Dict { dict: Some(obj.clone()), pos: 0, len_at_start: n, seen: 0, result: None })))
        }
        Kind::DictView => {
            let v = obj.payload::<dict::DictViewData>().unwrap();
            let ty = if obj.ty().is(&t.dict_keys) {
                &t.dict_keyiterator
            } else if obj.ty().is(&t.dict_values) {
                &t.dict_valueiterator
            } else {
                &t.dict_itemiterator
            };
            let n = dict::get(&v.dict).unwrap().len();
            let result = ty.is(&t.dict_itemiterator).then(|| iterators::ResultTuple::new(vm, 2));
            Ok(Some(iterators::new(vm, ty, IterState::Dict { dict: Some(v.dict.clone()), pos: 0, len_at_start: n, seen: 0, result })))
        }
        Kind::Set => {
            let n = set::get(obj).unwrap().len();
            Ok(Some(iterators::new(vm, &t.set_iterator, IterState::Set { set: Some(obj.clone()), pos: 0, len_at_start: n })))
        }
        Kind::Iterator | Kind::Generator => Ok(Some(obj.clone())),
        _ => Ok(None),
    }
}

/// Advance a builtin iterator. `None` when exhausted.
/// `FOR_ITER`'s short way for the commonest loops: the next item of a
/// range iterator or of an exact list's iterator, when there is one.
/// `None` leaves everything else (the end of the loop included) to
/// `ops::next`, which gives the same answers.
#[inline(always)]
pub fn next_fast(vm: &Vm, it: &PyRef) -> Option<PyRef> {
    if it.kind() != Kind::Iterator {
        return None;
    }
    let ty = it.ty();
    let range = ty.is(&vm.types.range_iterator);
    if !range && !ty.is(&vm.types.list_iterator) {
        return None;
    }
    let mut st = iterators::get(it)?.state.try_borrow_mut().ok()?;
    match &mut *st {
        IterState::Range { next, step, remaining, .. } if *remaining != 0 => {
            let v = *next;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Some(vm.int(v))
        }
        IterState::Seq { seq: Some(s), index } if s.ty().is(&vm.types.list) => {
            let v = list::get(s)?.get(*index)?;
            *index += 1;
            Some(v)
        }
        _ => None,
    }
}

/// The next item of an iterator another iterator draws from (enumerate's,
/// zip's): list and range iterators step here, the rest through `ops::next`.
#[inline]
fn next_item(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    match next_fast(vm, it) {
        Some(v) => Ok(Some(v)),
        None => ops::next(vm, it),
    }
}

/// A zip's iterators, held for one `next` (two of them without a vector).
enum ZipIters {
    Two([PyRef; 2]),
    Many(Vec<PyRef>),
}

impl std::ops::Deref for ZipIters {
    type Target = [PyRef];
    fn deref(&self) -> &[PyRef] {
        match self {
            ZipIters::Two(a) => a,
            ZipIters::Many(v) => v,
        }
    }
}

pub fn iter_next(vm: &Vm, it: &PyRef) -> PyResult<Option<PyRef>> {
    let d = iterators::get(it).unwrap();
    // States that need to call Python code are handled without holding the
    // borrow: take what is needed, release, call.
    enum Call {
        Callable(PyRef, PyRef),
        Enumerate(PyRef),
        Zip(ZipIters, bool),
        Map(Vec<PyRef>),
        Filter(PyRef),
        Reversed(PyRef, isize),
    }
    let call = {
        let mut st = d.state.borrow_mut();
        match &mut *st {
            IterState::Seq { seq, index } => {
                let Some(s) = seq.as_ref() else { return Ok(None) };
                let i = *index;
                let item = match s.kind() {
                    Kind::List if !is_heap_obj(s) || it.ty().is(&vm.types.list_iterator) => list::get(s).unwrap().get(i),
                    Kind::Tuple if it.ty().is(&vm.types.tuple_iterator) => tuple::items(s).get(i).cloned(),
                    Kind::Str if it.ty().is(&vm.types.str_iterator) || is_str_iterator(it) => {
                        let sd = str::get(s).unwrap();
                        if i < sd.char_len() {
                            let c = sd.char_at(i);
                            Some(if (c as u32) < 256 { vm.latin1[c as usize].clone() } else { vm.str_owned(c.to_string()) })
                        } else {
                            None
                        }
                    }
                    Kind::Bytes if it.ty().is(&vm.types.bytes_iterator) => bytes::get(s).unwrap().get(i).map(|b| vm.int(*b as i64)),
                    Kind::ByteArray if it.ty().is(&vm.types.bytearray_iterator) => bytearray::get(s).unwrap().b.borrow().get(i).map(|b| vm.int(*b as i64)),
                    _ => {
                        let s = s.clone();
                        drop(st);
                        return seq_getitem_next(vm, d, s, i);
                    }
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        return Ok(Some(v));
                    }
                    None => {
                        let old = seq.take();
                        drop(st);
                        drop(old);
                        return Ok(None);
                    }
                }
            }
            IterState::ListReverse { seq, index } => {
                let Some(s) = seq.as_ref() else { return Ok(None) };
                let l = list::get(s).unwrap();
                if *index >= 0 && (*index as usize) < l.len() {
                    let v = l.get(*index as usize).unwrap();
                    *index -= 1;
                    return Ok(Some(v));
                }
                let old = seq.take();
                drop(st);
                drop(old);
                return Ok(None);
            }
            IterState::Range { next, step, remaining, .. } => {
                if *remaining == 0 {
                    return Ok(None);
                }
                let v = *next;
                *remaining -= 1;
                *next = next.wrapping_add(*step);
                return Ok(Some(vm.int(v)));
            }
            IterState::BigRange(b) => {
                let iterators::BigRangeState { next, step, remaining, .. } = &mut **b;
                if remaining.is_zero() {
                    return Ok(None);
                }
                let v = next.clone();
                *remaining -= 1;
                *next += &*step;
                return Ok(Some(vm.bigint(v)));
            }
            IterState::Dict { dict: dref, pos, len_at_start, seen, result } => {
                let Some(dobj) = dref.as_ref() else { return Ok(None) };
                let dd = dict::get(dobj).unwrap();
                if dd.len() != *len_at_start {
                    *len_at_start = usize::MAX;
                    return Err(vm.runtime_error("dictionary changed size during iteration"));
                }
                match dd.entry_from(*pos) {
                    Some((np, k, v)) => {
                        *pos = np;
                        *seen += 1;
                        let ty = it.ty();
                        let r = if ty.is(&vm.types.dict_keyiterator) {
                            k
                        } else if ty.is(&vm.types.dict_valueiterator) {
                            v
                        } else {
                            let reuse = result.as_mut().and_then(|r| r.take_reusable());
                            drop(st);
                            pair_result(vm, d, reuse, k, v)
                        };
                        return Ok(Some(r));
                    }
                    None => {
                        let old = dref.take();
                        drop(st);
                        drop(old);
                        return Ok(None);
                    }
                }
            }
            IterState::DictReverse { dict: dref, pos, len_at_start, remaining, which, result } => {
                let Some(dobj) = dref.as_ref() else { return Ok(None) };
                let dd = dict::get(dobj).unwrap();
                if dd.len() != *len_at_start {
                    *len_at_start = usize::MAX;
                    return Err(vm.runtime_error("dictionary changed size during iteration"));
                }
                match dd.entry_before(*pos) {
                    Some((np, k, v)) => {
                        *pos = np;
                        *remaining = remaining.saturating_sub(1);
                        let r = match which {
                            0 => k,
                            1 => v,
                            _ => {
                                let reuse = result.as_mut().and_then(|r| r.take_reusable());
                                drop(st);
                                pair_result(vm, d, reuse, k, v)
                            }
                        };
                        return Ok(Some(r));
                    }
                    None => {
                        let old = dref.take();
                        drop(st);
                        drop(old);
                        return Ok(None);
                    }
                }
            }
            IterState::Set { set: sref, pos, len_at_start } => {
                let Some(sobj) = sref.as_ref() else { return Ok(None) };
                let sd = set::get(sobj).unwrap();
                if sd.len() != *len_at_start {
                    *len_at_start = usize::MAX;
                    return Err(vm.runtime_error("Set changed size during iteration"));
                }
                match sd.entry_from(*pos) {
                    Some((np, k)) => {
                        *pos = np;
                        return Ok(Some(k));
                    }
                    None => {
                        let old = sref.take();
                        drop(st);
                        drop(old);
                        return Ok(None);
                    }
                }
            }
            IterState::Callable { func, sentinel } => {
                let Some(f) = func.as_ref() else { return Ok(None) };
                Call::Callable(f.clone(), sentinel.clone())
            }
            IterState::Enumerate { iter, .. } => Call::Enumerate(iter.clone()),
            IterState::Zip { iters, strict, .. } => Call::Zip(
                match &iters[..] {
                    [a, b] => ZipIters::Two([a.clone(), b.clone()]),
                    _ => ZipIters::Many(iters.clone()),
                },
                *strict,
            ),
            IterState::Map { iters, .. } => Call::Map(iters.clone()),
            IterState::Filter { iter } => Call::Filter(iter.clone()),
            IterState::Reversed { seq, index } => {
                let Some(s) = seq.as_ref() else { return Ok(None) };
                if *index < 0 {
                    let old = seq.take();
                    drop(st);
                    drop(old);
                    return Ok(None);
                }
                let i = *index;
                *index -= 1;
                Call::Reversed(s.clone(), i)
            }
            IterState::Exhausted => return Ok(None),
        }
    };
    match call {
        Call::Callable(f, sentinel) => {
            let v = ops::call0(vm, &f)?;
            if ops::eq(vm, &v, &sentinel)? {
                iterators::set_state(d, IterState::Exhausted);
                return Ok(None);
            }
            Ok(Some(v))
        }
        Call::Enumerate(inner) => {
            let Some(v) = next_item(vm, &inner)? else { return Ok(None) };
            let mut st = d.state.borrow_mut();
            let IterState::Enumerate { count, result, .. } = &mut *st else { return Ok(None) };
            let c = count.take(vm);
            let reuse = result.take_reusable();
            drop(st);
            Ok(Some(pair_result(vm, d, reuse, c, v)))
        }
        Call::Zip(iters, strict) => {
            if iters.is_empty() {
                return Ok(None);
            }
            // CPython makes a result tuple before asking for the items,
            // unless its own is free to be reused.
            let own = matches!(&*d.state.borrow(), IterState::Zip { result, .. } if result.reusable());
            let fresh = if own { None } else { Some(crate::object::gc::HeldTransient::tuple(iters.len())) };
            let mut items = Vec::with_capacity(iters.len());
            for (i, x) in iters.iter().enumerate() {
                match next_item(vm, x)? {
                    Some(v) => items.push(v),
                    None => {
                        if strict {
                            if i > 0 {
                                return Err(vm.value_error(format!(
                                    "zip() argument {} is shorter than argument{} {}",
                                    i + 1,
                                    if i == 1 { "" } else { "s" },
                                    if i == 1 { "1".to_string() } else { format!("1-{}", i) }
                                )));
                            }
                            for (j, y) in iters.iter().enumerate().skip(1) {
                                if ops::next(vm, y)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{} {}",
                                        j + 1,
                                        if j == 1 { "" } else { "s" },
                                        if j == 1 { "1".to_string() } else { format!("1-{}", j) }
                                    )));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            let reuse = match &mut *d.state.borrow_mut() {
                IterState::Zip { result, .. } if own => result.take_reusable(),
                _ => None,
            };
            drop(fresh);
            if items.len() == 2 {
                let b = items.pop().unwrap();
                let a = items.pop().unwrap();
                return Ok(Some(pair_result(vm, d, reuse, a, b)));
            }
            Ok(Some(new_result(vm, d, reuse, items)))
        }
        Call::Map(iters) => {
            let Some(f) = d.func.as_ref() else { return Ok(None) };
            let mut args = Vec::with_capacity(iters.len());
            for x in &iters {
                match ops::next(vm, x)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            // map keeps the items while the function runs (CPython calls
            // with them on a small stack of its own): a Python function's
            // frame takes references of its own, a builtin borrows them.
            if matches!(f.kind(), Kind::Function | Kind::Method) {
                ops::call(vm, f, &args, None).map(Some)
            } else {
                ops::call_owned(vm, f, args, None).map(Some)
            }
        }
        Call::Filter(inner) => loop {
            let Some(f) = d.func.as_ref() else { return Ok(None) };
            let Some(v) = ops::next(vm, &inner)? else { return Ok(None) };
            let keep = if f.is(&vm.none) {
                ops::truthy(vm, &v)?
            } else {
                let r = ops::call1(vm, f, v.clone())?;
                ops::truthy(vm, &r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Call::Reversed(s, i) => match ops::get_item(vm, &s, &vm.int(i as i64)) {
            Ok(v) => Ok(Some(v)),
            Err(e) if crate::types::typeobj::isinstance(&e.0, &vm.exc.index_error) || crate::types::typeobj::isinstance(&e.0, &vm.exc.stop_iteration) => {
                iterators::set_state(d, IterState::Exhausted);
                Ok(None)
            }
            Err(e) => Err(e),
        },
    }
}

fn is_heap_obj(o: &PyRef) -> bool {
    crate::types::typeobj::data(o.ty()).flag(crate::types::typeobj::tflags::HEAPTYPE)
}

fn seq_getitem_next(vm: &Vm, d: &iterators::IteratorData, s: PyRef, i: usize) -> PyResult<Option<PyRef>> {
    match ops::get_item(vm, &s, &vm.int(i as i64)) {
        Ok(v) => {
            if let IterState::Seq { index, .. } = &mut *d.state.borrow_mut() {
                *index = i + 1;
            }
            Ok(Some(v))
        }
        Err(e) if crate::types::typeobj::isinstance(&e.0, &vm.exc.index_error) || crate::types::typeobj::isinstance(&e.0, &vm.exc.stop_iteration) => {
            iterators::set_state(d, IterState::Exhausted);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// What `it.__length_hint__()` reports for a builtin iterator (`None`:
/// the iterator has no `__length_hint__`).
pub fn length_hint(vm: &Vm, it: &PyRef) -> Option<num_bigint::BigInt> {
    use num_bigint::BigInt;
    let d = iterators::get(it)?;
    let st = d.state.borrow();
    Some(match &*st {
        IterState::Range { remaining, .. } => BigInt::from(*remaining),
        IterState::BigRange(b) => b.remaining.clone(),
        IterState::Seq { seq, index } => match seq {
            None => BigInt::zero(),
            Some(s) => {
                let n = match s.kind() {
                    Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray if !is_heap_obj(s) || !it.ty().is(&vm.types.seq_iterator) => {
                        ops::builtin_len(s).unwrap_or(0)
                    }
                    _ => return None,
                };
                BigInt::from(n.saturating_sub(*index))
            }
        },
        IterState::ListReverse { seq, index } | IterState::Reversed { seq, index } => match seq {
            Some(s) if *index >= 0 && (*index as usize) < ops::builtin_len(s).unwrap_or(0) => BigInt::from(*index + 1),
            _ => BigInt::zero(),
        },
        IterState::Dict { dict: dref, len_at_start, seen, .. } => match dref {
            Some(dobj) if dict::get(dobj).map(|x| x.len()) == Some(*len_at_start) => BigInt::from(len_at_start.saturating_sub(*seen)),
            _ => BigInt::zero(),
        },
        IterState::DictReverse { dict: dref, len_at_start, remaining, .. } => match dref {
            Some(dobj) if dict::get(dobj).map(|x| x.len()) == Some(*len_at_start) => BigInt::from(*remaining),
            _ => BigInt::zero(),
        },
        IterState::Set { set: sref, pos, len_at_start } => match sref {
            Some(sobj) => {
                let sd = set::get(sobj)?;
                if sd.len() != *len_at_start {
                    BigInt::zero()
                } else {
                    let mut n = 0usize;
                    let mut p = *pos;
                    while let Some((np, _)) = sd.entry_from(p) {
                        n += 1;
                        p = np;
                    }
                    BigInt::from(n)
                }
            }
            None => BigInt::zero(),
        },
        IterState::Exhausted => BigInt::zero(),
        _ => return None,
    })
}

pub(crate) fn it_length_hint(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let it = a.first().ok_or_else(|| vm.type_error("__length_hint__ needs an argument"))?;
    crate::types::methods::noargs(vm, &vm.type_name(it), "__length_hint__", a, k)?;
    match length_hint(vm, it) {
        Some(n) => Ok(vm.bigint(n)),
        None => Ok(vm.not_implemented.clone()),
    }
}

thread_local! {
    /// `str_iterator`: the iterator of a non-ASCII str (`vm.types.str_iterator`
    /// is CPython's `str_ascii_iterator`).
    static STR_ITERATOR: std::cell::OnceCell<PyRef> = const { std::cell::OnceCell::new() };
}

fn sit_for_reduce(vm: &Vm) -> PyRef {
    str_iterator_type(vm)
}

fn str_iterator_type(vm: &Vm) -> PyRef {
    STR_ITERATOR.with(|c| c.get().cloned()).unwrap_or_else(|| vm.types.str_iterator.clone())
}

fn is_str_iterator(it: &PyRef) -> bool {
    STR_ITERATOR.with(|c| c.get().map(|t| it.ty().is(t)).unwrap_or(false))
}

// ------------------------------------------------- pickling (copy uses it)
//
// Each builtin iterator reduces to how CPython 3.11 rebuilds it: sequence
// and range iterators as `iter(seq)` plus an index given to __setstate__,
// dict and set iterators as `iter(list_of_what_is_left)`, the others as a
// call of their type on their current parts.

fn builtin(vm: &Vm, name: &str) -> PyRef {
    let b = vm.builtins_dict.borrow().clone().expect("builtins");
    dict::get_str_key(&b, &vm.intern(name)).expect("builtin exists")
}

pub(crate) fn it_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let it = a.first().ok_or_else(|| vm.type_error("__reduce__ needs an argument"))?;
    crate::types::methods::noargs(vm, &vm.type_name(it), "__reduce__", a, k)?;
    let d = iterators::get(it).ok_or_else(|| vm.type_error("__reduce__ requires an iterator"))?;
    let iter = || builtin(vm, "iter");
    let t = &vm.types;
    let ty = it.ty();
    let dict_or_set = [&t.dict_keyiterator, &t.dict_valueiterator, &t.dict_itemiterator, &t.set_iterator].iter().any(|x| ty.is(x))
        || matches!(&*d.state.borrow(), IterState::DictReverse { .. });
    // Dict and set iterators: what is left, as a list (CPython copies the
    // iterator and runs it).
    if dict_or_set {
        let rest = {
            let st = d.state.borrow();
            let mut out = Vec::new();
            match &*st {
                IterState::Dict { dict: Some(dobj), pos, .. } => {
                    let dd = dict::get(dobj).unwrap();
                    let mut p = *pos;
                    while let Some((np, key, v)) = dd.entry_from(p) {
                        out.push(if ty.is(&t.dict_keyiterator) {
                            key
                        } else if ty.is(&t.dict_valueiterator) {
                            v
                        } else {
                            vm.tuple([key, v])
                        });
                        p = np;
                    }
                }
                IterState::DictReverse { dict: Some(dobj), pos, which, .. } => {
                    let dd = dict::get(dobj).unwrap();
                    let mut p = *pos;
                    while let Some((np, key, v)) = dd.entry_before(p) {
                        out.push(match which {
                            0 => key,
                            1 => v,
                            _ => vm.tuple([key, v]),
                        });
                        p = np;
                    }
                }
                IterState::Set { set: Some(sobj), pos, .. } => {
                    let sd = set::get(sobj).unwrap();
                    let mut p = *pos;
                    while let Some((np, key)) = sd.entry_from(p) {
                        out.push(key);
                        p = np;
                    }
                }
                _ => {}
            }
            out
        };
        return Ok(vm.tuple([iter(), vm.tuple([vm.list(rest)])]));
    }
    let st = d.state.borrow();
    let r = match &*st {
        IterState::Seq { seq: Some(s), index } => vm.tuple([iter(), vm.tuple([s.clone()]), vm.int(*index as i64)]),
        IterState::ListReverse { seq: Some(s), index } => vm.tuple([t.reversed.clone(), vm.tuple([s.clone()]), vm.int(*index as i64)]),
        IterState::ListReverse { seq: None, .. } => vm.tuple([iter(), vm.tuple([vm.list(vec![])])]),
        IterState::Reversed { seq: Some(s), index } => vm.tuple([it.ty().clone(), vm.tuple([s.clone()]), vm.int(*index as i64)]),
        IterState::Reversed { seq: None, .. } => vm.tuple([it.ty().clone(), vm.tuple([vm.empty_tuple.clone()])]),
        IterState::Range { next, step, remaining, start } => {
            let (next, step, remaining, start) = (*next as i128, *step as i128, *remaining as i128, *start as i128);
            let index = if step == 0 { 0 } else { (next - start) / step };
            let stop = start + (index + remaining) * step;
            let (start, stop, step) = (vm.bigint(start.into()), vm.bigint(stop.into()), vm.bigint(step.into()));
            drop(st);
            let range = ops::call(vm, &t.range, &[start, stop, step], None)?;
            return Ok(vm.tuple([iter(), vm.tuple([range]), vm.bigint(index.into())]));
        }
        IterState::BigRange(b) => {
            let iterators::BigRangeState { next, step, remaining, start } = &**b;
            let index: num_bigint::BigInt = if step.is_zero() { num_bigint::BigInt::zero() } else { (next - start) / step };
            let stop = start + (&index + remaining) * step;
            let (start, stop, step) = (vm.bigint(start.clone()), vm.bigint(stop), vm.bigint(step.clone()));
            drop(st);
            let range = ops::call(vm, &t.range, &[start, stop, step], None)?;
            return Ok(vm.tuple([iter(), vm.tuple([range]), vm.bigint(index)]));
        }
        IterState::Callable { func: Some(f), sentinel } => vm.tuple([iter(), vm.tuple([f.clone(), sentinel.clone()])]),
        IterState::Enumerate { iter: inner, count, .. } => vm.tuple([it.ty().clone(), vm.tuple([inner.clone(), vm.bigint(count.value())])]),
        IterState::Zip { iters, strict, .. } => {
            let parts = vm.tuple(iters.clone());
            if *strict {
                vm.tuple([it.ty().clone(), parts, vm.true_.clone()])
            } else {
                vm.tuple([it.ty().clone(), parts])
            }
        }
        IterState::Map { iters, .. } => {
            let mut parts = vec![d.func.clone().unwrap_or_else(|| vm.none())];
            parts.extend(iters.iter().cloned());
            vm.tuple([it.ty().clone(), vm.tuple(parts)])
        }
        IterState::Filter { iter: inner } => vm.tuple([it.ty().clone(), vm.tuple([d.func.clone().unwrap_or_else(|| vm.none()), inner.clone()])]),
        // An exhausted sequence or callable iterator.
        _ => vm.tuple([iter(), vm.tuple([vm.empty_tuple.clone()])]),
    };
    Ok(r)
}

/// `it.__setstate__(index)`: resume a sequence, reversed or range
/// iterator at `index` (clamped as CPython clamps it).
fn it_setstate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let it = a.first().ok_or_else(|| vm.type_error("__setstate__ needs an argument"))?;
    let state = crate::types::methods::one_arg(vm, &vm.type_name(it), "__setstate__", a, k)?;
    let index = int::index_value(vm, state)?;
    let index = num_traits::ToPrimitive::to_i64(&index).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
    let d = iterators::get(it).ok_or_else(|| vm.type_error("__setstate__ requires an iterator"))?;
    let mut st = d.state.borrow_mut();
    match &mut *st {
        IterState::Seq { seq, index: i } => {
            let len = seq.as_ref().and_then(|s| match s.kind() {
                Kind::Str => str::get(s).map(|x| x.char_len()),
                _ => ops::builtin_len(s),
            });
            let mut n = index.max(0) as usize;
            if let Some(len) = len {
                n = n.min(len);
            }
            if seq.is_some() {
                *i = n;
            }
        }
        IterState::ListReverse { seq: Some(s), index: i } | IterState::Reversed { seq: Some(s), index: i } => {
            let len = ops::builtin_len(s).unwrap_or(0) as i64;
            *i = index.max(-1).min(len - 1) as isize;
        }
        IterState::Range { next, step, remaining, start } => {
            let len = if *step == 0 { 0 } else { (*next as i128 - *start as i128) / *step as i128 + *remaining as i128 };
            let idx = (index as i128).clamp(0, len);
            *next = (*start as i128 + idx * *step as i128) as i64;
            *remaining = (len - idx) as u64;
        }
        IterState::BigRange(b) => {
            let iterators::BigRangeState { next, step, remaining, start } = &mut **b;
            let len: num_bigint::BigInt = (&*next - &*start) / &*step + &*remaining;
            let mut idx = num_bigint::BigInt::from(index.max(0));
            if idx > len {
                idx = len.clone();
            }
            *next = &*start + &idx * &*step;
            *remaining = len - idx;
        }
        _ => {}
    }
    Ok(vm.none())
}

/// Register `__length_hint__` on the iterator types that have one.
pub fn init_methods(vm: &Vm) {
    let sit = crate::types::typeobj::new_static_type(&vm.types, "str_iterator", &vm.types.object, Kind::Iterator, 0);
    crate::types::finish_one_type(vm, &sit);
    *crate::types::typeobj::data(&sit).module.borrow_mut() = Some("builtins".into());
    crate::types::typeobj::add_method(vm, &sit, "__iter__", crate::types::methods::d_iter);
    crate::types::typeobj::add_method(vm, &sit, "__next__", crate::types::methods::d_next);
    crate::types::typeobj::add_method(vm, &sit, "__length_hint__", it_length_hint);
    STR_ITERATOR.with(|c| {
        let _ = c.set(sit);
    });
    let t = &vm.types;
    for ty in [
        &t.list_iterator, &t.list_reverseiterator, &t.tuple_iterator, &t.range_iterator, &t.str_iterator, &t.bytes_iterator, &t.bytearray_iterator,
        &t.dict_keyiterator, &t.dict_valueiterator, &t.dict_itemiterator, &t.set_iterator, &t.seq_iterator, &t.reversed,
    ] {
        crate::types::typeobj::add_method(vm, ty, "__length_hint__", it_length_hint);
    }
    crate::types::typeobj::add_method(vm, &crate::types::range_impl::longrange_iterator_type(vm), "__length_hint__", it_length_hint);
    for ty in [
        &t.list_iterator, &t.list_reverseiterator, &t.tuple_iterator, &t.range_iterator, &t.str_iterator, &t.bytes_iterator, &t.bytearray_iterator,
        &t.dict_keyiterator, &t.dict_valueiterator, &t.dict_itemiterator, &t.set_iterator, &t.seq_iterator, &t.callable_iterator, &t.enumerate,
        &t.zip, &t.map, &t.filter, &t.reversed, &sit_for_reduce(vm), &crate::types::range_impl::longrange_iterator_type(vm),
    ] {
        crate::types::typeobj::add_method(vm, ty, "__reduce__", it_reduce);
    }
    for ty in [
        &t.list_iterator, &t.list_reverseiterator, &t.tuple_iterator, &t.range_iterator, &t.str_iterator, &t.bytes_iterator, &t.bytearray_iterator,
        &t.seq_iterator, &t.reversed, &sit_for_reduce(vm), &crate::types::range_impl::longrange_iterator_type(vm),
    ] {
        crate::types::typeobj::add_method(vm, ty, "__setstate__", it_setstate);
    }
}

pub fn _unused() -> num_bigint::BigInt {
    num_bigint::BigInt::one()
}
