// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

import java.util.stream.IntStream;
import org.labelprop.field.DisplacementField;
import org.labelprop.field.Fields;
import org.labelprop.field.Warper;

/**
 * A soft multi-label map on one slice: one channel per label (a {@link Patch}, null when the label is absent), values in
 * [0, 1], background implicit ({@code 1 - max}). Immutable; warping and hint clamping return new maps.
 */
final class SoftLabels {
    /** Below this many channel pixels a warp runs on the calling thread; above, channels are warped in parallel. */
    private static final int PARALLEL_PIXELS = 1 << 15;
    private final int height;
    private final int width;
    private final Patch[] channels;

    SoftLabels(int height, int width, Patch[] channels) {
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    /** The one-hot map of a hard label slice; {@code channelOf[label]} is the channel of a label (-1: none). */
    static SoftLabels oneHot(int[] labels, int height, int width, int[] channelOf, int channelCount) {
        int[][] box = emptyBoxes(channelCount);
        for (int p = 0; p < labels.length; p++)
            if (labels[p] != 0 && channelOf[labels[p]] >= 0) grow(box[channelOf[labels[p]]], p / width, p % width);
        Patch[] ch = new Patch[channelCount];
        for (int c = 0; c < channelCount; c++) {
            int[] b = box[c];
            if (b[2] < 0) continue;
            int h = b[2] - b[0] + 1, w = b[3] - b[1] + 1;
            float[] d = new float[h * w];
            for (int r = 0; r < h; r++)
                for (int q = 0; q < w; q++) {
                    int l = labels[(b[0] + r) * width + b[1] + q];
                    if (l != 0 && channelOf[l] == c) d[r * w + q] = 1f;
                }
            ch[c] = new Patch(b[0], b[1], h, w, d);
        }
        return new SoftLabels(height, width, ch);
    }

    int channels() { return channels.length; }

    Patch channel(int c) { return channels[c]; }

    /** Every channel warped by {@code field} (bilinear, zero padding), only over the rows and columns it can reach. */
    SoftLabels warp(DisplacementField field) {
        if (field.height() != height || field.width() != width)
            throw new IllegalArgumentException("field " + field.height() + "x" + field.width() + " does not fit slice " + height + "x" + width);
        double m = Fields.maxAbsComponent(field);
        int margin = m > Math.max(height, width) ? Math.max(height, width) : (int) Math.ceil(m) + 1;
        long area = 0;
        for (Patch p : channels) if (p != null) area += (long) p.height() * p.width();
        Patch[] out = new Patch[channels.length];
        IntStream cs = IntStream.range(0, channels.length);
        (area > PARALLEL_PIXELS ? cs.parallel() : cs).forEach(c -> out[c] = warp(channels[c], field, margin));
        return new SoftLabels(height, width, out);
    }

    private Patch warp(Patch p, DisplacementField f, int margin) {
        if (p == null) return null;
        int r0 = Math.max(0, p.y0() - margin), r1 = Math.min(height, p.y1() + margin);
        int c0 = Math.max(0, p.x0() - margin), c1 = Math.min(width, p.x1() + margin);
        int bw = c1 - c0;
        float[] buf = new float[(r1 - r0) * bw];
        float[] dy = f.dyArray(), dx = f.dxArray();
        for (int v = r0; v < r1; v++)
            for (int u = c0; u < c1; u++) {
                int i = v * width + u;
                buf[(v - r0) * bw + u - c0] = Warper.sample(p.data(), p.height(), p.width(),
                    v + (double) dy[i] - p.y0(), u + (double) dx[i] - p.x0());
            }
        return Patch.crop(buf, r0, c0, r1 - r0, bw);
    }

    /** The mix {@code (1 - w) this + w other}, channel by channel, of two maps of the same slice and channels. */
    SoftLabels mix(SoftLabels other, double w) {
        if (other.height != height || other.width != width || other.channels.length != channels.length)
            throw new IllegalArgumentException("cannot mix a " + other.height + "x" + other.width + " map of " + other.channels.length
                + " channels into a " + height + "x" + width + " map of " + channels.length);
        Patch[] out = new Patch[channels.length];
        float a = (float) (1 - w), b = (float) w;
        for (int c = 0; c < channels.length; c++) {
            Patch p = channels[c], q = other.channels[c];
            if (p == null && q == null) continue;
            int[] box = Patch.union(p, q);
            int y0 = box[0], x0 = box[1], y1 = box[2], x1 = box[3], bw = x1 - x0;
            float[] buf = new float[(y1 - y0) * bw];
            for (int y = y0; y < y1; y++)
                for (int x = x0; x < x1; x++)
                    buf[(y - y0) * bw + x - x0] = a * (p == null ? 0f : p.get(y, x)) + b * (q == null ? 0f : q.get(y, x));
            out[c] = Patch.crop(buf, y0, x0, y1 - y0, bw);
        }
        return new SoftLabels(height, width, out);
    }

    /**
     * Hint clamping (as the original): where {@code hints} is k, channel of k becomes 1 and every other channel 0;
     * where it is {@link Hints.BACKGROUND} every channel becomes 0; 0 leaves the pixel alone.
     */
    SoftLabels clamp(int[] hints, int[] channelOf) {
        int[][] box = emptyBoxes(channels.length);
        for (int p = 0; p < hints.length; p++) {
            int k = hints[p];
            if (k != 0 && k != Hints.BACKGROUND) grow(box[channelOf[k]], p / width, p % width);
        }
        Patch[] out = new Patch[channels.length];
        for (int c = 0; c < channels.length; c++) {
            Patch old = channels[c];
            int[] b = box[c];
            if (old != null) { grow(b, old.y0(), old.x0()); grow(b, old.y1() - 1, old.x1() - 1); }
            if (b[2] < 0) continue;
            int bh = b[2] - b[0] + 1, bw = b[3] - b[1] + 1;
            float[] buf = new float[bh * bw];
            for (int r = 0; r < bh; r++)
                for (int q = 0; q < bw; q++) {
                    int y = b[0] + r, x = b[1] + q, k = hints[y * width + x];
                    float v = old == null ? 0f : old.get(y, x);
                    if (k != 0) v = k != Hints.BACKGROUND && channelOf[k] == c ? 1f : 0f;
                    buf[r * bw + q] = v;
                }
            out[c] = Patch.crop(buf, b[0], b[1], bh, bw);
        }
        return new SoftLabels(height, width, out);
    }

    /** Boxes as {min row, min col, max row, max col}, empty when max row < 0. */
    private static int[][] emptyBoxes(int n) {
        int[][] b = new int[n][];
        for (int c = 0; c < n; c++) b[c] = new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        return b;
    }

    private static void grow(int[] b, int y, int x) {
        b[0] = Math.min(b[0], y); b[1] = Math.min(b[1], x);
        b[2] = Math.max(b[2], y); b[3] = Math.max(b[3], x);
    }
}
