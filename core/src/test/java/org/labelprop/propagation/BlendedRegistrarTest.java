// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class BlendedRegistrarTest {
    private static final Volume IMAGE = new Volume(Grid.of(new Shape3(12, 10, 5), Spacing.isotropic(1)), new float[600]);

    @Test
    void fieldsAreTheWeightedMeanOfBothRegistrarsPairByPair() {
        NeighbourFields f = new BlendedRegistrar(FakeRegistrar.translation(2, -1), FakeRegistrar.translation(0, 3), 0.25)
            .fields(IMAGE, SliceAxis.Z, ProgressListener.NONE);
        assertThat(f.slices()).isEqualTo(5);
        for (int i = 0; i < 4; i++) {
            // up fields are minus each shift: (-2, 1) and (0, -3)
            assertThat(f.up().get(i).dy(3, 4)).isCloseTo(0.75f * -2 + 0.25f * 0, within(1e-6f));
            assertThat(f.up().get(i).dx(7, 2)).isCloseTo(0.75f * 1 + 0.25f * -3, within(1e-6f));
            assertThat(f.down().get(i).dy(3, 4)).isCloseTo(0.75f * 2, within(1e-6f));
            assertThat(f.down().get(i).dx(0, 0)).isCloseTo(0.75f * -1 + 0.25f * 3, within(1e-6f));
        }
    }

    @Test
    void aWeightOutsideTheUnitIntervalIsRefused() {
        assertThatThrownBy(() -> new BlendedRegistrar(FakeRegistrar.identity(), FakeRegistrar.identity(), 0))
            .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new BlendedRegistrar(FakeRegistrar.identity(), FakeRegistrar.identity(), 1.5))
            .hasMessageContaining("1.5");
    }

    @Test
    void aScaledRegistrarWorksOnTheWorkingGridAndAnswersOnTheNativeOne() {
        Volume big = new Volume(Grid.of(new Shape3(40, 20, 4), Spacing.isotropic(0.5)), new float[3200]);
        int[] seen = new int[2];
        SliceRegistrar inner = (image, axis, progress) -> {
            seen[0] = image.shape().nx();
            seen[1] = image.shape().ny();
            return FakeRegistrar.translation(1, 0).fields(image, axis, progress);
        };
        // 40 x 20 slices at 0.5 mm, at most 20 px: 20 x 10 working pixels of 1 mm
        NeighbourFields f = new ScaledRegistrar(inner, 20, 1.0).fields(big, SliceAxis.Z, ProgressListener.NONE);
        assertThat(seen).containsExactly(20, 10);
        assertThat(f.up().get(0).height()).isEqualTo(20);
        assertThat(f.up().get(0).width()).isEqualTo(40);
        assertThat(f.up().get(0).dy(5, 5)).isCloseTo(-2f, within(1e-5f));   // one working row = two native rows
    }
}
