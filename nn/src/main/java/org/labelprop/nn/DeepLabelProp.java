// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import java.util.List;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.pipeline.StopReason;
import org.labelprop.nn.checkpoint.TrainingInfo;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.training.AnnotationStack;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.nn.training.Trainer;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.nn.training.TrainingReport;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * Training on several scans, for {@code pretrain} and {@code train-dataset}: unsupervised pretraining, or supervised
 * training on annotated scans, producing a checkpoint to start from later. (Training on the scan being segmented is
 * {@link TorchEngine}'s.) Inputs and outputs are plain Java (volumes, checkpoints); all native memory is released before
 * each method returns. Progress stage {@link org.labelprop.progress.Stage#TRAINING}; interrupting the calling thread
 * cancels with {@link java.util.concurrent.CancellationException}.
 */
public final class DeepLabelProp {
    private DeepLabelProp() { }

    /**
     * Unsupervised pretraining on several scans: neighbour pairs of every scan, both directions; one epoch
     * visits every scan once; the time budget and epochs of {@code cfg} apply to the whole run.
     */
    public static TrainedModel pretrain(List<Volume> volumes, SliceAxis axis, TrainingConfig cfg, Checkpoint pretrainedOrNull,
                                        ProgressListener progress) {
        require(volumes != null && !volumes.isEmpty(), "pretraining needs at least one volume");
        return trainDatasetImpl(volumes.stream().map(v -> new LabelledVolume(v, LabelVolume.empty(v.grid()))).toList(),
            axis, cfg, pretrainedOrNull, progress);
    }

    /** Training on several annotated scans in turn; limits of {@code cfg} apply to the whole run. */
    public static TrainedModel trainDataset(List<LabelledVolume> scans, SliceAxis axis, TrainingConfig cfg, Checkpoint pretrainedOrNull,
                                            ProgressListener progress) {
        require(scans != null && !scans.isEmpty(), "training on a dataset needs at least one scan");
        return trainDatasetImpl(scans, axis, cfg, pretrainedOrNull, progress);
    }

    private static TrainedModel trainDatasetImpl(List<LabelledVolume> scans, SliceAxis axis, TrainingConfig cfg,
                                                 Checkpoint pretrainedOrNull, ProgressListener progress) {
        require(axis != null && cfg != null && progress != null, "axis, config and progress listener are required");
        NativeRuntime.init(cfg.threads());
        long start = System.nanoTime();
        try (SliceRegNet net = network(pretrainedOrNull, cfg.seed()); Trainer trainer = new Trainer(net, cfg)) {
            int steps = 0, epochs = 0;
            double first = Double.NaN, last = Double.NaN;
            SliceStack stack = null;
            StopReason stop = StopReason.EPOCHS;
            for (; epochs < cfg.epochs(); epochs++) {
                for (LabelledVolume s : scans) {
                    double left = cfg.maxSeconds() - (System.nanoTime() - start) / 1e9;
                    if (left <= 0) { stop = StopReason.TIME_LIMIT; break; }
                    stack = SliceStack.of(s.image(), axis, net.config().sizeMultiple());
                    TrainingReport r = trainer.train(stack, AnnotationStack.of(s.labels(), null, stack), progress, 1, left);
                    if (Double.isNaN(first)) first = r.firstLoss();
                    // an epoch cut short by the budget before its first step reports NaN: keep the last real loss
                    if (!Double.isNaN(r.lastLoss())) last = r.lastLoss();
                    steps += r.steps();
                }
                if (stop == StopReason.TIME_LIMIT) break;
            }
            TrainingReport report = new TrainingReport(steps, epochs, (System.nanoTime() - start) / 1e9, first, last, stop);
            return model(net, cfg, report, stack);
        }
    }

    private static SliceRegNet network(Checkpoint pretrainedOrNull, long seed) {
        return pretrainedOrNull != null ? pretrainedOrNull.newNetwork() : new SliceRegNet(NetworkConfig.defaults().withSeed(seed));
    }

    private static TrainedModel model(SliceRegNet net, TrainingConfig cfg, TrainingReport r, SliceStack stack) {
        TrainingInfo info = new TrainingInfo(cfg.preset().name(), r.steps(), r.seconds(), r.lastLoss(),
            stack == null ? 0 : stack.paddedHeight(), stack == null ? 0 : stack.paddedWidth(), stack == null ? "-" : stack.axis().name());
        return new TrainedModel(Checkpoint.of(net, info), r);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
