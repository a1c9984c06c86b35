// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.Tensor;

/**
 * VoxelMorph soft Dice as a loss: per batch item and channel {@code 2·Σ(a·b) / max(Σ(a + b), 1e-5)}, averaged over
 * channels and batch, negated. Channels are soft one-hot maps (channel 0 = background), so a label absent from both maps
 * adds a constant and no gradient, while the background channel penalises a label that spills where it is absent.
 */
public final class SoftDice {
    private SoftDice() { }

    public static Tensor loss(Tensor target, Tensor predicted) {
        long[] spatial = {2, 3};
        Tensor num = target.mul(predicted).sum(spatial, false, new org.bytedeco.pytorch.ScalarTypeOptional()).mul(s(2));
        Tensor den = target.add(predicted).sum(spatial, false, new org.bytedeco.pytorch.ScalarTypeOptional()).clamp_min(s(1e-5));
        return num.div(den).mean().neg();
    }
}
