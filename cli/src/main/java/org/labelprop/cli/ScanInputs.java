// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.labelprop.io.ItkSnapLabels;
import org.labelprop.io.VolumeFormat;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.labels.Segmentation;
import org.labelprop.pipeline.OutputOptions;
import org.labelprop.pipeline.SegmentationInputs;
import org.labelprop.propagation.Hints;
import org.labelprop.volume.Volume;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The inputs and outputs shared by train and propagate: IMAGE LABELS [--series] [--hints] [--axis] [-o] [-n]
 * [--output-format] [--labels-description].
 */
final class ScanInputs {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "The scan: NIfTI (.nii, .nii.gz), NRRD (.nrrd, .nhdr), MetaImage "
        + "(.mha, .mhd), or a DICOM folder or .zip (converted with dcm2niix).")
    Path image;

    @Parameters(index = "1", paramLabel = "LABELS", description = "Complete annotations on a few slices, on the image's grid: "
        + "a label map in any of the image formats, or a 3D Slicer segmentation (.seg.nrrd).")
    Path labels;

    @Option(names = "--series", paramLabel = "N", description = "Which series of a DICOM folder or .zip holding several (1, 2, … "
        + "as listed when it is missing).")
    Integer series;

    @Option(names = "--hints", paramLabel = "FILE", description = "Scribbles on the image's grid (any label map format): k marks "
        + "label k, 255 marks background.")
    Path hints;

    @Option(names = "--axis",
        description = "Propagation axis: 0, 1, 2, x, y, z, axial, coronal or sagittal. Default: ${DEFAULT-VALUE}.")
    String axis;

    @Option(names = {"-o", "--output-dir"}, defaultValue = ".", description = "Output folder (created). Default: the current folder.")
    Path outputDir;

    @Option(names = {"-n", "--name"}, description = "Output name prefix. Default: the image's file or folder name.")
    String name;

    @Option(names = "--output-format", paramLabel = "nifti|nrrd|mha|seg.nrrd", converter = OutputFormatConverter.class,
        description = "Format of the label outputs: nifti (.nii.gz), nrrd, mha, or seg.nrrd (a 3D Slicer segmentation with "
            + "label names and colours; the uncertainty map is then .nrrd). Default: the image's format (NIfTI for DICOM).")
    VolumeFormat outputFormat;

    @Option(names = "--labels-description", paramLabel = "FILE", description = "ITK-SNAP label description file: label names "
        + "and colours for seg.nrrd outputs and for NAME_fused.labels.txt beside the other formats. Default: the names and "
        + "colours LABELS carries (a .seg.nrrd, or LABELS_STEM.labels.txt beside it), if any.")
    Path labelsDescription;

    /** The volumes, read and checked against the image's grid, and how the outputs are to be written. */
    Loaded load() throws IOException {
        LabelDescriptions given = labelsDescription == null ? null : ItkSnapLabels.read(labelsDescription);
        VolumeFormat format = outputFormat != null ? outputFormat : OutputOptions.following(image);
        Volume img = Inputs.image(image, series);
        Segmentation sparse = Inputs.segmentationOn(img.grid(), labels, "label volume");
        Hints h = hints == null ? null : new Hints(Inputs.labelsOn(img.grid(), hints, "hint volume"));
        LabelDescriptions carried = sparse.descriptions().entries().isEmpty() ? null : sparse.descriptions();
        return new Loaded(new SegmentationInputs(img, sparse.labels(), h), new OutputOptions(format, given != null ? given : carried));
    }

    /** The output name prefix. */
    String baseName() { return name != null ? name : Inputs.baseName(image); }

    /** What {@link #load} read. */
    record Loaded(SegmentationInputs inputs, OutputOptions outputs) { }
}
