// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistanceWeightsTest {
    @Test
    void originalConstantIsNearlyAHardSwitchAtTheMidpoint() {
        DistanceWeights d = new DistanceWeights(DistanceWeights.DEFAULT_CONSTANT);
        assertThat(d.down(5, 0, 10)).isCloseTo(0.5, within(1e-12));
        // the original's weights: three slices from the midpoint the weights are already 0.90 / 0.10
        assertThat(d.down(8, 0, 10)).isCloseTo(0.90, within(0.005));
        assertThat(d.up(8, 0, 10)).isCloseTo(0.10, within(0.005));
        // 0.5 + atan(-4)/pi = 0.0780
        assertThat(d.down(1, 0, 10)).isCloseTo(0.078, within(0.001));
    }

    @Test
    void weightsSumToOneAndDownGrowsTowardsTheUpperSlice() {
        DistanceWeights d = new DistanceWeights(0.3);
        double previous = 0;
        for (int i = 4; i < 17; i++) {
            assertThat(d.up(i, 3, 17) + d.down(i, 3, 17)).isCloseTo(1, within(1e-12));
            assertThat(d.down(i, 3, 17)).isGreaterThan(previous);
            previous = d.down(i, 3, 17);
        }
        // a smaller constant blends more gently than the original
        assertThat(d.down(13, 3, 17)).isLessThan(new DistanceWeights(1).down(13, 3, 17));
    }

    @Test
    void upWeightsFillTheSlice() {
        float[] w = new DistanceWeights(1).upWeights(new FusionContext(2, 0, 10, 3, 4, null, null, null));
        assertThat(w).hasSize(12).containsOnly((float) (0.5 - Math.atan(-3) / Math.PI));
    }

    @Test
    void nonPositiveConstantIsRejected() {
        assertThatThrownBy(() -> new DistanceWeights(0)).hasMessageContaining("positive").hasMessageContaining("0.0");
        assertThatThrownBy(() -> new FusionContext(10, 0, 10, 3, 4, null, null, null)).hasMessageContaining("strictly between");
    }
}
