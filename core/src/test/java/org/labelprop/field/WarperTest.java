// SPDX-License-Identifier: Apache-2.0
package org.labelprop.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WarperTest {
    static final int H = 24, W = 30;

    static float[] disk(double cy, double cx, double r) {
        float[] d = new float[H * W];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r) d[y * W + x] = 1f;
        return d;
    }

    @Test
    void zeroFieldIsTheIdentity() {
        Random rnd = new Random(1);
        float[] img = new float[H * W];
        for (int i = 0; i < img.length; i++) img[i] = rnd.nextFloat();
        assertThat(Warper.warp(img, DisplacementField.zero(H, W))).containsExactly(img);
    }

    @Test
    void integerShiftMovesADiskByExactlyThatShift() {
        // out(p) = src(p + u): a field of (+2 rows, -3 columns) moves content by (-2, +3)
        float[] out = Warper.warp(disk(12, 10, 5), Fields.translation(H, W, 2, -3));
        assertThat(out).containsExactly(disk(10, 13, 5));
    }

    @Test
    void halfPixelSamplesAverageAndOutsideIsZero() {
        float[] img = new float[H * W];
        img[5 * W + 7] = 1f;
        img[5 * W + 8] = 3f;
        assertThat(Warper.sample(img, H, W, 5, 7.5)).isEqualTo(2f);
        assertThat(Warper.sample(img, H, W, 5.5, 7)).isEqualTo(0.5f);
        assertThat(Warper.sample(img, H, W, -1.5, 3)).isZero();
        assertThat(Warper.sample(img, H, W, Double.NaN, 3)).isZero();
        float[] ones = new float[H * W];
        java.util.Arrays.fill(ones, 1f);
        // half a pixel beyond the last column: one corner of the stencil is outside and contributes 0
        assertThat(Warper.sample(ones, H, W, 3, W - 0.5)).isEqualTo(0.5f);
        assertThat(Warper.sample(ones, H, W, H - 1, W - 1)).isEqualTo(1f);
    }

    @Test
    void channelsAreWarpedAlikeAndNullChannelsStayNull() {
        float[] a = disk(8, 8, 4), b = disk(15, 20, 3);
        DisplacementField f = Fields.translation(H, W, 0.5f, 1.25f);
        float[][] out = Warper.warp(new float[][] {a, null, b}, f);
        assertThat(out[0]).containsExactly(Warper.warp(a, f));
        assertThat(out[1]).isNull();
        assertThat(out[2]).containsExactly(Warper.warp(b, f));
        float[] flat = new float[2 * H * W];
        System.arraycopy(a, 0, flat, 0, H * W);
        System.arraycopy(b, 0, flat, H * W, H * W);
        float[] warped = Warper.warpFlat(flat, 2, f);
        assertThat(java.util.Arrays.copyOfRange(warped, H * W, 2 * H * W)).containsExactly(out[2]);
    }

    @Test
    void mapOfTheWrongSizeIsRejected() {
        assertThatThrownBy(() -> Warper.warp(new float[10], DisplacementField.zero(H, W)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 values").hasMessageContaining("720");
    }

    @Test
    void warpingIsBilinearForFractionalShifts() {
        float[] img = new float[H * W];
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) img[y * W + x] = 2 * x + 3 * y;
        float[] out = Warper.warp(img, Fields.translation(H, W, 0.25f, 0.5f));
        // a linear ramp is reproduced exactly by bilinear interpolation away from the border
        assertThat(out[10 * W + 10]).isCloseTo(2 * 10.5f + 3 * 10.25f, within(1e-4f));
    }
}
