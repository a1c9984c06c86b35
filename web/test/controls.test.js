// SPDX-License-Identifier: Apache-2.0
/**
 * Page controls against a server that requires a token: the settings dialog stores the token, server
 * errors reach the user, ITK-SNAP label files fill the label table, views switch.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.js';
import { launchBrowser, openPage, screenshot, RESULTS_DIR } from './support/browser.js';
import { writeNifti } from './support/nifti.js';

const TOKEN = 'e2e-secret-token';

let server;
let browser;
let page;

before(async () => {
  server = await startServer({ token: TOKEN });
  browser = await launchBrowser();
  page = await openPage(browser, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('without a token the page says so and shows the server\'s error', async () => {
  await page.waitForFunction(() => /token/i.test(document.getElementById('server-status').textContent));
  assert.equal(await page.locator('#error').isVisible(), true);
  assert.match(await page.locator('#error-text').textContent(), /401/);
  await screenshot(page, '10-token-required');
});

test('a token saved in the settings is sent as Bearer and kept across reloads', async () => {
  await page.getByRole('button', { name: 'Server settings' }).click();
  await page.getByLabel('Access token').fill(TOKEN);
  await screenshot(page, '11-settings');
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await page.waitForFunction(() => document.getElementById('server-status').classList.contains('ok'));
  assert.equal(await page.locator('#error').isVisible(), false);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('labelprop.settings')));
  assert.equal(stored.token, TOKEN);
  await page.reload();
  await page.waitForFunction(() => document.getElementById('server-status').classList.contains('ok'));
  // the server really checks it: the same call without the header is refused
  assert.equal((await fetch(`${server.url}/api/sessions`)).status, 401);
});

test('a file the browser cannot read is refused with a message, before any upload', async () => {
  const file = path.join(RESULTS_DIR, 'not-a-scan.nii');
  writeFileSync(file, 'this is not a NIfTI file, just text that is long enough to be read as a header '.repeat(8));
  const before = (await (await fetch(`${server.url}/api/sessions`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()).length;
  await page.getByLabel('Open a NIfTI scan').setInputFiles(file);
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  assert.match(await page.locator('#error-text').textContent(), /not-a-scan\.nii/);
  const after = (await (await fetch(`${server.url}/api/sessions`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()).length;
  assert.equal(after, before);
  await page.getByRole('button', { name: 'Dismiss error' }).click();
  assert.equal(await page.locator('#error').isVisible(), false);
});

test('a scan the server refuses shows the server\'s {"error"} text and leaves no session behind', async () => {
  const dims = [8, 8, 4];
  const file = path.join(RESULTS_DIR, 'four-d.nii');
  writeFileSync(file, writeNifti({ dims, volumes: 2, affine: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]], data: new Float32Array(512).fill(7) }));
  await page.getByLabel('Open a NIfTI scan').setInputFiles(file);
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  const text = await page.locator('#error-text').textContent();
  assert.match(text, /PUT \/api\/sessions\/[0-9a-f]+\/image failed \(422 [^)]*\): .*expected a 3-D volume, found 4-D/);
  assert.match(await page.locator('#scan-info').textContent(), /not on the server/);
  assert.equal(await page.getByRole('button', { name: 'Preview' }).isDisabled(), true);
  await screenshot(page, '12-upload-error');
  const sessions = await (await fetch(`${server.url}/api/sessions`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  assert.equal(sessions.length, 0);
});

test('the four views switch and the hints layer offers the background scribble', async () => {
  page.errors.length = 0; // the tests above provoked errors on purpose
  const [ni, nj, nk] = [32, 28, 16];
  const data = new Float32Array(ni * nj * nk).map((_, n) => {
    const i = n % ni, j = Math.floor(n / ni) % nj, k = Math.floor(n / (ni * nj));
    return Math.hypot(i - 16, j - 14, (k - 8) * 2) < 10 ? 200 : 30;
  });
  const file = path.join(RESULTS_DIR, 'controls-scan.nii.gz');
  writeFileSync(file, writeNifti({ dims: [ni, nj, nk], affine: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 2, 0]], data }, { gzip: true }));
  await page.getByLabel('Open a NIfTI scan').setInputFiles(file);
  await page.waitForFunction(() => window.labelprop.viewer.loaded && window.labelprop.session);
  const { SLICE_TYPE } = { SLICE_TYPE: { axial: 0, coronal: 1, sagittal: 2, multiplanar: 3 } };
  for (const view of ['Coronal', 'Sagittal', 'Multi', 'Axial']) {
    await page.getByText(view, { exact: true }).click();
    const sliceType = await page.evaluate(() => window.labelprop.viewer.nv.opts.sliceType);
    assert.equal(sliceType, SLICE_TYPE[view === 'Multi' ? 'multiplanar' : view.toLowerCase()]);
    if (view === 'Multi') await screenshot(page, '13-multiplanar');
  }
  await page.getByLabel('Label layer opacity in percent').fill('30');
  assert.equal(await page.evaluate(() => window.labelprop.viewer.nv.drawOpacity), 0.3);
  await page.getByText('Hints', { exact: true }).click();
  await page.getByLabel('Paint with Background (hint) (value 255)').check();
  assert.equal(await page.evaluate(() => window.labelprop.viewer.nv.opts.penValue), 255);
  await page.getByText('Eraser', { exact: true }).click();
  assert.equal(await page.evaluate(() => window.labelprop.viewer.nv.opts.penValue), 0);
  assert.deepEqual(page.errors, []);
});

test('an ITK-SNAP label description file fills the label table and is stored with the session', async () => {
  await page.getByText('Annotations', { exact: true }).click();
  const file = path.join(RESULTS_DIR, 'labels.txt');
  writeFileSync(file, [
    '# ITK-SNAP Label Description File',
    '    0     0    0    0        0  0  0    "Clear Label"',
    '    1   255    0    0        1  1  1    "Liver"',
    '    3     0  128  255        1  1  1    "Left kidney"',
  ].join('\n'));
  await page.getByLabel('Load an ITK-SNAP label description file').setInputFiles(file);
  await page.waitForFunction(() => document.querySelectorAll('#label-rows tr').length === 2);
  assert.equal(await page.getByLabel('Name of label 3').inputValue(), 'Left kidney');
  assert.equal(await page.getByLabel('Colour of Liver').inputValue(), '#ff0000');
  assert.equal(await page.getByLabel('Paint with Liver (value 1)').isChecked(), true);
  await page.getByRole('button', { name: 'Add label' }).click();
  assert.equal(await page.getByLabel('Name of label 2').inputValue(), 'Label 2');
  await page.waitForFunction(() => document.body.dataset.labelsSaved);
  const id = await page.evaluate(() => window.labelprop.session.id);
  const stored = await (await fetch(`${server.url}/api/sessions/${id}/label-descriptions`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
  assert.deepEqual(stored.labels.map((l) => [l.value, l.name, l.colour]),
    [[1, 'Liver', [255, 0, 0]], [2, 'Label 2', [60, 180, 75]], [3, 'Left kidney', [0, 128, 255]]]);
  assert.deepEqual(page.errors, []);
});

test('a label file that does not parse is refused with the line at fault', async () => {
  const file = path.join(RESULTS_DIR, 'bad-labels.txt');
  writeFileSync(file, '1 255 0 0 1 1 1 "Liver"\n2 0 0 "Spleen"\n');
  await page.getByLabel('Load an ITK-SNAP label description file').setInputFiles(file);
  await page.waitForFunction(() => !document.getElementById('error').hidden);
  assert.match(await page.locator('#error-text').textContent(),
    /cannot use bad-labels\.txt as label descriptions: .*422.*label description upload line 2: expected IDX R G B A VIS MSH/);
  assert.equal(await page.getByLabel('Name of label 3').inputValue(), 'Left kidney', 'the table is unchanged');
  page.errors.length = 0;
});
