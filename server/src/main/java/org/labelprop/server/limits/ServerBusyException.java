// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.limits;

/** The server cannot take this request now (memory or upload slots in use); answered 503 with Retry-After. */
public final class ServerBusyException extends RuntimeException {
    private final long retryAfterSeconds;

    public ServerBusyException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** When the client should try again. */
    public long retryAfterSeconds() { return retryAfterSeconds; }
}
