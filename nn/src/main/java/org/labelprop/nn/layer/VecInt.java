// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.layer;

import static org.labelprop.nn.tensor.Tensors.s;

import org.bytedeco.pytorch.Tensor;

/**
 * Integrates a stationary velocity field by scaling and squaring (Dalca et al. 2019; ITK's
 * ExponentialDisplacementFieldImageFilter): {@code u ← v / 2^steps}, then {@code steps} times {@code u ← u + warp(u, u)}.
 * The result is the displacement of {@code exp(v)} in pixel units, channels as in {@link SpatialTransformer}.
 * With {@code steps = 0} the velocity is returned unchanged (not diffeomorphic). The original uses 7 steps at full resolution.
 */
public final class VecInt {
    /** Scaling-and-squaring steps of the original. */
    public static final int DEFAULT_STEPS = 7;

    private VecInt() { }

    /** {@code exp(v)} with {@code steps} squarings. */
    public static Tensor integrate(Tensor v, int steps) {
        if (steps < 0) throw new IllegalArgumentException("integration steps must be >= 0, got " + steps);
        if (steps == 0) return v;
        Tensor u = v.mul(s(1.0 / (1L << steps)));
        for (int i = 0; i < steps; i++) u = u.add(SpatialTransformer.warp(u, u));
        return u;
    }
}
