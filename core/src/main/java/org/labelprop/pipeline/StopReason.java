// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.util.Locale;

/** Why an optimisation loop stopped. */
public enum StopReason {
    /** It took the number of steps it was given (or derived). */
    STEPS,
    /** Its wall-time limit ran out first. */
    TIME_LIMIT,
    /** It completed its epochs (dataset training). */
    EPOCHS;

    @Override public String toString() { return name().toLowerCase(Locale.ROOT).replace('_', ' '); }
}
