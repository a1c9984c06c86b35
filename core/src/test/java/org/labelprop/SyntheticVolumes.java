// SPDX-License-Identifier: Apache-2.0
package org.labelprop;

import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/**
 * Tiny synthetic label volumes and images built in code, shared by the tests of every module (core's test-jar).
 * Coordinates are voxel indices unless a name says mm; voxel (x, y, z) has its centre at (x sx, y sy, z sz) mm.
 */
public final class SyntheticVolumes {
    private SyntheticVolumes() { }

    /** A grid with 1 mm isotropic voxels and a diagonal affine. */
    public static Grid grid(int nx, int ny, int nz) { return grid(nx, ny, nz, Spacing.isotropic(1)); }

    public static Grid grid(int nx, int ny, int nz, Spacing spacing) { return Grid.of(new Shape3(nx, ny, nz), spacing); }

    /**
     * A stack of disks along {@code axis}: on slice s the pixels (u, v) with {@code (u - cu)^2 + (v - cv)^2 <= r^2},
     * {@code r = radiusPerSlice[s]} in pixels (no disk when r < 0); (u, v) as in {@link SliceAxis}.
     */
    public static LabelVolume disks(Grid grid, SliceAxis axis, int label, double cu, double cv, double[] radiusPerSlice) {
        Shape3 shape = grid.shape();
        if (radiusPerSlice.length != shape.size(axis))
            throw new IllegalArgumentException("need one radius per slice (" + shape.size(axis) + "), got " + radiusPerSlice.length);
        int[] data = new int[shape.voxels()];
        for (int s = 0; s < radiusPerSlice.length; s++) {
            double r = radiusPerSlice[s];
            if (r < 0) continue;
            SliceGeometry g = SliceGeometry.of(shape, axis, s);
            for (int v = 0; v < g.height(); v++)
                for (int u = 0; u < g.width(); u++)
                    if ((u - cu) * (u - cu) + (v - cv) * (v - cv) <= r * r) data[g.at(u, v)] = label;
        }
        return new LabelVolume(grid, data);
    }

    /** Radii growing linearly from {@code r0} on slice {@code s0} to {@code r1} on slice {@code s1}; -1 (none) elsewhere. */
    public static double[] linearRadii(int slices, int s0, double r0, int s1, double r1) {
        double[] r = new double[slices];
        for (int s = 0; s < slices; s++) r[s] = s < s0 || s > s1 ? -1 : r0 + (r1 - r0) * (s - s0) / (double) (s1 - s0);
        return r;
    }

    /** A ball: voxels whose centre lies within {@code radiusMm} of the point at voxel coordinates (cx, cy, cz). */
    public static LabelVolume sphere(Grid grid, int label, double cx, double cy, double cz, double radiusMm) {
        Shape3 shape = grid.shape();
        Spacing sp = grid.spacing();
        int[] data = new int[shape.voxels()];
        for (int z = 0, i = 0; z < shape.nz(); z++)
            for (int y = 0; y < shape.ny(); y++)
                for (int x = 0; x < shape.nx(); x++, i++) {
                    double dx = (x - cx) * sp.xMm(), dy = (y - cy) * sp.yMm(), dz = (z - cz) * sp.zMm();
                    if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) data[i] = label;
                }
        return new LabelVolume(grid, data);
    }

    /** An axis-aligned box, corners inclusive. */
    public static LabelVolume box(Grid grid, int label, int x0, int y0, int z0, int x1, int y1, int z1) {
        Shape3 shape = grid.shape();
        int[] data = new int[shape.voxels()];
        for (int z = z0; z <= z1; z++)
            for (int y = y0; y <= y1; y++)
                for (int x = x0; x <= x1; x++) data[shape.index(x, y, z)] = label;
        return new LabelVolume(grid, data);
    }

    /**
     * {@code perX * perY * perZ} balls of radius {@code radiusMm}, labels 1, 2, ... in x-fastest order, their centres
     * evenly spread over the grid (cell centres of a perX x perY x perZ lattice).
     */
    public static LabelVolume spheresOnLattice(Grid grid, int perX, int perY, int perZ, double radiusMm) {
        Shape3 s = grid.shape();
        LabelVolume out = LabelVolume.empty(grid);
        int label = 1;
        for (int k = 0; k < perZ; k++)
            for (int j = 0; j < perY; j++)
                for (int i = 0; i < perX; i++, label++)
                    out = overlay(out, sphere(grid, label, (i + 0.5) * s.nx() / perX - 0.5, (j + 0.5) * s.ny() / perY - 0.5,
                        (k + 0.5) * s.nz() / perZ - 0.5, radiusMm));
        return out;
    }

    /** The layers painted in order on one grid: a later non-zero voxel overwrites an earlier one. */
    public static LabelVolume overlay(LabelVolume... layers) {
        int[] data = new int[layers[0].shape().voxels()];
        for (LabelVolume layer : layers) {
            int[] a = layer.array();
            for (int i = 0; i < data.length; i++) if (a[i] != 0) data[i] = a[i];
        }
        return new LabelVolume(layers[0].grid(), data);
    }

    /** A sparse annotation: {@code full} on the listed slices along {@code axis}, background elsewhere. */
    public static LabelVolume keepSlices(LabelVolume full, SliceAxis axis, int... slices) {
        int[] data = new int[full.shape().voxels()];
        int[] src = full.array();
        for (int s : slices) {
            SliceGeometry g = SliceGeometry.of(full.shape(), axis, s);
            for (int v = 0; v < g.height(); v++)
                for (int u = 0; u < g.width(); u++) data[g.at(u, v)] = src[g.at(u, v)];
        }
        return new LabelVolume(full.grid(), data);
    }

    /** An image of a label map: background 0.1, label l at {@code 0.3 + 0.6 l / maxLabel}, plus a gentle ramp along x. */
    public static Volume image(LabelVolume labels) {
        Shape3 s = labels.shape();
        int max = Math.max(1, labels.maxLabel());
        int[] l = labels.array();
        float[] data = new float[l.length];
        for (int z = 0, i = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++, i++)
                    data[i] = (float) ((l[i] == 0 ? 0.1 : 0.3 + 0.6 * l[i] / max) + 0.05 * x / s.nx());
        return new Volume(labels.grid(), data);
    }

    /** Number of voxels holding {@code label}. */
    public static long count(LabelVolume v, int label) {
        long n = 0;
        for (int l : v.array()) if (l == label) n++;
        return n;
    }

    /** Number of voxels holding {@code label} on slice {@code slice} along {@code axis}. */
    public static long countOnSlice(LabelVolume v, SliceAxis axis, int slice, int label) {
        long n = 0;
        for (int l : v.slice(axis, slice).toArray()) if (l == label) n++;
        return n;
    }
}
