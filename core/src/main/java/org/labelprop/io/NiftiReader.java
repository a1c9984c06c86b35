// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.file.Path;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

/**
 * Decodes a NIfTI file straight into the destination array, 64 KiB at a time; scl_slope/scl_inter applied; a gzip file's
 * CRC-32/size trailer is verified after the voxels.
 */
final class NiftiReader {
    private NiftiReader() {}

    static Volume volume(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            Plan p = plan(in, Float.BYTES);
            float[] out = new float[p.grid.shape().voxels()];
            double slope = p.slope, inter = p.inter;
            VoxelCodec.read(in.data(), p.type, in.header.byteOrder(), out.length, p.where, (v, count, first) -> {
                for (int i = 0; i < count; i++) out[first + i] = (float) (v[i] * slope + inter);
            });
            in.verifyEnd();
            return new Volume(p.grid, out);
        }
    }

    static LabelVolume labels(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            Plan p = plan(in, Integer.BYTES);
            Shape3 shape = p.grid.shape();
            int[] out = new int[shape.voxels()];
            double slope = p.slope, inter = p.inter;
            VoxelCodec.read(in.data(), p.type, in.header.byteOrder(), out.length, p.where, (v, count, first) -> {
                for (int i = 0; i < count; i++) {
                    double x = v[i] * slope + inter;
                    if (!(x >= 0 && x <= LabelVolume.MAX_LABEL && x == Math.rint(x))) {
                        int at = first + i, nx = shape.nx(), ny = shape.ny();
                        throw new NiftiFormatException(p.where + ": a label map must hold whole numbers 0.." + LabelVolume.MAX_LABEL
                            + ", found " + x + " at voxel (" + at % nx + ", " + (at / nx) % ny + ", " + at / nx / ny + ")"
                            + (slope != 1 || inter != 0 ? " (stored " + v[i] + ", scl_slope " + slope + ", scl_inter " + inter + ")" : ""));
                    }
                    out[first + i] = (int) x;
                }
            });
            in.verifyEnd();
            return new LabelVolume(p.grid, out);
        }
    }

    /** What reading the data needs, checked before any large allocation. */
    private record Plan(String where, NiftiDataType type, Grid grid, double slope, double inter) {}

    private static Plan plan(NiftiInput in, int bytesPerOutputVoxel) throws IOException {
        NiftiHeader h = in.header;
        String where = in.file.toString();
        NiftiDataType type = NiftiDataType.ofCode(h.datatype(), where);
        Shape3 shape = NiftiGeometry.shape(h, where);
        Grid grid = NiftiGeometry.grid(h, shape, where);
        in.requireData((long) shape.voxels() * type.bytes());
        long need = (long) shape.voxels() * bytesPerOutputVoxel;
        if (need > Runtime.getRuntime().maxMemory())
            throw new IOException(where + ": a " + shape + " volume needs " + (need >> 20) + " MiB, more than the "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB maximum heap; raise -Xmx");
        double slope = h.sclSlope(), inter = h.sclInter();
        if (slope == 0 || !Double.isFinite(slope)) {           // NIfTI: slope 0 means unscaled; nibabel also ignores NaN/inf
            slope = 1;
            inter = 0;
        } else if (!Double.isFinite(inter)) {
            throw new NiftiFormatException(where + ": scl_inter is " + inter + " with scl_slope " + slope + ", expected a finite intercept");
        }
        return new Plan(where, type, grid, slope, inter);
    }
}
