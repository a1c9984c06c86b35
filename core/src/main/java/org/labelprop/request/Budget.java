// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

import org.labelprop.UserInputException;

/**
 * How much optimisation to spend: a number of steps and a wall-time limit. A null {@code steps} lets the method derive
 * the count from the scan; a null {@code seconds} means the method's own limit. With both given, whichever comes first
 * stops. Steps make a run repeatable on any machine; a time limit does not.
 *
 * @param steps   optimisation steps (≥ 0; 0 = none), or null for the method's choice
 * @param seconds wall-time limit in seconds (&gt; 0), or null for the method's choice
 */
public record Budget(Integer steps, Double seconds) {
    public Budget {
        UserInputException.check(steps == null || steps >= 0, "steps", "steps must be >= 0, got " + steps);
        UserInputException.check(seconds == null || (seconds > 0 && seconds <= 1e6), "seconds",
            "seconds must be within (0, 1000000], got " + seconds);
    }

    /** The method's own choice of steps and limit. */
    public static Budget auto() { return new Budget(null, null); }

    /** Exactly {@code n} steps, no time limit. */
    public static Budget steps(int n) { return new Budget(n, null); }

    /** As many steps as fit in {@code s} seconds. */
    public static Budget seconds(double s) { return new Budget(null, s); }

    /** Whether no step at all is asked for. */
    public boolean none() { return steps != null && steps == 0; }

    /** Steps if given, else {@code fallback}. */
    public int stepsOr(int fallback) { return steps != null ? steps : fallback; }

    /** Seconds if given, else {@code fallback}. */
    public double secondsOr(double fallback) { return seconds != null ? seconds : fallback; }

    @Override public String toString() {
        if (steps == null && seconds == null) return "automatic";
        if (seconds == null) return steps + " steps";
        if (steps == null) return "up to " + seconds + " s";
        return steps + " steps, at most " + seconds + " s";
    }
}
