// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.List;
import java.util.Objects;
import org.labelprop.field.DisplacementField;
import org.labelprop.volume.SliceAxis;

/**
 * The displacement fields between every pair of neighbouring slices along {@code axis}, both directions.
 * {@code up.get(i)} registers moving slice i onto fixed slice i+1 (warping a label of slice i by it gives slice i+1);
 * {@code down.get(i)} registers moving slice i+1 onto fixed slice i. Both lists hold {@code slices - 1} fields.
 * <p>
 * Optionally a <em>second opinion</em>: the fields of another registrar over the same slices, whose walks
 * {@link LabelPropagation} runs beside these and mixes into every soft label map with share {@code secondShare}
 * (see {@link SecondOpinionRegistrar}).
 *
 * @param secondOpinion the other registrar's fields (without a second opinion of their own), or null
 * @param secondShare   share of the second opinion's soft maps, in (0, 1]; 0 when there is none
 */
public record NeighbourFields(SliceAxis axis, List<DisplacementField> up, List<DisplacementField> down,
                              NeighbourFields secondOpinion, double secondShare) {
    public NeighbourFields {
        Objects.requireNonNull(axis, "axis");
        up = List.copyOf(up);
        down = List.copyOf(down);
        if (up.size() != down.size())
            throw new IllegalArgumentException("up and down need as many fields, got " + up.size() + " and " + down.size());
        if (secondOpinion == null) {
            if (secondShare != 0) throw new IllegalArgumentException("a second opinion's share needs a second opinion, got share " + secondShare);
        } else {
            if (secondOpinion.secondOpinion() != null) throw new IllegalArgumentException("a second opinion cannot have one of its own");
            if (secondOpinion.axis() != axis || secondOpinion.up().size() != up.size())
                throw new IllegalArgumentException("the second opinion covers " + secondOpinion.slices() + " slices along "
                    + secondOpinion.axis() + ", these fields " + (up.size() + 1) + " along " + axis);
            if (!(secondShare > 0 && secondShare <= 1))
                throw new IllegalArgumentException("second opinion share must be within (0, 1], got " + secondShare);
        }
    }

    /** Fields without a second opinion. */
    public NeighbourFields(SliceAxis axis, List<DisplacementField> up, List<DisplacementField> down) {
        this(axis, up, down, null, 0);
    }

    /** These fields with {@code other}'s walks mixed into the soft maps, share {@code share}. */
    public NeighbourFields withSecondOpinion(NeighbourFields other, double share) {
        return new NeighbourFields(axis, up, down, Objects.requireNonNull(other, "second opinion"), share);
    }

    /** Number of slices along the axis. */
    public int slices() { return up.size() + 1; }
}
