//! `set` and `frozenset`: CPython's open-addressing set table.
//!
//! Iteration order is table order, so to print sets as CPython does the
//! table must be CPython's exactly: size 8 to start, a probe that first
//! looks at up to `LINEAR_PROBES` (9) neighbouring slots and then jumps with
//! `perturb >>= 5; i = (5*i + 1 + perturb) & mask`, deleted slots left as
//! dummies, and growth when `fill * 5 >= mask * 3` to the smallest power of
//! two above `used * 4` (`used * 2` past 50,000 entries), re-inserting in old
//! table order.

use crate::object::PyRef;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;

#[derive(Clone)]
pub enum Slot {
    Unused,
    Dummy,
    Active(i64, PyRef),
}

pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Active plus dummy slots.
    pub fill: usize,
    pub used: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { slots: vec![Slot::Unused; MIN_SIZE], fill: 0, used: 0 }
    }
}

impl SetTable {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
    fn insert_clean(slots: &mut [Slot], hash: i64, key: PyRef) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64 as usize;
        let mut i = hash as u64 as usize & mask;
        loop {
            if matches!(slots[i], Slot::Unused) {
                slots[i] = Slot::Active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(slots[i + j], Slot::Unused) {
                        slots[i + j] = Slot::Active(hash, key);
                        return;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Unused; newsize]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active(h, k) = s {
                Self::insert_clean(&mut self.slots, h, k);
            }
        }
    }
}

enum Found {
    Active(usize),
    /// A free slot to insert into: (index, was it a dummy)
    Free(usize, bool),
}

pub struct SetData {
    pub table: RefCell<SetTable>,
    pub version: Cell<u64>,
    /// Cached hash of a frozenset (-1 = not computed).
    pub hash: Cell<i64>,
    /// Where `pop()` starts looking (CPython's `finger`).
    pub finger: Cell<usize>,
}

impl SetData {
    /// The table, to change it (the tracer hears of the change).
    #[inline]
    fn table_mut(&self) -> std::cell::RefMut<'_, SetTable> {
        crate::observe::touch(self as *const Self as usize);
        self.table.borrow_mut()
    }

    /// After `difference_update`: when more than a quarter of the table
    /// is dummies, CPython rebuilds it for the remaining entries.
    pub fn compact_dummies(&self) {
        let mut t = self.table_mut();
        let mask = t.slots.len() - 1;
        if t.fill - t.used <= mask / 4 {
            return;
        }
        let used = t.used;
        t.resize(if used > 50000 { used * 2 } else { used * 4 });
    }
    pub fn new() -> SetData {
        SetData { table: RefCell::new(SetTable::default()), version: Cell::new(0), hash: Cell::new(-1), finger: Cell::new(0) }
    }
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Probe for `key`; may call `__eq__` (without holding the table).
    fn lookup(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Found> {
        'restart: loop {
            let version = self.version.get();
            let (mask, len) = {
                let t = self.table.borrow();
                (t.mask(), t.slots.len())
            };
            let _ = len;
            let mut perturb = hash as u64 as usize;
            let mut i = hash as u64 as usize & mask;
            let mut freeslot: Option<usize> = None;
            loop {
                let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                for j in 0..=probes {
                    let idx = i + j;
                    let slot = self.table.borrow().slots[idx].clone();
                    match slot {
                        Slot::Unused => {
                            return Ok(match freeslot {
                                Some(f) => Found::Free(f, true),
                                None => Found::Free(idx, false),
                            });
                        }
                        Slot::Dummy => {
                            if freeslot.is_none() {
                                freeslot = Some(idx);
                            }
                        }
                        Slot::Active(h, k) => {
                            if k.is(key) {
                                return Ok(Found::Active(idx));
                            }
                            if h == hash {
                                let eq = crate::ops::eq(vm, &k, key)?;
                                if self.version.get() != version {
                                    continue 'restart;
                                }
                                if eq {
                                    return Ok(Found::Active(idx));
                                }
                            }
                        }
                    }
                }
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
            }
        }
    }

    pub fn contains(&self, vm: &Vm, key: &PyRef) -> PyResult<bool> {
        let h = crate::ops::hash(vm, key)?;
        Ok(matches!(self.lookup(vm, key, h)?, Found::Active(_)))
    }

    /// Add `key`, which the caller keeps (CPython's PySet_Add): hashed
    /// before the set takes its own reference, which is held while the
    /// lookup's `__eq__` runs.
    pub fn add(&self, vm: &Vm, key: &PyRef) -> PyResult<()> {
        let h = crate::ops::hash(vm, key)?;
        self.add_hashed(vm, key.clone(), h)
    }

    pub fn add_hashed(&self, vm: &Vm, key: PyRef, hash: i64) -> PyResult<()> {
        match self.lookup(vm, &key, hash)? {
            Found::Active(_) => Ok(()),
            Found::Free(idx, was_dummy) => {
                let mut t = self.table_mut();
                t.slots[idx] = Slot::Active(hash, key);
                t.used += 1;
                if !was_dummy {
                    t.fill += 1;
                    if t.fill * 5 >= t.mask() * 3 {
                        let used = t.used;
                        t.resize(if used > 50000 { used * 2 } else { used * 4 });
                    }
                }
                drop(t);
                self.version.set(self.version.get() + 1);
                Ok(())
            }
        }
    }

    /// Remove `key`; returns whether it was present.
    pub fn discard(&self, vm: &Vm, key: &PyRef) -> PyResult<bool> {
        let h = crate::ops::hash(vm, key)?;
        match self.lookup(vm, key, h)? {
            Found::Active(idx) => {
                let old = {
                    let mut t = self.table_mut();
                    t.used -= 1;
                    std::mem::replace(&mut t.slots[idx], Slot::Dummy)
                };
                self.version.set(self.version.get() + 1);
                drop(old);
                Ok(true)
            }
            Found::Free(..) => Ok(false),
        }
    }

    /// Add the entries of another set (CPython's set_merge): one resize up
    /// front, then a plain copy of the table when this set is empty and the
    /// tables have the same size, clean inserts when this set is empty, or
    /// ordinary insertions.
    pub fn merge(&self, vm: &Vm, other: &SetData) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.is_empty() {
            return Ok(());
        }
        {
            let mut t = self.table_mut();
            let ot = other.table.borrow();
            if (t.fill + ot.used) * 5 >= t.mask() * 3 {
                let n = (t.used + ot.used) * 2;
                t.resize(n);
            }
            if t.fill == 0 && t.mask() == ot.mask() && ot.fill == ot.used {
                t.slots = ot.slots.clone();
                t.fill = ot.fill;
                t.used = ot.used;
                drop(t);
                drop(ot);
                self.version.set(self.version.get() + 1);
                return Ok(());
            }
            if t.fill == 0 {
                t.fill = ot.used;
                t.used = ot.used;
                for slot in ot.slots.iter() {
                    if let Slot::Active(h, k) = slot {
                        SetTable::insert_clean(&mut t.slots, *h, k.clone());
                    }
                }
                drop(t);
                drop(ot);
                self.version.set(self.version.get() + 1);
                return Ok(());
            }
        }
        for (h, k) in other.items_hashed() {
            self.add_hashed(vm, k, h)?;
        }
        Ok(())
    }

    /// Make room for `extra` more keys in one step (as set_update_internal
    /// does before adding a dict's keys).
    pub fn reserve_for(&self, extra: usize) {
        let mut t = self.table_mut();
        if (t.fill + extra) * 5 >= t.mask() * 3 {
            let n = (t.used + extra) * 2;
            t.resize(n);
        }
    }

    /// Exchange the contents of two sets (CPython's set_swap_bodies).
    pub fn swap_contents(&self, other: &SetData) {
        if std::ptr::eq(self, other) {
            return;
        }
        std::mem::swap(&mut *self.table_mut(), &mut *other.table_mut());
        self.version.set(self.version.get() + 1);
        other.version.set(other.version.get() + 1);
    }

    /// Whether an entry with this hash and key is present.
    pub fn contains_hashed(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, key, hash)?, Found::Active(_)))
    }

    /// Remove an entry whose hash is known; returns whether it was present.
    pub fn discard_hashed(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<bool> {
        match self.lookup(vm, key, hash)? {
            Found::Active(idx) => {
                let old = {
                    let mut t = self.table_mut();
                    t.used -= 1;
                    std::mem::replace(&mut t.slots[idx], Slot::Dummy)
                };
                self.version.set(self.version.get() + 1);
                drop(old);
                Ok(true)
            }
            Found::Free(..) => Ok(false),
        }
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table_mut());
        self.version.set(self.version.get() + 1);
        drop(old);
    }

    /// The items in table order.
    pub fn items(&self) -> Vec<PyRef> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(_, k) => Some(k.clone()),
                _ => None,
            })
            .collect()
    }

    /// The active slot at position `pos` or later with its hash: (next
    /// pos, hash, key); for walking the set while Python code runs.
    pub fn entry_hashed_from(&self, pos: usize) -> Option<(usize, i64, PyRef)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.slots.len() {
            if let Slot::Active(h, k) = &t.slots[p] {
                return Some((p + 1, *h, k.clone()));
            }
            p += 1;
        }
        None
    }

    pub fn items_hashed(&self) -> Vec<(i64, PyRef)> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Active(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    /// Next active slot at or after `pos`: (next pos, key).
    pub fn entry_from(&self, pos: usize) -> Option<(usize, PyRef)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.slots.len() {
            if let Slot::Active(_, k) = &t.slots[p] {
                return Some((p + 1, k.clone()));
            }
            p += 1;
        }
        None
    }

    /// `set.pop()`: the first active slot at or after the finger, which then
    /// moves past it (as CPython does).
    pub fn pop(&self) -> Option<PyRef> {
        let finger = &self.finger;
        let mut t = self.table_mut();
        if t.used == 0 {
            return None;
        }
        let n = t.slots.len();
        let mut i = finger.get() & (n - 1);
        loop {
            if let Slot::Active(..) = t.slots[i] {
                break;
            }
            i = (i + 1) & (n - 1);
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        finger.set(i + 1);
        drop(t);
        self.version.set(self.version.get() + 1);
        match old {
            Slot::Active(_, k) => Some(k),
            _ => None,
        }
    }
}

impl Default for SetData {
    fn default() -> Self {
        Self::new()
    }
}

pub fn get(obj: &PyRef) -> Option<&SetData> {
    obj.payload::<SetData>()
}

/// frozenset hash, as CPython 3.11 computes it.
pub fn frozenset_hash(items: &[(i64, PyRef)]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for (h, _) in items {
        hash ^= shuffle(*h as u64);
    }
    hash ^= ((items.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}
