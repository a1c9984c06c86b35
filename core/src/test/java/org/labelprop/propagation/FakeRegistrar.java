// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.Fields;
import org.labelprop.progress.ProgressListener;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Volume;

/**
 * A {@link SliceRegistrar} for tests that returns fields given in code instead of registering: identity, a known
 * translation per slice, or arbitrary per-pair fields. Shared with other modules through core's test-jar.
 */
public final class FakeRegistrar implements SliceRegistrar {
    /** Builds the field of one neighbour pair i (slices i and i+1) on a height x width slice grid. */
    @FunctionalInterface
    public interface PairField {
        DisplacementField field(int pair, int height, int width);
    }

    private final PairField up;
    private final PairField down;
    private int calls;

    public FakeRegistrar(PairField up, PairField down) {
        this.up = up;
        this.down = down;
    }

    /** Every field zero: each slice is taken to look exactly like its neighbours. */
    public static FakeRegistrar identity() {
        return new FakeRegistrar((i, h, w) -> DisplacementField.zero(h, w), (i, h, w) -> DisplacementField.zero(h, w));
    }

    /**
     * The exact fields for content that moves by ({@code rowsPerSlice}, {@code columnsPerSlice}) pixels from each slice
     * to the next: up fields are minus that shift (fixed(p) = moving(p - t)), down fields plus it.
     */
    public static FakeRegistrar translation(double rowsPerSlice, double columnsPerSlice) {
        float dy = (float) rowsPerSlice, dx = (float) columnsPerSlice;
        return new FakeRegistrar((i, h, w) -> Fields.translation(h, w, -dy, -dx), (i, h, w) -> Fields.translation(h, w, dy, dx));
    }

    /** Fields chosen per pair index, e.g. to make the two directions disagree on some pairs only. */
    public static FakeRegistrar perPair(IntFunction<float[]> upShift, IntFunction<float[]> downShift) {
        return new FakeRegistrar((i, h, w) -> shift(upShift.apply(i), h, w), (i, h, w) -> shift(downShift.apply(i), h, w));
    }

    private static DisplacementField shift(float[] dyDx, int h, int w) { return Fields.translation(h, w, dyDx[0], dyDx[1]); }

    @Override
    public NeighbourFields fields(Volume image, SliceAxis axis, ProgressListener progress) {
        calls++;
        int n = image.shape().size(axis);
        SliceGeometry g = SliceGeometry.of(image.shape(), axis, 0);
        List<DisplacementField> ups = new ArrayList<>(), downs = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            ups.add(up.field(i, g.height(), g.width()));
            downs.add(down.field(i, g.height(), g.width()));
            progress.update(org.labelprop.progress.Stage.FIELDS, i + 1, Math.max(1, n - 1));
        }
        return new NeighbourFields(axis, ups, downs);
    }

    /** How many times {@link #fields} was called. */
    public int calls() { return calls; }
}
