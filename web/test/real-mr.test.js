// SPDX-License-Identifier: Apache-2.0
/**
 * The real MR case of `labelprop demo` (Colin27 T1, 12 deep grey-matter structures annotated on 3 axial slices) in a
 * real browser: its annotation is uploaded, the default job runs with a short budget, the session is reopened in a
 * fresh browser context, and the screenshot pixels must show each of the 12 labels in its label-table colour, no
 * labelled voxel in white.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.js';
import { launchBrowser, openPage, RESULTS_DIR } from './support/browser.js';
import { readNifti } from './support/nifti.js';
import { realCase } from './support/real-case.js';
import { labelVoxels, largestSlices, drawnColours, isWhite, near, hexToRgb, typicalColour } from './support/pixels.js';

const LABELS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

let server;
let browser;
let page;
let data;
let sessionId;
const figures = {};

async function api(pathname, init = {}) {
  const response = await fetch(server.url + pathname, init);
  if (!response.ok) throw new Error(`${init.method || 'GET'} ${pathname}: ${response.status} ${await response.text()}`);
  return response;
}

async function waitForJobEnd(p, timeout) {
  await p.waitForFunction(
    () => ['succeeded', 'failed', 'cancelled'].includes(document.getElementById('job-panel').dataset.state)
      && document.getElementById('job-cancel').disabled,
    null, { timeout });
  return p.evaluate(() => ({
    state: document.getElementById('job-panel').dataset.state,
    text: document.getElementById('job-text').textContent,
    error: document.getElementById('error').hidden ? '' : document.getElementById('error-text').textContent,
  }));
}

/** Reopens the session in page p and resolves with the milliseconds from the click on Reopen to the result shown. */
async function reopen(p, id) {
  await p.waitForFunction((s) => [...document.querySelectorAll('#session-select option')].some((o) => o.value === s), id);
  await p.locator('#session-select').selectOption(id);
  const start = Date.now();
  await p.getByRole('button', { name: 'Reopen' }).click();
  await p.waitForFunction(() => !document.getElementById('download-result').disabled
    && window.labelprop.viewer.layerData('result').some((v) => v !== 0), null, { timeout: 120000 });
  return Date.now() - start;
}

/** The label table as the page shows it: value → {name, colour [r, g, b]}. */
async function tableRows(p) {
  const rows = await p.evaluate(() => [...document.querySelectorAll('#label-rows tr')].map((tr) => ({
    value: Number(tr.querySelector('td.value')?.textContent),
    name: tr.querySelector('input[type=text]')?.value,
    colour: tr.querySelector('input[type=color]')?.value,
  })));
  return new Map(rows.map((r) => [r.value, { name: r.name, colour: r.colour && hexToRgb(r.colour) }]));
}

before(async () => {
  data = realCase();
  server = await startServer();
  browser = await launchBrowser();
  page = await openPage(browser, server);
});

after(async () => {
  writeFileSync(path.join(RESULTS_DIR, 'real-mr-figures.json'), JSON.stringify(figures, null, 2));
  await browser?.close();
  await server?.stop();
});

test('the real case is uploaded and segmented from its 3-slice annotation by the default job', async () => {
  await page.getByLabel('Open a NIfTI scan').setInputFiles(data.image);
  await page.waitForFunction(() => window.labelprop.session && window.labelprop.viewer.loaded);
  sessionId = await page.evaluate(() => window.labelprop.session.id);
  await api(`/api/sessions/${sessionId}/labels`, {
    method: 'PUT', headers: { 'Content-Type': 'application/gzip' }, body: data.bytes(data.annotations),
  });
  await reopenWithoutResult(page, sessionId);
  await page.getByLabel('Training time limit in seconds').fill('8');
  await page.getByText('Advanced').click();
  await page.getByLabel('Refinement time limit in seconds').fill('1');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/jobs'));
  const started = Date.now();
  await page.getByRole('button', { name: 'Train & propagate' }).click();
  const body = JSON.parse((await posted).postData());
  assert.equal(body.type, 'train');
  assert.equal(body.method, undefined, 'the default method');
  const end = await waitForJobEnd(page, 300000);
  figures.jobSeconds = (Date.now() - started) / 1000;
  assert.equal(end.state, 'succeeded', end.error || end.text);
  const fused = readNifti(await (await api(`/api/sessions/${sessionId}/results/fused`)).arrayBuffer());
  const present = new Set(fused.data);
  for (const label of LABELS) assert.ok(present.has(label), `label ${label} is missing from the fused result`);
});

/** Reopens a session that has no result yet (waits for the annotations to be shown instead). */
async function reopenWithoutResult(p, id) {
  await p.waitForFunction((s) => [...document.querySelectorAll('#session-select option')].some((o) => o.value === s), id);
  await p.locator('#session-select').selectOption(id);
  await p.getByRole('button', { name: 'Reopen' }).click();
  await p.waitForFunction(() => window.labelprop.viewer.layerData('labels').some((v) => v !== 0), null, { timeout: 60000 });
}

test('reopened in another browser context, each of the 12 labels is drawn in its table colour and none in white', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const other = await context.newPage();
  other.errors = [];
  other.on('pageerror', (err) => other.errors.push(err.message));
  await other.goto(server.url + '/');
  await other.waitForFunction(() => window.labelprop?.viewer?.nv?.gl);
  figures.reopenMs = await reopen(other, sessionId);
  await other.getByLabel('Label layer opacity in percent').fill('100');
  const fused = readNifti(await (await api(`/api/sessions/${sessionId}/results/fused`)).arrayBuffer());
  const slices = largestSlices(fused);
  const bySlice = new Map();
  for (const label of LABELS) {
    const k = slices.get(label);
    if (!bySlice.has(k)) bySlice.set(k, []);
    bySlice.get(k).push(label);
  }
  const seen = new Map();
  const white = [];
  for (const [k, labels] of [...bySlice].sort((a, b) => a[0] - b[0])) {
    await other.getByLabel('Slice number').fill(String(k));
    await other.getByLabel('Slice number').press('Enter');
    const voxels = labelVoxels(fused, k);
    const shot = path.join(RESULTS_DIR, `20-real-mr-slice-${k}.png`);
    const everyVoxel = await drawnColours(other, new Map([...voxels].map(([l, v]) => [l, v.all])), shot);
    for (const [label, colours] of everyVoxel) {
      const n = colours.filter(isWhite).length;
      if (n) white.push(`label ${label}: ${n} of ${colours.length} voxels white on slice ${k}`);
    }
    const interior = await drawnColours(other, new Map(labels.map((l) => [l, voxels.get(l).interior])));
    for (const label of labels) {
      const colours = interior.get(label);
      assert.ok(colours.length >= 5, `label ${label} has only ${colours.length} interior voxels visible on slice ${k}`);
      seen.set(label, { slice: k, colour: typicalColour(colours), samples: colours });
    }
  }
  figures.drawn = Object.fromEntries([...seen].map(([l, s]) => [l, { slice: s.slice, colour: s.colour }]));
  assert.deepEqual(white, [], 'labelled voxels drawn white');
  const colours = [...seen.values()].map((s) => s.colour);
  for (let a = 0; a < colours.length; a++) {
    for (let b = a + 1; b < colours.length; b++) {
      assert.ok(!near(colours[a], colours[b], 20), `labels ${LABELS[a]} and ${LABELS[b]} are drawn in the same colour ${colours[a]}`);
    }
  }
  const table = await tableRows(other);
  for (const label of LABELS) {
    const row = table.get(label);
    assert.ok(row, `label ${label} is drawn but has no row in the label table (rows: ${[...table.keys()].join(', ')})`);
    const { samples, colour, slice } = seen.get(label);
    const matching = samples.filter((c) => near(c, row.colour)).length;
    assert.ok(matching >= 0.9 * samples.length,
      `label ${label} ("${row.name}") is drawn as ${colour} on slice ${slice} but its table colour is ${row.colour}`);
  }
  assert.deepEqual(other.errors, []);
  await context.close();
});
