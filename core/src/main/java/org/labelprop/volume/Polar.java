// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/** 3x3 helpers for {@link Qform}: determinant and the orthogonal factor of the polar decomposition. */
final class Polar {
    private Polar() {}

    static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
             - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
             + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /**
     * The orthogonal Q of {@code m = Q·P} (P symmetric positive definite): the rotation (or reflection) nearest to m in
     * the Frobenius norm. Newton's iteration Q ← (Q + Q⁻ᵀ)/2 converges quadratically for any invertible m; an orthogonal
     * input is returned after one step, unchanged to rounding.
     */
    static double[][] orthogonalFactor(double[][] m) {
        double[][] q = {m[0].clone(), m[1].clone(), m[2].clone()};
        for (int iter = 0; iter < 100; iter++) {
            double[][] invT = inverseTranspose(q);
            double change = 0;
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) {
                    double next = 0.5 * (q[i][j] + invT[i][j]);
                    change = Math.max(change, Math.abs(next - q[i][j]));
                    q[i][j] = next;
                }
            if (change < 1e-15) break;
        }
        return q;
    }

    private static double[][] inverseTranspose(double[][] m) {
        double det = det(m);
        if (det == 0 || !Double.isFinite(det)) throw new IllegalArgumentException("matrix is singular, no rotation part");
        double[][] r = new double[3][3];
        // (m⁻¹)ᵀ = cofactor matrix / det
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        r[0][1] = -(m[1][0] * m[2][2] - m[1][2] * m[2][0]) / det;
        r[0][2] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        r[1][0] = -(m[0][1] * m[2][2] - m[0][2] * m[2][1]) / det;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        r[1][2] = -(m[0][0] * m[2][1] - m[0][1] * m[2][0]) / det;
        r[2][0] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        r[2][1] = -(m[0][0] * m[1][2] - m[0][2] * m[1][0]) / det;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return r;
    }
}
