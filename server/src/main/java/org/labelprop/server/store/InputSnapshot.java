// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The session volumes a job reads, as they were when it started: private links to the files, and the SHA-256 of each.
 *
 * @param files        snapshot file of each volume read that was uploaded; kinds not uploaded are absent
 * @param fingerprints for every kind the job reads, by {@link VolumeKind#key()}: the upload's SHA-256 (hex), or null
 *                     when that volume was not uploaded
 */
public record InputSnapshot(Map<VolumeKind, Path> files, Map<String, String> fingerprints) {
    public InputSnapshot {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(fingerprints, "fingerprints");
        files = Collections.unmodifiableMap(files.isEmpty() ? new EnumMap<>(VolumeKind.class) : new EnumMap<>(files));
        fingerprints = Collections.unmodifiableMap(new TreeMap<>(fingerprints)); // TreeMap: null values allowed
    }
}
