//! list slice assignment and deletion.

use crate::object::PyRef;
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

pub fn set_slice(vm: &Vm, obj: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let l = list::get(obj).ok_or_else(|| vm.type_error("descriptor requires a 'list' object"))?;
    let (ustart, ustop, step) = slice::unpack(vm, slice::get(key).unwrap())?;
    let (_, _, count_before) = slice::adjust(l.len() as i64, ustart, ustop, step);
    let new_items: Option<Vec<PyRef>> = match &value {
        Some(v) => Some(if v.is(obj) {
            l.snapshot()
        } else {
            match ops::iterate(vm, v) {
                Ok(x) => x,
                Err(e) if crate::types::typeobj::isinstance(&e.0, &vm.exc.type_error) && ops::lookup_special(vm, v, "__iter__").is_none() && ops::lookup_special(vm, v, "__getitem__").is_none() => {
                    return Err(vm.type_error(if step == 1 { "can only assign an iterable" } else { "must assign iterable to extended slice" }));
                }
                Err(e) => return Err(e),
            }
        }),
        None => None,
    };
    // Resolve against the length now that no more Python code runs.
    let n = l.len() as i64;
    let (start, stop, count) = slice::adjust(n, ustart, ustop, step);
    let removed: Vec<PyRef>;
    if step == 1 {
        let stop = stop.max(start);
        let mut items = l.items_mut();
        let old_len = items.len();
        let repl = new_items.unwrap_or_default();
        let (start, stop) = (start as usize, stop as usize);
        let mut old = if repl.len() == stop - start {
            // As many new items as old: replaced in place.
            items[start..stop].iter_mut().zip(repl).map(|(slot, x)| std::mem::replace(slot, x)).collect()
        } else {
            items.splice(start..stop, repl).collect::<Vec<PyRef>>()
        };
        let len = items.len();
        drop(items);
        // list_ass_slice: emptying the list frees its array.
        if len == 0 {
            l.note_clear();
        } else if len != old_len {
            l.note_resize_from(old_len, len);
        }
        // list_ass_slice releases the replaced items from the last.
        old.reverse();
        removed = old;
    } else {
        let idx: Vec<usize> = (0..count).map(|k| (start + k * step) as usize).collect();
        match new_items {
            Some(v) => {
                if v.len() as i64 != count_before {
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        v.len(),
                        count_before
                    )));
                }
                if v.len() != idx.len() {
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        v.len(),
                        idx.len()
                    )));
                }
                let mut items = l.items_mut();
                removed = idx.iter().zip(v).map(|(i, x)| std::mem::replace(&mut items[*i], x)).collect();
            }
            None => {
                // Released from the lowest index up, as CPython's
                // list_ass_subscript does (it turns a negative step round).
                let mut items = l.items_mut();
                let mut sorted = idx.clone();
                sorted.sort_unstable();
                let mut r = Vec::with_capacity(sorted.len());
                for i in sorted.into_iter().rev() {
                    r.push(items.remove(i));
                }
                r.reverse();
                removed = r;
                let len = items.len();
                drop(items);
                l.note_resize(len);
            }
        }
    }
    drop(removed);
    Ok(())
}

// ---------------------------------------------------------------- methods

use crate::object::Kind;
use crate::types::methods::{kw_names, noargs, one_arg, pos_args};
use crate::types::typeobj;

fn this<'a>(vm: &Vm, a: &'a [PyRef]) -> PyResult<&'a list::ListData> {
    a.first().and_then(list::get).ok_or_else(|| vm.type_error("descriptor requires a 'list' object"))
}

/// An index argument that must not be None (`list.index(x, start, stop)`).
pub fn slice_index_not_none(vm: &Vm, x: &PyRef) -> PyResult<i64> {
    use num_traits::{Signed, ToPrimitive};
    if int::get(x).is_none() && ops::lookup_special(vm, x, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or have an __index__ method"));
    }
    let b = int::index_value(vm, x)?;
    Ok(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))
}

pub(crate) fn list_append(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "list", "append", a, k)?;
    this(vm, a)?.push(x.clone());
    Ok(vm.none())
}
/// `l.extend(x)`: a list or tuple is copied at once; other iterables are
/// appended item by item as they are produced (as CPython does).
/// CPython's `PyObject_LengthHint(x, 8)`: how many items `list.extend`
/// makes room for before iterating.
pub fn extend_hint(vm: &Vm, x: &PyRef) -> PyResult<usize> {
    if let Some(n) = ops::builtin_len(x) {
        return Ok(n);
    }
    if ops::lookup_special(vm, x, "__len__").is_some() {
        match ops::len(vm, x) {
            Ok(n) => return Ok(n),
            Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    if let Some(h) = crate::types::iter_impl::length_hint(vm, x) {
        return Ok(num_traits::ToPrimitive::to_usize(&h).unwrap_or(0));
    }
    // A TypeError from the hint means no hint (PyObject_LengthHint).
    let hint = match ops::call_special_bound(vm, x, "__length_hint__", &[]) {
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => return Ok(8),
        r => r?,
    };
    match hint {
        None => Ok(8),
        Some(r) if r.is(&vm.not_implemented) => Ok(8),
        Some(r) => {
            if r.kind() != Kind::Int {
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&r))));
            }
            let n = int::index_i64(vm, &r)?;
            if n < 0 {
                return Err(vm.value_error("__length_hint__() should return >= 0"));
            }
            Ok(n as usize)
        }
    }
}

/// `list.extend(x)` (also `+=`, `list(x)`, `[*x]`), with CPython's sizing.
pub fn extend_impl(vm: &Vm, l: &list::ListData, x: &PyRef) -> PyResult<()> {
    let exact_seq = x.ty().is(&vm.types.list) || x.ty().is(&vm.types.tuple);
    let (items, hint) = if exact_seq { (ops::iterate(vm, x)?, 0) } else { collect_hinted(vm, x)? };
    extend_with(l, items, hint, exact_seq);
    Ok(())
}

/// The items of iterable `x` and its length hint, asked in CPython's
/// order: the iterator first, then the hint (`__len__` or
/// `__length_hint__`), then the items (list.extend, tuple()).
pub fn collect_hinted(vm: &Vm, x: &PyRef) -> PyResult<(Vec<PyRef>, usize)> {
    let it = ops::get_iter(vm, x)?;
    let hint = extend_hint(vm, x)?;
    let mut items = Vec::new();
    while let Some(v) = ops::next(vm, &it)? {
        items.push(v);
    }
    Ok((items, hint))
}

/// Append already-collected `items`, sized as extending by an iterable
/// with length hint `hint` (or by an exact list/tuple) would be.
pub fn extend_with(l: &list::ListData, items: Vec<PyRef>, hint: usize, exact_seq: bool) {
    let size = l.len();
    let count = items.len();
    l.note_extend(size, hint, count, exact_seq);
    l.items_mut().extend(items);
    crate::observe::list_splice(l, size, 0, count);
}

/// `list(x)` as a new exact list (sorted() starts from one).
pub fn list_from_iterable(vm: &Vm, x: &PyRef) -> PyResult {
    let exact_seq = x.ty().is(&vm.types.list) || x.ty().is(&vm.types.tuple);
    let (items, hint) = if exact_seq { (ops::iterate(vm, x)?, 0) } else { collect_hinted(vm, x)? };
    let l = vm.list(Vec::new());
    extend_with(list::get(&l).unwrap(), items, hint, exact_seq);
    Ok(l)
}
fn list_extend(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "list", "extend", a, k)?;
    extend_impl(vm, this(vm, a)?, x)?;
    Ok(vm.none())
}
fn list_pop(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "list", "pop", a, k, 0, 1)?;
    let i = match p.first() {
        Some(x) => int::index_i64(vm, x)?,
        None => -1,
    };
    let l = this(vm, a)?;
    let n = l.len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = l.items_mut().remove(j as usize);
    crate::observe::list_splice(l, j as usize, 1, 0);
    l.note_resize(n - 1);
    Ok(v)
}
fn list_insert(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "list", "insert", a, k, 2, 2)?;
    let i = int::index_i64(vm, &p[0])?;
    let l = this(vm, a)?;
    let n = l.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    l.note_resize(n as usize + 1);
    l.items_mut().insert(i, p[1].clone());
    crate::observe::list_splice(l, i, 0, 1);
    Ok(vm.none())
}
fn list_remove(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "list", "remove", a, k)?;
    let l = this(vm, a)?;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if ops::eq(vm, &item, x)? {
            let n = l.len();
            if i < n {
                let old = l.items_mut().remove(i);
                crate::observe::list_splice(l, i, 1, 0);
                // Removed through list_ass_slice: emptying frees the array.
                if n == 1 {
                    l.note_clear();
                } else {
                    l.note_resize(n - 1);
                }
                drop(old);
            }
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}
fn list_index(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let p = pos_args(vm, "list", "index", a, k, 1, 3)?;
    let mut start = match p.get(1) {
        Some(x) => slice_index_not_none(vm, x)?,
        None => 0,
    };
    let mut stop = match p.get(2) {
        Some(x) => slice_index_not_none(vm, x)?,
        None => i64::MAX,
    };
    let l = this(vm, a)?;
    let n = l.len() as i64;
    if start < 0 {
        start = (start + n).max(0);
    }
    if stop < 0 {
        stop = (stop + n).max(0);
    }
    let mut i = start;
    while i < stop {
        let Some(item) = l.get(i as usize) else { break };
        if ops::eq(vm, &item, &p[0])? {
            return Ok(vm.int(i));
        }
        i += 1;
    }
    Err(vm.value_error(format!("{} is not in list", ops::repr_string(vm, &p[0])?)))
}
fn list_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = one_arg(vm, "list", "count", a, k)?;
    let l = this(vm, a)?;
    let mut c = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if ops::eq(vm, &item, x)? {
            c += 1;
        }
        i += 1;
    }
    Ok(vm.int(c))
}
fn list_reverse(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "list", "reverse", a, k)?;
    this(vm, a)?.items_mut().reverse();
    Ok(vm.none())
}
fn list_clear(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "list", "clear", a, k)?;
    let l = this(vm, a)?;
    let old = std::mem::take(&mut *l.items_mut());
    l.note_clear();
    // CPython releases the items from the last to the first.
    let mut old = old;
    while let Some(x) = old.pop() {
        drop(x);
    }
    Ok(vm.none())
}
fn list_copy(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "list", "copy", a, k)?;
    Ok(vm.list(this(vm, a)?.snapshot()))
}
pub fn list_sort(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    thread_local! {
        static PARSER_READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    crate::types::methods::keyword_parser_init(&PARSER_READY, k, 2);
    let p = crate::types::methods::kw_args(vm, "sort", a, k, true, &["key", "reverse"], 0, 0, 0)?;
    // Borrowed, as CPython keeps it: a key function sees no extra reference to itself.
    let key = p[0].filter(|v| !v.is(&vm.none));
    let reverse = match p[1] {
        Some(v) => crate::types::str::c_int_arg(vm, v)? != 0,
        None => false,
    };
    let l = this(vm, a)?;
    // CPython empties the list while sorting.
    let items = std::mem::take(&mut *l.items_mut());
    let r = crate::builtins::sort_values(vm, items, key, reverse);
    match r {
        Ok(sorted) => {
            let modified = !l.items.borrow().is_empty();
            let old = std::mem::replace(&mut *l.items_mut(), sorted);
            drop_last_first(old);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(vm.none())
        }
        Err((e, items)) => {
            let old = std::mem::replace(&mut *l.items_mut(), items);
            drop_last_first(old);
            Err(e)
        }
    }
}
/// What a comparison put in the list during the sort goes as CPython frees
/// a list's items: last to first.
fn drop_last_first(mut v: Vec<PyRef>) {
    while let Some(x) = v.pop() {
        drop(x);
    }
}
fn list_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if a.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", a.len() - 1)));
    }
    let l = this(vm, a)?;
    let old = std::mem::take(&mut *l.items_mut());
    l.note_clear();
    // _list_clear: from the last item to the first.
    list::release_from_last(old);
    if let Some(x) = a.get(1) {
        extend_impl(vm, l, x)?;
    }
    Ok(vm.none())
}
fn list_iadd(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = &crate::types::methods::wrapper_args(vm, "__iadd__", a, k, 1)?[0];
    extend_impl(vm, this(vm, a)?, x)?;
    Ok(a[0].clone())
}
fn list_imul(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let x = { if a.len() != 2 || !crate::types::methods::kw_names(k).is_empty() { return Err(vm.type_error(if crate::types::methods::kw_names(k).is_empty() { format!(" expected 1 argument, got {}", a.len().saturating_sub(1)) } else { "wrapper __imul__() takes no keyword arguments".to_string() })); } &a[1] };
    crate::types::number_ops::not_a_count(vm, refscope_compiler::bytecode::BinOp::Mul, &a[0], x)?;
    let n = match int::index_value(vm, x).map(|b| num_traits::ToPrimitive::to_i64(&b)) {
        Ok(Some(n)) => n.max(0) as usize,
        Ok(None) => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        Err(e) => return Err(e),
    };
    let l = this(vm, a)?;
    let items = l.snapshot();
    if (items.len() as u128) * (n as u128) > (1u128 << 40) {
        return Err(vm.memory_error());
    }
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    let len = v.len();
    let old_len = l.len();
    let old = std::mem::replace(&mut *l.items_mut(), v);
    if len == 0 {
        l.note_clear();
    } else {
        l.note_resize_from(old_len, len);
    }
    // `l *= 0` is _list_clear: from the last item to the first (the
    // snapshot holds the last references then).
    list::release_from_last(old);
    list::release_from_last(items);
    Ok(a[0].clone())
}
fn list_reversed(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "list", "__reversed__", a, k)?;
    let n = this(vm, a)?.len() as isize;
    Ok(iterators::new(vm, &vm.types.list_reverseiterator, iterators::IterState::ListReverse { seq: Some(a[0].clone()), index: n - 1 }))
}

pub fn init_methods(vm: &Vm) {
    let t = &vm.types.list;
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, t, name, f);
    m("append", list_append);
    m("extend", list_extend);
    m("pop", list_pop);
    m("insert", list_insert);
    m("remove", list_remove);
    m("index", list_index);
    m("count", list_count);
    m("reverse", list_reverse);
    m("clear", list_clear);
    m("copy", list_copy);
    m("sort", list_sort);
    m("__init__", list_init);
    m("__iadd__", list_iadd);
    m("__imul__", list_imul);
    m("__reversed__", list_reversed);
}
