// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.nn.loss.LossPreset;
import org.labelprop.request.Budget;
import org.labelprop.request.Refinement;

/**
 * How {@link NetworkRegistrar} computes neighbour fields: the network's velocities (batched, inference mode), then
 * refinement (instance optimisation): Adam steps on each pair's velocity, all pairs batched, minimising the unsupervised
 * loss {@code sim(f, warp(m, exp v)) + smoothness · Grad(v)} of {@code preset}, plus {@code annotationWeight} × the
 * annotations' chained constraint when the registrar is given the annotations, the first {@code coarseFraction} of the
 * steps at half resolution (images and annotations averaged 2×2, velocity halved, then upsampled bilinearly and doubled).
 *
 * @param budget         refinement steps and time limit; automatic = {@link Refinement#DEFAULT_STEPS} steps from a network,
 *                       {@value #FROM_ZERO_FACTOR}× as many from zero, no time limit
 * @param learningRate   Adam learning rate of refinement (pixels per step, roughly)
 * @param fromZero       no network: optimise every velocity from zero
 * @param preset         similarity of refinement
 * @param batchPairs     pairs per forward pass of the network
 * @param threads        libtorch threads (0 = default)
 * @param coarseFraction share of the refinement steps (or time) spent first at half resolution, in [0, 1] (1 = all)
 * @param smoothness     weight of Grad(v) in refinement
 * @param annotationWeight weight of the annotations' chained constraint (soft Dice) in refinement
 */
public record RegistrarConfig(Budget budget, double learningRate, boolean fromZero, LossPreset preset, int batchPairs, int threads,
                              double coarseFraction, double smoothness, double annotationWeight) {
    /** Automatic steps from zero (no network to start from) are this many times those from a network. */
    public static final int FROM_ZERO_FACTOR = 4;

    public RegistrarConfig {
        if (budget == null) throw new IllegalArgumentException("refinement budget is required");
        if (!(learningRate > 0)) throw new IllegalArgumentException("refinement learning rate must be > 0, got " + learningRate);
        if (preset == null) throw new IllegalArgumentException("refinement loss preset is required");
        if (batchPairs < 1) throw new IllegalArgumentException("pairs per forward pass must be >= 1, got " + batchPairs);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        if (!(coarseFraction >= 0 && coarseFraction <= 1))
            throw new IllegalArgumentException("coarse fraction must be within [0, 1], got " + coarseFraction);
        if (!(smoothness >= 0)) throw new IllegalArgumentException("smoothness weight must be >= 0, got " + smoothness);
        if (!(annotationWeight >= 0)) throw new IllegalArgumentException("annotation weight must be >= 0, got " + annotationWeight);
    }

    /**
     * Refinement as {@code r} asks: paper similarity (NCC 9×9), smoothness 0.3, learning rate 0.2, all steps at half
     * resolution (on the development suite as good as half the steps at full resolution, and 2.5 times cheaper; see
     * docs/benchmark.md).
     */
    public static RegistrarConfig of(Refinement r, boolean fromZero, int threads) {
        return new RegistrarConfig(r.budget(), 0.2, fromZero, LossPreset.PAPER, 32, threads, 1.0, 0.3, r.annotationWeight());
    }

    /** The network's fields only, no refinement. */
    public static RegistrarConfig networkOnly() { return of(Refinement.steps(0), false, 0); }

    /** Steps to take: the budget's, else the automatic count. */
    int steps() { return budget.stepsOr(fromZero ? FROM_ZERO_FACTOR * Refinement.DEFAULT_STEPS : Refinement.DEFAULT_STEPS); }

    /** Time limit: the budget's, else none. */
    double seconds() { return budget.secondsOr(Double.POSITIVE_INFINITY); }

    public RegistrarConfig withLearningRate(double lr) { return new RegistrarConfig(budget, lr, fromZero, preset, batchPairs, threads, coarseFraction, smoothness, annotationWeight); }
}
