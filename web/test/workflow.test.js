// SPDX-License-Identifier: Apache-2.0
/**
 * The annotation workflow in a real browser against a real server: open a scan, paint filled masks on
 * three slices with mouse drags, preview (shape interpolation), train & propagate, cancel, undo, suggestions
 * and download. Screenshots of each step go to web/test-results/.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.js';
import { launchBrowser, openPage, screenshot, dragThrough, goToSlice, RESULTS_DIR } from './support/browser.js';
import { writeNifti, readNifti, nonZero } from './support/nifti.js';

const DIMS = [48, 44, 24];
const CENTRE = [24, 22];
const ANNOTATED = [4, 12, 20];

let server;
let browser;
let page;
let scanPath;

/** A bright ellipse whose radius grows along k on a dark, slightly textured background. */
function syntheticScan() {
  const [ni, nj, nk] = DIMS;
  const data = new Float32Array(ni * nj * nk);
  for (let k = 0; k < nk; k++) {
    const radius = 6 + k / 4;
    for (let j = 0; j < nj; j++) {
      for (let i = 0; i < ni; i++) {
        const r = Math.hypot(i - CENTRE[0], (j - CENTRE[1]) * 1.2);
        data[i + ni * (j + nj * k)] = (r < radius ? 180 : 40) + ((i * 7 + j * 3 + k) % 11);
      }
    }
  }
  return writeNifti({ dims: DIMS, affine: [[0.8, 0, 0, -20], [0, 0.8, 0, -18], [0, 0, 2, 5]], data }, { gzip: true });
}

/** Octagon outline (closed) of radius r around the centre on slice k. */
function octagon(k, r) {
  const points = [];
  for (let n = 0; n <= 8; n++) {
    const a = (n * Math.PI) / 4;
    points.push([Math.round(CENTRE[0] + r * Math.cos(a)), Math.round(CENTRE[1] + r * Math.sin(a)), k]);
  }
  return points;
}

async function api(pathname, init = {}) {
  const response = await fetch(server.url + pathname, init);
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return response;
}

async function sessionId() {
  return page.evaluate(() => window.labelprop.session.id);
}

/** Waits until the job panel shows a final state; returns {state, percent, text}. */
async function waitForJobEnd(timeout = 60000) {
  await page.waitForFunction(
    // a final state, and the page's run is over (results loaded, Cancel disabled again)
    () => ['succeeded', 'failed', 'cancelled'].includes(document.getElementById('job-panel').dataset.state)
      && document.getElementById('job-cancel').disabled,
    null, { timeout });
  return page.evaluate(() => ({
    state: document.getElementById('job-panel').dataset.state,
    percent: document.getElementById('job-percent').textContent,
    text: document.getElementById('job-text').textContent,
    error: document.getElementById('error').hidden ? '' : document.getElementById('error-text').textContent,
  }));
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await openPage(browser, server);
  scanPath = path.join(RESULTS_DIR, 'workflow-scan.nii.gz');
  writeFileSync(scanPath, syntheticScan());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('opening a scan uploads it, shows it axially and offers the axes in anatomical words', async () => {
  await page.getByLabel('Open a NIfTI scan').setInputFiles(scanPath);
  await page.waitForFunction(() => window.labelprop.session && window.labelprop.viewer.loaded);
  const id = await sessionId();
  const session = await (await api(`/api/sessions/${id}`)).json();
  assert.deepEqual(session.shape, DIMS);
  const options = await page.locator('#axis-select option').allTextContents();
  assert.deepEqual(options.map((o) => o.split(' ')[0]), ['sagittal', 'coronal', 'axial']);
  assert.equal(await page.locator('#axis-select').inputValue(), '2');
  assert.equal(await page.locator('input[name=view]:checked').inputValue(), 'axial');
  assert.match(await page.locator('#scan-info').textContent(), /48 × 44 × 24 voxels/);
  await screenshot(page, '01-scan-open');
  assert.deepEqual(page.errors, []);
});

test('filled outlines on three slices and a background scribble are stored on the server', async () => {
  await page.getByLabel('Fill closed outline').check();
  for (const k of ANNOTATED) {
    await goToSlice(page, k);
    await dragThrough(page, octagon(k, 5 + Math.round(k / 4)));
  }
  await screenshot(page, '02-painted');
  // a background scribble (hint value 255) on a slice between two annotations
  await page.getByText('Hints', { exact: true }).click();
  await page.getByLabel('Paint with Background (hint) (value 255)').check();
  await page.getByLabel('Fill closed outline').uncheck();
  await goToSlice(page, 16);
  await dragThrough(page, [[4, 4, 16], [10, 4, 16]]);
  await screenshot(page, '02b-hint-scribble');
  await page.getByText('Annotations', { exact: true }).click();
  await page.getByRole('button', { name: 'Preview' }).click();
  const end = await waitForJobEnd();
  assert.equal(end.state, 'succeeded', end.error || end.text);
  const labels = readNifti(await (await api(`/api/sessions/${await sessionId()}/labels`)).arrayBuffer());
  assert.deepEqual(labels.dims, DIMS);
  const voxels = nonZero(labels);
  const slices = [...new Set(voxels.map((v) => v.vox[2]))].sort((a, b) => a - b);
  assert.deepEqual(slices, ANNOTATED);
  for (const k of ANNOTATED) {
    const count = voxels.filter((v) => v.vox[2] === k).length;
    const r = 5 + Math.round(k / 4);
    // a filled octagon of radius r covers about 2.8 r² voxels; an outline alone would be about 6 r
    assert.ok(count > 2.2 * r * r, `slice ${k}: ${count} voxels is not a filled octagon of radius ${r}`);
  }
  assert.ok(voxels.every((v) => v.value === 1));
  const hints = nonZero(readNifti(await (await api(`/api/sessions/${await sessionId()}/hints`)).arrayBuffer()));
  // the whole stroke, both ends included (NiiVue alone leaves out the last voxel of a stroke)
  assert.deepEqual(hints.map((v) => v.vox), [4, 5, 6, 7, 8, 9, 10].map((i) => [i, 4, 16]));
  assert.ok(hints.every((v) => v.value === 255));
});

test('preview fills the slices in between, reaches 100 % and loads as the editable result layer', async () => {
  const panel = await page.evaluate(() => ({
    percent: document.getElementById('job-percent').textContent,
    layer: document.querySelector('input[name=layer]:checked').value,
    download: document.getElementById('download-result').disabled,
  }));
  assert.equal(panel.percent, '100 %');
  assert.equal(panel.layer, 'result');
  assert.equal(panel.download, false);
  await goToSlice(page, 8);
  await screenshot(page, '03-preview-result');
  const fused = readNifti(await (await api(`/api/sessions/${await sessionId()}/results/fused`)).arrayBuffer());
  const filled = new Set(nonZero(fused).map((v) => v.vox[2]));
  for (let k = ANNOTATED[0]; k <= ANNOTATED[2]; k++) assert.ok(filled.has(k), `slice ${k} not filled`);
  const shown = await page.evaluate(() => {
    const { viewer } = window.labelprop;
    return viewer.layerData('result').reduce((n, v) => n + (v !== 0), 0);
  });
  assert.equal(shown, nonZero(fused).length);
});

test('suggested slices are listed and jump to the slice', async () => {
  const items = page.locator('#suggestions button');
  assert.ok(await items.count() > 0, 'no suggestion listed');
  const label = await items.first().textContent();
  const slice = Number(label.match(/Slice (\d+)/)[1]);
  await items.first().click();
  assert.equal(Number(await page.getByLabel('Slice number').inputValue()), slice);
});

test('editing the result and undoing restores it', async () => {
  const count = () => page.evaluate(() => window.labelprop.viewer.layerData('result').reduce((n, v) => n + (v !== 0), 0));
  const before = await count();
  await page.getByLabel('Fill closed outline').uncheck();
  await goToSlice(page, 2);
  await dragThrough(page, [[5, 5, 2], [12, 5, 2], [12, 9, 2]]);
  const edited = await count();
  assert.ok(edited > before, `the stroke added no voxel (${before} → ${edited})`);
  await screenshot(page, '04-result-edited');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await count(), before);
});

test('the downloaded result equals the server\'s fused labels voxel for voxel', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Download result/ }).click(),
  ]);
  const file = path.join(RESULTS_DIR, 'workflow-download.nii.gz');
  await download.saveAs(file);
  const mine = readNifti(readFileSync(file));
  const theirs = readNifti(await (await api(`/api/sessions/${await sessionId()}/results/fused`)).arrayBuffer());
  assert.deepEqual(mine.dims, theirs.dims);
  assert.ok(nonZero(theirs).length > 0);
  assert.deepEqual(Array.from(mine.data), Array.from(theirs.data));
});

test('train & propagate reports progress to 100 % and loads the result with its overlays', async () => {
  await page.getByLabel('Training steps').fill('3');
  await page.getByLabel('Training time limit in seconds').fill('10');
  await page.getByText('Advanced').click();
  await page.getByLabel('Refinement time limit in seconds').fill('2');
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/jobs'));
  await page.getByRole('button', { name: 'Train & propagate' }).click();
  // the page sends the server's request shape, and only what the user set
  const body = JSON.parse((await posted).postData());
  assert.deepEqual(body.training, { steps: 3, seconds: 10 });
  assert.deepEqual(body.refinement, { seconds: 2 });
  assert.equal(body.type, 'train');
  assert.equal(body.weights, undefined);
  const seen = new Set();
  const watch = setInterval(() => page.evaluate(() => document.getElementById('job-percent').textContent)
    .then((p) => seen.add(p)).catch(() => {}), 250);
  const end = await waitForJobEnd(150000).finally(() => clearInterval(watch));
  assert.equal(end.state, 'succeeded', end.error || end.text);
  assert.equal(end.percent, '100 %');
  assert.ok(seen.size >= 2, `progress never moved: ${[...seen]}`);
  const id = await sessionId();
  const fused = readNifti(await (await api(`/api/sessions/${id}/results/fused`)).arrayBuffer());
  const shown = await page.evaluate(() => window.labelprop.viewer.layerData('result').reduce((n, v) => n + (v !== 0), 0));
  assert.equal(shown, nonZero(fused).length);
  for (const which of ['Up', 'Down', 'Uncertainty']) assert.equal(await page.getByLabel(which, { exact: true }).isEnabled(), true);
  await page.getByLabel('Uncertainty', { exact: true }).check();
  await page.waitForFunction(() => window.labelprop.viewer.overlays.uncertainty);
  await goToSlice(page, 9);
  await screenshot(page, '05-trained-uncertainty');
  await page.getByLabel('Uncertainty', { exact: true }).uncheck();
  await page.waitForFunction(() => !window.labelprop.viewer.overlays.uncertainty);
  assert.equal(await page.evaluate(() => window.labelprop.viewer.nv.volumes.length), 1);
  await page.getByLabel('Up', { exact: true }).check();
  await page.waitForFunction(() => window.labelprop.viewer.overlays.up);
  await screenshot(page, '05b-trained-up');
  await page.getByLabel('Up', { exact: true }).uncheck();
});

test('a trained checkpoint is offered for propagation and propagates without training', async () => {
  await page.getByLabel('Training steps').fill('2');
  await page.getByLabel('Training time limit in seconds').fill('');
  await page.getByRole('button', { name: 'Train & propagate' }).click();
  const trained = await waitForJobEnd(120000);
  assert.equal(trained.state, 'succeeded', trained.error || trained.text);
  const name = `session-${await sessionId()}`;
  await page.waitForFunction((n) => [...document.querySelectorAll('#checkpoint-select option')].some((o) => o.value === n), name);
  await page.getByLabel('Checkpoint for propagation').selectOption(name);
  await page.getByRole('button', { name: 'Propagate with checkpoint' }).click();
  const end = await waitForJobEnd(120000);
  assert.equal(end.state, 'succeeded', end.error || end.text);
  // the job's own report: propagation only, no training
  assert.match(end.text, /segmented with method deep/);
  assert.doesNotMatch(end.text, /trained/);
});

test('a running training job can be cancelled from the page', async () => {
  await page.getByLabel('Training steps').fill('100000');
  await page.getByLabel('Training time limit in seconds').fill('300');
  // the start choice offers the shipped pretrained weights (default) and random weights
  const choices = await page.getByLabel('Pretrained checkpoint to start training from').locator('option').allTextContents();
  assert.equal(choices[0], 'shipped pretrained (default)');
  assert.ok(choices.includes('none (from scratch)'), choices.join(', '));
  await page.getByLabel('Pretrained checkpoint to start training from').selectOption({ label: 'none (from scratch)' });
  const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/jobs'));
  await page.getByRole('button', { name: 'Train & propagate' }).click();
  const job = JSON.parse((await posted).postData());
  assert.equal(job.type, 'train');
  assert.equal(job.weights, 'none');
  await page.waitForFunction(() => document.getElementById('job-panel').dataset.state === 'running', null, { timeout: 30000 });
  await page.waitForFunction(() => Number(document.getElementById('job-progress').value) > 0, null, { timeout: 30000 });
  await screenshot(page, '06-running');
  await page.getByRole('button', { name: 'Cancel' }).click();
  const end = await waitForJobEnd(30000);
  assert.equal(end.state, 'cancelled', end.error || end.text);
  assert.equal(end.error, '');
  await screenshot(page, '07-cancelled');
});
