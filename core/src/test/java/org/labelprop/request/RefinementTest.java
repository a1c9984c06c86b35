// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelprop.UserInputException;

class RefinementTest {
    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> new Refinement(-1, null, 1)).isInstanceOf(UserInputException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> new Refinement(null, 0.0, 1)).isInstanceOf(UserInputException.class).hasMessageContaining("seconds");
        assertThatThrownBy(() -> new Refinement(null, null, -0.5)).isInstanceOf(UserInputException.class)
            .hasMessageContaining("annotationWeight");
        assertThatThrownBy(() -> new Refinement(null, null, 1, 1.01)).isInstanceOf(UserInputException.class)
            .hasMessageContaining("flowBlend");
        assertThat(Refinement.defaults().flowBlend()).isEqualTo(Refinement.DEFAULT_FLOW_BLEND);
        assertThat(Refinement.defaults().steps()).isNull();
        assertThat(Refinement.defaults().stepsOrDefault()).isEqualTo(Refinement.DEFAULT_STEPS);
        assertThat(Refinement.defaults().annotationWeight()).isEqualTo(Refinement.DEFAULT_ANNOTATION_WEIGHT);
        assertThatThrownBy(() -> new Refinement(null, null, 1, 0.5, -1)).isInstanceOf(UserInputException.class)
            .hasMessageContaining("denseTrainingSteps");
        assertThat(Refinement.defaults().denseTrainingSteps()).isEqualTo(Refinement.DEFAULT_DENSE_TRAINING_STEPS);
        assertThat(Refinement.defaults().afterDenseTraining().steps()).isEqualTo(Refinement.DEFAULT_STEPS_AFTER_DENSE_TRAINING);
        assertThat(Refinement.steps(7).afterDenseTraining().steps()).isEqualTo(7);                  // a count given is kept
        assertThat(Refinement.defaults().afterDenseTraining()).isEqualTo(new Refinement(Refinement.DEFAULT_STEPS_AFTER_DENSE_TRAINING, null,
            Refinement.DEFAULT_ANNOTATION_WEIGHT, Refinement.DEFAULT_FLOW_BLEND, Refinement.DEFAULT_DENSE_TRAINING_STEPS));
    }

    @Test
    void denseTrainingNeedsTwoAnnotatedSlicesAndNoGapLongerThan20Mm() {
        Refinement r = Refinement.defaults();
        assertThat(r.trainsDense(new int[] {3, 13, 23}, 1.0)).isTrue();
        assertThat(r.trainsDense(new int[] {3, 13, 23}, 2.0)).isTrue();          // exactly 20 mm is not long
        assertThat(r.trainsDense(new int[] {3, 13, 24}, 2.0)).isFalse();         // 22 mm
        assertThat(r.trainsDense(new int[] {0, 7}, 3.0)).isFalse();              // 7 slices of 3 mm
        assertThat(r.trainsDense(new int[] {5}, 1.0)).isFalse();
        assertThat(r.trainsDense(new int[] {}, 1.0)).isFalse();
    }

    @Test
    void denseTrainingNeedsConstrainedRefinementAndSteps() {
        int[] dense = {0, 5, 10};
        assertThat(Refinement.defaults().withDenseTrainingSteps(0).trainsDense(dense, 1)).isFalse();
        assertThat(Refinement.steps(0).trainsDense(dense, 1)).isFalse();
        assertThat(new Refinement(null, null, 0).trainsDense(dense, 1)).isFalse();
        assertThat(Refinement.seconds(5).trainsDense(dense, 1)).isFalse();      // a time limit asks for speed
        assertThat(Refinement.steps(20).trainsDense(dense, 1)).isTrue();
        assertThat(Refinement.defaults().withFlowBlend(0.2).denseTrainingSteps()).isEqualTo(Refinement.DEFAULT_DENSE_TRAINING_STEPS);
    }
}
