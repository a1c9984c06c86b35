// SPDX-License-Identifier: Apache-2.0
/**
 * What the viewer really draws, read back from screenshot pixels: for every label on the shown slice, the colour of
 * the screen pixels at the centres of its voxels (interior voxels only, away from the crosshair lines).
 */
import { readPng } from './png.js';
import { index } from './nifti.js';

/** Array voxels [i, j, k] of each label on slice k of array axis 2, and which of them are interior (8 neighbours alike). */
export function labelVoxels(volume, k) {
  const [ni, nj] = volume.dims;
  const at = (i, j) => (i < 0 || j < 0 || i >= ni || j >= nj ? -1 : volume.data[index(volume.dims, [i, j, k])]);
  const out = new Map();
  for (let j = 0; j < nj; j++) {
    for (let i = 0; i < ni; i++) {
      const v = at(i, j);
      if (v === 0) continue;
      if (!out.has(v)) out.set(v, { all: [], interior: [] });
      out.get(v).all.push([i, j, k]);
      let inside = true;
      for (let dj = -1; dj <= 1 && inside; dj++) for (let di = -1; di <= 1; di++) if (at(i + di, j + dj) !== v) inside = false;
      if (inside) out.get(v).interior.push([i, j, k]);
    }
  }
  return out;
}

/** The slice (axis 2) holding most voxels of each label: Map label → slice. */
export function largestSlices(volume) {
  const [ni, nj, nk] = volume.dims;
  const counts = new Map();
  for (let k = 0; k < nk; k++) {
    for (let n = k * ni * nj; n < (k + 1) * ni * nj; n++) {
      const v = volume.data[n];
      if (v === 0) continue;
      if (!counts.has(v)) counts.set(v, new Float64Array(nk));
      counts.get(v)[k]++;
    }
  }
  const best = new Map();
  for (const [label, perSlice] of counts) best.set(label, perSlice.indexOf(Math.max(...perSlice)));
  return best;
}

/**
 * Screen colours at the centres of the given voxels (a Map label → voxels) in the current view: Map label → [[r, g, b]].
 * Voxels within 4 pixels of the crosshair lines are left out (the crosshair is drawn over the labels).
 */
export async function drawnColours(page, voxelsByLabel, screenshotPath) {
  const request = [...voxelsByLabel].map(([label, voxels]) => [label, voxels]);
  const { positions, crosshair } = await page.evaluate((req) => {
    const { viewer } = window.labelprop;
    return {
      positions: req.map(([label, voxels]) => [label, voxels.map((v) => viewer.canvasPositionOf(v))]),
      crosshair: viewer.canvasPositionOf(viewer.crosshairVoxel()),
    };
  }, request);
  const png = readPng(await page.locator('#gl').screenshot({ path: screenshotPath }));
  const out = new Map();
  for (const [label, points] of positions) {
    const colours = [];
    for (const p of points) {
      if (!p || Math.abs(p[0] - crosshair[0]) < 4 || Math.abs(p[1] - crosshair[1]) < 4) continue;
      if (p[0] < 0 || p[1] < 0 || p[0] >= png.width || p[1] >= png.height) continue;
      colours.push(png.pixel(p[0], p[1]));
    }
    out.set(label, colours);
  }
  return out;
}

export function isWhite([r, g, b]) {
  return Math.min(r, g, b) >= 235;
}

export function near(a, b, tolerance = 12) {
  return a.every((c, i) => Math.abs(c - b[i]) <= tolerance);
}

export function hexToRgb(hex) {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The colour most samples are closest to (a robust "drawn colour" of a label). */
export function typicalColour(colours) {
  let best = colours[0];
  let bestCount = -1;
  for (const c of colours) {
    const count = colours.filter((d) => near(c, d, 6)).length;
    if (count > bestCount) {
      best = c;
      bestCount = count;
    }
  }
  return best;
}
