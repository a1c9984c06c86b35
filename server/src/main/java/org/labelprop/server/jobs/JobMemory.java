// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.labelprop.server.limits.MemoryBudget;
import org.labelprop.server.limits.ServerBusyException;
import org.labelprop.server.limits.VolumeAdmission;
import org.labelprop.server.store.SessionRecord;
import org.labelprop.server.store.VolumeKind;
import org.labelprop.server.store.VolumeSummary;

/**
 * The memory a job reserves through {@link VolumeAdmission} while it runs: the volumes it reads, decoded, plus
 * {@value #WORKING_VOLUMES} more of the same size for its results and working arrays (an estimate; what a job allocates
 * beyond it must fit in the heap headroom the budget leaves). Checked at submission (413 when it could never fit) and
 * reserved when the job starts (the job waits, cancellable, while uploads or other jobs hold the memory).
 */
public final class JobMemory {
    /** Decoded volumes reserved beyond the inputs. */
    static final int WORKING_VOLUMES = 2;
    private final VolumeAdmission admission;

    public JobMemory(VolumeAdmission admission) { this.admission = admission; }

    /**
     * At submission: refuses (413) a job on this session that could never be admitted.
     * @throws org.labelprop.server.limits.VolumeTooLargeException naming the sizes
     */
    public void requireFits(String type, Set<VolumeKind> reads, SessionRecord session) {
        VolumeSummary image = session.image();
        if (image == null) return;
        long voxels = (long) image.shape().get(0) * image.shape().get(1) * image.shape().get(2);
        int volumes = WORKING_VOLUMES;
        for (VolumeKind k : reads) if (session.volume(k) != null) volumes++;
        admission.requireFits(voxels, volumes, "a " + type + " job on a " + image.shape() + " image");
    }

    /**
     * As the job starts, on the inputs it snapshotted: reserves their decoded size plus the working volumes, calling
     * {@code waiting} once if it has to wait. Close the reservation when the job ends.
     */
    MemoryBudget.Reservation reserve(String type, Map<VolumeKind, Path> inputs, Runnable waiting) throws IOException, InterruptedException {
        long voxels = 0;
        for (Path f : inputs.values()) voxels = Math.max(voxels, admission.voxels(f, "the " + type + " job's input"));
        int volumes = inputs.size() + WORKING_VOLUMES;
        String what = "a " + type + " job (" + volumes + " volumes of " + voxels + " voxels)";
        try {
            return admission.reserve(voxels, volumes, what, Duration.ZERO);
        } catch (ServerBusyException e) {
            waiting.run();
            return admission.reserve(voxels, volumes, what, Duration.ofDays(1));
        }
    }
}
