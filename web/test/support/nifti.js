// SPDX-License-Identifier: Apache-2.0
/**
 * A tiny NIfTI-1 writer and reader for the browser tests: single-file .nii (optionally gzip),
 * 3-D volumes (or 4-D with `volumes` > 1), datatypes uint8 (2), int16 (4) and float32 (16), the affine stored as sform
 * (sform_code 1, qform_code 0), or as qform only when a quaternion is given. Data are flat with i fastest: index = i + ni*(j + nj*k).
 */
import { gzipSync, gunzipSync } from 'node:zlib';

const TYPES = {
  2: { name: 'uint8', bytes: 1, get: 'getUint8', set: 'setUint8' },
  4: { name: 'int16', bytes: 2, get: 'getInt16', set: 'setInt16' },
  16: { name: 'float32', bytes: 4, get: 'getFloat32', set: 'setFloat32' },
};

/** @param volume {dims:[ni,nj,nk], affine: 4x4 rows (voxel→mm), data: numbers, datatype: 2|4|16} */
export function writeNifti({ dims, affine, data, datatype = 16, volumes = 1, qform = null }, { gzip = false } = {}) {
  const type = TYPES[datatype];
  if (!type) throw new Error(`unsupported datatype ${datatype}`);
  const voxels = dims[0] * dims[1] * dims[2] * volumes;
  if (data.length !== voxels) throw new Error(`data has ${data.length} values, dims ${dims.join('x')}x${volumes} need ${voxels}`);
  const buffer = new ArrayBuffer(352 + voxels * type.bytes);
  const view = new DataView(buffer);
  view.setInt32(0, 348, true);
  [volumes > 1 ? 4 : 3, dims[0], dims[1], dims[2], volumes, 1, 1, 1].forEach((d, i) => view.setInt16(40 + 2 * i, d, true));
  view.setInt16(70, datatype, true);
  view.setInt16(72, type.bytes * 8, true);
  const spacing = [0, 1, 2].map((c) => Math.hypot(affine[0][c], affine[1][c], affine[2][c]));
  [1, ...spacing, 1, 1, 1, 1].forEach((p, i) => view.setFloat32(76 + 4 * i, p, true));
  view.setFloat32(108, 352, true); // vox_offset
  view.setFloat32(112, 1, true); // scl_slope
  view.setUint8(123, 10); // xyzt_units: mm, s
  if (qform) {
    // qform only (sform_code 0): quaternion (b, c, d), qfac in pixdim[0], offset = the affine's last column
    view.setInt16(252, 1, true);
    view.setInt16(254, 0, true);
    view.setFloat32(76, qform.qfac ?? 1, true);
    [...qform.bcd, affine[0][3], affine[1][3], affine[2][3]].forEach((v, i) => view.setFloat32(256 + 4 * i, v, true));
  } else {
    view.setInt16(252, 0, true); // qform_code
    view.setInt16(254, 1, true); // sform_code: scanner
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 4; c++) view.setFloat32(280 + 16 * r + 4 * c, affine[r][c], true);
    }
  }
  new Uint8Array(buffer, 344, 4).set([0x6e, 0x2b, 0x31, 0x00]); // "n+1\0"
  for (let n = 0; n < voxels; n++) view[type.set](352 + n * type.bytes, data[n], true);
  const bytes = new Uint8Array(buffer);
  return gzip ? new Uint8Array(gzipSync(bytes)) : bytes;
}

/** Reads a .nii or .nii.gz (NIfTI-1, little endian) into {dims, datatype, sform, data (numbers, scaled)}. */
export function readNifti(input) {
  let bytes = Buffer.from(input);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, true) !== 348) throw new Error(`not a little-endian NIfTI-1 file (sizeof_hdr ${view.getInt32(0, true)})`);
  const ndim = view.getInt16(40, true);
  const dims = [1, 2, 3].map((i) => (i <= ndim ? view.getInt16(40 + 2 * i, true) : 1));
  const datatype = view.getInt16(70, true);
  const type = TYPES[datatype];
  if (!type) throw new Error(`unsupported datatype ${datatype}`);
  const offset = Math.round(view.getFloat32(108, true));
  let slope = view.getFloat32(112, true);
  const inter = view.getFloat32(116, true);
  if (!slope) slope = 1;
  const sform = [0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => view.getFloat32(280 + 16 * r + 4 * c, true)));
  const voxels = dims[0] * dims[1] * dims[2];
  const data = new Float64Array(voxels);
  for (let n = 0; n < voxels; n++) data[n] = view[type.get](offset + n * type.bytes, true) * slope + inter;
  return { dims, datatype, sform, sformCode: view.getInt16(254, true), data };
}

export function index(dims, [i, j, k]) {
  return i + dims[0] * (j + dims[1] * k);
}

/** Array voxel coordinates of every non-zero voxel with its value. */
export function nonZero({ dims, data }) {
  const out = [];
  for (let n = 0; n < data.length; n++) {
    if (data[n] !== 0) {
      out.push({ vox: [n % dims[0], Math.floor(n / dims[0]) % dims[1], Math.floor(n / (dims[0] * dims[1]))], value: data[n] });
    }
  }
  return out;
}
