// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

import java.util.Arrays;
import java.util.Objects;

/**
 * A 3-D integer label map on a {@link Grid}, laid out as {@link Volume}; 0 is background, values 0..65535.
 * The volume owns its array; callers of {@link #array()} must not modify it.
 */
public final class LabelVolume {
    public static final int MAX_LABEL = 65535;
    private final Grid grid;
    private final int[] data;

    public LabelVolume(Grid grid, int[] data) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.data = Objects.requireNonNull(data, "data");
        if (data.length != grid.shape().voxels())
            throw new IllegalArgumentException("label volume of shape " + grid.shape() + " needs " + grid.shape().voxels()
                + " values, got " + data.length);
        for (int i = 0; i < data.length; i++)
            if (data[i] < 0 || data[i] > MAX_LABEL)
                throw new IllegalArgumentException("label values must be within 0.." + MAX_LABEL + ", found " + data[i] + " at voxel " + i);
    }

    /** An all-background label volume on {@code grid}. */
    public static LabelVolume empty(Grid grid) { return new LabelVolume(grid, new int[grid.shape().voxels()]); }

    public Grid grid() { return grid; }

    public Shape3 shape() { return grid.shape(); }

    public int get(int x, int y, int z) { return data[grid.shape().index(x, y, z)]; }

    /** The backing array (x fastest); read it, never write it. */
    public int[] array() { return data; }

    public LabelSlice slice(SliceAxis axis, int index) { return new LabelSlice(data, SliceGeometry.of(grid.shape(), axis, index)); }

    /** The non-zero label values present, ascending. */
    public int[] labels() {
        boolean[] seen = new boolean[MAX_LABEL + 1];
        for (int v : data) seen[v] = true;
        return java.util.stream.IntStream.rangeClosed(1, MAX_LABEL).filter(l -> seen[l]).toArray();
    }

    public int maxLabel() { return Arrays.stream(data).max().orElse(0); }

    /** A copy of the sub-block starting at (x0, y0, z0), on the cropped grid. */
    public LabelVolume crop(int x0, int y0, int z0, Shape3 size) {
        Grid g = grid.crop(x0, y0, z0, size);
        int[] out = new int[size.voxels()];
        for (int z = 0; z < size.nz(); z++)
            for (int y = 0; y < size.ny(); y++)
                System.arraycopy(data, grid.shape().index(x0, y0 + y, z0 + z), out, size.index(0, y, z), size.nx());
        return new LabelVolume(g, out);
    }
}
