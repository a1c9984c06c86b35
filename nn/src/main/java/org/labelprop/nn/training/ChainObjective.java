// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.training;

import static org.labelprop.nn.tensor.Tensors.s;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;
import org.labelprop.nn.layer.SpatialTransformer;
import org.labelprop.nn.loss.HintLoss;
import org.labelprop.nn.loss.LossPreset;
import org.labelprop.nn.loss.SoftDice;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.Tensors;

/**
 * The loss of one interval {@code [c0, c1]} between consecutive annotated slices (the paper's chained constraint, all labels at once):
 * the unsupervised terms of every neighbour pair inside, both directions (one batched forward pass), plus the chained
 * constraint: the annotation of {@code c0} carried up through the composition of the up fields must match the
 * annotation of {@code c1} (soft Dice, weight {@code dice}), and the same downwards; the image carried likewise must
 * match the target slice (MSE, weight {@code composition}); scribbles on the slices in between reward the carried map.
 * The chain is composed ({@code u ← φ_k + warp(u, φ_k)}) and the labels warped once, as in COMPOSED propagation.
 */
final class ChainObjective {
    private ChainObjective() { }

    static Tensor loss(SliceRegNet net, LossPreset preset, ScanTensors t, int c0, int c1) {
        int g = c1 - c0, steps = net.config().integrationSteps();
        Tensor lo = t.images.narrow(0, c0, g), hi = t.images.narrow(0, c0 + 1, g);
        Tensor moving = Tensors.cat(0, lo, hi), fixed = Tensors.cat(0, hi, lo);   // first g: up pairs, last g: down pairs
        Tensor v = net.velocity(moving, fixed);
        Tensor[] phi = new Tensor[1];
        // ×2: the original sums the per-direction means
        Tensor loss = PairObjective.loss(preset, steps, moving, fixed, v, true, phi).mul(s(2));
        Tensor up = phi[0].narrow(0, 0, g), down = phi[0].narrow(0, g, g);
        List<Tensor> hintTerms = new ArrayList<>();
        Tensor uUp = up.narrow(0, 0, 1);
        for (int k = 1; k < g; k++) {
            hint(t, c0 + k, t.annotations.get(c0), uUp, hintTerms);
            uUp = SpatialTransformer.compose(uUp, up.narrow(0, k, 1));
        }
        Tensor uDown = down.narrow(0, g - 1, 1);
        for (int k = g - 2; k >= 0; k--) {
            hint(t, c0 + k + 1, t.annotations.get(c1), uDown, hintTerms);
            uDown = SpatialTransformer.compose(uDown, down.narrow(0, k, 1));
        }
        Tensor seg = SoftDice.loss(t.annotations.get(c1), SpatialTransformer.warp(t.annotations.get(c0), uUp))
            .add(SoftDice.loss(t.annotations.get(c0), SpatialTransformer.warp(t.annotations.get(c1), uDown)));
        Tensor x0 = t.images.narrow(0, c0, 1), x1 = t.images.narrow(0, c1, 1);
        Tensor comp = x1.sub(SpatialTransformer.warp(x0, uUp)).square().mean()
            .add(x0.sub(SpatialTransformer.warp(x1, uDown)).square().mean());
        loss = loss.add(seg.mul(s(preset.dice()))).add(comp.mul(s(preset.composition())));
        if (!hintTerms.isEmpty()) {
            Tensor h = hintTerms.get(0);
            for (int i = 1; i < hintTerms.size(); i++) h = h.add(hintTerms.get(i));
            loss = loss.add(h.div(s(hintTerms.size())));
        }
        return loss;
    }

    private static void hint(ScanTensors t, int slice, Tensor source, Tensor u, List<Tensor> terms) {
        Tensor h = t.hints.get(slice);
        if (h != null) terms.add(HintLoss.loss(SpatialTransformer.warp(source, u), h));
    }
}
