# SPDX-License-Identifier: Apache-2.0
"""Writes the .npy/.npz fixtures of NpyReaderTest and NpzReaderTest with real NumPy.

Run from this folder: python3 make_fixtures.py   (NumPy >= 1.17; the committed files were made with NumPy 2.4).
Every array of shape (2, 3, 4) holds, at index (i, j, k), a value derived from its C-order position c = 12 i + 4 j + k:
unsigned types c, signed types and floats c - 5, booleans c % 3 == 0.
"""
import io

import numpy as np

CODES = ["b1", "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f4", "f8"]


def values(code):
    c = np.arange(24).reshape(2, 3, 4)
    if code == "b1":
        return c % 3 == 0
    return c if code.startswith("u") else c - 5


def main():
    arrays = {}
    for code in CODES:
        for endian in ("<", ">") if code[1] != "1" else ("|",):
            for order in ("C", "F"):
                a = np.array(values(code), dtype=np.dtype(endian + code), order=order)
                name = "%s_%s_%s" % (code, {"<": "le", ">": "be", "|": "na"}[endian], order.lower())
                arrays[name] = a
    np.savez("dtypes.npz", **arrays)  # stored members, ZIP64 local headers (numpy forces them)

    # what napari-labelprop-remote uploads: nibabel's Fortran-ordered float32 image, uint8 masks, compressed
    img = np.asfortranarray(np.arange(60, dtype=np.float32).reshape(5, 4, 3) / 7)
    mask = np.zeros((5, 4, 3), dtype=np.uint8)
    mask[1:3, 1:3, 0] = 1
    mask[:, :, 2] = 2
    hints = np.zeros((5, 4, 3), dtype=np.uint8)
    hints[0, 0, 1] = 255
    buf = io.BytesIO()
    np.savez_compressed(buf, img=img, mask=mask, hints=hints)
    with open("plugin.npz", "wb") as f:
        f.write(buf.getvalue())

    a = values("f4").astype("<f4")
    for version in ((1, 0), (2, 0), (3, 0)):
        with open("v%d.npy" % version[0], "wb") as f:
            np.lib.format.write_array(f, a, version=version)
    np.save("u4_big.npy", np.array([1, 4000000000], dtype="<u4"))
    np.save("u8_huge.npy", np.array([1, 2**63 + 5], dtype="<u8"))
    np.save("f4_fraction.npy", np.array([1, 2.5], dtype="<f4"))
    np.save("scalar.npy", np.float64(3.5))
    np.save("structured.npy", np.zeros(2, dtype=[("a", "<f4"), ("b", "<i2")]))
    np.save("complex.npy", np.zeros(2, dtype="<c8"))


if __name__ == "__main__":
    main()
