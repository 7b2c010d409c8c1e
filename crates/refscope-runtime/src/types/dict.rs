//! `dict`: CPython's compact, insertion-ordered hash table.
//!
//! Layout as in CPython 3.11: an index table of 2^k slots (EMPTY, DUMMY, or
//! an index into the entries) and a dense entries array in insertion order.
//! Probing: `i = hash & mask`, then `perturb >>= 5; i = (5*i + perturb + 1) &
//! mask`. A table of size n holds at most 2n/3 entries; when full it is
//! rebuilt for `used * 3` (rounded up to a power of two, at least 8). The
//! sizes are kept exactly as CPython's so that `sys.getsizeof` can report
//! CPython's numbers.
//!
//! Key comparison can run Python code (`__eq__`), which can mutate the dict.
//! Lookups therefore never hold the table borrowed across a comparison: they
//! take the candidate key, release the table, compare, and restart the probe
//! if the table changed meanwhile (as CPython does).

use crate::object::gc;
use crate::object::{KeyRef, Kind, PyRef};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

const EMPTY: i64 = -1;
const DUMMY: i64 = -2;
const MIN_SIZE: usize = 8;

/// CPython's `calculate_log2_keysize(minsize)` as a slot count: the power
/// of two its bit trick gives (16 for any minsize from 1 to 7).
fn keys_size_for(minsize: usize) -> usize {
    let m = ((minsize | MIN_SIZE) - 1) | (MIN_SIZE - 1);
    1usize << (usize::BITS - m.leading_zeros())
}

/// `USABLE_FRACTION(size)`.
fn usable_fraction(size: usize) -> usize {
    size * 2 / 3
}

/// The index slots of a table. The slots of the smallest tables (8, which
/// hold at most 5 entries: most dicts, and the attribute dicts of most
/// instances) live inside the dict object, one byte each, as CPython's
/// int8 indices do; bigger tables get their own array.
pub enum Indices {
    Small([i8; MIN_SIZE]),
    Large(Vec<i64>),
}

impl Default for Indices {
    fn default() -> Self {
        Indices::Large(Vec::new())
    }
}

impl Indices {
    fn new(size: usize) -> Indices {
        if size == MIN_SIZE {
            Indices::Small([EMPTY as i8; MIN_SIZE])
        } else {
            Indices::Large(vec![EMPTY; size])
        }
    }
    #[inline]
    pub fn len(&self) -> usize {
        match self {
            Indices::Small(a) => a.len(),
            Indices::Large(v) => v.len(),
        }
    }
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    #[inline]
    fn get(&self, i: usize) -> i64 {
        match self {
            Indices::Small(a) => a[i] as i64,
            Indices::Large(v) => v[i],
        }
    }
    #[inline]
    fn set(&mut self, i: usize, ix: i64) {
        match self {
            Indices::Small(a) => a[i] = ix as i8,
            Indices::Large(v) => v[i] = ix,
        }
    }
}

pub struct Entry {
    pub hash: i64,
    /// Counted by the entry, or in a split dict shared with the class's
    /// names (`SharedKeys`), as CPython's split dicts hold no key of their own.
    pub key: KeyRef,
    pub value: PyRef,
}

#[derive(Default)]
pub struct Table {
    /// Index slots; empty vector = no keys object yet (CPython's shared empty keys).
    pub indices: Indices,
    pub entries: Vec<Option<Entry>>,
    pub used: usize,
    /// Entries still insertable before a resize (CPython's dk_usable).
    pub usable: usize,
    /// All keys so far are exact str (CPython's unicode-keys table, smaller entries).
    pub str_keys: bool,
}

impl Table {
    fn with_size(size: usize) -> Table {
        Table { indices: Indices::new(size), entries: Vec::with_capacity(size * 2 / 3), used: 0, usable: size * 2 / 3, str_keys: true }
    }
    pub fn size(&self) -> usize {
        self.indices.len()
    }
    /// Find the slot for `hash` whose entry has an identical key, or the
    /// first candidate needing a real comparison.
    fn probe_identity(&self, key: &PyRef, hash: i64, skip: usize) -> Probe {
        if self.indices.is_empty() {
            return Probe::NotFound;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut seen = 0usize;
        loop {
            let ix = self.indices.get(i);
            if ix == EMPTY {
                return Probe::NotFound;
            }
            if ix >= 0 {
                if let Some(e) = &self.entries[ix as usize] {
                    if e.key.is(key) {
                        return Probe::Found(ix as usize);
                    }
                    if e.hash == hash {
                        if seen >= skip {
                            return Probe::Compare(ix as usize, seen);
                        }
                        seen += 1;
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }
    fn insert_slot(&mut self, hash: i64, entry_index: usize) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices.get(i) >= 0 {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.indices.set(i, entry_index as i64);
    }
    /// `dictresize(calculate_log2_keysize(minsize))`.
    fn resize(&mut self, minsize: usize) {
        self.resize_to(keys_size_for(minsize));
    }
    /// Rebuild the table with `size` slots, entries in order.
    fn resize_to(&mut self, size: usize) {
        let old: Vec<Option<Entry>> = std::mem::take(&mut self.entries);
        let str_keys = self.str_keys;
        *self = Table::with_size(size);
        self.str_keys = str_keys;
        for e in old.into_iter().flatten() {
            let idx = self.entries.len();
            let h = e.hash;
            self.entries.push(Some(e));
            self.insert_slot(h, idx);
            self.used += 1;
            self.usable -= 1;
        }
    }
    fn remove_index(&mut self, entry_index: usize) -> Option<Entry> {
        // Find the slot pointing at this entry and mark it DUMMY.
        let e = self.entries[entry_index].as_ref()?;
        let hash = e.hash;
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if self.indices.get(i) == entry_index as i64 {
                self.indices.set(i, DUMMY);
                break;
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
        self.used -= 1;
        self.entries[entry_index].take()
    }
}

enum Probe {
    Found(usize),
    /// An entry with an equal hash, the n-th such candidate.
    Compare(usize, usize),
    NotFound,
}

/// CPython 3.11's cached keys of a class whose instances have a managed
/// `__dict__`: the attribute names its instances share (30 at most, less
/// one for each instance created, as CPython lets the room shrink), kept
/// here only for the size a split instance dict reports.
pub struct SharedKeys {
    /// The names, as str objects (counted references: CPython's shared
    /// keys hold theirs too), shared with the entries of the split dicts
    /// over them (`KeyRef::shared`): one count for all of them. Only ever
    /// grow.
    pub names: RefCell<Vec<std::rc::Rc<PyRef>>>,
    /// The names' addresses, for identity tests without following the Rc.
    ids: RefCell<Vec<usize>>,
    pub usable: Cell<usize>,
    /// One bit per name, picked by its address (`name_bit`): an interned
    /// key whose bit is clear is none of the interned names.
    interned_bits: Cell<u64>,
    /// How many names were not interned when they were added.
    uninterned: Cell<usize>,
    /// The inline value room for instances made before any name is known
    /// (`object_impl::first_room`), once worked out.
    pub first_room: Cell<Option<u8>>,
}

/// A str's bit in `SharedKeys::interned_bits`.
#[inline]
fn name_bit(s: &PyRef) -> u64 {
    1u64 << ((s.id() >> 4) & 63)
}

#[inline]
fn is_interned(s: &PyRef) -> bool {
    s.flags() & crate::object::flags::INTERNED != 0 && !s.has_ext()
}

impl SharedKeys {
    pub fn new() -> std::rc::Rc<SharedKeys> {
        std::rc::Rc::new(SharedKeys { names: RefCell::new(Vec::new()), ids: RefCell::new(Vec::new()), usable: Cell::new(30), interned_bits: Cell::new(0), uninterned: Cell::new(0), first_room: Cell::new(None) })
    }
    /// Entries of a split dict's values array (`shared_keys_usable_size`).
    pub fn capacity(&self) -> usize {
        self.names.borrow().len() + self.usable.get()
    }
    /// `init_inline_values`: every new instance takes one slot of room.
    pub fn note_instance(&self) {
        if self.usable.get() > 1 {
            self.usable.set(self.usable.get() - 1);
        }
    }
    /// The index of the name equal to the str `key` among the first `upto`
    /// names (by identity first: the same interned name is the common case).
    #[inline]
    pub fn index_of(&self, key: &PyRef, upto: usize) -> Option<usize> {
        // Two interned strs are equal only if identical: an interned key
        // is compared by text only with names that are not interned. Most
        // lookups that get here miss (a method name looked for among the
        // attributes first), and most of those end at the bit test.
        let interned = is_interned(key);
        if interned && self.interned_bits.get() & name_bit(key) == 0 && self.uninterned.get() == 0 {
            return None;
        }
        {
            let ids = self.ids.borrow();
            if let Some(i) = ids[..upto.min(ids.len())].iter().position(|&n| n == key.id()) {
                return Some(i);
            }
        }
        let names = self.names.borrow();
        let names = &names[..upto.min(names.len())];
        let k = key.payload::<crate::types::str::StrData>()?;
        if interned {
            if self.uninterned.get() == 0 {
                return None;
            }
            return names.iter().position(|n| !is_interned(n) && n.payload::<crate::types::str::StrData>().is_some_and(|s| crate::types::str::eq(s, k)));
        }
        names.iter().position(|n| n.payload::<crate::types::str::StrData>().is_some_and(|s| crate::types::str::eq(s, k)))
    }

    /// Whether `key` is surely none of the names: an interned str whose
    /// bit is clear when every name is interned (a quick negative test;
    /// `false` says nothing).
    #[inline]
    pub fn surely_lacks(&self, key: &PyRef) -> bool {
        self.uninterned.get() == 0 && self.interned_bits.get() & name_bit(key) == 0 && is_interned(key)
    }

    /// Whether name `i` is `name` itself.
    #[inline]
    pub fn is_name(&self, i: usize, name: &PyRef) -> bool {
        self.ids.borrow().get(i).is_some_and(|&n| n == name.id())
    }

    /// The name `i` (a counted reference).
    pub fn name(&self, i: usize) -> Option<PyRef> {
        self.names.borrow().get(i).map(|n| (**n).clone())
    }

    /// The first `n` names (counted references).
    pub fn first_names(&self, n: usize) -> Vec<PyRef> {
        self.names.borrow().iter().take(n).map(|n| (**n).clone()).collect()
    }

    /// Whether a split dict can store `key` (adding it to the names).
    pub fn admit(&self, key: &PyRef) -> bool {
        self.admit_name(key).is_some()
    }

    /// The shared name a split dict stores for `key` (added to the names
    /// if new); `None` when it cannot store it.
    pub fn admit_name(&self, key: &PyRef) -> Option<std::rc::Rc<PyRef>> {
        let k = key.payload::<crate::types::str::StrData>()?;
        if key.has_ext() {
            return None;
        }
        let mut names = self.names.borrow_mut();
        // The same interned name object is the common case: compare
        // addresses before texts.
        if let Some(i) = self.ids.borrow().iter().position(|&n| n == key.id()) {
            return Some(names[i].clone());
        }
        if let Some(n) = names.iter().find(|n| crate::types::str::as_str(n) == k.as_str()) {
            return Some(n.clone());
        }
        if self.usable.get() == 0 {
            return None;
        }
        if is_interned(key) {
            self.interned_bits.set(self.interned_bits.get() | name_bit(key));
        } else {
            self.uninterned.set(self.uninterned.get() + 1);
        }
        let n = std::rc::Rc::new(key.clone());
        names.push(n.clone());
        self.ids.borrow_mut().push(key.id());
        self.usable.set(self.usable.get() - 1);
        Some(n)
    }
}

pub struct DictData {
    pub table: RefCell<Table>,
    /// Bumped on every mutation (lookups restart when it changes under them).
    pub version: Cell<u64>,
    /// Set while an instance dict is a split table over its class's shared
    /// keys (CPython 3.11); such a dict reports the split size.
    pub shared: RefCell<Option<std::rc::Rc<SharedKeys>>>,
    /// Set when this dict is a type's namespace: the type's version, which
    /// every change to the dict advances (`typeobj::lookup`'s cache).
    pub type_version: std::cell::OnceCell<std::rc::Rc<crate::types::typeobj::TypeVersion>>,
    /// Changes, to a value no other dict ever had, whenever the set of
    /// keys or their entry indices may change (not when a value is
    /// replaced): the global-name caches (`GlobalHint`) check it.
    keys_version: Cell<u64>,
}

thread_local! {
    static KEYS_VERSIONS: Cell<u64> = const { Cell::new(1) };
}

/// A keys version never used before (`DictData::keys_version`).
#[inline]
fn next_keys_version() -> u64 {
    KEYS_VERSIONS.with(|c| {
        let v = c.get() + 1;
        c.set(v);
        v
    })
}

impl DictData {
    /// The table, to change it (the tracer hears of the change).
    #[inline]
    fn table_mut(&self) -> std::cell::RefMut<'_, Table> {
        crate::observe::touch(self as *const Self as usize);
        if let Some(v) = self.type_version.get() {
            v.modified();
        }
        self.table.borrow_mut()
    }

    pub fn new() -> DictData {
        DictData {
            table: RefCell::new(Table::default()),
            version: Cell::new(0),
            shared: RefCell::new(None),
            type_version: std::cell::OnceCell::new(),
            keys_version: Cell::new(next_keys_version()),
        }
    }

    /// The table, to add or remove keys or rebuild it.
    #[inline]
    fn table_mut_keys(&self) -> std::cell::RefMut<'_, Table> {
        self.keys_version.set(next_keys_version());
        self.table_mut()
    }

    /// See the field.
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version.get()
    }

    /// The value of entry `idx` (a str-keyed namespace's entry found
    /// earlier, while `keys_version` is unchanged).
    #[inline]
    pub fn value_at(&self, idx: usize) -> Option<PyRef> {
        match self.table.borrow().entries.get(idx) {
            Some(Some(e)) => Some(e.value.clone()),
            _ => None,
        }
    }

    /// `get_str` through a hint: the entry index where the key was found
    /// last time (attribute names are found at the same index in the
    /// dicts of instances of one class); the hint is updated on a miss.
    #[inline]
    pub fn get_str_hinted(&self, key: &PyRef, hint: &Cell<u32>) -> Option<PyRef> {
        if let Some(v) = self.value_at_if_key(hint.get() as usize, key) {
            return Some(v);
        }
        let idx = self.find_str_index(key)?;
        hint.set(idx as u32);
        self.value_at(idx)
    }

    /// Replace the value of the str key at the hinted entry (see
    /// `get_str_hinted`), as `set_hashed` would; gives the value back when
    /// the hint does not point at the key.
    #[inline]
    pub fn replace_str_hinted(&self, owner: &PyRef, key: &PyRef, hint: &Cell<u32>, value: PyRef) -> Result<(), PyRef> {
        let idx = hint.get() as usize;
        let hit = matches!(self.table.borrow().entries.get(idx), Some(Some(e)) if e.key.is(key));
        if !hit {
            return Err(value);
        }
        if !gc::is_tracked(owner) && owner.flags() & crate::object::flags::MANAGED_DICT == 0 && gc::may_be_tracked(&value) {
            gc::track(owner);
        }
        let old = {
            let mut t = self.table_mut();
            let e = t.entries[idx].as_mut().expect("entry");
            std::mem::replace(&mut e.value, value)
        };
        self.bump();
        drop(old);
        Ok(())
    }

    /// Empty the table for the collector (`Trace::clear`); `None` when it
    /// is borrowed right now.
    pub fn take_table_for_clear(&self) -> Option<Table> {
        let mut t = self.table.try_borrow_mut().ok()?;
        self.keys_version.set(next_keys_version());
        Some(std::mem::take(&mut *t))
    }
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn bump(&self) {
        self.version.set(self.version.get().wrapping_add(1));
    }

    /// Find the entry index of `key`. May run `__eq__`.
    fn find(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Option<usize>> {
        let mut skip = 0;
        loop {
            let (probe, version) = {
                let t = self.table.borrow();
                (t.probe_identity(key, hash, skip), self.version.get())
            };
            match probe {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::NotFound => return Ok(None),
                Probe::Compare(i, n) => {
                    let candidate = match &self.table.borrow().entries[i] {
                        // Keys that compare without running code (equal
                        // strs that are different objects, the usual
                        // case) need no reference of their own.
                        Some(e) => match crate::ops::eq_fast(vm, &e.key, key) {
                            Some(true) => return Ok(Some(i)),
                            Some(false) => {
                                skip = n + 1;
                                continue;
                            }
                            None => e.key.clone(),
                        },
                        None => {
                            skip = n + 1;
                            continue;
                        }
                    };
                    let equal = crate::ops::eq(vm, &candidate, key)?;
                    if self.version.get() != version {
                        // Mutated during the comparison: start over.
                        skip = 0;
                        continue;
                    }
                    if equal {
                        return Ok(Some(i));
                    }
                    skip = n + 1;
                }
            }
        }
    }

    pub fn get_hashed(&self, vm: &Vm, key: &PyRef, hash: i64) -> PyResult<Option<PyRef>> {
        Ok(match self.find(vm, key, hash)? {
            Some(i) => self.table.borrow().entries[i].as_ref().map(|e| e.value.clone()),
            None => None,
        })
    }

    pub fn get(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<PyRef>> {
        let h = crate::ops::hash(vm, key)?;
        self.get_hashed(vm, key, h)
    }

    pub fn contains(&self, vm: &Vm, key: &PyRef) -> PyResult<bool> {
        let h = crate::ops::hash(vm, key)?;
        Ok(self.find(vm, key, h)?.is_some())
    }

    /// Insert or replace. The replaced value is dropped after the table is
    /// released (its `__del__` may look at the dict).
    ///
    /// `owner` is the dict object whose payload `self` is: like CPython's
    /// MAINTAIN_TRACKING, an untracked dict starts being tracked by the
    /// collector when a key or value that may be tracked is stored.
    pub fn set_hashed(&self, vm: &Vm, owner: &PyRef, key: PyRef, hash: i64, value: PyRef) -> PyResult<()> {
        self.track_for(owner, &key, &value);
        let old = match self.find(vm, &key, hash)? {
            Some(i) => {
                let mut t = self.table_mut();
                let e = t.entries[i].as_mut().expect("entry");
                crate::observe::dict_set(self, &e.key, i, false);
                Some(std::mem::replace(&mut e.value, value))
            }
            None => {
                self.insert_new(key, hash, value);
                None
            }
        };
        self.bump();
        drop(old);
        Ok(())
    }

    fn track_for(&self, owner: &PyRef, key: &PyRef, value: &PyRef) {
        debug_assert!(get(owner).is_some_and(|d| std::ptr::eq(d, self)), "owner is the dict itself");
        if !gc::is_tracked(owner)
            && owner.flags() & crate::object::flags::MANAGED_DICT == 0
            && (gc::may_be_tracked(key) || gc::may_be_tracked(value))
        {
            gc::track(owner);
        }
    }

    /// Insert a key that a lookup just did not find, with no Python code
    /// run since: no second lookup, so no second round of `__eq__` calls
    /// (CPython's `dict.setdefault` inserts into the empty slot it found).
    pub fn insert_absent_hashed(&self, owner: &PyRef, key: PyRef, hash: i64, value: PyRef) {
        self.track_for(owner, &key, &value);
        self.insert_new(key, hash, value);
        self.bump();
    }

    fn insert_new(&self, key: PyRef, hash: i64, value: PyRef) {
        let mut t = self.table_mut_keys();
        if t.indices.is_empty() {
            *t = Table::with_size(MIN_SIZE);
        } else if t.str_keys && (key.kind() != Kind::Str || key.has_ext()) && self.shared.borrow().is_none() {
            // A str-keys table becomes a general one through a resize.
            let used = t.used;
            t.resize(used * 3);
        }
        // A split dict stores the shared name (no count of its own); a key
        // the shared keys cannot take turns it combined, resized as
        // CPython's insertion_resize does.
        let shared_name = self.shared.borrow().as_ref().map(|sk| sk.admit_name(&key));
        let key = match shared_name {
            Some(Some(n)) => KeyRef::shared(n),
            Some(None) => {
                self.unsplit(&mut t);
                let used = t.used;
                t.resize(used * 3);
                KeyRef::own(key)
            }
            None => KeyRef::own(key),
        };
        if t.usable == 0 {
            let used = t.used;
            t.resize(used * 3);
        }
        if key.kind() != Kind::Str || key.has_ext() {
            t.str_keys = false;
        }
        let idx = t.entries.len();
        crate::observe::dict_set(self, &key, idx, true);
        t.entries.push(Some(Entry { hash, key, value }));
        t.insert_slot(hash, idx);
        t.used += 1;
        t.usable -= 1;
    }

    pub fn set(&self, vm: &Vm, owner: &PyRef, key: PyRef, value: PyRef) -> PyResult<()> {
        let h = crate::ops::hash(vm, &key)?;
        self.set_hashed(vm, owner, key, h, value)
    }

    /// Remove `key`; returns the (key, value) removed.
    pub fn remove(&self, vm: &Vm, key: &PyRef) -> PyResult<Option<(PyRef, PyRef)>> {
        let h = crate::ops::hash(vm, key)?;
        let Some(i) = self.find(vm, key, h)? else { return Ok(None) };
        let e = self.table_mut_keys().remove_index(i);
        if let Some(e) = &e {
            crate::observe::dict_del(self, &e.key);
        }
        self.bump();
        Ok(e.map(|e| (e.key.into_owned(), e.value)))
    }

    /// `dict_merge`'s sizing before the items of dict `other` are inserted
    /// into this one: an empty dict takes over the layout of a compact
    /// `other` (returns true: CPython copies the table, so the keys go in
    /// without lookups); otherwise the table is presized for both when
    /// `other` would not fit.
    pub fn prepare_merge(&self, other: &DictData) -> bool {
        if std::ptr::eq(self, other) {
            return false;
        }
        let ot = other.table.borrow();
        if ot.used == 0 {
            return false;
        }
        let mut t = self.table_mut_keys();
        let split = self.shared.borrow().is_some();
        if t.used == 0 && other.shared.borrow().is_none() && ot.used == ot.entries.len() {
            let osize = ot.size();
            if osize == MIN_SIZE || usable_fraction(osize / 2) < ot.used {
                *self.shared.borrow_mut() = None;
                let mut nt = Table::with_size(osize);
                nt.str_keys = ot.str_keys;
                *t = nt;
                return true;
            }
        }
        let room = if split { usable_fraction(64) } else { usable_fraction(t.size()) };
        if room < ot.used {
            self.unsplit(&mut t);
            let n = t.used + ot.used;
            // (an empty dict's shared empty keys count as str keys)
            t.str_keys = (t.indices.is_empty() || t.str_keys) && ot.str_keys;
            t.resize((n * 3 + 1) / 2);
        }
        false
    }

    /// `dict.fromkeys`' sizing of a new, empty dict for the `n` keys of a
    /// dict or set: CPython's `dictresize(estimate_log2_keysize(n))`, with
    /// a str-keys table when the source dict's is one.
    pub fn presize_for(&self, n: usize, str_keys: bool) {
        let mut t = self.table_mut_keys();
        *self.shared.borrow_mut() = None;
        let mut nt = Table::with_size(keys_size_for((n * 3 + 1) / 2));
        nt.str_keys = str_keys;
        *t = nt;
    }

    /// Whether the keys are all exact str (CPython's unicode-keys table;
    /// an empty dict's shared empty keys count as such).
    pub fn has_str_keys(&self) -> bool {
        let t = self.table.borrow();
        t.indices.is_empty() || t.str_keys
    }

    /// `dict.copy()`'s sizing: a split dict copies as split, a compact one
    /// keeps its layout, others are merged into a new dict.
    pub fn prepare_copy_of(&self, src: &DictData) {
        if let Some(sk) = src.shared.borrow().as_ref() {
            *self.shared.borrow_mut() = Some(sk.clone());
            return;
        }
        let st = src.table.borrow();
        if !st.indices.is_empty() && st.used >= st.entries.len() * 2 / 3 {
            let mut nt = Table::with_size(st.size());
            nt.str_keys = st.str_keys;
            *self.table_mut_keys() = nt;
            return;
        }
        drop(st);
        self.prepare_merge(src);
    }

    /// A split dict becomes combined: its entries take counted keys (as
    /// CPython copies them out of the shared keys).
    fn unsplit(&self, t: &mut Table) {
        if self.shared.borrow_mut().take().is_some() {
            for e in t.entries.iter_mut().flatten() {
                if e.key.is_shared() {
                    e.key = e.key.to_owned_key();
                }
            }
        }
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table_mut_keys());
        *self.shared.borrow_mut() = None;
        self.bump();
        drop(old);
    }

    /// A snapshot of the entries, in order.
    pub fn items(&self) -> Vec<(PyRef, PyRef)> {
        self.table.borrow().entries.iter().flatten().map(|e| (e.key.clone(), e.value.clone())).collect()
    }
    /// The keys and values, in order, appended to `keys` and `values`.
    pub fn append_items_to(&self, keys: &mut Vec<PyRef>, values: &mut Vec<PyRef>) {
        for e in self.table.borrow().entries.iter().flatten() {
            keys.push(e.key.clone());
            values.push(e.value.clone());
        }
    }
    pub fn keys(&self) -> Vec<PyRef> {
        self.table.borrow().entries.iter().flatten().map(|e| e.key.clone()).collect()
    }
    pub fn keys_hashed(&self) -> Vec<(i64, PyRef)> {
        self.table.borrow().entries.iter().flatten().map(|e| (e.hash, e.key.clone())).collect()
    }
    pub fn values(&self) -> Vec<PyRef> {
        self.table.borrow().entries.iter().flatten().map(|e| e.value.clone()).collect()
    }

    /// The entry at position `pos` or later with its hash: (next pos, hash, key, value).
    pub fn entry_hashed_from(&self, pos: usize) -> Option<(usize, i64, PyRef, PyRef)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.entries.len() {
            if let Some(e) = &t.entries[p] {
                return Some((p + 1, e.hash, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }

    /// The entry at position `pos` or before, last first: (next pos, key,
    /// value). The first position is `entries_len() - 1`.
    pub fn entry_before(&self, pos: isize) -> Option<(isize, PyRef, PyRef)> {
        let t = self.table.borrow();
        let mut p = pos.min(t.entries.len() as isize - 1);
        while p >= 0 {
            if let Some(e) = &t.entries[p as usize] {
                return Some((p - 1, e.key.clone(), e.value.clone()));
            }
            p -= 1;
        }
        None
    }

    /// Entry positions used so far (CPython's dk_nentries).
    pub fn entries_len(&self) -> usize {
        self.table.borrow().entries.len()
    }

    /// The entry at position `pos` or later (for iterators): (next pos, key, value).
    pub fn entry_from(&self, pos: usize) -> Option<(usize, PyRef, PyRef)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.entries.len() {
            if let Some(e) = &t.entries[p] {
                return Some((p + 1, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }

    pub fn popitem(&self) -> Option<(PyRef, PyRef)> {
        let mut t = self.table_mut_keys();
        // A split table becomes combined at the shared keys' size first.
        if self.shared.borrow().is_some() && t.used > 0 {
            self.unsplit(&mut t);
            t.resize_to(64);
        }
        let last = t.entries.iter().rposition(|e| e.is_some())?;
        let e = t.remove_index(last)?;
        // CPython also trims the entries array.
        t.entries.truncate(last);
        t.usable += 0;
        drop(t);
        self.bump();
        Some((e.key.into_owned(), e.value))
    }

    /// The entry index and value of a str key (as `get_str`).
    pub fn get_str_with_index(&self, key: &PyRef) -> Option<(usize, PyRef)> {
        let idx = self.find_str_index(key)?;
        let t = self.table.borrow();
        t.entries[idx].as_ref().map(|e| (idx, e.value.clone()))
    }

    /// The value of entry `idx` if that entry's key is `key` itself.
    #[inline]
    pub fn value_at_if_key(&self, idx: usize, key: &PyRef) -> Option<PyRef> {
        let t = self.table.borrow();
        match t.entries.get(idx) {
            Some(Some(e)) if e.key.is(key) => Some(e.value.clone()),
            _ => None,
        }
    }

    /// The entry index of a str key, found without running Python code:
    /// str keys compare by value.
    fn find_str_index(&self, key: &PyRef) -> Option<usize> {
        let sd = key.payload::<crate::types::str::StrData>()?;
        let vm = Vm::current();
        let hash = sd.hash(vm);
        let t = self.table.borrow();
        if t.indices.is_empty() {
            return None;
        }
        let mask = t.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = t.indices.get(i);
            if ix == EMPTY {
                return None;
            }
            if ix >= 0 {
                if let Some(e) = &t.entries[ix as usize] {
                    if e.key.is(key) {
                        return Some(ix as usize);
                    }
                    if e.hash == hash {
                        if let Some(ks) = e.key.payload::<crate::types::str::StrData>() {
                            if crate::types::str::eq(ks, sd) {
                                return Some(ix as usize);
                            }
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(perturb as usize).wrapping_add(1)) & mask;
        }
    }

    /// Lookup by an interned/str key without running Python code: str keys
    /// compare by value. Used for namespaces (globals, class dicts).
    pub fn get_str(&self, key: &PyRef) -> Option<PyRef> {
        let idx = self.find_str_index(key)?;
        self.table.borrow().entries[idx].as_ref().map(|e| e.value.clone())
    }
}

impl Default for DictData {
    fn default() -> Self {
        Self::new()
    }
}

/// The dict payload of a dict (or dict subclass) object.
#[inline]
pub fn get(obj: &PyRef) -> Option<&DictData> {
    obj.payload::<DictData>()
}

pub fn get_str_key(dict: &PyRef, key: &PyRef) -> Option<PyRef> {
    get(dict)?.get_str(key)
}

pub fn set_item_str(vm: &Vm, dict: &PyRef, key: PyRef, value: PyRef) {
    if let Some(d) = get(dict) {
        let h = key.payload::<crate::types::str::StrData>().map(|s| s.hash(vm)).unwrap_or(0);
        // str keys never raise in hash/eq against str keys of namespaces.
        let _ = d.set_hashed(vm, dict, key, h, value);
    }
}

pub fn del_item_str(vm: &Vm, dict: &PyRef, key: &PyRef) -> bool {
    match get(dict) {
        Some(d) => matches!(d.remove(vm, key), Ok(Some(_))),
        None => false,
    }
}

pub fn set_item(vm: &Vm, dict: &PyRef, key: PyRef, value: PyRef) -> PyResult<()> {
    match get(dict) {
        Some(d) => d.set(vm, dict, key, value),
        None => crate::ops::set_item(vm, dict, key, value),
    }
}

pub fn items(dict: &PyRef) -> Vec<(PyRef, PyRef)> {
    get(dict).map(|d| d.items()).unwrap_or_default()
}

/// A view (`keys()`, `values()`, `items()`) over a dict.
pub struct DictViewData {
    pub dict: PyRef,
}

#[cfg(test)]
mod tests {
    use super::keys_size_for;

    /// CPython's calculate_log2_keysize, bit trick included.
    #[test]
    fn keys_sizes() {
        let got: Vec<usize> = [0, 1, 3, 7, 8, 9, 15, 16, 30, 81, 126].iter().map(|&m| keys_size_for(m)).collect();
        assert_eq!(got, [8, 16, 16, 16, 8, 16, 16, 32, 32, 128, 128]);
    }
}
