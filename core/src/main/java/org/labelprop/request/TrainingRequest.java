// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

import java.util.Objects;
import org.labelprop.UserInputException;

/**
 * Training of the registration network on the scan being segmented, before propagation.
 *
 * @param steps        optimiser steps, or null for the trainer's choice (see {@link Budget})
 * @param seconds      wall-time limit, or null for the trainer's choice
 * @param loss         loss setting
 * @param learningRate Adam learning rate; 0 = the trainer's default
 */
public record TrainingRequest(Integer steps, Double seconds, LossSetting loss, double learningRate) {
    public TrainingRequest {
        new Budget(steps, seconds);
        Objects.requireNonNull(loss, "loss");
        UserInputException.check(learningRate >= 0 && learningRate < 1, "training.learningRate",
            "training.learningRate must be within [0, 1) (0 = default), got " + learningRate);
    }

    public static TrainingRequest defaults() { return new TrainingRequest(null, null, LossSetting.PAPER, 0); }

    /** Training limited to {@code budget}, other settings default. */
    public static TrainingRequest of(Budget budget) { return new TrainingRequest(budget.steps(), budget.seconds(), LossSetting.PAPER, 0); }

    /** Steps and time limit as a {@link Budget}. */
    public Budget budget() { return new Budget(steps, seconds); }
}
