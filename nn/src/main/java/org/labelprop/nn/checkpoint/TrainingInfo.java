// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

/**
 * How the weights of a checkpoint were obtained (informative; loading does not depend on it).
 *
 * @param preset      loss preset name, e.g. "PAPER"; "none" for untrained weights
 * @param steps       optimiser steps
 * @param seconds     training wall time
 * @param finalLoss   mean loss of the last epoch (NaN if unknown)
 * @param sliceHeight padded slice height used in training (0 if unknown); the network itself accepts any multiple of 8
 * @param sliceWidth  padded slice width used in training (0 if unknown)
 * @param axis        propagation axis of training ("X", "Y", "Z" or "-")
 */
public record TrainingInfo(String preset, int steps, double seconds, double finalLoss, int sliceHeight, int sliceWidth, String axis) {
    public TrainingInfo {
        if (preset == null || preset.isBlank() || preset.contains("\n")) throw new IllegalArgumentException("preset name must be one non-blank line");
        if (axis == null || axis.contains("\n")) throw new IllegalArgumentException("axis must be one line");
        if (steps < 0 || sliceHeight < 0 || sliceWidth < 0)
            throw new IllegalArgumentException("steps and slice size must be >= 0, got " + steps + ", " + sliceHeight + "x" + sliceWidth);
    }

    /** For weights that were never trained. */
    public static TrainingInfo untrained() { return new TrainingInfo("none", 0, 0, Double.NaN, 0, 0, "-"); }
}
