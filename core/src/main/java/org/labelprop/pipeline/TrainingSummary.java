// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.util.Locale;
import java.util.Objects;

/**
 * What training on the scan did.
 *
 * @param start      where the weights started from, in words (e.g. "the shipped pretrained checkpoint")
 * @param steps      optimiser steps taken
 * @param seconds    wall time of training
 * @param stopReason why it stopped
 * @param firstLoss  mean loss over the first epoch's worth of steps
 * @param lastLoss   mean loss over the last epoch's worth of steps
 * @param weights    the trained weights, to store as a checkpoint; null when they served this run only (a propagation
 *                   that first trained on its dense annotations), so there is nothing to store
 */
public record TrainingSummary(String start, int steps, double seconds, StopReason stopReason, double firstLoss, double lastLoss,
                              SavableWeights weights) {
    public TrainingSummary {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stopReason, "stopReason");
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
    }

    /** Whether the trained weights are there to store as a checkpoint. */
    public boolean savable() { return weights != null; }

    /**
     * E.g. "trained 120 steps in 31 s from the shipped pretrained checkpoint (stopped by steps, loss -0.41 -> -0.63)", and
     * "..., for this run only" when nothing is to be stored.
     */
    public String describe() {
        return String.format(Locale.ROOT, "trained %d steps in %.0f s from %s (stopped by %s, loss %.4g -> %.4g)%s", steps, seconds,
            start, stopReason, firstLoss, lastLoss, savable() ? "" : ", for this run only (dense annotations)");
    }
}
