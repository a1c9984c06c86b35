// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unexpected failures: the stack trace goes to the log under a fresh error id, the client gets only that id (never an
 * exception class or message, which could show server internals).
 */
public final class InternalErrors {
    private static final Logger LOG = LoggerFactory.getLogger("org.labelprop.server.errors");
    private static final SecureRandom RANDOM = new SecureRandom();

    private InternalErrors() { }

    /**
     * Logs {@code failure} (may be null) with a new id and returns the message for the client.
     * @param where what failed, for the log, e.g. "GET /api/sessions"
     */
    public static String report(String where, Throwable failure) {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        LOG.error("error {}: {} failed", id, where, failure);
        return message(id);
    }

    /** The client's message for error {@code id}. */
    static String message(String id) {
        return "internal error " + id + ": the server could not complete this request; its log has the details under this id";
    }
}
