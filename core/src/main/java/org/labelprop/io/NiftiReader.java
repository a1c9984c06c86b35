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
            Plan p = plan(in);
            Volume v = VoxelReader.volume(in.data(), p.layout, p.grid);
            in.verifyEnd();
            return v;
        }
    }

    static LabelVolume labels(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            Plan p = plan(in);
            LabelVolume v = VoxelReader.labels(in.data(), p.layout, p.grid);
            in.verifyEnd();
            return v;
        }
    }

    /** What reading the data needs, checked before any large allocation. */
    private record Plan(VoxelReader.Layout layout, Grid grid) {}

    private static Plan plan(NiftiInput in) throws IOException {
        NiftiHeader h = in.header;
        String where = in.file.toString();
        NiftiDataType type = NiftiDataType.ofCode(h.datatype(), where);
        Shape3 shape = NiftiGeometry.shape(h, where);
        Grid grid = NiftiGeometry.grid(h, shape, where);
        in.requireData((long) shape.voxels() * type.bytes());
        double slope = h.sclSlope(), inter = h.sclInter();
        if (slope == 0 || !Double.isFinite(slope)) {           // NIfTI: slope 0 means unscaled; nibabel also ignores NaN/inf
            slope = 1;
            inter = 0;
        } else if (!Double.isFinite(inter)) {
            throw new NiftiFormatException(where + ": scl_inter is " + inter + " with scl_slope " + slope + ", expected a finite intercept");
        }
        return new Plan(new VoxelReader.Layout(type, h.byteOrder(), slope, inter, where, FormatErrors.NIFTI), grid);
    }
}
