// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.propagation.Hints;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and output naming shared by train and propagate: IMAGE LABELS [--hints] [--axis] [-o] [-n]. */
final class ScanInputs {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "The scan (.nii or .nii.gz).")
    Path image;

    @Parameters(index = "1", paramLabel = "LABELS",
        description = "Complete annotations on a few slices, on the image's grid (.nii/.nii.gz).")
    Path labels;

    @Option(names = "--hints", paramLabel = "FILE", description = "Scribbles on the image's grid: k marks label k, 255 marks background.")
    Path hints;

    @Option(names = "--axis",
        description = "Propagation axis: 0, 1, 2, x, y, z, axial, coronal or sagittal. Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".", description = "Output folder (created). Default: the current folder.")
    Path outputDir;

    @Option(names = {"-n", "--name"}, description = "Output name prefix. Default: the image file name.")
    String name;

    /** The volumes, read and checked against the image's grid. */
    SegmentationInputs load() throws IOException {
        Volume img = Inputs.image(image);
        LabelVolume sparse = Inputs.labelsOn(img.grid(), labels, "label volume");
        Hints h = hints == null ? null : new Hints(Inputs.labelsOn(img.grid(), hints, "hint volume"));
        return new SegmentationInputs(img, sparse, h);
    }

    /** The output name prefix. */
    String baseName() { return name != null ? name : Inputs.baseName(image); }
}
