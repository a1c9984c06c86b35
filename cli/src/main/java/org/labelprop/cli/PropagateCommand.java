// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.io.Nifti;
import org.labelprop.nn.DeepLabelProp;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.propagation.LabelPropagation;
import org.labelprop.propagation.PropagationResult;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop propagate}: fills the slices between annotated ones. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
    description = {"Propagates sparse slice annotations through the volume and writes NAME_fused.nii.gz on the image's grid "
        + "(with --method deep also NAME_up, NAME_down, NAME_uncertainty and NAME_suggestions.json).",
        "LABELS holds complete annotations on a few slices (every label drawn where present; a label absent on an annotated "
            + "slice counts as absent there); all other slices are 0."})
final class PropagateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin DeepOptions deep;
    @Mixin ScanInputs in;

    @Option(names = "--method", description = "nearest (copy the nearest annotated slice), shape (signed-distance "
        + "interpolation) or deep (registration: the --checkpoint network refined per slice pair, or optimised from zero "
        + "without one). Default: deep with --checkpoint, else shape.")
    String method;

    @Option(names = "--checkpoint", paramLabel = "CKPT", description = "Trained network (from labelprop train).")
    Path checkpoint;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String m = method != null ? method.toLowerCase(Locale.ROOT) : checkpoint != null ? "deep" : "shape";
        if (!m.equals("deep") && !m.equals("nearest") && !m.equals("shape"))
            throw new UserException("--method must be nearest, shape or deep, got '" + method + "'");
        if (!m.equals("deep") && (checkpoint != null || in.hints != null))
            throw new UserException("--checkpoint and --hints need --method deep, got --method " + m);
        ScanInputs.Loaded loaded = in.load();
        Volume img = loaded.image();
        LabelVolume sparse = loaded.sparse();
        SliceAxis ax = loaded.axis();
        AnnotatedSlices annotated = AnnotatedSlices.of(sparse, ax);
        if (annotated.slices().length == 0) throw new UserException("label volume " + in.labels + " holds no annotated voxel");
        out.println("propagating " + annotated.labels().length + " label(s) from " + annotated.slices().length
            + " annotated slice(s) along " + AxisNames.describe(ax, img.grid()) + " with method " + m);
        out.flush();
        String base = in.baseName();
        Path outputDir = in.outputDir;
        long t0 = System.nanoTime();
        if (m.equals("deep")) {
            var ckpt = checkpoint == null ? null : CheckpointStore.read(checkpoint);
            var registrarConfig = ckpt == null ? deep.registrarFromZero() : deep.registrar();
            try (ConsoleProgress progress = new ConsoleProgress(out)) {
                PropagationResult r = LabelPropagation.run(img, sparse, loaded.hintsOrNull(),
                    DeepLabelProp.registrar(ckpt, registrarConfig), ax, deep.propagation(), progress);
                Files.createDirectories(outputDir);
                DeepOutputs.write(r, img.grid(), outputDir, base, out);
            }
        } else {
            ClassicalMethod cm = ClassicalMethod.valueOf(m.toUpperCase(Locale.ROOT));
            LabelVolume fused = cm.interpolator().interpolate(sparse, ax, new InterpolationOptions(deep.extrapolate));
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve(base + "_fused.nii.gz");
            Nifti.writeLabels(file, new LabelVolume(img.grid(), fused.array()));
            out.println("wrote " + file);
        }
        out.printf(Locale.ROOT, "done in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        return ExitCodes.OK;
    }
}
