//! `AuxCell`: a `RefCell` with a 32-bit borrow state and a spare 32-bit
//! word beside it, in the space a `RefCell`'s word-sized borrow flag takes.
//!
//! A list's payload is its item vector plus CPython's notional capacity;
//! with `RefCell` (a word of borrow flag) and the capacity beside it, the
//! list block was 80 bytes. Here the borrow state and the capacity share
//! one word, so the block is 64 bytes, the size class of the commonest
//! instances (two `__slots__` or a few attributes), whose freed blocks
//! lists can then reuse, as pymalloc lets CPython's do.
//!
//! Same contract as `RefCell`: any number of shared borrows or one
//! exclusive borrow at a time, checked at run time; `borrow` and
//! `borrow_mut` panic on a conflict, `try_borrow` and `try_borrow_mut`
//! report it.

use std::cell::{Cell, UnsafeCell};
use std::ops::{Deref, DerefMut};

/// Borrow state: 0 free, n > 0 shared by n, -1 exclusive.
const EXCLUSIVE: i32 = -1;

pub struct AuxCell<T> {
    value: UnsafeCell<T>,
    borrow: Cell<i32>,
    aux: Cell<u32>,
}

/// The cell is borrowed in a way that forbids the asked borrow.
#[derive(Debug)]
pub struct BorrowError;

impl<T> AuxCell<T> {
    pub const fn new(value: T, aux: u32) -> AuxCell<T> {
        AuxCell { value: UnsafeCell::new(value), borrow: Cell::new(0), aux: Cell::new(aux) }
    }

    /// The spare word (free to read and write at any time).
    #[inline]
    pub fn aux(&self) -> &Cell<u32> {
        &self.aux
    }

    #[inline]
    pub fn try_borrow(&self) -> Result<AuxRef<'_, T>, BorrowError> {
        let b = self.borrow.get();
        // (`i32::MAX` shared borrows at once can only come from leaked
        // guards; refusing more keeps the count from wrapping.)
        if b < 0 || b == i32::MAX {
            return Err(BorrowError);
        }
        self.borrow.set(b + 1);
        Ok(AuxRef { cell: self })
    }

    #[inline]
    pub fn try_borrow_mut(&self) -> Result<AuxRefMut<'_, T>, BorrowError> {
        if self.borrow.get() != 0 {
            return Err(BorrowError);
        }
        self.borrow.set(EXCLUSIVE);
        Ok(AuxRefMut { cell: self })
    }

    #[inline]
    #[track_caller]
    pub fn borrow(&self) -> AuxRef<'_, T> {
        match self.try_borrow() {
            Ok(r) => r,
            Err(_) => already_borrowed(),
        }
    }

    #[inline]
    #[track_caller]
    pub fn borrow_mut(&self) -> AuxRefMut<'_, T> {
        match self.try_borrow_mut() {
            Ok(r) => r,
            Err(_) => already_borrowed(),
        }
    }

    /// The value, through a unique reference to the cell (no check needed).
    #[inline]
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }
}

#[cold]
#[track_caller]
fn already_borrowed() -> ! {
    panic!("AuxCell already borrowed")
}

/// A shared borrow of an `AuxCell`'s value.
pub struct AuxRef<'a, T> {
    cell: &'a AuxCell<T>,
}

impl<T> Deref for AuxRef<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: while this guard lives the borrow state counts it as a
        // shared borrow, so no exclusive borrow exists or can be made.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> Drop for AuxRef<'_, T> {
    #[inline]
    fn drop(&mut self) {
        let b = self.cell.borrow.get();
        debug_assert!(b > 0);
        self.cell.borrow.set(b - 1);
    }
}

/// The exclusive borrow of an `AuxCell`'s value.
pub struct AuxRefMut<'a, T> {
    cell: &'a AuxCell<T>,
}

impl<T> Deref for AuxRefMut<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: while this guard lives the borrow state is EXCLUSIVE, so
        // no other borrow exists or can be made.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for AuxRefMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as for `deref`; `&mut self` makes this the only use of
        // the guard.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for AuxRefMut<'_, T> {
    #[inline]
    fn drop(&mut self) {
        debug_assert_eq!(self.cell.borrow.get(), EXCLUSIVE);
        self.cell.borrow.set(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrows_are_checked() {
        let c = AuxCell::new(vec![1, 2, 3], 7);
        {
            let a = c.borrow();
            let b = c.borrow();
            assert_eq!(a.len() + b.len(), 6);
            assert!(c.try_borrow_mut().is_err());
        }
        {
            let mut m = c.borrow_mut();
            m.push(4);
            assert!(c.try_borrow().is_err());
            assert!(c.try_borrow_mut().is_err());
            // The spare word is independent of the borrows.
            c.aux().set(9);
        }
        assert_eq!(*c.borrow(), vec![1, 2, 3, 4]);
        assert_eq!(c.aux().get(), 9);
        let mut c = c;
        c.get_mut().clear();
        assert!(c.borrow().is_empty());
    }

    #[test]
    fn guards_release_on_unwind() {
        let c = AuxCell::new(String::from("x"), 0);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _m = c.borrow_mut();
            panic!("unwinding");
        }));
        assert!(r.is_err());
        c.borrow_mut().push('y');
        assert_eq!(&*c.borrow(), "xy");
    }

    #[test]
    #[should_panic(expected = "already borrowed")]
    fn conflicting_borrow_panics() {
        let c = AuxCell::new(0u8, 0);
        let _a = c.borrow();
        let _b = c.borrow_mut();
    }

    #[test]
    fn size_is_a_refcell_minus_a_word() {
        assert_eq!(std::mem::size_of::<AuxCell<Vec<u64>>>(), 32);
    }
}
