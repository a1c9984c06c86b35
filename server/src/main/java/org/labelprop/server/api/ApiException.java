// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.util.Map;

/** A request the server refuses: the status and the one-line message go to the client as {@code {"error": …}}. */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public ApiException(int status, String message) { this(status, message, Map.of()); }

    public ApiException(int status, String message, Map<String, String> headers) {
        super(message);
        if (status < 400 || status > 599) throw new IllegalArgumentException("error status must be 4xx or 5xx, got " + status);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    public int status() { return status; }

    /** Extra response headers, e.g. Retry-After. */
    public Map<String, String> headers() { return headers; }
}
