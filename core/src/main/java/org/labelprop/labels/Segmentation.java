// SPDX-License-Identifier: Apache-2.0
package org.labelprop.labels;

import java.util.Objects;
import org.labelprop.volume.LabelVolume;

/** A label map with the descriptions (names, colours) of its labels, as a 3D Slicer segmentation file holds them. */
public record Segmentation(LabelVolume labels, LabelDescriptions descriptions) {
    public Segmentation {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(descriptions, "descriptions");
    }
}
