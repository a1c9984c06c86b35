// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/**
 * Decodes stored voxel values (value = stored · slope + inter) straight into the array of a {@link Volume} or
 * {@link LabelVolume}: the readers of every format share it, so they share its checks and messages.
 */
final class VoxelReader {
    private VoxelReader() {}

    /** How the stored values are laid out and scaled, and where they come from (for messages). */
    record Layout(NiftiDataType type, ByteOrder order, double slope, double inter, String where, FormatErrors errors) {}

    static Volume volume(InputStream in, Layout l, Grid grid) throws IOException {
        requireHeap(grid.shape(), Float.BYTES, l.where());
        float[] out = new float[grid.shape().voxels()];
        double slope = l.slope(), inter = l.inter();
        VoxelCodec.read(in, l.type(), l.order(), out.length, l.where(), l.errors(), (v, count, first) -> {
            for (int i = 0; i < count; i++) out[first + i] = (float) (v[i] * slope + inter);
        });
        return new Volume(grid, out);
    }

    /** The label map; every value must be a whole number 0..65535 after scaling, else the voxel is named. */
    static LabelVolume labels(InputStream in, Layout l, Grid grid) throws IOException {
        Shape3 shape = grid.shape();
        requireHeap(shape, Integer.BYTES, l.where());
        int[] out = new int[shape.voxels()];
        double slope = l.slope(), inter = l.inter();
        VoxelCodec.read(in, l.type(), l.order(), out.length, l.where(), l.errors(), (v, count, first) -> {
            for (int i = 0; i < count; i++) {
                double x = v[i] * slope + inter;
                if (!(x >= 0 && x <= LabelVolume.MAX_LABEL && x == Math.rint(x))) {
                    int at = first + i, nx = shape.nx(), ny = shape.ny();
                    throw l.errors().error(l.where() + ": a label map must hold whole numbers 0.." + LabelVolume.MAX_LABEL
                        + ", found " + x + " at voxel (" + at % nx + ", " + (at / nx) % ny + ", " + at / nx / ny + ")"
                        + (slope != 1 || inter != 0 ? " (stored " + v[i] + ", scl_slope " + slope + ", scl_inter " + inter + ")" : ""));
                }
                out[first + i] = (int) x;
            }
        });
        return new LabelVolume(grid, out);
    }

    /** Refuses, before allocating, a result that cannot fit the maximum heap. */
    static void requireHeap(Shape3 shape, int bytesPerVoxel, String where) throws IOException {
        long need = (long) shape.voxels() * bytesPerVoxel;
        if (need > Runtime.getRuntime().maxMemory())
            throw new IOException(where + ": a " + shape + " volume needs " + (need >> 20) + " MiB, more than the "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB maximum heap; raise -Xmx");
    }
}
