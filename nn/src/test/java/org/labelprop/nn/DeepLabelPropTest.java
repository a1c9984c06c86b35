// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class DeepLabelPropTest {
    static final Grid GRID = Grid.of(new Shape3(20, 6, 12), Spacing.isotropic(1));   // propagate along Y: 6 slices of 12×20

    /** A disk moving 1 px per slice along x, annotated (label 2) on slices y = 0 and 5. */
    static Volume image() {
        float[] a = new float[GRID.shape().voxels()];
        for (int z = 0; z < 12; z++) for (int y = 0; y < 6; y++) for (int x = 0; x < 20; x++)
            a[GRID.shape().index(x, y, z)] = (x - 7 - y) * (x - 7 - y) + (z - 6) * (z - 6) < 10 ? 1f : 0.1f;
        return new Volume(GRID, a);
    }

    static LabelVolume sparse() {
        int[] l = new int[GRID.shape().voxels()];
        for (int z = 0; z < 12; z++) for (int y : new int[] {0, 5}) for (int x = 0; x < 20; x++)
            if ((x - 7 - y) * (x - 7 - y) + (z - 6) * (z - 6) < 10) l[GRID.shape().index(x, y, z)] = 2;
        return new LabelVolume(GRID, l);
    }

    @Test
    void trainsThenGivesFieldsOnTheSliceGridForEveryMode() {
        List<String> stages = new ArrayList<>();
        TrainingConfig cfg = TrainingConfig.defaults().withEpochs(2).withThreads(2).withBatchPairs(10);
        TrainedModel m = DeepLabelProp.train(image(), sparse(), null, SliceAxis.Y, cfg, null, (s, d, t) -> stages.add(s));
        assertThat(m.report().steps()).isEqualTo(2);      // one chained step per epoch, no pair outside the annotated range
        assertThat(m.checkpoint().training().axis()).isEqualTo("Y");
        assertThat(stages).contains("training");
        for (RegistrarConfig rc : List.of(RegistrarConfig.networkOnly(), RegistrarConfig.defaults().withRefineSteps(2),
                                          RegistrarConfig.defaults().withFromZero(true).withRefineSteps(2))) {
            NeighbourFields f = DeepLabelProp.registrar(rc.fromZero() ? null : m.checkpoint(), rc)
                .fields(image(), SliceAxis.Y, ProgressListener.NONE);
            assertThat(f.slices()).isEqualTo(6);
            assertThat(f.up().get(0).height()).isEqualTo(12);
            assertThat(f.up().get(0).width()).isEqualTo(20);
        }
    }

    @Test
    void refinementFromZeroFindsTheOnePixelShift() {
        RegistrarConfig rc = RegistrarConfig.defaults().withFromZero(true).withRefineSteps(60).withLearningRate(0.1).withThreads(2);
        NeighbourFields f = DeepLabelProp.registrar(null, rc).fields(image(), SliceAxis.Y, ProgressListener.NONE);
        // up.get(0): moving slice 0 onto fixed 1; the disk moved +1 in x (columns), so fixed(p) = moving(p − 1): dx ≈ −1
        var up = f.up().get(0);
        assertThat((double) up.dx(8, 6)).isBetween(-1.4, -0.6);
        assertThat((double) Math.abs(up.dy(8, 6))).isLessThan(0.4);
        assertThat((double) f.down().get(0).dx(8, 6)).isBetween(0.6, 1.4);
    }

    @Test
    void pretrainingVisitsEveryScanOncePerEpoch() {
        TrainingConfig cfg = TrainingConfig.defaults().withEpochs(1).withThreads(2).withBatchPairs(4);
        TrainedModel m = DeepLabelProp.pretrain(List.of(image(), image()), SliceAxis.Y, cfg, null, ProgressListener.NONE);
        assertThat(m.report().steps()).isEqualTo(6);      // per scan: 5 pairs × 2 directions in batches of 4 = 3 steps
        assertThat(m.report().epochs()).isEqualTo(1);
        assertThat(m.checkpoint().training().finalLoss()).isFinite();
    }

    @Test
    void labelsOnAnotherGridAreRejectedWithAClearMessage() {
        LabelVolume other = LabelVolume.empty(Grid.of(new Shape3(20, 6, 11), Spacing.isotropic(1)));
        assertThatThrownBy(() -> DeepLabelProp.train(image(), other, null, SliceAxis.Y, TrainingConfig.defaults(), null,
            ProgressListener.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20x6x11");
    }
}
