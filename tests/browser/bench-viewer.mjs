// Measure the trace viewer on one page (e.g. `refscope trace` of
// benches/trace/linked_list.py with 100000 nodes), in headless Chromium:
// time to the first rendered step, time of a jump to the last step, time
// of one step back and one forward after it, and the longest main-thread
// block in each phase (from 'longtask' entries and from the largest gap
// between animation frames), i.e. how long the page could not answer input.
//
// Usage: node tests/browser/bench-viewer.mjs PAGE.html [--runs N]
import { chromium } from 'playwright-core';
import path from 'node:path';

const args = process.argv.slice(2);
const html = path.resolve(args[0]);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
const CHROMIUM = process.env.REFSCOPE_CHROMIUM || '/usr/bin/chromium';

// Installed before the page's own scripts: records long tasks and the gaps
// between animation frames, from the page's start.
function probe() {
  const p = window.__probe = { longest: 0, tasks: [], maxGap: 0, last: performance.now() };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        p.tasks.push([e.startTime, e.duration]);
        if (e.duration > p.longest) p.longest = e.duration;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no longtask support */ }
  const tick = (t) => {
    const now = performance.now();
    if (now - p.last > p.maxGap) p.maxGap = now - p.last;
    p.last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  p.reset = () => { p.longest = 0; p.tasks = []; p.maxGap = 0; p.last = performance.now(); };
}

async function phase(page, label, action, k, timeout = 600000) {
  await page.evaluate(() => window.__probe.reset());
  const t = Date.now();
  await action();
  await page.waitForFunction((k) => document.getElementById('rs-app').dataset.step === String(k), k, { timeout, polling: 50 });
  const ms = Date.now() - t;
  // Let the background work that follows a render show in the probe too.
  const p = await page.evaluate(() => ({ longest: window.__probe.longest, gap: window.__probe.maxGap }));
  return { label, ms, longTask: Math.round(p.longest), rafGap: Math.round(p.gap) };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
for (let r = 0; r < RUNS; r++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(probe);
  const t0 = Date.now();
  await page.goto('file://' + html, { waitUntil: 'commit', timeout: 600000 });
  await page.waitForFunction(() => document.getElementById('rs-app') && document.getElementById('rs-app').dataset.step === '0', null, { timeout: 600000, polling: 50 });
  const shown = Date.now() - t0;
  // The page goes on being read after the first step shows.
  await page.waitForFunction(() => window.refscopeViewer && window.refscopeViewer.trace.complete, null, { timeout: 600000, polling: 50 });
  const load = Date.now() - t0;
  const first = await page.evaluate(() => ({ longest: window.__probe.longest, gap: window.__probe.maxGap, t: window.refscopeTimings }));
  const n = await page.evaluate(() => window.refscopeViewer.trace.length);
  const rows = [
    { label: 'first render', ms: shown, longTask: NaN, rafGap: NaN },
    { label: 'page read', ms: load, longTask: Math.round(first.longest), rafGap: Math.round(first.gap) },
  ];
  // The jump's time without interference: click and wait.
  rows.push(await phase(page, 'jump to last', () => page.click('#rs-last', { noWaitAfter: true }), n - 1));
  rows.push(await phase(page, 'step back', () => page.click('#rs-prev'), n - 2));
  rows.push(await phase(page, 'step forward', () => page.click('#rs-next'), n - 1));
  rows.push(await phase(page, 'jump to middle', () => page.$eval('#rs-slider', (sl, k) => {
    sl.value = String(k); sl.dispatchEvent(new Event('input', { bubbles: true }));
  }, Math.floor(n / 2)), Math.floor(n / 2)));
  rows.push(await phase(page, 'step forward', () => page.click('#rs-next'), Math.floor(n / 2) + 1));
  // Idle a moment: background work (if any) goes on; record its blocks.
  await page.evaluate(() => window.__probe.reset());
  await page.waitForTimeout(3000);
  const idle = await page.evaluate(() => ({ longest: window.__probe.longest, gap: window.__probe.maxGap }));
  rows.push({ label: 'idle 3 s after', ms: 0, longTask: Math.round(idle.longest), rafGap: Math.round(idle.gap) });
  console.log(`run ${r + 1}: ${n} steps; page timings: ${JSON.stringify(first.t)}`);
  for (const row of rows) {
    console.log(`  ${row.label.padEnd(16)} ${String(row.ms).padStart(7)} ms   longest task ${String(row.longTask).padStart(6)} ms   longest frame gap ${String(row.rafGap).padStart(6)} ms`);
  }
  await page.close();
}
await browser.close();
