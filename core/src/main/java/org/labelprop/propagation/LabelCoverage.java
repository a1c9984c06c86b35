// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/** How a label is covered by the user's input, which decides how it is filled in. */
public enum LabelCoverage {
    /** Present on two or more annotated slices: filled in between them. */
    RANGE("annotated on two or more slices"),
    /** Present on one annotated slice: carried from it at most half way to the neighbouring annotated slices. */
    SINGLE_SLICE("annotated on one slice only: annotate one more slice to propagate it"),
    /** Only in the scribbles (hints): carried from the hinted slices by registration; no annotated range. */
    HINT_ONLY("only in the scribbles: annotate it on two slices to propagate it reliably");

    private final String description;

    LabelCoverage(String description) { this.description = description; }

    /** The name every front end uses: "range", "single-slice" or "hint-only". */
    public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** What it means for the user, in words. */
    public String description() { return description; }

    @Override public String toString() { return key(); }

    /** The coverage of every label of the annotation and of the hints (labels only hinted are {@link #HINT_ONLY}). */
    public static SortedMap<Integer, LabelCoverage> of(AnnotatedSlices annotation, Hints hintsOrNull) {
        SortedMap<Integer, LabelCoverage> status = new TreeMap<>();
        for (AnnotatedSlices.LabelStatus s : annotation.statuses()) status.put(s.label(), s.coverage());
        if (hintsOrNull != null) for (int l : hintsOrNull.labels()) status.putIfAbsent(l, HINT_ONLY);
        return status;
    }
}
