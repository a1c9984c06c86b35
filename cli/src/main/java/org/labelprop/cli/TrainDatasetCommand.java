// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.LabelledVolume;
import org.labelprop.nn.TrainedModel;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop train-dataset}: supervised training on annotated scans. */
@Command(name = "train-dataset", mixinStandardHelpOptions = true,
    description = {"Trains the registration network on the annotated scans listed in LIST (lines 'image,labels'; relative "
        + "paths are read from LIST's folder), each with its chained label constraint, and writes DIR/NAME.ckpt."})
final class TrainDatasetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DatasetTrainingOptions dataset;

    @Parameters(index = "0", paramLabel = "LIST", description = "Text file: one 'image,labels' pair per line.")
    Path list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<LabelledVolume> scans = new ArrayList<>();
        for (Path[] p : DatasetList.read(list, true)) {
            Volume image = Inputs.image(p[0], null);
            scans.add(new LabelledVolume(image, Inputs.labelsOn(image.grid(), p[1], "label volume")));
        }
        var ax = AxisNames.resolve(dataset.axis, scans.get(0).image().grid());
        out.printf("training on %d annotated scan(s) along axis %d%n", scans.size(), ax.index());
        out.flush();
        try (ConsoleProgress progress = new ConsoleProgress(out)) {
            TrainedModel m = DeepLabelProp.trainDataset(scans, ax, dataset.config(), dataset.start(), progress);
            dataset.write(m, "dataset", out);
        }
        return ExitCodes.OK;
    }
}
