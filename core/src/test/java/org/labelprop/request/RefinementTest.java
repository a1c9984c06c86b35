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
    }
}
