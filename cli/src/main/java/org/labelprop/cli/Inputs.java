// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.labelprop.UserInputException;
import org.labelprop.io.VolumeFiles;
import org.labelprop.io.VolumeFormat;
import org.labelprop.io.dicom.DicomImport;
import org.labelprop.io.dicom.DicomSeries;
import org.labelprop.labels.Segmentation;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * Reads the image (a NIfTI, NRRD or MetaImage file, or a DICOM folder or .zip converted by dcm2niix) and the label
 * volumes that must lie on its grid (any of those file formats, 3D Slicer segmentations included), with messages that
 * name the files.
 */
final class Inputs {
    private Inputs() { }

    /** The image; a DICOM input with several series needs {@code seriesOrNull} (1-based, as listed). */
    static Volume image(Path file, Integer seriesOrNull) throws IOException {
        if (DicomImport.accepts(file)) {
            try (DicomImport dicom = DicomImport.open(file)) {
                if (seriesOrNull == null && dicom.series().size() > 1)
                    throw new UserInputException(file + " holds " + dicom.series().size() + " DICOM series; choose one with --series N: "
                        + dicom.series().stream().map(DicomSeries::summary).collect(Collectors.joining("; ")));
                return dicom.readVolume(dicom.choose(seriesOrNull).index());
            }
        }
        if (seriesOrNull != null)
            throw new UserInputException("--series chooses among the series of a DICOM folder or .zip, but " + file + " is a "
                + VolumeFormat.detect(file).cliName() + " file");
        return VolumeFiles.readVolume(file);
    }

    /** Reads a label volume and checks it lies on {@code grid}; the result carries {@code grid} (the image's header). */
    static LabelVolume labelsOn(Grid grid, Path file, String what) throws IOException {
        return onGrid(grid, VolumeFiles.readLabels(file), file, what);
    }

    /** As {@link #labelsOn}, with the labels' names and colours (a segmentation's, or an ITK-SNAP file's beside the labels). */
    static Segmentation segmentationOn(Grid grid, Path file, String what) throws IOException {
        Segmentation s = VolumeFiles.readSegmentation(file);
        return new Segmentation(onGrid(grid, s.labels(), file, what), s.descriptions());
    }

    private static LabelVolume onGrid(Grid grid, LabelVolume l, Path file, String what) {
        String m = grid.mismatch(l.grid(), what + " " + file);
        if (m != null) throw new UserInputException(m);
        return new LabelVolume(grid, l.array());
    }

    /** Default output name: the image file name without its format's ending (.nii.gz, .seg.nrrd, .zip …), or the folder's name. */
    static String baseName(Path image) {
        Path name = image.toAbsolutePath().normalize().getFileName();
        if (name == null) return "scan";
        return DicomImport.accepts(image) && !image.toFile().isFile() ? name.toString() : VolumeFormat.stem(name);
    }
}
