// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.HeaderGeometry;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * Thick slices from thin ones: along {@code axis}, every {@code factor} consecutive slices become one (slices
 * {@code k f .. k f + f - 1}; a trailing remainder of fewer than {@code factor} slices is dropped). The image is the mean
 * of the slab; a label is the slab's majority label per voxel, background included, ties going to the lower label
 * value. The new voxel's centre is the slab's centre, so the affine becomes {@code A S} with S scaling index {@code axis}
 * by {@code factor} and shifting it by {@code (factor - 1) / 2}; spacing along the axis grows by {@code factor}.
 */
public record SlabResampling(SliceAxis axis, int factor) {
    public SlabResampling {
        if (factor < 1) throw new IllegalArgumentException("slab factor must be at least 1, got " + factor);
    }

    /** The grid of the thick volume made from {@code grid}. */
    public Grid grid(Grid grid) {
        Shape3 s = grid.shape();
        int n = s.size(axis) / factor;
        if (n < 1) throw new IllegalArgumentException("axis " + axis.index() + " has " + s.size(axis) + " slices, fewer than one slab of " + factor);
        int[] size = {s.nx(), s.ny(), s.nz()};
        size[axis.index()] = n;
        double[] m = new double[16];
        for (int i = 0; i < 4; i++) m[5 * i] = 1;
        m[5 * axis.index()] = factor;
        m[4 * axis.index() + 3] = (factor - 1) / 2.0;
        Affine scale = Affine.of(m);
        HeaderGeometry h = grid.header();
        HeaderGeometry header = new HeaderGeometry(h.qformCode(), h.qform() == null ? null : h.qform().multiply(scale), h.qfac(),
            h.sformCode(), h.sform() == null ? null : h.sform().multiply(scale), h.xyztUnits());
        Affine affine = grid.affine().multiply(scale);
        return new Grid(new Shape3(size[0], size[1], size[2]), affine.spacing(), affine, header);
    }

    /** Slab means of {@code image}. */
    public Volume image(Volume image) {
        Grid g = grid(image.grid());
        float[] src = image.array(), out = new float[g.shape().voxels()];
        Shape3 s = image.shape(), t = g.shape();
        for (int z = 0; z < t.nz(); z++)
            for (int y = 0; y < t.ny(); y++)
                for (int x = 0; x < t.nx(); x++) {
                    double sum = 0;
                    for (int k = 0; k < factor; k++) sum += src[source(s, x, y, z, k)];
                    out[t.index(x, y, z)] = (float) (sum / factor);
                }
        return new Volume(g, out);
    }

    /** Slab majority labels of {@code labels}. */
    public LabelVolume labels(LabelVolume labels) {
        Grid g = grid(labels.grid());
        int[] src = labels.array(), out = new int[g.shape().voxels()], seen = new int[factor];
        Shape3 s = labels.shape(), t = g.shape();
        for (int z = 0; z < t.nz(); z++)
            for (int y = 0; y < t.ny(); y++)
                for (int x = 0; x < t.nx(); x++) {
                    for (int k = 0; k < factor; k++) seen[k] = src[source(s, x, y, z, k)];
                    int best = -1, bestCount = 0;
                    for (int k = 0; k < factor; k++) {
                        int c = 0;
                        for (int j = 0; j < factor; j++) if (seen[j] == seen[k]) c++;
                        if (c > bestCount || (c == bestCount && seen[k] < best)) { best = seen[k]; bestCount = c; }
                    }
                    out[t.index(x, y, z)] = best;
                }
        return new LabelVolume(g, out);
    }

    /** Flat index of the k-th thin slice of the slab holding thick voxel (x, y, z). */
    private int source(Shape3 s, int x, int y, int z, int k) {
        return switch (axis) {
            case X -> s.index(x * factor + k, y, z);
            case Y -> s.index(x, y * factor + k, z);
            case Z -> s.index(x, y, z * factor + k);
        };
    }
}
