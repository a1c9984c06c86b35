// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelprop.bench.AtlasSelection.Side;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

class AtlasSelectionTest {
    /** 6x1x1 voxels with labels 4 4 9 9 9 2; world x = -(i - 2.5): LAS, so voxels 0..2 are right. */
    static LabelVolume atlas() {
        Grid g = Grid.of(new Shape3(6, 1, 1), Affine.of(-1, 0, 0, 2.5, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1));
        return new LabelVolume(g, new int[] {4, 4, 9, 9, 9, 2});
    }

    @Test
    void rightHemisphereFollowsTheAffineNotTheArrayIndex() {
        assertThat(AtlasSelection.largest(atlas(), 2, Side.BOTH)).containsExactly(4, 9);
        assertThat(AtlasSelection.largest(atlas(), 2, Side.RIGHT)).containsExactly(4, 9);
        assertThat(AtlasSelection.largest(atlas(), 1, Side.RIGHT)).containsExactly(4);
        assertThat(AtlasSelection.renumber(atlas(), new int[] {9, 4}, Side.RIGHT).array()).containsExactly(2, 2, 1, 0, 0, 0);
    }

    @Test
    void missingOrRepeatedLabelsAreRejected() {
        assertThatThrownBy(() -> AtlasSelection.renumber(atlas(), new int[] {2}, Side.RIGHT)).hasMessageContaining("atlas label 2 has no voxel in the right hemisphere");
        assertThatThrownBy(() -> AtlasSelection.renumber(atlas(), new int[] {4, 4}, Side.BOTH)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> AtlasSelection.largest(atlas(), 3, Side.RIGHT)).hasMessageContaining("has 2 labels in the right hemisphere, 3 were asked for");
    }
}
