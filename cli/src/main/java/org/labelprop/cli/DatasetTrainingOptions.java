// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.checkpoint.ShippedCheckpoint;
import org.labelprop.nn.training.TrainingConfig;
import org.labelprop.request.Weights;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the dataset commands (pretrain, train-dataset): training, axis, weights, where the checkpoint goes. */
final class DatasetTrainingOptions {
    @Mixin TrainingOptions training;

    @Option(names = {"-e", "--epochs"}, defaultValue = "" + TrainingConfig.MAX_EPOCHS,
        description = "Maximum epochs (one epoch visits every scan once). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--axis", description = "Slicing axis: 0, 1, 2, x, y, z, axial, coronal, sagittal. Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = {"-w", "--weights"}, paramLabel = "CKPT|shipped|none",
        description = "Weights to start from: a checkpoint file, 'shipped' or 'none'. Default: ${DEFAULT-VALUE}.")
    String weights;

    @Option(names = "--seed", description = "Seed of initialisation and sampling. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores.")
    int threads;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".", description = "Output folder. Default: the current folder.")
    Path outputDir;

    @Option(names = {"-n", "--name"}, description = "Checkpoint name. Default: pretrained (pretrain) or dataset (train-dataset).")
    String name;

    TrainingConfig config() { return TrainingConfig.of(training.request(), seed, threads).withEpochs(epochs); }

    Checkpoint start() throws IOException { return ShippedCheckpoint.orStored(Weights.of(weights), Path::of); }

    /** Writes the trained model to DIR/NAME.ckpt and reports it. */
    void write(TrainedModel m, String defaultName, PrintWriter out) throws IOException {
        Files.createDirectories(outputDir);
        Path ckpt = outputDir.resolve((name != null ? name : defaultName) + ".ckpt");
        CheckpointStore.write(m.checkpoint(), ckpt);
        out.printf(Locale.ROOT, "%d steps in %.1f s (stopped by %s); wrote %s%n", m.report().steps(), m.report().seconds(),
            m.report().stopReason(), ckpt);
    }
}
