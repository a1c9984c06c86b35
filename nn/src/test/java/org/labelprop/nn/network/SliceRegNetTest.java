// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.tensor.NativeRuntime;
import org.labelprop.nn.tensor.Tensors;

class SliceRegNetTest {
    static { NativeRuntime.init(2); }

    @Test
    void defaultArchitectureHasTheOriginalsParameterCount() {
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults())) {
            assertThat(net.parameterCount()).isEqualTo(114_207L);
        }
    }

    @Test
    void outputsATwoChannelVelocityOnTheInputGridThatStartsNearZero() {
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults()); PointerScope scope = new PointerScope()) {
            Tensor m = torchRand(3, 1, 32, 24), f = torchRand(3, 1, 32, 24);
            Tensor v = net.velocity(m, f);
            assertThat(v.shape()).containsExactly(3, 2, 32, 24);
            float max = 0;
            for (float x : Tensors.toArray(v)) max = Math.max(max, Math.abs(x));
            assertThat(max).isLessThan(0.05f).isGreaterThan(0f);
        }
    }

    @Test
    void sameSeedSameWeightsDifferentSeedDifferentWeights() {
        try (SliceRegNet a = new SliceRegNet(NetworkConfig.defaults()); SliceRegNet b = new SliceRegNet(NetworkConfig.defaults());
             SliceRegNet c = new SliceRegNet(NetworkConfig.defaults().withSeed(5))) {
            Map<String, float[]> wa = a.weights(), wb = b.weights(), wc = c.weights();
            assertThat(wa.get("unet.down.unit0.weight")).containsExactly(wb.get("unet.down.unit0.weight"));
            assertThat(wa.get("unet.down.unit0.weight")).isNotEqualTo(wc.get("unet.down.unit0.weight"));
        }
    }

    @Test
    void rejectsSlicesThatAreNotAMultipleOfEight() {
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults()); PointerScope scope = new PointerScope()) {
            assertThatThrownBy(() -> net.velocity(torchRand(1, 1, 30, 32), torchRand(1, 1, 30, 32)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 8");
        }
    }

    static Tensor torchRand(long... shape) { return org.bytedeco.pytorch.global.torch.rand(shape); }
}
