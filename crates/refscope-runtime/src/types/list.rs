//! `list`: a growable array of references.
//!
//! The capacity follows CPython's over-allocation rule (`list_resize`), so
//! that `sys.getsizeof` of a list reports CPython's numbers: appending to an
//! empty list allocates 4 slots, then 8, 16, 24, 32, 40, 52, ...
//!
//! Borrowing discipline: the `RefCell` is never held across a call that can
//! run Python code (a comparison, `__del__` of a removed item, ...). Removed
//! items are moved out first and dropped after the borrow ends.

use crate::object::PyRef;
use std::cell::RefCell;

pub struct ListData {
    pub items: RefCell<Vec<PyRef>>,
    /// CPython's `allocated`: the capacity CPython would have.
    pub allocated: std::cell::Cell<usize>,
}

impl ListData {
    /// The items, to change them (the tracer hears of the change).
    #[inline]
    pub fn items_mut(&self) -> std::cell::RefMut<'_, Vec<PyRef>> {
        crate::observe::touch(self as *const Self as usize);
        self.items.borrow_mut()
    }

    pub fn new(items: Vec<PyRef>) -> ListData {
        let n = items.len();
        ListData { items: RefCell::new(items), allocated: std::cell::Cell::new(n) }
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Grow CPython's notional capacity for a new size (list_resize).
    pub fn note_resize(&self, newsize: usize) {
        let allocated = self.allocated.get();
        if allocated >= newsize && newsize >= (allocated >> 1) {
            return;
        }
        let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3usize;
        if newsize - self.len().min(newsize) > new_allocated.saturating_sub(newsize) {
            new_allocated = (newsize + 3) & !3usize;
        }
        if newsize == 0 {
            new_allocated = 0;
        }
        self.allocated.set(new_allocated);
    }
    pub fn push(&self, v: PyRef) {
        let n = self.len();
        self.note_resize(n + 1);
        self.items_mut().push(v);
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

impl Drop for ListData {
    /// CPython releases a list's items from the last to the first.
    fn drop(&mut self) {
        let mut v = std::mem::take(self.items.get_mut());
        while let Some(x) = v.pop() {
            drop(x);
        }
    }
}
