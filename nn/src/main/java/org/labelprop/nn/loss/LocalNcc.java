// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.tensor.Tensors;

/**
 * VoxelMorph's local normalised cross-correlation loss, {@code −mean(cc)} with, over square windows of
 * {@code windowSize} pixels a side (= 2·radius + 1; 9 in the original) and zero padding,
 * {@code cc = cross² / (var_I·var_J + 1e-5)}, {@code cross = Σ IJ − Σ I·Σ J / N}, {@code var_I = max(Σ I² − (Σ I)² / N, 0)}.
 */
public record LocalNcc(int windowSize) implements Similarity {
    public LocalNcc {
        if (windowSize < 1 || windowSize % 2 == 0)
            throw new IllegalArgumentException("NCC window size must be odd and positive, got " + windowSize);
    }

    /** The original's 9×9 window. */
    public static LocalNcc defaults() { return new LocalNcc(9); }

    @Override
    public Tensor loss(Tensor fixed, Tensor warped) { return ccMap(fixed, warped).mean().neg(); }

    /** The per-pixel {@code cc} map (B×1×H×W), in [0, 1] up to the epsilon. */
    public Tensor ccMap(Tensor i, Tensor j) {
        long c = i.size(1);
        Tensor stack = Tensors.cat(1, i, j, i.mul(i), j.mul(j), i.mul(j));
        long k = windowSize, p = windowSize / 2;
        double n = (double) k * k;
        // window sums = window means (zeros counted) × N
        Tensor sums = torch.avg_pool2d(stack, new long[] {k, k}, new long[] {1, 1}, new long[] {p, p}, false, true,
            new LongOptional()).mul(s(n));
        Tensor si = sums.narrow(1, 0, c), sj = sums.narrow(1, c, c), sii = sums.narrow(1, 2 * c, c),
            sjj = sums.narrow(1, 3 * c, c), sij = sums.narrow(1, 4 * c, c);
        Tensor cross = sij.sub(si.mul(sj).div(s(n)));
        // in float32, Σ I² − (Σ I)²/N cancels to slightly negative values on flat windows (zero padding, background);
        // a negative variance can bring the denominator to 0 and the gradient to inf (then NaN weights), so clamp at 0
        Tensor varI = sii.sub(si.mul(si).div(s(n))).clamp_min(s(0));
        Tensor varJ = sjj.sub(sj.mul(sj).div(s(n))).clamp_min(s(0));
        return cross.mul(cross).div(varI.mul(varJ).add(s(1e-5)));
    }
}
