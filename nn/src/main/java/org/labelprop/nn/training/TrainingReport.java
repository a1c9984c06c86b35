// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import org.labelprop.pipeline.StopReason;

/**
 * What a training run did.
 *
 * @param steps      optimiser steps taken
 * @param epochs     complete epochs
 * @param seconds    wall time of the loop
 * @param firstLoss  loss of the first step
 * @param lastLoss   mean loss over the last (possibly partial) epoch
 * @param stopReason why it stopped
 */
public record TrainingReport(int steps, int epochs, double seconds, double firstLoss, double lastLoss, StopReason stopReason) { }
