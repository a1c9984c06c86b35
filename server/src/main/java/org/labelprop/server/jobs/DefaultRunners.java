// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The job types this build offers. */
public final class DefaultRunners {
    private DefaultRunners() { }

    public static JobRunners create(ObjectMapper json) {
        return new JobRunners()
            .register("interpolate", new InterpolateRunner(json))
            .register("train", new TrainRunner())
            .register("propagate", new PropagateRunner(json));
    }
}
