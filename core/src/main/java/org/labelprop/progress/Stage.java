// SPDX-License-Identifier: Apache-2.0
package org.labelprop.progress;

import java.util.Locale;

/** The stages of a segmentation, in the order they run, with their rough share of a deep segmentation's time. */
public enum Stage {
    READING(0.02), TRAINING(0.6), FIELDS(0.05), REFINEMENT(0.2), PROPAGATION(0.1), WRITING(0.03);

    private final double share;

    Stage(double share) { this.share = share; }

    /** Rough share of a deep segmentation's time spent in this stage (they sum to 1), for an overall progress bar. */
    public double share() { return share; }

    /** Lower-case name, e.g. "training". */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    @Override public String toString() { return key(); }
}
