// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.tensor;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InferenceMode;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;

/** Child-JVM entry of {@link NativeCacheTest}: loads the natives, runs one forward pass, prints its shape, exits 0. */
public final class ForwardPassMain {
    public static void main(String[] args) {
        NativeRuntime.init(1);
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults()); PointerScope s = new PointerScope();
             InferenceMode im = new InferenceMode()) {
            var v = net.velocity(org.bytedeco.pytorch.global.torch.rand(1, 1, 16, 16), org.bytedeco.pytorch.global.torch.rand(1, 1, 16, 16));
            System.out.println("forward ok " + java.util.Arrays.toString(v.shape()));
        }
    }
}
