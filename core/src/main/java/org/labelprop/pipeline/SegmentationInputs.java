// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.util.Objects;
import org.labelprop.propagation.Hints;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * The volumes a segmentation reads (checked against each other by {@link Segmentation#run}).
 *
 * @param image       the scan
 * @param annotation  complete masks on a few slices, 0 elsewhere
 * @param hintsOrNull scribbles, or null
 */
public record SegmentationInputs(Volume image, LabelVolume annotation, Hints hintsOrNull) {
    public SegmentationInputs {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(annotation, "annotation");
    }
}
