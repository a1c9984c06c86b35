// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import org.labelprop.pipeline.StopReason;

/**
 * What a training run did.
 *
 * @param steps      optimiser steps taken
 * @param epochs     complete epochs
 * @param seconds    wall time of the loop
 * @param firstLoss  mean loss over the first epoch's worth of steps (all steps when fewer; NaN when none)
 * @param lastLoss   mean loss over the last epoch's worth of steps (the same steps as {@code firstLoss} when there are
 *                   at most an epoch's worth)
 * @param stopReason why it stopped
 */
public record TrainingReport(int steps, int epochs, double seconds, double firstLoss, double lastLoss, StopReason stopReason) { }
