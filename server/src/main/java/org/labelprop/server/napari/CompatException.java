// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

/** A request of the napari-compatible API refused before any job exists: answered with a status and plain text. */
final class CompatException extends RuntimeException {
    private final int status;

    CompatException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() { return status; }
}
