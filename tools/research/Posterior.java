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
 * Rules on the fused maps (background weight, intensity likelihood, in-plane smoothing, area calibration): the default
 * deep fields (with the flow second opinion) once per run, then one propagation per variant "name:prop=value;..." with the
 * system properties of posterior-experiments.patch; a variant named F... propagates flow's fields with flow's inference.
 * args: suite protos variants...
 */
public class Posterior {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            BenchmarkCase c = run.c();
            LabelVolume sparse = run.sparse();
            SparseScan scan = run.scan();
            NeighbourFields deep = Harness.deepFields(run, Refinement.defaults().flowBlend());
            StringBuilder sb = new StringBuilder(run.label());
            for (String k : List.of("lp.intensity", "lp.band", "lp.ilocal", "lp.isigma", "lp.psigma", "lp.bgscale", "lp.calibrate", "lp.wmin", "lp.wmax", "lp.eta", "lp.iters", "lp.kmin", "lp.ktau")) System.clearProperty(k);
            NeighbourFields flow = new FlowRegistrar(org.labelprop.flow.TvL1Options.defaults(), 2).fields(c.image(), c.axis(), ProgressListener.NONE);
            sb.append(String.format(Locale.ROOT, " F=%.4f", Evaluation.evaluate(LabelPropagation.run(scan, flow, PropagationOptions.flowReference(), null).fused(), c.truth(), sparse, c.axis()).meanDiceInRange()));
            for (int v = 2; v < a.length; v++) {
                String[] nv = a[v].split(":", 2);
                for (String k : List.of("lp.intensity", "lp.band", "lp.ilocal", "lp.isigma", "lp.psigma", "lp.bgscale", "lp.calibrate", "lp.wmin", "lp.wmax", "lp.eta", "lp.iters", "lp.kmin", "lp.ktau")) System.clearProperty(k);
                if (nv.length > 1) for (String kv : nv[1].split(";")) { String[] x = kv.split("="); System.setProperty(x[0], x[1]); }
                PropagationResult res = nv[0].startsWith("F") ? LabelPropagation.run(scan, flow, PropagationOptions.flowReference(), null)
                    : LabelPropagation.run(scan, deep, PropagationOptions.defaults(), null);
                sb.append(String.format(Locale.ROOT, " %s=%.4f", nv[0], Evaluation.evaluate(res.fused(), c.truth(), sparse, c.axis()).meanDiceInRange()));
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
