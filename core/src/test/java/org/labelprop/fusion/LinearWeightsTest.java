// SPDX-License-Identifier: Apache-2.0
package org.labelprop.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelprop.propagation.PropagationOptions;

class LinearWeightsTest {
    @Test
    void downWeightGrowsLinearlyFromTheLowerToTheUpperAnnotation() {
        assertThat(LinearWeights.down(4, 3, 13)).isCloseTo(0.1, within(1e-12));
        assertThat(LinearWeights.down(8, 3, 13)).isCloseTo(0.5, within(1e-12));
        assertThat(LinearWeights.down(12, 3, 13)).isCloseTo(0.9, within(1e-12));
    }

    @Test
    void upWeightsFillTheSliceWithOneMinusTheDownWeight() {
        float[] w = new LinearWeights().upWeights(new FusionContext(2, 0, 8, 3, 4, null, null, null));
        assertThat(w).hasSize(12).containsOnly(0.75f);
        assertThat(new LinearWeights().needsImages()).isFalse();
    }

    @Test
    void linearIsAFusionOption() {
        assertThat(PropagationOptions.defaults().withFusion(PropagationOptions.Fusion.LINEAR).weights()).isInstanceOf(LinearWeights.class);
    }

    @Test
    void slicesOutsideTheGapAreRejected() {
        assertThatThrownBy(() -> LinearWeights.down(3, 3, 9)).hasMessageContaining("strictly between annotated slices 3 and 9");
    }
}
