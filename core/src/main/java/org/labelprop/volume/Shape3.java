// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/** The size of a 3-D voxel grid; array axis 0 is x (fastest in memory), 1 is y, 2 is z. */
public record Shape3(int nx, int ny, int nz) {
    /** Largest number of voxels a volume may hold: one Java array. */
    public static final long MAX_VOXELS = Integer.MAX_VALUE - 8;

    public Shape3 {
        if (nx < 1 || ny < 1 || nz < 1)
            throw new IllegalArgumentException("shape must be positive, got " + nx + "x" + ny + "x" + nz);
        if ((long) nx * ny * nz > MAX_VOXELS)
            throw new IllegalArgumentException("shape " + nx + "x" + ny + "x" + nz + " has more than " + MAX_VOXELS + " voxels");
    }

    public int voxels() { return nx * ny * nz; }

    /** Size along array axis 0, 1 or 2. */
    public int size(int axis) {
        return switch (axis) { case 0 -> nx; case 1 -> ny; case 2 -> nz;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis); };
    }

    public int size(SliceAxis axis) { return size(axis.index()); }

    /** Flat index of voxel (x, y, z), x fastest. */
    public int index(int x, int y, int z) { return x + nx * (y + ny * z); }

    public boolean contains(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < nx && y < ny && z < nz;
    }

    @Override public String toString() { return nx + "x" + ny + "x" + nz; }
}
