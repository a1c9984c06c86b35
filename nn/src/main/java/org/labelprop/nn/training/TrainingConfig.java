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
    /** Wall-time limit when the request gives neither steps nor seconds, s. */
    public static final double DEFAULT_SECONDS = 90;
    /**
     * Default learning rate: the paper's 5e-4 suits long runs; a 90 s budget allows only about 100 chained steps.
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

    /** Paper preset, no step limit, {@value #DEFAULT_SECONDS} s, learning rate 2e-3, seed 42, all cores, 8 pairs per step. */
    public static TrainingConfig defaults() { return of(TrainingRequest.defaults(), 42, 0); }

    /**
     * The configuration a request asks for: its steps (none = no step limit) and seconds (none = no time limit when steps
     * are given, else {@value #DEFAULT_SECONDS} s).
     */
    public static TrainingConfig of(TrainingRequest t, long seed, int threads) {
        Budget b = t.budget();
        double seconds = b.seconds() != null ? b.seconds() : b.steps() != null ? Double.POSITIVE_INFINITY : DEFAULT_SECONDS;
        return new TrainingConfig(LossPreset.valueOf(t.loss().name()), MAX_EPOCHS, b.stepsOr(Integer.MAX_VALUE), seconds,
            t.learningRate() > 0 ? t.learningRate() : DEFAULT_LEARNING_RATE, seed, threads, 8);
    }

    /** These settings with at most {@code e} epochs (dataset training counts epochs). */
    public TrainingConfig withEpochs(int e) { return new TrainingConfig(preset, e, maxSteps, maxSeconds, learningRate, seed, threads, batchPairs); }

    /** These settings with {@code b} pairs per unsupervised step. */
    public TrainingConfig withBatchPairs(int b) { return new TrainingConfig(preset, epochs, maxSteps, maxSeconds, learningRate, seed, threads, b); }
}
