// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.util.List;
import java.util.Objects;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/**
 * What the server knows about a stored volume without reading it again.
 *
 * @param fileName  name in the session directory, e.g. {@code labels.nii.gz}
 * @param bytes     file size as uploaded
 * @param sha256    hex digest of the uploaded bytes
 * @param shape     voxels along array axes 0, 1, 2
 * @param spacingMm voxel size along array axes 0, 1, 2
 * @param axisCodes anatomical direction of array axes 0, 1, 2, e.g. "RAS"
 * @param affine    voxel-to-world matrix in force (mm), 16 values row-major
 * @param labels    non-zero label values present (empty for an image)
 */
public record VolumeSummary(String fileName, long bytes, String sha256, List<Integer> shape, List<Double> spacingMm,
                            String axisCodes, List<Double> affine, List<Integer> labels) {
    public VolumeSummary {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        shape = List.copyOf(shape);
        spacingMm = List.copyOf(spacingMm);
        affine = List.copyOf(affine);
        if (affine.size() != 16) throw new IllegalArgumentException("affine needs 16 values, got " + affine.size());
        labels = labels == null ? List.of() : List.copyOf(labels);
        if (shape.size() != 3 || spacingMm.size() != 3)
            throw new IllegalArgumentException("shape and spacing need 3 values, got " + shape + " and " + spacingMm);
    }

    /** The grid this volume lies on (shape and affine; enough for {@link Grid#mismatch}). */
    public Grid grid() {
        double[] a = affine.stream().mapToDouble(Double::doubleValue).toArray();
        return Grid.of(new Shape3(shape.get(0), shape.get(1), shape.get(2)), Affine.of(a));
    }

    /** Whether the stored file is gzip-compressed. */
    public boolean gzip() { return fileName.endsWith(".gz"); }
}
