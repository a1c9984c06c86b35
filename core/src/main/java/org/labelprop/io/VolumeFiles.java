// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.labels.Segmentation;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * The one place to read inputs and write outputs in any supported format (see {@link VolumeFormat}): the format is
 * detected from the file's name, else its content. Label descriptions travel inside 3D Slicer segmentations and in an
 * ITK-SNAP label description file beside label maps of the other formats ({@link ItkSnapLabels#besidePath}).
 */
public final class VolumeFiles {
    private VolumeFiles() {}

    /** The image as float32 values (a segmentation's single layer reads as its label values). */
    public static Volume readVolume(Path file) throws IOException {
        return switch (VolumeFormat.detect(file)) {
            case NIFTI -> Nifti.readVolume(file);
            case NRRD, SEG_NRRD -> Nrrd.readVolume(file);
            case METAIMAGE -> MetaImage.readVolume(file);
        };
    }

    /** The label map; a multi-layer 3D Slicer segmentation is merged into one map (see {@link SegNrrd#read}). */
    public static LabelVolume readLabels(Path file) throws IOException {
        return switch (VolumeFormat.detect(file)) {
            case NIFTI -> Nifti.readLabels(file);
            case NRRD, SEG_NRRD -> SegNrrd.read(file).labels();
            case METAIMAGE -> MetaImage.readLabels(file);
        };
    }

    /**
     * The label map and its descriptions: a segmentation's segment fields, else the ITK-SNAP file beside the label map
     * when there is one, else none (every label then has its default description).
     */
    public static Segmentation readSegmentation(Path file) throws IOException {
        VolumeFormat format = VolumeFormat.detect(file);
        Segmentation s = format == VolumeFormat.NRRD || format == VolumeFormat.SEG_NRRD ? SegNrrd.read(file)
            : new Segmentation(readLabels(file), LabelDescriptions.empty());
        Path beside = ItkSnapLabels.besidePath(file);
        if (!s.descriptions().entries().isEmpty() || !Files.isRegularFile(beside)) return s;
        return new Segmentation(s.labels(), ItkSnapLabels.read(beside));
    }

    /**
     * Writes the image as float32 in {@code format} (NIfTI gzip-compressed when the name ends in .gz; NRRD gzip;
     * MetaImage zlib).
     * @throws IllegalArgumentException for {@link VolumeFormat#SEG_NRRD} (label maps only) or a name of another format
     */
    public static void writeVolume(Path file, VolumeFormat format, Volume volume) throws IOException {
        requireMatchingName(file, format);
        switch (format) {
            case NIFTI -> Nifti.writeVolume(file, volume);
            case NRRD -> Nrrd.writeVolume(file, volume);
            case METAIMAGE -> MetaImage.writeVolume(file, volume);
            case SEG_NRRD -> throw new IllegalArgumentException("a 3D Slicer segmentation holds label maps, not images; write "
                + file + " as nifti, nrrd or mha");
        }
    }

    /**
     * Writes a label map in {@code format}: uint8 (uint16 above 255). With descriptions, a segmentation carries them
     * inside and the other formats get an ITK-SNAP label description file beside them; without, a segmentation names
     * its segments "Label N" in palette colours and no other file is written.
     * @param descriptions names and colours, or null
     * @return the files written, the label map first
     */
    public static List<Path> writeLabels(Path file, VolumeFormat format, LabelVolume labels, LabelDescriptions descriptions)
            throws IOException {
        requireMatchingName(file, format);
        switch (format) {
            case NIFTI -> Nifti.writeLabels(file, labels);
            case NRRD -> Nrrd.writeLabels(file, labels);
            case METAIMAGE -> MetaImage.writeLabels(file, labels);
            case SEG_NRRD -> {
                SegNrrd.write(file, labels, descriptions);
                return List.of(file);
            }
        }
        if (descriptions == null) return List.of(file);
        Path beside = ItkSnapLabels.besidePath(file);
        ItkSnapLabels.write(beside, descriptions.completedFor(labels.labels()));
        return List.of(file, beside);
    }

    /** A name with another format's ending would be misread later; NRRD and segmentation names may be swapped. */
    private static void requireMatchingName(Path file, VolumeFormat format) {
        VolumeFormat named = VolumeFormat.fromName(file).orElse(format);
        boolean nrrdFamily = (named == VolumeFormat.NRRD || named == VolumeFormat.SEG_NRRD)
            && (format == VolumeFormat.NRRD || format == VolumeFormat.SEG_NRRD);
        if (named != format && !nrrdFamily)
            throw new IllegalArgumentException("file name " + file.getFileName() + " is for " + named.cliName() + " but the format is "
                + format.cliName() + "; name it " + format.fileName(VolumeFormat.stem(file)));
    }
}
