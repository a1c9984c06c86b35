// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * What a successful job produced: files in its work directory, published under their file names as session results
 * (e.g. {@code fused.nii.gz}, {@code suggestions.json}), and a one-line summary.
 */
public record JobOutcome(List<Path> files, String message) {
    public JobOutcome {
        files = List.copyOf(files);
        message = message == null ? "" : message;
    }
}
