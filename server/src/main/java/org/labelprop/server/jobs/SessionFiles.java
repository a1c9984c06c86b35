// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The inputs a job may read and the private directory it writes to. Missing volumes are null.
 *
 * @param checkpoints directory of stored checkpoints ({@code <name>} files)
 * @param workDir     where the runner writes its outputs; they are published only when the job succeeds
 */
public record SessionFiles(String sessionId, Path image, Path labels, Path hints, Path checkpoints, Path workDir) {
    public SessionFiles {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(workDir, "workDir");
    }
}
