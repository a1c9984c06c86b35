// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.util.Arrays;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.HeaderGeometry;
import org.labelprop.volume.Qform;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/**
 * Header ↔ grid: the shape from {@code dim}, the affine in force (sform if sform_code > 0, else qform if
 * qform_code > 0, else diag(pixdim) with origin 0: NIfTI methods 3, 2, 1) and the header geometry to copy into outputs.
 */
final class NiftiGeometry {
    private NiftiGeometry() {}

    /** The 3-D shape: 1-D and 2-D data get size 1 on the missing axes, trailing dimensions must all be 1. */
    static Shape3 shape(NiftiHeader h, String where) throws NiftiFormatException {
        long[] dim = h.dim();
        long rank = dim[0];
        if (rank < 1 || rank > 7)
            throw new NiftiFormatException(where + ": dim[0] is " + rank + ", expected a number of dimensions from 1 to 7");
        for (int i = 1; i <= rank; i++)
            if (dim[i] < 1)
                throw new NiftiFormatException(where + ": dim[" + i + "] is " + dim[i] + ", expected every size >= 1 (dim = "
                    + Arrays.toString(dim) + ")");
        if (rank >= 4 && dim[4] > 1)
            throw new NiftiFormatException(where + ": expected a 3-D volume, found 4-D with " + dim[4] + " volumes (dim = "
                + Arrays.toString(dim) + ")");
        for (int i = 5; i <= rank; i++)
            if (dim[i] > 1)
                throw new NiftiFormatException(where + ": expected a 3-D volume, found " + rank + "-D data with dim[" + i + "] = "
                    + dim[i] + " (dim = " + Arrays.toString(dim) + ")");
        long nx = dim[1], ny = rank >= 2 ? dim[2] : 1, nz = rank >= 3 ? dim[3] : 1;
        long max = Shape3.MAX_VOXELS;
        if (nx > max || ny > max || nz > max || nx * ny > max || nx * ny * nz > max)
            throw new NiftiFormatException(where + ": dimensions " + nx + "x" + ny + "x" + nz + " exceed the " + max
                + " voxels one volume can hold");
        return new Shape3((int) nx, (int) ny, (int) nz);
    }

    /** The grid the header describes; a transform that is singular or not finite is refused, naming it. */
    static Grid grid(NiftiHeader h, Shape3 shape, String where) throws NiftiFormatException {
        if (h.qformCode() < 0 || h.sformCode() < 0)
            throw new NiftiFormatException(where + ": qform_code " + h.qformCode() + " / sform_code " + h.sformCode()
                + ", expected codes >= 0");
        double qfac = h.pixdim(0) < 0 ? -1 : 1;      // 0 (common) and anything else count as +1
        double[] zoom = new double[3];
        boolean[] valid = new boolean[3];
        for (int i = 0; i < 3; i++) {
            double p = Math.abs(h.pixdim(i + 1));
            valid[i] = p > 0 && Double.isFinite(p);
            zoom[i] = valid[i] ? p : 1;
        }
        Affine qform = null, sform = null;
        if (h.qformCode() > 0) {
            double[] q = h.quatern(), o = h.qoffset();
            try {
                qform = new Qform(q[0], q[1], q[2], o[0], o[1], o[2], zoom[0], zoom[1], zoom[2], qfac).toAffine();
            } catch (IllegalArgumentException e) {
                throw new NiftiFormatException(where + ": qform (qform_code " + h.qformCode() + ", quatern "
                    + Arrays.toString(q) + ", qoffset " + Arrays.toString(o) + ") is not a valid transform: " + e.getMessage());
            }
        }
        if (h.sformCode() > 0) {
            double[] s = h.srow();
            try {
                sform = Affine.of(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], 0, 0, 0, 1);
            } catch (IllegalArgumentException e) {
                throw new NiftiFormatException(where + ": sform (sform_code " + h.sformCode() + ") is not a valid transform: "
                    + e.getMessage());
            }
        }
        Affine inForce = sform != null ? sform : qform != null ? qform : Affine.scaling(new Spacing(zoom[0], zoom[1], zoom[2]));
        try {
            Spacing spacing = new Spacing(valid[0] ? zoom[0] : inForce.columnNorm(0), valid[1] ? zoom[1] : inForce.columnNorm(1),
                valid[2] ? zoom[2] : inForce.columnNorm(2));
            HeaderGeometry g = new HeaderGeometry(h.qformCode(), qform, qfac, h.sformCode(), sform, h.xyztUnits());
            return new Grid(shape, spacing, inForce, g);
        } catch (IllegalArgumentException e) {      // e.g. voxel sizes that overflow to infinity
            throw new NiftiFormatException(where + ": no usable geometry (pixdim " + Arrays.toString(h.pixdim()) + ", affine "
                + inForce + "): " + e.getMessage());
        }
    }

    /**
     * A header for {@code grid}: dims, pixdim from the spacing, qform (quaternion from the qform matrix, qfac from its
     * determinant) and sform with the source's codes, units; vox_offset is set by the writer. Data type, scaling and
     * intent are the caller's: here float32, slope 1, intercept 0, no intent.
     */
    static NiftiHeader header(Grid grid, int version) {
        HeaderGeometry g = grid.header();
        Shape3 s = grid.shape();
        double[] quatern = new double[3], qoffset = new double[3], srow = new double[12];
        double qfac = g.qfac();
        if (g.qform() != null) {
            Qform q = Qform.fromAffine(g.qform());
            quatern = new double[] {q.b(), q.c(), q.d()};
            qoffset = new double[] {q.qx(), q.qy(), q.qz()};
            qfac = q.qfac();
        }
        if (g.sform() != null)
            for (int r = 0; r < 3; r++)
                for (int c = 0; c < 4; c++) srow[4 * r + c] = g.sform().get(r, c);
        Spacing sp = grid.spacing();
        NiftiDataType t = NiftiDataType.FLOAT32;
        return new NiftiHeader(version, java.nio.ByteOrder.LITTLE_ENDIAN, new long[] {3, s.nx(), s.ny(), s.nz(), 1, 1, 1, 1},
            t.code(), t.bitpix(), new double[] {qfac, sp.xMm(), sp.yMm(), sp.zMm(), 1, 1, 1, 1}, 0, 1, 0, 0, 0,
            g.qformCode(), quatern, qoffset, g.sformCode(), srow, g.xyztUnits(), 0, new double[3], "", "LabelProp", 0);
    }
}
