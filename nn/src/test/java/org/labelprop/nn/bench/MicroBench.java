// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.bench;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.layer.SpatialTransformer;
import org.labelprop.nn.layer.VecInt;
import org.labelprop.nn.loss.LocalNcc;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.nn.tensor.NativeRuntime;

/** Times the building blocks at the benchmark's slice size. */
public final class MicroBench {
    public static void main(String[] a) {
        NativeRuntime.init(2);
        int b = Integer.parseInt(a[0]);
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults())) {
            for (int rep = 0; rep < 3; rep++) {
                try (PointerScope s = new PointerScope()) {
                    Tensor m = torch.rand(b, 1, 88, 96), f = torch.rand(b, 1, 88, 96);
                    long t0 = System.nanoTime();
                    Tensor v = net.velocity(m, f);
                    long t1 = System.nanoTime();
                    v.sum().backward();
                    long t2 = System.nanoTime();
                    Tensor vv = torch.randn(b, 2, 88, 96).requires_grad_(true);
                    Tensor phi = VecInt.integrate(vv, 7);
                    long t3 = System.nanoTime();
                    phi.sum().backward();
                    long t4 = System.nanoTime();
                    Tensor w = SpatialTransformer.warp(m, phi.detach().requires_grad_(true));
                    Tensor l = LocalNcc.defaults().loss(f, w);
                    long t5 = System.nanoTime();
                    l.backward();
                    long t6 = System.nanoTime();
                    System.out.printf("B=%d net fwd %d bwd %d | vecint fwd %d bwd %d | warp+ncc fwd %d bwd %d ms%n", b,
                        (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, (t4 - t3) / 1000000,
                        (t5 - t4) / 1000000, (t6 - t5) / 1000000);
                }
            }
        }
    }
}
