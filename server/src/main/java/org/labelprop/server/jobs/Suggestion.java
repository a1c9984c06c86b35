// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

/**
 * A slice worth annotating next.
 *
 * @param slice index along the session's propagation axis
 * @param score higher = more useful to annotate; comparable within one list only
 * @param reason why, in words
 */
public record Suggestion(int slice, double score, String reason) {
    public Suggestion {
        if (slice < 0) throw new IllegalArgumentException("slice must be >= 0, got " + slice);
    }
}
