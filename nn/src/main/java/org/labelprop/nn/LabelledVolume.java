// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/** An image with its (sparse or complete) annotation on the same grid, for {@link DeepLabelProp#trainDataset}. */
public record LabelledVolume(Volume image, LabelVolume labels) {
    public LabelledVolume {
        if (image == null || labels == null) throw new IllegalArgumentException("image and labels are required");
        String why = image.grid().mismatch(labels.grid(), "label volume");
        if (why != null) throw new IllegalArgumentException(why);
    }
}
