// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.Phantom;
import org.labelprop.io.Nifti;
import org.labelprop.metrics.Evaluation;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;

/** train, propagate --weights, pretrain and train-dataset on a small crop of the phantom, with tiny budgets. */
class DeepCommandsTest {
    @TempDir static Path dir;
    static BenchmarkCase c;

    @BeforeAll
    static void writeCase() throws Exception {
        BenchmarkCase full = Phantom.generate(3);
        Shape3 s = new Shape3(48, 48, 24);
        var image = full.image().crop(16, 12, 12, s);
        var truth = new LabelVolume(image.grid(), full.truth().crop(16, 12, 12, s).array());
        c = new BenchmarkCase("crop", image, truth, SliceAxis.Z, java.util.Map.of("p", new int[] {2, 12, 21}));
        Nifti.writeVolume(dir.resolve("img.nii.gz"), c.image());
        Nifti.writeLabels(dir.resolve("sparse.nii.gz"), c.sparse("p"));
    }

    @Test
    void trainWritesCheckpointAndAllOutputsThenPropagateReusesTheCheckpoint() throws Exception {
        Path out = dir.resolve("train");
        CliRunner r = CliRunner.run("train", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--train-steps", "4", "--refine-steps", "3", "-o", out.toString(), "-n", "t");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("starting weights: shipped checkpoint");
        for (String f : new String[] {"t.ckpt", "t_fused.nii.gz", "t_up.nii.gz", "t_down.nii.gz", "t_uncertainty.nii.gz", "t_suggestions.json"})
            assertThat(out.resolve(f)).exists();
        LabelVolume fused = Nifti.readLabels(out.resolve("t_fused.nii.gz"));
        assertThat(fused.grid().sameSpace(c.image().grid())).isTrue();
        assertThat(Evaluation.evaluate(fused, c.truth(), c.sparse("p"), SliceAxis.Z).meanDiceInRange()).isGreaterThan(0.5);
        assertThat(Files.readString(out.resolve("t_suggestions.json"))).contains("\"method\":\"uncertainty\"", "\"slices\"");
        assertThat(r.out()).contains("trained 4 steps", "wrote " + out.resolve("t.ckpt"));

        CliRunner p = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--weights", out.resolve("t.ckpt").toString(), "--refine-steps", "0", "--fusion", "distance", "-o",
            dir.resolve("prop").toString(), "-n", "p");
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(dir.resolve("prop/p_fused.nii.gz")).exists();
    }

    @Test
    void pretrainedNoneTrainsFromScratchAndAMissingCheckpointIsAUserError() throws Exception {
        CliRunner r = CliRunner.run("train", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--weights", "none", "--train-steps", "1", "--refine-steps", "0", "-o", dir.resolve("scratch").toString(), "-n", "s");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("starting weights: none (random)");
        CliRunner m = CliRunner.run("train", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--weights", dir.resolve("absent.ckpt").toString(), "--train-steps", "1", "-o", dir.resolve("absent").toString());
        assertThat(m.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(m.err()).contains("absent.ckpt");
    }

    @Test
    void corruptCheckpointIsAUserError() throws Exception {
        Path bad = dir.resolve("bad.ckpt");
        Files.write(bad, new byte[] {'n', 'o', 'p', 'e'});
        CliRunner p = CliRunner.run("propagate", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "--weights", bad.toString(), "-o", dir.resolve("bad").toString());
        assertThat(p.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(p.err()).contains("bad.ckpt").doesNotContain("\tat ");
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void pretrainAndTrainDatasetReadTheirListsAndWriteCheckpoints() throws Exception {
        Files.writeString(dir.resolve("images.txt"), "# scans\nimg.nii.gz\n");
        Files.writeString(dir.resolve("pairs.txt"), "img.nii.gz,sparse.nii.gz\n");
        CliRunner pre = CliRunner.run("pretrain", dir.resolve("images.txt").toString(), "--epochs", "1", "--weights", "shipped",
            "-o", dir.resolve("ck").toString(), "-n", "pre");
        assertThat(pre.exitCode()).as(pre.err()).isZero();
        CliRunner ds = CliRunner.run("train-dataset", dir.resolve("pairs.txt").toString(), "--epochs", "1",
            "--weights", dir.resolve("ck/pre.ckpt").toString(), "-o", dir.resolve("ck").toString(), "-n", "ds");
        assertThat(ds.exitCode()).as(ds.err()).isZero();
        assertThat(dir.resolve("ck/ds.ckpt")).exists();
    }

    @Test
    void listNamingAMissingFileIsAUserError() throws Exception {
        Files.writeString(dir.resolve("missing.txt"), "nothere.nii.gz\n");
        CliRunner r = CliRunner.run("pretrain", dir.resolve("missing.txt").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(r.err()).contains("line 1").contains("nothere.nii.gz");
    }
}
