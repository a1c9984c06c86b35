// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.limits;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.labelprop.io.Nifti;
import org.labelprop.io.NiftiHeader;

/**
 * Decides from a NIfTI header, before any voxel is decoded, whether the server may decode the volume: at most
 * {@code maxVoxels} voxels (413 otherwise) and 4 bytes per voxel (float32 images, int label maps) reserved in the
 * {@link MemoryBudget} (413 when it can never fit, 503 when it does not fit now).
 */
public final class VolumeAdmission {
    /** Bytes of one decoded voxel: {@code float} for images, {@code int} for label maps. */
    public static final int BYTES_PER_VOXEL = 4;
    private final MemoryBudget budget;
    private final long maxVoxels;

    public VolumeAdmission(MemoryBudget budget, long maxVoxels) {
        this.budget = budget;
        this.maxVoxels = maxVoxels;
    }

    public MemoryBudget budget() { return budget; }

    public long maxVoxels() { return maxVoxels; }

    /**
     * The voxels the header of {@code file} declares (nx·ny·nz, up to 7 dims multiplied), checked against the voxel limit.
     * @param what names the volume in messages, e.g. "the image upload"
     * @throws VolumeTooLargeException over the limit
     * @throws org.labelprop.io.NiftiFormatException when the file is not a NIfTI volume this server reads
     */
    public long voxels(Path file, String what) throws IOException {
        NiftiHeader h = Nifti.readHeader(file);
        long voxels = declaredVoxels(h);
        checkVoxels(voxels, what);
        Nifti.grid(h); // the header's geometry must be usable (422 otherwise) before memory is spent on it
        return voxels;
    }

    /** Checks a voxel count against the limit. */
    public void checkVoxels(long voxels, String what) {
        if (voxels > maxVoxels)
            throw new VolumeTooLargeException(what + " has " + voxels + " voxels; this server accepts at most " + maxVoxels
                + " (--max-voxels)");
    }

    /** Refuses (413) {@code volumes} decoded volumes of {@code voxels} each that could never be held at once. */
    public void requireFits(long voxels, int volumes, String what) {
        checkVoxels(voxels, what);
        budget.requireFits(bytes(voxels, volumes), what);
    }

    /** Reserves memory for {@code volumes} decoded volumes of {@code voxels} voxels each (see {@link MemoryBudget#reserve}). */
    public MemoryBudget.Reservation reserve(long voxels, int volumes, String what, Duration wait) throws InterruptedException {
        checkVoxels(voxels, what);
        return budget.reserve(bytes(voxels, volumes), what, wait);
    }

    private static long bytes(long voxels, int volumes) {
        try {
            return Math.multiplyExact(voxels, (long) volumes * BYTES_PER_VOXEL);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** nx·ny·nz… as the header says, saturating at Long.MAX_VALUE; sizes below 1 count as 1 (the reader refuses them later). */
    static long declaredVoxels(NiftiHeader h) {
        long[] dim = h.dim();
        int rank = (int) Math.max(1, Math.min(7, dim[0]));
        long n = 1;
        for (int i = 1; i <= rank; i++) {
            long d = Math.max(1, dim[i]);
            if (n > Long.MAX_VALUE / d) return Long.MAX_VALUE;
            n *= d;
        }
        return n;
    }
}
