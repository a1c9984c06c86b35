// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;

class SpatialTransformerTest {
    static { NativeRuntime.init(2); }

    static float[] disk(int h, int w, double cy, double cx, double r) {
        float[] a = new float[h * w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                a[y * w + x] = (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r ? 1f : 0f;
        return a;
    }

    static double centroid(float[] a, int h, int w, boolean rows) {
        double m = 0, s = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) { m += a[y * w + x]; s += a[y * w + x] * (rows ? y : x); }
        return s / m;
    }

    static Tensor constantField(int h, int w, float dy, float dx) {
        float[] f = new float[2 * h * w];
        for (int i = 0; i < h * w; i++) { f[i] = dy; f[h * w + i] = dx; }
        return Tensors.of(f, 1, 2, h, w);
    }

    @Test
    void zeroDisplacementIsTheIdentity() {
        try (PointerScope scope = new PointerScope()) {
            float[] img = disk(16, 20, 7, 9, 4);
            for (int i = 0; i < img.length; i++) img[i] += 0.01f * i;
            float[] out = Tensors.toArray(SpatialTransformer.warp(Tensors.of(img, 1, 1, 16, 20), constantField(16, 20, 0, 0)));
            for (int i = 0; i < img.length; i++) assertThat(out[i]).isCloseTo(img[i], within(1e-5f));
        }
    }

    @Test
    void channelZeroMovesAlongRowsAndChannelOneAlongColumns() {
        try (PointerScope scope = new PointerScope()) {
            int h = 32, w = 32;
            Tensor src = Tensors.of(disk(h, w, 16, 16, 5), 1, 1, h, w);
            // out(p) = src(p + u): u = +3 rows samples below, so the disk appears 3 rows higher (smaller y)
            float[] byRows = Tensors.toArray(SpatialTransformer.warp(src, constantField(h, w, 3, 0)));
            assertThat(centroid(byRows, h, w, true)).isCloseTo(13, within(1e-3));
            assertThat(centroid(byRows, h, w, false)).isCloseTo(16, within(1e-3));
            float[] byCols = Tensors.toArray(SpatialTransformer.warp(src, constantField(h, w, 0, -2)));
            assertThat(centroid(byCols, h, w, false)).isCloseTo(18, within(1e-3));
            assertThat(centroid(byCols, h, w, true)).isCloseTo(16, within(1e-3));
        }
    }

    @Test
    void contentFromOutsideIsZero() {
        try (PointerScope scope = new PointerScope()) {
            float[] ones = new float[8 * 8];
            java.util.Arrays.fill(ones, 1f);
            float[] out = Tensors.toArray(SpatialTransformer.warp(Tensors.of(ones, 1, 1, 8, 8), constantField(8, 8, 0, 20)));
            for (float v : out) assertThat(v).isEqualTo(0f);
        }
    }

    @Test
    void composingTwoShiftsEqualsWarpingTwice() {
        try (PointerScope scope = new PointerScope()) {
            int h = 32, w = 32;
            Tensor src = Tensors.of(disk(h, w, 14, 15, 6), 1, 1, h, w);
            float[] f1 = new float[2 * h * w], f2 = new float[2 * h * w];
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++) {
                    f1[y * w + x] = (float) (1.5 * Math.sin(x / 6.0)); f1[h * w + y * w + x] = 0.7f;
                    f2[y * w + x] = -0.5f; f2[h * w + y * w + x] = (float) (1.2 * Math.cos(y / 5.0));
                }
            Tensor a = Tensors.of(f1, 1, 2, h, w), b = Tensors.of(f2, 1, 2, h, w);
            float[] twice = Tensors.toArray(SpatialTransformer.warp(SpatialTransformer.warp(src, a), b));
            float[] once = Tensors.toArray(SpatialTransformer.warp(src, SpatialTransformer.compose(a, b)));
            double diff = 0, mass = 0;
            for (int i = 0; i < once.length; i++) { diff += Math.abs(once[i] - twice[i]); mass += twice[i]; }
            assertThat(diff / mass).isLessThan(0.1);
            assertThat(centroid(once, h, w, false)).isCloseTo(centroid(twice, h, w, false), within(0.1));
            assertThat(centroid(once, h, w, true)).isCloseTo(centroid(twice, h, w, true), within(0.1));
        }
    }
}
