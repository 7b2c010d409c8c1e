//! Methods of the builtin container and text types (the part of each type's
//! namespace that is not construction or arithmetic).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::BinOp;

fn argc(vm: &Vm, name: &str, a: &[PyRef], min: usize, max: usize) -> PyResult<()> {
    let n = a.len() - 1;
    if n < min || n > max {
        if min == max {
            return Err(vm.type_error(format!("{}() takes exactly {} argument{} ({} given)", name, min, if min == 1 { "" } else { "s" }, n)));
        }
        if n < min {
            return Err(vm.type_error(format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)));
        }
        return Err(vm.type_error(format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)));
    }
    Ok(())
}

// ----- list -----

fn list_append(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "list.append", a, 1, 1)?;
    list::get(&a[0]).unwrap().push(a[1].clone());
    Ok(vm.none())
}
fn list_extend(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "list.extend", a, 1, 1)?;
    let items = ops::iterate(vm, &a[1])?;
    let l = list::get(&a[0]).unwrap();
    for x in items {
        l.push(x);
    }
    Ok(vm.none())
}
fn list_pop(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let l = list::get(&a[0]).unwrap();
    let n = l.len();
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.get(1) {
        Some(x) => {
            let i = int::index_i64(vm, x)?;
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => n - 1,
    };
    let v = l.items.borrow_mut().remove(i);
    l.note_resize(n - 1);
    Ok(v)
}
fn list_insert(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "insert", a, 2, 2)?;
    let l = list::get(&a[0]).unwrap();
    let n = l.len() as i64;
    let i = int::index_i64(vm, &a[1])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    l.note_resize(n as usize + 1);
    l.items.borrow_mut().insert(i, a[2].clone());
    Ok(vm.none())
}
fn list_remove(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "list.remove", a, 1, 1)?;
    let l = list::get(&a[0]).unwrap();
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if ops::eq(vm, &x, &a[1])? {
            let n = l.len();
            if i < n {
                let old = l.items.borrow_mut().remove(i);
                l.note_resize(n - 1);
                drop(old);
            }
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}
fn list_index(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let l = list::get(&a[0]).unwrap();
    let mut i = 0;
    while let Some(x) = l.get(i) {
        if ops::eq(vm, &x, &a[1])? {
            return Ok(vm.int(i as i64));
        }
        i += 1;
    }
    Err(vm.value_error(format!("{} is not in list", ops::repr_string(vm, &a[1])?)))
}
fn list_count(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let items = list::get(&a[0]).unwrap().snapshot();
    let mut c = 0;
    for x in items {
        if ops::eq(vm, &x, &a[1])? {
            c += 1;
        }
    }
    Ok(vm.int(c))
}
fn list_reverse(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    list::get(&a[0]).unwrap().items.borrow_mut().reverse();
    Ok(vm.none())
}
fn list_clear(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let l = list::get(&a[0]).unwrap();
    let old = std::mem::take(&mut *l.items.borrow_mut());
    l.allocated.set(0);
    drop(old);
    Ok(vm.none())
}
fn list_copy(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.list(list::get(&a[0]).unwrap().snapshot()))
}
fn list_sort(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = constructors::split_kw(a, k);
    if pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let mut key = None;
    let mut reverse = false;
    if let Some(k) = k {
        for (n, v) in tuple::items(k).iter().zip(kwv) {
            match str::as_str(n) {
                "key" => key = if v.is(&vm.none) { None } else { Some(v.clone()) },
                "reverse" => reverse = ops::truthy(vm, v)?,
                other => return Err(vm.type_error(format!("'{}' is an invalid keyword argument for sort()", other))),
            }
        }
    }
    let l = list::get(&a[0]).unwrap();
    // CPython empties the list while sorting.
    let items = std::mem::take(&mut *l.items.borrow_mut());
    let r = crate::builtins::sort_values(vm, items, key.as_ref(), reverse);
    match r {
        Ok(sorted) => {
            let modified = !l.items.borrow().is_empty();
            let old = std::mem::replace(&mut *l.items.borrow_mut(), sorted);
            drop(old);
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(vm.none())
        }
        Err((e, items)) => {
            let old = std::mem::replace(&mut *l.items.borrow_mut(), items);
            drop(old);
            Err(e)
        }
    }
}
fn list_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, _) = constructors::split_kw(a, k);
    if k.is_some() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if pos.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", pos.len() - 1)));
    }
    let l = list::get(&a[0]).unwrap();
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    if let Some(x) = pos.get(1) {
        let items = ops::iterate(vm, x)?;
        let n = items.len();
        *l.items.borrow_mut() = items;
        l.allocated.set(n);
    }
    Ok(vm.none())
}
fn list_iadd(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    list_extend(vm, a, k)?;
    Ok(a[0].clone())
}
fn list_imul(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let n = int::index_i64(vm, &a[1])?.max(0) as usize;
    let l = list::get(&a[0]).unwrap();
    let items = l.snapshot();
    let mut v = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        v.extend(items.iter().cloned());
    }
    let old = std::mem::replace(&mut *l.items.borrow_mut(), v);
    drop(old);
    Ok(a[0].clone())
}

// ----- dict -----

fn dict_get(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "get", a, 1, 2)?;
    Ok(dict::get(&a[0]).unwrap().get(vm, &a[1])?.unwrap_or_else(|| a.get(2).cloned().unwrap_or_else(|| vm.none())))
}
fn dict_setdefault(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let d = dict::get(&a[0]).unwrap();
    if let Some(v) = d.get(vm, &a[1])? {
        return Ok(v);
    }
    let v = a.get(2).cloned().unwrap_or_else(|| vm.none());
    d.set(vm, a[1].clone(), v.clone())?;
    Ok(v)
}
fn dict_pop(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "pop", a, 1, 2)?;
    match dict::get(&a[0]).unwrap().remove(vm, &a[1])? {
        Some((_, v)) => Ok(v),
        None => match a.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.key_error(a[1].clone())),
        },
    }
}
fn dict_popitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match dict::get(&a[0]).unwrap().popitem() {
        Some((k, v)) => Ok(vm.tuple(vec![k, v])),
        None => Err(vm.new_exception(&vm.exc.key_error, "popitem(): dictionary is empty".into())),
    }
}
fn view(vm: &Vm, d: &PyRef, ty: &PyRef) -> PyRef {
    let _ = vm;
    PyRef::new(ty, dict::DictViewData { dict: d.clone() })
}
fn dict_keys(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(view(vm, &a[0], &vm.types.dict_keys))
}
fn dict_values(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(view(vm, &a[0], &vm.types.dict_values))
}
fn dict_items(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(view(vm, &a[0], &vm.types.dict_items))
}
fn dict_update(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let (pos, kwv) = constructors::split_kw(a, k);
    if pos.len() > 2 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {}", pos.len() - 1)));
    }
    if let Some(o) = pos.get(1) {
        crate::types::dict_impl::update_from(vm, &a[0], o)?;
    }
    if let Some(k) = k {
        let d = dict::get(&a[0]).unwrap();
        for (n, v) in tuple::items(k).iter().zip(kwv) {
            d.set(vm, n.clone(), v.clone())?;
        }
    }
    Ok(vm.none())
}
fn dict_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    dict_update(vm, a, k)
}
fn dict_clear(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    dict::get(&a[0]).unwrap().clear();
    Ok(vm.none())
}
fn dict_copy(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let d = vm.dict();
    crate::types::dict_impl::update_from(vm, &d, &a[0])?;
    Ok(d)
}
fn dict_fromkeys(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let cls = &a[0];
    let d = ops::call0(vm, cls)?;
    let v = a.get(2).cloned().unwrap_or_else(|| vm.none());
    for k in ops::iterate(vm, &a[1])? {
        ops::set_item(vm, &d, k, v.clone())?;
    }
    Ok(d)
}

// ----- set -----

fn set_add(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "set.add", a, 1, 1)?;
    set::get(&a[0]).unwrap().add(vm, a[1].clone())?;
    Ok(vm.none())
}
fn set_discard(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    set::get(&a[0]).unwrap().discard(vm, &a[1])?;
    Ok(vm.none())
}
fn set_remove(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if !set::get(&a[0]).unwrap().discard(vm, &a[1])? {
        return Err(vm.key_error(a[1].clone()));
    }
    Ok(vm.none())
}
fn set_init(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let s = set::get(&a[0]).unwrap();
    s.clear();
    if let Some(x) = a.get(1) {
        for it in ops::iterate(vm, x)? {
            s.add(vm, it)?;
        }
    }
    Ok(vm.none())
}
fn set_update(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let s = set::get(&a[0]).unwrap();
    for x in &a[1..] {
        for it in ops::iterate(vm, x)? {
            s.add(vm, it)?;
        }
    }
    Ok(vm.none())
}
fn set_pop(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let finger = std::cell::Cell::new(0);
    set::get(&a[0]).unwrap().pop(&finger).ok_or_else(|| vm.new_exception(&vm.exc.key_error, "pop from an empty set".into()))
}
fn set_copy(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let out = crate::types::set_ops::new_like(vm, &a[0]);
    for (h, k) in set::get(&a[0]).unwrap().items_hashed() {
        set::get(&out).unwrap().add_hashed(vm, k, h)?;
    }
    Ok(out)
}
fn set_clear(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    set::get(&a[0]).unwrap().clear();
    Ok(vm.none())
}

// ----- str -----

fn s(a: &PyRef) -> &str {
    str::as_str(a)
}
fn text_err(vm: &Vm, e: refscope_text::TextError) -> crate::vm::PyErr {
    match e.exception_type() {
        "OverflowError" => vm.overflow_error(e.message()),
        "MemoryError" => vm.memory_error(),
        _ => vm.value_error(e.message()),
    }
}
fn opt_str<'a>(vm: &Vm, a: Option<&'a PyRef>) -> PyResult<Option<&'a str>> {
    match a {
        None => Ok(None),
        Some(x) if x.is(&vm.none) => Ok(None),
        Some(x) => match str::get(x) {
            Some(sd) => Ok(Some(sd.as_str())),
            None => Err(vm.type_error(format!("must be str or None, not {}", vm.type_name(x)))),
        },
    }
}
fn str_list(vm: &Vm, parts: Vec<&str>) -> PyRef {
    vm.list(parts.into_iter().map(|p| vm.str(p)).collect())
}
fn kwarg<'a>(a: &'a [PyRef], k: Option<&PyRef>, name: &str, pos: usize) -> Option<&'a PyRef> {
    let (p, kv) = constructors::split_kw(a, k);
    if let Some(k) = k {
        for (n, v) in tuple::items(k).iter().zip(kv) {
            if str::as_str(n) == name {
                return Some(v);
            }
        }
    }
    p.get(pos)
}
fn maxsplit(vm: &Vm, v: Option<&PyRef>) -> PyResult<i64> {
    match v {
        Some(x) => int::index_i64(vm, x),
        None => Ok(-1),
    }
}
fn str_split(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let sep = opt_str(vm, kwarg(a, k, "sep", 1))?;
    let m = maxsplit(vm, kwarg(a, k, "maxsplit", 2))?;
    let parts = refscope_text::pystr::split(s(&a[0]), sep, m).map_err(|e| text_err(vm, e))?;
    Ok(str_list(vm, parts))
}
fn str_rsplit(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let sep = opt_str(vm, kwarg(a, k, "sep", 1))?;
    let m = maxsplit(vm, kwarg(a, k, "maxsplit", 2))?;
    let parts = refscope_text::pystr::rsplit(s(&a[0]), sep, m).map_err(|e| text_err(vm, e))?;
    Ok(str_list(vm, parts))
}
fn str_join(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "str.join", a, 1, 1)?;
    let sep = s(&a[0]);
    let items = ops::iterate(vm, &a[1])?;
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        let Some(xs) = str::get(x) else {
            return Err(vm.type_error(format!("sequence item {}: expected str instance, {} found", i, vm.type_name(x))));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(xs.as_str());
    }
    if items.len() == 1 && items[0].ty().is(&vm.types.str_) {
        return Ok(items[0].clone());
    }
    Ok(vm.str_owned(out))
}
macro_rules! str_unary {
    ($($name:ident => $f:path;)*) => { $(
        fn $name(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
            Ok(vm.str_owned($f(s(&a[0]))))
        }
    )* };
}
str_unary! {
    str_upper => refscope_text::pystr::upper;
    str_lower => refscope_text::pystr::lower;
    str_casefold => refscope_text::pystr::casefold;
    str_capitalize => refscope_text::pystr::capitalize;
    str_title => refscope_text::pystr::title;
    str_swapcase => refscope_text::pystr::swapcase;
}
macro_rules! str_pred {
    ($($name:ident => $f:path;)*) => { $(
        fn $name(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
            Ok(vm.bool($f(s(&a[0]))))
        }
    )* };
}
str_pred! {
    str_isalpha => refscope_text::pystr::isalpha;
    str_isdigit => refscope_text::pystr::isdigit;
    str_isdecimal => refscope_text::pystr::isdecimal;
    str_isnumeric => refscope_text::pystr::isnumeric;
    str_isalnum => refscope_text::pystr::isalnum;
    str_isspace => refscope_text::pystr::isspace;
    str_islower => refscope_text::pystr::islower;
    str_isupper => refscope_text::pystr::isupper;
    str_istitle => refscope_text::pystr::istitle;
    str_isidentifier => refscope_text::pystr::isidentifier;
    str_isprintable => refscope_text::pystr::isprintable;
    str_isascii => refscope_text::pystr::is_ascii;
}
fn same_or_new(vm: &Vm, orig: &PyRef, r: &str) -> PyRef {
    if r.len() == s(orig).len() && orig.ty().is(&vm.types.str_) {
        orig.clone()
    } else {
        vm.str(r)
    }
}
fn str_strip(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let c = opt_str(vm, a.get(1))?;
    Ok(same_or_new(vm, &a[0], refscope_text::pystr::strip(s(&a[0]), c)))
}
fn str_lstrip(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let c = opt_str(vm, a.get(1))?;
    Ok(same_or_new(vm, &a[0], refscope_text::pystr::lstrip(s(&a[0]), c)))
}
fn str_rstrip(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let c = opt_str(vm, a.get(1))?;
    Ok(same_or_new(vm, &a[0], refscope_text::pystr::rstrip(s(&a[0]), c)))
}
fn opt_i64(vm: &Vm, a: Option<&PyRef>) -> PyResult<Option<i64>> {
    match a {
        None => Ok(None),
        Some(x) if x.is(&vm.none) => Ok(None),
        Some(x) => Ok(Some(int::index_i64(vm, x)?)),
    }
}
fn need_str<'a>(vm: &Vm, x: &'a PyRef, what: &str) -> PyResult<&'a str> {
    str::get(x).map(|d| d.as_str()).ok_or_else(|| vm.type_error(format!("{} must be str, not {}", what, vm.type_name(x))))
}
fn str_find(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sub = need_str(vm, &a[1], "must")?;
    let r = refscope_text::pystr::find(s(&a[0]), sub, opt_i64(vm, a.get(2))?, opt_i64(vm, a.get(3))?);
    Ok(vm.int(r.map(|x| x as i64).unwrap_or(-1)))
}
fn str_rfind(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sub = need_str(vm, &a[1], "must")?;
    let r = refscope_text::pystr::rfind(s(&a[0]), sub, opt_i64(vm, a.get(2))?, opt_i64(vm, a.get(3))?);
    Ok(vm.int(r.map(|x| x as i64).unwrap_or(-1)))
}
fn str_index(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sub = need_str(vm, &a[1], "must")?;
    match refscope_text::pystr::find(s(&a[0]), sub, opt_i64(vm, a.get(2))?, opt_i64(vm, a.get(3))?) {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_rindex(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sub = need_str(vm, &a[1], "must")?;
    match refscope_text::pystr::rfind(s(&a[0]), sub, opt_i64(vm, a.get(2))?, opt_i64(vm, a.get(3))?) {
        Some(i) => Ok(vm.int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn str_count(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sub = need_str(vm, &a[1], "must")?;
    Ok(vm.int(refscope_text::pystr::count(s(&a[0]), sub, opt_i64(vm, a.get(2))?, opt_i64(vm, a.get(3))?) as i64))
}
fn str_replace(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    argc(vm, "replace", a, 2, 3)?;
    let old = need_str(vm, &a[1], "replace() argument 1")?;
    let new = need_str(vm, &a[2], "replace() argument 2")?;
    let count = opt_i64(vm, a.get(3))?.unwrap_or(-1);
    let r = refscope_text::pystr::replace(s(&a[0]), old, new, count).map_err(|e| text_err(vm, e))?;
    Ok(vm.str_owned(r))
}
fn prefix_check(vm: &Vm, a: &[PyRef], ends: bool) -> PyResult {
    let (st, en) = (opt_i64(vm, a.get(2))?, opt_i64(vm, a.get(3))?);
    let text = s(&a[0]);
    let check = |p: &str| if ends { refscope_text::pystr::endswith(text, p, st, en) } else { refscope_text::pystr::startswith(text, p, st, en) };
    if let Some(t) = tuple::get(&a[1]) {
        for p in t {
            if check(need_str(vm, p, "tuple for startswith")?) {
                return Ok(vm.true_.clone());
            }
        }
        return Ok(vm.false_.clone());
    }
    let Some(p) = str::get(&a[1]) else {
        return Err(vm.type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            if ends { "endswith" } else { "startswith" },
            vm.type_name(&a[1])
        )));
    };
    Ok(vm.bool(check(p.as_str())))
}
fn str_startswith(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    prefix_check(vm, a, false)
}
fn str_endswith(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    prefix_check(vm, a, true)
}
fn fill_char(vm: &Vm, x: Option<&PyRef>) -> PyResult<char> {
    match x {
        None => Ok(' '),
        Some(f) => match str::get(f) {
            Some(sd) if sd.char_len() == 1 => Ok(sd.char_at(0)),
            _ => Err(vm.type_error("The fill character must be exactly one character long")),
        },
    }
}
fn str_center(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let w = int::index_i64(vm, &a[1])?;
    Ok(vm.str_owned(refscope_text::pystr::center(s(&a[0]), w, fill_char(vm, a.get(2))?).map_err(|e| text_err(vm, e))?))
}
fn str_ljust(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let w = int::index_i64(vm, &a[1])?;
    Ok(vm.str_owned(refscope_text::pystr::ljust(s(&a[0]), w, fill_char(vm, a.get(2))?).map_err(|e| text_err(vm, e))?))
}
fn str_rjust(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let w = int::index_i64(vm, &a[1])?;
    Ok(vm.str_owned(refscope_text::pystr::rjust(s(&a[0]), w, fill_char(vm, a.get(2))?).map_err(|e| text_err(vm, e))?))
}
fn str_zfill(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let w = int::index_i64(vm, &a[1])?;
    Ok(vm.str_owned(refscope_text::pystr::zfill(s(&a[0]), w).map_err(|e| text_err(vm, e))?))
}
fn str_partition(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sep = need_str(vm, &a[1], "must")?;
    let (x, y, z) = refscope_text::pystr::partition(s(&a[0]), sep).map_err(|e| text_err(vm, e))?;
    Ok(vm.tuple(vec![vm.str(x), vm.str(y), vm.str(z)]))
}
fn str_rpartition(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let sep = need_str(vm, &a[1], "must")?;
    let (x, y, z) = refscope_text::pystr::rpartition(s(&a[0]), sep).map_err(|e| text_err(vm, e))?;
    Ok(vm.tuple(vec![vm.str(x), vm.str(y), vm.str(z)]))
}
fn str_splitlines(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let keep = match kwarg(a, k, "keepends", 1) {
        Some(x) => ops::truthy(vm, x)?,
        None => false,
    };
    Ok(str_list(vm, refscope_text::pystr::splitlines(s(&a[0]), keep)))
}
fn str_format(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    crate::builtins::str_format(vm, a, k)
}
fn str_encode(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let enc = opt_str(vm, kwarg(a, k, "encoding", 1))?.unwrap_or("utf-8");
    let errors = opt_str(vm, kwarg(a, k, "errors", 2))?.unwrap_or("strict");
    match refscope_text::codecs::encode(s(&a[0]), enc, errors) {
        Ok(b) => Ok(vm.bytes(b)),
        Err(e) => Err(vm.new_exception(&vm.exc.unicode_encode_error, e.message())),
    }
}
fn str_removeprefix(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(same_or_new(vm, &a[0], refscope_text::pystr::removeprefix(s(&a[0]), need_str(vm, &a[1], "removeprefix() argument")?)))
}
fn str_removesuffix(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(same_or_new(vm, &a[0], refscope_text::pystr::removesuffix(s(&a[0]), need_str(vm, &a[1], "removesuffix() argument")?)))
}
fn str_expandtabs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let t = match kwarg(a, k, "tabsize", 1) {
        Some(x) => int::index_i64(vm, x)? as i32,
        None => 8,
    };
    Ok(vm.str_owned(refscope_text::pystr::expandtabs(s(&a[0]), t).map_err(|e| text_err(vm, e))?))
}

pub fn decode_obj(vm: &Vm, o: &PyRef, enc: Option<&PyRef>, errors: Option<&PyRef>) -> PyResult {
    let b: Vec<u8> = match o.kind() {
        Kind::Bytes => bytes::get(o).unwrap().to_vec(),
        Kind::ByteArray => bytearray::get(o).unwrap().b.borrow().clone(),
        _ => return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", vm.type_name(o)))),
    };
    let enc = opt_str(vm, enc)?.unwrap_or("utf-8");
    let errors = opt_str(vm, errors)?.unwrap_or("strict");
    match refscope_text::codecs::decode(&b, enc, errors) {
        Ok(s) => Ok(vm.str_owned(s)),
        Err(e) => Err(vm.new_exception(&vm.exc.unicode_decode_error, e.message())),
    }
}
fn bytes_decode(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    decode_obj(vm, &a[0], kwarg(a, k, "encoding", 1), kwarg(a, k, "errors", 2))
}

// ----- tuple -----

fn tuple_index(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    for (i, x) in tuple::items(&a[0]).to_vec().iter().enumerate() {
        if ops::eq(vm, x, &a[1])? {
            return Ok(vm.int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}
fn tuple_count(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let mut c = 0;
    for x in tuple::items(&a[0]).to_vec() {
        if ops::eq(vm, &x, &a[1])? {
            c += 1;
        }
    }
    Ok(vm.int(c))
}

// ----- generic dunders for builtins -----

fn d_len(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match ops::builtin_len(&a[0]) {
        Some(n) => Ok(vm.int(n as i64)),
        None => {
            // A range with big bounds: its length must fit in a Py_ssize_t.
            if let Some(r) = range::get(&a[0]) {
                let n = range::length(&int::to_bigint(&r.start), &int::to_bigint(&r.stop), &int::to_bigint(&r.step));
                let n = num_traits::ToPrimitive::to_i64(&n).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
                return Ok(vm.int(n));
            }
            Err(vm.type_error("bad __len__"))
        }
    }
}
fn d_getitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match crate::types::seq_impl::builtin_getitem(vm, &a[0], &a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("bad __getitem__")),
    }
}
fn d_setitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::types::seq_impl::builtin_setitem(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(vm.none())
}
fn d_delitem(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::types::seq_impl::builtin_setitem(vm, &a[0], &a[1], None)?;
    Ok(vm.none())
}
fn d_contains(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match crate::types::seq_impl::builtin_contains(vm, &a[0], &a[1])? {
        Some(b) => Ok(vm.bool(b)),
        None => Err(vm.type_error("bad __contains__")),
    }
}
fn d_iter(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match crate::types::iter_impl::builtin_iter(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("bad __iter__")),
    }
}
fn d_next(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match ops::next(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    }
}
fn d_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match crate::types::repr_impl::builtin_repr(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Ok(vm.str_owned(crate::types::repr_impl::default_repr(vm, &a[0]))),
    }
}
fn d_hash(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = &a[0];
    let h = match o.kind() {
        Kind::Str => str::get(o).unwrap().hash(vm),
        Kind::Int => int::hash(int::get(o).unwrap()),
        Kind::Float => {
            let f = float::get(o).unwrap();
            refscope_numfmt::float_hash(f).unwrap_or_else(|| ops::id_hash(o))
        }
        Kind::Complex => {
            let (r, i) = complex::get(o).unwrap();
            complex::hash(r, i)
        }
        Kind::Bytes => bytes::get(o).map(|_| o.payload::<bytes::BytesData>().unwrap().hash(vm)).unwrap(),
        Kind::Tuple => {
            let items = tuple::items(o).to_vec();
            let mut hs = Vec::with_capacity(items.len());
            for x in &items {
                hs.push(ops::hash(vm, x)?);
            }
            tuple::hash_from(hs.into_iter(), items.len())
        }
        Kind::Set => {
            let sd = set::get(o).unwrap();
            let c = sd.hash.get();
            if c != -1 {
                c
            } else {
                let h = set::frozenset_hash(&sd.items_hashed());
                sd.hash.set(h);
                h
            }
        }
        Kind::Range => {
            let r = range::get(o).unwrap();
            let t = vm.tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]);
            ops::hash(vm, &t)?
        }
        _ => ops::id_hash(o),
    };
    Ok(vm.int(h))
}
fn d_bool(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.bool(ops::truthy(vm, &a[0])?))
}
fn d_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let o = &a[0];
    if o.kind() == Kind::Exception {
        return crate::types::repr_impl::exception_str_base(vm, o);
    }
    if o.kind() == Kind::Str {
        return Ok(vm.str(str::as_str(o)));
    }
    d_repr(vm, a, None)
}
fn d_format(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::builtins::builtin_format(vm, &a[0], &a[1])
}
fn make_cmp(op: refscope_compiler::bytecode::CmpOp) -> crate::vm::NativeFn {
    use refscope_compiler::bytecode::CmpOp::*;
    match op {
        Lt => |vm, a, _| crate::builtins::builtin_compare_obj(vm, &a[0], &a[1], Lt),
        Le => |vm, a, _| crate::builtins::builtin_compare_obj(vm, &a[0], &a[1], Le),
        Eq => |vm, a, _| crate::builtins::builtin_compare_obj(vm, &a[0], &a[1], Eq),
        Ne => |vm, a, _| crate::builtins::builtin_compare_obj(vm, &a[0], &a[1], Ne),
        Gt => |vm, a, _| crate::builtins::builtin_compare_obj(vm, &a[0], &a[1], Gt),
        Ge => |vm, a, _| crate::builtins::builtin_compare_obj(vm, &a[0], &a[1], Ge),
    }
}
fn d_neg(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::builtins::builtin_unary(vm, &a[0], refscope_compiler::bytecode::UnaryOp::Neg)
}
fn d_pos(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::builtins::builtin_unary(vm, &a[0], refscope_compiler::bytecode::UnaryOp::Pos)
}
fn d_invert(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::builtins::builtin_unary(vm, &a[0], refscope_compiler::bytecode::UnaryOp::Invert)
}
fn d_abs(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    crate::builtins::builtin_abs(vm, &a[0])
}
fn d_index(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.bigint(int::to_bigint(&a[0])))
}
fn d_int(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match a[0].kind() {
        Kind::Float => Ok(vm.bigint(refscope_numfmt::float_to_int(float::get(&a[0]).unwrap()).map_err(|e| crate::builtins::num_error(vm, e))?)),
        _ => Ok(vm.bigint(int::to_bigint(&a[0]))),
    }
}
fn d_float(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    match a[0].kind() {
        Kind::Float => Ok(vm.float(float::get(&a[0]).unwrap())),
        _ => Ok(vm.float(int::int_to_f64(vm, int::get(&a[0]).unwrap())?)),
    }
}

pub fn init(vm: &Vm) {
    let t = &vm.types;
    let m = |ty: &PyRef, name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, ty, name, f);
    // Common dunders.
    use refscope_compiler::bytecode::CmpOp;
    let cmp_all = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];
    for ty in [&t.int, &t.float, &t.complex, &t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.range] {
        m(ty, "__repr__", d_repr);
        m(ty, "__hash__", d_hash);
        for op in cmp_all {
            m(ty, op.dunder(), make_cmp(op));
        }
    }
    for ty in [&t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.range] {
        m(ty, "__len__", d_len);
        m(ty, "__contains__", d_contains);
        m(ty, "__iter__", d_iter);
    }
    for ty in [&t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.range] {
        m(ty, "__getitem__", d_getitem);
    }
    for ty in [&t.list, &t.dict, &t.bytearray] {
        m(ty, "__setitem__", d_setitem);
        m(ty, "__delitem__", d_delitem);
    }
    for ty in [&t.list, &t.dict, &t.set, &t.bytearray] {
        typeobj::set_in_dict(vm, ty, "__hash__", vm.none());
    }
    for ty in [&t.int, &t.float, &t.complex] {
        m(ty, "__bool__", d_bool);
        m(ty, "__neg__", d_neg);
        m(ty, "__pos__", d_pos);
        m(ty, "__abs__", d_abs);
        m(ty, "__format__", d_format);
        m(ty, "__float__", d_float);
    }
    m(&t.int, "__invert__", d_invert);
    m(&t.int, "__index__", d_index);
    m(&t.int, "__int__", d_int);
    m(&t.float, "__int__", d_int);
    m(&t.str_, "__format__", d_format);
    m(&t.str_, "__str__", d_str);
    m(&vm.exc.base_exception, "__str__", d_str);
    m(&vm.exc.base_exception, "__repr__", d_repr);
    for it in [
        &t.list_iterator, &t.list_reverseiterator, &t.tuple_iterator, &t.range_iterator, &t.str_iterator, &t.bytes_iterator, &t.bytearray_iterator,
        &t.dict_keyiterator, &t.dict_valueiterator, &t.dict_itemiterator, &t.set_iterator, &t.seq_iterator, &t.callable_iterator, &t.enumerate,
        &t.zip, &t.map, &t.filter, &t.reversed, &t.generator,
    ] {
        m(it, "__iter__", d_iter);
        m(it, "__next__", d_next);
    }
    for v in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        m(v, "__iter__", d_iter);
        m(v, "__len__", d_len);
        m(v, "__contains__", d_contains);
        m(v, "__repr__", d_repr);
    }
    let all_ops = [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::FloorDiv, BinOp::Mod, BinOp::Pow, BinOp::LShift, BinOp::RShift, BinOp::And, BinOp::Or, BinOp::Xor];
    number_ops::register(vm, &t.int, &all_ops);
    number_ops::register(vm, &t.float, &[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::FloorDiv, BinOp::Mod, BinOp::Pow]);
    number_ops::register(vm, &t.complex, &[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::Pow]);
    number_ops::register(vm, &t.str_, &[BinOp::Add, BinOp::Mul, BinOp::Mod]);
    number_ops::register(vm, &t.bytes, &[BinOp::Add, BinOp::Mul]);
    number_ops::register(vm, &t.list, &[BinOp::Add, BinOp::Mul]);
    number_ops::register(vm, &t.tuple, &[BinOp::Add, BinOp::Mul]);
    number_ops::register(vm, &t.set, &[BinOp::Or, BinOp::And, BinOp::Sub, BinOp::Xor]);
    number_ops::register(vm, &t.frozenset, &[BinOp::Or, BinOp::And, BinOp::Sub, BinOp::Xor]);
    number_ops::register(vm, &t.dict, &[BinOp::Or]);

    m(&t.list, "append", list_append);
    m(&t.list, "extend", list_extend);
    m(&t.list, "pop", list_pop);
    m(&t.list, "insert", list_insert);
    m(&t.list, "remove", list_remove);
    m(&t.list, "index", list_index);
    m(&t.list, "count", list_count);
    m(&t.list, "reverse", list_reverse);
    m(&t.list, "clear", list_clear);
    m(&t.list, "copy", list_copy);
    m(&t.list, "sort", list_sort);
    m(&t.list, "__init__", list_init);
    m(&t.list, "__iadd__", list_iadd);
    m(&t.list, "__imul__", list_imul);

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
    typeobj::add_classmethod(vm, &t.dict, "fromkeys", dict_fromkeys);

    m(&t.set, "add", set_add);
    m(&t.set, "discard", set_discard);
    m(&t.set, "remove", set_remove);
    m(&t.set, "__init__", set_init);
    m(&t.set, "update", set_update);
    m(&t.set, "pop", set_pop);
    m(&t.set, "clear", set_clear);
    m(&t.set, "copy", set_copy);
    m(&t.frozenset, "copy", set_copy);

    m(&t.tuple, "index", tuple_index);
    m(&t.tuple, "count", tuple_count);

    let st = &t.str_;
    m(st, "split", str_split);
    m(st, "rsplit", str_rsplit);
    m(st, "join", str_join);
    m(st, "upper", str_upper);
    m(st, "lower", str_lower);
    m(st, "casefold", str_casefold);
    m(st, "capitalize", str_capitalize);
    m(st, "title", str_title);
    m(st, "swapcase", str_swapcase);
    m(st, "isalpha", str_isalpha);
    m(st, "isdigit", str_isdigit);
    m(st, "isdecimal", str_isdecimal);
    m(st, "isnumeric", str_isnumeric);
    m(st, "isalnum", str_isalnum);
    m(st, "isspace", str_isspace);
    m(st, "islower", str_islower);
    m(st, "isupper", str_isupper);
    m(st, "istitle", str_istitle);
    m(st, "isidentifier", str_isidentifier);
    m(st, "isprintable", str_isprintable);
    m(st, "isascii", str_isascii);
    m(st, "strip", str_strip);
    m(st, "lstrip", str_lstrip);
    m(st, "rstrip", str_rstrip);
    m(st, "find", str_find);
    m(st, "rfind", str_rfind);
    m(st, "index", str_index);
    m(st, "rindex", str_rindex);
    m(st, "count", str_count);
    m(st, "replace", str_replace);
    m(st, "startswith", str_startswith);
    m(st, "endswith", str_endswith);
    m(st, "center", str_center);
    m(st, "ljust", str_ljust);
    m(st, "rjust", str_rjust);
    m(st, "zfill", str_zfill);
    m(st, "partition", str_partition);
    m(st, "rpartition", str_rpartition);
    m(st, "splitlines", str_splitlines);
    m(st, "format", str_format);
    m(st, "encode", str_encode);
    m(st, "removeprefix", str_removeprefix);
    m(st, "removesuffix", str_removesuffix);
    m(st, "expandtabs", str_expandtabs);
    m(&t.bytes, "decode", bytes_decode);
    m(&t.bytearray, "decode", bytes_decode);
    crate::types::methods_more::init(vm);
}
