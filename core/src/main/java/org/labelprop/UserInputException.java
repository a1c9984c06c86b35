// SPDX-License-Identifier: Apache-2.0
package org.labelprop;

/**
 * Something the user asked for or gave cannot be used: a bad option value, volumes that do not fit together, an
 * annotation with nothing in it. Front ends show its message as is (CLI exit code 2, HTTP 4xx); any other exception is
 * an internal failure (exit code 1, HTTP 500 with an error id). The message says what was expected, what was found and
 * where; {@link #field()} names the request field at fault when there is one.
 */
public class UserInputException extends RuntimeException {
    private final String field;

    public UserInputException(String message) { this(null, message); }

    /** @param field the request field at fault (e.g. "inference.fieldSmoothing"), or null */
    public UserInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
    }

    /** The request field at fault, or null. */
    public String field() { return field; }

    /** Throws with {@code message} unless {@code ok}. */
    public static void check(boolean ok, String field, String message) {
        if (!ok) throw new UserInputException(field, message);
    }
}
