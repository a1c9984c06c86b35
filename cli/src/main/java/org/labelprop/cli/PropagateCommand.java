// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.util.concurrent.Callable;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop propagate}: fills the slices between annotated ones, without training. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
    description = {"Propagates sparse slice annotations through the volume without training and writes NAME_fused on the image's grid "
        + "(in the image's format, NIfTI for DICOM, or --output-format) and NAME_suggestions.json (with the deep method also NAME_up, NAME_down and NAME_uncertainty).",
        "LABELS holds complete annotations on a few slices (every label drawn where present; a label absent on an annotated "
            + "slice counts as absent there); all other slices are 0."})
final class PropagateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin ScanInputs in;
    @Mixin RequestOptions options;

    @Option(names = "--method", paramLabel = "deep|flow|shape|nearest", description = "deep (registration with the --weights "
        + "network refined per slice pair, or optimised from zero with --weights none), flow (TV-L1 optical flow, no network), "
        + "shape (signed-distance interpolation) or nearest (copy of the nearest annotated slice). Default: deep.")
    Method method = SegmentationRequest.defaults().method();

    @Override
    public Integer call() throws Exception {
        var request = options.request(method, in.axis, null);
        ScanInputs.Loaded loaded = in.load();
        SegmentationInputs inputs = loaded.inputs();
        var out = spec.commandLine().getOut();
        Segmenter.write(Segmenter.run(request, inputs, options.threads, out), inputs, in.outputDir, in.baseName(), loaded.outputs(), out);
        return ExitCodes.OK;
    }
}
