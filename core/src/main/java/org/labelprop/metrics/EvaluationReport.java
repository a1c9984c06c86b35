// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.labelprop.volume.SliceAxis;

/**
 * Per-label scores of one prediction against a ground truth, with the summary means. The primary metric is
 * {@link #meanDiceInRange()}: the mean Dice over the in-range slices of the labels that have a range (see
 * {@link LabelEvaluation}); {@link #meanDiceAll()} averages the all-slices Dice over every label.
 *
 * @param axis            the slicing axis of the annotation
 * @param annotatedSlices all annotated slices, ascending, or {@code null} when no sparse annotation was given
 * @param labels          the labels present in the truth or the prediction, ascending
 */
public record EvaluationReport(SliceAxis axis, int[] annotatedSlices, List<LabelEvaluation> labels) {
    public EvaluationReport {
        Objects.requireNonNull(axis, "axis");
        annotatedSlices = annotatedSlices == null ? null : annotatedSlices.clone();
        labels = List.copyOf(labels);
    }

    @Override public int[] annotatedSlices() { return annotatedSlices == null ? null : annotatedSlices.clone(); }

    /** Number of labels with in-range slices. */
    public int labelsWithRange() { return (int) labels.stream().filter(LabelEvaluation::hasRange).count(); }

    /** Mean in-range Dice over the labels that have a range (the primary metric); NaN when none has. */
    public double meanDiceInRange() {
        return labels.stream().filter(LabelEvaluation::hasRange).mapToDouble(l -> l.diceInRange().value()).average().orElse(Double.NaN);
    }

    /** Mean in-range HD95 (mm) over the labels that have a range; infinite when one of them was missed entirely. */
    public double meanHd95InRange() {
        return labels.stream().filter(LabelEvaluation::hasRange).mapToDouble(l -> l.hd95InRange().hd95Mm()).average().orElse(Double.NaN);
    }

    /** Mean all-slices Dice over all labels; NaN when there is no label. */
    public double meanDiceAll() { return labels.stream().mapToDouble(l -> l.diceAll().value()).average().orElse(Double.NaN); }

    /** The per-label scores for one label, or null when it is not in the report. */
    public LabelEvaluation label(int label) {
        return labels.stream().filter(l -> l.label() == label).findFirst().orElse(null);
    }

    /**
     * An aligned text table, one row per label, then the two means. Dice to 4 decimals, HD95 in mm to 2; "inf" when one
     * side is empty, "n/a" when a label has no range, and a '*' after a Dice of two empty masks (1.0 by definition).
     */
    public String toTable() {
        boolean sparse = annotatedSlices != null;
        String head = String.format(Locale.ROOT, "%6s %9s %9s %8s %9s", "label", "truth", "pred", "dice", "hd95_mm");
        if (sparse) head += String.format(Locale.ROOT, "  %-22s %-16s %8s %9s", "annotated", "range (slices)", "dice_rng", "hd95_rng");
        StringBuilder sb = new StringBuilder(head).append('\n');
        for (LabelEvaluation l : labels) {
            sb.append(String.format(Locale.ROOT, "%6d %9d %9d %8s %9s", l.label(), l.diceAll().truthVoxels(),
                l.diceAll().predictedVoxels(), dice(l.diceAll()), hd(l.hd95All())));
            if (sparse)
                sb.append(String.format(Locale.ROOT, "  %-22s %-16s %8s %9s", slices(l.annotatedSlices()), l.rangeDescription(),
                    l.hasRange() ? dice(l.diceInRange()) : "n/a", l.hasRange() ? hd(l.hd95InRange()) : "n/a"));
            sb.append('\n');
        }
        if (sparse)
            sb.append(String.format(Locale.ROOT, "mean Dice in range (primary): %s over %d label(s)%n",
                number(meanDiceInRange(), 4), labelsWithRange()));
        sb.append(String.format(Locale.ROOT, "mean Dice, all slices: %s over %d label(s)%n", number(meanDiceAll(), 4), labels.size()));
        if (labels.stream().anyMatch(l -> l.diceAll().bothEmpty() || (l.hasRange() && l.diceInRange().bothEmpty())))
            sb.append("* label absent from both volumes there: Dice 1 by definition\n");
        return sb.toString();
    }

    /** The report as JSON (hand-written; non-finite numbers are written as null, with flags saying why). */
    public String toJson() { return ReportJson.write(this); }

    private static String dice(DiceScore d) { return number(d.value(), 4) + (d.bothEmpty() ? "*" : ""); }

    private static String hd(HausdorffDistance h) { return h.infinite() ? "inf" : number(h.hd95Mm(), 2); }

    private static String number(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String slices(int[] s) {
        if (s.length == 0) return "-";
        String text = java.util.Arrays.toString(s);
        return text.length() <= 22 ? text : s.length + " slices " + s[0] + ".." + s[s.length - 1];
    }
}
