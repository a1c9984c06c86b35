import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.DevelopmentSuite;
import org.labelprop.bench.SuiteTemplates;
import org.labelprop.io.Nifti;

/** What the research harnesses share: the development suite's cases from the cached mricron-data, protocol kinds. */
final class Harness {
    private Harness() { }

    /** The cases of {@code suite}: "all", "quick", or case names separated by '|'. */
    static List<BenchmarkCase> cases(String suite) throws Exception {
        Path t = Path.of(System.getProperty("user.home"), ".cache/labelprop/mricron-data/usr/share/mricron/templates");
        List<String> names = suite.equals("all") ? DevelopmentSuite.ALL : suite.equals("quick") ? DevelopmentSuite.QUICK
            : List.of(suite.split("\\|"));
        SuiteTemplates st = new SuiteTemplates(Nifti.readVolume(t.resolve("ch2.nii.gz")), Nifti.readLabels(t.resolve("aal.nii.gz")),
            Nifti.readLabels(t.resolve("brodmann.nii.gz")), Nifti.readVolume(t.resolve("inia19-t1-brain.nii.gz")),
            Nifti.readLabels(t.resolve("inia19-NeuroMaps.nii.gz")));
        return DevelopmentSuite.build(st, names);
    }

    /** "3", "every" or "per" for a protocol name of the suite. */
    static String kind(String protocol) {
        return protocol.startsWith("every") ? "every" : protocol.equals("3 slices") ? "3" : "per";
    }

    /** The kinds of a comma-separated argument ("3,every,per"). */
    static Set<String> kinds(String csv) { return new HashSet<>(Arrays.asList(csv.split(","))); }
}
