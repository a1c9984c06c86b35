// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.labelprop.propagation.Hints;
import org.labelprop.volume.LabelSlice;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/**
 * Sparse annotations and scribbles as soft one-hot maps on the padded slice grid of a {@link SliceStack}, all labels at
 * once: channel 0 is background, channel {@code c ≥ 1} is label {@code labels[c − 1]}. A slice is annotated when it has any
 * non-zero voxel, and annotated slices are complete: a label absent there is a target of 0 (background 1).
 * Hints ({@link Hints}): value k marks "label k here" (channel of k), 255 marks "background here" (channel 0); a label
 * only hinted gets a channel too, as in inference. Padding is background in annotations and unmarked in hints.
 */
public record AnnotationStack(int[] labels, TreeMap<Integer, float[]> annotated, TreeMap<Integer, float[]> hints) {

    public int channels() { return labels.length + 1; }

    public List<Integer> annotatedSlices() { return new ArrayList<>(annotated.keySet()); }

    public static AnnotationStack of(LabelVolume sparse, Hints hintsOrNull, SliceStack stack) {
        SliceAxis axis = stack.axis();
        int[] labels = IntStream.concat(Arrays.stream(sparse.labels()),
            hintsOrNull == null ? IntStream.empty() : Arrays.stream(hintsOrNull.labels())).distinct().sorted().toArray();
        TreeMap<Integer, float[]> ann = new TreeMap<>(), hints = new TreeMap<>();
        for (int k = 0; k < stack.slices(); k++) {
            float[] a = oneHot(sparse.slice(axis, k), labels, stack, false);
            if (a != null) ann.put(k, a);
            if (hintsOrNull != null) {
                float[] h = oneHot(hintsOrNull.volume().slice(axis, k), labels, stack, true);
                if (h != null) hints.put(k, h);
            }
        }
        return new AnnotationStack(labels, ann, hints);
    }

    /** One-hot of a slice, or null when nothing is marked on it. */
    private static float[] oneHot(LabelSlice s, int[] labels, SliceStack stack, boolean hint) {
        int ph = stack.paddedHeight(), pw = stack.paddedWidth(), plane = ph * pw;
        float[] out = new float[(labels.length + 1) * plane];
        boolean any = false;
        for (int v = 0; v < ph; v++)
            for (int u = 0; u < pw; u++) {
                int value = u < stack.width() && v < stack.height() ? s.get(u, v) : 0;
                int c;
                if (hint) c = value == Hints.BACKGROUND ? 0 : value == 0 ? -1 : channelOf(labels, value);
                else c = value == 0 ? 0 : channelOf(labels, value);
                if (value != 0) any = true;
                if (c >= 0) out[c * plane + v * pw + u] = 1f;
            }
        return any ? out : null;
    }

    private static int channelOf(int[] labels, int value) {
        int i = Arrays.binarySearch(labels, value);
        return i >= 0 ? i + 1 : -1;
    }
}
