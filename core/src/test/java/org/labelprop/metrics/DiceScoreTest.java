// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

class DiceScoreTest {
    private final Grid grid = SyntheticVolumes.grid(8, 6, 8);
    // 4x4x4 = 64 voxels each; overlap x 2..3, y 0..3, z 2..3 = 16 voxels
    private final LabelVolume a = SyntheticVolumes.box(grid, 1, 0, 0, 0, 3, 3, 3);
    private final LabelVolume b = SyntheticVolumes.box(grid, 1, 2, 0, 2, 5, 3, 5);

    @Test
    void diceOfKnownOverlap() {
        DiceScore d = DiceScore.of(a, b, 1);
        assertThat(d.predictedVoxels()).isEqualTo(64);
        assertThat(d.truthVoxels()).isEqualTo(64);
        assertThat(d.overlapVoxels()).isEqualTo(16);
        assertThat(d.value()).isCloseTo(0.25, within(1e-12));
        assertThat(DiceScore.of(a, a, 1).value()).isEqualTo(1.0);
    }

    @Test
    void restrictedToSlicesCountsOnlyThoseSlices() {
        assertThat(DiceScore.of(a, b, 1, SliceAxis.Z, new int[] {2, 3}).value()).isCloseTo(0.5, within(1e-12));
        assertThat(DiceScore.of(a, b, 1, SliceAxis.Z, new int[] {0}).value()).isZero();
        // along x: slices x = 2, 3 hold 32 voxels of each, 16 shared
        assertThat(DiceScore.of(a, b, 1, SliceAxis.X, new int[] {2, 3}).value()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void bothEmptyIsOneAndFlagged() {
        DiceScore d = DiceScore.of(a, b, 1, SliceAxis.Z, new int[] {7});
        assertThat(d.bothEmpty()).isTrue();
        assertThat(d.value()).isEqualTo(1.0);
        assertThat(DiceScore.of(a, b, 5).bothEmpty()).isTrue();
        assertThat(DiceScore.of(a, b, 1).bothEmpty()).isFalse();
    }

    @Test
    void otherLabelsDoNotCount() {
        LabelVolume withOther = SyntheticVolumes.overlay(a, SyntheticVolumes.box(grid, 2, 0, 0, 0, 1, 1, 1));
        DiceScore d = DiceScore.of(withOther, a, 1);
        assertThat(d.predictedVoxels()).isEqualTo(64 - 8);
        assertThat(d.value()).isCloseTo(2.0 * 56 / (56 + 64), within(1e-12));
    }

    @Test
    void mismatchedGridsAndSlicesAreRejected() {
        LabelVolume other = LabelVolume.empty(SyntheticVolumes.grid(8, 6, 7));
        assertThatThrownBy(() -> DiceScore.of(other, a, 1)).isInstanceOf(org.labelprop.UserInputException.class)
            .hasMessageContaining("8x6x7").hasMessageContaining("8x6x8");
        assertThatThrownBy(() -> DiceScore.of(a, b, 1, SliceAxis.Z, new int[] {8}))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("slice 8");
    }
}
