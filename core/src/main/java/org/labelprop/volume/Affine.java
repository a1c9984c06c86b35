// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

import java.util.Arrays;

/**
 * A 4x4 voxel-to-world matrix (row-major), mapping array indices (i, j, k, 1) to scanner millimetres in the
 * NIfTI RAS+ convention. Immutable.
 */
public final class Affine {
    private final double[] m;

    private Affine(double[] m) { this.m = m; }

    /** From 16 row-major values; the last row must be (0, 0, 0, 1) and the 3x3 part finite and invertible. */
    public static Affine of(double... rowMajor) {
        if (rowMajor.length != 16)
            throw new IllegalArgumentException("an affine needs 16 values, got " + rowMajor.length);
        double[] c = rowMajor.clone();
        for (double v : c)
            if (!Double.isFinite(v)) throw new IllegalArgumentException("affine has a non-finite entry: " + Arrays.toString(c));
        if (Math.abs(c[12]) > 1e-9 || Math.abs(c[13]) > 1e-9 || Math.abs(c[14]) > 1e-9 || Math.abs(c[15] - 1) > 1e-9)
            throw new IllegalArgumentException("affine last row must be 0 0 0 1, got " + c[12] + " " + c[13] + " " + c[14] + " " + c[15]);
        c[12] = 0; c[13] = 0; c[14] = 0; c[15] = 1;
        Affine a = new Affine(c);
        if (a.determinant3() == 0)
            throw new IllegalArgumentException("affine is singular (determinant 0): " + Arrays.toString(c));
        return a;
    }

    /** Diagonal scaling by the spacing, origin 0 (NIfTI method 1). */
    public static Affine scaling(Spacing s) {
        return of(s.xMm(), 0, 0, 0, 0, s.yMm(), 0, 0, 0, 0, s.zMm(), 0, 0, 0, 0, 1);
    }

    public double get(int row, int col) { return m[4 * row + col]; }

    public double[] toArray() { return m.clone(); }

    public double determinant3() {
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8]) + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    /** Length of column {@code axis}: the voxel size along that array axis in mm. */
    public double columnNorm(int axis) {
        return Math.sqrt(m[axis] * m[axis] + m[4 + axis] * m[4 + axis] + m[8 + axis] * m[8 + axis]);
    }

    public Spacing spacing() { return new Spacing(columnNorm(0), columnNorm(1), columnNorm(2)); }

    /** World coordinates of voxel (i, j, k). */
    public double[] apply(double i, double j, double k) {
        return new double[] {
            m[0] * i + m[1] * j + m[2] * k + m[3],
            m[4] * i + m[5] * j + m[6] * k + m[7],
            m[8] * i + m[9] * j + m[10] * k + m[11]};
    }

    public Affine multiply(Affine o) {
        double[] r = new double[16];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++) {
                double s = 0;
                for (int k = 0; k < 4; k++) s += m[4 * i + k] * o.m[4 * k + j];
                r[4 * i + j] = s;
            }
        return new Affine(r);
    }

    /** This affine applied after a shift of the voxel indices by (di, dj, dk): the affine of a crop starting there. */
    public Affine translatedIndex(double di, double dj, double dk) {
        double[] r = m.clone();
        double[] o = apply(di, dj, dk);
        r[3] = o[0]; r[7] = o[1]; r[11] = o[2];
        return new Affine(r);
    }

    /** Largest absolute difference between entries. */
    public double maxAbsDiff(Affine o) {
        double d = 0;
        for (int i = 0; i < 16; i++) d = Math.max(d, Math.abs(m[i] - o.m[i]));
        return d;
    }

    /**
     * Anatomical direction each array axis points to, e.g. "RAS" or "LPS": for each column the world axis with the largest
     * component, named by its sign (R/L for x, A/P for y, S/I for z), as nibabel's {@code aff2axcodes}.
     */
    public String axisCodes() {
        StringBuilder sb = new StringBuilder();
        for (int col = 0; col < 3; col++) {
            int best = 0;
            for (int row = 1; row < 3; row++)
                if (Math.abs(m[4 * row + col]) > Math.abs(m[4 * best + col])) best = row;
            boolean positive = m[4 * best + col] > 0;
            sb.append(positive ? "RAS".charAt(best) : "LPI".charAt(best));
        }
        return sb.toString();
    }

    @Override public boolean equals(Object o) { return o instanceof Affine a && Arrays.equals(m, a.m); }

    @Override public int hashCode() { return Arrays.hashCode(m); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int r = 0; r < 3; r++)
            sb.append(r == 0 ? "" : "; ").append(m[4 * r]).append(' ').append(m[4 * r + 1]).append(' ').append(m[4 * r + 2]).append(' ').append(m[4 * r + 3]);
        return sb.append(']').toString();
    }
}
