// SPDX-License-Identifier: Apache-2.0
/**
 * Geometry (NiiVue #1374): a voxel painted at array index (i, j, k) must arrive at exactly (i, j, k) in
 * the server's labels file, for oblique, LPS and axis-permuted affines. The scan's intensity encodes
 * its own index (i + 100 j + 10000 k), so NiiVue's reading of the clicked voxel is an independent check
 * of what the user sees under the mouse.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './support/server.js';
import { launchBrowser, openPage, screenshot, clickVoxel, RESULTS_DIR } from './support/browser.js';
import { writeNifti, readNifti, nonZero } from './support/nifti.js';

const DIMS = [20, 18, 12];

let server;
let browser;
let page;

/** Rotation about x then z (degrees), applied to the columns of a scaled axis permutation matrix. */
function affine(columns, spacing, { rx = 0, rz = 0, origin = [-30, 12, 40] } = {}) {
  const [cx, sx, cz, sz] = [Math.cos(rx * Math.PI / 180), Math.sin(rx * Math.PI / 180), Math.cos(rz * Math.PI / 180), Math.sin(rz * Math.PI / 180)];
  const rot = [[cz, -sz * cx, sz * sx], [sz, cz * cx, -cz * sx], [0, sx, cx]];
  const m = [[0, 0, 0, origin[0]], [0, 0, 0, origin[1]], [0, 0, 0, origin[2]]];
  for (let c = 0; c < 3; c++) {
    for (let r = 0; r < 3; r++) {
      m[r][c] = spacing[c] * (rot[r][0] * columns[c][0] + rot[r][1] * columns[c][1] + rot[r][2] * columns[c][2]);
    }
  }
  return m;
}

const CASES = [
  { name: 'oblique', codes: 'RAS', affine: affine([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1.1, 0.9, 2], { rx: 17, rz: 24 }) },
  { name: 'lps', codes: 'LPS', affine: affine([[-1, 0, 0], [0, -1, 0], [0, 0, 1]], [0.7, 0.7, 2.5]) },
  { name: 'permuted-oblique', codes: 'AIL', affine: affine([[0, 1, 0], [0, 0, -1], [-1, 0, 0]], [1, 1.5, 1.2], { rx: -12, rz: 9 }) },
  // the same LPS grid described by a qform only: a half turn about z is the quaternion (b, c, d) = (0, 0, 1)
  { name: 'lps-qform', codes: 'LPS', affine: affine([[-1, 0, 0], [0, -1, 0], [0, 0, 1]], [0.7, 0.7, 2.5]), qform: { bcd: [0, 0, 1] } },
];

function indexScan(testCase) {
  const [ni, nj, nk] = DIMS;
  const data = new Float32Array(ni * nj * nk);
  for (let k = 0; k < nk; k++) for (let j = 0; j < nj; j++) for (let i = 0; i < ni; i++) data[i + ni * (j + nj * k)] = i + 100 * j + 10000 * k;
  const file = path.join(RESULTS_DIR, `geometry-${testCase.name}.nii`);
  writeFileSync(file, writeNifti({ dims: DIMS, affine: testCase.affine, data, qform: testCase.qform }));
  return file;
}

async function serverLabels(id) {
  const response = await fetch(`${server.url}/api/sessions/${id}/labels`);
  assert.equal(response.status, 200);
  return readNifti(await response.arrayBuffer());
}

/** Chooses the propagation axis shown in the given plane, goes to the voxel's slice and clicks it. */
async function paintVoxel(plane, vox) {
  const axis = await page.evaluate((p) => window.labelprop.planes.indexOf(p), plane);
  await page.getByLabel('Propagation axis').selectOption(String(axis));
  await page.getByLabel('Slice number').fill(String(vox[axis]));
  await page.getByLabel('Slice number').press('Enter');
  await clickVoxel(page, vox);
  return page.evaluate(() => {
    const value = window.labelprop.viewer.lastLocation.values[0];
    return { intensity: value.value, niivueVox: Array.from(value.vox) };
  });
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await openPage(browser, server);
  await page.getByLabel('Pen size').fill('1');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const testCase of CASES) {
  test(`a painted voxel keeps its array index on the server (${testCase.name}, ${testCase.codes})`, async () => {
    await page.getByLabel('Open a NIfTI scan').setInputFiles(indexScan(testCase));
    await page.waitForFunction((n) => window.labelprop.viewer.loaded && window.labelprop.session
      && document.getElementById('scan-info').textContent.includes(window.labelprop.session.id), testCase.name);
    const id = await page.evaluate(() => window.labelprop.session.id);
    const session = await (await fetch(`${server.url}/api/sessions/${id}`)).json();
    assert.equal(session.axisCodes, testCase.codes);
    const planes = await page.evaluate(() => window.labelprop.planes);
    const expected = [...testCase.codes].map((c) => ({ R: 'sagittal', L: 'sagittal', A: 'coronal', P: 'coronal', S: 'axial', I: 'axial' })[c]);
    assert.deepEqual(planes, expected);

    const painted = [[3, 5, 7], [14, 11, 2]];
    const seen = [];
    seen.push(await paintVoxel('axial', painted[0]));
    seen.push(await paintVoxel('sagittal', painted[1]));
    await screenshot(page, `08-geometry-${testCase.name}`);
    // NiiVue's own reading of the image under the click: the intensity encodes the array index
    painted.forEach((vox, n) => {
      const v = seen[n].intensity;
      const decoded = [v % 100, Math.floor(v / 100) % 100, Math.floor(v / 10000)];
      assert.deepEqual(decoded, vox, `the click meant for ${vox} shows voxel ${decoded} (NiiVue RAS voxel ${seen[n].niivueVox})`);
    });

    await page.getByRole('button', { name: 'Save to server' }).click();
    await page.waitForFunction(() => document.getElementById('scan-info').textContent.includes('annotations saved'));
    const labels = await serverLabels(id);
    assert.deepEqual(labels.dims, DIMS);
    const found = nonZero(labels).map((v) => v.vox).sort((a, b) => a[2] - b[2]);
    assert.deepEqual(found, [...painted].sort((a, b) => a[2] - b[2]));
    // the server accepted the labels as on the image grid (same shape and affine, else 422); the written sform too
    const stored = await (await fetch(`${server.url}/api/sessions/${id}`)).json();
    assert.deepEqual(stored.annotations.affine, stored.image.affine);
    for (let n = 0; n < 12; n++) {
      const want = testCase.affine[Math.floor(n / 4)][n % 4];
      assert.ok(Math.abs(stored.image.affine[n] - want) < 1e-4, `server affine[${n}] = ${stored.image.affine[n]}, expected ${want}`);
    }
    if (!testCase.qform) {
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 4; c++) assert.ok(Math.abs(labels.sform[r][c] - testCase.affine[r][c]) < 1e-4, `sform[${r}][${c}]`);
      }
    }

    // reopening the session loads the stored labels back onto the same voxels
    await page.getByLabel('Existing sessions').selectOption(id);
    await page.getByRole('button', { name: 'Reopen' }).click();
    await page.waitForFunction(() => document.getElementById('scan-info').textContent.startsWith('Session'));
    const reloaded = await page.evaluate((vs) => vs.map((v) => {
      const { viewer } = window.labelprop;
      const [x, y, z] = viewer.grid.toDisplay(v);
      const [dx, dy] = viewer.grid.displayDims;
      return viewer.layerData('labels')[x + dx * (y + dy * z)];
    }), painted);
    assert.deepEqual(reloaded, [1, 1]);
    assert.deepEqual(page.errors, []);
  });
}
