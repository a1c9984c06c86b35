/** Forward and backward time of the registration network on 20 pairs of 88×192 (the Brodmann working grid): the velocity alone, with integration, the pair objective with and without the inverse term. -Dchunk=k runs the network k pairs at a time, -Dcl=true in channels-last memory format. */
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.*;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.network.*;
import org.labelprop.nn.layer.*;
import org.labelprop.nn.loss.*;
import org.labelprop.nn.training.PairObjective;
import org.labelprop.nn.tensor.*;
public class NetCost {
    interface Work { Tensor run(SliceRegNet net, Tensor m, Tensor f); }
    public static void main(String[] a) {
        NativeRuntime.init(2);
        SliceRegNet net = new SliceRegNet(NetworkConfig.defaults());
        long B = 20, H = 88, W = 192;
        LossPreset p = LossPreset.values()[0];
        int k = Integer.getInteger("chunk", 20);
        java.util.function.BiFunction<Tensor, Tensor, Tensor> vel = (m, f) -> {
            if (Boolean.getBoolean("cl")) { m = m.contiguous(torch.MemoryFormat.ChannelsLast); f = f.contiguous(torch.MemoryFormat.ChannelsLast); }
            if (k >= m.size(0)) return net.velocity(m, f);
            java.util.List<Tensor> parts = new java.util.ArrayList<>();
            for (long i = 0; i < m.size(0); i += k) { long n = Math.min(k, m.size(0) - i); parts.add(net.velocity(m.narrow(0, i, n), f.narrow(0, i, n))); }
            return torch.cat(new TensorVector(parts.toArray(new Tensor[0])), 0);
        };
        Work[] works = {
            (n, m, f) -> vel.apply(m, f).square().mean(),
            (n, m, f) -> VecInt.integrate(vel.apply(m, f), 7).square().mean(),
            (n, m, f) -> PairObjective.loss(p, 7, m, f, vel.apply(m, f), false, null),
            (n, m, f) -> PairObjective.loss(p, 7, m, f, vel.apply(m, f), true, null),
        };
        String[] names = {"velocity", "+integrate", "pair", "pair+inverse"};
        for (int w = 0; w < works.length; w++) {
            Work work = works[w];
            double[] t = time(8, () -> work.run(net, torch.rand(B, 1, H, W), torch.rand(B, 1, H, W)));
            System.out.printf("%-14s fwd %.3f s bwd %.3f s%n", names[w], t[0], t[1]);
        }
    }

    /** Mean forward (inputs drawn and loss computed) and backward seconds of {@code loss} over {@code reps} runs after two warm-up runs. */
    static double[] time(int reps, java.util.function.Supplier<Tensor> loss) {
        double fwd = 0, bwd = 0;
        for (int r = 0; r < reps + 2; r++) {
            try (PointerScope s = new PointerScope()) {
                long t0 = System.nanoTime();
                Tensor l = loss.get();
                l.item_float();
                long t1 = System.nanoTime();
                l.backward();
                long t2 = System.nanoTime();
                if (r >= 2) { fwd += (t1 - t0) / 1e9; bwd += (t2 - t1) / 1e9; }
            }
        }
        return new double[] {fwd / reps, bwd / reps};
    }
}
