// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.labelprop.volume.SliceAxis;

/**
 * The guidance a segmentation gives back, as every front end writes and reads it ({@code suggestions.json}):
 * <pre>{"axis": 2, "method": "uncertainty", "labels": {"1": "range", "3": "single-slice"},
 *  "slices": [{"slice": 40, "score": 812.5, "reason": "...",
 *              "disagreements": [{"label": 3, "areaMm2": 42, "labelAreaMm2": 120, "percent": 35}]}]}</pre>
 *
 * @param axis   the array axis the slice indices refer to
 * @param method how the slices were ranked: "uncertainty" (where the two propagation directions disagree) or
 *               "largest-gap" (image-blind methods: the middle of the largest gaps between annotated slices)
 * @param labels how each label was covered by the input
 * @param slices slices to annotate next, best first, each with the labels the two directions disagree on there
 */
public record SuggestionReport(SliceAxis axis, String method, SortedMap<Integer, LabelCoverage> labels, List<SliceSuggestion> slices) {
    public static final String UNCERTAINTY = "uncertainty";
    public static final String LARGEST_GAP = "largest-gap";

    public SuggestionReport {
        if (axis == null) throw new IllegalArgumentException("axis is required");
        if (!UNCERTAINTY.equals(method) && !LARGEST_GAP.equals(method))
            throw new IllegalArgumentException("method must be " + UNCERTAINTY + " or " + LARGEST_GAP + ", got " + method);
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        slices = List.copyOf(slices);
    }

    /** The report of a propagation: its label coverage and its uncertainty-ranked slices. */
    public static SuggestionReport of(SliceAxis axis, PropagationResult r) {
        return new SuggestionReport(axis, UNCERTAINTY, r.labelStatus(), r.suggestions());
    }

    /**
     * Image-blind ranking: the middle slice of each gap between consecutive annotated slices, larger gaps first
     * (score = gap length in slices); at most {@code limit} entries.
     */
    public static SuggestionReport largestGaps(SparseScan scan, int limit) {
        List<SliceSuggestion> out = new ArrayList<>();
        int[] s = scan.slices().slices();
        for (int i = 0; i + 1 < s.length; i++) {
            int gap = s[i + 1] - s[i];
            if (gap > 1) out.add(new SliceSuggestion((s[i] + s[i + 1]) / 2, gap,
                "middle of the " + (gap - 1) + " unannotated slices between annotated slices " + s[i] + " and " + s[i + 1]));
        }
        out.sort(Comparator.comparingDouble(SliceSuggestion::score).reversed().thenComparingInt(SliceSuggestion::slice));
        return new SuggestionReport(scan.axis(), LARGEST_GAP, scan.coverage(), out.subList(0, Math.min(limit, out.size())));
    }

    public String toJson() {
        String l = labels.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue().key() + "\"")
            .collect(Collectors.joining(",", "{", "}"));
        String sl = slices.stream().map(SliceSuggestion::toJson).collect(Collectors.joining(",", "[", "]"));
        return "{\"axis\":" + axis.index() + ",\"method\":" + JsonText.string(method) + ",\"labels\":" + l + ",\"slices\":" + sl + "}";
    }

    /** Labels that were not fully annotated over a range, with what that means, e.g. for a log. */
    public Map<Integer, String> warnings() {
        Map<Integer, String> w = new TreeMap<>();
        labels.forEach((label, c) -> { if (c != LabelCoverage.RANGE) w.put(label, c.description()); });
        return w;
    }
}
