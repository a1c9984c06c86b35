// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

class NearestSliceInterpolationTest {
    private final Grid grid = SyntheticVolumes.grid(10, 10, 12);
    private final NearestSliceInterpolation nearest = new NearestSliceInterpolation();

    /** A small disk (label 1) on slice 2 and a big one on slice 8, along z. */
    private LabelVolume twoDisks() {
        double[] r = new double[12];
        java.util.Arrays.fill(r, -1);
        r[2] = 1.5;
        r[8] = 4;
        return SyntheticVolumes.disks(grid, SliceAxis.Z, 1, 4.5, 4.5, r);
    }

    @Test
    void copiesTheNearestAnnotatedSliceAndSwitchesAtTheMidpoint() {
        LabelVolume sparse = twoDisks();
        LabelVolume out = nearest.interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        long small = SyntheticVolumes.countOnSlice(sparse, SliceAxis.Z, 2, 1);
        long big = SyntheticVolumes.countOnSlice(sparse, SliceAxis.Z, 8, 1);
        assertThat(small).isLessThan(big);
        for (int s = 2; s <= 5; s++) assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, s, 1)).as("slice %d", s).isEqualTo(small);
        for (int s = 6; s <= 8; s++) assertThat(SyntheticVolumes.countOnSlice(out, SliceAxis.Z, s, 1)).as("slice %d", s).isEqualTo(big);
        assertThat(out.slice(SliceAxis.Z, 4).toArray()).containsExactly(sparse.slice(SliceAxis.Z, 2).toArray());
    }

    @Test
    void tieHalfWayGoesToTheLowerSlice() {
        LabelVolume sparse = SyntheticVolumes.keepSlices(SyntheticVolumes.overlay(
            SyntheticVolumes.box(grid, 1, 0, 0, 0, 9, 9, 5), SyntheticVolumes.box(grid, 2, 0, 0, 6, 9, 9, 11)), SliceAxis.Z, 3, 7);
        LabelVolume out = nearest.interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        assertThat(out.get(5, 5, 5)).isEqualTo(1);   // 5 is 2 from 3 and 2 from 7
        assertThat(out.get(5, 5, 6)).isEqualTo(2);
    }

    @Test
    void extrapolationCopiesTheOutermostSlicesOnlyWhenAsked() {
        LabelVolume sparse = twoDisks();
        LabelVolume plain = nearest.interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        LabelVolume extra = nearest.interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults().withExtrapolate(true));
        for (int s : new int[] {0, 1, 9, 10, 11}) assertThat(SyntheticVolumes.countOnSlice(plain, SliceAxis.Z, s, 1)).isZero();
        assertThat(extra.slice(SliceAxis.Z, 0).toArray()).containsExactly(sparse.slice(SliceAxis.Z, 2).toArray());
        assertThat(extra.slice(SliceAxis.Z, 11).toArray()).containsExactly(sparse.slice(SliceAxis.Z, 8).toArray());
    }

    @Test
    void labelAbsentOnAnAnnotatedSliceIsNotCarriedAcrossIt() {
        // label 1 on slices 0 and 10; slice 5 is annotated with label 2 only
        LabelVolume sparse = SyntheticVolumes.overlay(
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 1, 0, 0, 0, 3, 3, 11), SliceAxis.Z, 0, 10),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 2, 6, 6, 0, 9, 9, 11), SliceAxis.Z, 5));
        LabelVolume out = nearest.interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        assertThat(out.get(1, 1, 2)).isEqualTo(1);
        assertThat(out.get(1, 1, 3)).isZero();
        assertThat(out.get(1, 1, 7)).isZero();
        assertThat(out.get(1, 1, 8)).isEqualTo(1);
    }

    @Test
    void singleSliceLabelIsKeptOverItsNearestAnnotationTerritory() {
        // label 3 only on slice 6; annotated slices 2, 6, 10 (label 1 on 2 and 10)
        LabelVolume sparse = SyntheticVolumes.overlay(
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 1, 0, 0, 0, 2, 2, 11), SliceAxis.Z, 2, 10),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 3, 5, 5, 0, 8, 8, 11), SliceAxis.Z, 6));
        LabelVolume out = nearest.interpolate(sparse, SliceAxis.Z, InterpolationOptions.defaults());
        for (int s = 0; s < 12; s++)
            assertThat(out.get(6, 6, s)).as("slice %d", s).isEqualTo(s >= 5 && s <= 8 ? 3 : 0);
    }

    @Test
    void emptyAnnotationIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> nearest.interpolate(LabelVolume.empty(grid), SliceAxis.Z, InterpolationOptions.defaults()))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("no slice along axis Z is annotated");
    }
}
