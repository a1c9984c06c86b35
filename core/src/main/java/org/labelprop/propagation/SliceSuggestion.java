// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Locale;

/**
 * A slice worth annotating next.
 *
 * @param slice  slice index along the propagation axis (not annotated)
 * @param score  higher = more useful to annotate; comparable within one list only
 * @param reason why, in words a person understands
 */
public record SliceSuggestion(int slice, double score, String reason) {
    public SliceSuggestion {
        if (slice < 0) throw new IllegalArgumentException("slice must be >= 0, got " + slice);
        if (!(score >= 0 && Double.isFinite(score))) throw new IllegalArgumentException("score must be finite and >= 0, got " + score);
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a suggestion needs a reason");
    }

    /** E.g. {@code {"slice":12,"score":40.5,"reason":"..."}}. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"slice\":%d,\"score\":%s,\"reason\":%s}", slice, JsonText.number(score),
            JsonText.string(reason));
    }
}
