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
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.io.Nifti;
import org.labelprop.metrics.Evaluation;
import org.labelprop.metrics.EvaluationReport;
import org.labelprop.volume.LabelVolume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop demo}: the main job end to end on real sample data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Obtains real MR sample data (Debian mricron-data: Colin27 T1 + AAL atlas; a generated phantom when "
        + "apt-get is unavailable), annotates 3 axial slices with the atlas, propagates them through the volume, writes "
        + "the result and prints its Dice against the full atlas."})
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = {"-o", "--output-dir"}, defaultValue = "labelprop-demo", description = "Output folder. Default: ${DEFAULT-VALUE}.")
    Path outputDir;

    @Option(names = "--method", defaultValue = "shape", description = "nearest or shape. Default: ${DEFAULT-VALUE}.")
    ClassicalMethod method;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkCase c = BenchmarkData.load(out, true);
        String protocol = AalDeepGreyMatter.THREE_SLICES;
        LabelVolume sparse = c.sparse(protocol);
        Files.createDirectories(outputDir);
        Path image = outputDir.resolve("image.nii.gz");
        Nifti.writeVolume(image, c.image());
        Nifti.writeLabels(outputDir.resolve("truth.nii.gz"), c.truth());
        Nifti.writeLabels(outputDir.resolve("annotations.nii.gz"), sparse);
        out.printf("case: %s, %s; annotated slices %s along axis %d%n", c.name(), c.image().shape(),
            Arrays.toString(c.protocols().get(protocol)), c.axis().index());
        long t0 = System.nanoTime();
        LabelVolume fused = method.interpolator().interpolate(sparse, c.axis(), new InterpolationOptions(false));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path result = outputDir.resolve("demo_fused.nii.gz");
        Nifti.writeLabels(result, fused);
        EvaluationReport r = Evaluation.evaluate(fused, c.truth(), sparse, c.axis());
        out.print(r.toTable());
        out.printf(Locale.ROOT, "method %s: mean Dice on the non-annotated slices %.3f (%.1f s)%n", method.cliName(), r.meanDiceInRange(), seconds);
        out.println("wrote " + result + " (with image.nii.gz, annotations.nii.gz and truth.nii.gz beside it)");
        return ExitCodes.OK;
    }
}
