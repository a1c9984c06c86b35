// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.labelprop.flow.IntensityWindow;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The {@link IntensityPrior} of every slice of one propagation: fitted on the two annotated slices that bracket the
 * slice (the one nearest beyond the outermost annotations), so the intensities it trusts are those of the same stretch
 * of the scan (a bias field or a change of anatomy along the axis does not blur it). Intensities are binned within the
 * scan's 1st–99.5th percentile window, computed once; a scan whose window is empty (a constant image) has no prior.
 */
final class IntensityPriors {
    private final Volume image;
    private final LabelVolume sparse;
    private final SliceAxis axis;
    private final int[] annotated;
    private final int[] channelOf;
    private final int channels;
    private final double power;
    private final IntensityWindow window;
    private final Map<Long, IntensityPrior> fitted = new HashMap<>();

    /**
     * @param annotated the annotated slice indices, increasing (at least one)
     * @param channelOf the channel of each label value, -1 for labels not propagated
     * @param power     the likelihood's exponent, > 0
     */
    IntensityPriors(Volume image, LabelVolume sparse, SliceAxis axis, int[] annotated, int[] channelOf, int channels, double power) {
        if (annotated.length == 0) throw new IllegalArgumentException("an intensity prior needs an annotated slice");
        if (!(power > 0)) throw new IllegalArgumentException("intensity prior power must be > 0, got " + power);
        this.image = image;
        this.sparse = sparse;
        this.axis = axis;
        this.annotated = annotated.clone();
        this.channelOf = channelOf;
        this.channels = channels;
        this.power = power;
        this.window = IntensityWindow.percentiles(image, IntensityWindow.LOW_PERCENT, IntensityWindow.HIGH_PERCENT);
    }

    /** The prior for slice {@code s}, fitted on the annotated slices around it; null when the scan's window is empty. */
    IntensityPrior at(int s) {
        if (!(window.high() > window.low())) return null;
        int k = Arrays.binarySearch(annotated, s);
        int below, above;
        if (k >= 0) below = above = s;
        else {
            int ins = -k - 1;
            below = annotated[Math.max(0, ins - 1)];
            above = annotated[Math.min(annotated.length - 1, ins)];
        }
        int[] slices = below == above ? new int[] {below} : new int[] {below, above};
        return fitted.computeIfAbsent((long) below << 32 | above,
            key -> IntensityPrior.fit(this::bins, sparse, axis, slices, channelOf, channels, power));
    }

    /** The intensity bin of every pixel of slice {@code s}. */
    int[] bins(int s) { return IntensityPrior.bins(image, axis, window, s); }
}
