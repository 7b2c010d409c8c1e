// refscope's trace viewer: shows one step of a trace (docs/trace-format.md)
// at a time: the code with the line about to run, the output so far, the
// frames with their names, and the objects reachable from those names as
// boxes joined by arrows.
//
// How it stays responsive on a trace of a million steps:
// - The script runs before the trace's elements are parsed, and shows step
//   0 as soon as the first of them is complete; the rest of the page is
//   read by the browser meanwhile (the steps known so far can be shown).
// - The trace's text is indexed (line offsets) one element at a time, when
//   a step in it is first needed; an element's `data-first` gives the index
//   of its first line, so no element has to be read to find another. A
//   step's JSON is parsed only when it is shown or replayed, and a few
//   thousand parsed steps are kept.
// - The heap at step K is the heap before step 0 (empty) with the changes of
//   steps 0..K applied. A builder replays the whole trace once, in the
//   background, and keeps a copy of the heap (and of the output so far and
//   the frames) at some multiples of CHECKPOINT_EVERY steps: at least a
//   quarter of the heap's size in steps apart, so that the copies cost at
//   most four entries per step replayed.
// - The shown step has its own replayed state. Going to step K starts from
//   the current state when it lies between K's checkpoint and K, else from
//   the nearest checkpoint at or before K, else (K beyond what the builder
//   has reached) from the builder's own state once it gets there. One step
//   forward applies one step's changes, one step back undoes them (each
//   applied step keeps what it replaced).
// - All replay runs in slices of a few milliseconds between which the page
//   handles input and paints: a jump that needs more than one slice shows
//   its progress and can be overtaken by another control.
// - A heap entry ({o: encoding, rc}) is never changed once made, so a
//   checkpoint can share entries with the live heap, and the heap's shards
//   are copied only when changed (see Heap).
// - Drawing a step keeps the boxes of the last drawing whose entries (and
//   badges) are the same, moving as few as it can, and the arrows' path
//   elements; a drawing that is mostly new is made a batch per slice.
// - The frames are replayed the same way: a step records them whole
//   (`frames`) or as changes to the previous step's (`stack`); a frames
//   array and its frame objects are never changed once made either (a
//   change makes a new array, sharing the frames it leaves alone), so a
//   checkpoint or an undo record keeps the array itself. The innermost
//   frame's line is the shown step's own (`line`) unless its change gives
//   one, so steps that change neither heap, output nor frames are skipped
//   unparsed.
(function () {
  'use strict';

  var CHECKPOINT_EVERY = 256;
  var PARSED_KEPT = 4096;
  var UNDO_KEPT = 2 * CHECKPOINT_EVERY;
  var MAX_BOXES = 1500;
  var SLICE_MS = 8; // main-thread time of one slice of replay
  var BOX_BATCH = 40; // boxes drawn in one slice at most
  var SVG_NS = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function isBlank(code) { return code === 32 || code === 9 || code === 13; }

  function now() { return performance.now(); }

  // ---- the trace: elements taken in as parsed, lines indexed by element ----

  function Trace() {
    this.elements = document.getElementsByClassName('rs-trace'); // live: grows as the page is parsed
    this.chunks = []; // {el, first, text, starts, ends}: starts/ends when indexed
    this.lineCount = 0;
    this.complete = false;
    this.header = null;
    this.length = 0;
    this.parsed = new Map();
    this.lines = new Int32Array(1024); // each step's line, filled as steps are read
  }

  function indexChunk(ch) {
    if (ch.starts) return;
    var text = ch.el.textContent;
    var starts = [];
    var ends = [];
    var pos = 0;
    var n = text.length;
    while (pos < n) {
      var end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      var s = pos;
      while (s < end && isBlank(text.charCodeAt(s))) s++;
      if (s < end) { starts.push(s); ends.push(end); }
      pos = end + 1;
    }
    ch.text = text;
    ch.starts = starts;
    ch.ends = ends;
    ch.el = null;
  }

  // Take in the elements whose text is complete: all but the last one while
  // the page is being parsed (`loaded` false), all of them after.
  Trace.prototype.update = function (loaded) {
    var els = this.elements;
    var upto = loaded ? els.length : els.length - 1;
    var i;
    for (i = this.chunks.length; i < upto; i++) {
      var first = i === 0 ? 0 : parseInt(els[i].getAttribute('data-first'), 10);
      if (!(first >= 0)) {
        // No index given (a page made otherwise): count the lines before.
        var prev = this.chunks[i - 1];
        indexChunk(prev);
        first = prev.first + prev.starts.length;
      }
      this.chunks.push({ el: els[i], first: first, text: null, starts: null, ends: null });
    }
    var count = this.lineCount;
    if (loaded) {
      var last = this.chunks[this.chunks.length - 1];
      if (last) { indexChunk(last); count = last.first + last.starts.length; } else count = 0;
      this.complete = true;
    } else if (upto >= 1) {
      var next = parseInt(els[upto].getAttribute('data-first'), 10);
      if (next >= 0) count = next;
      else { var c = this.chunks[upto - 1]; indexChunk(c); count = c.first + c.starts.length; }
    }
    if (count > this.lineCount) {
      this.lineCount = count;
      if (this.header === null) this.header = JSON.parse(this.raw(0));
      this.length = Math.max(0, count - 1);
      if (this.lines.length < this.length) {
        var grown = new Int32Array(Math.max(this.length, 2 * this.lines.length));
        grown.set(this.lines);
        this.lines = grown;
      }
    }
  };

  Trace.prototype.raw = function (i) {
    var chunks = this.chunks;
    var lo = 0;
    var hi = chunks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (chunks[mid].first <= i) lo = mid; else hi = mid - 1;
    }
    var ch = chunks[lo];
    indexChunk(ch);
    var j = i - ch.first;
    return ch.text.slice(ch.starts[j], ch.ends[j]);
  };

  // The step's own line from its text without parsing it, when its "line"
  // comes before any nested value (as the recorder writes it); else 0.
  function quickLine(raw) {
    var at = raw.indexOf('"line"');
    if (at < 0) return 0;
    var nested = raw.indexOf('{', 1);
    var list = raw.indexOf('[');
    if ((nested >= 0 && nested < at) || (list >= 0 && list < at)) return 0;
    var i = at + 6;
    var c = raw.charCodeAt(i);
    while (c === 32 || c === 58) c = raw.charCodeAt(++i);
    var v = 0;
    var digits = 0;
    while (c >= 48 && c <= 57) { v = v * 10 + (c - 48); c = raw.charCodeAt(++i); digits++; }
    return digits ? v : 0;
  }

  // Step k for replay only: not kept, and not even parsed when its text
  // shows it changes nothing (no field that changes the heap or the output;
  // a name like "objects" inside a string only makes it parse).
  Trace.prototype.changes = function (k) {
    var s = this.parsed.get(k);
    if (s !== undefined) return s;
    var raw = this.raw(k + 1);
    if (raw.indexOf('"objects"') < 0 && raw.indexOf('"freed"') < 0 &&
        raw.indexOf('"refcounts"') < 0 && raw.indexOf('"stdout"') < 0 &&
        raw.indexOf('"stack"') < 0 && raw.indexOf('"frames"') < 0) {
      if (this.lines[k] === 0) this.lines[k] = quickLine(raw);
      return null;
    }
    s = JSON.parse(raw);
    this.lines[k] = s.line | 0;
    return s;
  };

  Trace.prototype.step = function (k) {
    var s = this.parsed.get(k);
    if (s !== undefined) return s;
    s = JSON.parse(this.raw(k + 1));
    this.lines[k] = s.line | 0;
    if (this.parsed.size >= PARSED_KEPT) {
      this.parsed.delete(this.parsed.keys().next().value);
    }
    this.parsed.set(k, s);
    return s;
  };

  // The line of step k, read (without keeping the step) if never read.
  Trace.prototype.lineOf = function (k) {
    var l = this.lines[k];
    if (l === 0) {
      var s = this.parsed.get(k);
      if (s !== undefined) l = s.line | 0;
      else {
        var raw = this.raw(k + 1);
        l = quickLine(raw) || (JSON.parse(raw).line | 0);
      }
      this.lines[k] = l;
    }
    return l;
  };

  // ---- the heap, step by step ----

  // The objects alive at one step: id -> {o, rc}, in SHARDS maps by id.
  // - Copies are copy-on-write by shard: `new Heap(h)` copies only the list
  //   of shards, and each side copies a shard the first time it changes
  //   it, so a checkpoint or a restore of a heap of 200,000 objects costs
  //   microseconds at once and a few hundred entries per shard later, not
  //   a 30 ms copy in one go.
  // - A freed id keeps its key with the value undefined: V8's Map leaves a
  //   deleted key in its hash chain until the table is rebuilt, so deleting
  //   an id and adding it again (ids are reused as soon as they are freed)
  //   made one chain grow by one entry per reuse, and lookups of that id
  //   slow in proportion (a linked list's replay spent 8 of its 12 s
  //   there). A shard's copy leaves its freed keys behind.
  var SHARDS = 64;

  function shardOf(id) {
    // ids are addresses (multiples of 8 or 16, beyond 32 bits)
    return Math.floor(id / 16) % SHARDS;
  }

  function Heap(from) {
    var n = SHARDS;
    this.shards = new Array(n);
    this.owned = new Array(n); // false: shared with another heap, copy before a change
    for (var i = 0; i < n; i++) {
      if (from) {
        this.shards[i] = from.shards[i];
        from.owned[i] = false;
        this.owned[i] = false;
      } else {
        this.shards[i] = new Map();
        this.owned[i] = true;
      }
    }
    this.size = from ? from.size : 0;
  }

  Heap.prototype.get = function (id) { return this.shards[shardOf(id)].get(id); };
  Heap.prototype.has = function (id) { return this.shards[shardOf(id)].get(id) !== undefined; };

  Heap.prototype.own = function (i) {
    var copy = new Map();
    this.shards[i].forEach(function (v, k) { if (v !== undefined) copy.set(k, v); });
    this.shards[i] = copy;
    this.owned[i] = true;
    return copy;
  };

  Heap.prototype.set = function (id, entry) {
    var i = shardOf(id);
    var map = this.owned[i] ? this.shards[i] : this.own(i);
    if (map.get(id) === undefined) this.size++;
    map.set(id, entry);
  };

  Heap.prototype['delete'] = function (id) {
    var i = shardOf(id);
    if (this.shards[i].get(id) === undefined) return;
    var map = this.owned[i] ? this.shards[i] : this.own(i);
    map.set(id, undefined);
    this.size--;
  };

  // Apply one step's changes to `heap`. With `undo`, returns what undoes
  // them: [id, previous entry or undefined] pairs in application order, the
  // entries freed in the step, and the output's length before.
  function applyStep(heap, s, outLen, undo) {
    var ghosts = undo ? [] : null;
    var i, id, prev;
    if (s.freed) {
      for (i = 0; i < s.freed.length; i++) {
        id = s.freed[i];
        prev = heap.get(id);
        if (prev !== undefined) {
          if (undo) { undo.push(id, prev); ghosts.push(prev); }
          heap['delete'](id);
        }
      }
    }
    if (s.objects) {
      for (i = 0; i < s.objects.length; i++) {
        var o = s.objects[i];
        prev = heap.get(o.id);
        if (undo) undo.push(o.id, prev);
        if (o.splice) {
          // A long container changed in a few places: a new entry with the
          // earlier encoding's items (or entries) spliced.
          if (prev === undefined) continue;
          var field = prev.o.items ? 'items' : 'entries';
          var old = prev.o[field];
          var sp = o.splice;
          var copy = {};
          for (var key in prev.o) copy[key] = prev.o[key];
          copy[field] = old.slice(0, sp[0]).concat(sp[2], old.slice(sp[0] + sp[1]));
          if (o.rc !== undefined) copy.rc = o.rc;
          heap.set(o.id, { o: copy, rc: o.rc !== undefined ? o.rc : prev.rc });
        } else {
          heap.set(o.id, { o: o, rc: o.rc });
        }
      }
    }
    if (s.refcounts) {
      for (i = 0; i < s.refcounts.length; i++) {
        id = s.refcounts[i][0];
        prev = heap.get(id);
        if (prev !== undefined) {
          if (undo) undo.push(id, prev);
          heap.set(id, { o: prev.o, rc: s.refcounts[i][1] });
        }
      }
    }
    return undo ? { undo: undo, ghosts: ghosts, outLen: outLen } : null;
  }

  // The frames after step s, from `frames` (the previous step's): a new
  // array when they change, `frames` itself when they do not. The
  // innermost frame's line is left as the change gives it (see shownFrames).
  function applyFrames(frames, s) {
    if (s.frames) return s.frames;
    var d = s.stack;
    if (!d) return frames;
    var out = frames.slice(0, frames.length - (d.pop || 0));
    var i, j;
    if (d.change) {
      for (i = 0; i < d.change.length; i++) {
        var c = d.change[i];
        var f = out[c.i];
        var names = c.names || f.names;
        if (c.unbind || c.bind) {
          names = names.slice();
          if (c.unbind) {
            var gone = new Set(c.unbind);
            names = names.filter(function (n) { return !gone.has(n[0]); });
          }
          if (c.bind) {
            for (j = 0; j < c.bind.length; j++) {
              var b = c.bind[j];
              var at = -1;
              for (var m = 0; m < names.length; m++) if (names[m][0] === b[0]) { at = m; break; }
              if (at >= 0) names[at] = b; else names.push(b);
            }
          }
        }
        out[c.i] = { id: f.id, name: f.name, line: c.line !== undefined ? c.line : f.line, names: names };
      }
    }
    if (d.push) for (i = 0; i < d.push.length; i++) out.push(d.push[i]);
    return out;
  }

  // The frames shown at step s (`frames`: as replayed up to s): the
  // innermost one's line is the step's unless s gives it.
  function shownFrames(frames, s) {
    var n = frames.length;
    if (!n) return frames;
    var line = s.line;
    if (s.frames) return frames;
    var d = s.stack;
    if (d) {
      var pushed = d.push ? d.push.length : 0;
      if (pushed) {
        var p = d.push[pushed - 1];
        if (p.line !== undefined) line = p.line;
      } else if (d.change) {
        for (var i = 0; i < d.change.length; i++) {
          if (d.change[i].i === n - 1 && d.change[i].line !== undefined) line = d.change[i].line;
        }
      }
    }
    var last = frames[n - 1];
    if (last.line === line) return frames;
    var out = frames.slice();
    out[n - 1] = { id: last.id, name: last.name, line: line, names: last.names };
    return out;
  }

  function undoStep(heap, rec) {
    for (var i = rec.undo.length - 2; i >= 0; i -= 2) {
      var prev = rec.undo[i + 1];
      if (prev === undefined) heap['delete'](rec.undo[i]);
      else heap.set(rec.undo[i], prev);
    }
  }

  // ---- replay: the builder and the shown step's state ----

  function Timeline(trace) {
    this.trace = trace;
    this.checkpoints = [{ heap: new Heap(), out: '', frames: [] }]; // [c]: state before step c*CHECKPOINT_EVERY
    // The builder: replays every step once, in order, keeping checkpoints.
    this.builder = { heap: new Heap(), out: '', frames: [], at: -1 };
    this.built = 0; // steps applied by the builder
    this.lastCheckpoint = 0; // the step of the builder's last checkpoint
    // The shown step's state (at: the last step applied; -1: none).
    this.heap = null;
    this.out = '';
    this.frames = [];
    this.at = -1;
    this.records = new Map(); // step -> its undo record, for steps applied since the last restore
    this.applied = 0; // steps applied to the shown state in total (for tests and measurements)
    this.plan = null; // how the pending target is being reached: {k, from}
  }

  // One step of the builder; makes the checkpoint before it if one is due.
  Timeline.prototype.build = function () {
    var b = this.builder;
    var k = b.at + 1;
    if (k % CHECKPOINT_EVERY === 0 && k > 0) {
      // A checkpoint copies the heap: keep one only when the steps since
      // the last one are at least a quarter of the heap's size, so that
      // copying costs at most four entries per step replayed (a heap that
      // grows steadily still gets checkpoints, further and further apart).
      if (b.heap.size <= 4 * (k - this.lastCheckpoint)) {
        this.checkpoints[k / CHECKPOINT_EVERY] = { heap: new Heap(b.heap), out: b.out, frames: b.frames };
        this.lastCheckpoint = k;
      }
    }
    var s = this.trace.changes(k);
    if (s !== null) {
      applyStep(b.heap, s, 0, null);
      if (s.stdout) b.out += s.stdout;
      b.frames = applyFrames(b.frames, s);
    }
    b.at = k;
    this.built++;
  };

  Timeline.prototype.buildDone = function () {
    return this.builder.at >= this.trace.length - 1;
  };

  // Apply step this.at+1 to the shown state.
  Timeline.prototype.forward = function (keepRecord) {
    var k = this.at + 1;
    var s = keepRecord ? this.trace.step(k) : this.trace.changes(k);
    var rec = null;
    if (s !== null) rec = applyStep(this.heap, s, this.out.length, keepRecord ? [] : null);
    else if (keepRecord) rec = { undo: [], ghosts: [], outLen: this.out.length };
    if (keepRecord) rec.frames = this.frames;
    if (s !== null) {
      if (s.stdout) this.out += s.stdout;
      this.frames = applyFrames(this.frames, s);
    }
    this.at = k;
    this.applied++;
    if (keepRecord) {
      this.records.set(k, rec);
      if (this.records.size > UNDO_KEPT) {
        this.records.delete(this.records.keys().next().value);
      }
    } else if (this.records.size) {
      this.records.clear();
    }
  };

  Timeline.prototype.back = function () {
    var rec = this.records.get(this.at);
    undoStep(this.heap, rec);
    this.out = this.out.slice(0, rec.outLen);
    this.frames = rec.frames;
    this.records.delete(this.at);
    this.at--;
  };

  Timeline.prototype.restore = function (state, at) {
    this.heap = new Heap(state.heap);
    this.out = state.out;
    this.frames = state.frames;
    this.at = at;
    this.records.clear();
  };

  // Work towards showing step k until `deadline` (or `budget` steps, a
  // test's throttle); true once the shown state is at k. What it does is
  // chosen once per target: go on from the shown state when it lies
  // between k's checkpoint and k; else restore the nearest of a checkpoint,
  // the shown state and the builder before k (running the builder up to
  // k's checkpoint first when it is behind that: it makes the checkpoints
  // on the way). The last step is always applied with its undo record
  // (its freed objects are shown).
  Timeline.prototype.toward = function (k, deadline, budget) {
    if (this.at === k) { this.plan = null; return true; }
    var startOfC = Math.floor(k / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    if (this.plan === null || this.plan.k !== k) {
      if (this.at >= 0 && k === this.at - 1 && this.records.has(this.at) && this.records.has(k)) {
        this.back();
        return true;
      }
      var from;
      if (this.at >= 0 && this.at < k && this.at >= startOfC - 1) from = 'shown';
      else {
        var b = Math.min(startOfC / CHECKPOINT_EVERY, this.checkpoints.length - 1);
        while (this.checkpoints[b] === undefined) b--;
        var cpAt = b * CHECKPOINT_EVERY - 1;
        var bAt = this.builder.at;
        var shownAt = this.at >= 0 && this.at < k ? this.at : -2;
        if (bAt < k && bAt >= cpAt && bAt >= shownAt) from = 'builder';
        else if (shownAt >= cpAt) from = 'shown';
        else { this.restore(this.checkpoints[b], cpAt); from = 'shown'; }
      }
      this.plan = { k: k, from: from, start: from === 'builder' ? 0 : this.at };
    }
    var n = 0;
    if (this.plan.from === 'builder') {
      while (this.builder.at < startOfC - 1) {
        this.build();
        if ((++n & 3) === 0 && (now() > deadline || n >= budget)) return false;
      }
      this.restore(this.builder, this.builder.at);
      this.plan.from = 'shown';
    }
    // Keep undo records for the last stretch so that stepping back is cheap,
    // and always for step k itself (its freed objects are shown).
    while (this.at < k) {
      this.forward(k - this.at <= UNDO_KEPT);
      if (this.at < k && (++n & 3) === 0 && (now() > deadline || n >= budget)) return false;
    }
    this.plan = null;
    return true;
  };

  // Run the builder until `deadline` or `budget` steps.
  Timeline.prototype.buildUntil = function (deadline, budget) {
    var n = 0;
    while (!this.buildDone()) {
      this.build();
      if ((++n & 7) === 0 && (now() > deadline || n >= budget)) break;
    }
    return n;
  };

  // How far the pending target is, as a fraction done.
  Timeline.prototype.progress = function (k) {
    var p = this.plan;
    if (p === null) return 0;
    // The builder replays from step 0: its share is its place in the trace.
    if (p.from === 'builder') return Math.max(0, this.builder.at) / Math.max(1, k);
    return k > p.start ? (this.at - p.start) / (k - p.start) : 1;
  };

  function shortId(id) {
    var h = Number(id).toString(16);
    return (h.length > 5 ? '\u2026' : '') + h.slice(-5);
  }

  function fullId(id) {
    return 'id ' + id + ' (0x' + Number(id).toString(16) + ')';
  }

  // The references an object holds, in display order: [label, id] pairs.
  function refsOf(o) {
    var out = [];
    var i;
    if (o.items) {
      for (i = 0; i < o.items.length; i++) out.push([String(i), o.items[i]]);
    }
    if (o.entries) {
      for (i = 0; i < o.entries.length; i++) {
        out.push(['key ' + i, o.entries[i][0]]);
        out.push(['value ' + i, o.entries[i][1]]);
      }
    }
    if (o.bases) for (i = 0; i < o.bases.length; i++) out.push(['base ' + i, o.bases[i]]);
    if (o.defaults) for (i = 0; i < o.defaults.length; i++) out.push(['default ' + i, o.defaults[i]]);
    if (o.cells) for (i = 0; i < o.cells.length; i++) out.push(['cell ' + o.cells[i][0], o.cells[i][1]]);
    if (o.attrs) for (i = 0; i < o.attrs.length; i++) out.push(['attr ' + o.attrs[i][0], o.attrs[i][1]]);
    if (o.type === 'cell' && typeof o.value === 'number') out.push(['value', o.value]);
    if (typeof o.func === 'number') out.push(['func', o.func]);
    if (typeof o.self === 'number') out.push(['self', o.self]);
    return out;
  }

  function Viewer(trace) {
    this.trace = trace;
    this.timeline = new Timeline(trace);
    this.k = -1; // the step shown
    this.target = -1; // the step being gone to, -1 when none
    this.wantLast = false; // the last step, once the page is read
    this.search = null; // a pending "jump to line": {line, from, d}
    this.drawing = null; // the shown step's boxes still to draw
    this.drawn = null; // id -> how its box was drawn, for the boxes in the page
    this.rowEls = null; // the heap's row elements, in order
    this.missing = null; // while a box is made: the ids its pointers miss
    this.paths = new Map(); // pointer key>target -> its arrow's path element
    this.started = false;
    this.pointers = []; // {el, from, to} drawn as arrows
    this.boxes = new Map(); // id -> box element of the current step
    this.codeLines = [];
    this.marked = [];
    this.maxBoxes = MAX_BOXES;
    // Slices run back to back (a message to ourselves: setTimeout(0) would
    // wait 4 ms after a few), or `gap` ms apart; `budget` caps the steps of
    // one slice. Both are for tests and measurements (see throttle).
    this.scheduled = false;
    this.budget = Infinity;
    this.gap = 0;
    // A test can ask for this before the page's scripts run.
    var t = window.refscopeThrottle;
    if (t) this.throttle(t[0], t[1]);
    var self = this;
    this.channel = new MessageChannel();
    this.channel.port1.onmessage = function () { self.scheduled = false; self.run(now() + SLICE_MS); };
  }

  // Slow the replay down: at most `steps` per slice, slices `gapMs` apart
  // (a test sees a far jump pending); throttle() restores full speed.
  Viewer.prototype.throttle = function (steps, gapMs) {
    this.budget = steps > 0 ? steps : Infinity;
    this.gap = gapMs > 0 ? gapMs : 0;
  };

  Viewer.prototype.schedule = function () {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.gap) {
      var self = this;
      setTimeout(function () { self.scheduled = false; self.run(now() + SLICE_MS); }, this.gap);
    } else {
      this.channel.port2.postMessage(0);
    }
  };

  // Show step k: at once when one slice gets there, else when the slices
  // that follow do (meanwhile the page shows how far they are).
  Viewer.prototype.go = function (k) {
    var n = this.trace.length;
    if (n === 0) return;
    k = Math.max(0, Math.min(n - 1, k | 0));
    this.target = k;
    this.wantLast = false;
    this.search = null;
    this.run(now() + SLICE_MS);
  };

  Viewer.prototype.goLast = function () {
    if (this.trace.complete) { this.go(this.trace.length - 1); return; }
    this.wantLast = true;
    this.target = -1;
    this.search = null;
    this.showProgress();
  };

  // One slice: the pending line search, the pending jump, else the
  // builder's work in the background.
  Viewer.prototype.run = function (deadline) {
    var tl = this.timeline;
    if (this.wantLast && this.trace.complete) {
      this.wantLast = false;
      this.target = this.trace.length - 1;
    }
    if (this.search) this.searchSlice(deadline);
    if (this.target >= 0) {
      if (tl.toward(this.target, deadline, this.budget)) {
        this.k = this.target;
        this.target = -1;
        this.render(deadline);
      }
    } else if (this.drawing) {
      this.drawSome(deadline, false);
    }
    var busy = this.target >= 0 || this.search || this.drawing;
    if (!busy && now() < deadline) tl.buildUntil(deadline, this.budget);
    this.showProgress();
    if (busy || !tl.buildDone()) this.schedule();
  };

  function percent(f) {
    return Math.min(99, Math.floor(100 * f)) + '%';
  }

  Viewer.prototype.showProgress = function () {
    var tl = this.timeline;
    var text = '';
    var app = $('rs-app');
    if (this.target >= 0) {
      text = 'going to step ' + (this.target + 1) + ': ' + percent(tl.progress(this.target));
    } else if (this.wantLast) {
      text = 'going to the last step: reading the page, ' + this.trace.length + ' steps so far';
    } else if (this.drawing) {
      text = 'drawing the objects: ' + this.drawing.at + ' of ' + this.drawing.items.length;
    } else if (this.search) {
      text = 'looking for line ' + this.search.line + ': ' + percent(this.search.d / Math.max(1, this.trace.length));
    } else if (!tl.buildDone()) {
      text = 'preparing the steps: ' + percent((tl.builder.at + 1) / Math.max(1, this.trace.length));
    }
    var box = $('rs-progress');
    if (box.textContent !== text) box.textContent = text;
    var pending = this.target >= 0 || this.wantLast || this.search;
    box.classList.toggle('rs-pending', !!pending);
    if (pending) app.dataset.pending = String(this.wantLast ? 'last' : this.target);
    else delete app.dataset.pending;
  };

  Viewer.prototype.buildCode = function () {
    var code = (this.trace.header && this.trace.header.code) || '';
    var lines = code.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    var box = $('rs-code');
    var frag = document.createDocumentFragment();
    for (var i = 0; i < lines.length; i++) {
      var row = el('div', 'rs-line');
      row.dataset.line = String(i + 1);
      row.appendChild(el('span', 'rs-gutter'));
      row.appendChild(el('span', 'rs-lineno', String(i + 1)));
      row.appendChild(el('span', 'rs-src', lines[i] === '' ? ' ' : lines[i]));
      frag.appendChild(row);
      this.codeLines.push(row);
    }
    box.appendChild(frag);
  };

  // Show step k (the shown state is at k). The objects are drawn a batch
  // at a time (a new box costs the browser style and layout work; a
  // thousand of them at once would block the page for a quarter of a
  // second); `data-step` is set once the step is drawn whole.
  Viewer.prototype.render = function (deadline) {
    var k = this.k;
    var s = this.trace.step(k);

    this.renderCounter();

    this.renderCode(s, k > 0 ? this.trace.step(k - 1) : null);
    this.renderEvent(s);
    var stdout = $('rs-stdout');
    if (stdout.textContent !== this.timeline.out) {
      stdout.textContent = this.timeline.out;
      stdout.scrollTop = stdout.scrollHeight;
    }
    this.renderMemory(s, this.timeline.records.get(k), deadline);
  };

  // The counter, slider and buttons (also as more of the page is read).
  Viewer.prototype.renderCounter = function () {
    var k = this.k;
    var n = this.trace.length;
    var more = this.trace.complete ? '' : '+';
    $('rs-counter').textContent = 'Step ' + (k + 1) + ' of ' + n + more;
    var slider = $('rs-slider');
    if (slider.max !== String(Math.max(0, n - 1))) slider.max = String(Math.max(0, n - 1));
    if (Number(slider.value) !== k) slider.value = String(k);
    $('rs-first').disabled = $('rs-prev').disabled = k === 0;
    $('rs-last').disabled = $('rs-next').disabled = k === n - 1 && !more;
  };

  Viewer.prototype.renderCode = function (s, before) {
    for (var i = 0; i < this.marked.length; i++) {
      this.marked[i].classList.remove('rs-cur', 'rs-prev');
    }
    this.marked = [];
    var cur = this.codeLines[s.line - 1];
    var prev = before ? this.codeLines[before.line - 1] : null;
    if (prev) { prev.classList.add('rs-prev'); this.marked.push(prev); }
    if (cur) {
      cur.classList.add('rs-cur');
      this.marked.push(cur);
      var box = $('rs-code');
      var top = cur.offsetTop - box.offsetTop;
      if (top < box.scrollTop || top + cur.offsetHeight > box.scrollTop + box.clientHeight) {
        box.scrollTop = Math.max(0, top - box.clientHeight / 3);
      }
    }
  };

  Viewer.prototype.renderEvent = function (s) {
    var ev = $('rs-event');
    ev.textContent = '';
    ev.className = 'rs-event rs-ev-' + s.event;
    var what = {
      step_line: 'about to run line ' + s.line,
      call: 'called ' + s.func,
      'return': s.func + ' is returning',
      exception: 'exception raised in ' + s.func,
      uncaught_exception: 'the program ends with an exception'
    }[s.event] || s.event;
    ev.appendChild(el('span', 'rs-ev-what', what));
    if (s.exception_msg) ev.appendChild(el('span', 'rs-ev-exc', s.exception_msg));
    if (s.gc) {
      ev.appendChild(el('span', 'rs-ev-gc', 'cycle collection of generation ' + s.gc.generation +
        ': ' + s.gc.collected + ' collected, ' + s.gc.uncollectable + ' uncollectable'));
    }
  };

  Viewer.prototype.pointer = function (parent, from, to, heap) {
    var p = el('span', 'rs-ptr');
    p.dataset.from = from;
    p.dataset.to = String(to);
    if (!heap.has(to)) {
      p.classList.add('rs-dangling');
      p.textContent = '?';
      p.title = 'object ' + fullId(to) + ' is not in the trace';
      if (this.missing) this.missing.push(to);
    } else {
      this.pointers.push({ el: p, from: from, to: to });
    }
    parent.appendChild(p);
    return p;
  };

  Viewer.prototype.renderMemory = function (s, rec, deadline) {
    var heap = this.timeline.heap;
    var framesBox = $('rs-frames');
    var heapBox = $('rs-heap');
    var ghostsBox = $('rs-ghosts');
    framesBox.textContent = '';
    ghostsBox.textContent = '';
    this.pointers = [];
    this.boxes = new Map();

    // Frames, outermost first; count the names pointing at each object.
    var fromNames = new Map();
    var roots = [];
    var frames = shownFrames(this.timeline.frames, s);
    for (var f = 0; f < frames.length; f++) {
      var fr = frames[f];
      var fbox = el('div', 'rs-frame' + (f === frames.length - 1 ? ' rs-active' : ''));
      fbox.dataset.frameId = String(fr.id);
      fbox.dataset.name = fr.name;
      var head = el('div', 'rs-frame-head');
      head.appendChild(el('span', 'rs-frame-name', fr.name));
      if (fr.line) head.appendChild(el('span', 'rs-frame-line', 'line ' + fr.line));
      fbox.appendChild(head);
      var table = el('table', 'rs-names');
      var names = fr.names || [];
      var seen = new Map(); // a name listed twice still gets its own pointer key
      for (var i = 0; i < names.length; i++) {
        var name = names[i][0];
        var id = names[i][1];
        var tr = el('tr', name === '__return__' ? 'rs-name rs-return' : 'rs-name');
        tr.dataset.name = name;
        tr.appendChild(el('td', 'rs-name-text', name === '__return__' ? 'Return value' : name));
        var td = el('td', 'rs-name-ref');
        var times = (seen.get(name) || 0) + 1;
        seen.set(name, times);
        this.pointer(td, 'frame:' + f + ':' + name + (times > 1 ? '#' + times : ''), id, heap);
        tr.appendChild(td);
        table.appendChild(tr);
        fromNames.set(id, (fromNames.get(id) || 0) + 1);
        roots.push(id);
      }
      if (!names.length) fbox.appendChild(el('div', 'rs-empty', 'no names yet'));
      else fbox.appendChild(table);
      framesBox.appendChild(fbox);
    }

    // The objects reachable from the names: each name's not yet shown
    // objects make one row, in depth-first order.
    var collected = new Set(s.collected || []);
    var shown = new Set();
    var items = [];
    var hidden = 0;
    var rows = 0;
    for (var r = 0; r < roots.length; r++) {
      if (shown.has(roots[r]) || !heap.has(roots[r])) continue;
      var stack = [roots[r]];
      var before = items.length;
      while (stack.length) {
        var oid = stack.pop();
        if (shown.has(oid)) continue;
        var entry = heap.get(oid);
        if (entry === undefined) continue;
        shown.add(oid);
        if (items.length >= this.maxBoxes) { hidden++; continue; }
        items.push({ entry: entry, row: rows, aliases: fromNames.get(oid) || 0, collected: collected.has(oid) });
        var refs = refsOf(entry.o);
        for (var j = refs.length - 1; j >= 0; j--) {
          if (!shown.has(refs[j][1])) stack.push(refs[j][1]);
        }
      }
      if (items.length > before) rows++;
    }

    // Objects freed in this step, as they were just before.
    if (rec && rec.ghosts.length) {
      ghostsBox.appendChild(el('h3', 'rs-h3', 'Freed in this step'));
      var grow = el('div', 'rs-row');
      for (var g = 0; g < rec.ghosts.length; g++) {
        grow.appendChild(this.ghost(rec.ghosts[g], collected.has(rec.ghosts[g].o.id)));
      }
      ghostsBox.appendChild(grow);
    }

    var prev = this.drawn;
    this.drawn = new Map();
    this.drawing = { k: this.k, line: s.line, items: items, at: 0, rows: [], heap: heap, hidden: hidden };
    if (prev !== null && this.redraw(prev)) {
      this.drawing.at = items.length;
    } else {
      heapBox.textContent = '';
      this.rowEls = this.drawing.rows;
    }
    this.drawSome(deadline, true);
  };

  // A box and what it was drawn from, so that the next step can keep it.
  Viewer.prototype.makeBox = function (it, heap) {
    var first = this.pointers.length;
    this.missing = [];
    var box = this.box(it.entry, heap, it.aliases, it.collected);
    var rec = { el: box, entry: it.entry, aliases: it.aliases, collected: it.collected,
      ptrs: this.pointers.slice(first), missing: this.missing };
    this.missing = null;
    this.drawn.set(it.entry.o.id, rec);
    return rec;
  };

  // A box drawn before can stay when its object's entry (never changed once
  // made), its badges and which of its pointers lead to objects are the same.
  function keeps(rec, it, heap) {
    if (rec === undefined || rec.entry !== it.entry || rec.aliases !== it.aliases || rec.collected !== it.collected) return false;
    var i;
    for (i = 0; i < rec.ptrs.length; i++) if (!heap.has(rec.ptrs[i].to)) return false;
    for (i = 0; i < rec.missing.length; i++) if (heap.has(rec.missing[i])) return false;
    return true;
  }

  // Indices (into seq) of a longest increasing subsequence of seq's values
  // that are >= 0 (patience sorting with back links).
  function increasing(seq) {
    var tails = [];
    var back = new Array(seq.length);
    for (var i = 0; i < seq.length; i++) {
      var v = seq[i];
      if (v < 0) continue;
      var lo = 0;
      var hi = tails.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (seq[tails[mid]] < v) lo = mid + 1; else hi = mid;
      }
      back[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
    }
    var keep = new Set();
    for (var j = tails.length ? tails[tails.length - 1] : -1; j >= 0; j = back[j]) keep.add(j);
    return keep;
  }

  // Draw the step by changing the last drawing's boxes where they differ,
  // when few differ (stepping, mostly): new boxes are made, kept ones that
  // must move are moved, and the rest stay where they are, so the browser
  // lays out little again. False (nothing done) when too many differ.
  Viewer.prototype.redraw = function (prev) {
    var d = this.drawing;
    var items = d.items;
    var heap = d.heap;
    var made = 0;
    var i;
    for (i = 0; i < items.length; i++) {
      var rec = prev.get(items[i].entry.o.id);
      items[i].rec = keeps(rec, items[i], heap) ? rec : null;
      if (items[i].rec === null && ++made > BOX_BATCH) return false;
    }
    var heapBox = $('rs-heap');
    // Messages after the rows go; they are added again at the end.
    var rows = this.rowEls || [];
    while (heapBox.lastChild && !(heapBox.lastChild.classList && heapBox.lastChild.classList.contains('rs-row'))) {
      heapBox.removeChild(heapBox.lastChild);
    }
    var at = 0;
    var r = 0;
    while (at < items.length) {
      var end = at;
      while (end < items.length && items[end].row === r) end++;
      var row = rows[r];
      if (row === undefined) { row = el('div', 'rs-row'); heapBox.appendChild(row); }
      var old = row.children;
      var place = new Map();
      for (i = 0; i < old.length; i++) place.set(old[i], i);
      var els = [];
      var seq = [];
      for (i = at; i < end; i++) {
        var it = items[i];
        var rec2 = it.rec || this.makeBox(it, heap);
        if (it.rec) {
          this.drawn.set(it.entry.o.id, rec2);
          this.boxes.set(it.entry.o.id, rec2.el);
          for (var p = 0; p < rec2.ptrs.length; p++) this.pointers.push(rec2.ptrs[p]);
        }
        els.push(rec2.el);
        seq.push(place.has(rec2.el) ? place.get(rec2.el) : -1);
      }
      var stay = increasing(seq);
      var wanted = new Set(els);
      for (i = old.length - 1; i >= 0; i--) if (!wanted.has(old[i])) row.removeChild(old[i]);
      var next = null;
      for (i = els.length - 1; i >= 0; i--) {
        if (!stay.has(i)) row.insertBefore(els[i], next);
        next = els[i];
      }
      d.rows[r] = row;
      at = end;
      r++;
    }
    for (i = r; i < rows.length; i++) if (rows[i].parentNode) rows[i].parentNode.removeChild(rows[i]);
    this.rowEls = d.rows;
    return true;
  };

  // Draw the next batch of the shown step's boxes, until `deadline`; the
  // arrows are drawn after the first batch (for what shows first) and when
  // every box is drawn.
  Viewer.prototype.drawSome = function (deadline, first) {
    var d = this.drawing;
    var heapBox = $('rs-heap');
    var made = 0;
    while (d.at < d.items.length) {
      var it = d.items[d.at++];
      var row = d.rows[it.row];
      if (row === undefined) {
        row = d.rows[it.row] = el('div', 'rs-row');
        heapBox.appendChild(row);
      }
      row.appendChild(this.makeBox(it, d.heap).el);
      // The browser's share of a box (style and layout, when the arrows
      // read where boxes are) is about ten times the script's.
      if (++made >= BOX_BATCH || ((made & 7) === 0 && now() > deadline)) break;
    }
    if (d.at < d.items.length) {
      if (first) this.drawArrows();
      return;
    }
    if (d.hidden) {
      heapBox.appendChild(el('div', 'rs-hidden', d.hidden + ' more reachable objects not drawn'));
    }
    if (!d.items.length) heapBox.appendChild(el('div', 'rs-empty', 'no objects yet'));
    // Pointers to objects beyond the drawing limit draw no arrow.
    var boxes = this.boxes;
    this.pointers = this.pointers.filter(function (p) { return boxes.has(p.to); });
    this.drawArrows();
    this.drawing = null;
    var app = $('rs-app');
    app.dataset.line = String(d.line);
    app.dataset.step = String(d.k);
  };

  Viewer.prototype.boxHead = function (box, entry) {
    var o = entry.o;
    var head = el('div', 'rs-obj-head');
    head.appendChild(el('span', 'rs-type', o.type));
    var idb = el('span', 'rs-id', shortId(o.id));
    idb.title = fullId(o.id);
    head.appendChild(idb);
    if (o.cached) {
      var c = el('span', 'rs-badge rs-badge-cached', 'cached');
      c.title = 'shared by the interpreter and never freed';
      head.appendChild(c);
    } else if (entry.rc !== undefined) {
      var rc = el('span', 'rs-rc', 'rc ' + entry.rc);
      rc.title = 'reference count: sys.getrefcount(x) - 1, references not drawn included (a constant written in the program is also held by its code object and, while the program runs, by the parser, as in CPython)';
      head.appendChild(rc);
    }
    if (o.interned) head.appendChild(el('span', 'rs-badge rs-badge-interned', 'interned'));
    box.appendChild(head);
  };

  Viewer.prototype.contents = function (box, o, heap, live) {
    var from = 'obj:' + o.id;
    var self = this;
    function slots(kind, pairs) {
      var table = el('table', 'rs-slots rs-slots-' + kind);
      for (var i = 0; i < pairs.length; i++) {
        var tr = el('tr');
        var p = pairs[i];
        for (var c = 0; c < p.length; c += 2) {
          if (p[c] !== null) tr.appendChild(el('th', 'rs-slot-label', p[c]));
          var td = el('td', 'rs-slot');
          if (live) self.pointer(td, from + ':' + kind + ':' + i + (c ? ':v' : ''), p[c + 1], heap);
          else td.appendChild(el('span', 'rs-ptr rs-ptr-ghost'));
          tr.appendChild(td);
        }
        table.appendChild(tr);
      }
      box.appendChild(table);
    }
    function named(pairs) {
      return pairs.map(function (p) { return [p[0], p[1]]; });
    }
    var i;
    if (o.items) {
      if (!o.items.length) { box.appendChild(el('div', 'rs-empty', 'empty')); return; }
      var seq = o.type === 'list' || o.type === 'tuple';
      var row = el('div', 'rs-items');
      for (i = 0; i < o.items.length; i++) {
        var cell = el('div', 'rs-item');
        if (seq) cell.appendChild(el('div', 'rs-index', String(i)));
        var td = el('div', 'rs-slot');
        if (live) this.pointer(td, from + ':items:' + i, o.items[i], heap);
        else td.appendChild(el('span', 'rs-ptr rs-ptr-ghost'));
        cell.appendChild(td);
        row.appendChild(cell);
      }
      box.appendChild(row);
      return;
    }
    if (o.entries) {
      if (!o.entries.length) { box.appendChild(el('div', 'rs-empty', 'empty')); return; }
      slots('entries', o.entries.map(function (e) { return [null, e[0], null, e[1]]; }));
      return;
    }
    if (o.type === 'function' || o.params !== undefined) {
      box.appendChild(el('div', 'rs-def', (o.name || '?') + (o.params || '()')));
      if (o.defaults && o.defaults.length) {
        box.appendChild(el('div', 'rs-sub', 'defaults'));
        slots('defaults', o.defaults.map(function (d, j) { return [String(j), d]; }));
      }
      if (o.cells && o.cells.length) {
        box.appendChild(el('div', 'rs-sub', 'free variables'));
        slots('cells', named(o.cells));
      }
      return;
    }
    if (o.bases !== undefined || (o.type === 'type' && o.name !== undefined)) {
      box.appendChild(el('div', 'rs-def', 'class ' + (o.name || '?')));
      if (o.bases && o.bases.length) {
        slots('bases', o.bases.map(function (b, j) { return ['base ' + j, b]; }));
      }
      if (o.attrs && o.attrs.length) slots('attrs', named(o.attrs));
      return;
    }
    if (o.type === 'cell') {
      if (typeof o.value === 'number') slots('cell', [['contents', o.value]]);
      else box.appendChild(el('div', 'rs-empty', 'empty'));
      return;
    }
    if (typeof o.func === 'number' || typeof o.self === 'number') {
      var ms = [];
      if (typeof o.func === 'number') ms.push(['func', o.func]);
      if (typeof o.self === 'number') ms.push(['self', o.self]);
      slots('method', ms);
      return;
    }
    if (o.attrs) {
      // A builtin exception has its repr as well.
      if (typeof o.repr === 'string') box.appendChild(el('div', 'rs-repr', o.repr));
      if (!o.attrs.length) box.appendChild(el('div', 'rs-empty', 'no attributes'));
      else slots('attrs', named(o.attrs));
      return;
    }
    if (typeof o.value === 'string') {
      box.appendChild(el('div', 'rs-value', o.value));
      return;
    }
    if (typeof o.repr === 'string') {
      box.appendChild(el('div', 'rs-repr', o.repr));
    }
  };

  Viewer.prototype.box = function (entry, heap, nameRefs, collected) {
    var o = entry.o;
    var box = el('div', 'rs-obj');
    box.dataset.id = String(o.id);
    box.dataset.type = o.type;
    if (entry.rc !== undefined) box.dataset.rc = String(entry.rc);
    if (o.cached) box.classList.add('rs-cached');
    if (o.interned) box.classList.add('rs-interned');
    this.boxHead(box, entry);
    if (nameRefs > 1) {
      box.classList.add('rs-aliased');
      box.dataset.aliases = String(nameRefs);
      var a = el('span', 'rs-badge rs-badge-aliased', 'aliased \u00d7' + nameRefs);
      a.title = nameRefs + ' names refer to this object';
      box.firstChild.appendChild(a);
    }
    if (collected) {
      box.classList.add('rs-resurrected');
      box.firstChild.appendChild(el('span', 'rs-badge rs-badge-collected', 'found by gc, resurrected'));
    }
    this.contents(box, o, heap, true);
    this.boxes.set(o.id, box);
    return box;
  };

  Viewer.prototype.ghost = function (entry, collected) {
    var o = entry.o;
    var box = el('div', 'rs-obj rs-ghost' + (collected ? ' rs-collected' : ' rs-freed'));
    box.dataset.id = String(o.id);
    box.dataset.type = o.type;
    this.boxHead(box, entry);
    var b = collected
      ? el('span', 'rs-badge rs-badge-collected', 'collected by gc')
      : el('span', 'rs-badge rs-badge-freed', 'freed');
    b.title = collected ? 'the cycle collector found it unreachable and freed it'
      : 'its reference count reached zero';
    box.firstChild.appendChild(b);
    this.contents(box, o, null, false);
    return box;
  };

  function curve(x1, y1, c1x, c1y, c2x, c2y, x2, y2) {
    return 'M' + x1.toFixed(1) + ',' + y1.toFixed(1) + ' C' + c1x.toFixed(1) + ',' + c1y.toFixed(1) +
      ' ' + c2x.toFixed(1) + ',' + c2y.toFixed(1) + ' ' + x2.toFixed(1) + ',' + y2.toFixed(1);
  }

  Viewer.prototype.drawArrows = function () {
    var viz = $('rs-viz');
    var svg = $('rs-arrows');
    var layer = $('rs-arrow-layer');
    svg.setAttribute('width', '1');
    svg.setAttribute('height', '1');
    var base = viz.getBoundingClientRect();
    var ox = viz.scrollLeft - base.left - viz.clientLeft;
    var oy = viz.scrollTop - base.top - viz.clientTop;
    svg.setAttribute('width', String(viz.scrollWidth));
    svg.setAttribute('height', String(viz.scrollHeight));
    var frag = document.createDocumentFragment();
    var old = this.paths;
    var paths = new Map();
    var shapes = [];
    for (var i = 0; i < this.pointers.length; i++) {
      var p = this.pointers[i];
      var target = this.boxes.get(p.to);
      if (target === undefined) continue; // not drawn yet
      var a = p.el.getBoundingClientRect();
      var b = target.getBoundingClientRect();
      var x1 = a.left + a.width / 2 + ox;
      var y1 = a.top + a.height / 2 + oy;
      var left = b.left + ox;
      var right = b.right + ox;
      var ty = b.top + oy + Math.min(11, b.height / 2);
      var d;
      if (left >= x1 || right <= x1) {
        // beside the pointer: enter the box's near side, by its header
        var dir = left >= x1 ? 1 : -1;
        var tx = dir > 0 ? left : right;
        var dx = Math.max(24, Math.abs(tx - x1) * 0.45);
        d = curve(x1, y1, x1 + dir * dx, y1, tx - dir * dx, ty, tx, ty);
      } else {
        // above or below the pointer: enter the box's top or bottom edge
        var below = b.top + oy > y1;
        var ex = Math.max(left + 8, Math.min(right - 8, x1 + 30));
        var ey = below ? b.top + oy : b.bottom + oy;
        var dy = Math.max(20, Math.abs(ey - y1) * 0.45) * (below ? 1 : -1);
        d = curve(x1, y1, x1 + 30, y1 + dy, ex, ey - dy, ex, ey);
      }
      shapes.push(p, d);
    }
    // Written after every position is read: a change to a path in the page
    // in between would make the next read lay the page out again.
    for (i = 0; i < shapes.length; i += 2) {
      p = shapes[i];
      d = shapes[i + 1];
      // An arrow drawn before (same pointer, same target) keeps its path
      // element; only its shape is set again if it moved.
      var key = p.from + '>' + p.to;
      var path = old.get(key);
      if (path !== undefined) {
        old['delete'](key);
        if (path.getAttribute('d') !== d) path.setAttribute('d', d);
      } else {
        path = document.createElementNS(SVG_NS, 'path');
        path.setAttribute('d', d);
        path.setAttribute('class', 'rs-arrow' + (p.from.charAt(0) === 'f' ? ' rs-arrow-name' : ' rs-arrow-slot'));
        path.setAttribute('marker-end', 'url(#rs-head)');
        path.setAttribute('data-from', p.from);
        path.setAttribute('data-to', String(p.to));
        frag.appendChild(path);
      }
      paths.set(key, path);
    }
    old.forEach(function (path) { layer.removeChild(path); });
    layer.appendChild(frag);
    this.paths = paths;
  };

  // The next step at `line` after the shown one, wrapping to the start:
  // looked for in slices (a line's steps can be far apart).
  Viewer.prototype.jumpToLine = function (line) {
    var msg = $('rs-jump-msg');
    if (!(line >= 1)) { msg.textContent = 'enter a line number'; return; }
    msg.textContent = '';
    this.search = { line: line, from: this.k, d: 1 };
    this.run(now() + SLICE_MS);
  };

  Viewer.prototype.searchSlice = function (deadline) {
    var q = this.search;
    var n = this.trace.length;
    var trace = this.trace;
    var lines = trace.lines;
    var count = 0;
    while (q.d <= n) {
      var k = (q.from + q.d) % n;
      var l = lines[k];
      if (l === 0) l = trace.lineOf(k);
      if (l === q.line) {
        $('rs-jump-msg').textContent = k <= q.from ? 'wrapped to the start' : '';
        this.search = null;
        this.target = k;
        return;
      }
      q.d++;
      if ((++count & 255) === 0 && (now() > deadline || count >= this.budget)) return;
    }
    this.search = null;
    $('rs-jump-msg').textContent = 'no step runs line ' + q.line;
  };

  Viewer.prototype.wire = function () {
    var self = this;
    var slider = $('rs-slider');
    $('rs-first').addEventListener('click', function () { self.go(0); });
    $('rs-prev').addEventListener('click', function () { self.go(self.k - 1); });
    $('rs-next').addEventListener('click', function () { self.go(self.k + 1); });
    $('rs-last').addEventListener('click', function () { self.goLast(); });
    slider.addEventListener('input', function () { self.go(Number(slider.value)); });
    $('rs-jump').addEventListener('submit', function (e) {
      e.preventDefault();
      self.jumpToLine(parseInt($('rs-jump-line').value, 10));
    });
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var to = null;
      if (e.key === 'ArrowRight') to = self.k + 1;
      else if (e.key === 'ArrowLeft') to = self.k - 1;
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = 'last';
      if (to === null) return;
      e.preventDefault();
      if (to === 'last') self.goLast(); else self.go(to);
    });
    // Hovering a box or a pointer brings out the arrows into that object.
    var lit = [];
    $('rs-viz').addEventListener('mouseover', function (e) {
      var t = e.target.closest ? e.target.closest('.rs-obj, .rs-ptr') : null;
      var id = t ? (t.classList.contains('rs-obj') ? t.dataset.id : t.dataset.to) : null;
      for (var i = 0; i < lit.length; i++) lit[i].classList.remove('rs-lit');
      lit = [];
      if (!id) return;
      var paths = $('rs-arrow-layer').childNodes;
      for (var j = 0; j < paths.length; j++) {
        if (paths[j].getAttribute('data-to') === id) { paths[j].classList.add('rs-lit'); lit.push(paths[j]); }
      }
    });
    var pending = false;
    window.addEventListener('resize', function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; self.drawArrows(); });
    });
  };

  function fail(message) {
    var box = $('rs-error');
    box.hidden = false;
    box.textContent = message;
    document.body.classList.add('rs-failed');
  }

  // The viewer starts while the page is still being read: the trace's
  // elements are taken in as the browser parses them (polled), step 0 is
  // shown once the first is complete, and the rest follows.
  function start() {
    var timings = window.refscopeTimings = { start: now() };
    var trace = new Trace();
    var viewer = new Viewer(trace);
    window.refscopeViewer = viewer;
    viewer.wire();
    var finished = false;
    function poll() {
      if (finished) return;
      var loaded = document.readyState !== 'loading';
      try {
        trace.update(loaded);
      } catch (e) {
        finished = true;
        fail('This trace cannot be read: ' + e.message);
        return;
      }
      if (trace.header && !viewer.started) {
        if (trace.header.format !== 'refscope-trace') {
          finished = true;
          fail('This page holds no refscope trace.');
          return;
        }
        viewer.started = true;
        $('rs-program').textContent = trace.header.program || '';
        $('rs-python').textContent = trace.header.python ? 'Python ' + trace.header.python : '';
        viewer.buildCode();
      }
      if (viewer.started && trace.length > 0) {
        if (viewer.k < 0 && viewer.target < 0) {
          try {
            viewer.go(0);
            timings.shown = now();
          } catch (e) {
            finished = true;
            fail('This trace cannot be shown: ' + e.message);
            return;
          }
        } else if (viewer.k >= 0) {
          viewer.renderCounter();
        }
        viewer.run(now() + SLICE_MS);
      }
      if (!loaded) { setTimeout(poll, 50); return; }
      finished = true;
      timings.loaded = now();
      if (!trace.header) { fail('This page holds no refscope trace.'); return; }
      if (trace.length === 0) {
        $('rs-counter').textContent = 'Step 0 of 0';
        $('rs-app').dataset.step = '-1';
      }
    }
    document.addEventListener('DOMContentLoaded', poll);
    poll();
  }

  start();
})();
