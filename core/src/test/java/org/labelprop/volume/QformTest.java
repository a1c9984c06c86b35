// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QformTest {
    @Test
    void quaternionToMatrixAndBackIsTheIdentityForRandomRotationsAndReflections() {
        Random rnd = new Random(1);
        for (int n = 0; n < 500; n++) {
            double[] u = {Math.abs(rnd.nextGaussian()), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double norm = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2] + u[3] * u[3]);
            Qform q = new Qform(u[1] / norm, u[2] / norm, u[3] / norm, rnd.nextGaussian() * 100, rnd.nextGaussian(), 3,
                0.1 + rnd.nextDouble() * 4, 0.1 + rnd.nextDouble() * 4, 0.1 + rnd.nextDouble() * 4, n % 2 == 0 ? 1 : -1);
            Affine m = q.toAffine();
            assertEquals(q.qfac(), Math.signum(m.determinant3()));
            Qform back = Qform.fromAffine(m);
            assertEquals(q.b(), back.b(), 1e-12);
            assertEquals(q.c(), back.c(), 1e-12);
            assertEquals(q.d(), back.d(), 1e-12);
            assertEquals(q.qfac(), back.qfac());
            assertEquals(q.dz(), back.dz(), 1e-12);
            assertTrue(back.toAffine().maxAbsDiff(m) < 1e-12);
        }
    }

    @Test
    void halfTurnsAndAxisFlipsRoundTrip() {
        double[][] diagonals = {{1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}, {-1, -1, -1}, {-1, 1, 1}, {1, 1, -1}, {2, 3, 4}};
        for (double[] d : diagonals) {
            Affine m = Affine.of(d[0], 0, 0, 10, 0, d[1], 0, 20, 0, 0, d[2], 30, 0, 0, 0, 1);
            Qform q = Qform.fromAffine(m);
            assertTrue(q.toAffine().maxAbsDiff(m) < 1e-12, m + " -> " + q);
        }
    }

    @Test
    void shearedMatrixGivesTheRotationOfItsPolarDecomposition() {
        Random rnd = new Random(2);
        for (int n = 0; n < 200; n++) {
            double[] a = new double[16];
            for (int i = 0; i < 12; i++) a[i] = rnd.nextGaussian();
            a[15] = 1;
            Affine m = Affine.of(a);
            Qform q = Qform.fromAffine(m);
            assertTrue(q.b() * q.b() + q.c() * q.c() + q.d() * q.d() <= 1 + 1e-12, "a valid unit quaternion");
            // rotation R (with qfac in the z column): Rᵀ · (column-normalised m) must be symmetric positive definite
            Affine r = new Qform(q.b(), q.c(), q.d(), 0, 0, 0, 1, 1, 1, q.qfac()).toAffine();
            double[][] p = new double[3][3];
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                    for (int k = 0; k < 3; k++) p[i][j] += r.get(k, i) * m.get(k, j) / m.columnNorm(j);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++) assertEquals(p[i][j], p[j][i], 1e-9, "symmetric polar factor");
            assertTrue(p[0][0] > 0 && p[0][0] * p[1][1] - p[0][1] * p[1][0] > 0 && Polar.det(p) > 0, "positive definite");
            assertEquals(Math.signum(m.determinant3()), q.qfac());
            assertEquals(m.columnNorm(1), q.dy(), 1e-12);
        }
    }
}
