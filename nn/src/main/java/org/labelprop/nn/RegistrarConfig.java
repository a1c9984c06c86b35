// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.nn.loss.LossPreset;

/**
 * How {@link NetworkRegistrar} computes neighbour fields: the network's velocities (batched, inference mode), then
 * optionally per-pair refinement (instance optimisation): Adam steps on each pair's velocity, all pairs batched, minimising
 * the unsupervised loss {@code sim(f, warp(m, exp v)) + smoothness · Grad(v)} of {@code preset}.
 *
 * @param refineSteps   refinement steps; −1 = as many as fit in {@code refineSeconds} (capped at {@link #MAX_AUTO_STEPS})
 * @param refineSeconds time budget of refinement when {@code refineSteps} is −1
 * @param learningRate  Adam learning rate of refinement (pixels per step, roughly)
 * @param fromZero      ignore the network and optimise every velocity from zero ("refinement from zero")
 * @param preset        similarity and smoothness weight of refinement
 * @param batchPairs    pairs per forward pass of the network
 * @param threads       libtorch threads (0 = default)
 * @param coarseFraction share of the refinement steps (or time) spent first at half resolution (images averaged 2×2,
 *                      velocity halved, then upsampled bilinearly and doubled); in [0, 1)
 * @param smoothness    weight of Grad(v) in refinement; NaN = the preset's
 */
public record RegistrarConfig(int refineSteps, double refineSeconds, double learningRate, boolean fromZero, LossPreset preset,
                              int batchPairs, int threads, double coarseFraction, double smoothness) {
    /**
     * Default refinement budget from a network, s. Measured on the benchmark (mean Dice 3 slices / every 10th, shipped
     * pretrained start, 90 s training): 5 s 0.783 / 0.874 (2 runs), 10 s 0.781 / 0.873, 20 s 0.775 / 0.873 (4 runs);
     * from scratch 5 s 0.772 / 0.870 against 20 s 0.773 / 0.872 (5 runs). Longer refinement pulls a good network's
     * fields towards pure intensity matching and gives back what training on the annotations won.
     */
    public static final double DEFAULT_SECONDS = 5;
    /** Default budget of optimisation from zero, s (it has no network to start from). */
    public static final double FROM_ZERO_SECONDS = 20;
    /** Upper bound of automatically chosen refinement steps. */
    public static final int MAX_AUTO_STEPS = 200;

    public RegistrarConfig {
        if (refineSteps < -1) throw new IllegalArgumentException("refinement steps must be >= -1 (-1 = from the time budget), got " + refineSteps);
        if (refineSteps == -1 && !(refineSeconds >= 0)) throw new IllegalArgumentException("refinement time budget must be >= 0 s, got " + refineSeconds);
        if (!(learningRate > 0)) throw new IllegalArgumentException("refinement learning rate must be > 0, got " + learningRate);
        if (preset == null) throw new IllegalArgumentException("refinement loss preset is required");
        if (batchPairs < 1) throw new IllegalArgumentException("pairs per forward pass must be >= 1, got " + batchPairs);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        if (!(coarseFraction >= 0 && coarseFraction < 1))
            throw new IllegalArgumentException("coarse fraction must be within [0, 1), got " + coarseFraction);
        if (smoothness < 0) throw new IllegalArgumentException("smoothness weight must be >= 0 (NaN = preset's), got " + smoothness);
    }

    /** The smoothness weight in force. */
    public double effectiveSmoothness() { return Double.isNaN(smoothness) ? preset.smoothness() : smoothness; }

    /**
     * Network fields refined for up to {@value #DEFAULT_SECONDS} s (at most {@value #MAX_AUTO_STEPS} steps): paper similarity (NCC 9×9) with
     * smoothness 0.3, learning rate 0.2, the first half at half resolution. Chosen on the benchmark (100 steps from zero,
     * mean Dice 3 slices / every 10th): smoothness 1 → 0.756 / 0.853, 0.3 → 0.766 / 0.856, 0.1 → 0.757 / 0.853;
     * learning rate 0.05 at full resolution only → 0.738 (3 slices).
     */
    public static RegistrarConfig defaults() { return new RegistrarConfig(-1, DEFAULT_SECONDS, 0.2, false, LossPreset.PAPER, 32, 0, 0.5, 0.3); }

    /** Per-pair optimisation from zero (no network) for up to {@value #FROM_ZERO_SECONDS} s. */
    public static RegistrarConfig fromZeroDefaults() { return defaults().withFromZero(true).withRefineSeconds(FROM_ZERO_SECONDS); }

    /** The network's fields only. */
    public static RegistrarConfig networkOnly() { return defaults().withRefineSteps(0); }

    public RegistrarConfig withRefineSteps(int n) { return new RegistrarConfig(n, refineSeconds, learningRate, fromZero, preset, batchPairs, threads, coarseFraction, smoothness); }

    public RegistrarConfig withRefineSeconds(double s) { return new RegistrarConfig(refineSteps, s, learningRate, fromZero, preset, batchPairs, threads, coarseFraction, smoothness); }

    public RegistrarConfig withLearningRate(double lr) { return new RegistrarConfig(refineSteps, refineSeconds, lr, fromZero, preset, batchPairs, threads, coarseFraction, smoothness); }

    public RegistrarConfig withFromZero(boolean z) { return new RegistrarConfig(refineSteps, refineSeconds, learningRate, z, preset, batchPairs, threads, coarseFraction, smoothness); }

    public RegistrarConfig withPreset(LossPreset p) { return new RegistrarConfig(refineSteps, refineSeconds, learningRate, fromZero, p, batchPairs, threads, coarseFraction, smoothness); }

    public RegistrarConfig withThreads(int t) { return new RegistrarConfig(refineSteps, refineSeconds, learningRate, fromZero, preset, batchPairs, t, coarseFraction, smoothness); }

    public RegistrarConfig withCoarseFraction(double f) { return new RegistrarConfig(refineSteps, refineSeconds, learningRate, fromZero, preset, batchPairs, threads, f, smoothness); }

    public RegistrarConfig withSmoothness(double w) { return new RegistrarConfig(refineSteps, refineSeconds, learningRate, fromZero, preset, batchPairs, threads, coarseFraction, w); }
}
