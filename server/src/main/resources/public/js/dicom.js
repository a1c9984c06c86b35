// SPDX-License-Identifier: Apache-2.0
/**
 * DICOM series converted in the browser with the WebAssembly build of dcm2niix (vendor/dcm2niix, npm
 * @niivue/dcm2niix), so the server only ever receives NIfTI. One worker per conversion, ended after it.
 */
import { Dcm2niix } from '../vendor/dcm2niix/index.jpeg.js';

/** dcm2niix's exit codes (console/nii_dicom_batch.h) in words. */
const EXIT_CODES = {
  2: 'no DICOM images were found',
  3: 'dcm2niix only reported its version',
  4: 'dcm2niix found the files corrupt',
  5: 'dcm2niix was given an invalid input folder',
  6: 'dcm2niix was given an invalid output folder',
  7: 'dcm2niix could not write the output',
  8: 'some series could not be converted',
  9: 'dcm2niix could not rename files',
  10: 'dcm2niix could not convert the series (incompatible or unsupported images)',
};

/**
 * Converts the DICOM files to one NIfTI per series: [{file, description, seriesNumber, modality, dims}], sorted by
 * series number; throws when nothing could be converted, with dcm2niix's reason.
 */
export async function convertDicom(files) {
  const dcm2niix = new Dcm2niix();
  await dcm2niix.init();
  let output;
  try {
    // uncompressed NIfTI named by series number, with the BIDS sidecar that names the series
    output = await dcm2niix.input(files).b('y').z('n').f('%s').run();
  } catch (err) {
    const code = Number((err.message.match(/exit code (\d+)/) || [])[1]);
    throw new Error(`the ${files.length} DICOM file(s) could not be converted: ${EXIT_CODES[code] || err.message}`);
  } finally {
    dcm2niix.worker?.terminate();
  }
  const series = [];
  for (const file of output.filter((f) => /\.nii$/i.test(f.name))) {
    const stem = file.name.replace(/\.nii$/i, '');
    const sidecar = output.find((f) => f.name === `${stem}.json`);
    const json = sidecar ? JSON.parse(await sidecar.text()) : {};
    const header = new DataView(await file.slice(0, 56).arrayBuffer());
    const dims = [1, 2, 3, 4].map((i) => header.getInt16(40 + 2 * i, true));
    series.push({
      file,
      description: json.SeriesDescription || json.ProtocolName || '',
      seriesNumber: json.SeriesNumber ?? null,
      modality: json.Modality || '',
      dims: dims[3] > 1 ? dims : dims.slice(0, 3),
    });
  }
  if (series.length === 0) throw new Error(`no DICOM series found in the ${files.length} file(s)`);
  return series.sort((a, b) => (a.seriesNumber ?? 1e9) - (b.seriesNumber ?? 1e9));
}

/** One line for a series list: "T1 MPRAGE (series 3, MR), 176 × 256 × 256". */
export function describeSeries(s) {
  const number = s.seriesNumber === null ? 'no series number' : `series ${s.seriesNumber}`;
  return `${s.description || '(no description)'} (${number}${s.modality ? `, ${s.modality}` : ''}), ${s.dims.join(' × ')}`;
}
