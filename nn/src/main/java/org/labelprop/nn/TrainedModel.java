// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.training.TrainingReport;

/** The outcome of training: the weights as a {@link Checkpoint} (plain Java, save it with CheckpointStore) and a report. */
public record TrainedModel(Checkpoint checkpoint, TrainingReport report) {
    public TrainedModel {
        if (checkpoint == null || report == null) throw new IllegalArgumentException("checkpoint and report are required");
    }
}
