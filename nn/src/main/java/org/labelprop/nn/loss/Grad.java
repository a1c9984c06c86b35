// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.Tensor;

/**
 * VoxelMorph's L1 smoothness penalty on a field (applied to the velocity, before integration):
 * {@code (mean|∂_y v| + mean|∂_x v|) / 2} with forward differences.
 */
public final class Grad {
    private Grad() { }

    public static Tensor loss(Tensor v) {
        long h = v.size(2), w = v.size(3);
        Tensor dy = v.narrow(2, 1, h - 1).sub(v.narrow(2, 0, h - 1)).abs().mean();
        Tensor dx = v.narrow(3, 1, w - 1).sub(v.narrow(3, 0, w - 1)).abs().mean();
        return dy.add(dx).mul(s(0.5));
    }
}
