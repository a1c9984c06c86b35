// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.nio.file.Path;
import java.util.Objects;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/**
 * One image series found in a DICOM input, as dcm2niix converted it.
 *
 * @param index        1-based position in the list shown to users (sorted by series number, then file name)
 * @param seriesNumber DICOM SeriesNumber, or -1 when absent
 * @param description  DICOM SeriesDescription (else ProtocolName, else ""), from dcm2niix's BIDS sidecar
 * @param modality     DICOM Modality (e.g. "MR", "CT"), or ""
 * @param shape        voxels along the NIfTI array axes
 * @param volumes      number of 3-D volumes (more than 1: a 4-D series, which cannot be used as one scan)
 * @param orientation  anatomical direction of the array axes, e.g. "LAS"
 * @param nifti        the converted file, inside the import's private folder (deleted when the import closes)
 */
public record DicomSeries(int index, int seriesNumber, String description, String modality, Shape3 shape, int volumes,
                          Spacing spacing, String orientation, Path nifti) {
    public DicomSeries {
        if (index < 1) throw new IllegalArgumentException("series index must be >= 1, got " + index);
        if (volumes < 1) throw new IllegalArgumentException("volumes must be >= 1, got " + volumes);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(spacing, "spacing");
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(nifti, "nifti");
    }

    /** One line for a list: "2: T1 MPRAGE (series 3, MR), 176x256x256, 1.0 x 1.0 x 1.0 mm, LAS". */
    public String summary() {
        String what = description.isEmpty() ? "(no description)" : description;
        String number = seriesNumber >= 0 ? "series " + seriesNumber : "no series number";
        return index + ": " + what + " (" + number + (modality.isEmpty() ? "" : ", " + modality) + "), " + shape
            + (volumes > 1 ? "x" + volumes + " (4-D)" : "") + ", " + mm(spacing.xMm()) + " x " + mm(spacing.yMm()) + " x "
            + mm(spacing.zMm()) + " mm, " + orientation;
    }

    /** A size as read, without float32 noise: 0.8999999761581421 → "0.9". */
    private static String mm(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(5)).stripTrailingZeros().toPlainString();
    }
}
