// SPDX-License-Identifier: Apache-2.0
/**
 * Which label values a layer holds on each slice across one array axis, kept up to date slice by slice while the user
 * paints, and the label coverage it implies (the rule of core's LabelCoverage): a label on two or more annotated
 * slices is "range", on one "single-slice", only in the hints "hint-only".
 */

/** Per slice across array axis `axis`, the set of values (0..255) a display-ordered layer bitmap holds. */
export class SlicePresence {
  constructor(grid, axis) {
    this.grid = grid;
    this.axis = axis;
    this.slices = grid.dims[axis];
    this.bits = new Uint8Array(this.slices * 256);
  }

  /** Presence of every value of `bitmap` (NiiVue display order) on every slice. */
  static of(grid, axis, bitmap) {
    const p = new SlicePresence(grid, axis);
    p.scan(bitmap, 0, p.slices);
    return p;
  }

  /** Scans again the slices from..to-1 (array indices), e.g. the one slice a stroke touched. */
  scan(bitmap, from, to) {
    const { grid } = this;
    const d = grid.displayAxisOf(this.axis);
    const flipped = grid.perm[d] < 0;
    const n = this.slices;
    const dims = grid.displayDims;
    const stride = [1, dims[0], dims[0] * dims[1]];
    for (let s = from; s < to; s++) {
      const row = this.bits.subarray(s * 256, (s + 1) * 256);
      row.fill(0);
      const c = flipped ? n - 1 - s : s; // display coordinate of array slice s
      // the two display axes other than d span the slice
      const [u, v] = [0, 1, 2].filter((a) => a !== d);
      const base = c * stride[d];
      // rows along display x are contiguous: read four voxels at a time, skipping empty ones and repeats (labels are
      // sparse, and inside a structure every word is the same)
      const words = u === 0 && dims[0] % 4 === 0 && bitmap.byteOffset % 4 === 0
        ? new Int32Array(bitmap.buffer, bitmap.byteOffset, bitmap.length >> 2) : null;
      for (let j = 0; j < dims[v]; j++) {
        let i0 = base + j * stride[v];
        if (words) {
          let previous = 0;
          for (let w = i0 >> 2, end = (i0 + dims[0]) >> 2; w < end; w++) {
            const word = words[w];
            if (word === 0 || word === previous) continue;
            previous = word;
            for (let b = w << 2; b < (w << 2) + 4; b++) if (bitmap[b] !== 0) row[bitmap[b]] = 1;
          }
          continue;
        }
        for (let i = 0; i < dims[u]; i++, i0 += stride[u]) {
          const value = bitmap[i0];
          if (value !== 0) row[value] = 1;
        }
      }
    }
  }

  /** Every non-zero value present on some slice. */
  values() {
    const out = new Set();
    for (let s = 0; s < this.slices; s++) {
      for (let v = 1; v < 256; v++) if (this.bits[s * 256 + v]) out.add(v);
    }
    return out;
  }

  /** The slices (array indices, ascending) where `value` is present. */
  slicesOf(value) {
    const out = [];
    for (let s = 0; s < this.slices; s++) if (this.bits[s * 256 + value]) out.push(s);
    return out;
  }
}

/**
 * The coverage of each label: Map value → {status: 'range' | 'single-slice' | 'hint-only', slices: annotated slices}.
 * @param annotations SlicePresence of the annotations layer; @param hints that of the hints layer (or null)
 * @param backgroundHint the hint value meaning "background here" (not a label)
 */
export function labelCoverage(annotations, hints, backgroundHint) {
  const out = new Map();
  for (const value of annotations.values()) {
    const slices = annotations.slicesOf(value);
    out.set(value, { status: slices.length >= 2 ? 'range' : 'single-slice', slices });
  }
  if (hints) {
    for (const value of hints.values()) {
      if (value !== backgroundHint && !out.has(value)) out.set(value, { status: 'hint-only', slices: [] });
    }
  }
  return out;
}
