// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ranks non-annotated slices by where one more annotation should help most. A slice's evidence is its summed
 * uncertainty U (voxels, see {@link PropagationResult#uncertainty()}); its score is {@code U * d / (d + 1)} with d the
 * distance in slices to the nearest annotated slice, so slices right next to an annotation (which it already pins down)
 * count half. Picks are greedy: after each pick the slice counts as annotated and the distances are updated, so the list
 * spreads over the volume instead of listing the neighbours of one uncertain slice. Slices with U = 0 are never suggested.
 */
final class Suggestions {
    private Suggestions() { }

    /** @param pixelAreaMm2 in-plane area of one pixel of a slice, mm² (for the reasons) */
    static List<SliceSuggestion> rank(double[] sliceUncertainty, int[] annotated, int max, double pixelAreaMm2) {
        int n = sliceUncertainty.length;
        int[] dist = new int[n];
        Arrays.fill(dist, Integer.MAX_VALUE);
        for (int a : annotated) closer(dist, a);
        List<SliceSuggestion> out = new ArrayList<>();
        while (out.size() < max) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < n; i++) {
                if (dist[i] == 0 || !(sliceUncertainty[i] > 0)) continue;
                double s = score(sliceUncertainty[i], dist[i]);
                if (s > bestScore) { bestScore = s; best = i; }
            }
            if (best < 0) break;
            out.add(new SliceSuggestion(best, bestScore, reason(sliceUncertainty[best] * pixelAreaMm2, dist[best])));
            closer(dist, best);
        }
        return List.copyOf(out);
    }

    static double score(double uncertainty, int distance) {
        return distance == Integer.MAX_VALUE ? uncertainty : uncertainty * distance / (distance + 1.0);
    }

    private static String reason(double areaMm2, int distance) {
        return String.format(Locale.ROOT, "the two propagation directions disagree over about %.0f mm² of this slice; %d slice%s "
            + "from the nearest annotated or suggested slice", areaMm2, distance, distance == 1 ? "" : "s");
    }

    private static void closer(int[] dist, int slice) {
        for (int i = 0; i < dist.length; i++) dist[i] = Math.min(dist[i], Math.abs(i - slice));
    }
}
