// SPDX-License-Identifier: Apache-2.0
/** The page's DOM-free modules under node: voxel-grid permutations, label files, colour maps, ETA text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support/server.js';

const js = (name) => import(pathToFileURL(path.join(ROOT, 'server/src/main/resources/public/js', name)).href);
const { VoxelGrid, planesFromAxisCodes, axisCodesFromPerm } = await js('geometry.js');
const { parseItkSnapLabels, drawColormap, nextFreeValue, BACKGROUND_HINT } = await js('labels.js');
const { formatEta } = await js('jobs.js');

function* signedPermutations() {
  for (const order of [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]) {
    for (let flips = 0; flips < 8; flips++) yield order.map((a, d) => ((flips >> d) & 1 ? -a : a));
  }
}

test('every signed axis permutation maps voxels and whole volumes consistently and reversibly', () => {
  const dims = [4, 3, 5];
  const data = Uint16Array.from({ length: 60 }, (_, n) => n);
  for (const perm of signedPermutations()) {
    const grid = new VoxelGrid(dims, perm);
    const display = grid.arrayToDisplay(data, Uint16Array);
    const [dx, dy] = grid.displayDims;
    for (let n = 0; n < data.length; n++) {
      const vox = [n % 4, Math.floor(n / 4) % 3, Math.floor(n / 12)];
      const [x, y, z] = grid.toDisplay(vox);
      assert.equal(display[x + dx * (y + dy * z)], n, `perm ${perm}, voxel ${vox}`);
      assert.deepEqual(grid.toArray([x, y, z]), vox);
    }
  }
});

test('planes follow the axis codes and the display axis of each array axis', () => {
  assert.deepEqual(planesFromAxisCodes('LPS'), ['sagittal', 'coronal', 'axial']);
  assert.deepEqual(planesFromAxisCodes('AIL'), ['coronal', 'axial', 'sagittal']);
  assert.equal(planesFromAxisCodes('RRS'), null);
  assert.equal(planesFromAxisCodes(undefined), null);
  // display R = array axis 2 reversed (L), A = axis 0, S = axis 1 reversed (I)
  const grid = new VoxelGrid([4, 3, 5], [-3, 1, -2]);
  assert.equal(axisCodesFromPerm([-3, 1, -2]), 'AIL');
  assert.deepEqual([0, 1, 2].map((a) => grid.planeOf(a)), planesFromAxisCodes('AIL'));
});

test('ITK-SNAP label files are read, and bad lines are reported with their number', () => {
  const labels = parseItkSnapLabels([
    '# comment',
    '0 0 0 0 0 0 0 "Clear Label"',
    '7 10 20 30 1 1 1 "Spleen"',
    '2 255 255 0 0.5 1 0 ""',
    '255 1 2 3 1 1 1 "reserved"',
  ].join('\n'));
  assert.deepEqual(labels, [
    { value: 2, name: 'Label 2', colour: [255, 255, 0] },
    { value: 7, name: 'Spleen', colour: [10, 20, 30] },
  ]);
  assert.throws(() => parseItkSnapLabels('1 2 3 "x"'), /line 1 /);
  assert.throws(() => parseItkSnapLabels('# nothing'), /no label/);
});

test('the draw colour map has 256 entries, transparent 0 and the background hint colour at 255', () => {
  const cmap = drawColormap([{ value: 3, name: 'Liver', colour: [1, 2, 3] }]);
  assert.equal(cmap.R.length, 256);
  assert.equal(cmap.A[0], 0);
  assert.deepEqual([cmap.R[3], cmap.G[3], cmap.B[3], cmap.labels[3]], [1, 2, 3, 'Liver']);
  assert.equal(cmap.labels[BACKGROUND_HINT], 'background hint');
  assert.equal(nextFreeValue([{ value: 1 }, { value: 2 }]), 3);
});

test('ETA text from seconds or an instant', () => {
  assert.equal(formatEta(65), '1 min 05 s');
  assert.equal(formatEta(7), '7 s');
  assert.equal(formatEta(null), '');
  assert.match(formatEta(new Date(Date.now() + 125000).toISOString()), /^2 min 0[45] s$/);
});
