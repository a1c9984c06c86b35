// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Locale;

/**
 * Where the two propagation directions disagree about one label on one slice: the area that one direction gives the
 * label and the other does not (the symmetric difference of their label masks), next to the area either gives it (the
 * union). {@link #percent()} = 100 · area / label area, i.e. 100 · (1 − Jaccard index of the two masks).
 *
 * @param label        label value
 * @param areaMm2      area of disagreement on the slice, mm²
 * @param labelAreaMm2 area that either direction gives the label on the slice, mm² (≥ areaMm2, > 0)
 */
public record LabelDisagreement(int label, double areaMm2, double labelAreaMm2) {
    public LabelDisagreement {
        if (label < 1) throw new IllegalArgumentException("label must be >= 1, got " + label);
        if (!(areaMm2 > 0 && labelAreaMm2 >= areaMm2 && Double.isFinite(labelAreaMm2)))
            throw new IllegalArgumentException("label " + label + ": expected 0 < area <= label area, got " + areaMm2 + " and " + labelAreaMm2);
    }

    /** Share of the label's area where the directions disagree, 0..100. */
    public double percent() { return 100 * areaMm2 / labelAreaMm2; }

    /** E.g. {@code {"label":3,"areaMm2":42,"labelAreaMm2":120,"percent":35}}. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"label\":%d,\"areaMm2\":%s,\"labelAreaMm2\":%s,\"percent\":%s}", label,
            JsonText.number(round(areaMm2)), JsonText.number(round(labelAreaMm2)), JsonText.number(round(percent())));
    }

    /** E.g. "label 3 over 42 mm² (35 % of its area here)". */
    public String describe() {
        return String.format(Locale.ROOT, "label %d over %.0f mm² (%.0f %% of its area here)", label, areaMm2, percent());
    }

    private static double round(double v) { return Math.round(v * 10) / 10.0; }
}
