// SPDX-License-Identifier: Apache-2.0
/**
 * Scans as they come from the scanner: a DICOM series written by pydicom (an independent writer) opened as a folder
 * is converted in the browser by dcm2niix's WebAssembly build, so the server receives NIfTI only; it is annotated and
 * propagated. Dropped DICOM files of two series ask which one; a dropped NRRD file is converted by the server.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, ROOT } from './support/server.js';
import { launchBrowser, openPage, screenshot, dragThrough, goToSlice } from './support/browser.js';
import { readNifti, nonZero } from './support/nifti.js';

const PHANTOM = path.join(ROOT, 'core/src/test/resources/org/labelprop/io/dicom/phantom_series.py');
const DIMS = [48, 44, 12];
const ANNOTATED = [2, 9];

let server;
let browser;
let page;
let work;
const uploads = [];

/** Writes a phantom series with Debian's pydicom (python3-pydicom) into DIR. */
function phantomSeries(dir, dims, number, description) {
  execFileSync('/usr/bin/python3', [PHANTOM, dir, ...dims.map(String), String(number), description]);
  return dir;
}

async function api(pathname) {
  const response = await fetch(server.url + pathname);
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return response;
}

/** Drops the files on the drop zone as a browser would deliver dropped files. */
async function dropFiles(files) {
  const payload = files.map((f) => ({ name: path.basename(f), bytes: [...readFileSync(f)] }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, bytes } of items) dt.items.add(new File([new Uint8Array(bytes)], name));
    return dt;
  }, payload);
  await page.locator('#drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

async function openedSession(previous = null) {
  await page.waitForFunction((old) => window.labelprop.session && window.labelprop.session.id !== old
    && window.labelprop.viewer.loaded, previous, { timeout: 60000 });
  const id = await page.evaluate(() => window.labelprop.session.id);
  return (await api(`/api/sessions/${id}`)).json();
}

before(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'labelprop-dicom-web-'));
  phantomSeries(path.join(work, 'knee'), DIMS, 2, 'phantom T1');
  server = await startServer();
  browser = await launchBrowser();
  page = await openPage(browser, server);
  page.on('request', (r) => {
    if (r.method() === 'PUT' && /\/image$/.test(r.url())) uploads.push(r.postDataBuffer());
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a DICOM folder opens in the page, converted in the browser: the server receives NIfTI', async () => {
  await page.getByLabel('Open a DICOM folder').setInputFiles(path.join(work, 'knee'));
  const session = await openedSession();
  assert.deepEqual(session.shape, DIMS);
  assert.equal(session.image.axisCodes, 'LAS');
  assert.equal(uploads.length, 1);
  assert.equal(uploads[0].readInt32LE(0), 348, 'the upload is a NIfTI-1 header, not DICOM');
  assert.match(await page.locator('#scan-info').textContent(), /48 × 44 × 12 voxels/);
  assert.equal(await page.locator('input[name=view]:checked').inputValue(), 'axial');
  await screenshot(page, 'dicom-01-open');
  assert.deepEqual(page.errors, []);
});

test('the converted scan is annotated on two slices and propagated in between', async () => {
  await page.getByLabel('Fill closed outline').check();
  for (const k of ANNOTATED) {
    await goToSlice(page, k);
    const r = 8 + k / 3;
    const outline = [];
    for (let n = 0; n <= 8; n++) {
      const a = (n * Math.PI) / 4;
      outline.push([Math.round(24 + r * Math.cos(a)), Math.round(22 + r * Math.sin(a)), k]);
    }
    await dragThrough(page, outline);
  }
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.waitForFunction(() => ['succeeded', 'failed', 'cancelled'].includes(document.getElementById('job-panel').dataset.state)
    && document.getElementById('job-cancel').disabled, null, { timeout: 60000 });
  const state = await page.evaluate(() => document.getElementById('job-panel').dataset.state);
  assert.equal(state, 'succeeded', await page.locator('#error-text').textContent());
  const id = await page.evaluate(() => window.labelprop.session.id);
  const labels = readNifti(await (await api(`/api/sessions/${id}/labels`)).arrayBuffer());
  assert.deepEqual([...new Set(nonZero(labels).map((v) => v.vox[2]))].sort((a, b) => a - b), ANNOTATED);
  const fused = readNifti(await (await api(`/api/sessions/${id}/results/fused`)).arrayBuffer());
  const filled = new Set(nonZero(fused).map((v) => v.vox[2]));
  for (let k = ANNOTATED[0]; k <= ANNOTATED[1]; k++) assert.ok(filled.has(k), `slice ${k} not filled`);
  await goToSlice(page, 6);
  await screenshot(page, 'dicom-02-propagated');
  assert.deepEqual(page.errors, []);
});

test('dropped DICOM files of two series ask which one to open', async () => {
  const both = path.join(work, 'both');
  phantomSeries(both, DIMS, 2, 'phantom T1');
  phantomSeries(both, [20, 16, 6], 7, 'localizer');
  const before = await page.evaluate(() => window.labelprop.session?.id ?? null);
  await dropFiles(readdirSync(both).map((f) => path.join(both, f)));
  await page.locator('#series-dialog').waitFor({ state: 'visible', timeout: 60000 });
  const options = await page.locator('#series-select option').allTextContents();
  assert.deepEqual(options, ['1: phantom T1 (series 2, MR), 48 × 44 × 12', '2: localizer (series 7, MR), 20 × 16 × 6']);
  await screenshot(page, 'dicom-03-series-choice');
  await page.getByLabel('DICOM series', { exact: true }).selectOption('1');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const session = await openedSession(before);
  assert.deepEqual(session.shape, [20, 16, 6]);
  assert.equal(uploads.at(-1).readInt32LE(0), 348);
  assert.deepEqual(page.errors, []);
});

test('a dropped NRRD file is converted by the server and shown from the stored NIfTI', async () => {
  const dims = [10, 8, 6];
  const header = 'NRRD0004\ntype: int16\ndimension: 3\nspace: left-posterior-superior\nsizes: 10 8 6\n'
    + 'space directions: (1.5,0,0) (0,1.5,0) (0,0,3)\nspace origin: (5,6,7)\nencoding: raw\nendian: little\n\n';
  const data = Buffer.alloc(2 * 10 * 8 * 6);
  for (let i = 0; i < 480; i++) data.writeInt16LE(i, 2 * i);
  const file = path.join(work, 'small.nrrd');
  await import('node:fs').then((fs) => fs.writeFileSync(file, Buffer.concat([Buffer.from(header), data])));
  const before = await page.evaluate(() => window.labelprop.session?.id ?? null);
  await dropFiles([file]);
  const session = await openedSession(before);
  assert.deepEqual(session.shape, dims);
  assert.equal(session.image.axisCodes, 'LPS');
  await screenshot(page, 'dicom-04-nrrd');
  assert.deepEqual(await page.evaluate(() => window.labelprop.viewer.grid.dims), dims, await page.locator('#scan-info').textContent() + ' ' + page.errors.join(' '));
  assert.deepEqual(page.errors, []);
});

test('what is dropped is sorted before anything is read: one scan file, or DICOM files', async () => {
  const { classifyScanFiles } = await import('../../server/src/main/resources/public/js/scan-files.js');
  const file = (name) => new File([new Uint8Array(4)], name);
  assert.equal(classifyScanFiles([file('a.nii.gz')]).kind, 'nifti');
  for (const name of ['a.nrrd', 'b.seg.nrrd', 'c.mha', 'd.zip']) assert.equal(classifyScanFiles([file(name)]).kind, 'converted');
  assert.deepEqual(classifyScanFiles([file('IM0001'), file('IM0002.dcm'), file('.DS_Store')]).files.map((f) => f.name),
    ['IM0001', 'IM0002.dcm']);
  assert.throws(() => classifyScanFiles([file('a.nhdr'), file('a.raw.gz')]), /detached header .* open the single-file \.nrrd/);
  assert.throws(() => classifyScanFiles([file('a.nii'), file('b.nii')]), /open one scan file at a time/);
  assert.throws(() => classifyScanFiles([file('.hidden')]), /holds no file/);
});
