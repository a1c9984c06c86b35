// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Warps 2-D maps by a {@link DisplacementField}: {@code out(p) = src(p + u(p))}, bilinear, zero padding, pixel units
 * with pixel centres at integer indices (PyTorch {@code grid_sample(align_corners=True, padding_mode='zeros')} as
 * VoxelMorph's SpatialTransformer uses it). Maps are row-major ({@code v * width + u}); a corner of the bilinear stencil
 * outside the slice contributes 0, so content pulled in from outside fades to 0 over one pixel.
 * Used for images, displacement components and soft (one-hot or probability) label maps alike.
 */
public final class Warper {
    /** Below this many channel pixels a warp runs on the calling thread. */
    private static final long PARALLEL_PIXELS = 1 << 16;

    private Warper() { }

    /** Bilinear value of {@code src} (height x width, row-major) at row {@code y}, column {@code x}; 0 outside. */
    public static float sample(float[] src, int height, int width, double y, double x) {
        double fy = Math.floor(y), fx = Math.floor(x);
        // written so that NaN positions fall out here too
        if (!(fy >= -1 && fx >= -1 && fy < height && fx < width)) return 0f;
        int y0 = (int) fy, x0 = (int) fx;
        double ay = y - fy, ax = x - fx;
        double v = 0;
        if (y0 >= 0) {
            int r = y0 * width;
            if (x0 >= 0) v += (1 - ay) * (1 - ax) * src[r + x0];
            if (x0 + 1 < width) v += (1 - ay) * ax * src[r + x0 + 1];
        }
        if (y0 + 1 < height) {
            int r = (y0 + 1) * width;
            if (x0 >= 0) v += ay * (1 - ax) * src[r + x0];
            if (x0 + 1 < width) v += ay * ax * src[r + x0 + 1];
        }
        return (float) v;
    }

    /** One channel: a new array with {@code src} warped by {@code field}; {@code src} must match the field's grid. */
    public static float[] warp(float[] src, DisplacementField field) {
        Objects.requireNonNull(src, "src");
        return warp(new float[][] {src}, field)[0];
    }

    /**
     * Several channels ({@code channels[c]}, each height x width row-major) warped by the same field, the stencil
     * computed once per pixel; a null channel stands for an all-zero map and stays null.
     */
    public static float[][] warp(float[][] channels, DisplacementField field) {
        int h = field.height(), w = field.width();
        int live = 0;
        for (float[] c : channels) if (c != null) { checkLength(c.length, h * w, "map"); live++; }
        float[][] src = new float[live][], dst = new float[live][];
        float[][] out = new float[channels.length][];
        for (int c = 0, k = 0; c < channels.length; c++)
            if (channels[c] != null) { src[k] = channels[c]; dst[k++] = out[c] = new float[h * w]; }
        if (live == 0) return out;
        // large slices: row blocks in parallel (each block writes its own rows only)
        int blocks = (long) h * w * live < PARALLEL_PIXELS ? 1 : Math.min(h, 4 * Runtime.getRuntime().availableProcessors());
        IntStream range = IntStream.range(0, blocks);
        (blocks > 1 ? range.parallel() : range).forEach(b -> warpRows(src, dst, field, h * b / blocks, h * (b + 1) / blocks));
        return out;
    }

    private static void warpRows(float[][] src, float[][] dst, DisplacementField field, int v0, int v1) {
        int h = field.height(), w = field.width();
        float[] dy = field.dyArray(), dx = field.dxArray();
        for (int v = v0; v < v1; v++)
            for (int u = 0, p = v * w; u < w; u++, p++) {
                double y = v + (double) dy[p], x = u + (double) dx[p];
                double fy = Math.floor(y), fx = Math.floor(x);
                if (fy >= 0 && fx >= 0 && fy < h - 1 && fx < w - 1) {
                    // the whole stencil inside: no padding checks
                    int i = (int) fy * w + (int) fx;
                    float ay = (float) (y - fy), ax = (float) (x - fx);
                    float w00 = (1 - ay) * (1 - ax), w01 = (1 - ay) * ax, w10 = ay * (1 - ax), w11 = ay * ax;
                    for (int c = 0; c < src.length; c++) {
                        float[] s = src[c];
                        dst[c][p] = w00 * s[i] + w01 * s[i + 1] + w10 * s[i + w] + w11 * s[i + w + 1];
                    }
                } else {
                    for (int c = 0; c < src.length; c++) dst[c][p] = sample(src[c], h, w, y, x);
                }
            }
    }

    /** A flat channels x height x width array (channel slowest) warped channel by channel. */
    public static float[] warpFlat(float[] flat, int channels, DisplacementField field) {
        int plane = field.height() * field.width();
        if (channels < 1) throw new IllegalArgumentException("channel count must be positive, got " + channels);
        checkLength(flat.length, channels * plane, channels + "-channel map");
        float[] out = new float[flat.length];
        float[] one = new float[plane];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(flat, c * plane, one, 0, plane);
            System.arraycopy(warp(one, field), 0, out, c * plane, plane);
        }
        return out;
    }

    private static void checkLength(int found, int expected, String what) {
        if (found != expected)
            throw new IllegalArgumentException(what + " has " + found + " values but the field grid needs " + expected);
    }
}
