//! `list`: a growable array of references.
//!
//! The capacity follows CPython's over-allocation rule (`list_resize`), so
//! that `sys.getsizeof` of a list reports CPython's numbers: appending to an
//! empty list allocates 4 slots, then 8, 16, 24, 32, 40, 52, ...
//!
//! Borrowing discipline: the cell is never held across a call that can
//! run Python code (a comparison, `__del__` of a removed item, ...). Removed
//! items are moved out first and dropped after the borrow ends.

use crate::object::cell::{AuxCell, AuxRefMut};
use crate::object::PyRef;

/// The items, in a cell whose spare word keeps CPython's `allocated` (the
/// capacity CPython would have, saturated at 2^31 - 1: such a list would
/// not fit in memory anyway) and, in its top bit, CPython's
/// `ob_item == NULL`: a list made empty (`[]`, `list()`, after `clear()`)
/// has no item array; `extend` then allocates exactly (rounded up to even)
/// instead of over-allocating. A list emptied by `pop`/`del` keeps its
/// (zero-sized) array. (Together with the items' vector that is 32 bytes:
/// a list block is 64 bytes, the size class of small instances.)
pub struct ListData {
    pub items: AuxCell<Vec<PyRef>>,
}

// The list block's size class (header, collector head, payload: 64 bytes,
// as CPython's list) depends on this.
const _: () = assert!(std::mem::size_of::<ListData>() == 32);

const NO_STORAGE: u32 = 1 << 31;
const CAPACITY: u32 = NO_STORAGE - 1;

/// CPython 3.11's `list_resize` capacity rule: the new `allocated` for a
/// list of `size` items resized to `newsize`, or None when it keeps its
/// array (the new size fits and uses at least half of it).
fn resized_capacity(allocated: usize, size: usize, newsize: usize) -> Option<usize> {
    if allocated >= newsize && newsize >= (allocated >> 1) {
        return None;
    }
    if newsize == 0 {
        return Some(0);
    }
    let mut cap = (newsize + (newsize >> 3) + 6) & !3usize;
    // A big jump (extend, slice assignment) is allocated nearly exactly.
    if newsize.saturating_sub(size) > cap - newsize {
        cap = (newsize + 3) & !3usize;
    }
    Some(cap)
}

impl ListData {
    /// The items, to change them (the tracer hears of the change).
    #[inline]
    pub fn items_mut(&self) -> AuxRefMut<'_, Vec<PyRef>> {
        crate::observe::touch(self as *const Self as usize);
        self.items.borrow_mut()
    }

    pub fn new(items: Vec<PyRef>) -> ListData {
        let n = items.len();
        let d = ListData { items: AuxCell::new(items, 0) };
        d.set_allocated(n);
        d.set_no_storage(n == 0);
        d
    }
    /// CPython's `allocated`.
    #[inline]
    pub fn allocated(&self) -> usize {
        (self.items.aux().get() & CAPACITY) as usize
    }
    #[inline]
    fn set_allocated(&self, n: usize) {
        let aux = self.items.aux();
        let n = u32::try_from(n).unwrap_or(CAPACITY).min(CAPACITY);
        aux.set((aux.get() & NO_STORAGE) | n);
    }
    /// CPython's `ob_item == NULL`.
    #[inline]
    fn no_storage(&self) -> bool {
        self.items.aux().get() & NO_STORAGE != 0
    }
    #[inline]
    fn set_no_storage(&self, b: bool) {
        let aux = self.items.aux();
        aux.set(if b { aux.get() | NO_STORAGE } else { aux.get() & CAPACITY });
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Grow CPython's notional capacity for a new size (list_resize),
    /// called while the list still has its old length.
    pub fn note_resize(&self, newsize: usize) {
        self.note_resize_from(self.len(), newsize);
    }
    /// list_resize from `size` items to `newsize`.
    pub fn note_resize_from(&self, size: usize, newsize: usize) {
        if let Some(cap) = resized_capacity(self.allocated(), size, newsize) {
            self.set_allocated(cap);
            self.set_no_storage(false);
        }
    }
    /// `_list_clear`: the item array is freed.
    pub fn note_clear(&self) {
        self.set_allocated(0);
        self.set_no_storage(true);
    }
    /// `list_preallocate_exact`: n slots, rounded up to even.
    pub fn note_preallocate(&self, n: usize) {
        self.set_allocated((n + 1) & !1usize);
        self.set_no_storage(false);
    }
    /// `count` appends to a list of `size` items.
    pub fn note_appends(&self, size: usize, count: usize) {
        let end = size + count;
        let mut size = size;
        while size < end {
            if size >= self.allocated() {
                self.note_resize_from(size, size + 1);
            }
            size = end.min(self.allocated().max(size + 1));
        }
    }
    /// `list.extend` of `count` items onto `size` items, as CPython 3.11
    /// sizes it: an exact list or tuple argument makes room for all at
    /// once; any other iterable first makes room for its length hint, is
    /// appended item by item, and the surplus is given back at the end.
    pub fn note_extend(&self, size: usize, hint: usize, count: usize, exact_seq: bool) {
        let room = if exact_seq { count } else { hint };
        if exact_seq && count == 0 {
            return;
        }
        if self.no_storage() {
            if room > 0 {
                self.note_preallocate(room);
            }
        } else {
            self.note_resize_from(size, size + room);
        }
        if exact_seq {
            return;
        }
        self.note_appends(size, count);
        if size + count < self.allocated() {
            self.note_resize_from(size + count, size + count);
        }
    }
    /// A list built by a builtin that preallocates `prealloc` slots and
    /// appends past them (str.split: 12).
    pub fn note_prealloc_then_appends(&self, prealloc: usize) {
        let n = self.len();
        self.set_allocated(prealloc);
        self.set_no_storage(false);
        if n > prealloc {
            self.note_appends(prealloc, n - prealloc);
        }
    }
    pub fn push(&self, v: PyRef) {
        let n = self.len();
        self.note_resize(n + 1);
        self.items_mut().push(v);
        crate::observe::list_splice(self, n, 0, 1);
    }
    pub fn snapshot(&self) -> Vec<PyRef> {
        self.items.borrow().clone()
    }
    pub fn get(&self, i: usize) -> Option<PyRef> {
        self.items.borrow().get(i).cloned()
    }
}

pub fn get(obj: &PyRef) -> Option<&ListData> {
    obj.payload::<ListData>()
}

/// Give the result list of `str.split`/`bytes.split` (and the rsplits)
/// CPython's capacity: room for min(maxsplit + 1, 12) pieces up front,
/// appends past that.
pub fn sized_as_split(l: &PyRef, maxsplit: i64) {
    let prealloc = if maxsplit < 0 || maxsplit >= 12 { 12 } else { maxsplit as usize + 1 };
    if let Some(d) = get(l) {
        d.note_prealloc_then_appends(prealloc);
    }
}

/// Give a list that CPython builds by appending to `[]` its capacity.
pub fn sized_as_appended(l: &PyRef) {
    if let Some(d) = get(l) {
        d.note_clear();
        d.note_appends(0, d.len());
    }
}

/// Release items from the last to the first (CPython's `_list_clear` and
/// `list_dealloc` order).
pub fn release_from_last(mut v: Vec<PyRef>) {
    while let Some(x) = v.pop() {
        drop(x);
    }
}

impl Drop for ListData {
    /// CPython releases a list's items from the last to the first.
    fn drop(&mut self) {
        let mut v = std::mem::take(self.items.get_mut());
        while let Some(x) = v.pop() {
            drop(x);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::resized_capacity;

    /// Capacities an empty list goes through when appended to one item at
    /// a time (CPython 3.11: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...).
    #[test]
    fn append_growth() {
        let mut cap = 0;
        let mut seen = vec![];
        for size in 0..80 {
            if size >= cap {
                cap = resized_capacity(cap, size, size + 1).unwrap_or(cap);
                seen.push(cap);
            }
        }
        assert_eq!(seen, [4, 8, 16, 24, 32, 40, 52, 64, 76, 92]);
    }

    /// A jump bigger than the over-allocation is allocated nearly exactly;
    /// shrinking below half reallocates, otherwise the array is kept.
    #[test]
    fn jumps_and_shrinks() {
        assert_eq!(resized_capacity(4, 3, 103), Some(104));
        assert_eq!(resized_capacity(16, 9, 9), None);
        assert_eq!(resized_capacity(16, 8, 7), Some(12));
        assert_eq!(resized_capacity(4, 1, 0), Some(0));
    }
}
