// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GapAdaptiveWeightsTest {
    static final int H = SimilarityWeightsTest.H, W = SimilarityWeightsTest.W;
    final SimilarityWeights ncc = new SimilarityWeights(9, new DistanceWeights(1));
    final GapAdaptiveWeights auto = new GapAdaptiveWeights(ncc);

    /** Target = texture 1; the up source matches it, the down source does not: NCC trusts up. */
    FusionContext context(int lower, int upper) {
        float[] target = SimilarityWeightsTest.texture(1), other = SimilarityWeightsTest.texture(2);
        return new FusionContext(lower + 1, lower, upper, H, W, target, target.clone(), other);
    }

    @Test
    void shortGapsAverageLongGapsUseNccAndGapsBetweenBlend() {
        assertThat(GapAdaptiveWeights.similarityShare(4)).isZero();
        assertThat(GapAdaptiveWeights.similarityShare(10)).isZero();
        assertThat(GapAdaptiveWeights.similarityShare(15)).isEqualTo(0.5);
        assertThat(GapAdaptiveWeights.similarityShare(20)).isEqualTo(1);
        assertThat(GapAdaptiveWeights.similarityShare(60)).isEqualTo(1);

        float[] shortGap = auto.upWeights(context(0, 10));
        for (float w : shortGap) assertThat(w).isEqualTo(0.5f);
        assertThat(auto.needsImages(0, 10)).isFalse();
        assertThat(auto.needsImages(0, 11)).isTrue();

        float[] pure = ncc.upWeights(context(0, 30));
        float[] longGap = auto.upWeights(context(0, 30));
        float[] middle = auto.upWeights(context(0, 15));
        double mean = 0;
        for (int p = 0; p < pure.length; p++) {
            assertThat(longGap[p]).isEqualTo(pure[p]);
            assertThat(middle[p]).isCloseTo(0.5f + 0.5f * (pure[p] - 0.5f), within(1e-6f));
            mean += pure[p];
        }
        // the NCC weights do prefer the matching up source, so the blend is not trivially 1/2
        assertThat(mean / pure.length).isGreaterThan(0.8);
    }
}
