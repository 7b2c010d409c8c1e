//! Subscripting and membership for the builtin containers.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

fn seq_index(vm: &Vm, key: &PyRef, len: usize, what: &str) -> PyResult<usize> {
    let i = match int::get(key) {
        Some(int::IntData::Small(i)) => *i,
        Some(_) => return Err(vm.index_error(format!("cannot fit 'int' into an index-sized integer"))),
        None => match int::index_i64(vm, key) {
            Ok(i) => i,
            Err(_) => {
                return Err(vm.type_error(format!("{} indices must be integers or slices, not {}", what, vm.type_name(key))));
            }
        },
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error(format!("{} index out of range", what)));
    }
    Ok(j as usize)
}

fn slice_items<T: Clone>(vm: &Vm, s: &PyRef, items: &[T]) -> PyResult<Vec<T>> {
    let (start, _stop, step, n) = slice::indices(vm, slice::get(s).unwrap(), items.len() as i64)?;
    let mut out = Vec::with_capacity(n as usize);
    let mut i = start;
    for _ in 0..n {
        out.push(items[i as usize].clone());
        i += step;
    }
    Ok(out)
}

pub fn builtin_getitem(vm: &Vm, obj: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    Ok(Some(match obj.kind() {
        Kind::List => {
            let l = list::get(obj).unwrap();
            if key.kind() == Kind::Slice {
                let items = l.snapshot();
                vm.list(slice_items(vm, key, &items)?)
            } else {
                let n = l.len();
                let i = seq_index(vm, key, n, "list")?;
                l.get(i).unwrap()
            }
        }
        Kind::Tuple => {
            let items = tuple::items(obj);
            if key.kind() == Kind::Slice {
                let v = slice_items(vm, key, items)?;
                if v.len() == items.len() && obj.ty().is(&vm.types.tuple) {
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
                vm.bytes(slice_items(vm, key, b)?)
            } else {
                let i = seq_index(vm, key, b.len(), "index")?;
                vm.int(b[i] as i64)
            }
        }
        Kind::ByteArray => {
            let b = bytearray::get(obj).unwrap().b.borrow().clone();
            if key.kind() == Kind::Slice {
                PyRef::new(&vm.types.bytearray, bytearray::ByteArrayData::new(slice_items(vm, key, &b)?))
            } else {
                let i = seq_index(vm, key, b.len(), "bytearray")?;
                vm.int(b[i] as i64)
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
            let n = l.len();
            let i = match seq_index(vm, key, n, "list") {
                Ok(i) => i,
                Err(e) => {
                    if typeobj_is(vm, &e, &vm.exc.index_error) {
                        return Err(vm.index_error(if value.is_some() { "list assignment index out of range" } else { "list assignment index out of range" }));
                    }
                    return Err(e);
                }
            };
            let old = match value {
                Some(v) => std::mem::replace(&mut l.items.borrow_mut()[i], v),
                None => {
                    let old = l.items.borrow_mut().remove(i);
                    l.note_resize(n - 1);
                    old
                }
            };
            drop(old);
            Ok(Some(()))
        }
        Kind::Dict => {
            let d = dict::get(obj).unwrap();
            match value {
                Some(v) => d.set(vm, key.clone(), v)?,
                None => {
                    if d.remove(vm, key)?.is_none() {
                        return Err(vm.key_error(key.clone()));
                    }
                }
            }
            Ok(Some(()))
        }
        Kind::ByteArray => {
            let b = bytearray::get(obj).unwrap();
            let n = b.b.borrow().len();
            let i = seq_index(vm, key, n, "bytearray")?;
            match value {
                Some(v) => {
                    let x = int::index_i64(vm, &v)?;
                    if !(0..256).contains(&x) {
                        return Err(vm.value_error("byte must be in range(0, 256)"));
                    }
                    b.b.borrow_mut()[i] = x as u8;
                }
                None => {
                    b.b.borrow_mut().remove(i);
                }
            }
            Ok(Some(()))
        }
        Kind::Tuple | Kind::Str | Kind::Bytes | Kind::Range => Err(vm.type_error(if value.is_some() {
            format!("'{}' object does not support item assignment", vm.type_name(obj))
        } else {
            format!("'{}' object doesn't support item deletion", vm.type_name(obj))
        })),
        _ => Ok(None),
    }
}

fn typeobj_is(_vm: &Vm, e: &crate::vm::PyErr, t: &PyRef) -> bool {
    crate::types::typeobj::isinstance(&e.0, t)
}

pub fn builtin_contains(vm: &Vm, c: &PyRef, item: &PyRef) -> PyResult<Option<bool>> {
    Ok(Some(match c.kind() {
        Kind::Dict => dict::get(c).unwrap().contains(vm, item)?,
        Kind::Set => set::get(c).unwrap().contains(vm, item)?,
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
            for x in tuple::items(c).to_vec() {
                if ops::eq(vm, &x, item)? {
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
            let hay: Vec<u8> = match bytes::get(c) {
                Some(b) => b.to_vec(),
                None => bytearray::get(c).unwrap().b.borrow().clone(),
            };
            if let Some(i) = int::as_i64(item) {
                if !(0..256).contains(&i) {
                    return Err(vm.value_error("byte must be in range(0, 256)"));
                }
                hay.contains(&(i as u8))
            } else if let Some(b) = bytes::get(item) {
                b.is_empty() || hay.windows(b.len()).any(|w| w == b)
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
