// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.Phantom;
import org.labelprop.io.Nifti;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Volume;

class PropagateCommandTest {
    @TempDir Path dir;

    private BenchmarkCase writeCase() throws Exception { return writeCase(dir); }

    /** The generated phantom as img.nii.gz, sparse.nii.gz ('3 slices') and truth.nii.gz in {@code dir}. */
    static BenchmarkCase writeCase(Path dir) throws Exception {
        BenchmarkCase c = Phantom.generate(7);
        Nifti.writeVolume(dir.resolve("img.nii.gz"), c.image());
        Nifti.writeLabels(dir.resolve("sparse.nii.gz"), c.sparse("3 slices"));
        Nifti.writeLabels(dir.resolve("truth.nii.gz"), c.truth());
        return c;
    }

    @Test
    void propagateWritesFusedLabelsOnTheImageGrid() throws Exception {
        BenchmarkCase c = writeCase();
        CliRunner r = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--method", "shape", "-o", dir.resolve("out").toString(), "-n", "case");
        assertThat(r.exitCode()).as(r.err()).isZero();
        LabelVolume fused = Nifti.readLabels(dir.resolve("out/case_fused.nii.gz"));
        assertThat(fused.grid().sameSpace(c.image().grid())).isTrue();
        // more labelled voxels than the 3 annotated slices alone
        long annotated = java.util.Arrays.stream(c.sparse("3 slices").array()).filter(v -> v > 0).count();
        long filled = java.util.Arrays.stream(fused.array()).filter(v -> v > 0).count();
        assertThat(filled).isGreaterThan(3 * annotated);
    }

    @Test
    void evaluateReportsDiceOfAPerfectPredictionAsOne() throws Exception {
        writeCase();
        CliRunner r = CliRunner.run("evaluate", dir.resolve("truth.nii.gz").toString(), dir.resolve("truth.nii.gz").toString(),
            "--json", dir.resolve("r.json").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("1.000");
        assertThat(Files.readString(dir.resolve("r.json"))).startsWith("{");
    }

    @Test
    void missingFileIsAUserErrorWithoutStackTrace() {
        CliRunner r = CliRunner.run("propagate", dir.resolve("nope.nii.gz").toString(), dir.resolve("nope2.nii").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("nope.nii.gz").doesNotContain("\tat ");
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void labelVolumeOfAnotherShapeIsRejectedAndNothingIsWritten() throws Exception {
        writeCase();
        Grid small = Grid.of(new Shape3(10, 10, 10), Affine.scaling(org.labelprop.volume.Spacing.isotropic(1)));
        int[] l = new int[1000];
        l[5] = 1;
        Nifti.writeLabels(dir.resolve("small.nii.gz"), new LabelVolume(small, l));
        Path out = dir.resolve("out2");
        CliRunner r = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("small.nii.gz").toString(),
            "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("shape").contains("10x10x10").doesNotContain("\tat ");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void garbageFileIsRejectedWithOneLine() throws Exception {
        writeCase();
        Files.write(dir.resolve("garbage.nii"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CliRunner r = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("garbage.nii").toString(),
            "-o", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("garbage.nii").doesNotContain("\tat ");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("fused") || n.endsWith(".part"));
        }
    }

    @Test
    void nonIntegerLabelsAreAUserError() throws Exception {
        BenchmarkCase c = writeCase();
        float[] f = new float[c.image().shape().voxels()];
        f[3] = 1.5f;
        Nifti.writeVolume(dir.resolve("float.nii.gz"), new Volume(c.image().grid(), f));
        CliRunner r = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("float.nii.gz").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("1.5");
    }

    @Test
    void badOptionIsAUserError() {
        CliRunner r = CliRunner.run("propagate", "a", "b", "--method", "magic");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("magic");
    }

    @Test
    void versionPrintsTheVersion() {
        CliRunner r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("labelprop ");
    }
}
