// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.loss;

import org.bytedeco.pytorch.Tensor;

/**
 * The scribble ("hint") reward of the original LabelProp, for all labels at once: minus the mean soft value of the
 * propagated map at hinted pixels, {@code −Σ(P·M) / max(ΣM, 1)}, where {@code M} is one-hot on the hinted pixels (channel k
 * = "this pixel is label k", channel 0 = "this pixel is background", from value 255).
 */
public final class HintLoss {
    private HintLoss() { }

    public static Tensor loss(Tensor predicted, Tensor hintMask) {
        return predicted.mul(hintMask).sum().div(hintMask.sum().clamp_min(org.labelprop.nn.tensor.Tensors.s(1))).neg();
    }
}
