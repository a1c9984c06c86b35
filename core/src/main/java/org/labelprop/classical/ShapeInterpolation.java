// SPDX-License-Identifier: Apache-2.0
package org.labelprop.classical;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.propagation.LabelCoverage;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;

/**
 * Shape-based interpolation: per label, linear interpolation of 2-D signed distance maps between consecutive annotated slices
 * (Raya and Udupa 1990; Herman et al. 1992).
 * <p>
 * For consecutive annotated slices {@code a < b} (consecutive among all annotated slices, since an annotated slice is
 * complete) and each label present on {@code a} or {@code b}, let {@code d_a}, {@code d_b} be its signed distance maps in mm
 * on those slices ({@link DistanceTransform#signed2d}: negative inside, in-plane spacing). Slice {@code s} in between, with
 * {@code t = (s - a)/(b - a)}, gets {@code d = (1 - t) d_a + t d_b} and the label where {@code d <= 0}: a pixel exactly on
 * the interpolated boundary belongs to the shape, so two labels whose boundaries move together leave no seam of background
 * (pixel-centre distances are never 0 on the annotated slices themselves, so those are reproduced exactly).
 * <ul>
 * <li><b>Absent on one end</b> (present on {@code a}, absent on {@code b}, or mirrored): the absent side's distance is the
 * constant {@code +E}, {@code E = D + h/2}, with {@code D} the largest inside depth of the present shape and {@code h} the
 * smaller in-plane spacing, so {@code d <= 0} iff {@code d_a <= -E t/(1 - t)}: the shape erodes towards its deepest point
 * and is gone a little before the half-way slice (at {@code t > D/(2D + h/2)}).</li>
 * <li><b>Single-slice labels</b> (see {@link AnnotatedSlices}): the mask is copied unchanged (its {@code d_a} is used as is)
 * to the slices whose nearest annotated slice is its own, i.e. up to half way to each neighbour.</li>
 * <li><b>Competing labels</b>: the label with the most negative {@code d} wins a pixel; an exact tie goes to the lower label.</li>
 * <li><b>Outside</b> [first, last annotated slice]: background, or with {@link InterpolationOptions#extrapolate()} a copy of
 * the outermost annotated slice.</li>
 * </ul>
 * Annotated slices come out unchanged. Stops with a {@link java.util.concurrent.CancellationException} between intervals
 * when the thread is interrupted. Cost: two exact distance transforms per label per annotated slice, then one pass per
 * label over each interpolated slice.
 */
public final class ShapeInterpolation implements SliceInterpolator {

    @Override
    public LabelVolume interpolate(LabelVolume sparse, SliceAxis axis, InterpolationOptions options) {
        AnnotatedSlices annotation = SliceMasks.annotation(sparse, axis);
        Shape3 shape = sparse.shape();
        Spacing spacing = sparse.grid().spacing();
        double du = spacing.along(axis.uAxis()), dv = spacing.along(axis.vAxis());
        int[] out = sparse.array().clone();
        int[] slices = annotation.slices();
        SliceDistances lower = SliceDistances.of(sparse, annotation, axis, slices[0], du, dv);
        for (int k = 0; k + 1 < slices.length; k++) {
            ProgressListener.checkCancelled(); // a server job may be cancelled by interrupting its thread
            int a = slices[k], b = slices[k + 1];
            SliceDistances upper = SliceDistances.of(sparse, annotation, axis, b, du, dv);
            for (int s = a + 1; s < b; s++)
                SliceMasks.write(out, shape, axis, s, interpolated(annotation, lower, upper, s));
            lower = upper;
        }
        if (options.extrapolate()) {
            int first = annotation.firstSlice(), last = annotation.lastSlice();
            for (int s = 0; s < first; s++) SliceMasks.copy(out, out, shape, axis, first, s);
            for (int s = last + 1; s < annotation.sliceCount(); s++) SliceMasks.copy(out, out, shape, axis, last, s);
        }
        return new LabelVolume(sparse.grid(), out);
    }

    /** The labels of non-annotated slice {@code s} strictly between the annotated slices of {@code lo} and {@code hi}. */
    private static int[] interpolated(AnnotatedSlices annotation, SliceDistances lo, SliceDistances hi, int s) {
        double t = (double) (s - lo.slice) / (hi.slice - lo.slice);
        int n = lo.pixels;
        double[] best = new double[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int[] winner = new int[n];
        TreeSet<Integer> candidates = new TreeSet<>(lo.signed.keySet());
        candidates.addAll(hi.signed.keySet());
        int nearest = annotation.nearestAnnotated(s, false);
        double[] d = new double[n];
        for (int label : candidates) {
            double[] da = lo.signed.get(label), db = hi.signed.get(label);
            if (annotation.coverage(label) == LabelCoverage.SINGLE_SLICE) {
                double[] own = da != null ? da : db;
                int ownSlice = da != null ? lo.slice : hi.slice;
                if (ownSlice != nearest) continue;
                System.arraycopy(own, 0, d, 0, n);
            } else if (da != null && db != null) {
                for (int p = 0; p < n; p++) d[p] = (1 - t) * da[p] + t * db[p];
            } else if (da != null) {
                double depth = lo.depth.get(label) + lo.halfPixel;
                for (int p = 0; p < n; p++) d[p] = (1 - t) * da[p] + t * depth;
            } else {
                double depth = hi.depth.get(label) + hi.halfPixel;
                for (int p = 0; p < n; p++) d[p] = (1 - t) * depth + t * db[p];
            }
            for (int p = 0; p < n; p++)
                if (d[p] <= 0 && d[p] < best[p]) { best[p] = d[p]; winner[p] = label; }
        }
        return winner;
    }

    /** The signed distance map and largest inside depth (mm) of every label present on one annotated slice; half a pixel (mm). */
    private record SliceDistances(int slice, int pixels, double halfPixel, TreeMap<Integer, double[]> signed,
                                  TreeMap<Integer, Double> depth) {
        static SliceDistances of(LabelVolume sparse, AnnotatedSlices annotation, SliceAxis axis, int slice, double du, double dv) {
            var view = sparse.slice(axis, slice);
            int[] pixels = view.toArray();
            TreeMap<Integer, double[]> signed = new TreeMap<>();
            TreeMap<Integer, Double> depth = new TreeMap<>();
            for (int label : annotation.labels()) {
                if (!annotation.isPresent(label, slice)) continue;
                boolean[] mask = new boolean[pixels.length];
                for (int p = 0; p < pixels.length; p++) mask[p] = pixels[p] == label;
                double[] sd = DistanceTransform.signed2d(mask, view.width(), view.height(), du, dv);
                double deepest = 0;
                for (double v : sd) deepest = Math.min(deepest, v);
                signed.put(label, sd);
                depth.put(label, -deepest);
            }
            return new SliceDistances(slice, pixels.length, Math.min(du, dv) / 2, signed, depth);
        }
    }
}
