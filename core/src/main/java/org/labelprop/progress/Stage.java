// SPDX-License-Identifier: Apache-2.0
package org.labelprop.progress;

import java.util.Locale;

/**
 * The stages of a segmentation, in the order they run, with their rough share of a deep segmentation's time. A deep
 * segmentation reports the network's {@link #FIELDS} and {@link #REFINEMENT}, then the second opinion beside it (TV-L1
 * optical flow, itself computed and possibly refined) as one stage, {@link #SECOND_OPINION}, so the stages never repeat.
 */
public enum Stage {
    READING(0.02, "reading"),
    TRAINING(0.55, "training"),
    FIELDS(0.05, "fields"),
    REFINEMENT(0.2, "refinement"),
    SECOND_OPINION(0.05, "second opinion (optical flow)"),
    PROPAGATION(0.1, "propagation"),
    WRITING(0.03, "writing");

    private final double share;
    private final String label;

    Stage(double share, String label) {
        this.share = share;
        this.label = label;
    }

    /** Rough share of a deep segmentation's time spent in this stage (they sum to 1), for an overall progress bar. */
    public double share() { return share; }

    /** Lower-case name, an identifier, e.g. "training" or "second_opinion". */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /**
     * What users read (the CLI's bar and log lines, the server's job message): the key in words, e.g. "training" or
     * "second opinion (optical flow)".
     */
    public String label() { return label; }

    @Override public String toString() { return key(); }
}
