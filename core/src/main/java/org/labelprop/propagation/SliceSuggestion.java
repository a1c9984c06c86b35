// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A slice worth annotating next.
 *
 * @param slice         slice index along the propagation axis (not annotated)
 * @param score         higher = more useful to annotate; comparable within one list only
 * @param reason        why, in words a person understands
 * @param disagreements the labels the two propagation directions disagree on there, largest area first (empty when the
 *                      ranking is image-blind or only one direction reached the slice)
 */
public record SliceSuggestion(int slice, double score, String reason, List<LabelDisagreement> disagreements) {
    public SliceSuggestion {
        if (slice < 0) throw new IllegalArgumentException("slice must be >= 0, got " + slice);
        if (!(score >= 0 && Double.isFinite(score))) throw new IllegalArgumentException("score must be finite and >= 0, got " + score);
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a suggestion needs a reason");
        disagreements = List.copyOf(disagreements);
    }

    /** A suggestion without per-label detail. */
    public SliceSuggestion(int slice, double score, String reason) { this(slice, score, reason, List.of()); }

    /** E.g. {@code {"slice":12,"score":40.5,"reason":"...","disagreements":[{"label":3,...}]}}. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"slice\":%d,\"score\":%s,\"reason\":%s,\"disagreements\":%s}", slice,
            JsonText.number(score), JsonText.string(reason),
            disagreements.stream().map(LabelDisagreement::toJson).collect(Collectors.joining(",", "[", "]")));
    }
}
