// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import org.labelprop.field.DisplacementField;
import org.labelprop.field.Fields;
import org.labelprop.field.Warper;
import org.labelprop.propagation.PropagationOptions.WarpMode;

/**
 * One walk along the axis from an annotated (source) slice, one neighbour field per step.
 * SEQUENTIAL warps the previous slice's soft map by the step's field; COMPOSED composes the fields since the anchor and
 * warps the anchor's map once. The anchor is the source until a hinted slice: hint clamping (section 8) corrects the map
 * there and makes it the new anchor, so a hint corrects the rest of the chain in both modes. When a source image is
 * given, it is also carried by the composed field from the source (for NCC fusion weights).
 */
final class Chain {
    private final WarpMode mode;
    private final float[] sourceImage;
    private final int[] channelOf;
    private SoftLabels current;
    private SoftLabels anchor;
    private boolean anchorIsSource = true;
    private DisplacementField fromSource;
    private DisplacementField fromAnchor;
    private float[] warpedImage;

    /**
     * @param start       the source slice's one-hot map
     * @param sourceImage the source slice's image to carry along, or null when no fusion weight needs it
     */
    Chain(SoftLabels start, float[] sourceImage, WarpMode mode, int[] channelOf) {
        this.current = start;
        this.anchor = start;
        this.sourceImage = sourceImage;
        this.mode = mode;
        this.channelOf = channelOf;
    }

    /** Moves to the next slice through {@code field} (moving = current slice, fixed = next), then clamps its hints. */
    void step(DisplacementField field, int[] hintsOrNull) {
        boolean composed = mode == WarpMode.COMPOSED;
        if (sourceImage != null || (composed && anchorIsSource)) fromSource = Fields.accumulate(fromSource, field);
        if (composed) {
            fromAnchor = anchorIsSource ? fromSource : Fields.accumulate(fromAnchor, field);
            current = anchor.warp(fromAnchor);
        } else {
            current = current.warp(field);
        }
        if (hintsOrNull != null) {
            current = current.clamp(hintsOrNull, channelOf);
            if (composed) {
                anchor = current;
                anchorIsSource = false;
                fromAnchor = null;
            }
        }
        if (sourceImage != null) warpedImage = Warper.warp(sourceImage, fromSource);
    }

    SoftLabels labels() { return current; }

    /** The source image warped onto the current slice by the composed field, or null when not tracked. */
    float[] warpedSourceImage() { return warpedImage; }
}
