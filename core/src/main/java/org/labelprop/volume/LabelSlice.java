// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/** A read-only 2-D view of one slice of a {@link LabelVolume}, laid out as {@link Slice}. */
public final class LabelSlice {
    private final int[] data;
    private final SliceGeometry g;

    LabelSlice(int[] data, SliceGeometry g) { this.data = data; this.g = g; }

    public int width() { return g.width(); }

    public int height() { return g.height(); }

    public int index() { return g.index(); }

    public int get(int u, int v) { return data[g.at(u, v)]; }

    /** The labels row by row (u fastest), a new array. */
    public int[] toArray() {
        int w = g.width(), h = g.height();
        int[] out = new int[w * h];
        for (int v = 0; v < h; v++)
            for (int u = 0; u < w; u++) out[v * w + u] = data[g.at(u, v)];
        return out;
    }

    /** Whether any pixel is non-zero. */
    public boolean any() {
        for (int v = 0; v < g.height(); v++)
            for (int u = 0; u < g.width(); u++) if (data[g.at(u, v)] != 0) return true;
        return false;
    }
}
