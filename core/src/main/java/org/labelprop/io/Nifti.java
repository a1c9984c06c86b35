// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Reads and writes single-file NIfTI-1 and NIfTI-2 volumes ({@code .nii}, {@code .nii.gz}), both byte orders.
 * <p>Reading: gzip is recognised by content, not by name; values are decoded straight into the result array (no copy
 * of the file in memory); the grid's affine is the sform if sform_code &gt; 0, else the qform if qform_code &gt; 0, else
 * diag(pixdim) (NIfTI methods 3, 2, 1; nibabel centres that last case instead); spacing = |pixdim[1..3]|.
 * Errors in the file are {@link NiftiFormatException}s that say what was expected and what was found.
 * <p>Writing: gzip when the name ends in ".gz"; the header carries the grid's qform and sform with their codes; files are
 * written atomically (temporary file, then rename).
 */
public final class Nifti {
    private Nifti() {}

    /** The volume as float32 values (stored · scl_slope + scl_inter), any supported data type. */
    public static Volume readVolume(Path file) throws IOException { return NiftiReader.volume(file); }

    /** The label map; every value must be a whole number 0..65535 after scaling, else the voxel is named. */
    public static LabelVolume readLabels(Path file) throws IOException { return NiftiReader.labels(file); }

    /** The header only, checked for size, byte order and magic; the data is not read. */
    public static NiftiHeader readHeader(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            return in.header;
        }
    }

    /** The grid a header describes (shape and affine in force), as the readers compute it. */
    public static Grid grid(NiftiHeader header) throws NiftiFormatException {
        return NiftiGeometry.grid(header, NiftiGeometry.shape(header, "header"), "header");
    }

    /**
     * The header for writing data on {@code grid}: NIfTI-1 (NIfTI-2 when a size exceeds 32767), little-endian, float32,
     * dims, pixdim = spacing, qform and sform with the grid's codes, scl_slope 1, scl_inter 0.
     * @throws IllegalArgumentException when the grid's affine is not the one its header geometry stores
     */
    public static NiftiHeader header(Grid grid) { return NiftiWriter.headerFor(grid); }

    /** Writes the volume as float32 with the grid's geometry. */
    public static void writeVolume(Path file, Volume v) throws IOException {
        float[] data = v.array();
        NiftiWriter.write(file, header(v.grid()), i -> data[i]);
    }

    /**
     * Writes a label map: uint8, or uint16 when the largest label exceeds 255; scl_slope 1, scl_inter 0,
     * cal_min 0, cal_max = largest label, intent NIFTI_INTENT_LABEL (1002); geometry copied from the grid.
     */
    public static void writeLabels(Path file, LabelVolume v) throws IOException {
        int[] data = v.array();
        int max = v.maxLabel();
        NiftiHeader h = header(v.grid()).withDataType(NiftiDataType.forLabels(max))
            .withCalibrationAndIntent(0, max, NiftiHeader.INTENT_LABEL, "labels");
        NiftiWriter.write(file, h, i -> data[i]);
    }

    /**
     * Writes any header as is (version, byte order, data type, scaling; vox_offset becomes header size + 4) with the stored
     * values {@code storedValue(i)} for voxels i = 0 .. n-1, x fastest.
     * @throws IllegalArgumentException when the header has no supported 3-D shape or type, or a value does not fit the type
     */
    public static void write(Path file, NiftiHeader header, IntToDoubleFunction storedValue) throws IOException {
        NiftiWriter.write(file, header, storedValue);
    }
}
