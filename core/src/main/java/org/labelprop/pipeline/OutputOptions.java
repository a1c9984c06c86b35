// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.labelprop.io.VolumeFormat;
import org.labelprop.io.dicom.DicomImport;
import org.labelprop.labels.LabelDescriptions;

/**
 * How {@link SegmentationWriter} writes a segmentation's outputs.
 *
 * @param format             the label maps' format; the uncertainty map of a {@link VolumeFormat#SEG_NRRD} output is a
 *                           plain NRRD (a segmentation holds labels, not probabilities)
 * @param descriptionsOrNull label names and colours: inside 3D Slicer segmentations, and in an ITK-SNAP label
 *                           description file beside the fused labels of the other formats; null: none known
 */
public record OutputOptions(VolumeFormat format, LabelDescriptions descriptionsOrNull) {
    public OutputOptions {
        Objects.requireNonNull(format, "format");
    }

    /** NIfTI ({@code .nii.gz}) without label descriptions: what the server writes. */
    public static OutputOptions nifti() { return new OutputOptions(VolumeFormat.NIFTI, null); }

    public OutputOptions withDescriptions(LabelDescriptions d) { return new OutputOptions(format, d); }

    /**
     * The format outputs take when none is asked for: the image's own (a 3D Slicer segmentation given as image → NRRD),
     * NIfTI for a DICOM folder or .zip.
     */
    public static VolumeFormat following(Path image) throws IOException {
        if (DicomImport.accepts(image)) return VolumeFormat.NIFTI;
        VolumeFormat f = VolumeFormat.detect(image);
        return f == VolumeFormat.SEG_NRRD ? VolumeFormat.NRRD : f;
    }
}
