// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.jobs;

/** An expected way for a job to end failed (e.g. its deadline passed); its message is for the client as is. */
public class JobFailure extends RuntimeException {
    public JobFailure(String message) { super(message); }
}
