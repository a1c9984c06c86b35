// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

class DistanceTransformTest {

    @Test
    void squared2dMatchesBruteForceOnRandomMasksWithAnisotropicSpacing() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int w = 1 + random.nextInt(17), h = 1 + random.nextInt(13);
            double du = 0.3 + 2 * random.nextDouble(), dv = 0.3 + 2 * random.nextDouble();
            boolean[] f = randomMask(random, w * h, 0.02 + 0.3 * random.nextDouble());
            double[] d = DistanceTransform.squared2d(f, w, h, du, dv);
            for (int v = 0; v < h; v++)
                for (int u = 0; u < w; u++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int q = 0; q < f.length; q++)
                        if (f[q]) best = Math.min(best, sq((u - q % w) * du) + sq((v - q / w) * dv));
                    if (Double.isInfinite(best)) assertThat(d[v * w + u]).isInfinite();
                    else assertThat(d[v * w + u]).as("trial %d pixel (%d,%d)", trial, u, v).isCloseTo(best, within(1e-9));
                }
        }
    }

    @Test
    void squared3dMatchesBruteForceOnRandomMasksWithAnisotropicSpacing() {
        Random random = new Random(11);
        for (int trial = 0; trial < 10; trial++) {
            Shape3 s = new Shape3(1 + random.nextInt(9), 1 + random.nextInt(8), 1 + random.nextInt(7));
            Spacing sp = new Spacing(0.5 + 2 * random.nextDouble(), 0.5 + 2 * random.nextDouble(), 0.5 + 3 * random.nextDouble());
            boolean[] f = randomMask(random, s.voxels(), 0.05 + 0.2 * random.nextDouble());
            double[] d = DistanceTransform.squared3d(f, s, sp);
            for (int z = 0; z < s.nz(); z++)
                for (int y = 0; y < s.ny(); y++)
                    for (int x = 0; x < s.nx(); x++) {
                        double best = Double.POSITIVE_INFINITY;
                        for (int qz = 0; qz < s.nz(); qz++)
                            for (int qy = 0; qy < s.ny(); qy++)
                                for (int qx = 0; qx < s.nx(); qx++)
                                    if (f[s.index(qx, qy, qz)])
                                        best = Math.min(best, sq((x - qx) * sp.xMm()) + sq((y - qy) * sp.yMm()) + sq((z - qz) * sp.zMm()));
                        double got = d[s.index(x, y, z)];
                        if (Double.isInfinite(best)) assertThat(got).isInfinite();
                        else assertThat(got).isCloseTo(best, within(1e-9));
                    }
        }
    }

    @Test
    void noFeatureGivesInfinityEverywhere() {
        double[] d = DistanceTransform.squared2d(new boolean[12], 4, 3, 1, 1);
        for (double v : d) assertThat(v).isInfinite();
    }

    @Test
    void signedDistanceIsNegativeExactlyInsideAndMeasuresToTheOtherSide() {
        // a 3-pixel-wide vertical bar at u = 2..4 on a 9x5 slice, 0.5 mm columns
        int w = 9, h = 5;
        boolean[] bar = new boolean[w * h];
        for (int v = 0; v < h; v++) for (int u = 2; u <= 4; u++) bar[v * w + u] = true;
        double[] sd = DistanceTransform.signed2d(bar, w, h, 0.5, 2.0);
        for (int p = 0; p < bar.length; p++) assertThat(sd[p] < 0).isEqualTo(bar[p]);
        assertThat(sd[3]).isCloseTo(-1.0, within(1e-12));   // centre column: two columns to the outside
        assertThat(sd[2]).isCloseTo(-0.5, within(1e-12));
        assertThat(sd[8]).isCloseTo(2.0, within(1e-12));    // u = 8: four columns right of u = 4
    }

    @Test
    void signedDistanceOfAFullSliceIsCappedAtTheDiagonal() {
        boolean[] all = new boolean[6];
        java.util.Arrays.fill(all, true);
        double[] sd = DistanceTransform.signed2d(all, 3, 2, 1, 1);
        for (double v : sd) assertThat(v).isCloseTo(-Math.hypot(3, 2), within(1e-12));
    }

    @Test
    void wrongMaskLengthIsRejected() {
        assertThatThrownBy(() -> DistanceTransform.squared2d(new boolean[5], 2, 3, 1, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x3").hasMessageContaining("got 5");
    }

    private static boolean[] randomMask(Random random, int n, double p) {
        boolean[] m = new boolean[n];
        for (int i = 0; i < n; i++) m[i] = random.nextDouble() < p;
        return m;
    }

    private static double sq(double v) { return v * v; }
}
