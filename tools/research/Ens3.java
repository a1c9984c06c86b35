import java.util.*;
import org.labelprop.flow.FlowRegistrar;
import org.labelprop.flow.TvL1Options;
import org.labelprop.metrics.*;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.*;

/**
 * Two network opinions and flow: the network trained on the scan (dense training, h.dts) and refined (Nt), the shipped
 * network refined without training (Nu), TV-L1 flow (F); walks mixed as Nt (1 - s) + s (Nu (1 - t) + F t) (hook lp.nested).
 * args: suite protos stepsTrained stepsUntrained s:t...  (s:t "NtF" = 0.5:1, "NuF" = Nu with F 0.5)
 */
public class Ens3 {
    public static void main(String[] a) throws Exception {
        System.setProperty("lp.nested", "true");
        for (Harness.Run run : Harness.runs(a[0], a[1])) {
            var c = run.c();
            System.setProperty("h.steps", a[2]);
            NeighbourFields nt = Harness.deepFields(run, 0);
            System.setProperty("h.steps", a[3]);
            System.setProperty("h.dts", "0");
            NeighbourFields nu = Harness.deepFields(run, 0);
            System.clearProperty("h.dts");
            NeighbourFields f = new FlowRegistrar(TvL1Options.defaults(), 2).fields(c.image(), c.axis(), ProgressListener.NONE);
            StringBuilder sb = new StringBuilder(run.label());
            for (int v = 4; v < a.length; v++) {
                NeighbourFields all;
                if (a[v].equals("NuF")) all = nu.withSecondOpinion(f, 0.5);
                else {
                    String[] st = a[v].split(":");
                    double s = Double.parseDouble(st[0]), t = Double.parseDouble(st[1]);
                    NeighbourFields other = t == 1 ? f : t == 0 ? nu : nu.withSecondOpinion(f, t);
                    all = nt.withSecondOpinion(other, s);
                }
                double dice = Evaluation.evaluate(LabelPropagation.run(run.scan(), all, PropagationOptions.defaults(), null).fused(),
                    c.truth(), run.sparse(), c.axis()).meanDiceInRange();
                sb.append(String.format(Locale.ROOT, " %s=%.4f", a[v], dice));
            }
            System.out.println(sb); System.out.flush();
        }
    }
}
