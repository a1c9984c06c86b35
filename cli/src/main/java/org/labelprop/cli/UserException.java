// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

/** A problem with what the user asked for; shown as one line, exit code 2. */
public class UserException extends RuntimeException {
    public UserException(String message) { super(message); }
}
