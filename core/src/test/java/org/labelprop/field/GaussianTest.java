// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianTest {
    @Test
    void kernelIsNormalisedSymmetricAndReachesFourSigma() {
        float[] k = Gaussian.kernel(1);
        assertThat(k).hasSize(9);
        double sum = 0;
        for (float v : k) sum += v;
        assertThat(sum).isCloseTo(1, within(1e-6));
        for (int i = 0; i < 4; i++) assertThat(k[i]).isEqualTo(k[8 - i]).isLessThan(k[i + 1]);
        // the sampled Gaussian: centre weight 1 / sum_i exp(-i^2/2) over -4..4
        assertThat((double) k[4]).isCloseTo(0.39894, within(1e-4));
        assertThat(Gaussian.kernel(0)).containsExactly(1f);
        assertThatThrownBy(() -> Gaussian.kernel(-1)).hasMessageContaining("-1");
    }

    @Test
    void reflectRepeatsTheEdgeSample() {
        int[] expected = {2, 1, 0, 0, 1, 2, 3, 3, 2, 1, 0};
        for (int i = -3; i <= 7; i++) assertThat(Gaussian.reflect(i, 4)).as("index %d", i).isEqualTo(expected[i + 3]);
        assertThat(Gaussian.reflect(5, 1)).isZero();
    }

    @Test
    void smoothingKeepsAConstantAndARampAndSpreadsASpike() {
        int h = 7, w = 9;
        float[] k = Gaussian.kernel(1);
        DisplacementField constant = Fields.translation(h, w, 1.5f, -2f);
        DisplacementField s = Gaussian.smooth(constant, 1);
        for (int p = 0; p < h * w; p++) {
            assertThat(s.dyArray()[p]).isCloseTo(1.5f, within(1e-5f));
            assertThat(s.dxArray()[p]).isCloseTo(-2f, within(1e-5f));
        }
        float[] ramp = new float[h * w];
        for (int p = 0; p < ramp.length; p++) ramp[p] = p % w;
        float[] r = Gaussian.smooth(ramp, h, w, k);
        // a linear ramp is kept away from the borders (the kernel is symmetric)
        for (int v = 0; v < h; v++) assertThat(r[v * w + 4]).isCloseTo(4f, within(1e-4f));
        float[] spike = new float[h * w];
        spike[3 * w + 4] = 1;
        float[] sp = Gaussian.smooth(spike, h, w, k);
        assertThat(sp[3 * w + 4]).isCloseTo(k[4] * k[4], within(1e-6f));
        assertThat(sp[3 * w + 5]).isCloseTo(k[4] * k[5], within(1e-6f));
        double total = 0;
        for (float v : sp) total += v;
        assertThat(total).isCloseTo(1, within(1e-4));
        assertThat(Gaussian.smooth(constant, 0)).isSameAs(constant);
    }
}
