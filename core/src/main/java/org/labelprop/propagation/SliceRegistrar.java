// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * The seam between the propagation algorithm and whatever registers slices (a trained network, an optimiser, a fake in
 * tests): every neighbouring slice pair along {@code axis}, both directions, in one call so the implementation can batch.
 * Fields are returned on the slice grid of {@code image} (no padding, no resampling).
 */
@FunctionalInterface
public interface SliceRegistrar {
    NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress);
}
