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
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.propagation.LabelPropagation;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.propagation.PropagationResult;
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

    @Option(names = "--method", defaultValue = "deep",
        description = "deep (train the network on the scan, propagate, fuse), nearest or shape. Default: ${DEFAULT-VALUE}.")
    String method;

    @Mixin TrainingOptions training;
    @Mixin DeepOptions deep;

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("deep", "nearest", "shape").contains(method.toLowerCase(Locale.ROOT)))
            throw new UserException("--method must be deep, nearest or shape, got '" + method + "'");
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
        out.flush();
        long t0 = System.nanoTime();
        LabelVolume fused;
        String m = method.toLowerCase(Locale.ROOT);
        if (m.equals("deep")) {
            // read (and so check) the inference options before training
            RegistrarConfig fields = deep.registrar();
            PropagationOptions propagation = deep.propagation();
            out.println(training.describeStart(true));
            try (ConsoleProgress progress = new ConsoleProgress(out)) {
                TrainedModel model = DeepLabelProp.train(c.image(), sparse, null, c.axis(), training.config(deep.threads),
                    training.pretrainedCheckpoint(true), progress);
                CheckpointStore.write(model.checkpoint(), outputDir.resolve("demo.ckpt"));
                PropagationResult r = LabelPropagation.run(c.image(), sparse, null,
                    DeepLabelProp.registrar(model.checkpoint(), fields), c.axis(), propagation, progress);
                DeepOutputs.write(r, c.image().grid(), outputDir, "demo", out);
                fused = r.fused();
            }
        } else {
            ClassicalMethod cm = ClassicalMethod.valueOf(m.toUpperCase(Locale.ROOT));
            fused = cm.interpolator().interpolate(sparse, c.axis(), new InterpolationOptions(false));
            Nifti.writeLabels(outputDir.resolve("demo_fused.nii.gz"), fused);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        EvaluationReport r = Evaluation.evaluate(fused, c.truth(), sparse, c.axis());
        LabelVolume baseline = ClassicalMethod.NEAREST.interpolator().interpolate(sparse, c.axis(), new InterpolationOptions(false));
        double baselineDice = Evaluation.evaluate(baseline, c.truth(), sparse, c.axis()).meanDiceInRange();
        out.print(r.toTable());
        out.printf(Locale.ROOT, "method %s: mean Dice on the non-annotated slices %.3f in %.1f s (copying the nearest annotated "
            + "slice gives %.3f)%n", m, r.meanDiceInRange(), seconds, baselineDice);
        out.println("outputs in " + outputDir + ": demo_fused.nii.gz, with image.nii.gz, annotations.nii.gz and truth.nii.gz");
        return ExitCodes.OK;
    }
}
