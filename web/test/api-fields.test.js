// SPDX-License-Identifier: Apache-2.0
/**
 * The page reads exactly the API's shapes (js/api-types.js): every field it displays is shown as the API gives it
 * (voxel spacing included), and an answer that lacks a field is reported in the error banner naming that field.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.js';
import { launchBrowser, openPage, screenshot, RESULTS_DIR } from './support/browser.js';
import { writeNifti } from './support/nifti.js';

const DIMS = [40, 36, 20];
const SPACING = [0.8, 0.75, 2.5];

let server;
let browser;
let page;
let id;

async function api(pathname) {
  const response = await fetch(server.url + pathname);
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return response.json();
}

function files() {
  const [ni, nj, nk] = DIMS;
  const image = new Float32Array(ni * nj * nk);
  const labels = new Uint8Array(ni * nj * nk);
  for (let k = 0; k < nk; k++) {
    for (let j = 0; j < nj; j++) {
      for (let i = 0; i < ni; i++) {
        const n = i + ni * (j + nj * k);
        const inside = Math.hypot(i - 20, j - 18) < 8 + k / 4;
        image[n] = inside ? 200 : 30 + (i % 7);
        if (k === 3 || k === 15) labels[n] = inside ? (i < 20 ? 1 : 2) : 0;
      }
    }
  }
  const affine = [[SPACING[0], 0, 0, -10], [0, SPACING[1], 0, -12], [0, 0, SPACING[2], 4]];
  const scan = path.join(RESULTS_DIR, 'fields-scan.nii.gz');
  const annotations = path.join(RESULTS_DIR, 'fields-annotations.nii.gz');
  writeFileSync(scan, writeNifti({ dims: DIMS, affine, data: image }, { gzip: true }));
  writeFileSync(annotations, writeNifti({ dims: DIMS, affine, data: labels, datatype: 2 }, { gzip: true }));
  return { scan, annotations };
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await openPage(browser, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the page shows every field it reads as the API gives it: version, session, spacing, labels, job, suggestions', async () => {
  const health = await api('/api/health');
  await page.waitForFunction(() => document.getElementById('server-status').classList.contains('ok'));
  assert.equal(await page.locator('#server-status').textContent(), `Connected · LabelProp ${health.version}`);
  assert.deepEqual(await page.locator('#checkpoint-select option').allTextContents(), ['no checkpoint yet']);
  assert.deepEqual(await api('/api/checkpoints'), []);

  const { scan, annotations } = files();
  await page.getByLabel('Open a NIfTI scan').setInputFiles(scan);
  await page.waitForFunction(() => window.labelprop.session && window.labelprop.viewer.loaded);
  id = await page.evaluate(() => window.labelprop.session.id);
  let session = await api(`/api/sessions/${id}`);
  assert.deepEqual(session.spacingMm.map((s) => Number(s.toFixed(4))), SPACING);
  assert.equal(await page.locator('#scan-info').textContent(),
    `Session ${id} · ${session.shape.join(' × ')} voxels · spacing ${SPACING.join(' × ')} mm · orientation ${session.axisCodes}`);
  await page.waitForFunction((s) => [...document.querySelectorAll('#session-select option')].some((o) => o.value === s), id);
  assert.equal(await page.locator(`#session-select option[value="${id}"]`).textContent(), `${id} (${session.shape.join('×')})`);

  // an annotation volume opened in the page is shown, stored on the server and described
  await page.getByLabel("Open an annotation volume (NIfTI on the scan's grid)").setInputFiles(annotations);
  await page.waitForFunction(() => /annotations saved/.test(document.getElementById('scan-info').textContent));
  session = await api(`/api/sessions/${id}`);
  assert.deepEqual(session.labels, [1, 2]);
  assert.match(await page.locator('#scan-info').textContent(), / · labels 1, 2 · annotations saved$/);
  const rows = await page.evaluate(() => [...document.querySelectorAll('#label-rows tr[data-value]')].map((tr) => ({
    value: Number(tr.dataset.value), name: tr.querySelector('input[type=text]').value, colour: tr.querySelector('input[type=color]').value,
  })));
  const hex = (c) => '#' + c.map((x) => x.toString(16).padStart(2, '0')).join('');
  assert.deepEqual(rows, session.labelDescriptions.map((d) => ({ value: d.value, name: d.name, colour: hex(d.colour) })));

  await page.getByRole('button', { name: 'Preview' }).click();
  await page.waitForFunction(() => document.getElementById('job-panel').dataset.state === 'succeeded'
    && document.getElementById('job-cancel').disabled && !document.getElementById('download-result').disabled);
  const job = (await api(`/api/jobs?session=${id}`)).at(-1);
  assert.equal(await page.locator('#job-text').textContent(), `${job.type} ${job.state} · ${job.message}`);
  assert.equal(await page.locator('#job-percent').textContent(), `${Math.round(job.progress * 100)} %`);
  const report = await api(`/api/sessions/${id}/suggestions`);
  assert.equal(report.method, 'largest-gap');
  assert.match(await page.locator('#suggest-method').textContent(), /largest gaps/);
  const items = await page.locator('#suggestions li').allTextContents();
  assert.deepEqual(items, report.slices.map((s) => `Slice ${s.slice}${s.reason}`));
  await screenshot(page, '30-fields');
  assert.deepEqual(page.errors, []);
});

test('an answer that lacks a field the page reads is reported naming the field', async () => {
  const other = await openPage(browser, server);
  await other.route(`**/api/sessions/${id}`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    delete json.spacingMm;
    json.spacing = [1, 1, 1]; // the old name: not read
    await route.fulfill({ response, json });
  });
  await other.waitForFunction((s) => [...document.querySelectorAll('#session-select option')].some((o) => o.value === s), id);
  await other.locator('#session-select').selectOption(id);
  await other.getByRole('button', { name: 'Reopen' }).click();
  await other.waitForFunction(() => !document.getElementById('error').hidden);
  assert.equal(await other.locator('#error-text').textContent(),
    `GET /api/sessions/${id} (session ${id}): field "spacingMm" is missing`);
  await screenshot(other, '31-missing-field');
  await other.unroute(`**/api/sessions/${id}`);

  await other.route(`**/api/sessions/${id}/suggestions`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    delete json.slices[0].reason;
    await route.fulfill({ response, json });
  });
  await other.getByRole('button', { name: 'Dismiss error' }).click();
  await other.getByRole('button', { name: 'Reopen' }).click();
  await other.waitForFunction(() => !document.getElementById('error').hidden);
  assert.equal(await other.locator('#error-text').textContent(),
    `GET /api/sessions/${id}/suggestions slices[0]: field "reason" is missing`);
  await other.context().close();
});
