// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.Arrays;
import java.util.Objects;
import org.labelprop.volume.LabelVolume;

/**
 * Scribbles that correct a propagation, on the image grid: 0 = no hint, k = "this voxel is label k", {@value #BACKGROUND}
 * = "this voxel is background" (so label 255 cannot be hinted). Training rewards propagations that agree with them;
 * inference forces the hinted voxels after every warp step, so a hint corrects the rest of the walk. A label present only
 * in the hints is propagated from the hinted slices ({@link LabelCoverage#HINT_ONLY}).
 */
public record Hints(LabelVolume volume) {
    /** The hint value meaning "background here". */
    public static final int BACKGROUND = 255;

    public Hints { Objects.requireNonNull(volume, "hint volume"); }

    /** The labels hinted ("label k here"), ascending, without {@link #BACKGROUND}. */
    public int[] labels() { return Arrays.stream(volume.labels()).filter(l -> l != BACKGROUND).toArray(); }
}
