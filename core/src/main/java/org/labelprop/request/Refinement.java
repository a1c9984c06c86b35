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
 *                         ({@value #DEFAULT_STEPS}, {@value #DEFAULT_STEPS_AFTER_DENSE_TRAINING} after the dense training:
 *                         a count, not a time, so the result does not depend on the machine's speed or load)
 * @param seconds          wall-time limit in seconds (&gt; 0), or null for none
 * @param annotationWeight weight of the annotations' chained constraint, 0..100 (0 = unsupervised refinement)
 * @param flowBlend        share of TV-L1 optical flow as a second opinion, 0..1: every walk also runs along the flow
 *                         fields and its soft label maps are mixed with the refined fields' with this share (0 = the
 *                         refined fields alone)
 * @param denseTrainingSteps training steps of the starting network on the scan, under the annotations' chained
 *                         constraint, before refinement when the annotations are dense: at least two annotated slices
 *                         and no gap between consecutive ones longer than {@value #LONG_GAP_MM} mm (0 = never; with
 *                         refinement off or limited in time, the constraint off or no starting network there is none
 *                         either: a time limit asks for speed)
 */
public record Refinement(Integer steps, Double seconds, double annotationWeight, double flowBlend, int denseTrainingSteps) {
    /**
     * Steps when none are given: on the development suite, 100 steps gave no better mean than 50 (better on the longest
     * gaps, worse elsewhere) at twice the cost (docs/benchmark.md).
     */
    public static final int DEFAULT_STEPS = 50;
    /**
     * Steps when none are given and the network was first trained on the scan (dense annotations): its fields need less
     * refinement. On the development suite 25 steps instead of 50 gave every k-th +0.0002 and 3 per structure +0.0003,
     * but the one 3-slice run with dense training −0.0115, so the overall mean −0.0003 (10 steps: every k-th −0.002): a
     * trade for half the refinement time on every dense run, not a gain (docs/benchmark.md).
     */
    public static final int DEFAULT_STEPS_AFTER_DENSE_TRAINING = 25;
    /** Weight of the annotations' constraint when none is given. */
    public static final double DEFAULT_ANNOTATION_WEIGHT = 1.0;
    /** Share of optical flow's soft maps when none is given (docs/benchmark.md). */
    public static final double DEFAULT_FLOW_BLEND = 0.5;
    /**
     * Training steps on a densely annotated scan when none are given: on the development suite's dense protocols 100
     * steps raised the mean Dice by +0.0025 (every k-th slice) and +0.0007 (3 slices per structure); 200 gave the same
     * as 100 (docs/benchmark.md).
     */
    public static final int DEFAULT_DENSE_TRAINING_STEPS = 100;
    /**
     * A gap between consecutive annotated slices longer than this (mm along the axis) is long: the flow second opinion
     * is refined there, and a scan with one is not trained first (on long gaps the trained network's walks did worse).
     */
    public static final double LONG_GAP_MM = 20;

    public Refinement {
        new Budget(steps, seconds);
        UserInputException.check(annotationWeight >= 0 && annotationWeight <= 100, "annotationWeight",
            "annotationWeight must be within [0, 100], got " + annotationWeight);
        UserInputException.check(flowBlend >= 0 && flowBlend <= 1, "flowBlend", "flowBlend must be within [0, 1], got " + flowBlend);
        UserInputException.check(denseTrainingSteps >= 0 && denseTrainingSteps <= 100_000, "denseTrainingSteps",
            "denseTrainingSteps must be within [0, 100000], got " + denseTrainingSteps);
    }

    /** Steps, time limit, annotation weight and flow blend as given, the default dense training. */
    public Refinement(Integer steps, Double seconds, double annotationWeight, double flowBlend) {
        this(steps, seconds, annotationWeight, flowBlend, DEFAULT_DENSE_TRAINING_STEPS);
    }

    /** Steps, time limit and annotation weight as given, the default flow blend and dense training. */
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

    /** This refinement after the dense training: the automatic count becomes {@link #DEFAULT_STEPS_AFTER_DENSE_TRAINING}. */
    public Refinement afterDenseTraining() {
        return steps != null ? this : new Refinement(DEFAULT_STEPS_AFTER_DENSE_TRAINING, seconds, annotationWeight, flowBlend, denseTrainingSteps);
    }

    public Refinement withFlowBlend(double b) { return new Refinement(steps, seconds, annotationWeight, b, denseTrainingSteps); }

    public Refinement withDenseTrainingSteps(int n) { return new Refinement(steps, seconds, annotationWeight, flowBlend, n); }

    /**
     * Whether the network is trained on a scan whose annotated slices are {@code annotated} (increasing), {@code sliceMm}
     * apart, before refinement: dense training asked for, refinement on, constrained and without a time limit, at least
     * two annotated slices and no gap longer than {@link #LONG_GAP_MM}.
     */
    public boolean trainsDense(int[] annotated, double sliceMm) {
        if (denseTrainingSteps == 0 || annotationWeight == 0 || budget().none() || seconds != null || annotated.length < 2) return false;
        for (int j = 0; j + 1 < annotated.length; j++)
            if (longGap(annotated[j], annotated[j + 1], sliceMm, LONG_GAP_MM)) return false;
        return true;
    }

    /**
     * Whether consecutive annotated slices {@code from} &lt; {@code to}, {@code sliceMm} apart along the axis, leave a gap
     * longer than {@code limitMm} (the dense training's rule and the flow opinion's, with {@link #LONG_GAP_MM}).
     */
    public static boolean longGap(int from, int to, double sliceMm, double limitMm) { return (to - from) * sliceMm > limitMm; }

    @Override public String toString() {
        return budget() + ", annotation weight " + annotationWeight + ", flow blend " + flowBlend + ", dense training "
            + denseTrainingSteps + " steps";
    }
}
