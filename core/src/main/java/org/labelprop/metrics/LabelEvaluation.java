// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import java.util.Objects;

/**
 * The scores of one label: over all slices, and over its in-range slices, i.e. the non-annotated slices strictly between the
 * first and the last annotated slice holding it (the slices a propagation method actually had to fill).
 *
 * @param label            the label
 * @param diceAll          Dice over the whole volume
 * @param hd95All          HD95 over the whole volume
 * @param annotatedSlices  annotated slices holding the label, ascending; empty when none or when no annotation was given
 * @param rangeSlices      the in-range slices, ascending; {@code null} (n/a) when the label is on fewer than 2 annotated
 *                         slices or no non-annotated slice lies between its first and last
 * @param diceInRange      Dice on the in-range slices, {@code null} when n/a
 * @param hd95InRange      HD95 on the in-range slices' sub-volume, {@code null} when n/a
 */
public record LabelEvaluation(int label, DiceScore diceAll, HausdorffDistance hd95All, int[] annotatedSlices, int[] rangeSlices,
                              DiceScore diceInRange, HausdorffDistance hd95InRange) {
    public LabelEvaluation {
        Objects.requireNonNull(diceAll, "diceAll");
        Objects.requireNonNull(hd95All, "hd95All");
        annotatedSlices = annotatedSlices.clone();
        rangeSlices = rangeSlices == null ? null : rangeSlices.clone();
        if ((rangeSlices == null) != (diceInRange == null) || (rangeSlices == null) != (hd95InRange == null))
            throw new IllegalArgumentException("label " + label + ": in-range slices, in-range Dice and HD95 must be all given or all null");
    }

    @Override public int[] annotatedSlices() { return annotatedSlices.clone(); }

    @Override public int[] rangeSlices() { return rangeSlices == null ? null : rangeSlices.clone(); }

    /** Whether the label has in-range slices, so in-range scores exist. */
    public boolean hasRange() { return rangeSlices != null; }

    /** "first..last (n slices)" of the range, or "n/a". */
    public String rangeDescription() {
        if (rangeSlices == null) return "n/a";
        return annotatedSlices[0] + ".." + annotatedSlices[annotatedSlices.length - 1] + " (" + rangeSlices.length + ")";
    }
}
