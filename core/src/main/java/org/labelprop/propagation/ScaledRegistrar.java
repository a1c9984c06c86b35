// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.List;
import java.util.Objects;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.InPlaneScale;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * Another registrar run on the working grid of {@link InPlaneScale} (slices larger than {@code maxSide} shrunk to at most
 * that side and pixels of at least {@code minPixelMm}), its fields brought back to the native grid.
 *
 * @param inner      the registrar
 * @param maxSide    largest working side, pixels
 * @param minPixelMm finest working pixel for slices larger than {@code maxSide}, mm
 */
public record ScaledRegistrar(SliceRegistrar inner, int maxSide, double minPixelMm) implements SliceRegistrar {
    public ScaledRegistrar {
        Objects.requireNonNull(inner, "inner");
        if (maxSide < 2) throw new IllegalArgumentException("largest working side must be >= 2, got " + maxSide);
    }

    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        InPlaneScale s = InPlaneScale.fit(image, axis, maxSide, minPixelMm);
        if (s.identity()) return inner.fields(image, axis, progress);
        NeighbourFields f = inner.fields(s.shrink(image), axis, progress);
        List<DisplacementField> up = f.up().stream().map(s::enlarge).toList(), down = f.down().stream().map(s::enlarge).toList();
        return new NeighbourFields(axis, up, down);
    }
}
