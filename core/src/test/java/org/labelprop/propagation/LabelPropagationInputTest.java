// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.labelprop.propagation.LabelPropagationTest.blank;
import static org.labelprop.propagation.PropagationFixtures.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.labelprop.field.DisplacementField;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

class LabelPropagationInputTest {
    static final Grid G = grid(12, 10, 8);
    static final LabelVolume SPARSE = PropagationFixtures.keepSlices(PropagationFixtures.movingDisk(G, 6, 5, 0, 0, 3, 1), 1, 6);

    static NeighbourFields identity(Volume image, SliceAxis axis) {
        return FakeRegistrar.identity().fields(image, axis, ProgressListener.NONE);
    }

    @Test
    void fieldsForAnotherSliceCountAreRejected() {
        NeighbourFields f = identity(blank(grid(12, 10, 5)), SliceAxis.Z);
        assertThatThrownBy(() -> LabelPropagation.run(SparseScan.of(blank(G), SPARSE, null, SliceAxis.Z), f, PropagationOptions.defaults(), null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cover 5 slices").hasMessageContaining("has 8");
    }

    @Test
    void fieldsOfTheWrongSliceSizeAreRejected() {
        List<DisplacementField> wrong = new ArrayList<>();
        for (int i = 0; i < 7; i++) wrong.add(DisplacementField.zero(12, 10));
        NeighbourFields f = new NeighbourFields(SliceAxis.Z, wrong, wrong);
        assertThatThrownBy(() -> LabelPropagation.run(SparseScan.of(blank(G), SPARSE, null, SliceAxis.Z), f, PropagationOptions.defaults(), null))
            .hasMessageContaining("12x10").hasMessageContaining("10x12");
    }

    @Test
    void emptyAnnotationAndMismatchedVolumesAreRejected() {
        NeighbourFields f = identity(blank(G), SliceAxis.Z);
        assertThatThrownBy(() -> SparseScan.of(blank(G), LabelVolume.empty(G), null, SliceAxis.Z))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("no labelled voxel");
        assertThatThrownBy(() -> SparseScan.of(blank(G), SPARSE, new Hints(LabelVolume.empty(grid(12, 10, 9))), SliceAxis.Z))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("hint volume").hasMessageContaining("12x10x9");
        assertThatThrownBy(() -> new PropagationOptions(PropagationOptions.Fusion.AUTO, 1, PropagationOptions.WarpMode.SEQUENTIAL, false, 8, 1, 1, PropagationOptions.Background.ONE_MINUS_MAX, 1, 0)).hasMessageContaining("8");
        for (double w : new double[] {0, -0.5, 2.5, Double.NaN})
            assertThatThrownBy(() -> PropagationOptions.defaults().withBackgroundWeight(w))
                .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("backgroundWeight").hasMessageContaining("(0, 2]");
    }

    @Test
    void propagatesAlongAnyAxis() {
        // slices along y: rows are z, columns are x; a bar on y = 1 and y = 8 fills the y slices between
        NeighbourFields f = identity(blank(G), SliceAxis.Y);
        int[] d = new int[G.shape().voxels()];
        PropagationFixtures.fill(d, G.shape(), 2, 3, 7, 1, 2, 4);   // z = 2, y = 1
        PropagationFixtures.fill(d, G.shape(), 2, 3, 7, 8, 9, 4);   // z = 2, y = 8
        PropagationResult r = LabelPropagation.run(SparseScan.of(blank(G), new LabelVolume(G, d), null, SliceAxis.Y), f,
            PropagationOptions.defaults().withFusion(PropagationOptions.Fusion.DISTANCE), null);
        for (int y = 1; y <= 8; y++) assertThat(r.fused().get(5, y, 2)).isEqualTo(4);
        assertThat(r.fused().get(5, 0, 2)).isZero();
        assertThat(r.fused().get(5, 4, 3)).isZero();
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        NeighbourFields f = identity(blank(G), SliceAxis.Z);
        List<long[]> seen = new ArrayList<>();
        LabelPropagation.run(SparseScan.of(blank(G), SPARSE, null, SliceAxis.Z), f, PropagationOptions.defaults().withExtrapolate(true),
            (stage, done, total) -> { assertThat(stage).isEqualTo(org.labelprop.progress.Stage.PROPAGATION); seen.add(new long[] {done, total}); });
        // 4 slices between 1 and 6 walked twice, 1 below and 1 above once
        assertThat(seen).hasSize(10);
        assertThat(seen.get(9)).containsExactly(10, 10);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> LabelPropagation.run(SparseScan.of(blank(G), SPARSE, null, SliceAxis.Z), f, PropagationOptions.defaults(), null))
                .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
