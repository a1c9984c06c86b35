// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;

class VecIntTest {
    static { NativeRuntime.init(2); }

    @Test
    void integratingZeroGivesZero() {
        try (PointerScope scope = new PointerScope()) {
            float[] out = Tensors.toArray(VecInt.integrate(Tensors.zeros(2, 2, 16, 16), 7));
            for (float v : out) assertThat(v).isEqualTo(0f);
        }
    }

    @Test
    void aConstantVelocityIntegratesToTheSameShiftInTheInterior() {
        try (PointerScope scope = new PointerScope()) {
            int h = 24, w = 24;
            float[] v = new float[2 * h * w];
            for (int i = 0; i < h * w; i++) { v[i] = 1.0f; v[h * w + i] = -0.5f; }
            float[] u = Tensors.toArray(VecInt.integrate(Tensors.of(v, 1, 2, h, w), 7));
            int centre = 12 * w + 12;
            assertThat(u[centre]).isCloseTo(1.0f, within(1e-3f));
            assertThat(u[h * w + centre]).isCloseTo(-0.5f, within(1e-3f));
        }
    }

    @Test
    void rejectsNegativeSteps() {
        try (PointerScope scope = new PointerScope()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> VecInt.integrate(Tensors.zeros(1, 2, 4, 4), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        }
    }
}
