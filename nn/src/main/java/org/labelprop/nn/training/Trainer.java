// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Adam;
import org.bytedeco.pytorch.AdamOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.pipeline.StopReason;
import org.labelprop.progress.ProgressListener;
import org.labelprop.progress.Stage;

/**
 * Trains a {@link SliceRegNet} on one scan, all labels at once: per epoch, one chained step per
 * interval between consecutive annotated slices ({@link ChainObjective}, which also holds the unsupervised terms of every
 * pair inside it) and unsupervised steps over the neighbour pairs outside the annotated range, both directions, in
 * shuffled batches of {@code batchPairs} (without annotations: every pair, i.e. unsupervised pretraining). Adam with AMSGrad, weight decay
 * 1e-8; one {@link PointerScope} per step so native memory stays flat. Progress stage {@link Stage#TRAINING}; cancellation by
 * interrupting the thread (checked before every step).
 */
public final class Trainer implements AutoCloseable {
    private final SliceRegNet net;
    private final TrainingConfig config;
    private final AdamOptions options;
    private final Adam adam;

    public Trainer(SliceRegNet net, TrainingConfig config) {
        NativeRuntime.init(config.threads());
        torch.manual_seed(config.seed());
        this.net = net;
        this.config = config;
        options = new AdamOptions(config.learningRate());
        options.weight_decay().put(1e-8);
        options.amsgrad().put(true);
        adam = new Adam(net.parameters(), options);
    }

    /** Trains with the step, epoch and time limits of the configuration. */
    public TrainingReport train(SliceStack scan, AnnotationStack annotations, ProgressListener progress) {
        return train(scan, annotations, progress, config.epochs(), config.maxSeconds());
    }

    /**
     * Trains for at most {@code epochs} epochs and {@code maxSeconds} seconds (used to share one optimiser across
     * several scans); {@code annotations} may be null (unsupervised).
     */
    public TrainingReport train(SliceStack scan, AnnotationStack annotations, ProgressListener progress, int epochs, double maxSeconds) {
        List<Integer> annotated = annotations == null ? List.of() : annotations.annotatedSlices();
        List<int[]> chunks = new ArrayList<>();
        for (int i = 0; i + 1 < annotated.size(); i++) chunks.add(new int[] {annotated.get(i), annotated.get(i + 1)});
        // unsupervised pairs: those outside the annotated range (all pairs without annotations), (slice i, direction
        // 0 = i→i+1, 1 = i+1→i). Inside the range the chained steps already hold every pair, both directions; measured on
        // the benchmark, adding small unsupervised batches there made the network-only fields worse (0.80 vs 0.85 Dice).
        List<int[]> free = new ArrayList<>();
        int first = chunks.isEmpty() ? Integer.MAX_VALUE : annotated.get(0);
        int last = chunks.isEmpty() ? Integer.MIN_VALUE : annotated.get(annotated.size() - 1);
        for (int i = 0; i + 1 < scan.slices(); i++)
            if (i < first || i >= last) { free.add(new int[] {i, 0}); free.add(new int[] {i, 1}); }
        int pairSteps = (free.size() + config.batchPairs() - 1) / config.batchPairs();
        long perEpoch = chunks.size() + pairSteps, total = Math.min(perEpoch * epochs, config.maxSteps());
        Random rng = new Random(config.seed());
        long start = System.nanoTime();
        int steps = 0, epoch = 0;
        // first and last loss over one epoch's worth of steps each: an epoch mixes chained steps and pair batches, whose
        // losses differ in scale (the chained Dice term), so a single step would not compare with an epoch's mean
        int window = (int) Math.max(1, Math.min(perEpoch, total));
        double[] head = new double[window], tail = new double[window];
        StopReason stop = StopReason.EPOCHS;
        try (ScanTensors t = new ScanTensors(scan, annotations)) {
            outer:
            for (; epoch < epochs; epoch++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < perEpoch; i++) order.add(i);
                Collections.shuffle(order, rng);
                Collections.shuffle(free, rng);
                for (int k : order) {
                    ProgressListener.checkCancelled();
                    if (steps >= config.maxSteps()) { stop = StopReason.STEPS; break outer; }
                    if (seconds(start) >= maxSeconds) { stop = StopReason.TIME_LIMIT; break outer; }
                    double loss;
                    if (k < chunks.size()) {
                        int[] c = chunks.get(k);
                        loss = step(() -> ChainObjective.loss(net, config.preset(), t, c[0], c[1]));
                    } else {
                        int from = (k - chunks.size()) * config.batchPairs();
                        List<int[]> batch = free.subList(from, Math.min(free.size(), from + config.batchPairs()));
                        loss = step(() -> pairLoss(t, batch));
                    }
                    if (steps < window) head[steps] = loss;
                    tail[steps++ % window] = loss;
                    double frac = Math.max((double) steps / total, seconds(start) / maxSeconds);
                    progress.update(Stage.TRAINING, Math.min(1000, Math.round(1000 * frac)), 1000);
                }
            }
        }
        int n = Math.min(steps, window);
        return new TrainingReport(steps, epoch, seconds(start), mean(head, n), mean(tail, n), stop);
    }

    private Tensor pairLoss(ScanTensors t, List<int[]> pairs) {
        long[] mov = new long[pairs.size()], fix = new long[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            int[] p = pairs.get(i);
            mov[i] = p[0] + p[1];
            fix[i] = p[0] + 1 - p[1];
        }
        Tensor m = t.images.index_select(0, Tensor.create(mov)), f = t.images.index_select(0, Tensor.create(fix));
        Tensor v = net.velocity(m, f);
        return org.labelprop.nn.training.PairObjective.loss(config.preset(), net.config().integrationSteps(), m, f, v, true, null);
    }

    /**
     * One optimiser step in its own native scope; returns the loss value. libtorch's CPU convolution backward now and then
     * returns NaN in the input gradient (measured: about 1 backward pass in 100 for a 16→2 channel 3×3 convolution of
     * 8×96×88 pixels, with oneDNN, NNPACK and OpenBLAS threading each ruled out; every other pass is bit-identical), which
     * would poison the weights for good. Such a pass is computed again, so a step is the same as on a machine where it
     * never happens; non-finite gradients on {@value #ATTEMPTS} attempts in a row are a real divergence and an error.
     */
    public double step(Supplier<Tensor> objective) {
        for (int attempt = 1; ; attempt++) {
            try (PointerScope scope = new PointerScope()) {
                Tensor loss = objective.get();
                adam.zero_grad();
                loss.backward();
                if (gradientsFinite()) {
                    adam.step();
                    return Tensors.item(loss);
                }
                if (attempt == ATTEMPTS)
                    throw new IllegalStateException("training diverged: non-finite gradients on " + ATTEMPTS
                        + " attempts of one step (loss " + Tensors.item(loss) + ")");
            }
        }
    }

    /** Attempts of one step before non-finite gradients count as divergence. */
    static final int ATTEMPTS = 4;

    private boolean gradientsFinite() {
        TensorVector params = net.parameters();
        for (long i = 0; i < params.size(); i++) {
            Tensor g = params.get(i).grad();
            if (g.defined() && !torch.isfinite(g).all().item_bool()) return false;
        }
        return true;
    }

    private static double mean(double[] a, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) sum += a[i];
        return n > 0 ? sum / n : Double.NaN;
    }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }

    @Override
    public void close() {
        adam.close();
        options.close();
    }
}
