import java.util.*;
import org.labelprop.bench.*;
import org.labelprop.metrics.*;
import org.labelprop.propagation.*;
import org.labelprop.request.*;

/**
 * Propagation variants on the default deep fields (with the flow second opinion), computed once per run: one propagation per
 * variant "name:lp.prop=value;..." with every lp.* system property cleared before (hooks: direct-experiments.patch);
 * h.share, h.weight, h.ss, h.fs and h.ip set the second opinion's share, the background weight, the slice and the field smoothing,
 * the intensity prior's power.
 * args: suite protos variants...
 */
public class Variants {
    public static void main(String[] a) throws Exception {
        String steps = System.getProperty("h.steps");   // the variants clear h.*: the fields' refinement steps are kept
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            if (steps != null) System.setProperty("h.steps", steps);
            NeighbourFields deep = Harness.deepFields(run, Refinement.defaults().flowBlend());
            StringBuilder sb = new StringBuilder(run.label());
            for (int v = 2; v < a.length; v++) {
                String name = Harness.variant(a[v]);
                long t0 = System.nanoTime();
                double share = Double.parseDouble(System.getProperty("h.share", "-1")), weight = Double.parseDouble(System.getProperty("h.weight", "-1"));
                NeighbourFields f = share < 0 ? deep : deep.withSecondOpinion(deep.secondOpinion(), share);
                PropagationOptions o = weight < 0 ? PropagationOptions.defaults() : PropagationOptions.defaults().withBackgroundWeight(weight);
                double ss = Double.parseDouble(System.getProperty("h.ss", "-1"));
                if (ss >= 0) o = new PropagationOptions(o.fusion(), o.distanceConstant(), o.warp(), o.extrapolate(), o.nccWindow(), o.fieldSmoothing(), ss, o.background(), o.backgroundWeight(), o.intensityPrior());
                double fs = Double.parseDouble(System.getProperty("h.fs", "-1"));
                if (fs >= 0) o = new PropagationOptions(o.fusion(), o.distanceConstant(), o.warp(), o.extrapolate(), o.nccWindow(), fs, o.sliceSmoothing(), o.background(), o.backgroundWeight(), o.intensityPrior());
                double ip = Double.parseDouble(System.getProperty("h.ip", "-1"));
                if (ip >= 0) o = o.withIntensityPrior(ip);
                PropagationResult res = LabelPropagation.run(run.scan(), f, o, null);
                double dice = Evaluation.evaluate(res.fused(), run.c().truth(), run.sparse(), run.c().axis()).meanDiceInRange();
                sb.append(String.format(Locale.ROOT, " %s=%.4f", name, dice));
                System.err.printf(Locale.ROOT, "%s %s %.1f s%n", run.label(), name, (System.nanoTime() - t0) / 1e9);
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
