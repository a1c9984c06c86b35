// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/**
 * The NIfTI qform parameters: a rotation quaternion (b, c, d; a = sqrt(1 - b² - c² - d²) ≥ 0), an offset in mm,
 * voxel sizes (dx, dy, dz) in mm and {@code qfac} (±1, the sign of the z column).
 * <p>Matrix: {@code M = R(a,b,c,d) · diag(dx, dy, qfac·dz)}, offset in the last column (NIfTI-1 "method 2").
 * {@link #fromAffine} goes back from any invertible matrix: the rotation is the orthogonal polar factor of the
 * column-normalised 3x3 part, so a sheared or non-unit matrix still yields a valid quaternion.
 */
public record Qform(double b, double c, double d, double qx, double qy, double qz,
                    double dx, double dy, double dz, double qfac) {
    public Qform {
        double[] all = {b, c, d, qx, qy, qz, dx, dy, dz, qfac};
        for (double v : all)
            if (!Double.isFinite(v)) throw new IllegalArgumentException("qform parameters must be finite, got " + java.util.Arrays.toString(all));
    }

    /**
     * The voxel-to-world matrix. As the NIfTI reference library does: a quaternion with b² + c² + d² ≥ 1 is scaled to
     * unit length (a = 0), a voxel size ≤ 0 counts as 1 and any {@code qfac} other than -1 as +1.
     */
    public Affine toAffine() {
        double bb = b, cc = c, dd = d;
        double a = 1.0 - (bb * bb + cc * cc + dd * dd);
        if (a < 1e-7) {              // 180° rotation or rounding: normalise (b, c, d) instead
            double n = Math.sqrt(bb * bb + cc * cc + dd * dd);
            if (n == 0) throw new IllegalArgumentException("qform quaternion is degenerate");
            bb /= n; cc /= n; dd /= n;
            a = 0;
        } else {
            a = Math.sqrt(a);
        }
        double xd = dx > 0 ? dx : 1, yd = dy > 0 ? dy : 1, zd = dz > 0 ? dz : 1;
        if (qfac < 0) zd = -zd;
        return Affine.of(
            (a * a + bb * bb - cc * cc - dd * dd) * xd, 2 * (bb * cc - a * dd) * yd, 2 * (bb * dd + a * cc) * zd, qx,
            2 * (bb * cc + a * dd) * xd, (a * a + cc * cc - bb * bb - dd * dd) * yd, 2 * (cc * dd - a * bb) * zd, qy,
            2 * (bb * dd - a * cc) * xd, 2 * (cc * dd + a * bb) * yd, (a * a + dd * dd - cc * cc - bb * bb) * zd, qz,
            0, 0, 0, 1);
    }

    /** The qform nearest to {@code m}: voxel sizes = column lengths, rotation = polar factor, qfac = sign of det. */
    public static Qform fromAffine(Affine m) {
        double[][] r = new double[3][3];
        double[] size = new double[3];
        for (int col = 0; col < 3; col++) {
            size[col] = m.columnNorm(col);
            for (int row = 0; row < 3; row++) r[row][col] = m.get(row, col) / size[col];
        }
        r = Polar.orthogonalFactor(r);
        double det = Polar.det(r);
        double qfac = 1;
        if (det < 0) {               // improper rotation: put the reflection into qfac (z column)
            qfac = -1;
            for (int row = 0; row < 3; row++) r[row][2] = -r[row][2];
        }
        double[] q = quaternion(r);
        return new Qform(q[1], q[2], q[3], m.get(0, 3), m.get(1, 3), m.get(2, 3), size[0], size[1], size[2], qfac);
    }

    /** Unit quaternion (a, b, c, d), a ≥ 0, of a proper rotation matrix; the branch keeps the division well conditioned. */
    static double[] quaternion(double[][] r) {
        double a, b, c, d;
        double trace = r[0][0] + r[1][1] + r[2][2] + 1;
        if (trace > 0.5) {
            a = 0.5 * Math.sqrt(trace);
            b = 0.25 * (r[2][1] - r[1][2]) / a;
            c = 0.25 * (r[0][2] - r[2][0]) / a;
            d = 0.25 * (r[1][0] - r[0][1]) / a;
        } else {
            double xd = 1 + r[0][0] - (r[1][1] + r[2][2]);
            double yd = 1 + r[1][1] - (r[0][0] + r[2][2]);
            double zd = 1 + r[2][2] - (r[0][0] + r[1][1]);
            if (xd > 1) {
                b = 0.5 * Math.sqrt(xd);
                c = 0.25 * (r[0][1] + r[1][0]) / b;
                d = 0.25 * (r[0][2] + r[2][0]) / b;
                a = 0.25 * (r[2][1] - r[1][2]) / b;
            } else if (yd > 1) {
                c = 0.5 * Math.sqrt(yd);
                b = 0.25 * (r[0][1] + r[1][0]) / c;
                d = 0.25 * (r[1][2] + r[2][1]) / c;
                a = 0.25 * (r[0][2] - r[2][0]) / c;
            } else {
                d = 0.5 * Math.sqrt(zd);
                b = 0.25 * (r[0][2] + r[2][0]) / d;
                c = 0.25 * (r[1][2] + r[2][1]) / d;
                a = 0.25 * (r[1][0] - r[0][1]) / d;
            }
            if (a < 0) { a = -a; b = -b; c = -c; d = -d; }
        }
        return new double[] {a, b, c, d};
    }
}
