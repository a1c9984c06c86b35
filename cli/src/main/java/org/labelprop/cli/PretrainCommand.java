// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop pretrain}: unsupervised training on a list of scans. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
    description = {"Pretrains the registration network without labels on the scans listed in LIST (one NIfTI path per "
        + "line; relative paths are read from LIST's folder) and writes DIR/NAME.ckpt, a starting point for train --pretrained."})
final class PretrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin TrainingOptions training;

    @Parameters(index = "0", paramLabel = "LIST", description = "Text file: one image path per line.")
    Path list;

    @Option(names = "--axis", defaultValue = "2", description = "Slicing axis: 0, 1, 2, x, y, z, axial, coronal, sagittal. Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 = all cores.")
    int threads;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".", description = "Output folder. Default: the current folder.")
    Path outputDir;

    @Option(names = {"-n", "--name"}, defaultValue = "pretrained", description = "Checkpoint name. Default: ${DEFAULT-VALUE}.")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Volume> volumes = new ArrayList<>();
        for (Path[] p : DatasetList.read(list, false)) volumes.add(Inputs.image(p[0]));
        var ax = AxisNames.resolve(axis, volumes.get(0).grid());
        out.printf("pretraining on %d scan(s) along axis %d%n", volumes.size(), ax.index());
        out.flush();
        try (ConsoleProgress progress = new ConsoleProgress(out)) {
            TrainedModel m = DeepLabelProp.pretrain(volumes, ax, training.config(threads), training.pretrainedCheckpoint(), progress);
            java.nio.file.Files.createDirectories(outputDir);
            Path ckpt = outputDir.resolve(name + ".ckpt");
            CheckpointStore.write(m.checkpoint(), ckpt);
            out.printf(Locale.ROOT, "%d steps in %.1f s (stopped by %s); wrote %s%n", m.report().steps(), m.report().seconds(),
                m.report().stopReason(), ckpt);
        }
        return ExitCodes.OK;
    }
}
