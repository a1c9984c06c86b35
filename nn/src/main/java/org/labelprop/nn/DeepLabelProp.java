// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import java.util.List;
import org.labelprop.nn.checkpoint.Checkpoint;
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
import org.labelprop.propagation.SliceRegistrar;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The entry points of the deep-learning part, for the CLI and the server: train a slice-registration network on one
 * scan (or pretrain it on several) and turn a checkpoint into a {@link SliceRegistrar} for core's propagation. Inputs
 * and outputs are plain Java (volumes, checkpoints); all native memory is released before each method returns.
 * Progress goes to the listener (stages "training", "fields", "refinement"); interrupting the calling thread cancels
 * with {@link java.util.concurrent.CancellationException}.
 */
public final class DeepLabelProp {
    private DeepLabelProp() { }

    /**
     * Trains on one scan (ORIGINAL §7.2, all labels at once): unsupervised neighbour pairs both directions plus, for every
     * pair of consecutive annotated slices, the chained constraint; scribbles add the hint term.
     *
     * @param image            the scan
     * @param sparse           complete annotations on a few slices along {@code axis} (0 = background), same grid
     * @param hintsOrNull      scribbles (k = label k, 255 = background) or null, same grid
     * @param axis             propagation axis
     * @param cfg              training settings (time budget, preset, threads, ...)
     * @param pretrainedOrNull starting weights (their architecture is kept) or null for the default architecture
     * @param progress         progress listener (stage "training")
     */
    public static TrainedModel train(Volume image, LabelVolume sparse, LabelVolume hintsOrNull, SliceAxis axis,
                                     TrainingConfig cfg, Checkpoint pretrainedOrNull, ProgressListener progress) {
        require(image != null && sparse != null && axis != null && cfg != null && progress != null,
            "image, sparse labels, axis, config and progress listener are required");
        check(image, sparse, "sparse label volume");
        if (hintsOrNull != null) check(image, hintsOrNull, "hint volume");
        NativeRuntime.init(cfg.threads());
        try (SliceRegNet net = network(pretrainedOrNull, cfg.seed()); Trainer trainer = new Trainer(net, cfg)) {
            SliceStack stack = SliceStack.of(image, axis, net.config().sizeMultiple());
            TrainingReport r = trainer.train(stack, AnnotationStack.of(sparse, hintsOrNull, stack), progress);
            return model(net, cfg, r, stack);
        }
    }

    /**
     * Unsupervised pretraining on several scans (ORIGINAL §7.3): neighbour pairs of every scan, both directions; one epoch
     * visits every scan once; the time budget and epochs of {@code cfg} apply to the whole run.
     */
    public static TrainedModel pretrain(List<Volume> volumes, SliceAxis axis, TrainingConfig cfg, Checkpoint pretrainedOrNull,
                                        ProgressListener progress) {
        require(volumes != null && !volumes.isEmpty(), "pretraining needs at least one volume");
        return trainDatasetImpl(volumes.stream().map(v -> new LabelledVolume(v, LabelVolume.empty(v.grid()))).toList(),
            axis, cfg, pretrainedOrNull, progress);
    }

    /** Training on several annotated scans in turn (ORIGINAL §7.5); limits of {@code cfg} apply to the whole run. */
    public static TrainedModel trainDataset(List<LabelledVolume> scans, SliceAxis axis, TrainingConfig cfg, Checkpoint pretrainedOrNull,
                                            ProgressListener progress) {
        require(scans != null && !scans.isEmpty(), "training on a dataset needs at least one scan");
        return trainDatasetImpl(scans, axis, cfg, pretrainedOrNull, progress);
    }

    /**
     * A registrar computing neighbour fields with the checkpoint's network (+ refinement per {@code cfg}). The network is
     * rebuilt from the (plain Java) checkpoint in each call and released afterwards, so the registrar holds no native memory.
     * With {@code cfg.fromZero()} the checkpoint may be null.
     */
    public static SliceRegistrar registrar(Checkpoint ckptOrNull, RegistrarConfig cfg) {
        require(cfg != null, "registrar config is required");
        require(ckptOrNull != null || cfg.fromZero(), "a checkpoint is required unless refinement starts from zero");
        return (image, axis, progress) -> {
            if (ckptOrNull == null) return new NetworkRegistrar(null, cfg).fields(image, axis, progress);
            try (SliceRegNet net = ckptOrNull.newNetwork()) {
                return new NetworkRegistrar(net, cfg).fields(image, axis, progress);
            }
        };
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
            String stop = "epochs";
            for (; epochs < cfg.epochs(); epochs++) {
                for (LabelledVolume s : scans) {
                    double left = cfg.maxSeconds() - (System.nanoTime() - start) / 1e9;
                    if (left <= 0) { stop = "time budget"; break; }
                    stack = SliceStack.of(s.image(), axis, net.config().sizeMultiple());
                    TrainingReport r = trainer.train(stack, AnnotationStack.of(s.labels(), null, stack), progress, 1, left);
                    if (Double.isNaN(first)) first = r.firstLoss();
                    // an epoch cut short by the budget before its first step reports NaN: keep the last real loss
                    if (!Double.isNaN(r.lastLoss())) last = r.lastLoss();
                    steps += r.steps();
                }
                if (stop.equals("time budget")) break;
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

    private static void check(Volume image, LabelVolume labels, String what) {
        String why = image.grid().mismatch(labels.grid(), what);
        if (why != null) throw new IllegalArgumentException(why);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
