// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.labelprop.classical.InterpolationOptions;
import org.labelprop.io.Nifti;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.volume.AxisNames;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop propagate}: fills the slices between annotated ones. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
    description = {"Propagates sparse slice annotations through the volume and writes NAME_fused.nii.gz on the image's grid.",
        "LABELS holds complete annotations on a few slices (every label drawn where present; a label absent on an annotated "
            + "slice counts as absent there); all other slices are 0."})
final class PropagateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "The scan (.nii or .nii.gz).")
    Path image;

    @Parameters(index = "1", paramLabel = "LABELS", description = "Sparse annotations on the image's grid (.nii/.nii.gz).")
    Path labels;

    @Option(names = "--method", defaultValue = "shape",
        description = "nearest (copy the nearest annotated slice) or shape (signed-distance interpolation). Default: ${DEFAULT-VALUE}.")
    ClassicalMethod method;

    @Option(names = "--axis", defaultValue = "2",
        description = "Propagation axis: 0, 1, 2, x, y, z, axial, coronal or sagittal. Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = "--extrapolate", description = "Also fill the slices beyond the first and last annotated slice.")
    boolean extrapolate;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".", description = "Output folder (created). Default: the current folder.")
    Path outputDir;

    @Option(names = {"-n", "--name"}, description = "Output name prefix. Default: the image file name.")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Volume img = Inputs.image(image);
        LabelVolume sparse = Inputs.labelsOn(img.grid(), labels, "label volume");
        SliceAxis ax = AxisNames.resolve(axis, img.grid());
        AnnotatedSlices annotated = AnnotatedSlices.of(sparse, ax);
        if (annotated.slices().length == 0) throw new UserException("label volume " + labels + " holds no annotated voxel");
        out.println("propagating " + annotated.labels().length + " label(s) from " + annotated.slices().length
            + " annotated slice(s) along " + AxisNames.describe(ax, img.grid()) + " with method " + method.cliName());
        long t0 = System.nanoTime();
        LabelVolume fused = method.interpolator().interpolate(sparse, ax, new InterpolationOptions(extrapolate));
        Files.createDirectories(outputDir);
        Path file = outputDir.resolve((name != null ? name : Inputs.baseName(image)) + "_fused.nii.gz");
        Nifti.writeLabels(file, new LabelVolume(img.grid(), fused.array()));
        out.printf("wrote %s in %.2f s%n", file, (System.nanoTime() - t0) / 1e9);
        return ExitCodes.OK;
    }
}
