// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one DICOM conversion.
 *
 * @param timeout      longest dcm2niix may run (default 5 minutes); it is killed after
 * @param maxZipBytes  most bytes a .zip may expand to (default 8 GiB), counted while extracting
 * @param maxZipFiles  most entries a .zip may hold (default 200,000)
 * @param tempParent   where the private working folder is made; null: the system's temporary folder
 */
public record DicomOptions(Duration timeout, long maxZipBytes, int maxZipFiles, Path tempParent) {
    public DicomOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        if (maxZipBytes < 1 || maxZipFiles < 1)
            throw new IllegalArgumentException("zip limits must be positive, got " + maxZipBytes + " bytes, " + maxZipFiles + " files");
    }

    public static DicomOptions defaults() { return new DicomOptions(Duration.ofMinutes(5), 8L << 30, 200_000, null); }

    public DicomOptions withTimeout(Duration t) { return new DicomOptions(t, maxZipBytes, maxZipFiles, tempParent); }

    public DicomOptions withZipLimits(long bytes, int files) { return new DicomOptions(timeout, bytes, files, tempParent); }

    public DicomOptions withTempParent(Path dir) { return new DicomOptions(timeout, maxZipBytes, maxZipFiles, dir); }
}
