// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.layer.SpatialTransformer;
import org.labelprop.nn.loss.SoftDice;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;
import org.labelprop.nn.training.AnnotationStack;
import org.labelprop.nn.training.SliceStack;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class ChainTermTest {
    static { NativeRuntime.init(2); }

    @Test
    void batchedChainsEqualOneByOneCompositionAndAPerfectChainScoresMinusOne() {
        Grid g = Grid.of(new Shape3(16, 16, 9), Spacing.isotropic(1));
        int[] lab = new int[g.shape().voxels()];
        for (int z : new int[] {0, 3, 8})
            for (int y = 4; y < 10; y++) for (int x = 3 + z / 3; x < 9 + z / 3; x++) lab[g.shape().index(x, y, z)] = z == 3 ? 2 : 1;
        SliceStack stack = SliceStack.of(new Volume(g, new float[g.shape().voxels()]), SliceAxis.Z, 8);
        AnnotationStack ann = AnnotationStack.of(new LabelVolume(g, lab), null, stack);
        try (ChainTerm chain = new ChainTerm(ann, 16, 16); PointerScope scope = new PointerScope()) {
            int pairs = 8;
            torch.manual_seed(5);
            Tensor phi = torch.randn(2L * pairs, 2, 16, 16).mul(Tensors.s(0.7));
            double batched = Tensors.item(chain.loss(phi, pairs));
            // the same, one interval and direction at a time
            int[] s = {0, 3, 8};
            double sum = 0;
            for (int j = 0; j < 2; j++) {
                int a = s[j], b = s[j + 1];
                Tensor up = phi.narrow(0, a, 1);
                for (int k = a + 1; k < b; k++) up = SpatialTransformer.compose(up, phi.narrow(0, k, 1));
                Tensor down = phi.narrow(0, pairs + b - 1, 1);
                for (int k = b - 2; k >= a; k--) down = SpatialTransformer.compose(down, phi.narrow(0, pairs + k, 1));
                sum += Tensors.item(SoftDice.loss(ann(ann, b), SpatialTransformer.warp(ann(ann, a), up)))
                    + Tensors.item(SoftDice.loss(ann(ann, a), SpatialTransformer.warp(ann(ann, b), down)));
            }
            assertThat(batched).isCloseTo(sum / 4, within(1e-5));
            // zero fields carry each annotation unchanged: the chains agree only where the annotations do
            assertThat(Tensors.item(chain.loss(torch.zeros(2L * pairs, 2, 16, 16), pairs))).isGreaterThan(-1).isLessThan(-0.3);
        }
    }

    private static Tensor ann(AnnotationStack a, int slice) {
        return Tensors.of(a.annotated().get(slice), 1, a.channels(), 16, 16);
    }
}
