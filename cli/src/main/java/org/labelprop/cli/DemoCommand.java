// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelprop.bench.AalDeepGreyMatter;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.io.Nifti;
import org.labelprop.metrics.Evaluation;
import org.labelprop.metrics.EvaluationReport;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.pipeline.SegmentationResult;
import org.labelprop.request.Method;
import org.labelprop.request.SegmentationRequest;
import org.labelprop.request.TrainingRequest;
import org.labelprop.volume.LabelVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop demo}: the main job end to end on real sample data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Obtains real MR sample data (Debian mricron-data: Colin27 T1 + AAL atlas; a generated phantom when "
        + "apt-get is unavailable), annotates 3 axial slices with the atlas, segments the volume from them (by default: "
        + "trains the network on the scan, propagates, fuses), writes the result and prints its Dice against the full atlas."})
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin RequestOptions options;
    @Mixin TrainingOptions training;

    @Option(names = {"-o", "--output-dir"}, defaultValue = "labelprop-demo", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--method", paramLabel = "deep|shape|nearest",
        description = "deep (train the network on the scan, propagate, fuse), shape or nearest. Default: deep.")
    Method method = SegmentationRequest.defaults().method();

    @Override
    public Integer call() throws Exception {
        TrainingRequest t = method == Method.DEEP ? training.request() : null;
        SegmentationRequest request = options.request(method, "2", t);
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkCase c = BenchmarkData.load(out, true);
        String protocol = AalDeepGreyMatter.THREE_SLICES;
        LabelVolume sparse = c.sparse(protocol);
        Files.createDirectories(outputDir);
        Nifti.writeVolume(outputDir.resolve("image.nii.gz"), c.image());
        Nifti.writeLabels(outputDir.resolve("truth.nii.gz"), c.truth());
        Nifti.writeLabels(outputDir.resolve("annotations.nii.gz"), sparse);
        out.printf("case: %s, %s; annotated slices %s along axis %d%n", c.name(), c.image().shape(),
            Arrays.toString(c.protocols().get(protocol)), c.axis().index());
        SegmentationInputs inputs = new SegmentationInputs(c.image(), sparse, null);
        SegmentationResult r = Segmenter.run(request.withAxis(Integer.toString(c.axis().index())), inputs, options.threads, out);
        Segmenter.write(r, inputs, outputDir, "demo", org.labelprop.pipeline.OutputOptions.nifti(), out);
        EvaluationReport e = Evaluation.evaluate(r.fused(), c.truth(), sparse, c.axis());
        double baseline = Evaluation.evaluate(new org.labelprop.classical.NearestSliceInterpolation().interpolate(sparse, c.axis(),
            org.labelprop.classical.InterpolationOptions.defaults()), c.truth(), sparse, c.axis()).meanDiceInRange();
        out.print(e.toTable());
        out.printf(Locale.ROOT, "method %s: mean Dice on the non-annotated slices %.3f in %.1f s (copying the nearest annotated "
            + "slice gives %.3f)%n", method.key(), e.meanDiceInRange(), r.seconds(), baseline);
        out.println("outputs in " + outputDir + ": demo_fused.nii.gz, with image.nii.gz, annotations.nii.gz and truth.nii.gz");
        return ExitCodes.OK;
    }
}
