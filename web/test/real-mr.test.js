// SPDX-License-Identifier: Apache-2.0
/**
 * The real MR case of `labelprop demo` (Colin27 T1, 12 deep grey-matter structures annotated on 3 axial slices) in a
 * real browser: its annotation is uploaded, the default job runs with a short budget, the session is reopened in a
 * fresh browser context, and the screenshot pixels must show each of the 12 labels in its label-table colour, no
 * labelled voxel in white.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.js';
import { launchBrowser, openPage, dragThrough, RESULTS_DIR } from './support/browser.js';
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

/** The 12 structures of the case (AAL labels 71–78, 37, 38, 41, 42, renumbered 1–12 by the benchmark case). */
const AAL_NAMES = ['Caudate_L', 'Caudate_R', 'Putamen_L', 'Putamen_R', 'Pallidum_L', 'Pallidum_R', 'Thalamus_L', 'Thalamus_R',
  'Hippocampus_L', 'Hippocampus_R', 'Amygdala_L', 'Amygdala_R'];

async function waitForSave(p, since) {
  await p.waitForFunction((t) => Number(document.body.dataset.labelsSaved || 0) > t, since);
}

async function newContextPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const p = await context.newPage();
  p.errors = [];
  p.on('pageerror', (err) => p.errors.push(err.message));
  await p.goto(server.url + '/');
  await p.waitForFunction(() => window.labelprop?.viewer?.nv?.gl);
  return p;
}

test('label names and colours set in the page are kept with the session, after a reload and in another browser context', async () => {
  const file = path.join(RESULTS_DIR, 'aal-deep-grey.txt');
  // ITK-SNAP's own layout; colours of its default table (never white, grey or black)
  const colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255], [255, 255, 0], [0, 255, 255], [255, 0, 255], [255, 239, 213],
    [0, 0, 205], [205, 133, 63], [210, 180, 140], [102, 205, 170], [0, 0, 128]];
  writeFileSync(file, ['# ITK-SnAP Label Description File', '    0     0    0    0        0  0  0    "Clear Label"',
    ...AAL_NAMES.map((n, i) => `${String(i + 1).padStart(5)} ${colours[i].map((c) => String(c).padStart(4)).join(' ')}        1  1  1    "${n}"`)]
    .join('\n'));
  let since = Date.now();
  await page.getByLabel('Load an ITK-SNAP label description file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelector('#label-rows tr[data-value="12"] input[type=text]')?.value === 'Amygdala_R');
  await page.getByLabel('Name of label 5').fill('Pallidum left');
  await page.getByLabel('Name of label 5').press('Enter');
  await waitForSave(page, since);
  since = Date.now();
  await page.getByLabel('Colour of Thalamus_L').fill('#00c080');
  await waitForSave(page, since);
  const expected = (await tableRows(page));
  assert.equal(expected.get(5).name, 'Pallidum left');
  assert.deepEqual(expected.get(7).colour, [0, 192, 128]);
  await page.screenshot({ path: path.join(RESULTS_DIR, '21-real-mr-names.png') });

  await page.reload();
  await page.waitForFunction(() => window.labelprop?.viewer?.nv?.gl);
  await reopen(page, sessionId);
  assert.deepEqual(await tableRows(page), expected, 'after a reload');

  const other = await newContextPage();
  await reopen(other, sessionId);
  assert.deepEqual(await tableRows(other), expected, 'in another browser context');
  // and drawn so: label 7 in its new colour
  await other.getByLabel('Label layer opacity in percent').fill('100');
  const fused = readNifti(await (await api(`/api/sessions/${sessionId}/results/fused`)).arrayBuffer());
  const k = largestSlices(fused).get(7);
  await other.getByLabel('Slice number').fill(String(k));
  await other.getByLabel('Slice number').press('Enter');
  const drawn = await drawnColours(other, new Map([[7, labelVoxels(fused, k).get(7).interior]]), path.join(RESULTS_DIR, '22-real-mr-recoloured.png'));
  const samples = drawn.get(7);
  assert.ok(samples.filter((c) => near(c, [0, 192, 128])).length >= 0.9 * samples.length, `label 7 is drawn as ${typicalColour(samples)}`);
  assert.deepEqual(other.errors, []);
  await other.context().close();
});

test('the label table shows each label\'s coverage as the server computed it, in words', async () => {
  const report = await (await api(`/api/sessions/${sessionId}/suggestions`)).json();
  const statuses = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#label-rows tr[data-value]')]
    .map((tr) => [tr.dataset.value, { key: tr.querySelector('.status').dataset.status, text: tr.querySelector('.status').textContent }])));
  for (const [label, coverage] of Object.entries(report.labels)) {
    assert.equal(statuses[label].key, coverage, `label ${label}`);
    if (coverage === 'single-slice') assert.match(statuses[label].text, /^single-slice .*annotate one more slice to propagate it \(slice \d+\)$/);
    if (coverage === 'range') assert.match(statuses[label].text, /^range annotated on two or more slices \(slices \d+, \d+/);
  }
  assert.ok(Object.values(report.labels).includes('single-slice'), 'the real case has single-slice labels');
  await page.locator('table.labels').screenshot({ path: path.join(RESULTS_DIR, '23-real-mr-label-table.png') });
});

test('each suggested slice says which labels the two directions disagree on, by name, and how much', async () => {
  const report = await (await api(`/api/sessions/${sessionId}/suggestions`)).json();
  assert.equal(report.method, 'uncertainty');
  assert.ok(report.slices.length > 0);
  const items = await page.locator('#suggestions li').allTextContents();
  assert.equal(items.length, report.slices.length);
  const names = await tableRows(page);
  report.slices.forEach((s, i) => {
    assert.ok(items[i].startsWith(`Slice ${s.slice}`), items[i]);
    if (s.disagreements.length) {
      const first = s.disagreements[0];
      assert.ok(items[i].includes(`${names.get(first.label).name}: `), `${items[i]} does not name label ${first.label}`);
      assert.match(items[i], / mm² \(\d+ % of its area here\)/);
    }
  });
  assert.ok(report.slices.some((s) => s.disagreements.length > 0), 'no suggestion names a label');
  await page.locator('#suggestions').screenshot({ path: path.join(RESULTS_DIR, '24-real-mr-suggestions.png') });
  await page.locator('#gl').focus();
  await page.keyboard.press('n');
  assert.equal(Number(await page.getByLabel('Slice number').inputValue()), report.slices[0].slice);
  if (report.slices.length > 1) {
    await page.keyboard.press('n');
    assert.equal(Number(await page.getByLabel('Slice number').inputValue()), report.slices[1].slice);
    await page.keyboard.press('Shift+N');
    assert.equal(Number(await page.getByLabel('Slice number').inputValue()), report.slices[0].slice);
  }
});

test('the result downloads with its label descriptions beside it (ITK-SNAP file of the same stem)', async () => {
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: /Download result/ }).click();
  await page.waitForFunction(() => true);
  for (let i = 0; i < 100 && downloads.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  assert.deepEqual(names, [`labelprop-${sessionId}-result.labels.txt`, `labelprop-${sessionId}-result.nii.gz`]);
  const txt = downloads.find((d) => d.suggestedFilename().endsWith('.txt'));
  const file = path.join(RESULTS_DIR, txt.suggestedFilename());
  await txt.saveAs(file);
  const text = readFileSync(file, 'utf8');
  assert.match(text, /^ +5 +\d+ +\d+ +\d+ +1 +1 +1 +"Pallidum left"$/m);
  assert.match(text, /^ +7 +0 +192 +128 +1 +1 +1 +"Thalamus_L"$/m);
  assert.equal(text.split('\n').filter((l) => /^\s*\d+\s/.test(l)).length, 13, 'clear label and 12 labels');
});

test('the annotator\'s shortcuts: slices, labels by number, pen size, eraser, undo/redo, layers, overlays, help', async () => {
  const nv = (expr) => page.evaluate(expr);
  const slice = async () => Number(await page.getByLabel('Slice number').inputValue());
  await page.keyboard.press('?');
  assert.equal(await page.locator('#help-dialog').isVisible(), true);
  const rows = await page.locator('#shortcut-rows tr').allTextContents();
  assert.ok(rows.some((r) => r.includes('Ctrl+Shift+Z or Ctrl+Y') && r.includes('redo')), rows.join(' | '));
  await page.locator('#help-dialog').screenshot({ path: path.join(RESULTS_DIR, '25-shortcuts-help.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#help-dialog').isVisible(), false);

  await page.locator('#gl').focus();
  const s0 = await slice();
  await page.keyboard.press('ArrowUp');
  assert.equal(await slice(), s0 + 1);
  await page.keyboard.press('PageDown');
  assert.equal(await slice(), s0);
  const view = await nv(() => window.labelprop.viewer.nv.opts.sliceType);
  await page.keyboard.press('v'); // NiiVue's own "cycle the view" key must not act behind the page's back
  assert.equal(await nv(() => window.labelprop.viewer.nv.opts.sliceType), view);

  await page.keyboard.press('a');
  assert.equal(await page.locator('input[name=layer]:checked').inputValue(), 'labels');
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  assert.equal(await nv(() => window.labelprop.viewer.nv.opts.penValue), 12);
  assert.equal(await page.getByLabel('Paint with Amygdala_R (value 12)').isChecked(), true);
  await page.keyboard.press('3');
  await new Promise((r) => setTimeout(r, 800)); // later than the two-digit window: a new choice
  await page.keyboard.press('4');
  assert.equal(await nv(() => window.labelprop.viewer.nv.opts.penValue), 4);
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  assert.equal(await page.locator('#pen-size').inputValue(), '3');
  await page.keyboard.press('[');
  assert.equal(await nv(() => window.labelprop.viewer.nv.opts.penSize), 2);
  await page.keyboard.press('e');
  assert.equal(await nv(() => window.labelprop.viewer.nv.opts.penValue), 0);
  await page.keyboard.press('e');
  assert.equal(await nv(() => window.labelprop.viewer.nv.opts.penValue), 4);

  const count = () => nv(() => window.labelprop.viewer.layerData('labels').reduce((n, v) => n + (v === 4), 0));
  const before = await count();
  await dragThrough(page, [[10, 10, s0], [20, 10, s0]]);
  const painted = await count();
  assert.ok(painted > before, `the stroke painted nothing (${before} → ${painted})`);
  await page.keyboard.press('Control+z');
  assert.equal(await count(), before);
  await page.keyboard.press('Control+Shift+Z');
  assert.equal(await count(), painted);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z'); // nothing more to undo: does not wrap round to the stroke
  assert.equal(await count(), before);
  await page.keyboard.press('Control+y');
  assert.equal(await count(), painted);
  await page.keyboard.press('Control+z');

  await page.keyboard.press('o');
  assert.equal(await nv(() => window.labelprop.viewer.nv.drawOpacity), 0);
  await page.keyboard.press('o');
  assert.ok(await nv(() => window.labelprop.viewer.nv.drawOpacity) > 0);
  await page.keyboard.press('r');
  assert.equal(await page.locator('input[name=layer]:checked').inputValue(), 'result');
  await page.keyboard.press('u');
  await page.waitForFunction(() => window.labelprop.viewer.overlays.uncertainty);
  await page.keyboard.press('u');
  await page.waitForFunction(() => !window.labelprop.viewer.overlays.uncertainty);
  assert.deepEqual(page.errors, []);
});

test('a stroke and its undo are on screen at once in the plane they are made in (only what changed is sent to the GPU)', async () => {
  await page.keyboard.press('a');
  await page.getByLabel('Label layer opacity in percent').fill('100');
  await page.getByLabel('Pen size').fill('3');
  await page.getByLabel('Paint with Putamen_R (value 4)').check();
  const colour = (await tableRows(page)).get(4).colour;
  const drawn = async (vox, shot) => (await drawnColours(page, new Map([[4, [vox]]]), path.join(RESULTS_DIR, shot))).get(4);
  const k = Number(await page.getByLabel('Slice number').inputValue());
  // diagonal strokes: the crosshair moves to where a stroke is made, and pixels near its lines are not read
  await dragThrough(page, [[20, 20, k], [40, 40, k]]);
  assert.ok(near((await drawn([30, 30, k], '27-stroke-axial.png'))[0], colour), 'the axial stroke is not drawn');
  await page.getByText('Coronal', { exact: true }).click();
  const j = await page.evaluate(() => window.labelprop.viewer.crosshairVoxel()[1]);
  await dragThrough(page, [[20, j, 10], [40, j, 30]]);
  assert.ok(near((await drawn([30, j, 20], '28-stroke-coronal.png'))[0], colour), 'the coronal stroke is not drawn');
  // an undo sends only the box that changed to the GPU: it must be on screen too
  await page.keyboard.press('Control+z');
  assert.ok(!near((await drawn([30, j, 20], '29-undo-coronal.png'))[0], colour), 'the coronal stroke is still drawn after undo');
  await page.keyboard.press('Control+z');
  await page.getByText('Axial', { exact: true }).click();
  await page.getByLabel('Slice number').fill(String(k));
  await page.getByLabel('Slice number').press('Enter');
  assert.ok(!near((await drawn([30, 30, k], '29-undo-axial.png'))[0], colour), 'the axial stroke is still drawn after undo');
  await page.getByLabel('Label layer opacity in percent').fill('80');
});

test('the intensity window starts at robust percentiles and follows a right-button drag', async () => {
  const win = () => page.evaluate(() => window.labelprop.viewer.window());
  const start = await win();
  assert.ok(start.robust, 'no robust window');
  assert.equal(start.min, start.robust.min);
  assert.equal(start.max, start.robust.max);
  const shown = await page.locator('#window-value').textContent();
  assert.match(shown, /^width [\d.]+ · level [\d.]+$/);
  const box = await page.locator('#gl').boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(x + 80, y + 40, { steps: 8 });
  await page.mouse.up({ button: 'right' });
  const dragged = await win();
  assert.ok(dragged.max - dragged.min > start.max - start.min, `width ${start.max - start.min} → ${dragged.max - dragged.min}`);
  assert.notEqual(await page.locator('#window-value').textContent(), shown);
  await page.screenshot({ path: path.join(RESULTS_DIR, '26-window-level.png') });
  await page.keyboard.press('w');
  assert.deepEqual(await win(), start);
  assert.equal(await page.locator('#window-value').textContent(), shown);
});
