// SPDX-License-Identifier: Apache-2.0
package org.labelprop.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.SampleTemplates;
import org.labelprop.bench.AalDeepGreyMatter;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.field.DisplacementField;
import org.labelprop.io.Nifti;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.SliceGeometry;
import org.labelprop.volume.Volume;

/**
 * {@link TvL1Flow} against scikit-image 0.19's {@code optical_flow_tvl1} with its defaults on the same float32 images:
 * synthetic pairs, and real neighbouring slices of the benchmark case (ch2 crop, axial, coronal and sagittal, both
 * directions, intensities windowed as {@link FlowRegistrar} does). Both implementations run the same float32
 * arithmetic in the same order; on scikit-image 0.19.3 / scipy 1.10.1 the flows are bit-identical (difference 0 on every
 * pixel). The tolerance, {@value #TOLERANCE} pixels at any pixel, leaves room for another libm's last bit in the
 * Gaussian weights.
 */
class TvL1OracleTest {
    /** Max abs difference of any flow component at any pixel, in pixels. */
    static final double TOLERANCE = 1e-4;

    record Pair(String name, int height, int width, float[] fixed, float[] moving) { }

    @Test
    void syntheticPairsMatchScikitImage(@TempDir Path dir) throws Exception {
        SkimageOracle.requireSkimage();
        List<Pair> pairs = new ArrayList<>();
        for (int[] size : new int[][] {{40, 52}, {70, 33}, {97, 130}})
            pairs.add(new Pair("blobs" + size[0] + "x" + size[1], size[0], size[1], TvL1FlowTest.blobs(size[0], size[1], 0, 0),
                TvL1FlowTest.blobs(size[0], size[1], 1.7, -2.4)));
        assertMatches(dir, pairs);
    }

    @Test
    void realSlicePairsMatchScikitImage(@TempDir Path dir) throws Exception {
        SkimageOracle.requireSkimage();
        Path t = SampleTemplates.require();
        BenchmarkCase c = AalDeepGreyMatter.build(Nifti.readVolume(t.resolve("ch2.nii.gz")), Nifti.readLabels(t.resolve("aal.nii.gz")));
        Volume image = IntensityWindow.percentiles(c.image(), 1, 99.5).apply(c.image());
        List<Pair> pairs = new ArrayList<>();
        int[][] picks = {{2, 20}, {2, 34}, {2, 50}, {1, 40}, {0, 47}};
        for (int[] p : picks) {
            SliceAxis axis = SliceAxis.of(p[0]);
            SliceGeometry g = SliceGeometry.of(image.shape(), axis, 0);
            float[] a = image.slice(axis, p[1]).toArray(), b = image.slice(axis, p[1] + 1).toArray();
            pairs.add(new Pair("axis" + p[0] + "-" + p[1] + "-up", g.height(), g.width(), b, a));
            pairs.add(new Pair("axis" + p[0] + "-" + p[1] + "-down", g.height(), g.width(), a, b));
        }
        assertMatches(dir, pairs);
    }

    private static void assertMatches(Path dir, List<Pair> pairs) throws Exception {
        StringBuilder list = new StringBuilder();
        for (Pair p : pairs) {
            SkimageOracle.write(dir.resolve(p.name + ".fixed.f32"), p.fixed);
            SkimageOracle.write(dir.resolve(p.name + ".moving.f32"), p.moving);
            list.append(p.name).append(' ').append(p.height).append(' ').append(p.width).append('\n');
        }
        Files.writeString(dir.resolve("cases.txt"), list);
        SkimageOracle.run("flow", dir);
        TvL1Flow flow = new TvL1Flow(TvL1Options.defaults());
        StringBuilder report = new StringBuilder();
        double worst = 0;
        for (Pair p : pairs) {
            float[] expected = SkimageOracle.read(dir.resolve(p.name + ".flow.f32"));
            DisplacementField f = flow.estimate(p.fixed, p.moving, p.height, p.width);
            int n = p.height * p.width;
            double max = 0, sum = 0, range = 0;
            for (int i = 0; i < n; i++) {
                double d = Math.max(Math.abs(f.dyArray()[i] - expected[i]), Math.abs(f.dxArray()[i] - expected[n + i]));
                max = Math.max(max, d);
                sum += d;
                range = Math.max(range, Math.max(Math.abs(expected[i]), Math.abs(expected[n + i])));
            }
            report.append(String.format("%s: max |diff| %.2e px, mean %.2e px, max |flow| %.2f px%n", p.name, max, sum / n, range));
            worst = Math.max(worst, max);
        }
        System.out.print(report);
        assertThat(worst).as(report.toString()).isLessThanOrEqualTo(TOLERANCE);
    }
}
