// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.nn.loss.LossPreset;
import org.labelprop.request.Budget;

/**
 * How {@link NetworkRegistrar} computes neighbour fields: the network's velocities (batched, inference mode), then
 * refinement (instance optimisation): Adam steps on each pair's velocity, all pairs batched, minimising the unsupervised
 * loss {@code sim(f, warp(m, exp v)) + smoothness · Grad(v)} of {@code preset}, the first {@code coarseFraction} of the
 * steps at half resolution (images averaged 2×2, velocity halved, then upsampled bilinearly and doubled).
 *
 * @param budget         refinement steps and time limit; automatic = up to {@value #MAX_AUTO_STEPS} steps within
 *                       {@value #DEFAULT_SECONDS} s from a network, {@value #FROM_ZERO_SECONDS} s from zero
 * @param learningRate   Adam learning rate of refinement (pixels per step, roughly)
 * @param fromZero       no network: optimise every velocity from zero
 * @param preset         similarity of refinement
 * @param batchPairs     pairs per forward pass of the network
 * @param threads        libtorch threads (0 = default)
 * @param coarseFraction share of the refinement steps (or time) spent first at half resolution, in [0, 1)
 * @param smoothness     weight of Grad(v) in refinement
 */
public record RegistrarConfig(Budget budget, double learningRate, boolean fromZero, LossPreset preset, int batchPairs, int threads,
                              double coarseFraction, double smoothness) {
    /** Refinement time limit from a network when the budget gives neither steps nor seconds, s. */
    public static final double DEFAULT_SECONDS = 5;
    /** The same when optimising from zero (no network to start from), s. */
    public static final double FROM_ZERO_SECONDS = 20;
    /** Upper bound of automatically chosen refinement steps. */
    public static final int MAX_AUTO_STEPS = 200;

    public RegistrarConfig {
        if (budget == null) throw new IllegalArgumentException("refinement budget is required");
        if (!(learningRate > 0)) throw new IllegalArgumentException("refinement learning rate must be > 0, got " + learningRate);
        if (preset == null) throw new IllegalArgumentException("refinement loss preset is required");
        if (batchPairs < 1) throw new IllegalArgumentException("pairs per forward pass must be >= 1, got " + batchPairs);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        if (!(coarseFraction >= 0 && coarseFraction < 1))
            throw new IllegalArgumentException("coarse fraction must be within [0, 1), got " + coarseFraction);
        if (!(smoothness >= 0)) throw new IllegalArgumentException("smoothness weight must be >= 0, got " + smoothness);
    }

    /**
     * Refinement with {@code budget}: paper similarity (NCC 9×9), smoothness 0.3, learning rate 0.2, the first half at half
     * resolution (chosen on the benchmark case, see docs/method.md).
     */
    public static RegistrarConfig of(Budget budget, boolean fromZero, int threads) {
        return new RegistrarConfig(budget, 0.2, fromZero, LossPreset.PAPER, 32, threads, 0.5, 0.3);
    }

    /** The network's fields only, no refinement. */
    public static RegistrarConfig networkOnly() { return of(Budget.steps(0), false, 0); }

    /** Steps to take: the budget's, else up to {@value #MAX_AUTO_STEPS}. */
    int steps() { return budget.stepsOr(MAX_AUTO_STEPS); }

    /** Time limit: the budget's; else none when steps are given, else the default for this start. */
    double seconds() {
        if (budget.seconds() != null) return budget.seconds();
        if (budget.steps() != null) return Double.POSITIVE_INFINITY;
        return fromZero ? FROM_ZERO_SECONDS : DEFAULT_SECONDS;
    }

    public RegistrarConfig withLearningRate(double lr) { return new RegistrarConfig(budget, lr, fromZero, preset, batchPairs, threads, coarseFraction, smoothness); }
}
