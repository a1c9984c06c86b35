// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.bench.BenchmarkCase;
import org.labelprop.bench.Phantom;
import org.labelprop.io.Nifti;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;

/**
 * {@code train} with its default budgets counts steps, not seconds: two runs on the same input, the second while other
 * processes keep both cores busy, write identical label files.
 */
class DeterminismTest {
    @TempDir Path dir;

    @Test
    void trainWithDefaultsGivesTheSameLabelsUnderCpuLoad() throws Exception {
        BenchmarkCase full = Phantom.generate(5);
        Shape3 s = new Shape3(40, 40, 14);
        var image = full.image().crop(20, 16, 16, s);
        var truth = new LabelVolume(image.grid(), full.truth().crop(20, 16, 16, s).array());
        BenchmarkCase c = new BenchmarkCase("crop", image, truth, SliceAxis.Z, java.util.Map.of("p", new int[] {1, 7, 12}));
        Nifti.writeVolume(dir.resolve("img.nii.gz"), c.image());
        Nifti.writeLabels(dir.resolve("sparse.nii.gz"), c.sparse("p"));

        byte[] quiet = train("quiet");
        List<Process> load = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) load.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            byte[] loaded = train("loaded");
            assertThat(load).allMatch(Process::isAlive);
            assertThat(loaded).as("fused labels of the run under load").isEqualTo(quiet);
        } finally {
            load.forEach(Process::destroyForcibly);
        }
    }

    private byte[] train(String name) throws Exception {
        Path out = dir.resolve(name);
        CliRunner r = CliRunner.run("train", dir.resolve("img.nii.gz").toString(), dir.resolve("sparse.nii.gz").toString(),
            "-o", out.toString(), "-n", "t");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).as("default budgets count steps").doesNotContain("time limit");
        return Files.readAllBytes(out.resolve("t_fused.nii.gz"));
    }
}
