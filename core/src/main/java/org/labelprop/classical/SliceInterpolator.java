// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/**
 * Fills the non-annotated slices of a sparse annotation from the image-blind geometry of the annotated ones: the classical
 * baselines LabelProp is measured against. Annotated slices (any non-zero voxel) are complete and come out unchanged; see
 * {@link AnnotatedSlices} for what "complete" and "single-slice label" mean.
 */
public interface SliceInterpolator {
    /**
     * @param sparse a label volume whose non-zero voxels lie on the annotated slices
     * @param axis   the axis the slices are stacked along
     * @return a new label volume on the same grid
     * @throws IllegalArgumentException when no slice is annotated
     */
    LabelVolume interpolate(LabelVolume sparse, SliceAxis axis, InterpolationOptions options);
}
