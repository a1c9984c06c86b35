// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.TrainedModel;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop pretrain}: unsupervised training on a list of scans. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
    description = {"Pretrains the registration network without labels on the scans listed in LIST (one scan per line: a NIfTI, NRRD or "
        + "MetaImage file or a DICOM folder or .zip; relative paths are read from LIST's folder) and writes DIR/NAME.ckpt, a starting point for train --pretrained."})
final class PretrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DatasetTrainingOptions dataset;

    @Parameters(index = "0", paramLabel = "LIST", description = "Text file: one image path per line.")
    Path list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Volume> volumes = new ArrayList<>();
        for (Path[] p : DatasetList.read(list, false)) volumes.add(Inputs.image(p[0], null));
        var ax = AxisNames.resolve(dataset.axis, volumes.get(0).grid());
        out.printf("pretraining on %d scan(s) along axis %d%n", volumes.size(), ax.index());
        out.flush();
        try (ConsoleProgress progress = new ConsoleProgress(out)) {
            TrainedModel m = DeepLabelProp.pretrain(volumes, ax, dataset.config(), dataset.start(), progress);
            dataset.write(m, "pretrained", out);
        }
        return ExitCodes.OK;
    }
}
