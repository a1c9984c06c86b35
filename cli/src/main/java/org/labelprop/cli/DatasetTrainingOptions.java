// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.CheckpointStore;
import picocli.CommandLine.Option;

/** Options shared by the dataset commands (pretrain, train-dataset): axis, threads, where the checkpoint goes. */
final class DatasetTrainingOptions {
    @Option(names = "--axis", defaultValue = "2", description = "Slicing axis: 0, 1, 2, x, y, z, axial, coronal, sagittal. Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores.")
    int threads;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".", description = "Output folder. Default: the current folder.")
    Path outputDir;

    @Option(names = {"-n", "--name"}, description = "Checkpoint name. Default: pretrained (pretrain) or dataset (train-dataset).")
    String name;

    /** Writes the trained model to DIR/NAME.ckpt and reports it. */
    void write(TrainedModel m, String defaultName, PrintWriter out) throws IOException {
        Files.createDirectories(outputDir);
        Path ckpt = outputDir.resolve((name != null ? name : defaultName) + ".ckpt");
        CheckpointStore.write(m.checkpoint(), ckpt);
        out.printf(Locale.ROOT, "%d steps in %.1f s (stopped by %s); wrote %s%n", m.report().steps(), m.report().seconds(),
            m.report().stopReason(), ckpt);
    }
}
