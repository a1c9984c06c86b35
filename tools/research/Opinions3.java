import java.util.*;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.flow.TvL1Options;
import org.labelprop.metrics.*;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.*;

/**
 * Three opinions: the refined network (N), TV-L1 flow (F) and flow refined under the annotations (C, hook lp.v0flow; at full
 * resolution with lp.fullres); walks mixed as N (1 - s) + s (F (1 - t) + C t) (hook lp.nested of direct-experiments.patch).
 * args: suite protos fullres s:t...
 */
public class Opinions3 {
    public static void main(String[] a) throws Exception {
        System.setProperty("lp.nested", "true");
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            var c = run.c();
            NeighbourFields n = Harness.deepFields(run, 0);
            System.setProperty("lp.v0flow", "true");
            System.setProperty("lp.fullres", a[2]);
            NeighbourFields cf = Harness.deepFields(run, 0);
            System.clearProperty("lp.v0flow");
            System.clearProperty("lp.fullres");
            NeighbourFields f = new FlowRegistrar(TvL1Options.defaults(), 2).fields(c.image(), c.axis(), ProgressListener.NONE);
            StringBuilder sb = new StringBuilder(run.label());
            for (int v = 3; v < a.length; v++) {
                String[] st = a[v].split(":");
                double s = Double.parseDouble(st[0]), t = Double.parseDouble(st[1]);
                NeighbourFields other = t == 0 ? f : t == 1 ? cf : f.withSecondOpinion(cf, t);
                NeighbourFields all = s == 0 ? n : s == 1 ? other : n.withSecondOpinion(other, s);
                double dice = Evaluation.evaluate(LabelPropagation.run(run.scan(), all, PropagationOptions.defaults(), null).fused(),
                    c.truth(), run.sparse(), c.axis()).meanDiceInRange();
                sb.append(String.format(Locale.ROOT, " %s=%.4f", a[v], dice));
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
