// SPDX-License-Identifier: Apache-2.0
package org.labelprop.bench;

import java.util.Objects;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/**
 * The volumes of Debian's mricron-data templates folder the development suite is built from, and nothing else:
 * the Colin27 T1 scan with the AAL and Brodmann atlases drawn on it, and the INIA19 rhesus macaque template with its
 * NeuroMaps atlas. Atlases must lie on their scan's grid.
 */
public record SuiteTemplates(Volume ch2, LabelVolume aal, LabelVolume brodmann, Volume inia19, LabelVolume neuroMaps) {
    /** File names in the templates folder, in the order of the components. */
    public static final String[] FILES = {"ch2.nii.gz", "aal.nii.gz", "brodmann.nii.gz", "inia19-t1-brain.nii.gz", "inia19-NeuroMaps.nii.gz"};

    public SuiteTemplates {
        Objects.requireNonNull(ch2, "ch2");
        Objects.requireNonNull(inia19, "inia19");
        String m = ch2.grid().mismatch(Objects.requireNonNull(aal, "aal").grid(), "AAL atlas " + FILES[1]);
        if (m == null) m = ch2.grid().mismatch(Objects.requireNonNull(brodmann, "brodmann").grid(), "Brodmann atlas " + FILES[2]);
        if (m == null) m = inia19.grid().mismatch(Objects.requireNonNull(neuroMaps, "neuroMaps").grid(), "NeuroMaps atlas " + FILES[4]);
        if (m != null) throw new IllegalArgumentException(m);
    }
}
