// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/** Voxel size in millimetres along array axes 0, 1 and 2. */
public record Spacing(double xMm, double yMm, double zMm) {
    public Spacing {
        if (!(xMm > 0) || !(yMm > 0) || !(zMm > 0) || Double.isInfinite(xMm) || Double.isInfinite(yMm) || Double.isInfinite(zMm))
            throw new IllegalArgumentException("voxel spacing must be positive and finite, got " + xMm + " x " + yMm + " x " + zMm + " mm");
    }

    public static Spacing isotropic(double mm) { return new Spacing(mm, mm, mm); }

    public double along(int axis) {
        return switch (axis) { case 0 -> xMm; case 1 -> yMm; case 2 -> zMm;
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis); };
    }

    /** Area in mm² of one pixel of a slice across {@code axis} (the product of the two other spacings). */
    public double sliceArea(SliceAxis axis) {
        return switch (axis) { case X -> yMm * zMm; case Y -> xMm * zMm; case Z -> xMm * yMm; };
    }

    @Override public String toString() { return xMm + " x " + yMm + " x " + zMm + " mm"; }
}
