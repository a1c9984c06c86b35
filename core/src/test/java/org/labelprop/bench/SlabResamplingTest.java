// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class SlabResamplingTest {
    final Grid grid = SyntheticVolumes.grid(2, 7, 2, new Spacing(1, 0.8, 1));
    final SlabResampling slabs = new SlabResampling(SliceAxis.Y, 3);

    @Test
    void slabsOfThreeAlongYAverageTheImageAndDropTheRemainder() {
        float[] v = new float[grid.shape().voxels()];
        for (int i = 0; i < v.length; i++) v[i] = (i / 2) % 7;   // index = x + 2 (y + 7 z): the value is y
        Volume thick = slabs.image(new Volume(grid, v));
        assertThat(thick.shape().toString()).isEqualTo("2x2x2");
        assertThat(thick.get(1, 0, 1)).isEqualTo(1f);
        assertThat(thick.get(0, 1, 0)).isEqualTo(4f);
        assertThat(thick.grid().spacing().yMm()).isCloseTo(2.4, org.assertj.core.api.Assertions.within(1e-12));
        // voxel y = 1 of the thick grid sits where thin voxel y = 4 sat
        assertThat(thick.grid().affine().apply(0, 1, 0)).containsExactly(grid.affine().apply(0, 4, 0));
        assertThat(thick.grid().header().sform().maxAbsDiff(thick.grid().affine())).isZero();
    }

    @Test
    void labelsTakeTheSlabMajorityTiesToTheLowerLabel() {
        int[] l = new int[grid.shape().voxels()];
        int[] column = {5, 5, 0, 7, 0, 3, 9};  // slab 0: two 5s; slab 1: 7, 0, 3 all tied
        for (int y = 0; y < 7; y++) l[grid.shape().index(0, y, 0)] = column[y];
        LabelVolume thick = slabs.labels(new LabelVolume(grid, l));
        assertThat(thick.get(0, 0, 0)).isEqualTo(5);
        assertThat(thick.get(0, 1, 0)).isZero();
    }

    @Test
    void tooFewSlicesForOneSlabAreRejected() {
        assertThatThrownBy(() -> new SlabResampling(SliceAxis.Z, 3).grid(grid)).hasMessageContaining("axis 2 has 2 slices, fewer than one slab of 3");
    }
}
