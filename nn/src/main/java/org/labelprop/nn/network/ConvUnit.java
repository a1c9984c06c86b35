// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;

/**
 * MONAI's {@code Convolution} block, ordering conv → InstanceNorm (affine=false, eps 1e-5) → PReLU (one slope, 0.25);
 * kernel 3, padding 1; transposed convolutions use output padding {@code stride − 1} so they exactly double the size.
 * Weights and biases start as PyTorch's default, uniform in ±1/√fan_in. With {@code convOnly} norm and activation are
 * left out.
 */
final class ConvUnit {
    private final Tensor weight, bias, slope;
    private final int stride;
    private final boolean transposed, convOnly;

    ConvUnit(ParameterSet params, String name, int in, int out, int stride, boolean transposed, boolean convOnly,
             SplittableRandom rng) {
        this.stride = stride;
        this.transposed = transposed;
        this.convOnly = convOnly;
        long[] shape = transposed ? new long[] {in, out, 3, 3} : new long[] {out, in, 3, 3};
        double bound = 1 / Math.sqrt(shape[1] * 9.0);   // torch computes fan_in from dim 1, also for transposed weights
        weight = params.add(name + ".weight", uniform(rng, in * out * 9, bound), shape);
        bias = params.add(name + ".bias", uniform(rng, out, bound), out);
        slope = convOnly ? null : params.add(name + ".prelu", new float[] {0.25f}, 1);
    }

    Tensor forward(Tensor x) {
        long[] s = {stride, stride}, one = {1, 1};
        Tensor y = transposed
            ? torch.conv_transpose2d(x, weight, new TensorOptional(bias), s, one, new long[] {stride - 1, stride - 1}, 1, one)
            : torch.conv2d(x, weight, new TensorOptional(bias), s, one, one, 1);
        if (convOnly) return y;
        y = torch.instance_norm(y, new TensorOptional(), new TensorOptional(), new TensorOptional(), new TensorOptional(),
            true, 0.1, 1e-5, false);
        return torch.prelu(y, slope);
    }

    static float[] uniform(SplittableRandom rng, int n, double bound) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
        return a;
    }
}
