// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.labelprop.nn.tensor.Tensors;

/**
 * The MONAI {@code UNet(spatial_dims=2, num_res_units=2)} backbone of the original, built recursively like MONAI: each
 * level is {@code down → skip(cat[x, below(x)]) → up}, the bottom a stride-1 residual unit; down units have 2 subunits,
 * up blocks are a transposed convolution followed by a 1-subunit residual unit (conv only at the top level).
 */
final class UNet2d {
    private final ResidualUnit down;
    private final UNet2d below;          // null at the last level, where bottom is used
    private final ResidualUnit bottom;
    private final ConvUnit upConv;
    private final ResidualUnit upRes;

    /** The whole UNet: {@code in → out} channels through levels {@code channels}. */
    UNet2d(ParameterSet p, String name, int in, int out, List<Integer> channels, boolean top, SplittableRandom rng) {
        int c = channels.get(0);
        down = new ResidualUnit(p, name + ".down", in, c, 2, 2, false, rng);
        int upIn;
        if (channels.size() > 2) {
            below = new UNet2d(p, name + ".sub", c, c, channels.subList(1, channels.size()), false, rng);
            bottom = null;
            upIn = 2 * c;
        } else {
            below = null;
            bottom = new ResidualUnit(p, name + ".bottom", c, channels.get(1), 1, 2, false, rng);
            upIn = c + channels.get(1);
        }
        upConv = new ConvUnit(p, name + ".up", upIn, out, 2, true, false, rng);
        upRes = new ResidualUnit(p, name + ".upres", out, out, 1, 1, top, rng);
    }

    Tensor forward(Tensor x) {
        Tensor d = down.forward(x);
        Tensor sub = below != null ? below.forward(d) : bottom.forward(d);
        return upRes.forward(upConv.forward(Tensors.cat(1, d, sub)));
    }
}
