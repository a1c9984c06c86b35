// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

/** Exit codes of {@code labelprop}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug or an environment failure: the message (and, with --debug, the stack trace) says what. */
    public static final int INTERNAL = 1;
    /** Bad input from the user: a missing or unreadable file, a mismatching volume, a bad option. */
    public static final int USER_ERROR = 2;
    public static final int CANCELLED = 130;

    private ExitCodes() { }
}
