// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;

/**
 * The sparse input: which slices along {@code axis} are annotated and, per label, on which of them it is present.
 * <p>
 * A slice is annotated when it holds any non-zero voxel, and an annotated slice is taken as <b>complete</b>: a label absent
 * there is evidence that the label is absent from that slice (unlike the original, where it meant nothing).
 * <p>
 * <b>Single-slice labels.</b> A label present on exactly one annotated slice {@code s} has no interval to interpolate or
 * propagate over; the original silently dropped it. Here it is kept and reported as
 * {@link LabelCoverage#SINGLE_SLICE}: it is carried from {@code s} towards the neighbouring annotated slices but only over the
 * slices whose nearest annotated slice is {@code s} ({@link #nearestAnnotated}, ties to the lower slice), i.e. at most half
 * way to each neighbour, exactly as nearest-slice copy would; beyond the outermost annotation only when extrapolating.
 * <p>
 * Arrays passed in are copied and arrays handed out are copies.
 *
 * @param axis          the slicing (propagation) axis
 * @param sliceCount    number of slices along {@code axis}
 * @param slices        annotated slice indices, strictly ascending
 * @param labels        labels present in the annotation, strictly ascending, all positive
 * @param slicesByLabel for {@code labels[i]} the ascending annotated slices where it is present (non-empty)
 */
public record AnnotatedSlices(SliceAxis axis, int sliceCount, int[] slices, int[] labels, int[][] slicesByLabel) {

    /** One label's annotated slices and its {@link LabelCoverage}; prints as e.g. {@code label 3: slices [12] -> single-slice}. */
    public record LabelStatus(int label, int[] slices) {
        public LabelStatus { slices = slices.clone(); }

        @Override public int[] slices() { return slices.clone(); }

        public LabelCoverage coverage() { return slices.length == 1 ? LabelCoverage.SINGLE_SLICE : LabelCoverage.RANGE; }

        @Override public String toString() {
            return "label " + label + ": slices " + Arrays.toString(slices) + " -> "
                + (coverage() == LabelCoverage.SINGLE_SLICE ? "single-slice (kept up to half way to the neighbouring annotated slices)"
                    : "range " + slices[0] + ".." + slices[slices.length - 1]);
        }
    }

    public AnnotatedSlices {
        Objects.requireNonNull(axis, "axis");
        if (sliceCount < 1) throw new IllegalArgumentException("slice count must be positive, got " + sliceCount);
        slices = ascending(slices, 0, sliceCount - 1, "annotated slices");
        labels = ascending(labels, 1, LabelVolume.MAX_LABEL, "labels");
        if (slicesByLabel.length != labels.length)
            throw new IllegalArgumentException(labels.length + " labels need as many slice lists, got " + slicesByLabel.length);
        int[][] copy = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            copy[i] = ascending(slicesByLabel[i], 0, sliceCount - 1, "slices of label " + labels[i]);
            if (copy[i].length == 0) throw new IllegalArgumentException("label " + labels[i] + " has no annotated slice");
            for (int s : copy[i])
                if (Arrays.binarySearch(slices, s) < 0)
                    throw new IllegalArgumentException("label " + labels[i] + " is on slice " + s + ", which is not annotated");
        }
        slicesByLabel = copy;
    }

    /** Scans {@code sparse} once and collects the annotated slices along {@code axis} and the slices of each label. */
    public static AnnotatedSlices of(LabelVolume sparse, SliceAxis axis) {
        Shape3 shape = sparse.shape();
        int[] data = sparse.array();
        BitSet[] byLabel = new BitSet[sparse.maxLabel() + 1];
        BitSet any = new BitSet();
        int a = axis.index();
        for (int z = 0, i = 0; z < shape.nz(); z++)
            for (int y = 0; y < shape.ny(); y++)
                for (int x = 0; x < shape.nx(); x++, i++) {
                    int l = data[i];
                    if (l == 0) continue;
                    int s = a == 0 ? x : a == 1 ? y : z;
                    if (byLabel[l] == null) byLabel[l] = new BitSet();
                    byLabel[l].set(s);
                    any.set(s);
                }
        List<Integer> labels = new ArrayList<>();
        List<int[]> lists = new ArrayList<>();
        for (int l = 1; l < byLabel.length; l++)
            if (byLabel[l] != null) { labels.add(l); lists.add(byLabel[l].stream().toArray()); }
        return new AnnotatedSlices(axis, shape.size(axis), any.stream().toArray(),
            labels.stream().mapToInt(Integer::intValue).toArray(), lists.toArray(new int[0][]));
    }

    @Override public int[] slices() { return slices.clone(); }

    @Override public int[] labels() { return labels.clone(); }

    @Override public int[][] slicesByLabel() {
        int[][] out = new int[slicesByLabel.length][];
        for (int i = 0; i < out.length; i++) out[i] = slicesByLabel[i].clone();
        return out;
    }

    /** Number of annotated slices. */
    public int count() { return slices.length; }

    public boolean isEmpty() { return slices.length == 0; }

    public boolean isAnnotated(int slice) { return Arrays.binarySearch(slices, slice) >= 0; }

    /** The annotated slices where {@code label} is present, ascending; empty when it is not in the annotation. */
    public int[] slicesOf(int label) {
        int i = Arrays.binarySearch(labels, label);
        return i < 0 ? new int[0] : slicesByLabel[i].clone();
    }

    /** Whether {@code label} is present on annotated slice {@code slice}. */
    public boolean isPresent(int label, int slice) {
        int i = Arrays.binarySearch(labels, label);
        return i >= 0 && Arrays.binarySearch(slicesByLabel[i], slice) >= 0;
    }

    /** Coverage of a label of the annotation; throws for a label that is not in it. */
    public LabelCoverage coverage(int label) {
        int i = Arrays.binarySearch(labels, label);
        if (i < 0) throw new IllegalArgumentException("label " + label + " is not in the annotation; labels are " + Arrays.toString(labels));
        return slicesByLabel[i].length == 1 ? LabelCoverage.SINGLE_SLICE : LabelCoverage.RANGE;
    }

    /** Per-label status, ascending by label. */
    public List<LabelStatus> statuses() {
        List<LabelStatus> out = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) out.add(new LabelStatus(labels[i], slicesByLabel[i]));
        return List.copyOf(out);
    }

    /** Lowest annotated slice; throws when nothing is annotated. */
    public int firstSlice() { requireAnnotation(); return slices[0]; }

    /** Highest annotated slice; throws when nothing is annotated. */
    public int lastSlice() { requireAnnotation(); return slices[slices.length - 1]; }

    /**
     * The annotated slice whose annotation {@code slice} takes under nearest-annotation territory: itself when annotated,
     * else the nearest annotated slice, a tie (exactly half way) going to the lower one. Outside
     * [{@link #firstSlice}, {@link #lastSlice}] that is the outermost annotated slice when {@code extrapolate}, else -1.
     */
    public int nearestAnnotated(int slice, boolean extrapolate) {
        requireAnnotation();
        if (slice < 0 || slice >= sliceCount)
            throw new IndexOutOfBoundsException("slice " + slice + " is outside 0.." + (sliceCount - 1));
        int i = Arrays.binarySearch(slices, slice);
        if (i >= 0) return slice;
        int next = -i - 1; // index of the first annotated slice above
        if (next == 0) return extrapolate ? slices[0] : -1;
        if (next == slices.length) return extrapolate ? slices[slices.length - 1] : -1;
        int lo = slices[next - 1], hi = slices[next];
        return slice - lo <= hi - slice ? lo : hi;
    }

    private void requireAnnotation() {
        if (slices.length == 0) throw new IllegalStateException("no slice along axis " + axis + " is annotated");
    }

    private static int[] ascending(int[] values, int min, int max, String what) {
        int[] c = Objects.requireNonNull(values, what).clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] < min || c[i] > max)
                throw new IllegalArgumentException(what + " must lie within " + min + ".." + max + ", found " + c[i]);
            if (i > 0 && c[i] <= c[i - 1])
                throw new IllegalArgumentException(what + " must be strictly ascending, found " + Arrays.toString(c));
        }
        return c;
    }

    @Override public boolean equals(Object o) {
        return o instanceof AnnotatedSlices a && axis == a.axis && sliceCount == a.sliceCount && Arrays.equals(slices, a.slices)
            && Arrays.equals(labels, a.labels) && Arrays.deepEquals(slicesByLabel, a.slicesByLabel);
    }

    @Override public int hashCode() { return Objects.hash(axis, sliceCount, Arrays.hashCode(slices), Arrays.hashCode(labels)); }

    @Override public String toString() {
        return "AnnotatedSlices[axis=" + axis + ", slices=" + Arrays.toString(slices) + ", " + statuses() + "]";
    }
}
