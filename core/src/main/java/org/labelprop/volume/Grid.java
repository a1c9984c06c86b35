// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

import java.util.Objects;

/**
 * Where a volume's voxels are: shape, voxel spacing (mm), the voxel-to-world affine in force (sform before qform, as the
 * NIfTI standard reads them) and the header geometry to copy into outputs.
 */
public record Grid(Shape3 shape, Spacing spacing, Affine affine, HeaderGeometry header) {
    /** Tolerance (mm) under which two affines are the same grid. */
    public static final double AFFINE_TOLERANCE_MM = 1e-3;

    public Grid {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(affine, "affine");
        Objects.requireNonNull(header, "header");
    }

    /** A grid with the given shape and spacing and a diagonal affine. */
    public static Grid of(Shape3 shape, Spacing spacing) {
        Affine a = Affine.scaling(spacing);
        return new Grid(shape, spacing, a, HeaderGeometry.fromAffine(a));
    }

    /** A grid with the given shape and affine; spacing from the affine's columns. */
    public static Grid of(Shape3 shape, Affine affine) {
        return new Grid(shape, affine.spacing(), affine, HeaderGeometry.fromAffine(affine));
    }

    /** Whether {@code other} has the same shape and, within {@link #AFFINE_TOLERANCE_MM}, the same affine. */
    public boolean sameSpace(Grid other) {
        return shape.equals(other.shape) && affine.maxAbsDiff(other.affine) <= AFFINE_TOLERANCE_MM;
    }

    /**
     * Explains why {@code other} is not on this grid, or returns null when it is.
     * @param what e.g. "label volume labels.nii.gz"
     */
    public String mismatch(Grid other, String what) {
        if (!shape.equals(other.shape))
            return what + " has shape " + other.shape + " but the image has shape " + shape + "; they must match voxel for voxel";
        if (affine.maxAbsDiff(other.affine) > AFFINE_TOLERANCE_MM)
            return what + " has affine " + other.affine + " but the image has " + affine
                + "; it must be on the same grid (same shape and affine)";
        return null;
    }

    /** The grid of the sub-block starting at voxel (x0, y0, z0) with the given shape. */
    public Grid crop(int x0, int y0, int z0, Shape3 size) {
        if (x0 < 0 || y0 < 0 || z0 < 0 || x0 + size.nx() > shape.nx() || y0 + size.ny() > shape.ny() || z0 + size.nz() > shape.nz())
            throw new IllegalArgumentException("crop " + size + " at (" + x0 + "," + y0 + "," + z0 + ") leaves grid " + shape);
        return new Grid(size, spacing, affine.translatedIndex(x0, y0, z0), header.translatedIndex(x0, y0, z0));
    }

    /** Anatomical codes of the three array axes, e.g. "RAS". */
    public String axisCodes() { return affine.axisCodes(); }
}
