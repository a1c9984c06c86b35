// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.labelprop.SyntheticVolumes;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.SliceAxis;

class ProtocolsTest {
    @Test
    void threeSlicesAndEveryKthSpanTheExtentCentred() {
        Map<String, int[]> p = Protocols.overExtent(4, 64, 10);
        assertThat(p.get(Protocols.THREE_SLICES)).containsExactly(10, 34, 58);
        assertThat(p.get("every 10th")).containsExactly(4, 14, 24, 34, 44, 54, 64);
        assertThat(Protocols.overExtent(0, 13, 3).get("every 3rd")).containsExactly(0, 3, 6, 9, 12);
        assertThat(Protocols.everyKth(2)).isEqualTo("every 2nd");
        assertThat(Protocols.everyKth(11)).isEqualTo("every 11th");
    }

    @Test
    void perStructureTakesEachStructuresOwnExtent() {
        // label 1 on z = 0..10, label 2 on z = 20..30 (along z of a 4x4x32 volume)
        int[] v = new int[4 * 4 * 32];
        for (int z = 0; z < 32; z++) if (z <= 10 || (z >= 20 && z <= 30)) v[z * 16 + 5] = z <= 10 ? 1 : 2;
        Map<String, int[]> p = Protocols.all(new LabelVolume(SyntheticVolumes.grid(4, 4, 32), v), SliceAxis.Z, 10);
        assertThat(p.get(Protocols.THREE_SLICES)).containsExactly(3, 15, 27);
        assertThat(p.get(Protocols.PER_STRUCTURE)).containsExactly(1, 5, 9, 21, 25, 29);
    }
}
