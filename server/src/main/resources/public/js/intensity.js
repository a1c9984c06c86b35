// SPDX-License-Identifier: Apache-2.0
/**
 * Robust intensity window of a scan: the 0.5th and 99.5th percentiles of its non-zero voxels (zero is the padding
 * around most scans), from a histogram of at most about 4 million evenly spaced voxels. A few very bright or very
 * dark voxels then no longer decide the contrast.
 */

export const LOW_PERCENTILE = 0.5;
export const HIGH_PERCENTILE = 99.5;
const MAX_SAMPLES = 1 << 22;
const BINS = 4096;

/**
 * {min, max, lowest, highest}: the window and the extremes of the non-zero voxels seen, in raw voxel values of data
 * (a typed array); null when it has no non-zero voxel.
 * @param low, high percentiles in 0..100
 */
export function robustRange(data, low = LOW_PERCENTILE, high = HIGH_PERCENTILE) {
  const step = Math.max(1, Math.floor(data.length / MAX_SAMPLES));
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  for (let i = 0; i < data.length; i += step) {
    const v = data[i];
    if (v === 0 || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    n++;
  }
  if (n === 0) return null;
  if (lo === hi) return { min: lo, max: hi, lowest: lo, highest: hi };
  const counts = new Float64Array(BINS);
  const scale = (BINS - 1) / (hi - lo);
  for (let i = 0; i < data.length; i += step) {
    const v = data[i];
    if (v === 0 || !Number.isFinite(v)) continue;
    counts[Math.round((v - lo) * scale)]++;
  }
  const at = (fraction) => {
    const target = fraction * n;
    let sum = 0;
    for (let b = 0; b < BINS; b++) {
      sum += counts[b];
      if (sum >= target) return lo + b / scale;
    }
    return hi;
  };
  return { min: at(low / 100), max: at(high / 100), lowest: lo, highest: hi };
}
