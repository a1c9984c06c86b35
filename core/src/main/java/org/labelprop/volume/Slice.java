// SPDX-License-Identifier: Apache-2.0
package org.labelprop.volume;

/**
 * A read-only 2-D view of one slice of a {@link Volume}: {@code height} rows (v) by {@code width} columns (u), see
 * {@link SliceAxis}. No copy is made; {@link #toArray()} copies.
 */
public final class Slice {
    private final float[] data;
    private final SliceGeometry g;

    Slice(float[] data, SliceGeometry g) { this.data = data; this.g = g; }

    public int width() { return g.width(); }

    public int height() { return g.height(); }

    public int index() { return g.index(); }

    public float get(int u, int v) { return data[g.at(u, v)]; }

    /** The pixels row by row (u fastest), a new array of {@code height * width} values. */
    public float[] toArray() {
        float[] out = new float[g.pixels()];
        copyTo(out, 0);
        return out;
    }

    /** Copies the pixels row by row into {@code dst} starting at {@code pos}. */
    public void copyTo(float[] dst, int pos) {
        int w = g.width(), h = g.height();
        for (int v = 0; v < h; v++) {
            int src = g.at(0, v);
            if (g.strideU() == 1) System.arraycopy(data, src, dst, pos + v * w, w);
            else for (int u = 0; u < w; u++) dst[pos + v * w + u] = data[src + u * g.strideU()];
        }
    }
}
