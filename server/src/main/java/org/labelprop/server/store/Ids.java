// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random identifiers for sessions and jobs, 16 lower-case hex digits, safe as file names. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() { }

    public static String next() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether {@code id} has the form {@link #next()} produces (so it can never escape a directory). */
    public static boolean isValid(String id) { return id != null && ID.matcher(id).matches(); }
}
