//! list slice assignment and deletion.

use crate::object::PyRef;
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

pub fn set_slice(vm: &Vm, obj: &PyRef, key: &PyRef, value: Option<PyRef>) -> PyResult<()> {
    let l = list::get(obj).unwrap();
    let n = l.len() as i64;
    let (start, stop, step, count) = slice::indices(vm, slice::get(key).unwrap(), n)?;
    let new_items: Option<Vec<PyRef>> = match &value {
        Some(v) => Some(if v.is(obj) { l.snapshot() } else {
            match ops::iterate(vm, v) {
                Ok(x) => x,
                Err(_) => return Err(vm.type_error("can only assign an iterable")),
            }
        }),
        None => None,
    };
    let removed: Vec<PyRef>;
    if step == 1 {
        let stop = stop.max(start);
        let mut items = l.items.borrow_mut();
        let repl = new_items.unwrap_or_default();
        removed = items.splice(start as usize..stop as usize, repl).collect();
        let len = items.len();
        drop(items);
        l.note_resize(len);
    } else {
        let idx: Vec<usize> = (0..count).map(|k| (start + k * step) as usize).collect();
        match new_items {
            Some(v) => {
                if v.len() != idx.len() {
                    return Err(vm.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        v.len(),
                        idx.len()
                    )));
                }
                let mut items = l.items.borrow_mut();
                removed = idx.iter().zip(v).map(|(i, x)| std::mem::replace(&mut items[*i], x)).collect();
            }
            None => {
                let mut items = l.items.borrow_mut();
                let mut sorted = idx.clone();
                sorted.sort_unstable();
                let mut r = Vec::new();
                for i in sorted.into_iter().rev() {
                    r.push(items.remove(i));
                }
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
