# SPDX-License-Identifier: Apache-2.0
"""Writes an axial MR DICOM series of a phantom with Debian's /usr/bin/python3 (python3-pydicom, python3-numpy).

  phantom_series.py DIR NX NY NZ [NUMBER [DESCRIPTION]]

The phantom is a bright ellipse whose radius grows with the slice (smooth, so registration has something to follow) on
a dark background with a faint ramp; one file per slice, int16, explicit VR little endian, 0.9 x 0.9 x 2.5 mm, slices
written in descending order. Used by the CLI, server and browser tests of DICOM input (labelprop's own converter is
dcm2niix, so the series is made by an independent writer).
"""
import os
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

MR = '1.2.840.10008.5.1.4.1.1.4'


def phantom(nx, ny, nz):
    x, y = np.meshgrid(np.arange(nx), np.arange(ny), indexing='ij')
    cx, cy = (nx - 1) / 2, (ny - 1) / 2
    out = np.zeros((nx, ny, nz), dtype=np.int16)
    for k in range(nz):
        r = 0.2 + 0.15 * k / max(1, nz - 1)
        inside = ((x - cx) / (r * nx)) ** 2 + ((y - cy) / (r * 1.3 * ny)) ** 2 <= 1
        out[:, :, k] = (100 + 2 * x + y + 800 * inside).astype(np.int16)
    return out


def main(out, nx, ny, nz, number=2, description='phantom T1'):
    os.makedirs(out, exist_ok=True)
    stored = phantom(nx, ny, nz)
    study, series, frame = generate_uid(), generate_uid(), generate_uid()
    for n, k in enumerate(range(nz - 1, -1, -1)):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID = MR, generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        d = Dataset()
        d.file_meta = meta
        d.SOPClassUID, d.SOPInstanceUID = MR, meta.MediaStorageSOPInstanceUID
        d.PatientName, d.PatientID, d.StudyDate, d.StudyTime = 'Phantom^Test', 'LP0002', '20260101', '120000'
        d.Modality, d.Manufacturer = 'MR', 'LabelProp test'
        d.StudyInstanceUID, d.SeriesInstanceUID, d.FrameOfReferenceUID = study, series, frame
        d.SeriesNumber, d.SeriesDescription, d.InstanceNumber, d.AcquisitionNumber = number, description, n + 1, 1
        d.ImagePositionPatient = ['-40.0', '-30.0', '%.4f' % (10 + 2.5 * k)]
        d.ImageOrientationPatient = ['1', '0', '0', '0', '1', '0']
        d.PixelSpacing, d.SliceThickness = ['0.9', '0.9'], '2.5'
        d.Rows, d.Columns = ny, nx
        d.SamplesPerPixel, d.PhotometricInterpretation = 1, 'MONOCHROME2'
        d.BitsAllocated, d.BitsStored, d.HighBit, d.PixelRepresentation = 16, 16, 15, 1
        d.EchoTime, d.RepetitionTime, d.MagneticFieldStrength = '4.5', '500', '3'
        d.PixelData = np.ascontiguousarray(stored[:, :, k].T.astype('<i2')).tobytes()
        d.is_little_endian, d.is_implicit_VR = True, False
        d.save_as(os.path.join(out, 's%d_%03d.dcm' % (number, n)), write_like_original=False)


if __name__ == '__main__':
    a = sys.argv[1:]
    main(a[0], int(a[1]), int(a[2]), int(a[3]), *( [int(a[4])] if len(a) > 4 else []), *a[5:6])
