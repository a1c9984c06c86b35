// SPDX-License-Identifier: Apache-2.0
/**
 * A synthetic 512×512×300 scan (int16, 78.6 million voxels, 0.5×0.5×0.6 mm) with 12 labels annotated on 3 axial
 * slices: a head-like ellipsoid holding 12 darker discs whose radius changes along k. Written as .nii.gz (gzip level 1)
 * into `dir`; used by large-scan.test.js and web/measure/reopen.mjs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeNifti } from './nifti.js';

export const LARGE_DIMS = [512, 512, 300];
export const LARGE_ANNOTATED = [60, 150, 240];
const CENTRES = Array.from({ length: 12 }, (_, l) => [256 + 150 * Math.cos((l * Math.PI) / 6), 256 + 150 * Math.sin((l * Math.PI) / 6)]);

/** {scan, annotations}: paths of the two files written into dir. */
export function writeLargeScan(dir) {
  const [ni, nj, nk] = LARGE_DIMS;
  const n = ni * nj * nk;
  const image = new Int16Array(n);
  const labels = new Uint8Array(n);
  for (let k = 0; k < nk; k++) {
    const r = 30 + 10 * Math.sin((k * Math.PI) / nk);
    const annotated = LARGE_ANNOTATED.includes(k);
    for (let j = 0; j < nj; j++) {
      for (let i = 0; i < ni; i++) {
        const o = i + ni * (j + nj * k);
        const head = ((i - 256) / 240) ** 2 + ((j - 256) / 240) ** 2 + ((k - 150) / 160) ** 2 < 1;
        if (!head) continue;
        image[o] = 800 + ((i * 13 + j * 7 + k * 3) % 40);
        for (let l = 0; l < 12; l++) {
          if (Math.hypot(i - CENTRES[l][0], j - CENTRES[l][1]) < r) {
            image[o] = 300 + 20 * l;
            if (annotated) labels[o] = l + 1;
          }
        }
      }
    }
  }
  const affine = [[0.5, 0, 0, -128], [0, 0.5, 0, -128], [0, 0, 0.6, -90]];
  const nifti = (data, datatype) => gzipSync(writeNifti({ dims: LARGE_DIMS, affine, data, datatype }), { level: 1 });
  const scan = path.join(dir, 'large-scan.nii.gz');
  const annotations = path.join(dir, 'large-annotations.nii.gz');
  writeFileSync(scan, nifti(image, 4));
  writeFileSync(annotations, nifti(labels, 2));
  return { scan, annotations };
}
