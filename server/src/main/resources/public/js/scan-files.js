// SPDX-License-Identifier: Apache-2.0
/**
 * What the user dropped or chose, sorted out before anything is read: one volume file (NIfTI; NRRD, MetaImage or a
 * .zip of DICOM files, which the server converts) or a set of DICOM files (a folder), which the page converts itself.
 * DOM-free apart from the drop-event entries, so it is testable on its own.
 */

const NIFTI = /\.nii(\.gz)?$/i;
const SERVER_CONVERTS = /\.(nrrd|mha|zip)$/i;
const DETACHED = /\.(nhdr|mhd)$/i;

/**
 * Sorts the files: {kind: 'nifti'|'converted', file} for one volume file, {kind: 'dicom', files} for DICOM files
 * (anything else, e.g. .dcm or names without an ending); throws with what to open instead.
 */
export function classifyScanFiles(files) {
  const list = Array.from(files).filter((f) => !f.name.startsWith('.')); // .DS_Store and the like
  if (list.length === 0) throw new Error('nothing to open: the folder or selection holds no file');
  const volumes = list.filter((f) => NIFTI.test(f.name) || SERVER_CONVERTS.test(f.name));
  if (list.length === 1 && volumes.length === 1) {
    return { kind: NIFTI.test(list[0].name) ? 'nifti' : 'converted', file: list[0] };
  }
  const detached = list.find((f) => DETACHED.test(f.name));
  if (detached) {
    throw new Error(`"${detached.name}" is a detached header whose data is in another file; open the single-file `
      + `${/nhdr$/i.test(detached.name) ? '.nrrd' : '.mha'} instead (3D Slicer and ITK save one with "compress" or as .nrrd/.mha)`);
  }
  if (volumes.length > 0) {
    throw new Error(`${list.length} files were given, among them "${volumes[0].name}": open one scan file at a time, `
      + 'or a folder holding only the DICOM files of a series');
  }
  return { kind: 'dicom', files: list };
}

/**
 * The files of a drop, folders walked recursively (each file gets `_webkitRelativePath`, which the dcm2niix worker
 * reads); falls back to the plain file list where entries are not available.
 */
export async function filesFromDrop(dataTransfer) {
  const entries = Array.from(dataTransfer.items || [])
    .map((item) => (item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null))
    .filter(Boolean);
  if (entries.length === 0) return Array.from(dataTransfer.files || []);
  const files = [];
  for (const entry of entries) await walk(entry, '', files);
  return files;
}

async function walk(entry, prefix, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    file._webkitRelativePath = prefix + file.name;
    out.push(file);
    return;
  }
  const reader = entry.createReader();
  // readEntries returns the entries in batches (about 100 in Chromium) until it returns none
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
  }
}
