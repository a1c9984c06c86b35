// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.loss.LossPreset;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class TrainerTest {
    static { NativeRuntime.init(2); }

    static float[] blob(int n, double cy, double cx) {
        float[] a = new float[n * n];
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++) a[y * n + x] = (float) Math.exp(-((y - cy) * (y - cy) + (x - cx) * (x - cx)) / 30.0);
        return a;
    }

    @Test
    void oneStepLowersTheLossOnAShiftedPair() {
        TrainingConfig cfg = TrainingConfig.defaults();
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults()); Trainer trainer = new Trainer(net, cfg);
             PointerScope scope = new PointerScope()) {
            Tensor m = Tensors.of(blob(32, 14, 14), 1, 1, 32, 32), f = Tensors.of(blob(32, 17, 15), 1, 1, 32, 32);
            java.util.function.Supplier<Tensor> loss = () -> PairObjective.loss(LossPreset.MSE, 7, m, f, net.velocity(m, f), true, null);
            double before;
            try (NoGradGuard g = new NoGradGuard()) { before = Tensors.item(loss.get()); }
            double first = trainer.step(loss);
            double after;
            try (NoGradGuard g = new NoGradGuard()) { after = Tensors.item(loss.get()); }
            assertThat(first).isEqualTo(before, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(after).isLessThan(before);
        }
    }

    /** A 16×16×6 drifting-disc scan and its annotations (see {@link #discScan}). */
    private record DiscScan(SliceStack stack, AnnotationStack annotations) { }

    /** A 16×16×6 scan of a drifting disc (label 3), annotated on {@code annotated} slices along z: the stack and its annotations. */
    private static DiscScan discScan(int... annotated) {
        Grid g = Grid.of(new Shape3(16, 16, 6), Spacing.isotropic(1));
        float[] img = new float[16 * 16 * 6];
        int[] lab = new int[img.length];
        java.util.Set<Integer> marked = new java.util.HashSet<>();
        for (int z : annotated) marked.add(z);
        for (int z = 0; z < 6; z++)
            for (int y = 0; y < 16; y++)
                for (int x = 0; x < 16; x++) {
                    boolean in = (x - 6 - z * 0.5) * (x - 6 - z * 0.5) + (y - 8) * (y - 8) < 12;
                    img[x + 16 * (y + 16 * z)] = in ? 1 : 0;
                    if (marked.contains(z) && in) lab[x + 16 * (y + 16 * z)] = 3;
                }
        SliceStack stack = SliceStack.of(new Volume(g, img), SliceAxis.Z, 8);
        return new DiscScan(stack, AnnotationStack.of(new LabelVolume(g, lab), null, stack));
    }

    @Test
    void theFirstAndLastLossAreMeansOverAnEpochsWorthOfSteps() {
        DiscScan scan = discScan(0, 2, 5);   // two chained steps per epoch
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults());
             Trainer trainer = new Trainer(net, TrainingConfig.defaults().withEpochs(1))) {
            TrainingReport r = trainer.train(scan.stack(), scan.annotations(), (s, d, t) -> { });
            assertThat(r.steps()).isEqualTo(2);
            // one epoch: both are the mean of the same two steps (a chained step's loss alone would differ from it)
            assertThat(r.firstLoss()).isFinite().isEqualTo(r.lastLoss());
        }
    }

    @Test
    void trainsOnATinyAnnotatedScanAndStopsAtTheEpochLimit() {
        DiscScan scan = discScan(0, 5);
        SliceStack stack = scan.stack();
        AnnotationStack ann = scan.annotations();
        assertThat(ann.annotatedSlices()).containsExactly(0, 5);
        TrainingConfig cfg = TrainingConfig.defaults().withEpochs(2).withBatchPairs(4);
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults()); Trainer trainer = new Trainer(net, cfg)) {
            TrainingReport r = trainer.train(stack, ann, (s, d, t) -> assertThat(s).isEqualTo(org.labelprop.progress.Stage.TRAINING));
            assertThat(r.epochs()).isEqualTo(2);
            assertThat(r.steps()).isEqualTo(2);           // one chained step per epoch, no pair outside the annotated range
            assertThat(r.stopReason()).isEqualTo(org.labelprop.pipeline.StopReason.EPOCHS);
            assertThat(r.lastLoss()).isFinite();
        }
    }

    @Test
    void anInterruptedThreadCancelsTraining() {
        Grid g = Grid.of(new Shape3(8, 8, 3), Spacing.isotropic(1));
        SliceStack stack = SliceStack.of(new Volume(g, new float[192]), SliceAxis.Z, 8);
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults()); Trainer trainer = new Trainer(net, TrainingConfig.defaults())) {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> trainer.train(stack, null, (s, d, t) -> { })).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
