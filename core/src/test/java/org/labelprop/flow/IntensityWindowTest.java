// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Volume;

class IntensityWindowTest {
    @Test
    void percentilesInterpolateLinearlyLikeNumpy() {
        float[] v = {4, 1, 3, 2, 0, 10, 5, 6, 7, 8, 9};
        // numpy.percentile(v, 1) = 0.1, numpy.percentile(v, 99.5) = 9.95
        assertThat(IntensityWindow.percentile(v, 1)).isCloseTo(0.1, within(1e-9));
        assertThat(IntensityWindow.percentile(v, 99.5)).isCloseTo(9.95, within(1e-9));
        assertThat(IntensityWindow.percentile(v, 50)).isEqualTo(5);
    }

    @Test
    void orderStatisticsMatchASortOnManyTiedAndSpreadValues() {
        Random r = new Random(7);
        float[] v = new float[200_001];
        for (int i = 0; i < v.length; i++) v[i] = i % 3 == 0 ? 0f : (float) Math.exp(r.nextGaussian() * 3);
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        for (long rank : new long[] {0, 1, 66_667, 66_668, 100_000, 199_000, 200_000})
            assertThat(IntensityWindow.orderStatistic(v, rank)).as("rank %d", rank).isEqualTo(sorted[(int) rank]);
    }

    @Test
    void applyClipsAndScalesToUnitRange() {
        IntensityWindow w = new IntensityWindow(10, 30);
        assertThat(w.apply(new float[] {0, 10, 20, 30, 99, Float.NaN})).containsExactly(0f, 0f, 0.5f, 1f, 1f, 0f);
        assertThat(new IntensityWindow(5, 5).apply(new float[] {1, 5, 9})).containsExactly(0f, 0f, 0f);
    }

    @Test
    void windowOfAVolumeIgnoresNaN() {
        float[] v = new float[4 * 4 * 2];
        for (int i = 0; i < v.length; i++) v[i] = i;
        v[3] = Float.NaN;
        IntensityWindow w = IntensityWindow.percentiles(new Volume(SyntheticVolumes.grid(4, 4, 2), v), 0, 100);
        assertThat(w.low()).isZero();
        assertThat(w.high()).isEqualTo(31);
    }

    @Test
    void badWindowsAreRejected() {
        assertThatThrownBy(() -> new IntensityWindow(2, 1)).hasMessageContaining("finite low <= high, got [2.0, 1.0]");
        assertThatThrownBy(() -> IntensityWindow.percentiles(new Volume(SyntheticVolumes.grid(2, 2, 2), new float[8]), 50, 10))
            .hasMessageContaining("0 <= low <= high <= 100");
    }
}
