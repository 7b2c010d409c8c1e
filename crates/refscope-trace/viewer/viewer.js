// refscope's trace viewer: shows one step of a trace (docs/trace-format.md)
// at a time: the code with the line about to run, the output so far, the
// frames with their names, and the objects reachable from those names as
// boxes joined by arrows.
//
// How a step's heap is found without replaying the whole trace:
// - The trace's text is split into lines once (offsets only); a step's JSON
//   is parsed only when it is shown or replayed, and a few thousand parsed
//   steps are kept.
// - The heap at step K is the heap before step 0 (empty) with the changes of
//   steps 0..K applied. Every CHECKPOINT_EVERY steps a copy of the heap (and
//   of the output so far) is kept, made the first time replay passes there.
//   (With a large heap only every few of them is kept, so that the copies
//   cost a few entries per step.)
//   Going to step K starts from the nearest checkpoint at or before K, or
//   from the current step when that is nearer; one step forward applies one
//   step's changes, one step back undoes them (each applied step keeps what
//   it replaced).
// - A heap entry ({o: encoding, rc}) is never changed once made, so a
//   checkpoint can share entries with the live heap.
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
  var SVG_NS = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function isBlank(code) { return code === 32 || code === 9 || code === 13; }

  // ---- the trace: lines indexed once, steps parsed on demand ----

  // `chunks`: the texts of the trace's script elements, each whole lines.
  function Trace(chunks) {
    var chunkOf = [];
    var starts = [];
    var ends = [];
    for (var c = 0; c < chunks.length; c++) {
      var text = chunks[c];
      var pos = 0;
      var n = text.length;
      while (pos < n) {
        var end = text.indexOf('\n', pos);
        if (end < 0) end = n;
        var s = pos;
        while (s < end && isBlank(text.charCodeAt(s))) s++;
        if (s < end) { chunkOf.push(c); starts.push(s); ends.push(end); }
        pos = end + 1;
      }
    }
    this.chunks = chunks;
    this.chunkOf = chunkOf;
    this.starts = starts;
    this.ends = ends;
    this.parsed = new Map();
    this.header = starts.length ? JSON.parse(this.raw(0)) : null;
    this.length = Math.max(0, starts.length - 1);
    this.lines = new Int32Array(this.length); // each step's line, filled as steps are read
  }

  Trace.prototype.raw = function (i) {
    return this.chunks[this.chunkOf[i]].slice(this.starts[i], this.ends[i]);
  };

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

  // The line of step k, parsing it (without keeping it) if never read.
  Trace.prototype.lineOf = function (k) {
    var l = this.lines[k];
    if (l === 0) {
      var s = this.parsed.get(k) || JSON.parse(this.raw(k + 1));
      l = this.lines[k] = s.line | 0;
    }
    return l;
  };

  // ---- the heap, step by step ----

  // Apply one step's changes to `heap` (a Map id -> {o, rc}). Returns what
  // undoes them: [id, previous entry or undefined] pairs in application
  // order, the entries freed in the step, and the output's length before.
  function applyStep(heap, s, outLen) {
    var undo = [];
    var ghosts = [];
    var i, id, prev;
    if (s.freed) {
      for (i = 0; i < s.freed.length; i++) {
        id = s.freed[i];
        prev = heap.get(id);
        if (prev !== undefined) {
          undo.push(id, prev);
          ghosts.push(prev);
          heap.delete(id);
        }
      }
    }
    if (s.objects) {
      for (i = 0; i < s.objects.length; i++) {
        var o = s.objects[i];
        prev = heap.get(o.id);
        undo.push(o.id, prev);
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
          undo.push(id, prev);
          heap.set(id, { o: prev.o, rc: s.refcounts[i][1] });
        }
      }
    }
    return { undo: undo, ghosts: ghosts, outLen: outLen };
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
      if (prev === undefined) heap.delete(rec.undo[i]);
      else heap.set(rec.undo[i], prev);
    }
  }

  function Timeline(trace) {
    this.trace = trace;
    this.checkpoints = [{ heap: new Map(), out: '', frames: [] }]; // [c]: state before step c*CHECKPOINT_EVERY
    this.heap = null;
    this.out = '';
    this.frames = [];
    this.at = -1;
    this.records = new Map(); // step -> its undo record, for steps applied since the last rebuild
    this.applied = 0; // steps applied in total (for tests and measurements)
  }

  // Apply step this.at+1 to the live heap, keeping a checkpoint if one is due.
  Timeline.prototype.forward = function (keepRecord) {
    var k = this.at + 1;
    if (k % CHECKPOINT_EVERY === 0) {
      // A checkpoint copies the heap: with a large heap keep fewer of them,
      // so that copying costs at most a few entries per step replayed.
      var c = k / CHECKPOINT_EVERY;
      var every = Math.max(1, Math.ceil(this.heap.size / (4 * CHECKPOINT_EVERY)));
      if (this.checkpoints[c] === undefined && c % every === 0) {
        this.checkpoints[c] = { heap: new Map(this.heap), out: this.out, frames: this.frames };
      }
    }
    var s = keepRecord ? this.trace.step(k) : this.trace.changes(k);
    var rec = s === null ? { undo: [], ghosts: [], outLen: this.out.length }
      : applyStep(this.heap, s, this.out.length);
    rec.frames = this.frames;
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

  Timeline.prototype.goto = function (k) {
    if (k === this.at) return;
    if (this.at >= 0 && k === this.at - 1 && this.records.has(this.at) && this.records.has(k)) {
      this.back();
      return;
    }
    var startOfC = Math.floor(k / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    var ahead = this.at >= 0 && this.at < k;
    if (!(ahead && this.at >= startOfC - 1)) {
      // Start from the highest checkpoint made at or before k's, unless
      // the current state lies between it and k; make the missing
      // checkpoints on the way.
      var b = Math.min(startOfC / CHECKPOINT_EVERY, this.checkpoints.length - 1);
      while (this.checkpoints[b] === undefined) b--;
      if (!(ahead && this.at >= b * CHECKPOINT_EVERY - 1)) {
        var cp = this.checkpoints[b];
        this.heap = new Map(cp.heap);
        this.out = cp.out;
        this.frames = cp.frames;
        this.at = b * CHECKPOINT_EVERY - 1;
        this.records.clear();
      }
      while (this.at < startOfC - 1) this.forward(false);
    }
    // Keep undo records for the last stretch so that stepping back is cheap,
    // and always for step k itself (its freed objects are shown).
    while (this.at < k) this.forward(k - this.at <= UNDO_KEPT);
  };

  // ---- drawing one step ----

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
    this.k = -1;
    this.pointers = []; // {el, from, to} drawn as arrows
    this.boxes = new Map(); // id -> box element of the current step
    this.codeLines = [];
    this.marked = [];
  }

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

  Viewer.prototype.go = function (k) {
    var n = this.trace.length;
    if (n === 0) return;
    k = Math.max(0, Math.min(n - 1, k | 0));
    this.timeline.goto(k);
    this.k = k;
    this.render();
  };

  Viewer.prototype.render = function () {
    var k = this.k;
    var n = this.trace.length;
    var s = this.trace.step(k);
    var app = $('rs-app');

    $('rs-counter').textContent = 'Step ' + (k + 1) + ' of ' + n;
    var slider = $('rs-slider');
    if (Number(slider.value) !== k) slider.value = String(k);
    $('rs-first').disabled = $('rs-prev').disabled = k === 0;
    $('rs-last').disabled = $('rs-next').disabled = k === n - 1;

    this.renderCode(s, k > 0 ? this.trace.step(k - 1) : null);
    this.renderEvent(s);
    var stdout = $('rs-stdout');
    if (stdout.textContent !== this.timeline.out) {
      stdout.textContent = this.timeline.out;
      stdout.scrollTop = stdout.scrollHeight;
    }
    this.renderMemory(s, this.timeline.records.get(k));

    app.dataset.line = String(s.line);
    app.dataset.step = String(k);
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
    } else {
      this.pointers.push({ el: p, from: from, to: to });
    }
    parent.appendChild(p);
    return p;
  };

  Viewer.prototype.renderMemory = function (s, rec) {
    var heap = this.timeline.heap;
    var framesBox = $('rs-frames');
    var heapBox = $('rs-heap');
    var ghostsBox = $('rs-ghosts');
    framesBox.textContent = '';
    heapBox.textContent = '';
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
    var count = 0;
    var hidden = 0;
    for (var r = 0; r < roots.length; r++) {
      if (shown.has(roots[r]) || !heap.has(roots[r])) continue;
      var row = el('div', 'rs-row');
      var stack = [roots[r]];
      while (stack.length) {
        var oid = stack.pop();
        if (shown.has(oid)) continue;
        var entry = heap.get(oid);
        if (entry === undefined) continue;
        shown.add(oid);
        if (count >= MAX_BOXES) { hidden++; continue; }
        count++;
        row.appendChild(this.box(entry, heap, fromNames.get(oid) || 0, collected.has(oid)));
        var refs = refsOf(entry.o);
        for (var j = refs.length - 1; j >= 0; j--) {
          if (!shown.has(refs[j][1])) stack.push(refs[j][1]);
        }
      }
      if (row.firstChild) heapBox.appendChild(row);
    }
    if (hidden) {
      heapBox.appendChild(el('div', 'rs-hidden', hidden + ' more reachable objects not drawn'));
    }
    if (!count) heapBox.appendChild(el('div', 'rs-empty', 'no objects yet'));
    // Pointers to objects beyond the drawing limit draw no arrow.
    var boxes = this.boxes;
    this.pointers = this.pointers.filter(function (p) { return boxes.has(p.to); });

    // Objects freed in this step, as they were just before.
    if (rec && rec.ghosts.length) {
      ghostsBox.appendChild(el('h3', 'rs-h3', 'Freed in this step'));
      var grow = el('div', 'rs-row');
      for (var g = 0; g < rec.ghosts.length; g++) {
        grow.appendChild(this.ghost(rec.ghosts[g], collected.has(rec.ghosts[g].o.id)));
      }
      ghostsBox.appendChild(grow);
    }

    this.drawArrows();
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
      rc.title = 'reference count: sys.getrefcount(x) - 1';
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
    layer.textContent = '';
    svg.setAttribute('width', '1');
    svg.setAttribute('height', '1');
    var base = viz.getBoundingClientRect();
    var ox = viz.scrollLeft - base.left - viz.clientLeft;
    var oy = viz.scrollTop - base.top - viz.clientTop;
    svg.setAttribute('width', String(viz.scrollWidth));
    svg.setAttribute('height', String(viz.scrollHeight));
    var frag = document.createDocumentFragment();
    for (var i = 0; i < this.pointers.length; i++) {
      var p = this.pointers[i];
      var target = this.boxes.get(p.to);
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
      var path = document.createElementNS(SVG_NS, 'path');
      path.setAttribute('d', d);
      path.setAttribute('class', 'rs-arrow' + (p.from.charAt(0) === 'f' ? ' rs-arrow-name' : ' rs-arrow-slot'));
      path.setAttribute('marker-end', 'url(#rs-head)');
      path.setAttribute('data-from', p.from);
      path.setAttribute('data-to', String(p.to));
      frag.appendChild(path);
    }
    layer.appendChild(frag);
  };

  Viewer.prototype.jumpToLine = function (line) {
    var n = this.trace.length;
    var msg = $('rs-jump-msg');
    if (!(line >= 1)) { msg.textContent = 'enter a line number'; return; }
    for (var d = 1; d <= n; d++) {
      var k = (this.k + d) % n;
      if (this.trace.lineOf(k) === line) {
        msg.textContent = k <= this.k ? 'wrapped to the start' : '';
        this.go(k);
        return;
      }
    }
    msg.textContent = 'no step runs line ' + line;
  };

  Viewer.prototype.wire = function () {
    var self = this;
    var n = this.trace.length;
    var slider = $('rs-slider');
    slider.max = String(Math.max(0, n - 1));
    $('rs-first').addEventListener('click', function () { self.go(0); });
    $('rs-prev').addEventListener('click', function () { self.go(self.k - 1); });
    $('rs-next').addEventListener('click', function () { self.go(self.k + 1); });
    $('rs-last').addEventListener('click', function () { self.go(n - 1); });
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
      else if (e.key === 'End') to = n - 1;
      if (to === null) return;
      e.preventDefault();
      self.go(to);
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

  function start() {
    var timings = window.refscopeTimings = { start: performance.now() };
    var elements = document.querySelectorAll('script.rs-trace');
    var chunks = [];
    for (var i = 0; i < elements.length; i++) chunks.push(elements[i].textContent);
    timings.text = performance.now();
    var trace;
    try {
      trace = new Trace(chunks);
      timings.indexed = performance.now();
    } catch (e) {
      fail('This trace cannot be read: ' + e.message);
      return;
    }
    if (!trace.header || trace.header.format !== 'refscope-trace') {
      fail('This page holds no refscope trace.');
      return;
    }
    $('rs-program').textContent = trace.header.program || '';
    $('rs-python').textContent = trace.header.python ? 'Python ' + trace.header.python : '';
    var viewer = new Viewer(trace);
    window.refscopeViewer = viewer;
    viewer.buildCode();
    viewer.wire();
    if (trace.length === 0) {
      $('rs-counter').textContent = 'Step 0 of 0';
      $('rs-app').dataset.step = '-1';
      return;
    }
    try {
      viewer.go(0);
      timings.shown = performance.now();
    } catch (e) {
      fail('This trace cannot be shown: ' + e.message);
    }
  }

  start();
})();
