# SPDX-License-Identifier: Apache-2.0
"""NRRD / MetaImage oracles for NrrdOracleTest and MetaImageOracleTest; run with Debian's /usr/bin/python3.
Tools: ITK through plastimatch (NIfTI <-> NRRD/MetaImage), teem's own NRRD library through teem-unu, VTK's
vtkMetaImageReader/Writer (python3-vtk9), nibabel for NIfTI.

  formats_oracle.py make DIR    writes files of known content with the tools and DIR/made.txt, one line per file:
      file source nx ny nz affine(16, RAS+, row-major)   where DIR/source.f64 holds the values (float64, x fastest)
      - nibabel writes oblique, anisotropic NIfTI volumes (sform = qform); plastimatch (ITK) converts each to .nrrd
        (gzip) and to .mha or .mhd; teem-unu re-saves the ITK NRRD as raw big-endian .nhdr and converts to int8 / int64;
      - VTK writes axis-aligned .mha / .mhd (raw and zlib) of every type but int64 (its writer has none); their affine is
        LPS diag(spacing) + origin.
  formats_oracle.py read DIR    reads every file named in DIR/ours.txt ("name tool,tool", one a line, tools among teem,
      vtk and itk; one plastimatch run costs half a second, so ITK reads a sample) with the tools and writes
      DIR/read.txt, one line per file and tool:
        file teem nx ny nz dir(9, LPS, one vector per axis) origin(3)   + file.teem.f64   (NRRD)
        file vtk nx ny nz spacing(3) origin(3)                          + file.vtk.f64    (MetaImage)
        file itk nx ny nz affine(16, RAS+)                              + file.itk.f64    (plastimatch -> NIfTI -> nibabel)
"""
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np

PLASTIMATCH_TYPES = ['uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64']


def rotation(rng):
    w, x, y, z = (q := rng.normal(size=4)) / np.linalg.norm(q)
    return np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
                     [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
                     [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]])


def values(rng, dtype, shape):
    if dtype.startswith('float'):
        return (rng.normal(size=shape) * 700).astype(dtype)
    lo, hi = (0, 250) if dtype == 'uint8' else (0, 60000) if dtype.startswith('uint') else (-120, 120)
    return rng.integers(lo, hi, size=shape).astype(dtype)


def run(*command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def line(*fields):
    return ' '.join(f if isinstance(f, str) else repr(float(f)) if isinstance(f, (float, np.floating)) else str(f) for f in fields)


def make(out):
    import nibabel as nib
    from vtkmodules.util.numpy_support import numpy_to_vtk
    from vtkmodules.vtkCommonDataModel import vtkImageData
    from vtkmodules.vtkIOImage import vtkMetaImageWriter
    rng = np.random.default_rng(20261130)
    lines, jobs = [], []
    for n, dtype in enumerate(PLASTIMATCH_TYPES):
        shape = tuple(int(s) for s in rng.integers(3, 9, size=3))
        a = np.eye(4)
        a[:3, :3] = rotation(rng) @ np.diag(rng.uniform(0.4, 3.0, size=3))
        if n % 2:
            a[:3, 2] *= -1
        a[:3, 3] = rng.uniform(-100, 100, size=3)
        data = values(rng, dtype, shape)
        source = 'itk_%s' % dtype
        img = nib.Nifti1Image(data, a, dtype=dtype)
        img.header.set_qform(a, 1)
        img.header.set_sform(a, 1)
        nib.save(img, os.path.join(out, source + '.nii'))
        np.asarray(data, '<f8').ravel(order='F').tofile(os.path.join(out, source + '.f64'))
        for ext in ('.nrrd', '.mha' if n % 2 else '.mhd'):
            jobs.append((source + '.nii', source + ext))
            lines.append(line(source + ext, source, *shape, *a.ravel()))
        lines.append(line(source + '_teem_big.nhdr', source, *shape, *a.ravel()))
        if dtype == 'int16':
            for teem_type, name in (('signed char', 'int8'), ('long long', 'int64')):
                lines.append(line('teem_%s.nrrd' % name, source, *shape, *a.ravel()))
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda j: run('plastimatch', 'convert', '--input', os.path.join(out, j[0]), '--output-img', os.path.join(out, j[1])), jobs))
    for dtype in PLASTIMATCH_TYPES:
        itk = os.path.join(out, 'itk_%s.nrrd' % dtype)
        run('teem-unu', 'save', '-f', 'nrrd', '-e', 'raw', '-en', 'big', '-i', itk, '-o', os.path.join(out, 'itk_%s_teem_big.nhdr' % dtype))
    for teem_type, name in (('signed char', 'int8'), ('long long', 'int64')):
        run('teem-unu', 'convert', '-t', teem_type, '-i', os.path.join(out, 'itk_int16.nrrd'), '-o', os.path.join(out, 'teem_%s.nrrd' % name))
    vtk_types = {'int8': 15, 'uint8': 3, 'int16': 4, 'uint16': 5, 'int32': 6, 'uint32': 7, 'float32': 10, 'float64': 11}  # no int64 writer
    for n, (dtype, vtk_type) in enumerate(vtk_types.items()):
        shape = tuple(int(s) for s in rng.integers(3, 9, size=3))
        spacing, origin = rng.uniform(0.3, 3.0, size=3), rng.uniform(-100, 100, size=3)
        data = values(rng, dtype, shape)
        image = vtkImageData()
        image.SetDimensions(*shape)
        image.SetSpacing(*spacing)
        image.SetOrigin(*origin)
        array = numpy_to_vtk(np.ascontiguousarray(data.ravel(order='F')), deep=True, array_type=vtk_type)
        image.GetPointData().SetScalars(array)
        source = 'vtk_%s' % dtype
        np.asarray(data, '<f8').ravel(order='F').tofile(os.path.join(out, source + '.f64'))
        lps = np.diag([*spacing, 1.0])
        lps[:3, 3] = origin
        ras = np.diag([-1.0, -1.0, 1.0, 1.0]) @ lps
        for ext, compressed in (('.mha', n % 2 == 0), ('.mhd', n % 2 == 1)):
            writer = vtkMetaImageWriter()
            writer.SetInputData(image)
            writer.SetFileName(os.path.join(out, source + ext))
            if ext == '.mhd':
                writer.SetRAWFileName(os.path.join(out, source + ('.zraw' if compressed else '.raw')))
            writer.SetCompression(compressed)
            writer.Write()
            lines.append(line(source + ext, source, *shape, *ras.ravel()))
    with open(os.path.join(out, 'made.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


def teem(out, name):
    path = os.path.join(out, name)
    head = subprocess.run(['teem-unu', 'head', path], check=True, capture_output=True, text=True).stdout
    field = lambda key: re.search(r'^%s: (.*)$' % key, head, re.M).group(1)
    sizes = field('sizes').split()
    directions = [float(v) for v in re.findall(r'[-+0-9.eE]+', field('space directions'))]
    origin = [float(v) for v in re.findall(r'[-+0-9.eE]+', field('space origin'))]
    convert = subprocess.run(['teem-unu', 'convert', '-t', 'double', '-i', path], check=True, capture_output=True).stdout
    raw = subprocess.run(['teem-unu', 'save', '-f', 'nrrd', '-e', 'raw', '-en', 'little'], input=convert, check=True, capture_output=True).stdout
    data = subprocess.run(['teem-unu', 'data', '-'], input=raw, check=True, capture_output=True).stdout
    with open(path + '.teem.f64', 'wb') as f:
        f.write(data)
    return line(name, 'teem', *sizes, *directions, *origin)


def vtk(out, name):
    from vtkmodules.util.numpy_support import vtk_to_numpy
    from vtkmodules.vtkIOImage import vtkMetaImageReader
    reader = vtkMetaImageReader()
    reader.SetFileName(os.path.join(out, name))
    reader.Update()
    image = reader.GetOutput()
    np.asarray(vtk_to_numpy(image.GetPointData().GetScalars()), '<f8').tofile(os.path.join(out, name + '.vtk.f64'))
    return line(name, 'vtk', *image.GetDimensions(), *image.GetSpacing(), *image.GetOrigin())


def itk(out, name):
    import nibabel as nib
    path = os.path.join(out, name)
    run('plastimatch', 'convert', '--input', path, '--output-img', path + '.itk.nii')
    img = nib.load(path + '.itk.nii')
    np.asarray(img.get_fdata(), '<f8').ravel(order='F').tofile(path + '.itk.f64')
    return line(name, 'itk', *img.shape[:3], *img.affine.ravel())


def read(out):
    with open(os.path.join(out, 'ours.txt')) as f:
        rows = [(l.split()[0], l.split()[1].split(',')) for l in f if l.strip()]
    tasks = [({'teem': teem, 'itk': itk}[tool], name) for name, tools in rows for tool in tools if tool != 'vtk']
    with ThreadPoolExecutor(2) as pool:     # processes in parallel; VTK below in this thread
        lines = list(pool.map(lambda t: t[0](out, t[1]), tasks))
    lines += [vtk(out, name) for name, tools in rows if 'vtk' in tools]
    with open(os.path.join(out, 'read.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    {'make': make, 'read': read}[sys.argv[1]](sys.argv[2])
