// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.nn.NetworkRegistrar;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.SliceAxis;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

class CheckpointStoreTest {
    @TempDir Path dir;

    static Volume smallScan() {
        float[] a = new float[20 * 12 * 4];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < a.length; i++) a[i] = r.nextFloat();
        return new Volume(Grid.of(new Shape3(20, 12, 4), Spacing.isotropic(1)), a);
    }

    static Checkpoint sample() {
        try (SliceRegNet net = new SliceRegNet(NetworkConfig.defaults().withSeed(9))) {
            return Checkpoint.of(net, new TrainingInfo("PAPER", 12, 3.5, -0.7, 16, 24, "Z"));
        }
    }

    @Test
    void roundTripKeepsConfigInfoAndGivesIdenticalFields() throws Exception {
        Checkpoint c = sample();
        Path f = dir.resolve("model.lpckpt");
        CheckpointStore.write(c, f);
        Checkpoint back = CheckpointStore.read(f);
        assertThat(back.network()).isEqualTo(c.network());
        assertThat(back.training()).isEqualTo(c.training());
        assertThat(back.weights().keySet()).containsExactlyElementsOf(c.weights().keySet());
        NeighbourFields a, b;
        try (SliceRegNet n1 = c.newNetwork(); SliceRegNet n2 = back.newNetwork()) {
            a = new NetworkRegistrar(n1, RegistrarConfig.networkOnly()).fields(smallScan(), SliceAxis.Z, ProgressListener.NONE);
            b = new NetworkRegistrar(n2, RegistrarConfig.networkOnly()).fields(smallScan(), SliceAxis.Z, ProgressListener.NONE);
        }
        for (int i = 0; i < a.up().size(); i++) {
            assertThat(b.up().get(i).dyArray()).containsExactly(a.up().get(i).dyArray());
            assertThat(b.down().get(i).dxArray()).containsExactly(a.down().get(i).dxArray());
        }
        assertThat(a.up().get(0).height()).isEqualTo(12);    // cropped back from the padded 16×24 grid
        assertThat(a.up().get(0).width()).isEqualTo(20);
    }

    @Test
    void aFlippedByteIsReportedAsCorrupt() throws Exception {
        Path f = dir.resolve("c.lpckpt");
        CheckpointStore.write(sample(), f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        assertThatThrownBy(() -> CheckpointStore.read(f)).isInstanceOf(CheckpointFormatException.class)
            .hasMessageContaining("corrupt").hasMessageContaining("checksum");
    }

    @Test
    void aTruncatedFileIsReported() throws Exception {
        Path f = dir.resolve("t.lpckpt");
        CheckpointStore.write(sample(), f);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 1000));
        assertThatThrownBy(() -> CheckpointStore.read(f)).isInstanceOf(CheckpointFormatException.class)
            .hasMessageContaining("truncated");
    }

    @Test
    void aForeignFileAndAnotherVersionAreRejected() throws Exception {
        Path f = dir.resolve("x.ckpt");
        Files.writeString(f, "PK\u0003\u0004 this is a zip, e.g. a Lightning checkpoint");
        assertThatThrownBy(() -> CheckpointStore.read(f)).isInstanceOf(CheckpointFormatException.class)
            .hasMessageContaining("not a LabelProp-Java checkpoint");
        CheckpointStore.write(sample(), f);
        byte[] b = Files.readAllBytes(f);
        b[11] = 7;
        Files.write(f, b);
        assertThatThrownBy(() -> CheckpointStore.read(f)).isInstanceOf(CheckpointFormatException.class)
            .hasMessageContaining("version 7");
    }

    @Test
    void weightsOfAnotherArchitectureAreRejectedWhenBuildingTheNetwork() {
        Checkpoint c = sample();
        Map<String, Checkpoint.Weight> w = new java.util.LinkedHashMap<>(c.weights());
        w.remove("flow.bias");
        Checkpoint broken = new Checkpoint(c.network(), c.training(), w);
        assertThatThrownBy(broken::newNetwork).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flow.bias");
    }
}
