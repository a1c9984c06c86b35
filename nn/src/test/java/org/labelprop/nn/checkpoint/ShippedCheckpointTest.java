// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.NetworkRegistrar;
import org.labelprop.nn.RegistrarConfig;
import org.labelprop.nn.network.NetworkConfig;
import org.labelprop.nn.network.SliceRegNet;
import org.labelprop.progress.ProgressListener;
import org.labelprop.propagation.NeighbourFields;
import org.labelprop.volume.SliceAxis;

class ShippedCheckpointTest {
    @Test
    void loadsWithTheDefaultArchitectureAndItsProvenance() {
        Checkpoint c = ShippedCheckpoint.load();
        NetworkConfig d = NetworkConfig.defaults();
        assertThat(c.network().channels()).isEqualTo(d.channels());
        assertThat(c.network().integrationSteps()).isEqualTo(d.integrationSteps());
        assertThat(c.training().preset()).isEqualTo("PAPER");
        assertThat(c.training().axis()).isEqualTo("Y");              // the last of the three pretraining runs
        assertThat(c.training().steps()).isEqualTo(718);
        assertThat(c.weights().values().stream().mapToInt(w -> w.values().length).sum()).isEqualTo(114_207);
    }

    @Test
    void weightsFitTheNetworkAreFiniteAndAreTrained() {
        Checkpoint c = ShippedCheckpoint.load();
        try (SliceRegNet fresh = new SliceRegNet(c.network())) {
            Map<String, float[]> init = fresh.weights();
            assertThat(c.weights().keySet()).containsExactlyInAnyOrderElementsOf(init.keySet());
            int changed = 0;
            for (var e : c.weights().entrySet()) {
                assertThat(e.getValue().shape()).isEqualTo(fresh.weightShape(e.getKey()));
                for (float v : e.getValue().values()) assertThat(Float.isFinite(v)).as(e.getKey()).isTrue();
                if (!Arrays.equals(e.getValue().values(), init.get(e.getKey()))) changed++;
            }
            assertThat(changed).isEqualTo(init.size());              // every tensor moved away from its initialisation
        }
    }

    @Test
    void itsNetworkGivesFiniteNonZeroFields() {
        NeighbourFields f;
        try (SliceRegNet net = ShippedCheckpoint.load().newNetwork()) {
            f = new NetworkRegistrar(net, RegistrarConfig.networkOnly())
                .fields(CheckpointStoreTest.smallScan(), SliceAxis.Z, ProgressListener.NONE);
        }
        double sum = 0;
        for (float v : f.up().get(0).dxArray()) {
            assertThat(Float.isFinite(v)).isTrue();
            sum += Math.abs(v);
        }
        assertThat(sum).isGreaterThan(0);
    }
}
