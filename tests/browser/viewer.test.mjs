// Browser tests of refscope's trace viewer (crates/refscope-trace/viewer):
// pages built from traces by the `jsonl2html` example (html::write_html),
// opened in headless Chromium, stepped with the buttons, the keyboard, the
// slider and "jump to line", and compared at every step with what the trace
// says (replayed here independently of the viewer's own code).
//
// Run by scripts/test-browser. Screenshots go to target/browser/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const OUT = path.join(TARGET, 'browser');
const JSONL2HTML = process.env.REFSCOPE_JSONL2HTML || path.join(TARGET, 'debug/examples/jsonl2html');
const CHROMIUM = process.env.REFSCOPE_CHROMIUM || '/usr/bin/chromium';
const BIG_STEPS = Number(process.env.REFSCOPE_BIG_STEPS || 1000000);
const REFSCOPE = process.env.REFSCOPE_BIN || path.join(TARGET, 'debug/refscope');

fs.mkdirSync(OUT, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
after(async () => { if (browser) await browser.close(); });

// ---- building pages and reading traces ----

function buildPage(jsonl, name) {
  const html = path.join(OUT, name + '.html');
  execFileSync(JSONL2HTML, [jsonl, html], { stdio: ['ignore', 'inherit', 'inherit'] });
  return html;
}

function readTrace(jsonl) {
  return parseTrace(fs.readFileSync(jsonl, 'utf8'));
}

// The trace's steps, each with its `frames` in full: a step records them
// whole or as changes to the previous step's (`stack`, docs/trace-format.md).
function parseTrace(text) {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const steps = lines.slice(1).map((l) => JSON.parse(l));
  let frames = [];
  for (const s of steps) {
    if (s.frames) {
      frames = s.frames.map((f) => ({ ...f, names: [...f.names] }));
    } else if (s.stack) {
      const d = s.stack;
      frames = frames.slice(0, frames.length - (d.pop || 0)).map((f) => ({ ...f, names: [...f.names] }));
      for (const c of d.change || []) {
        const f = frames[c.i];
        if (c.line !== undefined) f.line = c.line;
        if (c.names) f.names = [...c.names];
        f.names = f.names.filter(([n]) => !(c.unbind || []).includes(n));
        for (const [n, id] of c.bind || []) {
          const at = f.names.findIndex(([m]) => m === n);
          if (at >= 0) f.names[at] = [n, id];
          else f.names.push([n, id]);
        }
      }
      for (const f of d.push || []) frames.push({ ...f, names: [...f.names] });
      const last = frames[frames.length - 1];
      const given = (d.push || []).length ? d.push[d.push.length - 1].line
        : ((d.change || []).find((c) => c.i === frames.length - 1 && c.line !== undefined) || {}).line;
      last.line = given !== undefined ? given : s.line;
    } else if (frames.length) {
      frames = frames.slice();
      frames[frames.length - 1] = { ...frames[frames.length - 1], line: s.line };
    }
    s.frames = frames;
  }
  return { header: JSON.parse(lines[0]), steps };
}

// The references an object holds (the format's object kinds).
function refsOf(o) {
  const r = [];
  for (const id of o.items || []) r.push(id);
  for (const [k, v] of o.entries || []) r.push(k, v);
  for (const id of o.bases || []) r.push(id);
  for (const id of o.defaults || []) r.push(id);
  for (const [, id] of o.cells || []) r.push(id);
  for (const [, id] of o.attrs || []) r.push(id);
  if (o.type === 'cell' && typeof o.value === 'number') r.push(o.value);
  if (typeof o.func === 'number') r.push(o.func);
  if (typeof o.self === 'number') r.push(o.self);
  return r;
}

// What the viewer must show at step k, from a replay of steps 0..k.
function expectedAt(trace, k) {
  const heap = new Map();
  let before = null;
  let stdout = '';
  for (let j = 0; j <= k; j++) {
    const s = trace.steps[j];
    if (j === k) before = new Map(heap);
    for (const id of s.freed || []) heap.delete(id);
    for (const o of s.objects || []) {
      if (o.splice) {
        const e = heap.get(o.id);
        const field = e.o.items ? 'items' : 'entries';
        const list = [...e.o[field]];
        list.splice(o.splice[0], o.splice[1], ...o.splice[2]);
        heap.set(o.id, { o: { ...e.o, [field]: list }, rc: o.rc === undefined ? e.rc : o.rc });
      } else {
        heap.set(o.id, { o, rc: o.rc });
      }
    }
    for (const [id, c] of s.refcounts || []) {
      const e = heap.get(id);
      if (e) heap.set(id, { o: e.o, rc: c });
    }
    stdout += s.stdout || '';
  }
  const s = trace.steps[k];
  const nameRefs = new Map();
  const reachable = new Set();
  const todo = [];
  let arrows = 0;
  for (const f of s.frames) {
    for (const [, id] of f.names) {
      nameRefs.set(id, (nameRefs.get(id) || 0) + 1);
      if (heap.has(id)) { arrows++; todo.push(id); }
    }
  }
  while (todo.length) {
    const id = todo.pop();
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const r of refsOf(heap.get(id).o)) {
      if (heap.has(r)) { arrows++; todo.push(r); }
    }
  }
  const collected = new Set(s.collected || []);
  return {
    step: k,
    line: s.line,
    prevLine: k > 0 ? trace.steps[k - 1].line : null,
    counter: `Step ${k + 1} of ${trace.steps.length}`,
    stdout,
    frames: s.frames.map((f) => ({ name: f.name, line: f.line || 0, names: f.names.map((n) => n[0]) })),
    boxes: [...reachable].map((id) => {
      const e = heap.get(id);
      return {
        id: String(id),
        type: e.o.type,
        rc: e.rc === undefined ? null : String(e.rc),
        cached: !!e.o.cached,
        interned: !!e.o.interned,
        aliased: (nameRefs.get(id) || 0) > 1,
      };
    }).sort(byId),
    ghosts: (s.freed || []).filter((id) => before.has(id))
      .map((id) => ({ id: String(id), collected: collected.has(id) })).sort(byId),
    arrows,
  };
}

function byId(a, b) { return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; }

// What the page shows now, with each arrow checked to start on its pointer
// and end on its target's box.
async function shown(page) {
  return page.evaluate(() => {
    const q = (s, root = document) => [...root.querySelectorAll(s)];
    const app = document.getElementById('rs-app');
    const viz = document.getElementById('rs-viz').getBoundingClientRect();
    const inside = (x, y, r) => x >= r.left - 1.5 && x <= r.right + 1.5 && y >= r.top - 1.5 && y <= r.bottom + 1.5;
    const badArrows = [];
    const arrows = q('#rs-arrow-layer path.rs-arrow').map((p) => {
      const from = p.getAttribute('data-from');
      const to = p.getAttribute('data-to');
      const nums = p.getAttribute('d').match(/-?\d+(\.\d+)?/g).map(Number);
      const src = q('.rs-ptr').find((e) => e.dataset.from === from);
      const dst = q('#rs-heap .rs-obj').find((e) => e.dataset.id === to);
      const svg = document.getElementById('rs-arrows').getBoundingClientRect();
      const [x1, y1] = [nums[0] + svg.left, nums[1] + svg.top];
      const [x2, y2] = [nums[nums.length - 2] + svg.left, nums[nums.length - 1] + svg.top];
      if (!src || !dst || !inside(x1, y1, src.getBoundingClientRect()) || !inside(x2, y2, dst.getBoundingClientRect())) {
        badArrows.push({ from, to, src: !!src, dst: !!dst, start: [x1, y1], end: [x2, y2], srcRect: src && src.getBoundingClientRect().toJSON(), dstRect: dst && dst.getBoundingClientRect().toJSON() });
      }
      if (src && src.dataset.to !== to) badArrows.push({ from, to, pointerTo: src.dataset.to });
      return { from, to };
    });
    return {
      step: Number(app.dataset.step),
      line: Number(app.dataset.line),
      curLine: q('.rs-line.rs-cur').map((e) => Number(e.dataset.line)),
      prevLine: q('.rs-line.rs-prev').map((e) => Number(e.dataset.line)),
      counter: document.getElementById('rs-counter').textContent,
      slider: Number(document.getElementById('rs-slider').value),
      stdout: document.getElementById('rs-stdout').textContent,
      frames: q('.rs-frame').map((f) => ({
        name: f.dataset.name,
        line: Number(((f.querySelector('.rs-frame-line') || {}).textContent || 'line 0').slice(5)),
        names: q('tr.rs-name', f).map((r) => r.dataset.name),
      })),
      boxes: q('#rs-heap .rs-obj').map((b) => ({
        id: b.dataset.id,
        type: b.dataset.type,
        rc: b.dataset.rc === undefined ? null : b.dataset.rc,
        cached: b.classList.contains('rs-cached'),
        interned: b.classList.contains('rs-interned'),
        aliased: b.classList.contains('rs-aliased'),
      })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      ghosts: q('#rs-ghosts .rs-obj').map((b) => ({ id: b.dataset.id, collected: b.classList.contains('rs-collected') }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      arrows: arrows.length,
      badArrows,
      rcText: q('#rs-heap .rs-obj').map((b) => [b.dataset.id, (b.querySelector('.rs-rc') || {}).textContent || null]),
      vizWidth: viz.width,
    };
  });
}

async function check(page, trace, k, how) {
  await page.waitForFunction((k) => document.getElementById('rs-app').dataset.step === String(k), k, { timeout: 20000 });
  const got = await shown(page);
  const want = expectedAt(trace, k);
  const at = `step ${k} (${how})`;
  assert.equal(got.step, k, at);
  assert.equal(got.counter, want.counter, at);
  assert.equal(got.slider, k, at);
  assert.equal(got.line, want.line, at);
  assert.deepEqual(got.curLine, [want.line], at + ': highlighted line');
  if (want.prevLine !== null && want.prevLine !== want.line) assert.deepEqual(got.prevLine, [want.prevLine], at);
  assert.equal(got.stdout, want.stdout, at + ': output');
  assert.deepEqual(got.frames, want.frames, at + ': frames and names');
  assert.deepEqual(got.boxes, want.boxes, at + ': objects');
  assert.deepEqual(got.ghosts, want.ghosts, at + ': freed objects');
  assert.equal(got.arrows, want.arrows, at + ': arrows');
  assert.deepEqual(got.badArrows, [], at + ': arrow endpoints');
  for (const [id, text] of got.rcText) {
    const box = want.boxes.find((b) => b.id === id);
    assert.equal(text, box.rc === null ? null : 'rc ' + box.rc, at + ': rc shown for ' + id);
  }
  return got;
}

async function open(html) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  await page.goto('file://' + html, { waitUntil: 'load', timeout: 180000 });
  page.refscope = { errors, requests };
  return page;
}

function done(page) {
  assert.deepEqual(page.refscope.errors, [], 'no script errors');
  assert.deepEqual(page.refscope.requests, [], 'the page loads nothing from the network');
  return page.close();
}

const FIX = path.join(HERE, 'fixtures');

// ---- small traces: every step, both ways ----

for (const name of ['basics', 'cycle']) {
  test(`${name}: every step forward and back with the buttons`, async () => {
    const jsonl = path.join(FIX, name + '.jsonl');
    const trace = readTrace(jsonl);
    const page = await open(buildPage(jsonl, name));
    const n = trace.steps.length;
    await check(page, trace, 0, 'opened');
    for (let k = 1; k < n; k++) {
      await page.click('#rs-next');
      await check(page, trace, k, 'next');
    }
    assert.ok(await page.isDisabled('#rs-next'), 'next is disabled at the last step');
    await page.screenshot({ path: path.join(OUT, `${name}-last.png`), fullPage: true });
    for (let k = n - 2; k >= 0; k--) {
      await page.click('#rs-prev');
      await check(page, trace, k, 'prev');
    }
    assert.ok(await page.isDisabled('#rs-prev'), 'prev is disabled at the first step');
    await page.click('#rs-last');
    await check(page, trace, n - 1, 'last');
    await page.click('#rs-first');
    await check(page, trace, 0, 'first');
    await done(page);
  });
}

test('basics: what the boxes say (cached, interned, aliased, ids, return value, output)', async () => {
  const jsonl = path.join(FIX, 'basics.jsonl');
  const trace = readTrace(jsonl);
  const page = await open(buildPage(jsonl, 'basics'));
  await page.evaluate(() => window.refscopeViewer.go(8));
  await check(page, trace, 8, 'go');
  // x, y and n name the one cached 5: one box, three name arrows into it.
  const five = '139900000000144';
  const info = await page.evaluate((five) => {
    const box = [...document.querySelectorAll('#rs-heap .rs-obj')].find((b) => b.dataset.id === five);
    const idEl = box.querySelector('.rs-id');
    return {
      boxes: [...document.querySelectorAll('#rs-heap .rs-obj')].filter((b) => b.dataset.id === five).length,
      intoFive: [...document.querySelectorAll('path.rs-arrow')].filter((p) => p.getAttribute('data-to') === five)
        .map((p) => p.getAttribute('data-from')).sort(),
      badges: [...box.querySelectorAll('.rs-badge')].map((b) => b.textContent),
      shortId: idEl.textContent,
      title: idEl.title,
      value: box.querySelector('.rs-value').textContent,
      returnRow: document.querySelector('tr.rs-return .rs-name-text').textContent,
      strBadges: [...document.querySelectorAll('#rs-heap .rs-obj.rs-interned .rs-badge')].map((b) => b.textContent),
      event: document.getElementById('rs-event').textContent,
    };
  }, five);
  assert.equal(info.boxes, 1);
  assert.deepEqual(info.intoFive, ['frame:0:x', 'frame:0:y', 'frame:1:__return__', 'frame:1:n', 'obj:139800000000100:items:1']);
  assert.ok(info.badges.includes('cached'));
  assert.ok(info.badges.includes('aliased \u00d74'), info.badges.join());
  assert.equal(info.shortId, '\u2026' + Number(five).toString(16).slice(-5));
  assert.ok(info.title.includes(five), info.title);
  assert.equal(info.value, '5');
  assert.equal(info.returnRow, 'Return value');
  assert.ok(info.strBadges.includes('interned'));
  assert.match(info.event, /f is returning/);
  // The freed list is shown as a ghost for the step that frees it only.
  await page.evaluate(() => window.refscopeViewer.go(11));
  const ghost = await page.$eval('#rs-ghosts .rs-obj', (g) => [g.dataset.id, g.className, g.textContent]);
  assert.equal(ghost[0], '139800000000100');
  assert.match(ghost[1], /rs-freed/);
  assert.match(ghost[2], /freed/);
  await page.click('#rs-next');
  assert.equal(await page.$$eval('#rs-ghosts .rs-obj', (g) => g.length), 0);
  // '</script>' in the code and the output cannot break the page.
  assert.equal(await page.$eval('#rs-stdout', (e) => e.textContent), '5 </script>\n');
  assert.equal(await page.$eval('.rs-line[data-line="11"] .rs-src', (e) => e.textContent), 'print(r, "</script>")');
  assert.match(await page.title(), /^basics\.py/);
  await done(page);
});

test('cycle: objects found by the collector, the exception, the module and class objects', async () => {
  const jsonl = path.join(FIX, 'cycle.jsonl');
  const trace = readTrace(jsonl);
  const page = await open(buildPage(jsonl, 'cycle'));
  await page.evaluate(() => window.refscopeViewer.go(8));
  await check(page, trace, 8, 'go');
  let ghosts = await page.$$eval('#rs-ghosts .rs-obj', (gs) => gs.map((g) => [g.dataset.type, g.classList.contains('rs-freed')]));
  assert.deepEqual(ghosts.sort(), [['dict', true], ['list', true]]);
  await page.click('#rs-next');
  await check(page, trace, 9, 'next');
  ghosts = await page.$$eval('#rs-ghosts .rs-obj', (gs) => gs.map((g) => [g.dataset.type, g.classList.contains('rs-collected'), g.textContent.includes('collected by gc')]));
  assert.deepEqual(ghosts, [['Node', true, true], ['Node', true, true]]);
  assert.match(await page.$eval('#rs-event', (e) => e.textContent), /generation 2: 4 collected/);
  await page.screenshot({ path: path.join(OUT, 'cycle-collected.png'), fullPage: true });
  await page.click('#rs-next');
  await check(page, trace, 10, 'next');
  assert.match(await page.$eval('#rs-event', (e) => e.textContent), /ZeroDivisionError: division by zero/);
  // The class box shows its name and a base arrow; object (repr only) shows its repr.
  await page.evaluate(() => window.refscopeViewer.go(7));
  await check(page, trace, 7, 'go');
  const texts = await page.$$eval('#rs-heap .rs-obj', (bs) => bs.map((b) => b.textContent));
  assert.ok(texts.some((t) => t.includes('class Node')));
  assert.ok(texts.some((t) => t.includes("<class 'object'>")));
  assert.ok(texts.some((t) => t.includes("<module 'gc' (built-in)>")));
  assert.ok(texts.some((t) => t.includes('__init__(self, name)')));
  await page.screenshot({ path: path.join(OUT, 'cycle-step7.png'), fullPage: true });
  await done(page);
});

test('keyboard, slider and jump to line', async () => {
  const jsonl = path.join(FIX, 'basics.jsonl');
  const trace = readTrace(jsonl);
  const n = trace.steps.length;
  const page = await open(buildPage(jsonl, 'basics'));
  await check(page, trace, 0, 'opened');
  for (let k = 1; k <= 3; k++) {
    await page.keyboard.press('ArrowRight');
    await check(page, trace, k, 'ArrowRight');
  }
  await page.keyboard.press('ArrowLeft');
  await check(page, trace, 2, 'ArrowLeft');
  await page.keyboard.press('End');
  await check(page, trace, n - 1, 'End');
  await page.keyboard.press('ArrowRight');
  await check(page, trace, n - 1, 'ArrowRight at the end');
  await page.keyboard.press('Home');
  await check(page, trace, 0, 'Home');

  // The slider: set by a drag (value + input event), then by its own keys
  // (one step per key, not two).
  await page.$eval('#rs-slider', (s) => { s.value = '9'; s.dispatchEvent(new Event('input', { bubbles: true })); });
  await check(page, trace, 9, 'slider');
  await page.focus('#rs-slider');
  await page.keyboard.press('ArrowRight');
  await check(page, trace, 10, 'slider key');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await check(page, trace, 8, 'slider keys');
  const box = await page.$eval('#rs-slider', (s) => { const r = s.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; });
  await page.mouse.click(box[0] + 8, box[1] + box[3] / 2);
  await check(page, trace, 0, 'slider click at its start');

  // Jump to line: the next step at that line, wrapping to the start.
  const stepsAt = (line) => trace.steps.filter((s) => s.line === line).map((s) => s.step);
  assert.deepEqual(stepsAt(7), [7, 8]);
  await page.fill('#rs-jump-line', '7');
  await page.press('#rs-jump-line', 'Enter');
  await check(page, trace, 7, 'jump to 7');
  await page.click('#rs-jump button');
  await check(page, trace, 8, 'jump to 7 again');
  await page.click('#rs-jump button');
  await check(page, trace, 7, 'jump to 7 wraps');
  assert.match(await page.$eval('#rs-jump-msg', (e) => e.textContent), /wrapped/);
  // Arrow keys typed in the line box move its caret, not the step.
  await page.focus('#rs-jump-line');
  await page.keyboard.press('ArrowLeft');
  await check(page, trace, 7, 'ArrowLeft inside the input');
  await page.fill('#rs-jump-line', '99');
  await page.press('#rs-jump-line', 'Enter');
  assert.match(await page.$eval('#rs-jump-msg', (e) => e.textContent), /no step runs line 99/);
  await check(page, trace, 7, 'jump to a line never run');
  await done(page);
});

// ---- real traces: `refscope trace --format json` on small programs ----

function recordTrace(program, name) {
  const jsonl = path.join(OUT, name + '.jsonl');
  fs.rmSync(jsonl, { force: true });
  const run = spawnSync(REFSCOPE, ['trace', program, '--format', 'json', '-o', jsonl], { encoding: 'utf8' });
  assert.ok(fs.existsSync(jsonl), `refscope trace ${program} wrote no trace (status ${run.status}): ${run.stderr}`);
  return jsonl;
}

async function walk(page, trace, name) {
  const n = trace.steps.length;
  assert.ok(n > 3, `${name}: only ${n} steps`);
  await check(page, trace, 0, 'opened');
  for (let k = 1; k < n; k++) {
    await page.keyboard.press('ArrowRight');
    await check(page, trace, k, 'ArrowRight');
  }
  await page.screenshot({ path: path.join(OUT, `${name}-last.png`), fullPage: true });
  for (let k = n - 2; k >= Math.max(0, n - 40); k--) {
    await page.click('#rs-prev');
    await check(page, trace, k, 'prev');
  }
  for (const k of [Math.floor(n / 2), 1, n - 1, Math.floor(n / 3)]) {
    await page.$eval('#rs-slider', (sl, k) => { sl.value = String(k); sl.dispatchEvent(new Event('input', { bubbles: true })); }, k);
    await check(page, trace, k, 'slider');
  }
}

const PROGRAMS = path.join(HERE, 'programs');

for (const name of ['aliasing', 'closures', 'cycle']) {
  test(`real trace of tests/browser/programs/${name}.py: every step`, async () => {
    const jsonl = recordTrace(path.join(PROGRAMS, name + '.py'), 'real-' + name);
    const trace = readTrace(jsonl);
    const page = await open(buildPage(jsonl, 'real-' + name));
    await walk(page, trace, 'real-' + name);
    await done(page);
  });
}

// Frames entered and left (the format's `stack` changes): recursion several
// frames deep, generators resumed, an exception leaving frames; long
// containers changed in place (the format's splices).
for (const name of ['recursion', 'generators', 'exceptions', 'containers']) {
  test(`real trace of tests/trace/programs/${name}.py: every step`, async () => {
    const jsonl = recordTrace(path.join(ROOT, 'tests/trace/programs', name + '.py'), 'real-' + name);
    const trace = readTrace(jsonl);
    if (name === 'containers') {
      assert.ok(trace.steps.some((s) => (s.objects || []).some((o) => o.splice)), 'containers changed as splices');
    } else {
      assert.ok(trace.steps.some((s) => s.stack && s.stack.push) && trace.steps.some((s) => s.stack && s.stack.pop), 'frames pushed and popped');
    }
    const page = await open(buildPage(jsonl, 'real-' + name));
    await walk(page, trace, 'real-' + name);
    await done(page);
  });
}

test('real traces: what the boxes show for aliasing, cached ints and the collector', async () => {
  let jsonl = recordTrace(path.join(PROGRAMS, 'aliasing.py'), 'real-aliasing');
  let trace = readTrace(jsonl);
  let page = await open(buildPage(jsonl, 'real-aliasing'));
  // Line 6 (b = a... about to run `b.append(big)`): x and y name one cached 5,
  // a and b one list.
  let k = trace.steps.findIndex((s) => s.line === 7);
  assert.ok(k > 0);
  await page.evaluate((k) => window.refscopeViewer.go(k), k);
  await check(page, trace, k, 'go');
  const into = await page.evaluate(() => {
    const names = {};
    for (const p of document.querySelectorAll('path.rs-arrow-name')) names[p.getAttribute('data-from').split(':')[2]] = p.getAttribute('data-to');
    const box = (id) => [...document.querySelectorAll('#rs-heap .rs-obj')].find((b) => b.dataset.id === id);
    return { names, five: box(names.x).textContent, list: box(names.a).className, listText: box(names.a).textContent };
  });
  assert.equal(into.names.x, into.names.y, 'x and y name one object');
  assert.equal(into.names.a, into.names.b, 'a and b name one object');
  assert.match(into.five, /cached/);
  assert.match(into.five, /aliased/);
  assert.match(into.list, /rs-aliased/);
  assert.match(into.listText, /rc 2/);
  await page.screenshot({ path: path.join(OUT, 'real-aliasing-line7.png'), fullPage: true });
  await done(page);

  jsonl = recordTrace(path.join(PROGRAMS, 'cycle.py'), 'real-cycle');
  trace = readTrace(jsonl);
  page = await open(buildPage(jsonl, 'real-cycle'));
  k = trace.steps.findIndex((s) => (s.collected || []).length > 0);
  assert.ok(k > 0, 'the collector found the cycle in some step');
  await page.evaluate((k) => window.refscopeViewer.go(k), k);
  await check(page, trace, k, 'go');
  const ghosts = await page.$$eval('#rs-ghosts .rs-obj.rs-collected', (g) => g.map((b) => b.dataset.type));
  assert.ok(ghosts.filter((t) => t === 'Node').length === 2, ghosts.join());
  await page.screenshot({ path: path.join(OUT, 'real-cycle-collected.png'), fullPage: true });
  await page.click('#rs-last');
  assert.match(await page.$eval('#rs-event', (e) => e.textContent), /IndexError: string index out of range/);
  await done(page);
});

test('examples/seed.py: every step, and the screenshot of docs/viewer.png', async () => {
  const jsonl = recordTrace(path.join(ROOT, 'examples/seed.py'), 'seed');
  const trace = readTrace(jsonl);
  const page = await open(buildPage(jsonl, 'seed'));
  await walk(page, trace, 'seed');
  // The step after `alias.append(4)`: two names, one list.
  const k = trace.steps.findIndex((s) => s.line === 22);
  assert.ok(k > 0);
  await page.evaluate((k) => window.refscopeViewer.go(k), k);
  await check(page, trace, k, 'go');
  await page.screenshot({ path: path.join(OUT, 'seed.png') });
  await done(page);
});

test('refscope trace --format html writes the viewer page itself', async () => {
  const html = path.join(OUT, 'seed-cli.html');
  fs.rmSync(html, { force: true });
  const run = spawnSync(REFSCOPE, ['trace', path.join(ROOT, 'examples/seed.py'), '-o', html], { encoding: 'utf8' });
  assert.ok(fs.existsSync(html), `no page written (status ${run.status}): ${run.stderr}`);
  const page = await open(html);
  // The trace as the page holds it (ids differ from run to run).
  const text = await page.$$eval('script.rs-trace', (els) => els.map((e) => e.textContent).join('\n'));
  const trace = parseTrace(text);
  assert.equal(trace.header.program, 'seed.py');
  assert.ok(trace.steps.length > 10);
  await check(page, trace, 0, 'opened');
  await page.click('#rs-last');
  await check(page, trace, trace.steps.length - 1, 'last');
  assert.match(await page.title(), /^seed\.py/);
  await done(page);
});

// ---- a far jump in slices: the page answers meanwhile ----

test('a far jump is made in slices: progress shows, controls answer, and it lands on the trace state', { timeout: 120000 }, async () => {
  // A linked list of 600 nodes: about 5,400 steps, 1,200 objects drawn at
  // the end (more than one slice draws). The replay is slowed down (20
  // steps a slice, 15 ms apart) so that the jump stays pending a while.
  const jsonl = path.join(OUT, 'sliced.jsonl');
  fs.rmSync(jsonl, { force: true });
  const run = spawnSync(REFSCOPE, ['trace', path.join(ROOT, 'benches/trace/linked_list.py'), '--format', 'json', '-o', jsonl, '--', '600'], { encoding: 'utf8' });
  assert.ok(fs.existsSync(jsonl), `no trace written (status ${run.status}): ${run.stderr}`);
  const trace = readTrace(jsonl);
  const n = trace.steps.length;
  const html = buildPage(jsonl, 'sliced');
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => { window.refscopeThrottle = [20, 15]; });
  await page.goto('file://' + html, { waitUntil: 'load' });
  await check(page, trace, 0, 'opened');
  const look = () => page.evaluate(() => ({
    step: document.getElementById('rs-app').dataset.step,
    pending: document.getElementById('rs-app').dataset.pending,
    counter: document.getElementById('rs-counter').textContent,
    progress: document.getElementById('rs-progress').textContent,
  }));

  await page.click('#rs-last');
  let s = await look();
  assert.equal(s.pending, String(n - 1), 'the jump to the last step is pending');
  assert.equal(s.step, '0', 'step 0 stays shown meanwhile');
  // The page keeps painting the jump's progress while it replays.
  const seen = new Set();
  for (let i = 0; i < 6; i++) {
    s = await look();
    if (s.pending !== String(n - 1)) break;
    assert.match(s.progress, new RegExp(`^going to step ${n}: \\d+%$`));
    seen.add(s.progress);
    await page.waitForTimeout(150);
  }
  assert.ok(seen.size >= 2, `the progress moved while pending: ${[...seen].join(', ')}`);

  // A control used meanwhile answers at once and replaces the jump.
  await page.keyboard.press('ArrowRight');
  await check(page, trace, 1, 'ArrowRight while the jump was pending');
  s = await look();
  assert.equal(s.pending, undefined, 'the jump was replaced');
  assert.equal(s.counter, `Step 2 of ${n}`);

  // Jump again: it lands on the trace's last state, drawn whole.
  await page.click('#rs-last');
  assert.equal((await look()).pending, String(n - 1));
  await page.waitForFunction((k) => document.getElementById('rs-app').dataset.step === String(k), n - 1, { timeout: 60000 });
  const got = await check(page, trace, n - 1, 'last, after a pending jump');
  assert.ok(got.boxes.length > 1200, `${got.boxes.length} objects drawn`);
  await page.click('#rs-prev');
  await check(page, trace, n - 2, 'prev after the jump');
  const mid = Math.floor(n / 2);
  await page.$eval('#rs-slider', (sl, k) => { sl.value = String(k); sl.dispatchEvent(new Event('input', { bubbles: true })); }, mid);
  await check(page, trace, mid, 'slider to the middle');
  assert.deepEqual(errors, [], 'no script errors');
  await page.close();
});

// ---- a heap that keeps growing: fewer checkpoints, every step still right ----

test('a growing heap thins the checkpoints and every step stays right', async () => {
  // Step k (k >= 1) makes a new int k that nothing frees; the name `last`
  // is bound to it. The heap holds k objects at step k.
  const N = 30000;
  const jsonl = path.join(OUT, 'growing.jsonl');
  const lines = [JSON.stringify({ format: 'refscope-trace', version: 1, python: '3.11', program: 'grow.py', code: 'keep = []\nwhile True:\n    keep.append(object())\n' })];
  for (let k = 0; k < N; k++) {
    const s = { step: k, event: 'step_line', line: k % 2 ? 3 : 2, func: '<module>', frames: [{ id: 1, name: '<module>', line: 2, names: k ? [['last', 100000 + k]] : [] }] };
    if (k) s.objects = [{ id: 100000 + k, type: 'int', rc: 1, value: String(k) }];
    lines.push(JSON.stringify(s));
  }
  fs.writeFileSync(jsonl, lines.join('\n') + '\n');
  const page = await open(buildPage(jsonl, 'growing'));
  const look = () => page.evaluate(() => ({
    step: Number(document.getElementById('rs-app').dataset.step),
    value: (document.querySelector('#rs-heap .rs-value') || {}).textContent,
    heapSize: window.refscopeViewer.timeline.heap.size,
    checkpoints: window.refscopeViewer.timeline.checkpoints.filter(Boolean).length,
  }));
  const at = (k) => page.waitForFunction((k) => document.getElementById('rs-app').dataset.step === String(k), k, { timeout: 20000 });
  await page.click('#rs-last');
  await at(N - 1);
  let s = await look();
  assert.equal(s.value, String(N - 1));
  assert.equal(s.heapSize, N - 1);
  const all = Math.ceil(N / 256);
  assert.ok(s.checkpoints < all / 2, `${s.checkpoints} checkpoints kept of ${all}`);
  for (const k of [N - 2, 17, 20000, 12345, 29999, 256, 255, 5000]) {
    await page.evaluate((k) => window.refscopeViewer.go(k), k);
    await at(k);
    s = await look();
    assert.deepEqual([s.step, s.value, s.heapSize], [k, String(k), k], `step ${k}`);
  }
  await done(page);
  fs.rmSync(jsonl);
});

// ---- a million steps ----

// i = 0; xs = []; then i = i + 1 forever: every other step binds i to a new
// int (two addresses taking turns), freeing the previous one; every 1000th
// value is printed.
const BIG_CODE = 'i = 0\nxs = []\nwhile True:\n    i = i + 1\n    if i % 1000 == 0: print(i)\n';
const MOD = 7000;
const XS = 7100;
const ZERO = 9000;
const INT_ID = [8000, 8032];

function bigValue(k) { return k >= 2 ? Math.floor((k - 2) / 2) : 0; }
function bigIntId(j) { return j === 0 ? ZERO : INT_ID[j % 2]; }

function bigStep(k) {
  if (k === 0) return { step: 0, event: 'step_line', line: 1, func: '<module>', frames: [{ id: MOD, name: '<module>', line: 1, names: [] }] };
  if (k === 1) {
    return { step: 1, event: 'step_line', line: 2, func: '<module>', stack: { change: [{ i: 0, bind: [['i', ZERO]] }] },
      objects: [{ id: ZERO, type: 'int', cached: true, value: '0' }] };
  }
  const j = bigValue(k);
  const line = k % 2 === 0 ? 3 : 4;
  // The frame changes only when a name is bound (the format's `stack`).
  const s = { step: k, event: 'step_line', line, func: '<module>' };
  if (k === 2) {
    s.stack = { change: [{ i: 0, bind: [['xs', XS]] }] };
    s.objects = [{ id: XS, type: 'list', rc: 1, items: [] }];
  } else if (k % 2 === 0) {
    s.stack = { change: [{ i: 0, bind: [['i', bigIntId(j)]] }] };
    s.objects = [{ id: bigIntId(j), type: 'int', rc: 1, value: String(j) }];
    if (j >= 2) s.freed = [bigIntId(j - 1)];
    if (j % 1000 === 0) s.stdout = j + '\n';
  }
  return s;
}

function bigStdout(k) {
  const j = bigValue(k);
  let out = '';
  for (let m = 1000; m <= j; m += 1000) out += m + '\n';
  return out;
}

test(`a trace of ${BIG_STEPS} steps stays responsive`, { timeout: 600000 }, async () => {
  const jsonl = path.join(OUT, 'big.jsonl');
  const fd = fs.openSync(jsonl, 'w');
  fs.writeSync(fd, JSON.stringify({ format: 'refscope-trace', version: 1, python: '3.11', program: 'count.py', code: BIG_CODE }) + '\n');
  for (let k = 0; k < BIG_STEPS; k += 10000) {
    const chunk = [];
    for (let i = k; i < Math.min(BIG_STEPS, k + 10000); i++) chunk.push(JSON.stringify(bigStep(i)));
    fs.writeSync(fd, chunk.join('\n') + '\n');
  }
  fs.closeSync(fd);
  const html = buildPage(jsonl, 'big');
  const mb = (fs.statSync(html).size / 1e6).toFixed(0);

  let t = Date.now();
  const page = await open(html);
  await page.waitForFunction(() => document.getElementById('rs-app').dataset.step === '0', null, { timeout: 120000 });
  const loadMs = Date.now() - t;
  const timings = await page.evaluate(() => {
    const t = window.refscopeTimings;
    return `script started at ${t.start.toFixed(0)} ms, step 0 shown at ${t.shown.toFixed(0)} ms, ` +
      `page read at ${t.loaded.toFixed(0)} ms`;
  });
  assert.equal(await page.$eval('#rs-counter', (e) => e.textContent), `Step 1 of ${BIG_STEPS}`);

  const state = () => page.evaluate(() => ({
    step: Number(document.getElementById('rs-app').dataset.step),
    values: [...document.querySelectorAll('#rs-heap .rs-obj[data-type="int"] .rs-value')].map((e) => e.textContent),
    ids: [...document.querySelectorAll('#rs-heap .rs-obj')].map((e) => e.dataset.id).sort(),
    ghosts: [...document.querySelectorAll('#rs-ghosts .rs-obj')].map((e) => e.dataset.id),
    stdoutTail: document.getElementById('rs-stdout').textContent.slice(-40),
    stdoutLen: document.getElementById('rs-stdout').textContent.length,
    arrows: document.querySelectorAll('path.rs-arrow').length,
    applied: window.refscopeViewer.timeline.applied,
  }));
  const expectBig = async (k, how) => {
    await page.waitForFunction((k) => document.getElementById('rs-app').dataset.step === String(k), k, { timeout: 60000 });
    const s = await state();
    const j = bigValue(k);
    assert.deepEqual(s.values, [String(j)], `${how}: i at step ${k}`);
    assert.deepEqual(s.ids, [String(bigIntId(j)), String(XS)].sort(), how);
    assert.equal(s.arrows, 2, how);
    const out = bigStdout(k);
    assert.equal(s.stdoutLen, out.length, how + ': output length');
    assert.equal(s.stdoutTail, out.slice(-40), how);
    assert.deepEqual(s.ghosts, k % 2 === 0 && j >= 2 ? [String(bigIntId(j - 1))] : [], how + ': freed');
    return s;
  };

  t = Date.now();
  await page.click('#rs-last');
  let s = await expectBig(BIG_STEPS - 1, 'last');
  const lastMs = Date.now() - t;
  assert.ok(lastMs < 20000, `jumping to the last step took ${lastMs} ms`);

  // One step back and forth applies or undoes one step's changes.
  const before = s.applied;
  t = Date.now();
  await page.click('#rs-prev');
  s = await expectBig(BIG_STEPS - 2, 'prev');
  await page.click('#rs-next');
  s = await expectBig(BIG_STEPS - 1, 'next');
  assert.ok(s.applied - before <= 1, `one step forward applied ${s.applied - before} steps`);
  const stepMs = Date.now() - t;

  // Random access now starts from a checkpoint: at most 256 steps replayed.
  const evenK = 2 * Math.floor(BIG_STEPS * 0.388888);
  for (const k of [Math.floor(BIG_STEPS / 2), Math.floor(BIG_STEPS * 0.123457), 999, BIG_STEPS - 3, 2, evenK]) {
    const a = (await state()).applied;
    t = Date.now();
    await page.$eval('#rs-slider', (sl, k) => { sl.value = String(k); sl.dispatchEvent(new Event('input', { bubbles: true })); }, k);
    s = await expectBig(k, 'slider');
    assert.ok(s.applied - a <= 256, `going to ${k} applied ${s.applied - a} steps`);
    assert.ok(Date.now() - t < 5000, `going to ${k} took ${Date.now() - t} ms`);
  }

  // Jump to line 5 finds nothing (the trace never runs it) after scanning
  // every step; to line 3, the next step.
  t = Date.now();
  await page.fill('#rs-jump-line', '5');
  await page.press('#rs-jump-line', 'Enter');
  await page.waitForFunction(() => /no step runs line 5/.test(document.getElementById('rs-jump-msg').textContent), null, { timeout: 60000 });
  const scanMs = Date.now() - t;
  await page.fill('#rs-jump-line', '3');
  await page.press('#rs-jump-line', 'Enter');
  await expectBig(evenK + 2, 'jump to line 3');

  await page.screenshot({ path: path.join(OUT, 'big.png') });
  console.log(`# big trace: ${BIG_STEPS} steps, page ${mb} MB; load ${loadMs} ms, last ${lastMs} ms, ` +
    `back+forward ${stepMs} ms, scan for a line ${scanMs} ms; in the page: ${timings}`);
  await done(page);
  if (!process.env.REFSCOPE_KEEP_BIG) {
    fs.rmSync(jsonl);
    fs.rmSync(html);
  }
});
