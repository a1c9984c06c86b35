// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelprop.io.AtomicFiles;
import org.labelprop.metrics.Evaluation;
import org.labelprop.metrics.EvaluationReport;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop evaluate}: Dice and HD95 of a prediction against a ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Prints per-label Dice and HD95 (mm) of PRED against GT on all slices and, with --annotations, on the "
        + "non-annotated slices inside each label's annotated range (the primary metric)."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "PRED", description = "Predicted label volume (NIfTI, NRRD, MetaImage or .seg.nrrd).")
    Path pred;

    @Parameters(index = "1", paramLabel = "GT", description = "Ground-truth label volume on the same grid.")
    Path truth;

    @Option(names = "--annotations", paramLabel = "SPARSE", description = "The sparse annotation the prediction was made from.")
    Path annotations;

    @Option(names = "--axis", defaultValue = "2", description = "Propagation axis (0, 1, 2, x, y, z, axial, coronal, sagittal). Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LabelVolume gt = org.labelprop.io.VolumeFiles.readLabels(truth);
        LabelVolume p = Inputs.labelsOn(gt.grid(), pred, "prediction");
        LabelVolume sparse = annotations == null ? null : Inputs.labelsOn(gt.grid(), annotations, "annotation volume");
        SliceAxis ax = AxisNames.resolve(axis, gt.grid());
        EvaluationReport report = Evaluation.evaluate(p, gt, sparse, ax);
        out.print(report.toTable());
        out.flush();
        if (json != null) AtomicFiles.writeString(json, report.toJson());
        return ExitCodes.OK;
    }
}
