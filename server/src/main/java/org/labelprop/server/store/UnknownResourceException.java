// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

/** A session, job, result or checkpoint that does not exist; the server answers 404. */
public class UnknownResourceException extends RuntimeException {
    public UnknownResourceException(String message) { super(message); }
}
