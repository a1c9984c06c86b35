# SPDX-License-Identifier: Apache-2.0
"""nibabel oracle for NiftiOracleTest; run with Debian's /usr/bin/python3 (python3-nibabel).

  nibabel_oracle.py write DIR   writes NIfTI files with nibabel and DIR/manifest.txt, one line per file:
      name version endian dtype nx ny nz qform_code sform_code scaled affine(16, row-major) zooms(3)
      plus name.f64: get_fdata() as little-endian float64, x fastest (Fortran order)
  nibabel_oracle.py read DIR    loads every file named in DIR/java_manifest.txt (one name a line) and writes
      DIR/nibabel_read.txt: name datatype intent_code qform_code sform_code slope inter cal_max nx ny nz
      affine(16) qform(16) sform(16), plus name.f64 as above
"""
import os
import sys

import numpy as np
import nibabel as nib

DTYPES = ['uint8', 'int8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'float32', 'float64']
LIMITS = {'uint8': (0, 255), 'int8': (-128, 127), 'int16': (-32768, 32767), 'uint16': (0, 65535),
          'int32': (-2**31, 2**31 - 1), 'uint32': (0, 2**32 - 1), 'int64': (-2**40, 2**40)}


def rotation(rng, kind):
    if kind == 'oblique':
        q = rng.normal(size=4)
    else:  # small tilt around an axis-aligned orientation
        q = np.array([1.0, *rng.normal(scale=0.08, size=3)])
    w, x, y, z = q / np.linalg.norm(q)
    r = np.array([[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
                  [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
                  [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]])
    if kind == 'lps':
        r = np.diag([-1.0, -1.0, 1.0]) @ r
    return r


def random_affine(rng, kind, flip):
    zooms = rng.uniform(0.4, 3.0, size=3)
    m = rotation(rng, kind) @ np.diag(zooms)
    if flip:  # negative determinant: qfac -1
        m[:, 2] *= -1
    a = np.eye(4)
    a[:3, :3] = m
    a[:3, 3] = rng.uniform(-120, 120, size=3)
    return a, zooms


def random_data(rng, dtype, shape, scaled):
    if scaled:
        return rng.uniform(-50, 400, size=shape)  # float data, integer file type: nibabel picks slope/inter
    if dtype in LIMITS:
        lo, hi = LIMITS[dtype]
        d = rng.integers(lo, hi, size=shape, endpoint=True, dtype=np.int64)
        d.flat[0], d.flat[-1] = lo, hi
        return d.astype(dtype)
    return (rng.normal(size=shape) * (1000 if dtype == 'float32' else 1e5)).astype(dtype)


def write_cases(out):
    rng = np.random.default_rng(20261126)
    modes = ['both_same', 'qform_only', 'sform_only', 'both_diff']
    kinds = ['oblique', 'ras', 'lps']
    lines = []
    n = 0
    for version in (1, 2):
        for di, dtype in enumerate(DTYPES):
            for gz in (False, True):
                n += 1
                mode = modes[n % 4] if n % 13 else 'none'
                kind = kinds[n % 3]
                endian = '>' if n % 2 else '<'
                flip = n % 3 == 0
                scaled = dtype in ('int16', 'uint8', 'int32') and n % 2 == 1
                shape = tuple(int(s) for s in rng.integers(2, 7, size=3))
                if n % 7 == 0:
                    shape = shape + (1,)  # 4-D with one volume
                elif n % 11 == 0:
                    shape = shape[:2]  # 2-D
                hdr = (nib.Nifti1Header if version == 1 else nib.Nifti2Header)(endianness=endian)
                hdr.set_data_dtype(dtype)
                hdr.set_data_shape(shape)
                a, zooms = random_affine(rng, kind, flip)
                b = a.copy()
                if mode == 'both_diff':  # a different, sheared sform
                    b[:3, :3] += rng.normal(scale=0.15, size=(3, 3))
                    b[:3, 3] += rng.uniform(-10, 10, size=3)
                qcode = {'both_same': 1, 'qform_only': 1, 'sform_only': 0, 'both_diff': 1, 'none': 0}[mode]
                scode = {'both_same': 2, 'qform_only': 0, 'sform_only': 4, 'both_diff': 3, 'none': 0}[mode]
                hdr.set_qform(a if qcode else None, code=qcode)
                hdr.set_sform(b if scode else None, code=scode)
                if qcode == 0:
                    hdr.set_zooms(tuple(zooms[:len(shape)]) + (1.0,) * (len(shape) - 3))
                data = random_data(rng, dtype, shape, scaled)
                cls = nib.Nifti1Image if version == 1 else nib.Nifti2Image
                img = cls(data, None, header=hdr)
                img.set_data_dtype(dtype)
                if n % 5 == 0:  # an extension the reader must skip
                    img.header.extensions.append(nib.nifti1.Nifti1Extension('comment', b'labelprop oracle ' * n))
                name = f'nib_v{version}_{dtype}_{n}.nii' + ('.gz' if gz else '')
                path = os.path.join(out, name)
                nib.save(img, path)
                back = nib.load(path)
                full = back.shape + (1,) * (3 - len(back.shape))
                np.asarray(back.get_fdata(), dtype='<f8').ravel(order='F').tofile(path + '.f64')
                h = back.header
                fields = [name, version, 'big' if h.endianness == '>' else 'little', dtype, *full[:3],
                          int(h['qform_code']), int(h['sform_code']), int(scaled),
                          *(repr(float(v)) for v in back.affine.ravel()),
                          *(repr(float(v)) for v in h['pixdim'][1:4])]
                lines.append(' '.join(str(f) for f in fields))
    with open(os.path.join(out, 'manifest.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


def read_cases(out):
    with open(os.path.join(out, 'java_manifest.txt')) as f:
        names = [line.strip() for line in f if line.strip()]
    lines = []
    for name in names:
        path = os.path.join(out, name)
        img = nib.load(path)
        h = img.header
        np.asarray(img.get_fdata(), dtype='<f8').ravel(order='F').tofile(path + '.f64')
        slope, inter = img.dataobj.slope, img.dataobj.inter  # nibabel moves scl_* from the header to the proxy
        full = img.shape + (1,) * (3 - len(img.shape))
        fields = [name, int(h['datatype']), int(h['intent_code']), int(h['qform_code']), int(h['sform_code']),
                  repr(float(slope)), repr(float(inter)),
                  repr(float(h['cal_max'])), *full[:3],
                  *(repr(float(v)) for v in img.affine.ravel()),
                  *(repr(float(v)) for v in h.get_qform().ravel()),
                  *(repr(float(v)) for v in h.get_sform().ravel())]
        lines.append(' '.join(str(f) for f in fields))
    with open(os.path.join(out, 'nibabel_read.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    {'write': write_cases, 'read': read_cases}[sys.argv[1]](sys.argv[2])
