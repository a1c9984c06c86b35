import java.nio.file.*;
import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.pipeline.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;
import org.labelprop.volume.*;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.nn.TorchEngine;
import org.labelprop.progress.ProgressListener;

/**
 * Test-time flip: refined network fields of the scan and of its mirror image (annotations mirrored, fields mirrored back),
 * alone, averaged, or one as the other's second opinion, each with TV-L1 flow as the second opinion. args: suite protos.
 */
public class Flip {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            BenchmarkCase c = run.c();
            LabelVolume sparse = run.sparse();
            SparseScan scan = run.scan();
            NeighbourFields deep = Harness.deepFields(run, 0);
            StringBuilder sb = new StringBuilder(run.label());
            int ua = c.axis().uAxis();
            Volume fi = new Volume(c.image().grid(), flip(c.image().array(), c.image().shape(), ua));
            LabelVolume fl = new LabelVolume(sparse.grid(), flip(sparse.array(), sparse.shape(), ua));
            NeighbourFields deepF = Harness.deepFields(new Harness.Run(c, run.protocol(), fl, SparseScan.of(fi, fl, null, c.axis())), 0);
            deepF = new NeighbourFields(c.axis(), deepF.up().stream().map(Flip::unflip).toList(), deepF.down().stream().map(Flip::unflip).toList());
            NeighbourFields flow = FlowRegistrar.defaults().fields(c.image(), c.axis(), ProgressListener.NONE);
            NeighbourFields avg = new NeighbourFields(c.axis(), mean(deep.up(), deepF.up()), mean(deep.down(), deepF.down()));
            Object[][] v = {{"S5", deep.withSecondOpinion(flow, 0.5)}, {"F5", deepF.withSecondOpinion(flow, 0.5)}, {"A5", avg.withSecondOpinion(flow, 0.5)},
                {"A4", avg.withSecondOpinion(flow, 0.4)}, {"DF5", deep.withSecondOpinion(deepF, 0.5)}};
            for (Object[] x : v) {
                PropagationResult res = LabelPropagation.run(scan, (NeighbourFields) x[1], PropagationOptions.defaults().withBackgroundWeight(1), null);
                sb.append(String.format(Locale.ROOT, " %s=%.4f", x[0], Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis()).meanDiceInRange()));
            }
            System.out.println(sb); System.out.flush();
        }
    }

    static float[] flip(float[] a, Shape3 s, int axis) { float[] o = new float[a.length]; for (int z = 0; z < s.nz(); z++) for (int y = 0; y < s.ny(); y++) for (int x = 0; x < s.nx(); x++) { int fx = axis == 0 ? s.nx() - 1 - x : x, fy = axis == 1 ? s.ny() - 1 - y : y; o[s.index(fx, fy, z)] = a[s.index(x, y, z)]; } return o; }
    static int[] flip(int[] a, Shape3 s, int axis) { int[] o = new int[a.length]; for (int z = 0; z < s.nz(); z++) for (int y = 0; y < s.ny(); y++) for (int x = 0; x < s.nx(); x++) { int fx = axis == 0 ? s.nx() - 1 - x : x, fy = axis == 1 ? s.ny() - 1 - y : y; o[s.index(fx, fy, z)] = a[s.index(x, y, z)]; } return o; }
    static org.labelprop.field.DisplacementField unflip(org.labelprop.field.DisplacementField f) {
        int h = f.height(), w = f.width(); float[] dy = new float[h * w], dx = new float[h * w];
        for (int v = 0; v < h; v++) for (int u = 0; u < w; u++) { dy[v * w + u] = f.dyArray()[v * w + w - 1 - u]; dx[v * w + u] = -f.dxArray()[v * w + w - 1 - u]; }
        return new org.labelprop.field.DisplacementField(h, w, dy, dx);
    }
    static List<org.labelprop.field.DisplacementField> mean(List<org.labelprop.field.DisplacementField> a, List<org.labelprop.field.DisplacementField> b) {
        List<org.labelprop.field.DisplacementField> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) { var x = a.get(i); var y = b.get(i); float[] dy = new float[x.dyArray().length], dx = new float[dy.length];
            for (int k = 0; k < dy.length; k++) { dy[k] = 0.5f * (x.dyArray()[k] + y.dyArray()[k]); dx[k] = 0.5f * (x.dxArray()[k] + y.dxArray()[k]); }
            out.add(new org.labelprop.field.DisplacementField(x.height(), x.width(), dy, dx)); }
        return out;
    }
}
