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
 * Flow as a second opinion: refined network fields (blend 0) once per run, TV-L1 fields per variant, propagated with the
 * flow's soft maps mixed in (share 0.3 / 0.4 / 0.5, TV-L1 attachment 7.5 / 30, 10 warps). args: suite protos.
 */
public class SecondOpinion {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            BenchmarkCase c = run.c();
            LabelVolume sparse = run.sparse();
            SparseScan scan = run.scan();
            NeighbourFields deep = Harness.deepFields(run, 0);
            StringBuilder sb = new StringBuilder(run.label());
            PropagationOptions D = PropagationOptions.defaults().withBackgroundWeight(1);
            org.labelprop.flow.TvL1Options T = org.labelprop.flow.TvL1Options.defaults();
            Object[][] v = {{"S3", T, 0.3}, {"S4", T, 0.4}, {"S5", T, 0.5}, {"a7", T.withAttachment(7.5), 0.5},
                {"a30", T.withAttachment(30), 0.5}, {"w10", T.withWarps(10), 0.5}};
            for (Object[] x : v) {
                NeighbourFields flow = new FlowRegistrar((org.labelprop.flow.TvL1Options) x[1], 2).fields(c.image(), c.axis(), ProgressListener.NONE);
                PropagationResult res = LabelPropagation.run(scan, deep.withSecondOpinion(flow, (Double) x[2]), D, null);
                sb.append(String.format(Locale.ROOT, " %s=%.4f", x[0], Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis()).meanDiceInRange()));
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
