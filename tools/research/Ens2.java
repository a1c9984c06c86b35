import java.nio.file.*;
import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.pipeline.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;
import org.labelprop.volume.*;
import org.labelprop.field.DisplacementField;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.nn.TorchEngine;
import org.labelprop.progress.ProgressListener;

/** Deep default fields and TV-L1 fields per (case, protocol); evaluates each and their average. args: suite protos. */
public class Ens2 {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            BenchmarkCase c = run.c();
            LabelVolume sparse = run.sparse();
            SparseScan scan = run.scan();
            NeighbourFields deep = Harness.deepFields(run, 0);
            NeighbourFields flow = FlowRegistrar.defaults().fields(c.image(), c.axis(), ProgressListener.NONE);
            StringBuilder sb = new StringBuilder(run.label() + " fields 0s");
            PropagationOptions D = PropagationOptions.defaults().withBackgroundWeight(1), R = PropagationOptions.flowReference();
            double sp = c.image().grid().spacing().along(c.axis().index());
            PropagationOptions L = new PropagationOptions(PropagationOptions.Fusion.LINEAR, 1, PropagationOptions.WarpMode.SEQUENTIAL, false, 31, 1, Math.min(1.0, 1.0 / sp), PropagationOptions.Background.ONE_MINUS_SUM, 1, 0);
            PropagationOptions L1 = new PropagationOptions(PropagationOptions.Fusion.LINEAR, 1, PropagationOptions.WarpMode.SEQUENTIAL, false, 31, 1, 1, PropagationOptions.Background.ONE_MINUS_SUM, 1, 0);
            List<Object[]> vl = new ArrayList<>();
            for (double w : new double[] {0.3, 0.5, 0.7}) {
                NeighbourFields b = new NeighbourFields(c.axis(), mean(deep.up(), flow.up(), w), mean(deep.down(), flow.down(), w));
                vl.add(new Object[] {"D" + w, b, D}); vl.add(new Object[] {"R" + w, b, R}); vl.add(new Object[] {"L" + w, b, L}); vl.add(new Object[] {"L1_" + w, b, L1});
            }
            Object[][] v = vl.toArray(new Object[0][]);
            for (Object[] x : v) {
                PropagationResult res = LabelPropagation.run(scan, (NeighbourFields) x[1], (PropagationOptions) x[2], null);
                sb.append(String.format(Locale.ROOT, " %s=%.4f", x[0], Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis()).meanDiceInRange()));
            }
            System.out.println(sb); System.out.flush();
        }
    }

    static List<DisplacementField> mean(List<DisplacementField> a, List<DisplacementField> b, double w) {
        List<DisplacementField> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            DisplacementField x = a.get(i), y = b.get(i);
            float[] dy = new float[x.dyArray().length], dx = new float[dy.length];
            for (int k = 0; k < dy.length; k++) { dy[k] = (float) ((1 - w) * x.dyArray()[k] + w * y.dyArray()[k]); dx[k] = (float) ((1 - w) * x.dxArray()[k] + w * y.dxArray()[k]); }
            out.add(new DisplacementField(x.height(), x.width(), dy, dx));
        }
        return out;
    }
}
