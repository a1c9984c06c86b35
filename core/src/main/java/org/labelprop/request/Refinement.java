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
 *                         ({@value #DEFAULT_STEPS}: a count, not a time, so the result does not depend on the machine's
 *                         speed or load)
 * @param seconds          wall-time limit in seconds (&gt; 0), or null for none
 * @param annotationWeight weight of the annotations' chained constraint, 0..100 (0 = unsupervised refinement)
 * @param flowBlend        share of TV-L1 optical flow as a second opinion, 0..1: every walk also runs along the flow
 *                         fields and its soft label maps are mixed with the refined fields' with this share (0 = the
 *                         refined fields alone)
 */
public record Refinement(Integer steps, Double seconds, double annotationWeight, double flowBlend) {
    /**
     * Steps when none are given: on the development suite, 100 steps gave no better mean than 50 (better on the longest
     * gaps, worse elsewhere) at twice the cost (docs/benchmark.md).
     */
    public static final int DEFAULT_STEPS = 50;
    /** Weight of the annotations' constraint when none is given. */
    public static final double DEFAULT_ANNOTATION_WEIGHT = 1.0;
    /** Share of optical flow's soft maps when none is given (docs/benchmark.md). */
    public static final double DEFAULT_FLOW_BLEND = 0.5;

    public Refinement {
        new Budget(steps, seconds);
        UserInputException.check(annotationWeight >= 0 && annotationWeight <= 100, "annotationWeight",
            "annotationWeight must be within [0, 100], got " + annotationWeight);
        UserInputException.check(flowBlend >= 0 && flowBlend <= 1, "flowBlend", "flowBlend must be within [0, 1], got " + flowBlend);
    }

    /** Steps, time limit and annotation weight as given, the default flow blend. */
    public Refinement(Integer steps, Double seconds, double annotationWeight) {
        this(steps, seconds, annotationWeight, DEFAULT_FLOW_BLEND);
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

    public Refinement withFlowBlend(double b) { return new Refinement(steps, seconds, annotationWeight, b); }

    @Override public String toString() {
        return budget() + ", annotation weight " + annotationWeight + ", flow blend " + flowBlend;
    }
}
