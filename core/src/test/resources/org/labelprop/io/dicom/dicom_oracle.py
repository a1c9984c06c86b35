# SPDX-License-Identifier: Apache-2.0
"""pydicom oracle for DicomImportTest; run with Debian's /usr/bin/python3 (python3-pydicom, python3-nibabel, dcm2niix).

  dicom_oracle.py write DIR      writes DICOM series of known volumes, one folder per case DIR/CASE/, and DIR/truth.txt,
      one line per case: case nx ny nz affine(16, RAS+, row-major), plus DIR/CASE.f64 (the known values in physical
      units, little-endian float64, x fastest: x = DICOM column, y = row, z = slice in spatial order); also DIR/multi/
      with two series (numbers 3 and 7) and DIR/multi.zip holding it.
  dicom_oracle.py dcm2niix DIR   runs dcm2niix itself on every case into DIR/CASE_ref/ and writes DIR/reference.txt:
      case nx ny nz affine(16), plus DIR/CASE_ref.f64: nibabel's get_fdata() of dcm2niix's NIfTI, x fastest.
"""
import os
import subprocess
import sys
import zipfile

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

MR, CT = '1.2.840.10008.5.1.4.1.1.4', '1.2.840.10008.5.1.4.1.1.2'


def rotation(rng):
    w, x, y, z = (q := rng.normal(size=4)) / np.linalg.norm(q)
    return np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
                     [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
                     [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]])


def ds_text(values, fmt):
    return [fmt % v for v in values]


def write_series(folder, stored, row_dir, col_dir, step, spacing, ipp0, number, description, modality, inter, order, rng):
    """stored[i, j, k]: i = column, j = row, k = slice in spatial order; step: vector from slice k to k + 1 (LPS)."""
    os.makedirs(folder, exist_ok=True)
    nx, ny, nz = stored.shape
    study, series, frame = generate_uid(), generate_uid(), generate_uid()
    iop = ds_text(list(row_dir) + list(col_dir), '%.8f')
    positions = [ds_text(ipp0 + k * step, '%.6f') for k in range(nz)]
    instances = {'ascending': range(nz), 'descending': range(nz - 1, -1, -1), 'shuffled': rng.permutation(nz)}[order]
    for n, k in enumerate(instances):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = MR if modality == 'MR' else CT
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        d = Dataset()
        d.file_meta = meta
        d.SOPClassUID, d.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
        d.PatientName, d.PatientID, d.StudyDate, d.StudyTime = 'Oracle^Phantom', 'LP0001', '20260101', '120000'
        d.Modality, d.Manufacturer = modality, 'LabelProp oracle'
        d.StudyInstanceUID, d.SeriesInstanceUID, d.FrameOfReferenceUID = study, series, frame
        d.SeriesNumber, d.SeriesDescription, d.InstanceNumber = number, description, n + 1
        d.AcquisitionNumber = 1
        d.ImagePositionPatient, d.ImageOrientationPatient = positions[k], iop
        d.PixelSpacing = ds_text([spacing[1], spacing[0]], '%.6f')     # row spacing (along a column), column spacing
        d.SliceThickness = '%.6f' % spacing[2]
        d.Rows, d.Columns = ny, nx
        d.SamplesPerPixel, d.PhotometricInterpretation = 1, 'MONOCHROME2'
        d.BitsAllocated, d.BitsStored, d.HighBit = 16, 16, 15
        d.PixelRepresentation = 0 if inter else 1
        d.RescaleIntercept, d.RescaleSlope = str(inter), '1'
        if modality == 'MR':
            d.EchoTime, d.RepetitionTime, d.MagneticFieldStrength = '4.5', '500', '3'
        d.PixelData = np.ascontiguousarray(stored[:, :, k].T.astype('<u2' if inter else '<i2')).tobytes()
        d.is_little_endian, d.is_implicit_VR = True, False
        d.save_as(os.path.join(folder, 'f%03d_%s.dcm' % (rng.integers(1000), n)), write_like_original=False)
    # the geometry as written (rounded), in RAS+
    x, y = np.array(iop[:3], float), np.array(iop[3:], float)
    first, last = np.array(positions[0], float), np.array(positions[-1], float)
    lps = np.eye(4)
    lps[:3, 0], lps[:3, 1] = x * spacing[0], y * spacing[1]
    lps[:3, 2] = (last - first) / (nz - 1)
    lps[:3, 3] = first
    return np.diag([-1.0, -1.0, 1.0, 1.0]) @ lps


CASES = [  # name, modality, orientation, slice direction sign, instance order, spacing, intercept
    ('oblique_ascending', 'MR', 'oblique', 1, 'ascending', (0.9, 1.1, 2.5), 0),
    ('oblique_descending', 'MR', 'oblique', -1, 'descending', (1.2, 0.8, 3.0), 0),
    ('oblique_shuffled', 'MR', 'oblique', 1, 'shuffled', (0.7, 0.7, 1.9), 0),
    ('axial_ct', 'CT', 'axial', 1, 'descending', (0.6, 0.6, 1.25), -1024),
    ('sagittal', 'MR', 'sagittal', -1, 'shuffled', (1.0, 0.85, 1.6), 0),
]


def write_cases(out):
    rng = np.random.default_rng(20260712)
    lines = []
    for name, modality, orientation, sign, order, spacing, inter in CASES:
        r = {'oblique': rotation(rng), 'axial': np.eye(3), 'sagittal': np.array([[0, 0, -1], [1, 0, 0], [0, -1, 0.0]])}[orientation]
        row_dir, col_dir = r[:, 0], r[:, 1]
        step = sign * np.cross(row_dir, col_dir) * spacing[2]
        shape = tuple(int(s) for s in rng.integers(5, 13, size=3))
        stored = rng.integers(0, 3000, size=shape) if inter else rng.integers(-1000, 3000, size=shape)
        ipp0 = rng.uniform(-150, 150, size=3)
        ras = write_series(os.path.join(out, name), stored, row_dir, col_dir, step, spacing, ipp0, 2, name.replace('_', ' '),
                           modality, inter, order, rng)
        np.asarray(stored + inter, dtype='<f8').ravel(order='F').tofile(os.path.join(out, name + '.f64'))
        lines.append(' '.join([name, *map(str, shape), *(repr(float(v)) for v in ras.ravel())]))
    with open(os.path.join(out, 'truth.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    multi = os.path.join(out, 'multi')
    for number, description, shape in ((7, 'T2 sagittal', (6, 5, 4)), (3, 'T1 axial', (8, 7, 5))):
        write_series(os.path.join(multi, 'series%d' % number), rng.integers(0, 500, size=shape), np.eye(3)[0], np.eye(3)[1],
                     np.array([0, 0, 2.0]), (1.0, 1.0, 2.0), np.zeros(3), number, description, 'MR', 0, 'ascending', rng)
    with zipfile.ZipFile(os.path.join(out, 'multi.zip'), 'w') as z:
        for root, _, files in os.walk(multi):
            for f in files:
                z.write(os.path.join(root, f), os.path.relpath(os.path.join(root, f), out))


def run_dcm2niix(out):
    import nibabel as nib
    lines = []
    for name, *_ in CASES:
        ref = os.path.join(out, name + '_ref')
        os.makedirs(ref, exist_ok=True)
        subprocess.run(['dcm2niix', '-b', 'n', '-z', 'n', '-f', 'ref', '-o', ref, os.path.join(out, name)], check=True,
                       stdout=subprocess.DEVNULL)
        img = nib.load(os.path.join(ref, 'ref.nii'))
        np.asarray(img.get_fdata(), dtype='<f8').ravel(order='F').tofile(ref + '.f64')
        lines.append(' '.join([name, *map(str, img.shape[:3]), *(repr(float(v)) for v in img.affine.ravel())]))
    with open(os.path.join(out, 'reference.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    {'write': write_cases, 'dcm2niix': run_dcm2niix}[sys.argv[1]](sys.argv[2])
