// SPDX-License-Identifier: Apache-2.0
package org.labelprop.metrics;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes an {@link EvaluationReport} as JSON without a library. Valid JSON only: NaN and infinities become {@code null},
 * and the flags {@code bothEmpty} / {@code infinite} say which case a null or a vacuous value stands for.
 */
final class ReportJson {
    private ReportJson() { }

    static String write(EvaluationReport r) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"axis\": \"").append(r.axis()).append("\",\n");
        sb.append("  \"annotatedSlices\": ").append(ints(r.annotatedSlices())).append(",\n");
        sb.append("  \"primaryMetric\": \"meanDiceInRange\",\n");
        sb.append("  \"meanDiceInRange\": ").append(number(r.meanDiceInRange())).append(",\n");
        sb.append("  \"labelsWithRange\": ").append(r.labelsWithRange()).append(",\n");
        sb.append("  \"meanDiceAll\": ").append(number(r.meanDiceAll())).append(",\n");
        sb.append("  \"labels\": [");
        String sep = "\n";
        for (LabelEvaluation l : r.labels()) {
            sb.append(sep).append("    {\"label\": ").append(l.label())
                .append(", \"all\": ").append(scores(l.diceAll(), l.hd95All()))
                .append(", \"annotatedSlices\": ").append(ints(l.annotatedSlices()))
                .append(", \"rangeSlices\": ").append(ints(l.rangeSlices()))
                .append(", \"inRange\": ").append(l.hasRange() ? scores(l.diceInRange(), l.hd95InRange()) : "null")
                .append('}');
            sep = ",\n";
        }
        sb.append(r.labels().isEmpty() ? "]\n" : "\n  ]\n");
        return sb.append("}\n").toString();
    }

    private static String scores(DiceScore d, HausdorffDistance h) {
        return "{\"dice\": " + number(d.value()) + ", \"diceBothEmpty\": " + d.bothEmpty()
            + ", \"truthVoxels\": " + d.truthVoxels() + ", \"predictedVoxels\": " + d.predictedVoxels()
            + ", \"overlapVoxels\": " + d.overlapVoxels()
            + ", \"hd95Mm\": " + number(h.hd95Mm()) + ", \"hausdorffMm\": " + number(h.maxMm())
            + ", \"hdInfinite\": " + h.infinite() + "}";
    }

    /** A JSON number, or null for NaN and infinities (JSON has no literal for them). */
    static String number(double v) { return Double.isFinite(v) ? Double.toString(v) : "null"; }

    private static String ints(int[] values) {
        return values == null ? "null" : Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
