// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * A propagation test case: an image, its full ground truth, the propagation axis and named protocols (sets of slices
 * whose ground truth is given as the sparse annotation).
 */
public record BenchmarkCase(String name, Volume image, LabelVolume truth, SliceAxis axis, Map<String, int[]> protocols) {
    public BenchmarkCase {
        String m = image.grid().mismatch(truth.grid(), "ground truth");
        if (m != null) throw new IllegalArgumentException(m);
        protocols = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(protocols));
    }

    /** The sparse annotation of a protocol: the ground truth on its slices, background elsewhere. */
    public LabelVolume sparse(String protocol) {
        int[] slices = protocols.get(protocol);
        if (slices == null) throw new org.labelprop.UserInputException("unknown protocol '" + protocol + "', expected one of " + protocols.keySet());
        return keepSlices(truth, axis, slices);
    }

    /** A copy of {@code labels} keeping only the given slices along {@code axis}. */
    public static LabelVolume keepSlices(LabelVolume labels, SliceAxis axis, int[] slices) {
        Shape3 s = labels.shape();
        int[] src = labels.array();
        int[] out = new int[src.length];
        boolean[] keep = new boolean[s.size(axis)];
        for (int k : slices) keep[k] = true;
        for (int z = 0; z < s.nz(); z++)
            for (int y = 0; y < s.ny(); y++)
                for (int x = 0; x < s.nx(); x++) {
                    int k = axis == SliceAxis.X ? x : axis == SliceAxis.Y ? y : z;
                    if (keep[k]) { int i = s.index(x, y, z); out[i] = src[i]; }
                }
        return new LabelVolume(labels.grid(), out);
    }
}
