// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.Tensor;

/** Mean squared difference times {@code weight}: {@code weight · mean((a − b)²)}; the current original uses weight 10. */
public record Mse(double weight) implements Similarity {
    public Mse {
        if (!(weight > 0)) throw new IllegalArgumentException("MSE weight must be positive, got " + weight);
    }

    @Override
    public Tensor loss(Tensor fixed, Tensor warped) { return fixed.sub(warped).square().mean().mul(s(weight)); }
}
