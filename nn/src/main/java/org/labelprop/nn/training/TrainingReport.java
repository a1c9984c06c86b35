// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

/**
 * What a training run did.
 *
 * @param steps      optimiser steps taken
 * @param epochs     complete epochs
 * @param seconds    wall time of the loop
 * @param firstLoss  loss of the first step
 * @param lastLoss   mean loss over the last epoch
 * @param stopReason "epochs" or "time budget"
 */
public record TrainingReport(int steps, int epochs, double seconds, double firstLoss, double lastLoss, String stopReason) { }
