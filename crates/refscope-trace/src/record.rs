//! The recorder: an observer of the runtime that writes refscope's trace
//! format (docs/trace-format.md) while the program runs.
//!
//! Per step it writes only what changed. It keeps, for every object it has
//! shown, the ids that object refers to and its last reported count — never
//! a reference: the object core's watch list (`object::heap::watch`) hands a
//! reference back when the object needs to be read again and forgets the
//! object when it is freed. A step then costs what the program changed:
//!
//! - the objects freed since the last step (the free hook's notes) leave the
//!   known set;
//! - a long list or dict changed only in ways the runtime described
//!   (`observe::Edit`: append, pop, insert, del, item assignment; dict set,
//!   del, pop) is written as a splice computed from those edits and the
//!   recorder's copy of its ids, reading only what came in: an append to a
//!   list of n items costs O(1), not O(n);
//! - other containers the runtime noted as changed (`observe::touch`) and
//!   objects newly reachable from a frame's names or from a changed
//!   container are encoded (a long container changed in a few places as a
//!   splice of its earlier contents, found by comparing ids);
//! - the counts of the objects a frame's names, a changed container or a
//!   freed object referred to are read again, and reported when they moved;
//! - the frames are compared with the previous step's (kept as ids and
//!   names) and written as the change: frames left and entered, names bound
//!   and unbound, lines of frames other than the innermost.
//!
//! (A container changed in other ways, sort or slice assignment, is still
//! read whole: the trace grows with what changed, the recorder's time then
//! with the size of what changed.)
//!
//! Counts are read after every other reference the recorder took for the
//! step is gone, when it holds exactly one reference to each object it
//! reports on: the reported count is the program's references.

use refscope_runtime::object::{heap, Kind, PyRef};
use refscope_runtime::observe::{self, Event, Observer};
use refscope_runtime::types::*;
use refscope_runtime::vm::Vm;
use serde_json::{json, Map, Value};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;

/// Hashing for object ids (addresses): they are already well spread but
/// for their low bits, which are alike (alignment); SipHash's resistance to
/// chosen keys is not needed for them, and costs a fifth of a step.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 4 ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(26);
    }
}

type IdMap<V> = std::collections::HashMap<usize, V, BuildHasherDefault<IdHasher>>;
type IdSet = HashSet<usize, BuildHasherDefault<IdHasher>>;

/// Tables one step uses (kept for the next, empty).
#[derive(Default)]
struct Scratch {
    held: IdMap<PyRef>,
    rc_check: IdSet,
    done: IdSet,
    seen_touch: IdSet,
}

/// What the recorder remembers of an object it has shown.
struct Known {
    /// Last reported count (None: a cached object, no count shown).
    rc: Option<usize>,
    /// Ids this object referred to when last encoded.
    refs: Vec<usize>,
    /// Addresses `touch` reports for this object besides its id (a list's
    /// items, a dict's table, an instance's `__dict__` table, a cell's value).
    aliases: Vec<usize>,
    /// How `refs` lies in the encoding: a list's or set's `items`, a dict's
    /// `entries` flattened, or neither (no splice possible).
    layout: Layout,
    /// For a dict whose edits were applied (`apply_edits`): where each key
    /// (by id) is in `refs` (pair index). Made at the first edit, kept up
    /// to date by the edits, dropped when `refs` is set otherwise.
    positions: Option<IdMap<usize>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Items,
    Entries,
    Other,
}

impl Layout {
    fn of(obj: &Map<String, Value>) -> Layout {
        if obj.contains_key("items") {
            Layout::Items
        } else if obj.contains_key("entries") {
            Layout::Entries
        } else {
            Layout::Other
        }
    }
}

/// Containers this long or longer that changed in a few places are written
/// as a splice of their earlier encoding (docs/trace-format.md): an
/// `append` to a long list costs one id, not the whole list.
const SPLICE_FROM: usize = 8;

/// The change from `old` to `new` (a container's references, as `layout`
/// lays them out) as a splice `[start, deleted, inserted]`, when that is
/// shorter than the new encoding.
fn splice_of(layout: Layout, old: &[usize], new: &[usize], obj: &Map<String, Value>) -> Option<Value> {
    let width = match layout {
        Layout::Items => 1,
        Layout::Entries => 2,
        Layout::Other => return None,
    };
    let (o, n) = (old.len() / width, new.len() / width);
    if n < SPLICE_FROM || old.len() % width != 0 || new.len() % width != 0 {
        return None;
    }
    let same = |i: usize, j: usize| old[i * width..(i + 1) * width] == new[j * width..(j + 1) * width];
    let prefix = (0..o.min(n)).take_while(|&i| same(i, i)).count();
    let suffix = (0..o.min(n) - prefix).take_while(|&i| same(o - 1 - i, n - 1 - i)).count();
    let inserted = n - prefix - suffix;
    if 2 * inserted >= n {
        return None;
    }
    let field = if width == 1 { "items" } else { "entries" };
    let all = obj.get(field)?.as_array()?;
    Some(json!([prefix, o - prefix - suffix, all[prefix..n - suffix].to_vec()]))
}

pub struct Recorder {
    out: Box<dyn Write>,
    /// Steps are recorded only in frames running this file's code.
    filename: String,
    step: u64,
    max_steps: u64,
    known: IdMap<Known>,
    alias: IdMap<usize>,
    gc: Option<(usize, usize, usize)>,
    pending_collected: Vec<usize>,
    /// Output written since the last recorded step.
    stdout: String,
    /// Frees noted since the last recorded step (also from skipped events).
    freed: Vec<usize>,
    touched: Vec<usize>,
    /// What some of the changes were (`observe::Edit`), in order.
    edits: Vec<observe::Edit>,
    /// Ignore `edits`: read every changed container whole (as before the
    /// runtime described its changes; the tests compare the two).
    pub rescan_only: bool,
    collection_from: Option<usize>,
    /// The frames as the previous step recorded them (each step writes
    /// only how they changed).
    frames: Vec<FrameRec>,
    /// The previous step's line.
    last_line: u32,
    scratch: Scratch,
    /// The step limit was reached.
    pub truncated: bool,
    error: Option<std::io::Error>,
}

/// Objects whose count is this high are the interpreter's cached,
/// never-freed objects.
const CACHED_COUNT: usize = 1 << 29;

impl Recorder {
    pub fn new(out: Box<dyn Write>, filename: &str, source: &str, max_steps: u64) -> std::io::Result<Recorder> {
        let mut r = Recorder {
            out,
            filename: filename.to_string(),
            step: 0,
            max_steps,
            known: IdMap::default(),
            alias: IdMap::default(),
            gc: None,
            pending_collected: Vec::new(),
            stdout: String::new(),
            freed: Vec::new(),
            touched: Vec::new(),
            edits: Vec::new(),
            rescan_only: false,
            collection_from: None,
            frames: Vec::new(),
            last_line: 0,
            scratch: Scratch::default(),
            truncated: false,
            error: None,
        };
        let program = std::path::Path::new(filename).file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
        let header = json!({"format": "refscope-trace", "version": 2, "python": "3.11", "program": program, "code": source});
        r.write_line(&header);
        Ok(r)
    }

    pub fn steps(&self) -> u64 {
        self.step
    }

    /// Flush the trace; the first write error, if any.
    pub fn finish(&mut self) -> std::io::Result<()> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()
    }

    fn write_line(&mut self, v: &Value) {
        if self.error.is_some() {
            return;
        }
        let r = serde_json::to_writer(&mut self.out, v).map_err(std::io::Error::other).and_then(|_| self.out.write_all(b"\n"));
        if let Err(e) = r {
            self.error = Some(e);
        }
    }

    fn absorb_changes(&mut self) {
        let ch = observe::take_changes();
        if let Some(from) = ch.collection_from {
            self.collection_from = Some(self.freed.len() + from);
        }
        self.freed.extend(ch.freed);
        // A dict that took over an instance's inline attributes: its
        // changes are the instance's from then on (the instance itself did
        // not change, so it is not read again). Changes noted earlier at
        // the same address were to another object, whose block the dict
        // reuses: they are dropped.
        let (mut touched, mut edits) = (ch.touched, ch.edits);
        for (addr, owner, t_at, e_at) in ch.adopted {
            self.touched.retain(|&a| a != addr);
            self.edits.retain(|e| edit_addr(e) != addr);
            let t_at = t_at.min(touched.len());
            let e_at = e_at.min(edits.len());
            let later_touches = touched.split_off(t_at);
            touched.retain(|&a| a != addr);
            touched.extend(later_touches);
            let later_edits = edits.split_off(e_at);
            edits.retain(|e| edit_addr(e) != addr);
            edits.extend(later_edits);
            if let Some(k) = self.known.get_mut(&owner) {
                self.alias.insert(addr, owner);
                k.aliases.push(addr);
            }
        }
        self.touched.extend(touched);
        if self.rescan_only {
            self.touched.extend(edits.iter().map(edit_addr));
        } else {
            self.edits.extend(edits);
        }
        self.stdout.push_str(&ch.stdout);
    }

    fn in_program(&self, frame: &PyRef) -> bool {
        frame::get(frame).and_then(|f| code::get(&f.code)).is_some_and(|c| &*c.code.filename == self.filename.as_str())
    }

    /// Record a step at `frame`; with no frame (the program has ended with
    /// an uncaught exception, its frames are gone), at the last recorded
    /// step's line, with the frames as that step showed them.
    fn record(&mut self, vm: &Vm, event: &str, frame: Option<&PyRef>, ret: Option<&PyRef>, exc: Option<&PyRef>) {
        if self.step >= self.max_steps {
            if !self.truncated {
                // Python Tutor's limit, but chosen by the user: the program
                // ends here (SystemExit before its next instruction).
                self.truncated = true;
                observe::request_stop();
            }
            return;
        }
        // Scratch tables kept between steps (emptied), not made anew.
        let mut held = std::mem::take(&mut self.scratch.held);
        let mut rc_check = std::mem::take(&mut self.scratch.rc_check);
        let mut done = std::mem::take(&mut self.scratch.done);
        let mut seen_touch = std::mem::take(&mut self.scratch.seen_touch);

        // Frees: those objects leave the picture.
        let freed_all = std::mem::take(&mut self.freed);
        let collection_from = self.collection_from.take();
        let mut freed = Vec::new();
        let mut collected = std::mem::take(&mut self.pending_collected);
        for (i, a) in freed_all.iter().enumerate() {
            if let Some(k) = self.known.remove(a) {
                freed.push(*a);
                if collection_from.is_some_and(|from| i >= from) {
                    collected.push(*a);
                }
                for al in k.aliases {
                    if self.alias.get(&al) == Some(a) {
                        self.alias.remove(&al);
                    }
                }
                rc_check.extend(k.refs);
            }
        }

        // A name unbound or rebound since the last step took a reference
        // from its old object: the previous step's names are counted again.
        for f in &self.frames {
            for (_, id) in &f.names {
                rc_check.insert(*id);
            }
        }

        // Changed containers and the frames' names.
        let mut encoded: Vec<(usize, Map<String, Value>)> = Vec::new();
        let mut queue: Vec<PyRef> = Vec::new();
        let touched = std::mem::take(&mut self.touched);
        for a in touched {
            if !seen_touch.insert(a) {
                continue;
            }
            if let Some(&id) = self.alias.get(&a) {
                if let Some(o) = heap::watched(id) {
                    queue.push(o);
                }
            }
        }
        // Containers changed only in ways the runtime described: their
        // edits are applied to what the recorder remembers of them (a
        // container also touched otherwise, or unknown, is read whole or
        // is new, and its edits are dropped).
        let edits = std::mem::take(&mut self.edits);
        if !edits.is_empty() {
            let mut by_object: IdMap<Vec<observe::Edit>> = IdMap::default();
            for e in edits {
                let a = edit_addr(&e);
                if seen_touch.contains(&a) {
                    continue;
                }
                if let Some(&id) = self.alias.get(&a) {
                    by_object.entry(id).or_default().push(e);
                }
            }
            for (id, list) in by_object {
                let Some(o) = heap::watched(id) else { continue };
                done.insert(id);
                if !self.apply_edits(&o, &list, &mut rc_check, &mut held, &mut queue, &done, &mut encoded) {
                    done.remove(&id);
                    queue.push(o);
                }
            }
        }
        let frames: Vec<PyRef> = if frame.is_some() { vm.frames.borrow().iter().filter(|f| self.in_program(f)).cloned().collect() } else { Vec::new() };
        let mut cur_frames = Vec::with_capacity(frames.len());
        for f in &frames {
            let Some(fd) = frame::get(f) else { continue };
            let Some(cd) = code::get(&fd.code) else { continue };
            let mut names = frame_names(f);
            if frame.is_some_and(|fr| f.is(fr)) {
                if let Some(v) = ret {
                    names.push(("__return__".to_string(), v.clone()));
                }
            }
            let mut rec_names = Vec::with_capacity(names.len());
            for (n, o) in names {
                rec_names.push((n, o.id()));
                rc_check.insert(o.id());
                if !self.known.contains_key(&o.id()) {
                    queue.push(o.clone());
                }
                held.entry(o.id()).or_insert(o);
            }
            cur_frames.push(FrameRec { id: f.id(), name: cd.code.name.to_string(), line: cd.code.line_of(fd.lasti.get() as usize), names: rec_names });
        }

        // Encode what is new or changed, and what it newly reaches.
        while let Some(o) = queue.pop() {
            let id = o.id();
            if !done.insert(id) {
                continue;
            }
            if self.splice_known(&o, &mut rc_check, &mut held, &mut queue, &done, &mut encoded) {
                continue;
            }
            let (mut obj, refs, aliases) = encode(vm, &o);
            let ref_ids: Vec<usize> = refs.iter().map(|r| r.id()).collect();
            let layout = Layout::of(&obj);
            if let Some(k) = self.known.get(&id).filter(|k| k.layout == layout) {
                if let Some(splice) = splice_of(layout, &k.refs, &ref_ids, &obj) {
                    obj = Map::new();
                    obj.insert("id".into(), json!(id));
                    obj.insert("splice".into(), splice);
                }
            }
            for r in refs {
                rc_check.insert(r.id());
                if !self.known.contains_key(&r.id()) && !done.contains(&r.id()) {
                    queue.push(r.clone());
                }
                held.entry(r.id()).or_insert(r);
            }
            for al in &aliases {
                self.alias.insert(*al, id);
            }
            self.alias.insert(id, id);
            heap::watch(&o);
            self.known.insert(id, Known { rc: None, refs: ref_ids, aliases, layout, positions: None });
            held.entry(id).or_insert(o);
            encoded.push((id, obj));
        }
        drop(queue);

        // Counts, now that the recorder holds exactly one reference to each
        // object it reports on.
        for id in &rc_check {
            if !held.contains_key(id) && self.known.contains_key(id) {
                if let Some(o) = heap::watched(*id) {
                    held.insert(*id, o);
                }
            }
        }
        let count = |o: &PyRef| -> Option<usize> {
            let n = o.refcount();
            (n < CACHED_COUNT).then(|| n.saturating_sub(1))
        };
        let mut objects = Vec::new();
        for (id, mut obj) in encoded {
            let rc = held.get(&id).and_then(count);
            match rc {
                Some(n) => {
                    obj.insert("rc".into(), json!(n));
                }
                None if !obj.contains_key("splice") => {
                    obj.insert("cached".into(), json!(true));
                }
                None => {}
            }
            if let Some(k) = self.known.get_mut(&id) {
                k.rc = rc;
            }
            objects.push(Value::Object(obj));
        }
        let mut refcounts = Vec::new();
        let mut ids: Vec<usize> = rc_check.iter().copied().filter(|id| !done.contains(id)).collect();
        ids.sort_unstable();
        for id in ids {
            let Some(k) = self.known.get_mut(&id) else { continue };
            let Some(o) = held.get(&id) else { continue };
            let rc = count(o);
            if rc != k.rc {
                k.rc = rc;
                if let Some(n) = rc {
                    refcounts.push(json!([id, n]));
                }
            }
        }

        let (fname, line) = match frame {
            Some(frame) => (
                frame::get(frame).and_then(|f| code::get(&f.code)).map(|c| c.code.name.to_string()).unwrap_or_default(),
                frame::get(frame).and_then(|f| code::get(&f.code).map(|c| c.code.line_of(f.lasti.get() as usize))).unwrap_or(0),
            ),
            None => {
                cur_frames = self.frames.clone();
                (cur_frames.last().map(|f| f.name.clone()).unwrap_or_default(), self.last_line)
            }
        };
        let mut step = Map::new();
        step.insert("step".into(), json!(self.step));
        step.insert("event".into(), json!(event));
        step.insert("line".into(), json!(line));
        step.insert("func".into(), json!(fname));
        if self.step == 0 {
            step.insert("frames".into(), Value::Array(cur_frames.iter().map(FrameRec::to_json).collect()));
        } else if let Some(delta) = frames_delta(&self.frames, &cur_frames, line) {
            step.insert("stack".into(), delta);
        }
        self.frames = cur_frames;
        self.last_line = line;
        if let Some(e) = exc {
            let text = refscope_runtime::exception_text(vm, &refscope_runtime::vm::PyErr(e.clone()));
            let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").to_string();
            step.insert("exception_msg".into(), json!(last));
        }
        if !self.stdout.is_empty() {
            step.insert("stdout".into(), json!(std::mem::take(&mut self.stdout)));
        }
        if !objects.is_empty() {
            step.insert("objects".into(), Value::Array(objects));
        }
        if !freed.is_empty() {
            step.insert("freed".into(), json!(freed));
        }
        if !refcounts.is_empty() {
            step.insert("refcounts".into(), Value::Array(refcounts));
        }
        if let Some((g, c, u)) = self.gc.take() {
            step.insert("gc".into(), json!({"generation": g, "collected": c, "uncollectable": u}));
            step.insert("collected".into(), json!(collected));
        } else if !collected.is_empty() {
            self.pending_collected = collected;
        }
        // (A table a big step grew is dropped: emptying it costs its size.)
        if held.capacity() + rc_check.capacity() + done.capacity() + seen_touch.capacity() <= 1 << 14 {
            held.clear();
            rc_check.clear();
            done.clear();
            seen_touch.clear();
            self.scratch = Scratch { held, rc_check, done, seen_touch };
        } else {
            drop(held);
        }
        drop(frames);
        self.write_line(&Value::Object(step));
        self.step += 1;
        // What the recorder itself freed (its temporary references) is not
        // the program's doing.
        let _ = observe::take_changes();
    }
}

impl Recorder {
    /// A long list, dict or set the recorder has shown before, changed in
    /// a few places: written as a splice found from the ids alone (no
    /// encoding of every item, no count check of every item, only of those
    /// that came in or went out). False when that does not apply (the
    /// caller encodes the object whole). Without this an `append` loop on
    /// a list of n items cost O(n) JSON values, clones and count checks per
    /// step: tracing 40,000 appends took two minutes.
    #[allow(clippy::too_many_arguments)]
    fn splice_known(
        &mut self,
        o: &PyRef,
        rc_check: &mut IdSet,
        held: &mut IdMap<PyRef>,
        queue: &mut Vec<PyRef>,
        done: &IdSet,
        encoded: &mut Vec<(usize, Map<String, Value>)>,
    ) -> bool {
        let id = o.id();
        let Some(k) = self.known.get(&id) else { return false };
        // (Exact scalars are encoded whole; a list, dict or set is so only
        // when it is not one of them, as in `encode`.)
        let (width, new): (usize, Vec<usize>) = match o.kind() {
            Kind::List if k.layout == Layout::Items => match list::get(o) {
                Some(l) => (1, l.items.borrow().iter().map(|r| r.id()).collect()),
                None => return false,
            },
            Kind::Set if k.layout == Layout::Items => match set::get(o) {
                Some(st) => (1, st.items().iter().map(|r| r.id()).collect()),
                None => return false,
            },
            Kind::Dict if k.layout == Layout::Entries => match dict::get(o) {
                Some(d) => (2, d.items().iter().flat_map(|(a, b)| [a.id(), b.id()]).collect()),
                None => return false,
            },
            _ => return false,
        };
        let old = &k.refs;
        let (on, nn) = (old.len() / width, new.len() / width);
        if nn < SPLICE_FROM || old.len() % width != 0 {
            return false;
        }
        let same = |i: usize, j: usize| old[i * width..(i + 1) * width] == new[j * width..(j + 1) * width];
        let prefix = (0..on.min(nn)).take_while(|&i| same(i, i)).count();
        let suffix = (0..on.min(nn) - prefix).take_while(|&i| same(on - 1 - i, nn - 1 - i)).count();
        let inserted = nn - prefix - suffix;
        if 2 * inserted >= nn {
            return false;
        }
        let deleted = on - prefix - suffix;
        let (lo, hi) = (prefix * width, (nn - suffix) * width);
        let ins: Vec<Value> = if width == 1 {
            new[lo..hi].iter().map(|i| json!(i)).collect()
        } else {
            new[lo..hi].chunks(2).map(|p| json!([p[0], p[1]])).collect()
        };
        // What went out may have lost its last reference from here.
        rc_check.extend(old[prefix * width..(prefix + deleted) * width].iter().copied());
        // What came in: counted, and shown if new.
        let incoming: Vec<PyRef> = match o.kind() {
            Kind::List => list::get(o).map(|l| l.items.borrow()[prefix..nn - suffix].to_vec()).unwrap_or_default(),
            Kind::Set => set::get(o).map(|st| st.items()[prefix..nn - suffix].to_vec()).unwrap_or_default(),
            _ => dict::get(o).map(|d| d.items()[prefix..nn - suffix].iter().flat_map(|(a, b)| [a.clone(), b.clone()]).collect()).unwrap_or_default(),
        };
        if incoming.len() != hi - lo || incoming.iter().zip(&new[lo..hi]).any(|(r, &i)| r.id() != i) {
            return false;
        }
        if let Some(k) = self.known.get_mut(&id) {
            k.refs = new;
            k.positions = None;
        }
        self.write_splice(o, json!([prefix, deleted, ins]), incoming, rc_check, held, queue, done, encoded);
        true
    }

    /// The end of a splice: what came in is count-checked and queued for
    /// encoding when new, and the splice record is written.
    #[allow(clippy::too_many_arguments)]
    fn write_splice(
        &self,
        o: &PyRef,
        splice: Value,
        incoming: Vec<PyRef>,
        rc_check: &mut IdSet,
        held: &mut IdMap<PyRef>,
        queue: &mut Vec<PyRef>,
        done: &IdSet,
        encoded: &mut Vec<(usize, Map<String, Value>)>,
    ) {
        for r in incoming {
            rc_check.insert(r.id());
            if !self.known.contains_key(&r.id()) && !done.contains(&r.id()) {
                queue.push(r.clone());
            }
            held.entry(r.id()).or_insert(r);
        }
        let id = o.id();
        let mut obj = Map::new();
        obj.insert("id".into(), json!(id));
        obj.insert("splice".into(), splice);
        held.entry(id).or_insert_with(|| o.clone());
        encoded.push((id, obj));
    }
}

impl Recorder {
    /// A long list or dict the recorder has shown before, changed only in
    /// ways the runtime described (`edits`, in order): written as one
    /// splice computed from the edits, reading only the items or entries
    /// that came in. The unchanged part is never read: an `append` costs
    /// O(1), not the list's length. False when that does not apply (the
    /// caller reads the object whole; what the recorder remembered of a
    /// dict is then marked as not to be spliced from).
    #[allow(clippy::too_many_arguments)]
    fn apply_edits(
        &mut self,
        o: &PyRef,
        edits: &[observe::Edit],
        rc_check: &mut IdSet,
        held: &mut IdMap<PyRef>,
        queue: &mut Vec<PyRef>,
        done: &IdSet,
        encoded: &mut Vec<(usize, Map<String, Value>)>,
    ) -> bool {
        let id = o.id();
        let Some(k) = self.known.get_mut(&id) else { return false };
        // The composed splice: `prefix` items at the start and `suffix` at
        // the end were in none of the edits' ranges.
        let old_len = k.refs.len();
        let (splice, incoming) = match (o.kind(), k.layout) {
            (Kind::List, Layout::Items) => {
                let Some(l) = list::get(o) else { return false };
                let (mut prefix, mut suffix, mut len) = (old_len, old_len, old_len);
                for e in edits {
                    let observe::Edit::ListSplice { index, removed, inserted, .. } = *e else { return false };
                    if index + removed > len {
                        return false;
                    }
                    prefix = prefix.min(index);
                    suffix = suffix.min(len - index - removed);
                    len = len - removed + inserted;
                }
                let items = l.items.borrow();
                if items.len() != len || len < SPLICE_FROM {
                    return false;
                }
                let (prefix, suffix) = (prefix.min(len), suffix.min(len - prefix.min(len)).min(old_len - prefix.min(old_len)));
                let incoming: Vec<PyRef> = items[prefix..len - suffix].to_vec();
                drop(items);
                if 2 * incoming.len() >= len {
                    return false;
                }
                let ids: Vec<usize> = incoming.iter().map(|r| r.id()).collect();
                let ins: Vec<Value> = ids.iter().map(|i| json!(i)).collect();
                let deleted = old_len - prefix - suffix;
                rc_check.extend(k.refs.splice(prefix..prefix + deleted, ids));
                (json!([prefix, deleted, ins]), incoming)
            }
            (Kind::Dict, Layout::Entries) => {
                let Some(d) = dict::get(o) else { return false };
                let new_len = d.len();
                if new_len < SPLICE_FROM || old_len % 2 != 0 {
                    return false;
                }
                match apply_dict_edits(k, d, edits, rc_check) {
                    Some(r) => r,
                    None => {
                        // `refs` may be half-edited: read the dict whole.
                        k.layout = Layout::Other;
                        k.positions = None;
                        return false;
                    }
                }
            }
            _ => return false,
        };
        self.write_splice(o, splice, incoming, rc_check, held, queue, done, encoded);
        true
    }
}

/// Apply a dict's edits to what the recorder remembers of it (`k.refs`,
/// key and value ids in pairs): the splice to write and the keys and values
/// that came in. None when the edits do not fit what is remembered (then
/// `k.refs` may be half-edited).
fn apply_dict_edits(k: &mut Known, d: &dict::DictData, edits: &[observe::Edit], rc_check: &mut IdSet) -> Option<(Value, Vec<PyRef>)> {
    let old_len = k.refs.len() / 2;
    let positions = k.positions.get_or_insert_with(|| k.refs.chunks(2).enumerate().map(|(i, p)| (p[0], i)).collect());
    let (mut prefix, mut suffix, mut len) = (old_len, old_len, old_len);
    // The keys given a value, with their entry in the table (the value is
    // read from there at the end: only the last one matters).
    let mut set: Vec<(usize, usize)> = Vec::new();
    for e in edits {
        match *e {
            observe::Edit::DictSet { key, entry, added, .. } => {
                let pos = match positions.get(&key) {
                    Some(&pos) if !added => pos,
                    None if added => {
                        positions.insert(key, len);
                        k.refs.extend([key, key]);
                        len += 1;
                        len - 1
                    }
                    _ => return None,
                };
                prefix = prefix.min(pos);
                suffix = suffix.min(len - pos - 1);
                set.push((key, entry));
            }
            observe::Edit::DictDel { key, .. } => {
                let pos = positions.remove(&key)?;
                rc_check.extend(k.refs.drain(2 * pos..2 * pos + 2));
                for p in k.refs[2 * pos..].iter().step_by(2) {
                    *positions.get_mut(p)? -= 1;
                }
                prefix = prefix.min(pos);
                suffix = suffix.min(len - pos - 1);
                len -= 1;
            }
            observe::Edit::ListSplice { .. } => return None,
        }
    }
    if d.len() != len {
        return None;
    }
    let mut incoming = Vec::with_capacity(2 * set.len());
    let mut read = IdSet::default();
    for (key, entry) in set.into_iter().rev() {
        let Some(&pos) = positions.get(&key) else { continue };
        if !read.insert(key) {
            continue;
        }
        let (next, kr, vr) = d.entry_from(entry)?;
        if next != entry + 1 || kr.id() != key {
            return None;
        }
        let old = std::mem::replace(&mut k.refs[2 * pos + 1], vr.id());
        rc_check.insert(old);
        incoming.push(kr);
        incoming.push(vr);
    }
    let prefix = prefix.min(len);
    let suffix = suffix.min(len - prefix).min(old_len.saturating_sub(prefix));
    let inserted = len - prefix - suffix;
    if 2 * inserted >= len {
        return None;
    }
    let ins: Vec<Value> = k.refs[2 * prefix..2 * (len - suffix)].chunks(2).map(|p| json!([p[0], p[1]])).collect();
    Some((json!([prefix, old_len - prefix - suffix, ins]), incoming))
}

/// The container an edit is of (the address `touch` notes).
fn edit_addr(e: &observe::Edit) -> usize {
    let (observe::Edit::ListSplice { addr, .. } | observe::Edit::DictSet { addr, .. } | observe::Edit::DictDel { addr, .. }) = *e;
    addr
}

impl Observer for Recorder {
    fn into_any(self: Box<Self>) -> Box<dyn std::any::Any> {
        self
    }

    fn event(&mut self, vm: &Vm, event: Event<'_>) {
        self.absorb_changes();
        match event {
            Event::Line { frame, .. } if self.in_program(frame) => self.record(vm, "step_line", Some(frame), None, None),
            Event::Call { frame } if self.in_program(frame) && frame::get(frame).is_some_and(|f| f.runs_function_body()) => self.record(vm, "call", Some(frame), None, None),
            Event::Return { frame, value } if self.in_program(frame) => {
                // A function's return shows its value; the module's (the
                // last step) shows the final state.
                let is_function = frame::get(frame).is_some_and(|f| f.runs_function_body());
                self.record(vm, "return", Some(frame), is_function.then_some(value), None)
            }
            Event::Exception { frame, exc } if self.in_program(frame) => self.record(vm, "exception", Some(frame), None, Some(exc)),
            Event::Uncaught { exc } => {
                let top = vm.frames.borrow().iter().find(|f| self.in_program(f)).cloned();
                self.record(vm, "uncaught_exception", top.as_ref(), None, Some(exc));
            }
            Event::Collection { generation, collected, uncollectable } => {
                self.gc = Some((generation, collected, uncollectable));
            }
            _ => {}
        }
    }
}

/// A frame as a step shows it: identity, function name, line, and its
/// names with the ids they refer to.
#[derive(PartialEq, Clone)]
struct FrameRec {
    id: usize,
    name: String,
    line: u32,
    names: Vec<(String, usize)>,
}

impl FrameRec {
    fn to_json(&self) -> Value {
        json!({"id": self.id, "name": self.name, "line": self.line, "names": names_json(&self.names)})
    }
}

fn names_json(names: &[(String, usize)]) -> Value {
    Value::Array(names.iter().map(|(n, id)| json!([n, id])).collect())
}

fn has_duplicates(names: &[(String, usize)]) -> bool {
    let mut seen = HashSet::with_capacity(names.len());
    names.iter().any(|(n, _)| !seen.insert(n.as_str()))
}

/// How the frames changed from `old` (the previous step's) to `new`
/// (docs/trace-format.md, "How frames change"), or None when they did not.
/// `line` is the step's line: the innermost frame's line unless the change
/// says otherwise.
fn frames_delta(old: &[FrameRec], new: &[FrameRec], line: u32) -> Option<Value> {
    // Frames kept: the longest common prefix of the same frames.
    let kept = old.iter().zip(new).take_while(|(a, b)| a.id == b.id && a.name == b.name).count();
    let mut delta = Map::new();
    if old.len() > kept {
        delta.insert("pop".into(), json!(old.len() - kept));
    }
    let mut changes = Vec::new();
    for (i, (a, b)) in old.iter().zip(new).take(kept).enumerate() {
        let mut c = Map::new();
        c.insert("i".into(), json!(i));
        let innermost = i + 1 == new.len();
        // A reader only knows a kept frame's line when it is not the
        // innermost one (the innermost frame's line is the step's), so a
        // frame that was innermost and is no longer gets its line written.
        let was_innermost = i + 1 == old.len();
        let line_known = if innermost { Some(line) } else if was_innermost { None } else { Some(a.line) };
        if line_known != Some(b.line) {
            c.insert("line".into(), json!(b.line));
        }
        if a.names != b.names {
            names_delta(&a.names, &b.names, &mut c);
        }
        if c.len() > 1 {
            changes.push(Value::Object(c));
        }
    }
    if !changes.is_empty() {
        delta.insert("change".into(), Value::Array(changes));
    }
    if new.len() > kept {
        let pushed: Vec<Value> = new[kept..]
            .iter()
            .enumerate()
            .map(|(j, f)| {
                let mut v = f.to_json();
                // The innermost frame's line is the step's.
                if kept + j + 1 == new.len() && f.line == line {
                    v.as_object_mut().unwrap().remove("line");
                }
                v
            })
            .collect();
        delta.insert("push".into(), Value::Array(pushed));
    }
    (!delta.is_empty()).then_some(Value::Object(delta))
}

/// The change of one frame's names: `unbind` (names gone), then `bind`
/// (each rebound in place, or added at the end); `names` (all of them, in
/// order) when a name was added anywhere but at the end.
fn names_delta(old: &[(String, usize)], new: &[(String, usize)], c: &mut Map<String, Value>) {
    if !has_duplicates(old) && !has_duplicates(new) {
        let now: HashSet<&str> = new.iter().map(|(n, _)| n.as_str()).collect();
        let unbind: Vec<&str> = old.iter().map(|(n, _)| n.as_str()).filter(|n| !now.contains(n)).collect();
        let kept: Vec<&(String, usize)> = old.iter().filter(|(n, _)| now.contains(n.as_str())).collect();
        if new.len() >= kept.len() && kept.iter().zip(new).all(|(a, b)| a.0 == b.0) {
            let mut bind: Vec<Value> = kept.iter().zip(new).filter(|(a, b)| a.1 != b.1).map(|(_, b)| json!([b.0, b.1])).collect();
            bind.extend(new[kept.len()..].iter().map(|(n, id)| json!([n, id])));
            if !unbind.is_empty() {
                c.insert("unbind".into(), json!(unbind));
            }
            if !bind.is_empty() {
                c.insert("bind".into(), Value::Array(bind));
            }
            return;
        }
    }
    c.insert("names".into(), names_json(new));
}

/// The names of a frame in the order the trace shows them: a function's
/// locals, cells and free variables; a module's or class body's namespace
/// without dunder names.
fn frame_names(frame: &PyRef) -> Vec<(String, PyRef)> {
    refscope_runtime::modules::refscope::frame_names(frame).unwrap_or_default()
}

fn is_exact(vm: &Vm, o: &PyRef, ty: &PyRef) -> bool {
    let _ = vm;
    o.ty().is(ty)
}

/// Encode `o` (docs/trace-format.md, "Objects"), without its count. Returns
/// the encoding, the objects it refers to (to be shown too) and the
/// addresses `touch` reports for it.
fn encode(vm: &Vm, o: &PyRef) -> (Map<String, Value>, Vec<PyRef>, Vec<usize>) {
    let mut m = Map::new();
    let mut refs: Vec<PyRef> = Vec::new();
    let mut aliases: Vec<usize> = Vec::new();
    m.insert("id".into(), json!(o.id()));
    m.insert("type".into(), json!(vm.type_name(o)));
    let heap_type = typeobj::data(o.ty()).flag(typeobj::tflags::HEAPTYPE);
    let scalar_types = [&vm.types.int, &vm.types.bool_, &vm.types.float, &vm.types.complex, &vm.types.str_, &vm.types.bytes, &vm.types.none_type];
    if scalar_types.iter().any(|t| is_exact(vm, o, t)) || o.is(&vm.none) || o.is(&vm.ellipsis) || o.is(&vm.not_implemented) {
        let text = refscope_runtime::ops::repr_string(vm, o).unwrap_or_default();
        m.insert("value".into(), json!(shorten(&text, 2000)));
        if o.kind() == Kind::Str {
            m.insert("text".into(), json!(shorten(str::as_str(o), 2000)));
            if o.flags() & refscope_runtime::object::flags::INTERNED != 0 {
                m.insert("interned".into(), json!(true));
            }
        }
        return (m, refs, aliases);
    }
    match o.kind() {
        Kind::List => {
            let l = list::get(o).unwrap();
            aliases.push(l as *const _ as usize);
            refs = l.snapshot();
            m.insert("items".into(), json!(refs.iter().map(|r| r.id()).collect::<Vec<_>>()));
        }
        Kind::Tuple => {
            refs = tuple::items(o).to_vec();
            m.insert("items".into(), json!(refs.iter().map(|r| r.id()).collect::<Vec<_>>()));
        }
        Kind::Set => {
            let s = set::get(o).unwrap();
            aliases.push(s as *const _ as usize);
            refs = s.items();
            m.insert("items".into(), json!(refs.iter().map(|r| r.id()).collect::<Vec<_>>()));
        }
        Kind::Dict => {
            let d = dict::get(o).unwrap();
            aliases.push(d as *const _ as usize);
            let mut entries = Vec::new();
            for (k, v) in d.items() {
                entries.push(json!([k.id(), v.id()]));
                refs.push(k);
                refs.push(v);
            }
            m.insert("entries".into(), Value::Array(entries));
        }
        Kind::Cell => {
            let c = cell::get_cell(o);
            aliases.push(c as *const _ as usize);
            if let Some(v) = c.get() {
                m.insert("value".into(), json!(v.id()));
                refs.push(v);
            }
        }
        Kind::MemoryView => {
            // The object whose bytes the view shares (an alias: writes
            // through the view change it); none once released.
            let mut attrs = Vec::new();
            if let Some(x) = refscope_runtime::types::memoryview::exporter(o) {
                attrs.push(json!(["obj", x.id()]));
                refs.push(x);
            }
            m.insert("attrs".into(), Value::Array(attrs));
        }
        Kind::Method => {
            let md = method::get(o).unwrap();
            m.insert("func".into(), json!(md.func.id()));
            m.insert("self".into(), json!(md.self_.id()));
            refs.push(md.func.clone());
            refs.push(md.self_.clone());
        }
        Kind::Function => {
            let f = function::get(o).unwrap();
            let code = f.code.borrow().clone();
            m.insert("name".into(), json!(str::as_str(&f.name.borrow())));
            if let Some(cd) = code::get(&code) {
                m.insert("params".into(), json!(signature(&cd.code)));
                if let Some(cl) = &f.closure {
                    let mut cells = Vec::new();
                    for (name, c) in cd.code.freevars.iter().zip(tuple::items(cl)) {
                        cells.push(json!([&**name, c.id()]));
                        refs.push(c.clone());
                    }
                    m.insert("cells".into(), Value::Array(cells));
                }
            }
            if let Some(d) = f.defaults.borrow().as_ref() {
                let ds = tuple::items(d).to_vec();
                m.insert("defaults".into(), json!(ds.iter().map(|r| r.id()).collect::<Vec<_>>()));
                refs.extend(ds);
            }
        }
        Kind::Type if typeobj::data(o).flag(typeobj::tflags::HEAPTYPE) => {
            let t = typeobj::data(o);
            m.insert("name".into(), json!(t.name.borrow().clone()));
            let bases = tuple::items(&t.bases.borrow()).to_vec();
            m.insert("bases".into(), json!(bases.iter().map(|b| b.id()).collect::<Vec<_>>()));
            refs.extend(bases);
            let d = dict::get(&t.dict).unwrap();
            aliases.push(d as *const _ as usize);
            let mut attrs = Vec::new();
            for (k, v) in d.items() {
                if k.kind() != Kind::Str {
                    continue;
                }
                let name = str::as_str(&k).to_string();
                // The namespace entries every class has are left out; the
                // program's own (methods, `__init__` included) are shown.
                if matches!(name.as_str(), "__module__" | "__qualname__" | "__dict__" | "__weakref__" | "__doc__") {
                    continue;
                }
                attrs.push(json!([name, v.id()]));
                refs.push(v);
            }
            m.insert("attrs".into(), Value::Array(attrs));
        }
        Kind::Exception => {
            // An exception: the fields its type keeps (a group's `message`
            // and `exceptions`: the parts `split` makes share their
            // leaves), its own attributes, `args`, and the exceptions it
            // is chained to. Its traceback (frames) is not drawn.
            if !heap_type {
                // A builtin exception's repr runs no Python code.
                let text = refscope_runtime::ops::repr_string(vm, o).unwrap_or_else(|_| format!("<{} object>", vm.type_name(o)));
                m.insert("repr".into(), json!(shorten(&text, 200)));
            }
            let mut attrs = Vec::new();
            if let Some(e) = refscope_runtime::types::exceptions::get(o) {
                let mut add = |name: &str, v: PyRef| {
                    attrs.push(json!([name, v.id()]));
                    refs.push(v);
                };
                for (n, v) in e.fields.borrow().iter() {
                    add(n, v.clone());
                }
                if let Some(d) = e.dict.borrow().clone() {
                    if let Some(dd) = dict::get(&d) {
                        aliases.push(dd as *const _ as usize);
                        for (k, v) in dd.items() {
                            if k.kind() == Kind::Str {
                                add(str::as_str(&k), v);
                            }
                        }
                    }
                }
                add("args", e.args.borrow().clone());
                if let Some(c) = e.cause.borrow().clone() {
                    add("__cause__", c);
                }
                if let Some(c) = e.context.borrow().clone() {
                    add("__context__", c);
                }
            }
            m.insert("attrs".into(), Value::Array(attrs));
        }
        _ if heap_type => {
            // An instance of a class the program defined.
            let mut attrs = Vec::new();
            if let Some(ext) = o.ext() {
                if let Some(d) = ext.dict.get() {
                    if let Some(dd) = dict::get(&d) {
                        aliases.push(dd as *const _ as usize);
                        for (k, v) in dd.items() {
                            if k.kind() == Kind::Str {
                                attrs.push(json!([str::as_str(&k), v.id()]));
                                refs.push(v);
                            }
                        }
                    }
                }
                for (k, v) in refscope_runtime::ops::inline_attrs(o) {
                    attrs.push(json!([str::as_str(&k), v.id()]));
                    refs.push(v);
                }
                let names = typeobj::data(o.ty()).slot_names.borrow().clone();
                for (i, s) in o.slots().iter().enumerate() {
                    if let Some(v) = s.get() {
                        let name = names.get(i).cloned().unwrap_or_else(|| format!("<slot {}>", i));
                        attrs.push(json!([name, v.id()]));
                        refs.push(v);
                    }
                }
            }
            m.insert("attrs".into(), Value::Array(attrs));
        }
        _ => {
            // Builtin objects the program only refers to (modules, builtin
            // functions and types, iterators...): their repr, which for
            // builtin types runs no Python code.
            let text = refscope_runtime::ops::repr_string(vm, o).unwrap_or_else(|_| format!("<{} object>", vm.type_name(o)));
            m.insert("repr".into(), json!(shorten(&text, 200)));
            if o.kind() == Kind::Type {
                m.insert("name".into(), json!(typeobj::data(o).name.borrow().clone()));
            }
        }
    }
    (m, refs, aliases)
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 3).collect::<String>() + "..."
    }
}

/// A function's parameter list as written (without defaults' values):
/// `(a, b, /, c, *args, d, **kw)`.
fn signature(c: &refscope_runtime::compiler::CodeObject) -> String {
    use refscope_runtime::compiler::bytecode::code_flags;
    let mut parts = Vec::new();
    let argc = c.argcount as usize;
    let posonly = c.posonlyargcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    for (i, n) in c.varnames.iter().take(argc).enumerate() {
        parts.push(n.to_string());
        if posonly > 0 && i + 1 == posonly {
            parts.push("/".into());
        }
    }
    let mut idx = argc + kwonly;
    if c.flags & code_flags::VARARGS != 0 {
        parts.push(format!("*{}", c.varnames.get(idx).map(|s| s.to_string()).unwrap_or_default()));
        idx += 1;
    } else if kwonly > 0 {
        parts.push("*".into());
    }
    for n in c.varnames.iter().skip(argc).take(kwonly) {
        parts.push(n.to_string());
    }
    if c.flags & code_flags::VARKEYWORDS != 0 {
        parts.push(format!("**{}", c.varnames.get(idx).map(|s| s.to_string()).unwrap_or_default()));
    }
    format!("({})", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::replay::apply_frames;

    fn fr(id: usize, name: &str, line: u32, names: &[(&str, usize)]) -> FrameRec {
        FrameRec { id, name: name.into(), line, names: names.iter().map(|(n, i)| (n.to_string(), *i)).collect() }
    }

    /// Each state is (step line, frames). Writing each as changes to the
    /// previous one and reading the changes back gives the same frames.
    fn round_trip(states: &[(u32, Vec<FrameRec>)]) -> Vec<Value> {
        let mut prev: Vec<FrameRec> = Vec::new();
        let mut replayed: Vec<Value> = Vec::new();
        let mut written = Vec::new();
        for (k, (line, frames)) in states.iter().enumerate() {
            let mut step = json!({"step": k, "line": line});
            if k == 0 {
                step["frames"] = Value::Array(frames.iter().map(FrameRec::to_json).collect());
            } else if let Some(d) = frames_delta(&prev, frames, *line) {
                step["stack"] = d;
            }
            apply_frames(&mut replayed, &step).unwrap();
            let want: Vec<Value> = frames.iter().map(FrameRec::to_json).collect();
            assert_eq!(replayed, want, "state {}: {}", k, step);
            written.push(step);
            prev = frames.clone();
        }
        written
    }

    #[test]
    fn frames_written_as_changes_read_back_the_same() {
        let m = |line, names: &[(&str, usize)]| fr(1, "<module>", line, names);
        let steps = round_trip(&[
            (1, vec![m(1, &[])]),
            (2, vec![m(2, &[("a", 10)])]),
            (3, vec![m(3, &[("a", 10)])]),
            // a call: the module's line is written, f's is the step's
            (5, vec![m(3, &[("a", 10), ("f", 11)]), fr(2, "f", 5, &[("n", 10)])]),
            // a local bound before an earlier variable: all names written
            (6, vec![m(3, &[("a", 10), ("f", 11)]), fr(2, "f", 6, &[("n", 10), ("y", 12)])]),
            (7, vec![m(3, &[("a", 10), ("f", 11)]), fr(2, "f", 7, &[("n", 10), ("x", 13), ("y", 12)])]),
            // recursion: the same function twice, then a frame left and
            // another entered at the same address
            (5, vec![m(3, &[("a", 10), ("f", 11)]), fr(2, "f", 7, &[("n", 10), ("x", 13), ("y", 12)]), fr(3, "f", 5, &[("n", 14)])]),
            (9, vec![m(3, &[("a", 10), ("f", 11)]), fr(2, "f", 7, &[("n", 10), ("x", 13), ("y", 12)]), fr(3, "g", 9, &[])]),
            // the innermost frame's line not the step's (an uncaught exception)
            (4, vec![m(3, &[("a", 10), ("f", 11)]), fr(2, "f", 8, &[("n", 10), ("x", 13), ("y", 12), ("__return__", 0)])]),
            // back in the module: a name unbound, one rebound, one added
            (4, vec![m(4, &[("f", 15), ("b", 16)])]),
            // `del a; a = 1` moves a to the end
            (5, vec![m(5, &[("f", 15), ("b", 16), ("a", 17)])]),
            (6, vec![m(6, &[("b", 16), ("a", 17), ("f", 15)])]),
            // a name listed twice
            (7, vec![m(7, &[("b", 16), ("b", 17)])]),
            (8, vec![]),
            (9, vec![m(9, &[])]),
        ]);
        assert!(steps[2].get("stack").is_none(), "only the line changed: {}", steps[2]);
        assert_eq!(steps[3]["stack"]["change"][0]["line"], 3, "{}", steps[3]);
        assert!(steps[3]["stack"]["push"][0].get("line").is_none(), "{}", steps[3]);
        assert!(steps[5]["stack"]["change"][0].get("names").is_some(), "{}", steps[5]);
        assert_eq!(steps[7]["stack"]["pop"], 1, "{}", steps[7]);
        assert_eq!(steps[9]["stack"]["change"][0]["unbind"], json!(["a"]), "{}", steps[9]);
    }

    #[test]
    fn splices_read_back_the_same_contents() {
        let items = |ids: &[usize]| json!({"id": 1, "type": "list", "items": ids}).as_object().unwrap().clone();
        let entries = |ids: &[usize]| json!({"id": 1, "type": "dict", "entries": ids.chunks(2).map(|p| vec![p[0], p[1]]).collect::<Vec<_>>()}).as_object().unwrap().clone();
        let ten: Vec<usize> = (0..10).collect();
        let cases: Vec<(Layout, Vec<usize>, Vec<usize>)> = vec![
            (Layout::Items, ten.clone(), (0..11).collect()),                                  // append
            (Layout::Items, ten.clone(), [vec![99], ten.clone()].concat()),                   // insert at 0
            (Layout::Items, ten.clone(), [&ten[..4], &ten[5..]].concat()),                    // del xs[4]
            (Layout::Items, ten.clone(), [&ten[..3], &[7, 7, 7][..], &ten[5..]].concat()),    // slice assignment
            (Layout::Items, vec![1; 10], vec![1; 11]),                                        // the same item repeated
            (Layout::Items, ten.clone(), ten.clone()),                                        // unchanged
            (Layout::Entries, (0..20).collect(), (0..22).collect()),                          // d[new] = v
            (Layout::Entries, (0..20).collect(), [&(0..5).collect::<Vec<_>>()[..], &[5, 50][..], &(7..20).collect::<Vec<_>>()[..]].concat()), // d[k] = v
        ];
        for (layout, old, new) in cases {
            let (old_obj, new_obj) = match layout {
                Layout::Items => (items(&old), items(&new)),
                _ => (entries(&old), entries(&new)),
            };
            let splice = splice_of(layout, &old, &new, &new_obj).unwrap_or_else(|| panic!("no splice for {:?} -> {:?}", old, new));
            let mut replayed = Value::Object(old_obj);
            crate::replay::apply_splice(&mut replayed, &splice).unwrap();
            assert_eq!(replayed, Value::Object(new_obj), "{:?} -> {:?} by {}", old, new, splice);
        }
        // A short list, or one mostly rewritten, is written whole.
        assert!(splice_of(Layout::Items, &[1, 2], &[1, 2, 3], &items(&[1, 2, 3])).is_none());
        let reversed: Vec<usize> = ten.iter().rev().copied().collect();
        assert!(splice_of(Layout::Items, &ten, &reversed, &items(&reversed)).is_none());
    }
}
