// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldsTest {
    static final int H = 40, W = 48;

    /** A smooth, non-uniform field of at most {@code amp} pixels. */
    static DisplacementField wavy(double amp, double phase) {
        float[] dy = new float[H * W], dx = new float[H * W];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                dy[y * W + x] = (float) (amp * Math.sin(0.15 * x + phase));
                dx[y * W + x] = (float) (amp * Math.cos(0.12 * y - phase));
            }
        return new DisplacementField(H, W, dy, dx);
    }

    @Test
    void composingTwoShiftsGivesTheirSum() {
        DisplacementField c = Fields.compose(Fields.translation(H, W, 1.5f, -2f), Fields.translation(H, W, -0.25f, 3f));
        // away from the border (where the first field is read with zero padding) the sum is exact
        assertThat(c.dy(20, 20)).isCloseTo(1.25f, within(1e-6f));
        assertThat(c.dx(20, 20)).isCloseTo(1f, within(1e-6f));
        DisplacementField all = Fields.composeAll(List.of(Fields.translation(H, W, 1, 0), Fields.translation(H, W, 0, 1),
            Fields.translation(H, W, 2, 2)));
        assertThat(all.dy(24, 20)).isEqualTo(3f);
        assertThat(all.dx(24, 20)).isEqualTo(3f);
    }

    @Test
    void composedWarpMatchesSequentialWarpsOfASmoothImage() {
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) img[y * W + x] = (float) Math.exp(-((y - 20) * (y - 20) + (x - 24) * (x - 24)) / 120.0);
        DisplacementField first = wavy(1.5, 0.3), second = wavy(1.2, 1.1);
        float[] sequential = Warper.warp(Warper.warp(img, first), second);
        float[] composed = Warper.warp(img, Fields.compose(first, second));
        double maxDiff = 0;
        for (int y = 5; y < H - 5; y++)
            for (int x = 5; x < W - 5; x++) maxDiff = Math.max(maxDiff, Math.abs(sequential[y * W + x] - composed[y * W + x]));
        assertThat(maxDiff).isLessThan(0.02);
        // and the composition is not trivially the second field alone
        float[] secondOnly = Warper.warp(img, second);
        double off = 0;
        for (int i = 0; i < img.length; i++) off = Math.max(off, Math.abs(secondOnly[i] - composed[i]));
        assertThat(off).isGreaterThan(0.05);
    }

    @Test
    void accumulateStartsFromNothing() {
        DisplacementField f = Fields.translation(H, W, 1, 1);
        assertThat(Fields.accumulate(null, f)).isSameAs(f);
        assertThat(Fields.accumulate(f, f).dx(10, 10)).isEqualTo(2f);
    }

    @Test
    void maxAbsComponentSeesNegativeAndNonFiniteValues() {
        assertThat(Fields.maxAbsComponent(Fields.translation(H, W, -2.5f, 1f))).isEqualTo(2.5);
        DisplacementField f = Fields.translation(H, W, 0, 0);
        f.dxArray()[7] = Float.NaN;
        assertThat(Fields.maxAbsComponent(f)).isInfinite();
    }

    @Test
    void fieldsOnDifferentGridsAreRejected() {
        assertThatThrownBy(() -> Fields.compose(DisplacementField.zero(4, 5), DisplacementField.zero(5, 4)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x5").hasMessageContaining("5x4");
    }
}
