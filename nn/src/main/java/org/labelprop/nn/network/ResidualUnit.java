// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * MONAI's {@code ResidualUnit}: {@code subunits} {@link ConvUnit}s (the first with the stride) plus a residual path that
 * is the identity when shape is kept, else a 3×3 strided convolution (1×1 when only the channel count changes).
 */
final class ResidualUnit {
    private final ConvUnit[] units;
    private final Tensor resWeight, resBias;
    private final int stride;
    private final boolean resKernel3;

    ResidualUnit(ParameterSet params, String name, int in, int out, int stride, int subunits, boolean lastConvOnly,
                 SplittableRandom rng) {
        this.stride = stride;
        units = new ConvUnit[subunits];
        for (int i = 0; i < subunits; i++)
            units[i] = new ConvUnit(params, name + ".unit" + i, i == 0 ? in : out, out, i == 0 ? stride : 1, false,
                lastConvOnly && i == subunits - 1, rng);
        if (stride != 1 || in != out) {
            resKernel3 = stride != 1;
            int k = resKernel3 ? 3 : 1;
            double bound = 1 / Math.sqrt(in * (double) k * k);
            resWeight = params.add(name + ".residual.weight", ConvUnit.uniform(rng, out * in * k * k, bound), out, in, k, k);
            resBias = params.add(name + ".residual.bias", ConvUnit.uniform(rng, out, bound), out);
        } else {
            resKernel3 = false;
            resWeight = null;
            resBias = null;
        }
    }

    Tensor forward(Tensor x) {
        Tensor y = x;
        for (ConvUnit u : units) y = u.forward(y);
        Tensor res = x;
        if (resWeight != null) {
            long p = resKernel3 ? 1 : 0;
            res = torch.conv2d(x, resWeight, new TensorOptional(resBias), new long[] {stride, stride}, new long[] {p, p},
                new long[] {1, 1}, 1);
        }
        return y.add(res);
    }
}
