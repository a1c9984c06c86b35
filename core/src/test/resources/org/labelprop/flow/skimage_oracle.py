# SPDX-License-Identifier: Apache-2.0
"""Oracle for the TV-L1 tests: scikit-image's optical_flow_tvl1 (defaults) and warp on images the Java test wrote.

usage: skimage_oracle.py flow|warp DIR
DIR/cases.txt lists "name height width" per line; arrays are little-endian float32, row-major.
flow: reads name.fixed.f32 and name.moving.f32, writes name.flow.f32 (row component, then column component).
warp: reads name.map.f32 and name.flow.f32, writes name.warped.f32 = warp(map, grid + flow, order=1, mode='constant').
"""
import sys
import numpy as np
from skimage.registration import optical_flow_tvl1
from skimage.transform import warp

mode, folder = sys.argv[1], sys.argv[2]

def read(name, shape):
    return np.fromfile(f"{folder}/{name}", dtype="<f4").reshape(shape)

for line in open(f"{folder}/cases.txt"):
    name, h, w = line.split()
    shape = (int(h), int(w))
    if mode == "flow":
        flow = optical_flow_tvl1(read(name + ".fixed.f32", shape), read(name + ".moving.f32", shape))
        flow.astype("<f4").tofile(f"{folder}/{name}.flow.f32")
    elif mode == "warp":
        flow = read(name + ".flow.f32", (2,) + shape)
        grid = np.meshgrid(np.arange(shape[0]), np.arange(shape[1]), indexing="ij")
        coords = np.array([grid[0] + flow[0], grid[1] + flow[1]])
        out = warp(read(name + ".map.f32", shape), coords, order=1, mode="constant", cval=0)
        out.astype("<f4").tofile(f"{folder}/{name}.warped.f32")
    else:
        sys.exit("unknown mode " + mode)
