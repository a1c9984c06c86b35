// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.Tensor;
import org.labelprop.nn.layer.SpatialTransformer;
import org.labelprop.nn.layer.VecInt;
import org.labelprop.nn.loss.Grad;
import org.labelprop.nn.loss.LossPreset;

/**
 * The unsupervised terms for a batch of (moving, fixed) pairs given their velocities {@code v}:
 * {@code sim(f, warp(m, exp v)) + sim(m, warp(f, exp −v)) + smoothness · Grad(v)}, each a mean over the batch.
 * Shared by training and by per-pair refinement.
 */
public final class PairObjective {
    private PairObjective() { }

    /** The displacement {@code exp(v)} is written to {@code phiOut[0]} when non-null (to reuse it for chaining). */
    public static Tensor loss(LossPreset preset, int steps, Tensor moving, Tensor fixed, Tensor v, boolean inverse,
                              Tensor[] phiOut) {
        return loss(preset, preset.smoothness(), steps, moving, fixed, v, inverse, phiOut);
    }

    /** As {@link #loss(LossPreset, int, Tensor, Tensor, Tensor, boolean, Tensor[])} with another smoothness weight. */
    public static Tensor loss(LossPreset preset, double smoothness, int steps, Tensor moving, Tensor fixed, Tensor v,
                              boolean inverse, Tensor[] phiOut) {
        Tensor phi = VecInt.integrate(v, steps);
        if (phiOut != null) phiOut[0] = phi;
        Tensor loss = preset.similarity().loss(fixed, SpatialTransformer.warp(moving, phi));
        if (inverse) loss = loss.add(preset.similarity().loss(moving, SpatialTransformer.warp(fixed, VecInt.integrate(v.neg(), steps))));
        return loss.add(Grad.loss(v).mul(s(smoothness)));
    }
}
