// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.layer;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.tensor.Tensors;

/**
 * Warps a batch of 2-D images (or fields, or soft label maps) by a dense displacement: {@code out(p) = src(p + u(p))}.
 *
 * <p>Conventions (VoxelMorph's): {@code src} is {@code B×C×H×W}; {@code u} is {@code B×2×H×W} in pixel units
 * with <b>channel 0 = row (y) displacement</b> and <b>channel 1 = column (x) displacement</b>. Sample positions are
 * normalised with the align-corners convention {@code 2·p/(size−1) − 1}; bilinear interpolation; zero padding (content
 * warped in from outside the slice is 0). Labels are warped as soft maps with the same bilinear sampler.
 */
public final class SpatialTransformer {
    private SpatialTransformer() { }

    /** {@code src} sampled at {@code p + u(p)}; bilinear, zeros outside, align corners. */
    public static Tensor warp(Tensor src, Tensor u) {
        long b = u.size(0), h = u.size(2), w = u.size(3);
        if (u.size(1) != 2 || src.size(2) != h || src.size(3) != w)
            throw new IllegalArgumentException("warp needs src B×C×H×W and u B×2×H×W on the same grid, got "
                + java.util.Arrays.toString(src.shape()) + " and " + java.util.Arrays.toString(u.shape()));
        if (h < 2 || w < 2) throw new IllegalArgumentException("warp needs slices of at least 2×2 pixels, got " + h + "×" + w);
        Tensor rows = Tensors.of(ramp(h), 1, h, 1);
        Tensor cols = Tensors.of(ramp(w), 1, 1, w);
        Tensor dy = u.select(1, 0), dx = u.select(1, 1);                    // B×H×W each
        Tensor gy = dy.add(rows).mul(s(2.0 / (h - 1))).sub(s(1));
        Tensor gx = dx.add(cols).mul(s(2.0 / (w - 1))).sub(s(1));
        Tensor grid = torch.stack(new org.bytedeco.pytorch.TensorVector(gx, gy), 3);   // grid_sample wants (x, y) last
        if (src.size(0) != b) src = src.expand(b, src.size(1), h, w);
        return torch.grid_sampler(src, grid, 0, 0, true);                     // bilinear, zeros, align_corners
    }

    /**
     * The composition "first {@code first}, then {@code second}": warping by the result equals warping by {@code first}
     * and then by {@code second}. {@code compose(a, b) = b + warp(a, b)}.
     */
    public static Tensor compose(Tensor first, Tensor second) {
        return second.add(warp(first, second));
    }

    private static float[] ramp(long n) {
        float[] r = new float[(int) n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
