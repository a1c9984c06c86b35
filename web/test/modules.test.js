// SPDX-License-Identifier: Apache-2.0
/**
 * The page's DOM-free modules under node: voxel-grid permutations, the API readers, label colours, coverage, the
 * intensity window, shortcut keys, suggestion texts, ETA text, undo snapshots.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './support/server.js';

const js = (name) => import(pathToFileURL(path.join(ROOT, 'server/src/main/resources/public/js', name)).href);
const { VoxelGrid, planesFromAxisCodes, axisCodesFromPerm } = await js('geometry.js');
const { drawColormap, nextFreeValue, paletteColour } = await js('labels.js');
const types = await js('api-types.js');
const { SlicePresence, labelCoverage } = await js('coverage.js');
const { robustRange } = await js('intensity.js');
const { keyName, actionFor, SHORTCUTS } = await js('shortcuts.js');
const { explain } = await js('suggestion-text.js');
const { describeSession, formatMm } = await js('session.js');
const { formatEta } = await js('jobs.js');
const { encodeBitmap, decodeBitmap, changedBox, emptySnapshot } = await js('bitmap-snapshots.js');

const CONVENTIONS = {
  palette: [[230, 25, 75], [60, 180, 75], [255, 225, 25]],
  backgroundHint: 255,
  coverage: { range: 'annotated on two or more slices', 'single-slice': 'annotated on one slice only: annotate one more slice to propagate it', 'hint-only': 'only in the scribbles' },
};

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

/** A session as GET /api/sessions/{id} answers it (every field the page reads). */
function sessionJson() {
  return {
    id: '0123456789abcdef', name: null, createdAt: '2024-01-01T00:00:00Z', shape: [94, 82, 68], spacingMm: [1, 1, 1.5],
    axisCodes: 'RAS', affine: [], labels: [1, 3], image: {}, annotations: {}, hints: null, jobs: [], results: ['fused'],
    staleResults: [], labelDescriptions: [{ value: 1, name: 'Caudate L', colour: [1, 2, 3], opacity: 1, visible: true }],
  };
}

test('the API readers take exactly the documented fields and name a missing one', () => {
  const s = types.readSession(sessionJson(), 'GET /api/sessions/x');
  assert.deepEqual(s.spacingMm, [1, 1, 1.5]);
  assert.equal(s.hasHints, false);
  assert.equal(s.labelDescriptions[0].name, 'Caudate L');
  assert.ok(Object.isFrozen(s));
  for (const field of ['id', 'name', 'createdAt', 'shape', 'spacingMm', 'axisCodes', 'labels', 'image', 'annotations', 'hints',
    'results', 'staleResults', 'labelDescriptions']) {
    const broken = sessionJson();
    delete broken[field];
    assert.throws(() => types.readSession(broken, 'GET /api/sessions/x'), new RegExp(`GET /api/sessions/x.*field "${field}" is missing`));
  }
  const old = sessionJson();
  delete old.spacingMm;
  old.spacing = [1, 1, 1.5]; // the name the page used to look for: not read, the missing field is named
  assert.throws(() => types.readSession(old, 'GET /api/sessions/x'), /field "spacingMm" is missing/);
  const wrong = { ...sessionJson(), spacingMm: [1, 1] };
  assert.throws(() => types.readSession(wrong, 'w'), /field "spacingMm" is \[1,1\], expected 3 × a number or null/);
  const description = sessionJson();
  delete description.labelDescriptions[0].colour;
  assert.throws(() => types.readSession(description, 'w'), /labelDescriptions\[0\]: field "colour" is missing/);

  const job = { id: 'j', session: 's', type: 'train', state: 'running', progress: 0.5, queuePosition: null, message: 'training', eta: 12 };
  assert.equal(types.readJob(job, 'GET /api/jobs/j').eta, 12);
  assert.equal(types.readJob({ ...job, eta: undefined }, 'w').eta, null); // documented as absent when unknown
  for (const field of ['id', 'type', 'state', 'progress', 'queuePosition', 'message']) {
    const broken = { ...job };
    delete broken[field];
    assert.throws(() => types.readJob(broken, 'GET /api/jobs/j'), new RegExp(`field "${field}" is missing`));
  }
  assert.throws(() => types.readJob({ ...job, state: 'done' }, 'w'), /expected queued, running, succeeded, failed or cancelled/);

  const suggestions = { axis: 2, method: 'uncertainty', labels: { 1: 'range', 3: 'single-slice' },
    slices: [{ slice: 40, score: 3, reason: 'r', disagreements: [{ label: 3, areaMm2: 42, labelAreaMm2: 120, percent: 35 }] }] };
  const read = types.readSuggestions(suggestions, 'GET s');
  assert.equal(read.labels[3], 'single-slice');
  assert.equal(read.slices[0].disagreements[0].percent, 35);
  for (const field of ['slice', 'score', 'reason', 'disagreements']) {
    const broken = structuredClone(suggestions);
    delete broken.slices[0][field];
    assert.throws(() => types.readSuggestions(broken, 'GET s'), new RegExp(`slices\\[0\\]: field "${field}" is missing`));
  }
  assert.throws(() => types.readSuggestions({ ...suggestions, labels: { 1: 'partly' } }, 'GET s'), /expected range, single-slice or hint-only/);
  assert.throws(() => types.readConventions({ ...CONVENTIONS, palette: undefined }), /field "palette" is missing/);
  assert.throws(() => types.readHealth({ status: 'ok' }), /field "version" is missing/);
  assert.throws(() => types.readCheckpoints([{ name: 'a', bytes: 1 }]), /\[0\]: field "modifiedAt" is missing/);
  assert.throws(() => types.readLabelDescriptions({}, 'POST d'), /POST d: field "labels" is missing/);
});

test('the sidebar line shows shape, voxel spacing, orientation and labels', () => {
  const s = types.readSession(sessionJson(), 'w');
  assert.equal(describeSession(s, null), 'Session 0123456789abcdef · 94 × 82 × 68 voxels · spacing 1 × 1 × 1.5 mm · orientation RAS · labels 1, 3');
  assert.equal(formatMm(0.9375), '0.938');
});

test('every value 1..255 has a palette colour in the draw colour map: none is drawn in a default white', () => {
  const cmap = drawColormap([{ value: 3, name: 'Liver', colour: [1, 2, 3] }], CONVENTIONS);
  assert.equal(cmap.R.length, 256);
  assert.equal(cmap.A[0], 0);
  assert.deepEqual([cmap.R[3], cmap.G[3], cmap.B[3], cmap.labels[3]], [1, 2, 3, 'Liver']);
  assert.deepEqual([cmap.R[4], cmap.G[4], cmap.B[4]], paletteColour(CONVENTIONS, 4)); // (4 - 1) mod 3 = entry 0
  assert.deepEqual(paletteColour(CONVENTIONS, 4), [230, 25, 75]);
  for (let v = 1; v < 255; v++) assert.ok(Math.min(cmap.R[v], cmap.G[v], cmap.B[v]) < 200, `value ${v} is drawn near white`);
  assert.equal(cmap.labels[255], 'background hint');
  assert.equal(nextFreeValue([1, 2], CONVENTIONS), 3);
});

test('coverage follows core\'s rule: two annotated slices a range, one single-slice, hints only hint-only', () => {
  const grid = new VoxelGrid([3, 2, 4], [1, 2, 3]);
  const labels = new Uint8Array(24);
  const hints = new Uint8Array(24);
  labels[0 + 6 * 0] = 1; // label 1 on slices 0 and 2, label 2 on slice 2 only
  labels[1 + 6 * 2] = 1;
  labels[2 + 6 * 2] = 2;
  hints[3 + 6 * 1] = 5;
  hints[4 + 6 * 1] = 255;
  const presence = SlicePresence.of(grid, 2, labels);
  const coverage = labelCoverage(presence, SlicePresence.of(grid, 2, hints), 255);
  assert.deepEqual(Object.fromEntries(coverage), {
    1: { status: 'range', slices: [0, 2] }, 2: { status: 'single-slice', slices: [2] }, 5: { status: 'hint-only', slices: [] },
  });
  // one slice rescanned after a stroke there
  labels[5 + 6 * 3] = 2;
  presence.scan(labels, 3, 4);
  assert.deepEqual(presence.slicesOf(2), [2, 3]);
  // rows of a multiple of 4 voxels are read 4 at a time: the same answer
  const wide = new VoxelGrid([8, 2, 3], [1, 2, 3]);
  const bitmap = new Uint8Array(48);
  bitmap[7] = 3; // slice 0, row 0, last voxel
  bitmap[16 + 9] = 3; // slice 1, row 1
  bitmap[32 + 4] = 9;
  const p = SlicePresence.of(wide, 2, bitmap);
  assert.deepEqual([p.slicesOf(3), p.slicesOf(9), [...p.values()]], [[0, 1], [2], [3, 9]]);
  assert.deepEqual(SlicePresence.of(wide, 1, bitmap).slicesOf(3), [0, 1]);
  // along a flipped axis the array index is reported
  const flipped = SlicePresence.of(new VoxelGrid([3, 2, 4], [1, 2, -3]), 2, labels);
  assert.deepEqual(flipped.slicesOf(1), [1, 3]);
});

test('the robust window ignores zero padding and the brightest and darkest half percent', () => {
  const data = new Float32Array(10000);
  for (let i = 0; i < 8000; i++) data[i] = 100 + (i % 100); // tissue 100..199
  data[8000] = 5000; // one hot voxel
  const w = robustRange(data);
  assert.ok(w.min >= 99 && w.min <= 102, `min ${w.min}`);
  assert.ok(w.max >= 196 && w.max <= 200, `max ${w.max}`);
  assert.equal(robustRange(new Float32Array(10)), null);
});

test('shortcut keys are named with their modifiers and each maps to one action', () => {
  assert.equal(keyName({ key: 'z', ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Z');
  assert.equal(keyName({ key: 'N', shiftKey: true }), 'Shift+N');
  assert.equal(keyName({ key: '?', shiftKey: true }), '?');
  assert.equal(actionFor({ key: 'ArrowUp' }), 'nextSlice');
  assert.equal(actionFor({ key: 'y', ctrlKey: true }), 'redo');
  assert.equal(actionFor({ key: 'x' }), null);
  const keys = SHORTCUTS.flatMap(([k]) => k);
  assert.equal(new Set(keys).size, keys.length, 'a key is bound twice');
});

test('a suggestion says which labels the two directions disagree on, by name, and how much', () => {
  const s = { reason: 'r', disagreements: [{ label: 3, areaMm2: 42.4, labelAreaMm2: 120, percent: 35.3 }, { label: 5, areaMm2: 2.25, labelAreaMm2: 30, percent: 7.5 }] };
  assert.equal(explain(s, (v) => (v === 3 ? 'Putamen L' : `Label ${v}`)),
    'the two directions disagree on Putamen L: 42 mm² (35 % of its area here); Label 5: 2.3 mm² (8 %)');
  assert.equal(explain({ reason: 'middle of the gap', disagreements: [] }, String), 'middle of the gap');
});

test('ETA text from seconds or an instant', () => {
  assert.equal(formatEta(65), '1 min 05 s');
  assert.equal(formatEta(7), '7 s');
  assert.equal(formatEta(null), '');
  assert.match(formatEta(new Date(Date.now() + 125000).toISOString()), /^2 min 0[45] s$/);
});

test('undo snapshots give back the bitmap they were made from, and the box where two bitmaps differ', () => {
  const dims = [8, 4, 6];
  const bitmap = new Uint8Array(dims[0] * dims[1] * dims[2] + 3); // a tail past the last whole word
  bitmap.fill(7, 40, 90); // one long run
  for (let i = 100; i < 130; i++) bitmap[i] = i % 5; // literal words
  bitmap[bitmap.length - 1] = 9;
  const snapshot = encodeBitmap(bitmap);
  assert.deepEqual(decodeBitmap(snapshot), bitmap);
  assert.ok(snapshot.vals.length * 4 < bitmap.length / 2, 'runs are stored once');
  const offset = new Uint8Array(bitmap.length + 1).subarray(1); // not on a word boundary
  offset.set(bitmap);
  assert.deepEqual(decodeBitmap(encodeBitmap(offset)), bitmap);
  const noise = Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 251);
  assert.deepEqual(decodeBitmap(encodeBitmap(noise)), noise);
  assert.deepEqual(decodeBitmap(emptySnapshot(11)), new Uint8Array(11));

  const changed = bitmap.slice(0, 192);
  const before = changed.slice();
  assert.equal(changedBox(before, changed, dims), null);
  changed[3 + 8 * (1 + 4 * 2)] = 1; // (3, 1, 2)
  changed[5 + 8 * (2 + 4 * 4)] = 1; // (5, 2, 4)
  assert.deepEqual(changedBox(before, changed, dims), { from: [3, 1, 2], to: [6, 3, 5] });
});
