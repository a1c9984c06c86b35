// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Identifiers of sessions and jobs, safe as file names: 16 random lower-case hex digits ({@link #next()}), or a
 * lower-case canonical UUID (36 characters, the tokens of the napari-compatible API, which uses one id for both).
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() { }

    public static String next() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether {@code id} has one of the two forms (so it can never escape a directory). */
    public static boolean isValid(String id) { return id != null && ID.matcher(id).matches(); }
}
