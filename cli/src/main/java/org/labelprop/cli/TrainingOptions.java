// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.loss.LossPreset;
import org.labelprop.nn.training.TrainingConfig;
import picocli.CommandLine.Option;

/** Options of training: limits, loss preset, starting weights. */
final class TrainingOptions {
    @Option(names = {"-e", "--epochs"}, description = "Maximum epochs. Default: as many as fit in --time-budget.")
    Integer epochs;

    @Option(names = "--time-budget", description = "Training wall-time budget in seconds. Default: the built-in default (see README).")
    Double seconds;

    @Option(names = "--preset", description = "Loss setting: paper (NCC 9x9, smoothness 1, Dice 10) or mse (10 MSE, smoothness 0.1, Dice 1). Default: paper.")
    String preset;

    @Option(names = "--seed", description = "Seed of weight initialisation and pair sampling. Default: 42.")
    Long seed;

    @Option(names = {"-c", "--pretrained"}, paramLabel = "CKPT", description = "Start from these weights (fine-tuning).")
    Path pretrained;

    TrainingConfig config(int threads) {
        TrainingConfig c = TrainingConfig.defaults().withThreads(threads);
        if (epochs != null) c = c.withEpochs(epochs).withMaxSeconds(seconds != null ? seconds : Double.POSITIVE_INFINITY);
        else if (seconds != null) c = c.withMaxSeconds(seconds);
        if (preset != null) c = c.withPreset(parsePreset(preset));
        if (seed != null) c = c.withSeed(seed);
        return c;
    }

    Checkpoint pretrainedCheckpoint() throws IOException {
        return pretrained == null ? null : CheckpointStore.read(pretrained);
    }

    static LossPreset parsePreset(String name) {
        for (LossPreset p : LossPreset.values())
            if (p.name().equalsIgnoreCase(name)) return p;
        throw new UserException("--preset must be paper or mse, got '" + name + "'");
    }
}
