// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Objects;
import org.labelprop.progress.FoldedProgress;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The first registrar's fields with the second's as a second opinion ({@link NeighbourFields#secondOpinion()}): the
 * propagation walks each annotation along both sets of fields and mixes the two soft label maps on every slice,
 * {@code (1 − w) · first + w · second}, before the two directions are fused. Two registrars of different kinds (the
 * network beside TV-L1 optical flow) make errors the other does not share, and averaging what they predict cancels part
 * of them; averaging the fields themselves instead was measured worse on the development suite (docs/benchmark.md).
 * Progress: the first registrar reports its own stages; the second's (its fields, its refinement if any) are folded
 * into one {@link org.labelprop.progress.Stage#SECOND_OPINION} ({@link FoldedProgress#secondOpinion}), so the stages
 * run once each, in order.
 *
 * @param first  the main registrar
 * @param second the second opinion
 * @param weight w, the second's share, in (0, 1]
 */
public record SecondOpinionRegistrar(SliceRegistrar first, SliceRegistrar second, double weight) implements SliceRegistrar {
    public SecondOpinionRegistrar {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!(weight > 0 && weight <= 1)) throw new IllegalArgumentException("second opinion share must be within (0, 1], got " + weight);
    }

    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        NeighbourFields a = first.fields(image, axis, progress);
        FoldedProgress opinion = FoldedProgress.secondOpinion(progress == null ? ProgressListener.NONE : progress);
        NeighbourFields b = second.fields(image, axis, opinion);
        opinion.finish();
        if (a.slices() != b.slices())
            throw new IllegalStateException("the two registrars gave fields for " + a.slices() + " and " + b.slices() + " slices");
        return a.withSecondOpinion(b, weight);
    }
}
