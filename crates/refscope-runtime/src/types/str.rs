//! `str`: an immutable sequence of code points, stored as UTF-8 with its
//! length in code points, an all-ASCII flag (so indexing ASCII text is O(1))
//! and the cached hash. The PEP 393 "kind" (1, 2 or 4 bytes per code point)
//! that CPython's sizes depend on is computed from the text when needed.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

pub struct StrData {
    s: Box<str>,
    len: usize,
    ascii: bool,
    hash: Cell<i64>,
}

impl StrData {
    pub fn new(s: String) -> StrData {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        StrData { s: s.into_boxed_str(), len, ascii, hash: Cell::new(-1) }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }
    pub fn hash(&self, vm: &Vm) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = refscope_text::hash_str(&self.s, &vm.hash_key);
        self.hash.set(h);
        h
    }
    /// The code point at index `i` (0 <= i < len).
    pub fn char_at(&self, i: usize) -> char {
        if self.ascii {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }
    /// Byte offset of code point index `i` (i <= len).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
    /// Substring by code point indices.
    pub fn substr(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.s[a..b]
    }
}

/// The text of a str object. Panics (a bug) if `obj` is not a str.
#[inline]
pub fn as_str(obj: &PyRef) -> &str {
    obj.payload_unchecked::<StrData>().as_str()
}

#[inline]
pub fn get(obj: &PyRef) -> Option<&StrData> {
    obj.payload::<StrData>()
}

pub fn repr(s: &str) -> String {
    refscope_text::str_repr(s)
}

/// Two str objects are equal (fast path: identity, then length and bytes).
#[inline]
pub fn eq(a: &StrData, b: &StrData) -> bool {
    std::ptr::eq(a, b) || (a.len == b.len && a.s == b.s)
}

pub fn concat(vm: &Vm, a: &StrData, b: &StrData) -> PyRef {
    let mut s = String::with_capacity(a.s.len() + b.s.len());
    s.push_str(&a.s);
    s.push_str(&b.s);
    vm.str_owned(s)
}

pub fn repeat(vm: &Vm, a: &StrData, n: i64) -> PyResult<PyRef> {
    if n <= 0 || a.len == 0 {
        return Ok(vm.empty_str.clone());
    }
    let total = (a.s.len() as u128) * (n as u128);
    if total > (isize::MAX as u128) / 2 {
        return Err(vm.overflow_error("repeated string is too long"));
    }
    Ok(vm.str_owned(a.s.repeat(n as usize)))
}
