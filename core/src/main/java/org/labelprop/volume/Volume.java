// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

import java.util.Objects;

/**
 * A 3-D scalar image on a {@link Grid}: one float per voxel in a flat array, x fastest
 * ({@code index = x + nx * (y + ny * z)}). The volume owns its array: callers of the constructor hand it over and
 * callers of {@link #array()} must not modify it. One array, no copies: a 512x512x300 volume takes 300 MB.
 */
public final class Volume {
    private final Grid grid;
    private final float[] data;

    public Volume(Grid grid, float[] data) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.data = Objects.requireNonNull(data, "data");
        if (data.length != grid.shape().voxels())
            throw new IllegalArgumentException("volume of shape " + grid.shape() + " needs " + grid.shape().voxels()
                + " values, got " + data.length);
    }

    public Grid grid() { return grid; }

    public Shape3 shape() { return grid.shape(); }

    public float get(int x, int y, int z) { return data[grid.shape().index(x, y, z)]; }

    /** The backing array (x fastest); read it, never write it. */
    public float[] array() { return data; }

    /** A view of slice {@code index} along {@code axis}. */
    public Slice slice(SliceAxis axis, int index) { return new Slice(data, SliceGeometry.of(grid.shape(), axis, index)); }

    /** A copy of the sub-block starting at (x0, y0, z0), on the cropped grid. */
    public Volume crop(int x0, int y0, int z0, Shape3 size) {
        Grid g = grid.crop(x0, y0, z0, size);
        float[] out = new float[size.voxels()];
        for (int z = 0; z < size.nz(); z++)
            for (int y = 0; y < size.ny(); y++)
                System.arraycopy(data, grid.shape().index(x0, y0 + y, z0 + z), out, size.index(0, y, z), size.nx());
        return new Volume(g, out);
    }
}
