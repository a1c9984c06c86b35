// SPDX-License-Identifier: Apache-2.0
/**
 * Voxel-grid bookkeeping between the file's array axes (i, j, k; i fastest) and NiiVue's display grid.
 * NiiVue shows a volume on its array grid permuted and flipped towards RAS (NVImage.permRAS: display
 * axis p is array axis |perm[p]| - 1, reversed when perm[p] < 0); nothing is resampled, so both
 * grids hold the same voxels and every mapping here is an exact index permutation.
 */

export const PLANES = ['sagittal', 'coronal', 'axial'];

const PLANE_OF_LETTER = { R: 'sagittal', L: 'sagittal', A: 'coronal', P: 'coronal', S: 'axial', I: 'axial' };

/**
 * The anatomical plane of the slices taken across each array axis, from axis codes such as "LPS":
 * code letter R/L → sagittal slices, A/P → coronal, S/I → axial. Returns null for unusable codes.
 */
export function planesFromAxisCodes(codes) {
  if (typeof codes !== 'string' || codes.length !== 3) return null;
  const planes = [...codes.toUpperCase()].map((letter) => PLANE_OF_LETTER[letter]);
  return planes.every(Boolean) && new Set(planes).size === 3 ? planes : null;
}

/** Axis codes ("RAS", "LPS", ...) of the array axes from NiiVue's permRAS. */
export function axisCodesFromPerm(perm) {
  const codes = ['', '', ''];
  perm.forEach((p, display) => {
    codes[Math.abs(p) - 1] = p > 0 ? 'RAS'[display] : 'LPI'[display];
  });
  return codes.join('');
}

/** Mapping between array voxel indices and NiiVue display voxel indices for one volume. */
export class VoxelGrid {
  /** @param dims array sizes [ni, nj, nk]; @param perm NVImage.permRAS */
  constructor(dims, perm) {
    this.dims = dims.slice(0, 3);
    this.perm = perm.slice(0, 3);
    this.displayDims = this.perm.map((p) => this.dims[Math.abs(p) - 1]);
  }

  static of(nvImage) {
    const d = nvImage.hdr.dims;
    return new VoxelGrid([d[1], d[2], d[3]], nvImage.permRAS);
  }

  /** Display axis (0 = sagittal-ordered R, 1 = A, 2 = S) that runs along array axis a. */
  displayAxisOf(arrayAxis) {
    return this.perm.findIndex((p) => Math.abs(p) - 1 === arrayAxis);
  }

  /** The plane NiiVue shows when it slices across array axis a (what the user sees). */
  planeOf(arrayAxis) {
    return PLANES[this.displayAxisOf(arrayAxis)];
  }

  toDisplay(vox) {
    return this.perm.map((p) => {
      const a = Math.abs(p) - 1;
      return p > 0 ? vox[a] : this.dims[a] - 1 - vox[a];
    });
  }

  toArray(displayVox) {
    const vox = [0, 0, 0];
    this.perm.forEach((p, d) => {
      const a = Math.abs(p) - 1;
      vox[a] = p > 0 ? displayVox[d] : this.dims[a] - 1 - displayVox[d];
    });
    return vox;
  }

  /**
   * Reorders a flat array-ordered volume (i fastest) into display order, converting each value (when `convert` is
   * given), into `out` (a new Out array when not given).
   */
  arrayToDisplay(data, Out = Uint8Array, convert = null, out = null) {
    const [di, dj, dk] = this.displayDims;
    out ??= new Out(di * dj * dk);
    const [ni, nj] = this.dims;
    const stride = [1, ni, ni * nj];
    const step = this.perm.map((p) => Math.sign(p) * stride[Math.abs(p) - 1]);
    const start = this.perm.reduce((s, p) => {
      const a = Math.abs(p) - 1;
      return p > 0 ? s : s + (this.dims[a] - 1) * stride[a];
    }, 0);
    // rows that run forwards along the array's i axis are copied whole (a memory copy, when the types match)
    const rows = !convert && step[0] === 1 && out.constructor === data.constructor;
    let o = 0;
    for (let z = 0; z < dk; z++) {
      for (let y = 0; y < dj; y++) {
        let src = start + z * step[2] + y * step[1];
        if (rows) {
          out.set(data.subarray(src, src + di), o);
          o += di;
        } else if (convert) {
          for (let x = 0; x < di; x++, src += step[0]) out[o++] = convert(data[src]);
        } else {
          for (let x = 0; x < di; x++, src += step[0]) out[o++] = data[src];
        }
      }
    }
    return out;
  }
}
