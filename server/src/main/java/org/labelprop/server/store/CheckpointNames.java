// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.util.regex.Pattern;

/** Names of stored checkpoints: a letter or digit, then letters, digits, '.', '_' or '-'; at most 64 characters; no "..". */
public final class CheckpointNames {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private CheckpointNames() { }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches() && !name.contains("..");
    }

    /** What a valid name looks like, for messages. */
    public static String rule() { return "a letter or digit, then up to 63 letters, digits, '.', '_' or '-' (no \"..\")"; }
}
