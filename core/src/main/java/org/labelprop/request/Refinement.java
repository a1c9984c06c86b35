// SPDX-License-Identifier: Apache-2.0
package org.labelprop.request;

import org.labelprop.UserInputException;

/**
 * Refinement of the deep method at inference (instance optimisation): optimiser steps on every neighbour field between
 * the outermost annotated slices, minimising the image dissimilarity of each pair plus {@code annotationWeight} × the
 * annotations' chained constraint (an annotated slice's labels carried through the fields to the next annotated slice
 * must match its annotation, both directions).
 *
 * @param steps            optimiser steps (≥ 0; 0 = the network's fields as they are), or null for the automatic count
 *                         (a fixed number, so the result does not depend on the machine's speed or load)
 * @param seconds          wall-time limit in seconds (&gt; 0), or null for none
 * @param annotationWeight weight of the annotations' chained constraint, 0..100 (0 = unsupervised refinement)
 */
public record Refinement(Integer steps, Double seconds, double annotationWeight) {
    /** Steps when none are given. */
    public static final int DEFAULT_STEPS = 50;
    /** Weight of the annotations' constraint when none is given. */
    public static final double DEFAULT_ANNOTATION_WEIGHT = 1.0;

    public Refinement {
        new Budget(steps, seconds);
        UserInputException.check(annotationWeight >= 0 && annotationWeight <= 100, "annotationWeight",
            "annotationWeight must be within [0, 100], got " + annotationWeight);
    }

    /** The automatic steps, no time limit, the default annotation weight. */
    public static Refinement defaults() { return new Refinement(null, null, DEFAULT_ANNOTATION_WEIGHT); }

    /** Exactly {@code n} steps with the default annotation weight. */
    public static Refinement steps(int n) { return new Refinement(n, null, DEFAULT_ANNOTATION_WEIGHT); }

    /** As many steps as fit in {@code s} seconds (at most the automatic count) with the default annotation weight. */
    public static Refinement seconds(double s) { return new Refinement(null, s, DEFAULT_ANNOTATION_WEIGHT); }

    /** The steps and time limit. */
    public Budget budget() { return new Budget(steps, seconds); }

    /** Steps to take: the given count, else {@link #DEFAULT_STEPS}. */
    public int stepsOrDefault() { return steps != null ? steps : DEFAULT_STEPS; }

    /** Whether no step is asked for. */
    public boolean none() { return steps != null && steps == 0; }

    public Refinement withAnnotationWeight(double w) { return new Refinement(steps, seconds, w); }

    @Override public String toString() {
        return budget().toString().replace("automatic", DEFAULT_STEPS + " steps") + ", annotation weight " + annotationWeight;
    }
}
