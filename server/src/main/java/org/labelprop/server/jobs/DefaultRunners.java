// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The job types this build offers. */
public final class DefaultRunners {
    private DefaultRunners() { }

    public static JobRunners create(ObjectMapper json) {
        return new JobRunners()
            .register("interpolate", new InterpolateRunner(json))
            .unavailable("train", "saving trained checkpoints is not available yet; a \"propagate\" job trains on the session's scan itself")
            .register("propagate", new PropagateRunner(json));
    }
}
