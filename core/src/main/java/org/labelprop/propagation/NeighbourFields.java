// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.List;
import org.labelprop.field.DisplacementField;
import org.labelprop.volume.SliceAxis;

/**
 * The displacement fields between every pair of neighbouring slices along {@code axis}, both directions.
 * {@code up.get(i)} registers moving slice i onto fixed slice i+1 (warping a label of slice i by it gives slice i+1);
 * {@code down.get(i)} registers moving slice i+1 onto fixed slice i. Both lists hold {@code slices - 1} fields.
 */
public record NeighbourFields(SliceAxis axis, List<DisplacementField> up, List<DisplacementField> down) {
    public NeighbourFields {
        up = List.copyOf(up);
        down = List.copyOf(down);
        if (up.size() != down.size())
            throw new IllegalArgumentException("up and down need as many fields, got " + up.size() + " and " + down.size());
    }

    /** Number of slices along the axis. */
    public int slices() { return up.size() + 1; }
}
