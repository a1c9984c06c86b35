// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A slice worth annotating next, see {@link Suggestions} for how it is scored.
 *
 * @param slice       slice index along the propagation axis (not annotated)
 * @param score       {@code uncertainty * d / (d + 1)} when it was picked, d in slices
 * @param uncertainty sum of the per-voxel uncertainty over the slice (voxels)
 * @param distance    d: slices to the nearest annotated or previously suggested slice
 */
public record SliceSuggestion(int slice, double score, double uncertainty, int distance) {
    public SliceSuggestion {
        if (slice < 0) throw new IllegalArgumentException("slice must be >= 0, got " + slice);
        if (!(score >= 0 && uncertainty >= 0 && Double.isFinite(score) && Double.isFinite(uncertainty)))
            throw new IllegalArgumentException("score and uncertainty must be finite and >= 0, got " + score + " and " + uncertainty);
        if (distance < 1) throw new IllegalArgumentException("a suggested slice is at least 1 slice from an annotation, got " + distance);
    }

    /** E.g. {@code {"slice":12,"score":40.5,"uncertainty":81,"distance":1}}. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"slice\":%d,\"score\":%s,\"uncertainty\":%s,\"distance\":%d}",
            slice, number(score), number(uncertainty), distance);
    }

    /** A JSON array of suggestions, in order. */
    public static String toJson(List<SliceSuggestion> suggestions) {
        return suggestions.stream().map(SliceSuggestion::toJson).collect(Collectors.joining(",", "[", "]"));
    }

    static String number(double v) {
        // Double.toString is valid JSON for finite values (e.g. 7.5, 1.0E-5)
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
