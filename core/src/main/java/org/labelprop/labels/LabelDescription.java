// SPDX-License-Identifier: Apache-2.0
package org.labelprop.labels;

import java.util.Objects;
import org.labelprop.volume.LabelVolume;

/**
 * What a label value stands for and how viewers show it: name, RGB colour (0..255 each), opacity (0 transparent .. 1
 * opaque) and visibility, as in ITK-SNAP label description files and 3D Slicer segments.
 */
public record LabelDescription(int value, String name, int red, int green, int blue, double opacity, boolean visible) {
    public LabelDescription {
        if (value < 0 || value > LabelVolume.MAX_LABEL)
            throw new IllegalArgumentException("label value must be within 0.." + LabelVolume.MAX_LABEL + ", got " + value);
        Objects.requireNonNull(name, "name");
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f))
            throw new IllegalArgumentException("label " + value + " name must be one line without control characters, got \""
                + name.replaceAll("\\p{Cntrl}", "?") + "\"");
        for (int c : new int[] {red, green, blue})
            if (c < 0 || c > 255)
                throw new IllegalArgumentException("label " + value + " colour components must be within 0..255, got " + red + " " + green + " " + blue);
        if (!(opacity >= 0 && opacity <= 1))
            throw new IllegalArgumentException("label " + value + " opacity must be within 0..1, got " + opacity);
    }

    /** "Label N" in the palette colour of N ({@link LabelPalette}), opaque and visible. */
    public static LabelDescription byDefault(int value) {
        int[] rgb = LabelPalette.colour(value);
        return new LabelDescription(value, "Label " + value, rgb[0], rgb[1], rgb[2], 1, true);
    }

    /** The colour as {red, green, blue}. */
    public int[] rgb() { return new int[] {red, green, blue}; }

    public LabelDescription withName(String newName) {
        return new LabelDescription(value, newName, red, green, blue, opacity, visible);
    }

    public LabelDescription withColour(int r, int g, int b) {
        return new LabelDescription(value, name, r, g, b, opacity, visible);
    }
}
