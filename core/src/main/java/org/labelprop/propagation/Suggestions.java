// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Ranks non-annotated slices by where one more annotation should help most. A slice's evidence is its summed
 * uncertainty U (voxels, see {@link PropagationResult#uncertainty()}); its score is {@code U * d / (d + 1)} with d the
 * distance in slices to the nearest annotated slice, so slices right next to an annotation (which it already pins down)
 * count half. Picks are greedy: after each pick the slice counts as annotated and the distances are updated, so the list
 * spreads over the volume instead of listing the neighbours of one uncertain slice. Slices with U = 0 are never suggested.
 * Each suggestion names the labels the two directions disagree on there ({@link LabelDisagreement}), when both reached it.
 */
final class Suggestions {
    private Suggestions() { }

    /** @param pixelAreaMm2 in-plane area of one pixel of a slice, mm² (for the reasons) */
    static List<SliceSuggestion> rank(double[] sliceUncertainty, int[] annotated, int max, double pixelAreaMm2) {
        return rank(sliceUncertainty, annotated, max, pixelAreaMm2, null);
    }

    /** As above, with per-label disagreement where {@code labelsOrNull} recorded it (null: not recorded, every slice taken as two-way). */
    static List<SliceSuggestion> rank(double[] sliceUncertainty, int[] annotated, int max, double pixelAreaMm2, Disagreements labelsOrNull) {
        Disagreements labels = labelsOrNull == null ? Disagreements.none(sliceUncertainty.length) : labelsOrNull;
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
            List<LabelDisagreement> perLabel = labels.at(best, pixelAreaMm2);
            out.add(new SliceSuggestion(best, bestScore, reason(sliceUncertainty[best] * pixelAreaMm2, dist[best], labelsOrNull == null || labels.twoWay(best), perLabel),
                perLabel));
            closer(dist, best);
        }
        return List.copyOf(out);
    }

    static double score(double uncertainty, int distance) {
        return distance == Integer.MAX_VALUE ? uncertainty : uncertainty * distance / (distance + 1.0);
    }

    /** At most this many labels are named in a reason (all of them are in the suggestion's list). */
    private static final int LABELS_IN_REASON = 3;

    private static String reason(double areaMm2, int distance, boolean twoWay, List<LabelDisagreement> perLabel) {
        String where = String.format(Locale.ROOT, "; %d slice%s from the nearest annotated or suggested slice", distance, distance == 1 ? "" : "s");
        if (!twoWay)
            return String.format(Locale.ROOT, "only one propagation direction reaches this slice and it is unsure over about %.0f mm²", areaMm2)
                + where;
        if (perLabel.isEmpty())
            return String.format(Locale.ROOT, "the two propagation directions disagree over about %.0f mm² of this slice", areaMm2) + where;
        String named = perLabel.stream().limit(LABELS_IN_REASON).map(LabelDisagreement::describe).collect(Collectors.joining(", "));
        int more = perLabel.size() - LABELS_IN_REASON;
        return "the two propagation directions disagree on " + named + (more > 0 ? " and " + more + " more label" + (more == 1 ? "" : "s") : "")
            + where;
    }

    private static void closer(int[] dist, int slice) {
        for (int i = 0; i < dist.length; i++) dist[i] = Math.min(dist[i], Math.abs(i - slice));
    }
}
