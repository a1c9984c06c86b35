// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.labelprop.propagation.AnnotatedSlices;

/**
 * Slices to annotate next, best first, as {@code GET /api/sessions/{id}/suggestions} returns them.
 *
 * @param axis   the array axis the slice indices refer to
 * @param method how they were ranked, e.g. "largest-gap"
 */
public record Suggestions(int axis, String method, List<Suggestion> slices) {
    public Suggestions { slices = List.copyOf(slices); }

    /**
     * Image-blind ranking: the middle slice of each gap between consecutive annotated slices, larger gaps first
     * (score = gap length in slices); at most {@code limit} entries.
     */
    public static Suggestions largestGaps(AnnotatedSlices a, int limit) {
        List<Suggestion> out = new ArrayList<>();
        int[] s = a.slices();
        for (int i = 0; i + 1 < s.length; i++) {
            int gap = s[i + 1] - s[i];
            if (gap > 1) out.add(new Suggestion((s[i] + s[i + 1]) / 2, gap,
                "middle of the " + (gap - 1) + " unannotated slices between annotated slices " + s[i] + " and " + s[i + 1]));
        }
        out.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparingInt(Suggestion::slice));
        return new Suggestions(a.axis().index(), "largest-gap", out.subList(0, Math.min(limit, out.size())));
    }
}
