// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.UserInputException;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.pipeline.PreparedNetwork;
import org.labelprop.pipeline.Segmentation;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.pipeline.SegmentationResult;
import org.labelprop.pipeline.StopReason;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.Refinement;
import org.labelprop.request.Budget;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class TorchEngineTest {
    static final Grid GRID = Grid.of(new Shape3(20, 6, 12), Spacing.isotropic(1));   // propagate along Y: 6 slices of 12×20
    static final TorchEngine ENGINE = new TorchEngine(Path::of, 2);

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

    static SegmentationRequest request(String weights, TrainingRequest training, Refinement refinement) {
        return new SegmentationRequest(Method.DEEP, "y", PropagationOptions.defaults(), refinement, weights, training, 42);
    }

    static SparseScan scan() { return SparseScan.of(image(), sparse(), null, SliceAxis.Y); }

    @Test
    void trainsThenGivesFieldsOnTheSliceGridWithTheLiveNetwork(@TempDir Path dir) throws Exception {
        List<Stage> stages = new ArrayList<>();
        SegmentationRequest r = request("none", TrainingRequest.of(Budget.steps(2)),
            Refinement.steps(2));
        try (PreparedNetwork net = ENGINE.prepare(r, scan(), (s, d, t) -> stages.add(s))) {
            assertThat(net.trainingOrNull().steps()).isEqualTo(2);
            assertThat(net.trainingOrNull().stopReason()).isEqualTo(StopReason.STEPS);
            assertThat(stages).contains(Stage.TRAINING);
            NeighbourFields f = net.registrar().fields(image(), SliceAxis.Y, ProgressListener.NONE);
            assertThat(f.slices()).isEqualTo(6);
            assertThat(f.up().get(0).height()).isEqualTo(12);
            assertThat(f.up().get(0).width()).isEqualTo(20);
            Path ckpt = dir.resolve("t.ckpt");
            net.trainingOrNull().weights().save(ckpt);
            assertThat(CheckpointStore.read(ckpt).training().axis()).isEqualTo("Y");
        }
    }

    @Test
    void theSameRequestGivesTheSameSegmentation() throws Exception {
        SegmentationRequest r = request("shipped", TrainingRequest.of(Budget.steps(3)),
            Refinement.steps(3));
        SegmentationInputs in = new SegmentationInputs(image(), sparse(), null);
        SegmentationResult a = Segmentation.run(r, in, ENGINE, null), b = Segmentation.run(r, in, ENGINE, null);
        assertThat(a.fused().array()).isEqualTo(b.fused().array());
        assertThat(a.uncertaintyOrNull().array()).isEqualTo(b.uncertaintyOrNull().array());
    }

    @Test
    void aPropagationFirstTrainsTheStartingNetworkOnlyWhereTheAnnotationsAreDense() throws Exception {
        Refinement dense = Refinement.steps(2).withDenseTrainingSteps(3);
        // slices 0 and 5 annotated, 1 mm apart: a 5 mm gap is dense; the trained weights are this propagation's only
        List<Stage> stages = new ArrayList<>();
        NeighbourFields trained;
        try (PreparedNetwork net = ENGINE.prepare(request("shipped", null, dense), scan(), (s, d, t) -> stages.add(s))) {
            assertThat(stages).contains(Stage.TRAINING);
            assertThat(net.trainingOrNull().steps()).isEqualTo(3);
            assertThat(net.trainingOrNull().savable()).isFalse();
            assertThat(net.trainingOrNull().describe()).contains("trained 3 steps", "for this run only");
            trained = net.registrar().fields(image(), SliceAxis.Y, ProgressListener.NONE);
        }
        try (PreparedNetwork quiet = ENGINE.prepare(request("shipped", null, dense), scan(), null)) {   // no listener: trains all the same
            assertThat(quiet.trainingOrNull().steps()).isEqualTo(3);
        }
        List<Stage> others = new ArrayList<>();
        NeighbourFields untrained = fields(request("shipped", null, dense.withDenseTrainingSteps(0)), scan(), others);
        assertThat(untrained.up().get(2).dxArray()).isNotEqualTo(trained.up().get(2).dxArray());
        // the same slices 5 mm apart: a 25 mm gap is long, so no training (and none without refinement either)
        Grid thick = Grid.of(GRID.shape(), new Spacing(1, 5, 1));
        SparseScan far = SparseScan.of(new Volume(thick, image().array()), new LabelVolume(thick, sparse().array()), null, SliceAxis.Y);
        fields(request("shipped", null, dense), far, others);
        fields(request("shipped", null, Refinement.steps(0).withDenseTrainingSteps(3)), scan(), others);
        assertThat(others).isNotEmpty().doesNotContain(Stage.TRAINING);
    }

    @Test
    void theAutomaticRefinementTakesFewerStepsAfterTheDenseTraining() throws Exception {
        assertThat(refinementSteps(Refinement.defaults().withDenseTrainingSteps(2))).isEqualTo(Refinement.DEFAULT_STEPS_AFTER_DENSE_TRAINING);
        assertThat(refinementSteps(Refinement.defaults().withDenseTrainingSteps(0))).isEqualTo(Refinement.DEFAULT_STEPS);
        assertThat(refinementSteps(Refinement.steps(7).withDenseTrainingSteps(2))).isEqualTo(7);   // a count given is kept
    }

    /** The step count the refinement stage reports for a propagation of the test scan (dense: a 5 mm gap). */
    private static long refinementSteps(Refinement r) throws Exception {
        long[] total = {-1};
        ProgressListener seen = (st, d, t) -> { if (st == Stage.REFINEMENT) total[0] = t; };
        try (PreparedNetwork net = ENGINE.prepare(request("shipped", null, r), scan(), seen)) {
            net.registrar().fields(image(), SliceAxis.Y, seen);
        }
        return total[0];
    }

    private static NeighbourFields fields(SegmentationRequest r, SparseScan s, List<Stage> stages) throws Exception {
        ProgressListener seen = (st, d, t) -> stages.add(st);
        try (PreparedNetwork net = ENGINE.prepare(r, s, seen)) {
            return net.registrar().fields(s.image(), SliceAxis.Y, seen);
        }
    }

    @Test
    void refinementFromZeroFindsTheOnePixelShift() {
        RegistrarConfig rc = RegistrarConfig.of(Refinement.steps(60), true, 2).withLearningRate(0.1);
        NeighbourFields f = new NetworkRegistrar(null, rc).fields(image(), SliceAxis.Y, ProgressListener.NONE);
        // up.get(0): moving slice 0 onto fixed 1; the disk moved +1 in x (columns), so fixed(p) = moving(p − 1): dx ≈ −1
        var up = f.up().get(0);
        assertThat((double) up.dx(8, 6)).isBetween(-1.4, -0.6);
        assertThat((double) Math.abs(up.dy(8, 6))).isLessThan(0.4);
        assertThat((double) f.down().get(0).dx(8, 6)).isBetween(0.6, 1.4);
    }

    @Test
    void pretrainingVisitsEveryScanOncePerEpoch() {
        TrainingConfig cfg = TrainingConfig.defaults().withEpochs(1).withBatchPairs(4);
        TrainedModel m = DeepLabelProp.pretrain(List.of(image(), image()), SliceAxis.Y, cfg, null, ProgressListener.NONE);
        assertThat(m.report().steps()).isEqualTo(6);      // per scan: 5 pairs × 2 directions in batches of 4 = 3 steps
        assertThat(m.report().epochs()).isEqualTo(1);
        assertThat(m.checkpoint().training().finalLoss()).isFinite();
    }

    @Test
    void aMissingCheckpointIsTheUsersErrorAndNamesTheFile(@TempDir Path dir) {
        String missing = dir.resolve("missing.ckpt").toString();
        assertThatThrownBy(() -> ENGINE.prepare(request(missing, null, Refinement.steps(0)), scan(), ProgressListener.NONE))
            .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("missing.ckpt");
        assertThatThrownBy(() -> request("", null, Refinement.defaults())).isInstanceOf(UserInputException.class)
            .hasMessageContaining("weights");
    }
}
