/** Forward and backward time of single layers (3×3 convolution of 20×16×88×192, instance norm, PReLU) on libtorch; -Dmode=nomkldnn,nonnpack turns oneDNN / NNPACK off; ONEDNN_VERBOSE=1 shows the primitives. */
import org.bytedeco.pytorch.*;
import org.bytedeco.pytorch.global.torch;
import org.labelprop.nn.tensor.*;
public class ConvCost {
    interface Op { Tensor run(Tensor x); }
    public static void main(String[] a) {
        NativeRuntime.init(2);
        String mode = System.getProperty("mode", "");
        if (mode.contains("nomkldnn")) torch.globalContext().setUserEnabledMkldnn(false);
        if (mode.contains("nonnpack")) torch.globalContext().setUserEnabledNNPACK(false);
        System.out.println("mkldnn " + torch.globalContext().userEnabledMkldnn() + " nnpack " + torch.globalContext().userEnabledNNPACK());
        long B = 20, C = 16, H = 88, W = 192;
        Tensor wt = torch.rand(C, C, 3, 3).mul(new Scalar(0.1)).set_requires_grad(true);
        Tensor bias = torch.zeros(C).set_requires_grad(true);
        Tensor slope = torch.full(new long[]{1}, new Scalar(0.25f)).set_requires_grad(true);
        Op[] ops = {
            x -> torch.conv2d(x, wt, new TensorOptional(bias), new long[]{1,1}, new long[]{1,1}, new long[]{1,1}, 1),
            x -> torch.instance_norm(x, new TensorOptional(), new TensorOptional(), new TensorOptional(), new TensorOptional(), true, 0.1, 1e-5, false),
            x -> torch.prelu(x, slope),
            x -> torch.leaky_relu(x, new Scalar(0.25)),
            x -> torch.conv2d(x.contiguous(torch.MemoryFormat.ChannelsLast), wt.contiguous(torch.MemoryFormat.ChannelsLast), new TensorOptional(bias), new long[]{1,1}, new long[]{1,1}, new long[]{1,1}, 1),
            x -> torch.conv2d(x.detach(), wt, new TensorOptional(bias), new long[]{1,1}, new long[]{1,1}, new long[]{1,1}, 1),
            x -> torch.conv2d(x.narrow(0, 0, 1), wt, new TensorOptional(bias), new long[]{1,1}, new long[]{1,1}, new long[]{1,1}, 1),
        };
        String[] names = {"conv3x3", "instnorm", "prelu", "leakyrelu", "conv-CL", "conv-wgrad", "conv-B1"};
        for (int o = 0; o < ops.length; o++) {
            Op op = ops[o];
            double[] t = NetCost.time(10, () -> op.run(torch.rand(B, C, H, W).set_requires_grad(true)).square().mean());
            System.out.printf("%-10s fwd %.4f s bwd %.4f s%n", names[o], t[0], t[1]);
        }
    }
}
