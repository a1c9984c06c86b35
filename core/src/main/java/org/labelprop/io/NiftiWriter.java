// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/** Encodes a header and streams voxel values into an atomically written .nii or .nii.gz (gzip when the name ends in .gz). */
final class NiftiWriter {
    private NiftiWriter() {}

    /** Writes {@code header} (vox_offset = header + 4, no extensions) and the stored values {@code value(0 .. n-1)}. */
    static void write(Path file, NiftiHeader header, IntToDoubleFunction value) throws IOException {
        NiftiDataType type;
        Shape3 shape;
        try {
            type = NiftiDataType.ofCode(header.datatype(), "header to write for " + file);
            shape = NiftiGeometry.shape(header, "header to write for " + file);
        } catch (NiftiFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        long[] dim = header.dim();
        if (header.version() == 1)
            for (int i = 0; i < 8; i++)
                if (dim[i] > Short.MAX_VALUE || dim[i] < Short.MIN_VALUE)
                    throw new IllegalArgumentException("NIfTI-1 stores dim[" + i + "] in 16 bits, got " + dim[i] + "; use NIfTI-2");
        long voxOffset = header.headerBytes() + 4L;
        byte[] head = NiftiHeaderCodec.encode(header, voxOffset);
        AtomicFiles.write(file, out -> {
            out.write(head);
            VoxelCodec.write(out, type, header.byteOrder(), shape.voxels(), value);
        });
    }

    /**
     * The header that stores {@code grid}, checked: reading it back (after the float rounding of NIfTI-1) must give the
     * grid's affine, or the grid's affine and its header geometry disagree and an output would land elsewhere.
     */
    static NiftiHeader headerFor(Grid grid) {
        Shape3 s = grid.shape();
        int version = Math.max(s.nx(), Math.max(s.ny(), s.nz())) > Short.MAX_VALUE ? 2 : 1;
        NiftiHeader h = NiftiGeometry.header(grid, version);
        Affine back;
        try {
            NiftiHeader stored = NiftiHeaderCodec.decode(NiftiHeaderCodec.encode(h, h.headerBytes() + 4L), version, h.byteOrder(), "");
            back = NiftiGeometry.grid(stored, s, "grid to write").affine();
        } catch (NiftiFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        double scale = 0;
        for (double v : grid.affine().toArray()) scale = Math.max(scale, Math.abs(v));
        if (back.maxAbsDiff(grid.affine()) > Math.max(Grid.AFFINE_TOLERANCE_MM, 1e-6 * scale))
            throw new IllegalArgumentException("grid affine " + grid.affine() + " disagrees with its header geometry (qform_code "
                + grid.header().qformCode() + ", sform_code " + grid.header().sformCode() + "), which stores " + back
                + "; build the grid with Grid.of(shape, affine) or keep the header geometry of a read grid");
        return h;
    }
}
