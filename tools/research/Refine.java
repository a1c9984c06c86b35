import java.util.*;
import org.labelprop.metrics.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;

/**
 * Refinement variants: for every run and variant "name:lp.prop=value;..." (every lp.* system property cleared before; hooks in
 * direct-experiments.patch) the default deep fields (flow second opinion) are computed anew and propagated with the
 * default inference. args: suite protos variants...
 */
public class Refine {
    public static void main(String[] a) throws Exception {
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            StringBuilder sb = new StringBuilder(run.label());
            for (int v = 2; v < a.length; v++) {
                String name = Harness.variant(a[v]);
                long t0 = System.nanoTime();
                NeighbourFields deep = Harness.deepFields(run, Refinement.defaults().flowBlend());
                PropagationResult res = LabelPropagation.run(run.scan(), deep, PropagationOptions.defaults(), null);
                double dice = Evaluation.evaluate(res.fused(), run.c().truth(), run.sparse(), run.c().axis()).meanDiceInRange();
                sb.append(String.format(Locale.ROOT, " %s=%.4f", name, dice));
                System.err.printf(Locale.ROOT, "%s %s %.4f %.1f s%n", run.label(), name, dice, (System.nanoTime() - t0) / 1e9);
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
