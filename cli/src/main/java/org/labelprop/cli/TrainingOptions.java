// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.checkpoint.ShippedCheckpoint;
import org.labelprop.nn.loss.LossPreset;
import org.labelprop.nn.training.TrainingConfig;
import picocli.CommandLine.Option;

/** Options of training: limits, loss preset, starting weights. */
final class TrainingOptions {
    static final String NONE = "none";
    static final String SHIPPED = "shipped";

    @Option(names = {"-e", "--epochs"}, description = "Maximum epochs. Default: as many as fit in --time-budget.")
    Integer epochs;

    @Option(names = "--time-budget", description = "Training wall-time budget in seconds. Default: the built-in default (see README).")
    Double seconds;

    @Option(names = "--preset", description = "Loss setting: paper (NCC 9x9, smoothness 1, Dice 10) or mse (10 MSE, smoothness 0.1, Dice 1). Default: paper.")
    String preset;

    @Option(names = "--seed", description = "Seed of weight initialisation and pair sampling. Default: 42.")
    Long seed;

    @Option(names = {"-c", "--pretrained"}, paramLabel = "CKPT", description = "Starting weights: a checkpoint file, 'shipped' "
        + "(the checkpoint pretrained on the INIA19 macaque template that ships in the jar, see README) or 'none' (from scratch). "
        + "Default: shipped for train, benchmark and demo; none for pretrain and train-dataset.")
    String pretrained;

    TrainingConfig config(int threads) {
        TrainingConfig c = TrainingConfig.defaults().withThreads(threads);
        if (epochs != null) c = c.withEpochs(epochs).withMaxSeconds(seconds != null ? seconds : Double.POSITIVE_INFINITY);
        else if (seconds != null) c = c.withMaxSeconds(seconds);
        if (preset != null) c = c.withPreset(parsePreset(preset));
        if (seed != null) c = c.withSeed(seed);
        return c;
    }

    /** The starting weights, null = from scratch; without the option, the shipped checkpoint when {@code shippedByDefault}. */
    Checkpoint pretrainedCheckpoint(boolean shippedByDefault) throws IOException {
        String which = choice(shippedByDefault);
        if (which.equals(NONE)) return null;
        if (which.equals(SHIPPED)) return ShippedCheckpoint.load();
        return CheckpointStore.read(Path.of(which));
    }

    /** Where the starting weights come from, for the log. */
    String describeStart(boolean shippedByDefault) {
        String which = choice(shippedByDefault);
        if (which.equals(NONE)) return "starting weights: none (from scratch)";
        if (which.equals(SHIPPED)) return "starting weights: " + ShippedCheckpoint.DESCRIPTION + " (--pretrained none to train from scratch)";
        return "starting weights: " + which;
    }

    private String choice(boolean shippedByDefault) {
        if (pretrained == null) return shippedByDefault ? SHIPPED : NONE;
        if (pretrained.isBlank()) throw new UserException("--pretrained needs a checkpoint file, 'shipped' or 'none', got an empty value");
        String lower = pretrained.strip().toLowerCase(Locale.ROOT);
        return lower.equals(NONE) || lower.equals(SHIPPED) ? lower : pretrained;
    }

    static LossPreset parsePreset(String name) {
        for (LossPreset p : LossPreset.values())
            if (p.name().equalsIgnoreCase(name)) return p;
        throw new UserException("--preset must be paper or mse, got '" + name + "'");
    }
}
