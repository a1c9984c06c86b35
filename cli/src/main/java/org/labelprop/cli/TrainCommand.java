// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.concurrent.Callable;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.request.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop train}: trains the registration network on the scan, then propagates. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains the slice-registration network on IMAGE itself (unsupervised on neighbouring slices, constrained by "
        + "the annotated slices and optional scribbles), writes DIR/NAME.ckpt, then propagates the annotations both ways and "
        + "writes NAME_fused, NAME_up, NAME_down and NAME_uncertainty (in the image's format, NIfTI for DICOM, or "
        + "--output-format) and NAME_suggestions.json."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ScanInputs in;
    @Mixin RequestOptions options;
    @Mixin TrainingOptions training;

    @Override
    public Integer call() throws Exception {
        // the request is built (and so checked) before minutes of training, not after
        var request = options.request(Method.DEEP, in.axis, training.request());
        ScanInputs.Loaded loaded = in.load();
        SegmentationInputs inputs = loaded.inputs();
        var out = spec.commandLine().getOut();
        Segmenter.write(Segmenter.run(request, inputs, options.threads, out), inputs, in.outputDir, in.baseName(), loaded.outputs(), out);
        return ExitCodes.OK;
    }
}
