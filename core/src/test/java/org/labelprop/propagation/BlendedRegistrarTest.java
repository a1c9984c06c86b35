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
}
