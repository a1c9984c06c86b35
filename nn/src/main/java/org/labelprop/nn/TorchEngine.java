// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.labelprop.field.InPlaneScale;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.checkpoint.ShippedCheckpoint;
import org.labelprop.nn.checkpoint.TrainingInfo;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.training.AnnotationStack;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.nn.training.Trainer;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.nn.training.TrainingReport;
import org.labelprop.pipeline.DeepEngine;
import org.labelprop.pipeline.PreparedNetwork;
import org.labelprop.pipeline.SavableWeights;
import org.labelprop.pipeline.TrainingSummary;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.LossSetting;
import org.labelprop.request.Refinement;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.request.Weights;

/**
 * The deep method on libtorch: loads the requested weights (the shipped checkpoint, a stored one, or none) and trains
 * them on the scan when the request asks, keeping the network live for the registrar (no copy of the weights between
 * training and inference). All native memory is released when the {@link PreparedNetwork} is closed.
 */
public final class TorchEngine implements DeepEngine {
    private final Function<String, Path> checkpoints;
    private final int threads;

    /**
     * @param checkpoints where a stored checkpoint named in a request is (the CLI: the name is a path; the server: a
     *                    name in its checkpoint folder, validated there)
     * @param threads     libtorch threads, 0 = all cores
     */
    public TorchEngine(Function<String, Path> checkpoints, int threads) {
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        this.threads = threads;
    }

    /**
     * Returns free native memory to the system ({@link NativeRuntime#trim()}); for measurements that restart the peak
     * resident size between runs. True when memory was released.
     */
    public static boolean trimNativeMemory() { return NativeRuntime.trim(); }

    @Override
    public PreparedNetwork prepare(SegmentationRequest request, SparseScan scan, ProgressListener progressOrNull) throws IOException {
        ProgressListener progress = progressOrNull == null ? ProgressListener.NONE : progressOrNull;
        NativeRuntime.init(threads);
        Weights w = request.startWeights();
        Checkpoint start = ShippedCheckpoint.orStored(w, checkpoints);
        if (!request.trains()) {
            SliceRegNet net = start == null ? null : start.newNetwork();
            TrainingSummary dense = null;
            try {
                if (net != null && denseTraining(request, scan)) {
                    TrainingReport r = train(net, TrainingConfig.of(new TrainingRequest(request.refinement().denseTrainingSteps(), null,
                        LossSetting.PAPER, 0), request.seed(), threads), scan, progress).report();
                    dense = summary(w, r, null);
                }
            } catch (RuntimeException | Error e) {
                net.close();
                throw e;
            }
            Refinement refinement = dense == null ? request.refinement() : request.refinement().afterDenseTraining();
            return limit(new TorchNetwork(net, RegistrarConfig.of(refinement, net == null, threads), dense), request, scan);
        }
        TrainingConfig cfg = TrainingConfig.of(request.training(), request.seed(), threads);
        SliceRegNet net = start != null ? start.newNetwork() : new SliceRegNet(NetworkConfig.defaults().withSeed(request.seed()));
        try {
            Trained t = train(net, cfg, scan, progress);
            TrainingReport r = t.report();
            TrainingInfo info = new TrainingInfo(cfg.preset().name(), r.steps(), r.seconds(), r.lastLoss(), t.stack().paddedHeight(),
                t.stack().paddedWidth(), t.stack().axis().name());
            Checkpoint trained = Checkpoint.of(net, info);
            return limit(new TorchNetwork(net, RegistrarConfig.of(request.refinement(), false, threads),
                summary(w, r, file -> CheckpointStore.write(trained, file))), request, scan);
        } catch (RuntimeException | Error e) {
            net.close();
            throw e;
        }
    }

    /**
     * Whether a propagation (no training asked) first trains the starting network on the scan: its annotations are dense
     * ({@link org.labelprop.request.Refinement#trainsDense}, gaps in mm along the axis). The trained weights serve this
     * propagation only, like the refined fields: its summary has nothing to store.
     */
    static boolean denseTraining(SegmentationRequest request, SparseScan scan) {
        return request.refinement().trainsDense(scan.slices().slices(), scan.image().grid().spacing().along(scan.axis().index()));
    }

    /** The summary of training {@code r} from weights {@code w}; {@code weightsOrNull} null: nothing to store. */
    private static TrainingSummary summary(Weights w, TrainingReport r, SavableWeights weightsOrNull) {
        return new TrainingSummary(describe(w), r.steps(), r.seconds(), r.stopReason(), r.firstLoss(), r.lastLoss(), weightsOrNull);
    }

    /** What one training did and on which stack. */
    private record Trained(TrainingReport report, SliceStack stack) { }

    /**
     * Trains {@code net} on the scan's slices on the registration's working grid ({@link NetworkRegistrar#workingGrid}:
     * the native one unless slices are larger than {@value NetworkRegistrar#MAX_SIDE} px), the grid its fields are then
     * computed and refined on; hints only where that grid is the native one (as in refinement).
     */
    private static Trained train(SliceRegNet net, TrainingConfig cfg, SparseScan scan, ProgressListener progress) {
        InPlaneScale grid = InPlaneScale.fit(scan.image(), scan.axis(), NetworkRegistrar.MAX_SIDE, NetworkRegistrar.MIN_WORKING_PIXEL_MM);
        try (Trainer trainer = new Trainer(net, cfg)) {
            SliceStack stack = SliceStack.of(grid.shrink(scan.image()), scan.axis(), net.config().sizeMultiple());
            AnnotationStack annotations = AnnotationStack.of(grid.shrink(scan.annotation()), grid.identity() ? scan.hintsOrNull() : null, stack);
            return new Trained(trainer.train(stack, annotations, progress), stack);
        }
    }

    /**
     * Refinement constrained by the scan's annotations, and only on the pairs the propagation will read: between the
     * outermost annotated slices, unless it extrapolates or follows hints beyond them.
     */
    private static TorchNetwork limit(TorchNetwork n, SegmentationRequest request, SparseScan scan) {
        n.annotations(scan).flowBlend(request.refinement().flowBlend());
        int[] s = scan.slices().slices();
        if (request.inference().extrapolate() || scan.hintsOrNull() != null || s.length == 0) return n;
        return n.range(s[0], s[s.length - 1]);
    }

    private static String describe(Weights w) {
        return switch (w.kind()) {
            case SHIPPED -> "the shipped pretrained checkpoint";
            case NONE -> "random weights";
            case CHECKPOINT -> "checkpoint " + w.name();
        };
    }
}
