// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/**
 * Nearest-slice copy: every non-annotated slice takes the whole annotation of its nearest annotated slice
 * ({@link AnnotatedSlices#nearestAnnotated}); a slice exactly half way between two annotated slices takes the lower one.
 * Slices outside [first, last annotated slice] stay background, or with {@link InterpolationOptions#extrapolate()} copy the
 * outermost annotated slice. A single-slice label is thus kept over its nearest-annotation territory, as documented in
 * {@link AnnotatedSlices}, and a label absent on an annotated slice never crosses it.
 */
public final class NearestSliceInterpolation implements SliceInterpolator {

    @Override
    public LabelVolume interpolate(LabelVolume sparse, SliceAxis axis, InterpolationOptions options) {
        AnnotatedSlices annotation = SliceMasks.annotation(sparse, axis);
        int[] src = sparse.array();
        int[] out = src.clone();
        for (int s = 0; s < annotation.sliceCount(); s++) {
            if (annotation.isAnnotated(s)) continue;
            int from = annotation.nearestAnnotated(s, options.extrapolate());
            if (from >= 0) SliceMasks.copy(src, out, sparse.shape(), axis, from, s);
        }
        return new LabelVolume(sparse.grid(), out);
    }
}
