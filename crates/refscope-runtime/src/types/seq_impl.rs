//! Subscripting and membership for the builtin containers.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// An integer index (`__index__`); too big is IndexError, as CPython's
/// PyNumber_AsSsize_t(key, IndexError).
pub fn index_arg(vm: &Vm, key: &PyRef) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    if let Some(int::IntData::Small(i)) = int::get(key) {
        return Ok(*i);
    }
    let b = int::index_value(vm, key)?;
    b.to_i64().ok_or_else(|| vm.index_error(format!("cannot fit '{}' into an index-sized integer", vm.type_name(key))))
}

/// Whether `key` can be used as an integer index.
pub fn is_index(vm: &Vm, key: &PyRef) -> bool {
    int::get(key).is_some() || ops::lookup_special(vm, key, "__index__").is_some()
}

/// Resolve an item index against `len`. `what` is the type's word in
/// errors: "list", "tuple", "string", "byte", "bytearray".
fn seq_index(vm: &Vm, key: &PyRef, len: usize, what: &str) -> PyResult<usize> {
    if !is_index(vm, key) {
        return Err(vm.type_error(match what {
            "string" => format!("string indices must be integers, not '{}'", vm.type_name(key)),
            _ => format!("{} indices must be integers or slices, not {}", what, vm.type_name(key)),
        }));
    }
    let i = index_arg(vm, key)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(match what {
            "byte" => "index out of range".to_string(),
            _ => format!("{} index out of range", what),
        }));
    }
    Ok(j as usize)
}

/// The items a slice selects, and whether that is all of them in order.
fn slice_items_full<T: Clone>(vm: &Vm, s: &PyRef, items: &[T]) -> PyResult<(Vec<T>, bool)> {
    let (start, _stop, step, n) = slice::indices(vm, slice::get(s).unwrap(), items.len() as i64)?;
    let full = step == 1 && n == items.len() as i64;
    Ok((slice_items_at(items, start, step, n), full))
}

fn slice_items<T: Clone>(vm: &Vm, s: &PyRef, items: &[T]) -> PyResult<Vec<T>> {
    Ok(slice_items_full(vm, s, items)?.0)
}

fn slice_items_at<T: Clone>(items: &[T], start: i64, step: i64, n: i64) -> Vec<T> {
    let mut out = Vec::with_capacity(n as usize);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize].clone());
        i += step;
    }
    out
}

pub fn builtin_getitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(Some(match obj.kind() {
        Kind::List => {
            let l = list::get(obj).unwrap();
            if key.kind() == Kind::Slice {
                // `__index__` of the bounds runs before the list is read.
                let (start, stop, step) = slice::unpack(vm, slice::get(key).unwrap())?;
                // Only the slice is copied (cloning references runs no code,
                // so the borrow cannot be disturbed).
                let part = {
                    let items = l.items.borrow();
                    let (start, _, n) = slice::adjust(items.len() as i64, start, stop, step);
                    slice_items_at(&items, start, step, n)
                };
                vm.list(part)
            } else {
                let i = if is_index(vm, key) { index_arg(vm, key)? } else { seq_index(vm, key, 0, "list")? as i64 };
                let n = l.len() as i64;
                let j = if i < 0 { i + n } else { i };
                match (j >= 0).then(|| l.get(j as usize)).flatten() {
                    Some(v) => v,
                    None => return Err(vm.index_error("list index out of range")),
                }
            }
        }
        Kind::Tuple => {
            let items = tuple::items(obj);
            if key.kind() == Kind::Slice {
                let (v, full) = slice_items_full(vm, key, items)?;
                if full && obj.ty().is(&vm.types.tuple) {
                    obj.clone()
                } else {
                    vm.tuple(v)
                }
            } else {
                let i = seq_index(vm, key, items.len(), "tuple")?;
                items[i].clone()
            }
        }
        Kind::Str => {
            let s = str::get(obj).unwrap();
            if key.kind() == Kind::Slice {
                let (start, _stop, step, n) = slice::indices(vm, slice::get(key).unwrap(), s.char_len() as i64)?;
                if step == 1 {
                    if n == s.char_len() as i64 && obj.ty().is(&vm.types.str_) {
                        obj.clone()
                    } else {
                        vm.str(s.substr(start as usize, (start + n) as usize))
                    }
                } else {
                    let chars: Vec<char> = s.as_str().chars().collect();
                    let v = slice_items(vm, key, &chars)?;
                    vm.str_owned(v.into_iter().collect())
                }
            } else {
                let i = match seq_index(vm, key, s.char_len(), "string") {
                    Ok(i) => i,
                    Err(e) => return Err(e),
                };
                let c = s.char_at(i);
                if (c as u32) < 256 {
                    vm.latin1[c as usize].clone()
                } else {
                    vm.str_owned(c.to_string())
                }
            }
        }
        Kind::Bytes => {
            let b = bytes::get(obj).unwrap();
            if key.kind() == Kind::Slice {
                let (v, full) = slice_items_full(vm, key, b)?;
                if full && obj.ty().is(&vm.types.bytes) {
                    obj.clone()
                } else {
                    vm.bytes(v)
                }
            } else {
                let i = seq_index(vm, key, b.len(), "byte")?;
                vm.int(b[i] as i64)
            }
        }
        Kind::ByteArray => {
            let d = bytearray::get(obj).unwrap();
            if key.kind() == Kind::Slice {
                let (start, stop, step) = slice::unpack(vm, slice::get(key).unwrap())?;
                let b = d.b.borrow().clone();
                let (start, _, n) = slice::adjust(b.len() as i64, start, stop, step);
                let v: Vec<u8> = (0..n).map(|k| b[(start + k * step) as usize]).collect();
                PyRef::new(&vm.types.bytearray, bytearray::ByteArrayData::new(v))
            } else {
                if !is_index(vm, key) {
                    return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", vm.type_name(key))));
                }
                let i = index_arg(vm, key)?;
                let b = d.b.borrow();
                let n = b.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(vm.index_error("bytearray index out of range"));
                }
                vm.int(b[j as usize] as i64)
            }
        }
        Kind::Dict => {
            let d = dict::get(obj).unwrap();
            match d.get(vm, key)? {
                Some(v) => v,
                None => {
                    if !obj.ty().is(&vm.types.dict) {
                        if let Some(r) = ops::call_special(vm, obj, "__missing__", &[key.clone()])? {
                            return Ok(Some(r));
                        }
                    }
                    return Err(vm.key_error(key.clone()));
                }
            }
        }
        Kind::Range => return crate::types::range_impl::getitem(vm, obj, key).map(Some),
        _ => return Ok(None),
    }))
}

/// Item assignment (`value` Some) or deletion (None) for builtin containers.
pub fn builtin_setitem(vm: &Vm, obj: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<Option<()>> {
    match obj.kind() {
        Kind::List => {
            let l = list::get(obj).unwrap();
            if key.kind() == Kind::Slice {
                crate::types::list_impl::set_slice(vm, obj, key, value)?;
                return Ok(Some(()));
            }
            if !is_index(vm, key) {
                return Err(vm.type_error(format!("list indices must be integers or slices, not {}", vm.type_name(key))));
            }
            let i = index_arg(vm, key)?;
            let n = l.len();
            let j = if i < 0 { i + n as i64 } else { i };
            if j < 0 || j >= n as i64 {
                return Err(vm.index_error("list assignment index out of range"));
            }
            let j = j as usize;
            let old = match value {
                Some(v) => {
                    let old = std::mem::replace(&mut l.items_mut()[j], v);
                    crate::observe::list_splice(l, j, 1, 1);
                    old
                }
                None => {
                    let old = l.items_mut().remove(j);
                    crate::observe::list_splice(l, j, 1, 0);
                    // list_ass_slice: the last item gone frees the array.
                    if n == 1 {
                        l.note_clear();
                    } else {
                        l.note_resize(n - 1);
                    }
                    old
                }
            };
            drop(old);
            Ok(Some(()))
        }
        Kind::Dict => {
            let d = dict::get(obj).unwrap();
            match value {
                Some(v) => d.set(vm, obj, key.clone(), v)?,
                None => {
                    if d.remove(vm, key)?.is_none() {
                        return Err(vm.key_error(key.clone()));
                    }
                }
            }
            Ok(Some(()))
        }
        Kind::ByteArray => {
            bytearray::set_item(vm, obj, key, value)?;
            Ok(Some(()))
        }
        Kind::Tuple | Kind::Str | Kind::Bytes | Kind::Range => Err(vm.type_error(if value.is_some() {
            format!("'{}' object does not support item assignment", vm.type_name(obj))
        } else {
            crate::ops::no_item_deletion(vm, obj, key)
        })),
        _ => Ok(None),
    }
}

pub fn builtin_contains(vm: &Vm, c: &PyRef, item: &PyRef) -> PyResult<Option<bool>> {
    Ok(Some(match c.kind() {
        Kind::Dict => dict::get(c).unwrap().contains(vm, item)?,
        Kind::Set => crate::types::set_ops::contains(vm, c, item)?,
        Kind::List => {
            let l = list::get(c).unwrap();
            let mut i = 0;
            loop {
                let Some(x) = l.get(i) else { break false };
                if ops::eq(vm, &x, item)? {
                    break true;
                }
                i += 1;
            }
        }
        Kind::Tuple => {
            let mut found = false;
            // Borrowed: a tuple's items cannot change while compared.
            for x in tuple::items(c) {
                if ops::eq(vm, x, item)? {
                    found = true;
                    break;
                }
            }
            found
        }
        Kind::Str => {
            let Some(sub) = str::get(item) else {
                return Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", vm.type_name(item))));
            };
            str::as_str(c).contains(sub.as_str())
        }
        Kind::Bytes | Kind::ByteArray => {
            if let Some(b) = bytes::buffer(item) {
                let hay = bytes::buffer(c).unwrap_or_default();
                b.is_empty() || hay.windows(b.len()).any(|w| w == &b[..])
            } else if is_index(vm, item) {
                let v = bytes::byte_value(vm, item)?;
                bytes::buffer(c).unwrap_or_default().contains(&v)
            } else {
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(item))));
            }
        }
        Kind::Range => return crate::types::range_impl::contains(vm, c, item).map(Some),
        Kind::DictView => {
            let v = c.payload::<dict::DictViewData>().unwrap();
            if c.ty().is(&vm.types.dict_keys) {
                dict::get(&v.dict).unwrap().contains(vm, item)?
            } else if c.ty().is(&vm.types.dict_items) {
                let Some(kv) = tuple::get(item) else { return Ok(Some(false)) };
                if kv.len() != 2 {
                    return Ok(Some(false));
                }
                match dict::get(&v.dict).unwrap().get(vm, &kv[0])? {
                    Some(val) => ops::eq(vm, &val, &kv[1])?,
                    None => false,
                }
            } else {
                let mut found = false;
                for x in dict::get(&v.dict).unwrap().values() {
                    if ops::eq(vm, &x, item)? {
                        found = true;
                        break;
                    }
                }
                found
            }
        }
        _ => return Ok(None),
    }))
}
