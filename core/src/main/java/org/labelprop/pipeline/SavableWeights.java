// SPDX-License-Identifier: Apache-2.0
package org.labelprop.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/** Trained network weights that can be stored as a checkpoint file (written atomically). */
@FunctionalInterface
public interface SavableWeights {
    void save(Path file) throws IOException;
}
