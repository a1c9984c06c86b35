#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
/**
 * Measures the page on a stored session in headless Chromium: the time from the click on "Reopen" to the result drawn
 * (the page's `resultShown` mark, then two animation frames), and how long the main thread was blocked meanwhile
 * (Long Tasks API: tasks over 50 ms, their longest, and the total blocking time = the sum of each task's excess over
 * 50 ms). With `large`, also one slice step, a stroke until the label table has counted it, and a window/level drag.
 *
 *   node web/measure/reopen.mjs real  [--runs 3] [--shots DIR] [--profile]   # the demo's real MR case (94×82×68, 12 labels)
 *   node web/measure/reopen.mjs large [--runs 3] [--shots DIR] [--profile]   # a synthetic 512×512×300 int16 scan, 12 labels
 *
 * Needs the build (bin/build) and what web/run-tests.sh installs. The session gets its result from a `propagate`
 * job with method `nearest` (the reopen time does not depend on how the result was made). Each run reopens in a fresh
 * browser context. --profile prints, for the first reopen, the functions with the most self time (CPU profile), each
 * full 3-D texture upload and the page's and NiiVue's big steps on a timeline. Prints one JSON object per run and a
 * summary: median and range.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../test/support/server.js';
import { launchBrowser, dragThrough } from '../test/support/browser.js';
import { realCase } from '../test/support/real-case.js';
import { writeLargeScan } from '../test/support/large-scan.js';

const args = process.argv.slice(2);
const which = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args[i + 1];
};
const runs = Number(option('--runs', 3));
const shots = option('--shots', null);
const profile = args.includes('--profile');
if (!['real', 'large'].includes(which) || !(runs >= 1)) {
  console.error('usage: node web/measure/reopen.mjs real|large [--runs N] [--shots DIR] [--profile]');
  process.exit(2);
}

/** Installed before the page's scripts: collects long tasks and, when profiling, 3-D texture uploads. */
function observe() {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

function blocking(tasks) {
  return {
    longTasks: tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...tasks.map(([, d]) => d))),
    blockingMs: Math.round(tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0)),
  };
}

async function api(server, pathname, init = {}) {
  const response = await fetch(server.url + pathname, init);
  if (!response.ok) throw new Error(`${init.method || 'GET'} ${pathname}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A session with the case's scan, annotations and a finished job's result. */
async function prepare(server) {
  let files;
  if (which === 'real') {
    const c = realCase();
    files = { scan: c.image, annotations: c.annotations };
  } else {
    const dir = path.join(tmpdir(), 'labelprop-measure');
    mkdirSync(dir, { recursive: true });
    files = writeLargeScan(dir);
  }
  const session = await api(server, '/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  for (const [kind, file] of [['image', files.scan], ['labels', files.annotations]]) {
    await api(server, `/api/sessions/${session.id}/${kind}`, {
      method: 'PUT', headers: { 'Content-Type': 'application/gzip' }, body: readFileSync(file),
    });
  }
  const job = await api(server, `/api/sessions/${session.id}/jobs`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'propagate', method: 'nearest' }),
  });
  for (;;) {
    const status = await api(server, `/api/jobs/${job.id}`);
    if (status.state === 'succeeded') break;
    if (['failed', 'cancelled'].includes(status.state)) throw new Error(`job ${status.state}: ${status.message}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return session.id;
}

async function newPage(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(err.message));
  page.on('console', (msg) => { if (msg.type() === 'error') page.errors.push(msg.text()); });
  await page.goto(server.url + '/');
  await page.waitForFunction(() => window.labelprop?.viewer?.nv?.gl);
  return page;
}

/** Two animation frames: what was asked for has been drawn. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Runs `action` and returns its wall time with the long tasks that started meanwhile. */
async function timed(page, action) {
  const t0 = await page.evaluate(() => performance.now());
  const start = Date.now();
  await action();
  await frames(page);
  const ms = Date.now() - start;
  const tasks = await page.evaluate((t) => window.longTasks.filter(([s]) => s >= t), t0);
  return { ms, ...blocking(tasks) };
}

async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => {
    const { viewer, watch } = window.labelprop;
    const nv = viewer.nv;
    const gl = nv.gl;
    // the page's and NiiVue's big steps: [name, start, ms] relative to the click
    window.steps = [];
    const t0 = performance.now();
    const wrap = (owner, name, label) => {
      const f = owner[name].bind(owner);
      owner[name] = (...a) => {
        const t = performance.now();
        const r = f(...a);
        const done = () => window.steps.push([label, Math.round(t - t0), Math.round(performance.now() - t)]);
        if (r instanceof Promise) r.then(done, done);
        else done();
        return r;
      };
    };
    wrap(window.niivue.NVImage, 'new', 'NVImage.new');
    for (const name of ['loadImage', 'importLayer', 'resetUndo', 'setActiveLayer']) wrap(viewer, name, `viewer.${name}`);
    for (const name of ['refreshLayers', 'createEmptyDrawing', 'drawAddUndoBitmap']) wrap(nv, name, `nv.${name}`);
    for (const name of ['all', 'layer']) wrap(watch, name, `watch.${name}`);
    window.uploads = [];
    for (const name of ['texSubImage3D', 'texImage3D']) {
      const f = gl[name].bind(gl);
      gl[name] = (...a) => {
        const t = performance.now();
        const r = f(...a);
        if (a[5] * a[6] * a[7] > 1e6) window.uploads.push(`${name} ${a.slice(5, 8).join('×')}: ${Math.round(performance.now() - t)} ms`);
        return r;
      };
    }
  });
  return cdp;
}

async function stopProfile(page, cdp) {
  const { profile: p } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  p.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) || 0) + (p.timeDeltas[i] || 0));
  });
  console.log('self time during the first reopen:');
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(Math.round(us / 1000)).padStart(6)} ms  ${key}`);
  console.log('3-D texture uploads:', (await page.evaluate(() => window.uploads)).join('; ') || 'none');
  console.log('steps (start after the click, duration; ms):');
  for (const [name, start, ms] of await page.evaluate(() => window.steps.sort((a, b) => a[1] - b[1]))) {
    console.log(`  ${String(start).padStart(6)} ${String(ms).padStart(6)}  ${name}`);
  }
}

function summary(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return `${name}: median ${Math.round(median)} (${sorted[0]}–${sorted[sorted.length - 1]}) over ${sorted.length}`;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const id = await prepare(server);
  const results = [];
  let last;
  for (let run = 1; run <= runs; run++) {
    await last?.context().close();
    const page = await newPage(browser, server);
    last = page;
    await page.waitForFunction((s) => [...document.querySelectorAll('#session-select option')].some((o) => o.value === s), id);
    await page.locator('#session-select').selectOption(id);
    const cdp = profile && run === 1 ? await startProfile(page) : null;
    const reopen = await timed(page, async () => {
      await page.getByRole('button', { name: 'Reopen' }).click();
      await page.waitForFunction(() => document.body.dataset.resultShown, null, { timeout: 600000, polling: 100 });
    });
    if (cdp) await stopProfile(page, cdp);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, `${which}-reopened-${run}.png`) });
    }
    const result = { case: which, run, reopen, errors: page.errors };
    results.push(result);
    console.log(JSON.stringify(result));
  }
  console.log(summary('reopen to result drawn, ms', results.map((r) => r.reopen.ms)));
  console.log(summary('longest main-thread task during reopen, ms', results.map((r) => r.reopen.longestTaskMs)));
  console.log(summary('total blocking time during reopen, ms', results.map((r) => r.reopen.blockingMs)));

  if (which === 'large') {
    const page = last;
    await page.locator('#gl').focus();
    const steps = [];
    for (let i = 0; i < 5; i++) steps.push(await timed(page, () => page.keyboard.press('ArrowUp')));
    console.log(JSON.stringify({ sliceSteps: steps }));
    await page.keyboard.press('a');
    await page.keyboard.press('3');
    const k = await page.evaluate(() => window.labelprop.viewer.sliceIndex(2));
    const before = await page.evaluate(() => document.body.dataset.coverage);
    const stroke = await timed(page, async () => {
      await dragThrough(page, [[200, 200, k], [240, 200, k], [240, 230, k]]);
      await page.waitForFunction((b) => document.body.dataset.coverage !== b, before, { timeout: 60000 });
    });
    console.log(JSON.stringify({ strokeToCoverage: stroke }));
    const box = await page.locator('#gl').boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const windowDrag = await timed(page, async () => {
      await page.mouse.move(x, y);
      await page.mouse.down({ button: 'right' });
      await page.mouse.move(x + 60, y + 30, { steps: 6 });
      await page.mouse.up({ button: 'right' });
    });
    console.log(JSON.stringify({ windowDrag }));
    if (page.errors.length) console.log('page errors:', page.errors);
  }
  await last?.context().close();
} finally {
  await browser.close();
  await server.stop();
}
