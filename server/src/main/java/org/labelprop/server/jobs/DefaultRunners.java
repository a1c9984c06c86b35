// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The job types this build offers. */
public final class DefaultRunners {
    private DefaultRunners() { }

    public static JobRunners create(ObjectMapper json) {
        return new JobRunners()
            .register("interpolate", new InterpolateRunner(json))
            .unavailable("train", "deep training is not wired into the server yet (needs the nn module's DeepLabelProp)")
            .unavailable("propagate", "deep propagation is not wired into the server yet (needs LabelPropagation)");
    }
}
