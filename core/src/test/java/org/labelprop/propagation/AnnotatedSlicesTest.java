// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

class AnnotatedSlicesTest {
    private final Grid grid = SyntheticVolumes.grid(6, 5, 20);

    /** Label 1 on slices 2, 10, 18 along z; label 3 on slice 10 only; label 2 on slices 2 and 18 (absent on 10). */
    private LabelVolume sparse() {
        return SyntheticVolumes.overlay(
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 1, 0, 0, 0, 1, 1, 19), SliceAxis.Z, 2, 10, 18),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 2, 3, 3, 0, 4, 4, 19), SliceAxis.Z, 2, 18),
            SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 3, 5, 0, 0, 5, 0, 19), SliceAxis.Z, 10));
    }

    @Test
    void collectsAnnotatedSlicesAndPerLabelSlices() {
        AnnotatedSlices a = AnnotatedSlices.of(sparse(), SliceAxis.Z);
        assertThat(a.slices()).containsExactly(2, 10, 18);
        assertThat(a.labels()).containsExactly(1, 2, 3);
        assertThat(a.slicesOf(1)).containsExactly(2, 10, 18);
        assertThat(a.slicesOf(2)).containsExactly(2, 18);
        assertThat(a.slicesOf(3)).containsExactly(10);
        assertThat(a.slicesOf(7)).isEmpty();
        assertThat(a.firstSlice()).isEqualTo(2);
        assertThat(a.lastSlice()).isEqualTo(18);
        assertThat(a.isPresent(2, 10)).isFalse();
        assertThat(a.sliceCount()).isEqualTo(20);
    }

    @Test
    void singleSliceLabelIsReportedNotDropped() {
        AnnotatedSlices a = AnnotatedSlices.of(sparse(), SliceAxis.Z);
        assertThat(a.coverage(3)).isEqualTo(LabelCoverage.SINGLE_SLICE);
        assertThat(a.coverage(2)).isEqualTo(LabelCoverage.RANGE);
        assertThat(a.statuses()).hasSize(3);
        assertThat(a.statuses().get(2).toString()).startsWith("label 3: slices [10] -> single-slice");
        assertThatThrownBy(() -> a.coverage(9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 9");
    }

    @Test
    void nearestAnnotatedSwitchesAtTheMidpointWithTiesToTheLowerSlice() {
        AnnotatedSlices a = AnnotatedSlices.of(sparse(), SliceAxis.Z);
        assertThat(a.nearestAnnotated(5, false)).isEqualTo(2);
        assertThat(a.nearestAnnotated(6, false)).isEqualTo(2);   // tie between 2 and 10
        assertThat(a.nearestAnnotated(7, false)).isEqualTo(10);
        assertThat(a.nearestAnnotated(10, false)).isEqualTo(10);
        assertThat(a.nearestAnnotated(1, false)).isEqualTo(-1);
        assertThat(a.nearestAnnotated(1, true)).isEqualTo(2);
        assertThat(a.nearestAnnotated(19, true)).isEqualTo(18);
    }

    @Test
    void worksAlongEveryAxis() {
        LabelVolume sparse = SyntheticVolumes.keepSlices(SyntheticVolumes.box(grid, 4, 0, 0, 0, 5, 4, 19), SliceAxis.X, 1, 4);
        assertThat(AnnotatedSlices.of(sparse, SliceAxis.X).slices()).containsExactly(1, 4);
        assertThat(AnnotatedSlices.of(sparse, SliceAxis.Y).slices()).containsExactly(0, 1, 2, 3, 4);
        assertThat(AnnotatedSlices.of(sparse, SliceAxis.Z).sliceCount()).isEqualTo(20);
    }

    @Test
    void emptyAnnotationHasNoFirstSlice() {
        AnnotatedSlices a = AnnotatedSlices.of(LabelVolume.empty(grid), SliceAxis.Z);
        assertThat(a.isEmpty()).isTrue();
        assertThatThrownBy(a::firstSlice).isInstanceOf(IllegalStateException.class).hasMessageContaining("no slice");
    }

    @Test
    void constructorRejectsInconsistentLists() {
        assertThatThrownBy(() -> new AnnotatedSlices(SliceAxis.Z, 10, new int[] {3, 2}, new int[0], new int[0][]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new AnnotatedSlices(SliceAxis.Z, 10, new int[] {2}, new int[] {1}, new int[][] {{5}}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not annotated");
    }

    @Test
    void returnedArraysAreCopies() {
        AnnotatedSlices a = AnnotatedSlices.of(sparse(), SliceAxis.Z);
        a.slices()[0] = 99;
        a.slicesOf(1)[0] = 99;
        assertThat(a.firstSlice()).isEqualTo(2);
        assertThat(a.slicesOf(1)[0]).isEqualTo(2);
    }
}
