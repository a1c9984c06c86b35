// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.Warper;

class TvL1FlowTest {
    /** A smooth image of Gaussian blobs whose content is moved by (dy, dx) pixels: value(p) = f(p - t). */
    static float[] blobs(int h, int w, double dy, double dx) {
        double[][] b = {{0.3, 0.3, 5, 1.0}, {0.6, 0.7, 7, 0.8}, {0.75, 0.25, 4, 0.6}, {0.35, 0.75, 6, 0.9}, {0.5, 0.5, 3, 0.5}};
        float[] out = new float[h * w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                double v = 0.1;
                for (double[] k : b) {
                    double ry = y - dy - k[0] * h, rx = x - dx - k[1] * w;
                    v += k[3] * Math.exp(-(ry * ry + rx * rx) / (2 * k[2] * k[2]));
                }
                out[y * w + x] = (float) v;
            }
        return out;
    }

    @Test
    void shiftedSmoothImageGivesTheShift() {
        int h = 64, w = 80;
        DisplacementField f = new TvL1Flow(TvL1Options.defaults()).estimate(blobs(h, w, 0, 0), blobs(h, w, 1.5, -2.0), h, w);
        // content moved by t, so moving(p + t) = fixed(p): the flow is t where the image has structure
        assertThat(median(f.dyArray(), h, w)).isCloseTo(1.5, within(0.1));
        assertThat(median(f.dxArray(), h, w)).isCloseTo(-2.0, within(0.1));
    }

    @Test
    void warpingMovingByTheFlowApproximatesFixed() {
        int h = 48, w = 56;
        float[] fixed = blobs(h, w, 0, 0), moving = blobs(h, w, -2.2, 1.3);
        DisplacementField f = new TvL1Flow(TvL1Options.defaults()).estimate(fixed, moving, h, w);
        float[] warped = Warper.warp(moving, f);
        assertThat(interiorError(warped, fixed, h, w)).isLessThan(0.1 * interiorError(moving, fixed, h, w));
    }

    @Test
    void identicalImagesGiveZeroFlow() {
        float[] a = blobs(40, 40, 0, 0);
        DisplacementField f = new TvL1Flow(TvL1Options.defaults()).estimate(a, a, 40, 40);
        for (int i = 0; i < a.length; i++) {
            assertThat(f.dyArray()[i]).isZero();
            assertThat(f.dxArray()[i]).isZero();
        }
    }

    @Test
    void mismatchedImagesAreRejected() {
        TvL1Flow flow = new TvL1Flow(TvL1Options.defaults());
        assertThatThrownBy(() -> flow.estimate(new float[12], new float[12], 3, 5)).hasMessageContaining("3x5 image needs 15 values");
        assertThatThrownBy(() -> flow.estimate(new float[12], new float[15], 3, 5)).hasMessageContaining("same size");
        assertThatThrownBy(() -> TvL1Options.defaults().withWarps(0)).hasMessageContaining("at least one warp");
    }

    private static double median(float[] v, int h, int w) {
        float[] inner = new float[(h - 20) * (w - 20)];
        for (int y = 10, k = 0; y < h - 10; y++)
            for (int x = 10; x < w - 10; x++) inner[k++] = v[y * w + x];
        Arrays.sort(inner);
        return inner[inner.length / 2];
    }

    private static double interiorError(float[] a, float[] b, int h, int w) {
        double s = 0;
        for (int y = 5; y < h - 5; y++)
            for (int x = 5; x < w - 5; x++) s += Math.abs(a[y * w + x] - b[y * w + x]);
        return s;
    }
}
