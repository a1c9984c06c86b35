// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/**
 * The annotation protocols of the benchmark: which slices along the axis are given as (complete) ground truth.
 * <ul>
 * <li>{@value #THREE_SLICES}: 10, 50 and 90 % of the extent {@code [first, last]} of all structures, {@code first +
 * round(f (last - first))};</li>
 * <li>"every k-th": every k-th slice over that extent, centred in it ({@code (last - first) / k + 1} slices);</li>
 * <li>{@value #PER_STRUCTURE}: for each structure, 10, 50 and 90 % of its own extent; the annotation is the complete
 * ground truth (every label) on the union of those slices, since an annotated slice is complete by definition
 * (propagation reads a label missing there as absent). The paper's protocol.</li>
 * </ul>
 */
public final class Protocols {
    public static final String THREE_SLICES = "3 slices";
    public static final String PER_STRUCTURE = "3 per structure";
    private static final double[] FRACTIONS = {0.1, 0.5, 0.9};

    private Protocols() { }

    /** "every 10th", "every 3rd", ... */
    public static String everyKth(int step) {
        String suffix = step % 100 >= 11 && step % 100 <= 13 ? "th" : switch (step % 10) { case 1 -> "st"; case 2 -> "nd"; case 3 -> "rd"; default -> "th"; };
        return "every " + step + suffix;
    }

    /** {@value #THREE_SLICES} and {@link #everyKth every step-th} over the extent [first, last]. */
    public static Map<String, int[]> overExtent(int first, int last, int step) {
        if (first > last || step < 1) throw new IllegalArgumentException("need first <= last and a positive step, got " + first + ", " + last + ", " + step);
        int extent = last - first;
        int count = extent / step + 1;
        int start = first + (extent - (count - 1) * step) / 2;
        int[] every = new int[count];
        for (int i = 0; i < count; i++) every[i] = start + step * i;
        Map<String, int[]> p = new LinkedHashMap<>();
        p.put(THREE_SLICES, fractions(first, last));
        p.put(everyKth(step), every);
        return p;
    }

    /** All three protocols for the structures of {@code truth} along {@code axis}. */
    public static Map<String, int[]> all(LabelVolume truth, SliceAxis axis, int step) {
        int[][] extents = extents(truth, axis);
        int first = Integer.MAX_VALUE, last = -1;
        TreeSet<Integer> perStructure = new TreeSet<>();
        for (int[] e : extents) {
            if (e == null) continue;
            first = Math.min(first, e[0]);
            last = Math.max(last, e[1]);
            for (int s : fractions(e[0], e[1])) perStructure.add(s);
        }
        if (last < 0) throw new IllegalArgumentException("the ground truth has no structure");
        Map<String, int[]> p = overExtent(first, last, step);
        p.put(PER_STRUCTURE, perStructure.stream().mapToInt(Integer::intValue).toArray());
        return p;
    }

    /** Per label value, {first, last} slice along {@code axis} holding it, or null when absent. */
    static int[][] extents(LabelVolume truth, SliceAxis axis) {
        int[][] e = new int[truth.maxLabel() + 1][];
        int n = truth.shape().size(axis);
        for (int s = 0; s < n; s++)
            for (int l : truth.slice(axis, s).toArray())
                if (l != 0) {
                    if (e[l] == null) e[l] = new int[] {s, s};
                    e[l][1] = s;
                }
        return e;
    }

    private static int[] fractions(int first, int last) {
        TreeSet<Integer> s = new TreeSet<>();
        for (double f : FRACTIONS) s.add(first + (int) Math.round(f * (last - first)));
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}
