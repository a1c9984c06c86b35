// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.TrainedModel;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.propagation.LabelPropagation;
import org.labelprop.propagation.PropagationOptions;
import org.labelprop.propagation.PropagationResult;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop train}: trains the registration network on the scan, then propagates. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains the slice-registration network on IMAGE itself (unsupervised on neighbouring slices, constrained by "
        + "the annotated slices and optional scribbles), writes DIR/NAME.ckpt, then propagates the annotations both ways and "
        + "writes NAME_fused, NAME_up, NAME_down and NAME_uncertainty (.nii.gz) and NAME_suggestions.json."})
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin TrainingOptions training;
    @Mixin DeepOptions deep;
    @Mixin ScanInputs in;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ScanInputs.Loaded loaded = in.load();
        Volume img = loaded.image();
        LabelVolume sparse = loaded.sparse();
        LabelVolume hintVolume = loaded.hintsOrNull();
        SliceAxis ax = loaded.axis();
        // read (and so check) the inference options before minutes of training, not after
        RegistrarConfig fields = deep.registrar();
        PropagationOptions propagation = deep.propagation();
        AnnotatedSlices annotated = AnnotatedSlices.of(sparse, ax);
        String base = in.baseName();
        Path outputDir = in.outputDir;
        Files.createDirectories(outputDir);
        out.printf("training on %s (%s) along %s: %d label(s) on annotated slices %s%n", in.image.getFileName(), img.shape(),
            AxisNames.describe(ax, img.grid()), annotated.labels().length, java.util.Arrays.toString(annotated.slices()));
        out.println(training.describeStart(true));
        out.flush();
        try (ConsoleProgress progress = new ConsoleProgress(out)) {
            long t0 = System.nanoTime();
            TrainedModel model = DeepLabelProp.train(img, sparse, hintVolume, ax, training.config(deep.threads),
                training.pretrainedCheckpoint(true), progress);
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            Path ckpt = outputDir.resolve(base + ".ckpt");
            CheckpointStore.write(model.checkpoint(), ckpt);
            out.printf(Locale.ROOT, "trained %d steps in %.1f s (stopped by %s); wrote %s%n", model.report().steps(), trainSeconds,
                model.report().stopReason(), ckpt);
            PropagationResult r = LabelPropagation.run(img, sparse, hintVolume, DeepLabelProp.registrar(model.checkpoint(),
                fields), ax, propagation, progress);
            DeepOutputs.write(r, img.grid(), outputDir, base, out);
            out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
        }
        return ExitCodes.OK;
    }
}
