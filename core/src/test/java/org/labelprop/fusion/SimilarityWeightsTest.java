// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityWeightsTest {
    static final int H = 20, W = 26;

    static float[] texture(long seed) {
        Random r = new Random(seed);
        float[] d = new float[H * W];
        for (int i = 0; i < d.length; i++) d[i] = (float) r.nextGaussian();
        return d;
    }

    @Test
    void boxSumsMatchABruteForceWindowWithZeroPadding() {
        Random r = new Random(3);
        double[] v = new double[H * W];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble() - 0.3;
        double[] s = BoxSums.of(v, H, W, 7);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                double expected = 0;
                for (int yy = y - 3; yy <= y + 3; yy++)
                    for (int xx = x - 3; xx <= x + 3; xx++)
                        if (yy >= 0 && xx >= 0 && yy < H && xx < W) expected += v[yy * W + xx];
                assertThat(s[y * W + x]).isCloseTo(expected, within(1e-9));
            }
        assertThatThrownBy(() -> BoxSums.of(v, H, W, 4)).hasMessageContaining("odd");
    }

    @Test
    void lnccSquaredIsOneForAffinelyRelatedImagesAndSmallForIndependentOnes() {
        float[] a = texture(1), b = new float[a.length], c = texture(2);
        for (int i = 0; i < a.length; i++) b[i] = -2 * a[i] + 3;
        double[] same = SimilarityWeights.lncc2(a, b, H, W, 9);
        double[] other = SimilarityWeights.lncc2(a, c, H, W, 9);
        double meanOther = 0;
        for (int p = 0; p < same.length; p++) {
            int y = p / W, x = p % W;
            // near the border the zero padding breaks the affine relation (b's padding is 0, not 3)
            if (y >= 4 && x >= 4 && y < H - 4 && x < W - 4) assertThat(same[p]).isBetween(0.99, 1.0);
            assertThat(same[p]).isBetween(0.0, 1.0);
            assertThat(other[p]).isBetween(0.0, 1.0);
            meanOther += other[p] / other.length;
        }
        assertThat(meanOther).isLessThan(0.2);
        assertThat(SimilarityWeights.lncc2(new float[H * W], a, H, W, 9)).containsOnly(0.0);
    }

    @Test
    void weightsAreNormalisedAndFavourTheBetterRegisteredSide() {
        float[] target = texture(5), good = target.clone(), bad = texture(6);
        for (int i = 0; i < good.length; i++) good[i] += 0.1f * (float) Math.sin(i);
        SimilarityWeights s = new SimilarityWeights(9, new DistanceWeights(1));
        float[] wUp = s.upWeights(new FusionContext(3, 0, 10, H, W, target, good, bad));
        float[] wDown = s.upWeights(new FusionContext(3, 0, 10, H, W, target, bad, good));
        for (int p = 0; p < wUp.length; p++) {
            assertThat(wUp[p]).isBetween(0f, 1f);
            // swapping the two sources swaps the weights: w_up + w_down = 1
            assertThat(wUp[p] + wDown[p]).isCloseTo(1f, within(1e-5f));
        }
        double mean = 0;
        for (float w : wUp) mean += w / wUp.length;
        assertThat(mean).isGreaterThan(0.8);
    }

    @Test
    void emptyImagesFallBackToDistanceWeights() {
        // all zero (e.g. air): no variance anywhere, even with zero padding, so both LNCC^2 are 0
        float[] flat = new float[H * W];
        DistanceWeights d = new DistanceWeights(0.5);
        float[] w = new SimilarityWeights(31, d).upWeights(new FusionContext(7, 2, 9, H, W, flat, flat, flat));
        assertThat(w).containsOnly((float) d.up(7, 2, 9));
    }

    @Test
    void missingImagesAndEvenWindowsAreRejected() {
        SimilarityWeights s = new SimilarityWeights(31, new DistanceWeights(1));
        assertThatThrownBy(() -> s.upWeights(new FusionContext(1, 0, 2, H, W, null, null, null)))
            .hasMessageContaining("slice 1").hasMessageContaining("warped source");
        assertThatThrownBy(() -> new SimilarityWeights(30, new DistanceWeights(1))).hasMessageContaining("30");
    }
}
