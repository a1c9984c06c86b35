// SPDX-License-Identifier: Apache-2.0
/**
 * Reads a label volume from NIfTI-1 or NIfTI-2 bytes (.nii or .nii.gz, either byte order, any integer or float
 * datatype, scl_slope/scl_inter applied): its array shape and its voxels in file order (i fastest). Used for the label
 * layers, which need no display texture of their own: NiiVue's reader would also compute intensity statistics and a
 * reoriented copy, seconds on a large scan.
 */

const TYPES = {
  2: ['getUint8', 1], 4: ['getInt16', 2], 8: ['getInt32', 4], 16: ['getFloat32', 4], 64: ['getFloat64', 8],
  256: ['getInt8', 1], 512: ['getUint16', 2], 768: ['getUint32', 4],
};
const ARRAYS = { 2: Uint8Array, 4: Int16Array, 8: Int32Array, 16: Float32Array, 64: Float64Array, 256: Int8Array, 512: Uint16Array, 768: Uint32Array };

/** {dims: [ni, nj, nk], data} from NIfTI bytes; throws naming `name` and what is wrong. */
export async function readLabelVolume(buffer, name) {
  let bytes = new Uint8Array(buffer);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzip(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = [348, 540].includes(view.getInt32(0, true));
  const size = view.getInt32(0, little);
  if (size !== 348 && size !== 540) throw new Error(`${name} is not a NIfTI file (header size ${view.getInt32(0, true)})`);
  const two = size === 540;
  const dim = (i) => (two ? Number(view.getBigInt64(16 + 8 * i, little)) : view.getInt16(40 + 2 * i, little));
  const ndim = dim(0);
  const dims = [1, 2, 3].map((i) => (i <= ndim ? dim(i) : 1));
  const volumes = [4, 5, 6, 7].reduce((n, i) => n * (i <= ndim ? Math.max(1, dim(i)) : 1), 1);
  if (volumes > 1) throw new Error(`${name} holds ${volumes} volumes; a label volume has one`);
  const datatype = two ? view.getInt16(12, little) : view.getInt16(70, little);
  const type = TYPES[datatype];
  if (!type) throw new Error(`${name} has NIfTI datatype ${datatype}; label volumes must hold integers or floats`);
  const offset = two ? Number(view.getBigInt64(168, little)) : Math.round(view.getFloat32(108, little));
  let slope = two ? view.getFloat64(176, little) : view.getFloat32(112, little);
  const inter = two ? view.getFloat64(184, little) : view.getFloat32(116, little);
  if (!slope || !Number.isFinite(slope)) slope = 1;
  const n = dims[0] * dims[1] * dims[2];
  const [getter, width] = type;
  if (offset + n * width > bytes.byteLength) {
    throw new Error(`${name} is truncated: ${dims.join('×')} voxels of ${width} bytes need ${offset + n * width} bytes, found ${bytes.byteLength}`);
  }
  let data;
  if (width === 1 || (little && (bytes.byteOffset + offset) % width === 0)) {
    data = new ARRAYS[datatype](bytes.buffer, bytes.byteOffset + offset, n); // no copy: the file's own bytes
  } else {
    data = new ARRAYS[datatype](n);
    for (let v = 0; v < n; v++) data[v] = view[getter](offset + v * width, little);
  }
  if (slope !== 1 || inter !== 0) data = Float64Array.from(data, (v) => v * slope + inter);
  return { dims, data };
}

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
