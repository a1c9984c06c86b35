// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.util.Locale;

/** Recognises a full disk (ENOSPC), a quota (EDQUOT) or a file size limit (EFBIG, {@code ulimit -f}) among I/O errors. */
public final class StorageErrors {
    private StorageErrors() { }

    /** Whether {@code t} or one of its causes says the file system has no room for what was written. */
    public static boolean isFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m == null) continue;
            String s = m.toLowerCase(Locale.ROOT);
            if (s.contains("no space left on device") || s.contains("disk quota exceeded") || s.contains("file too large"))
                return true;
        }
        return false;
    }
}
