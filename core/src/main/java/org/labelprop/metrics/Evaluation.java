// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.labelprop.propagation.AnnotatedSlices;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

/** Scores a predicted label volume against a ground truth, per label, and collects the scores in an {@link EvaluationReport}. */
public final class Evaluation {
    private Evaluation() { }

    /**
     * Dice and HD95 of every label present in {@code truth} or {@code predicted}, over all slices and, when the sparse
     * annotation is given, over each label's in-range slices: the non-annotated slices strictly between the first and the last
     * annotated slice holding that label (along {@code axis}). A label on fewer than two annotated slices, or whose first and
     * last are adjacent among the annotated slices, has no range (n/a).
     *
     * @param sparseOrNull the sparse annotation the prediction was made from, or null
     * @throws IllegalArgumentException when the three volumes are not on one grid
     */
    public static EvaluationReport evaluate(LabelVolume predicted, LabelVolume truth, LabelVolume sparseOrNull, SliceAxis axis) {
        Objects.requireNonNull(axis, "axis");
        LabelMasks.requireSameGrid(predicted, truth);
        AnnotatedSlices annotation = null;
        if (sparseOrNull != null) {
            LabelMasks.requireSameGrid(sparseOrNull, "the sparse annotation", truth);
            annotation = AnnotatedSlices.of(sparseOrNull, axis);
        }
        TreeSet<Integer> labels = new TreeSet<>();
        for (int l : truth.labels()) labels.add(l);
        for (int l : predicted.labels()) labels.add(l);
        List<LabelEvaluation> results = new ArrayList<>();
        for (int label : labels) {
            DiceScore dice = DiceScore.of(predicted, truth, label, axis, null);
            HausdorffDistance hd = HausdorffDistance.hd95(predicted, truth, label, axis, null);
            int[] annotated = annotation == null ? new int[0] : annotation.slicesOf(label);
            int[] range = annotation == null ? null : rangeSlices(annotation, annotated);
            DiceScore diceRange = range == null ? null : DiceScore.of(predicted, truth, label, axis, range);
            HausdorffDistance hdRange = range == null ? null : HausdorffDistance.hd95(predicted, truth, label, axis, range);
            results.add(new LabelEvaluation(label, dice, hd, annotated, range, diceRange, hdRange));
        }
        int[] annotatedSlices = annotation == null ? null : annotation.slices();
        return new EvaluationReport(axis, annotatedSlices, results);
    }

    /** The non-annotated slices strictly between the first and last of {@code labelSlices}, or null when there are none. */
    static int[] rangeSlices(AnnotatedSlices annotation, int[] labelSlices) {
        if (labelSlices.length < 2) return null;
        int first = labelSlices[0], last = labelSlices[labelSlices.length - 1];
        int[] range = java.util.stream.IntStream.range(first + 1, last).filter(s -> !annotation.isAnnotated(s)).toArray();
        return range.length == 0 ? null : range;
    }
}
