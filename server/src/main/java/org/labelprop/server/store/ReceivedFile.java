// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An upload safely on disk in {@code tmp/}: its size, SHA-256 (hex) and whether it starts with the gzip magic bytes.
 */
public record ReceivedFile(Path path, long bytes, String sha256, boolean gzip) {
    public ReceivedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
