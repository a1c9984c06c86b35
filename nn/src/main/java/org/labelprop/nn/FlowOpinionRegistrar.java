// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import java.util.Objects;
import org.labelprop.field.InPlaneScale;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.propagation.SliceRegistrar;
import org.labelprop.propagation.SparseScan;
import org.labelprop.request.Refinement;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The second opinion beside the network: TV-L1 optical flow on the working grid, and on the pairs of every <em>long
 * gap</em> (consecutive annotated slices more than {@code longGapMm} apart along the axis) that flow refined under the
 * annotations' chained constraint like the network's fields ({@link NetworkRegistrar#refineFrom}). Over a long gap the
 * chain of flow fields drifts and nothing ties it to the annotation at its other end; refined, it does, while the
 * network's walk stays a second, independent hypothesis. On short gaps the plain flow keeps its full-resolution
 * detail, which the half-resolution refinement would blur (development suite, docs/benchmark.md). Without a long gap
 * this is the plain flow and costs no refinement.
 *
 * @param refiner   the network registrar whose refinement (configuration, annotations) refines the long gaps
 * @param scan      the annotations that define the gaps
 * @param longGapMm gaps longer than this are refined, mm (infinite: never)
 */
public record FlowOpinionRegistrar(NetworkRegistrar refiner, SparseScan scan, double longGapMm) implements SliceRegistrar {
    public FlowOpinionRegistrar {
        Objects.requireNonNull(refiner, "refiner");
        Objects.requireNonNull(scan, "scan");
        if (!(longGapMm > 0)) throw new IllegalArgumentException("long gap must be > 0 mm, got " + longGapMm);
    }

    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        InPlaneScale grid = refiner.workingGrid(image, axis);
        NeighbourFields flow = FlowRegistrar.defaults().fields(grid.shrink(image), axis, progress);
        boolean[] longPair = longGapPairs(scan.slices().slices(), flow.up().size(), image.grid().spacing().along(axis.index()), longGapMm);
        boolean any = false;
        for (boolean b : longPair) any |= b;
        if (!any) return new NeighbourFields(axis, flow.up().stream().map(grid::enlarge).toList(), flow.down().stream().map(grid::enlarge).toList());
        int[] annotated = scan.slices().slices();
        // refined between the outermost annotations, so the constraint sees every gap (each chain of the constraint
        // runs between consecutive annotated slices); only the long gaps' pairs keep their refined fields
        return refiner.withRange(annotated[0], annotated[annotated.length - 1]).refineFrom(image, axis, flow, longPair, progress);
    }

    /**
     * Which of {@code pairs} neighbour pairs (pair i: slices i and i+1) lie in a gap between consecutive annotated slices
     * ({@code annotated}, increasing) more than {@code longGapMm} apart at {@code sliceMm} per slice.
     */
    static boolean[] longGapPairs(int[] annotated, int pairs, double sliceMm, double longGapMm) {
        boolean[] out = new boolean[pairs];
        for (int j = 0; j + 1 < annotated.length; j++)
            if (Refinement.longGap(annotated[j], annotated[j + 1], sliceMm, longGapMm))
                for (int i = annotated[j]; i < annotated[j + 1] && i < pairs; i++) out[i] = true;
        return out;
    }
}
