// SPDX-License-Identifier: Apache-2.0
package org.labelprop.labels;

/**
 * Default label colours: a 12-colour categorical palette (Trubetskoy's "20 distinct colours" without the greys, white,
 * black and dark tones), the same as the browser UI's, repeated for labels beyond 12. Never white, grey or black, so
 * a label is always visible on a scan.
 */
public final class LabelPalette {
    private static final int[][] COLOURS = {
        {230, 25, 75}, {60, 180, 75}, {255, 225, 25}, {0, 130, 200}, {245, 130, 48}, {145, 30, 180},
        {70, 240, 240}, {240, 50, 230}, {210, 245, 60}, {250, 190, 212}, {0, 128, 128}, {170, 110, 40}};

    private LabelPalette() {}

    /** Number of distinct colours before they repeat. */
    public static int size() { return COLOURS.length; }

    /** The colour {red, green, blue} of label {@code value} ≥ 1: entry (value - 1) mod 12. */
    public static int[] colour(int value) {
        if (value < 1) throw new IllegalArgumentException("label colours are for values >= 1, got " + value);
        return COLOURS[(value - 1) % COLOURS.length].clone();
    }
}
