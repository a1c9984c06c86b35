// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * What {@link LabelPropagation} produces, all on the image grid.
 *
 * @param fused       the fused labels (annotated slices keep their annotation exactly)
 * @param up          labels of the up propagation alone (from the lower annotated slice); background where it did not reach
 * @param down        labels of the down propagation alone (from the upper annotated slice); background where it did not reach
 * @param uncertainty per voxel in [0, 1]. Where both directions reached: the total-variation distance
 *                    {@code 1/2 sum_c |q_up(c) - q_down(c)|} between the two soft maps made distributions over background and
 *                    labels ({@code q(c) = Y(c) / Z}, background {@code 1 - max Y}, {@code Z} the sum of all), 0 when they agree,
 *                    1 when they share nothing. Where one direction reached (extrapolation, hints beyond the range): the
 *                    ambiguity {@code 1 - max_c q(c)} of that map. 0 on annotated slices and where nothing was propagated.
 * @param labelStatus how each label was covered by the input
 * @param suggestions slices to annotate next, best first (see {@link Suggestions})
 */
public record PropagationResult(LabelVolume fused, LabelVolume up, LabelVolume down, Volume uncertainty,
                                SortedMap<Integer, LabelCoverage> labelStatus, List<SliceSuggestion> suggestions) {
    public PropagationResult {
        Objects.requireNonNull(fused, "fused");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(uncertainty, "uncertainty");
        labelStatus = Collections.unmodifiableSortedMap(new TreeMap<>(labelStatus));
        suggestions = List.copyOf(suggestions);
    }
}
