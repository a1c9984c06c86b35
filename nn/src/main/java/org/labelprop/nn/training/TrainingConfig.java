// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import org.labelprop.nn.loss.LossPreset;
import org.labelprop.request.Budget;
import org.labelprop.request.TrainingRequest;

/**
 * Settings of training on one scan. Training stops after {@code maxSteps} optimiser steps, {@code epochs} epochs or
 * {@code maxSeconds} of wall time, whichever comes first. One epoch = one optimiser step per interval between
 * consecutive annotated slices (the chained constraint, both directions) plus enough unsupervised steps of
 * {@code batchPairs} neighbour pairs to cover every pair outside the annotated range, both directions, once.
 *
 * @param preset       loss weights (see {@link LossPreset})
 * @param epochs       maximum epochs (≥ 1)
 * @param maxSteps     maximum optimiser steps (≥ 0)
 * @param maxSeconds   wall-time limit in seconds (&gt; 0; {@code Double.POSITIVE_INFINITY} for none)
 * @param learningRate Adam learning rate (&gt; 0)
 * @param seed         seed of weight initialisation and of pair sampling
 * @param threads      libtorch intra-op threads; 0 = libtorch's default (all cores); export OMP_NUM_THREADS to match
 * @param batchPairs   neighbour pairs per unsupervised step (≥ 1)
 */
public record TrainingConfig(LossPreset preset, int epochs, int maxSteps, double maxSeconds, double learningRate, long seed,
                             int threads, int batchPairs) {
    /**
     * Epochs when the request gives neither steps nor seconds: the step count then follows from the scan (one epoch
     * covers every annotated interval and every pair outside them once), so the result does not depend on the machine.
     */
    public static final int AUTO_EPOCHS = 3;
    /**
     * Default learning rate: the paper's 5e-4 suits long runs; short training allows only about a hundred chained steps.
     */
    public static final double DEFAULT_LEARNING_RATE = 2e-3;
    /** Epoch limit when none is given: never reached in practice (steps or time stop first). */
    public static final int MAX_EPOCHS = 500;

    public TrainingConfig {
        if (preset == null) throw new IllegalArgumentException("loss preset is required (paper or mse)");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (maxSteps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + maxSteps);
        if (!(maxSeconds > 0)) throw new IllegalArgumentException("time limit must be > 0 seconds, got " + maxSeconds);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0 (0 = default), got " + threads);
        if (batchPairs < 1) throw new IllegalArgumentException("pairs per step must be >= 1, got " + batchPairs);
    }

    /** Paper preset, {@value #AUTO_EPOCHS} epochs, no time limit, learning rate 2e-3, seed 42, all cores, 8 pairs per step. */
    public static TrainingConfig defaults() { return of(TrainingRequest.defaults(), 42, 0); }

    /**
     * The configuration a request asks for: its steps and seconds (whichever comes first), else {@value #AUTO_EPOCHS}
     * epochs and no time limit.
     */
    public static TrainingConfig of(TrainingRequest t, long seed, int threads) {
        Budget b = t.budget();
        boolean auto = b.steps() == null && b.seconds() == null;
        return new TrainingConfig(LossPreset.valueOf(t.loss().name()), auto ? AUTO_EPOCHS : MAX_EPOCHS, b.stepsOr(Integer.MAX_VALUE),
            b.secondsOr(Double.POSITIVE_INFINITY), t.learningRate() > 0 ? t.learningRate() : DEFAULT_LEARNING_RATE, seed, threads, 8);
    }

    /** These settings with at most {@code e} epochs (dataset training counts epochs). */
    public TrainingConfig withEpochs(int e) { return new TrainingConfig(preset, e, maxSteps, maxSeconds, learningRate, seed, threads, batchPairs); }

    /** These settings with {@code b} pairs per unsupervised step. */
    public TrainingConfig withBatchPairs(int b) { return new TrainingConfig(preset, epochs, maxSteps, maxSeconds, learningRate, seed, threads, b); }
}
