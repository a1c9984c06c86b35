// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.util.Objects;
import org.labelprop.propagation.SuggestionReport;
import org.labelprop.request.Method;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * What a segmentation produced, all on the image grid. The registration methods also give each direction alone and
 * where they disagree; the image-blind methods only the fused labels.
 *
 * @param method            the method that ran
 * @param fused             the segmentation (annotated slices keep their annotation)
 * @param upOrNull          labels of the upward propagation alone, or null
 * @param downOrNull        labels of the downward propagation alone, or null
 * @param uncertaintyOrNull 0..1 per voxel, where the two directions disagree, or null
 * @param guidance          label coverage and the slices to annotate next
 * @param trainingOrNull    what training on the scan did, or null
 * @param seconds           wall time of the whole segmentation
 */
public record SegmentationResult(Method method, LabelVolume fused, LabelVolume upOrNull, LabelVolume downOrNull,
                                 Volume uncertaintyOrNull, SuggestionReport guidance, TrainingSummary trainingOrNull, double seconds) {
    public SegmentationResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(fused, "fused");
        Objects.requireNonNull(guidance, "guidance");
    }
}
