// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

/** The job types this build offers. */
public final class DefaultRunners {
    private DefaultRunners() { }

    /** @param threads libtorch threads per job, 0 = all cores */
    public static JobRunners create(int threads) {
        SegmentRunner runner = new SegmentRunner(threads);
        return new JobRunners().register(JobRequest.TRAIN, runner).register(JobRequest.PROPAGATE, runner);
    }
}
