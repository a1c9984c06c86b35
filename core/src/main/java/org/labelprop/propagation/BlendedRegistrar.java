// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.labelprop.field.DisplacementField;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Volume;

/**
 * Two registrars' fields blended pair by pair: {@code (1 − w) · first + w · second} for every neighbouring pair, both
 * directions. A second opinion of another kind (e.g. TV-L1 optical flow beside the network) averages out errors the two
 * do not share; see docs/benchmark.md for what it does on the development suite.
 *
 * @param first  the main registrar
 * @param second the second opinion
 * @param weight w, the second's share, in (0, 1]
 */
public record BlendedRegistrar(SliceRegistrar first, SliceRegistrar second, double weight) implements SliceRegistrar {
    public BlendedRegistrar {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (!(weight > 0 && weight <= 1)) throw new IllegalArgumentException("blend weight must be within (0, 1], got " + weight);
    }

    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        NeighbourFields a = first.fields(image, axis, progress);
        NeighbourFields b = second.fields(image, axis, progress);
        if (a.slices() != b.slices())
            throw new IllegalStateException("the two registrars gave fields for " + a.slices() + " and " + b.slices() + " slices");
        return new NeighbourFields(axis, blend(a.up(), b.up()), blend(a.down(), b.down()));
    }

    private List<DisplacementField> blend(List<DisplacementField> a, List<DisplacementField> b) {
        List<DisplacementField> out = new ArrayList<>(a.size());
        float wa = (float) (1 - weight), wb = (float) weight;
        for (int i = 0; i < a.size(); i++) {
            DisplacementField x = a.get(i), y = b.get(i);
            if (x.height() != y.height() || x.width() != y.width())
                throw new IllegalStateException("pair " + i + ": fields of " + x.height() + "x" + x.width() + " and " + y.height() + "x" + y.width());
            float[] dy = new float[x.dyArray().length], dx = new float[dy.length];
            for (int k = 0; k < dy.length; k++) {
                dy[k] = wa * x.dyArray()[k] + wb * y.dyArray()[k];
                dx[k] = wa * x.dxArray()[k] + wb * y.dxArray()[k];
            }
            out.add(new DisplacementField(x.height(), x.width(), dy, dx));
        }
        return out;
    }
}
