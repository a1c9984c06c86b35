// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites messages meant for clients so that they name what went wrong ("labels upload"), never a server path. */
public final class PathNames {
    private PathNames() { }

    /** Replaces each path's text in {@code message} by its name, e.g. {@code /data/tmp/upload-1.nii.gz} by "labels upload". */
    public static String name(String message, Map<Path, String> names) {
        if (message == null) return null;
        String out = message;
        for (var e : names.entrySet()) out = out.replace(e.getKey().toString(), e.getValue());
        return out;
    }

    /**
     * Replaces any remaining path inside {@code root} by its last component, so a message never shows where the server
     * keeps its data; e.g. {@code /srv/data/sessions/ab/work/cd/fused.nii.gz: disk full} becomes {@code fused.nii.gz: disk full}.
     */
    public static String hide(String message, Path root) {
        if (message == null) return null;
        // the root, then a path tail or the end of the word (so "/data" does not match inside "/database")
        Pattern p = Pattern.compile(Pattern.quote(root.toString()) + "([/\\\\][^\\s:,;'\"()]*)?(?![^\\s:,;'\"()])");
        Matcher m = p.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String tail = m.group(1) == null ? "" : m.group(1);
            String last = tail.isEmpty() ? "the data directory" : tail.substring(Math.max(tail.lastIndexOf('/'), tail.lastIndexOf('\\')) + 1);
            m.appendReplacement(sb, Matcher.quoteReplacement(last.isEmpty() ? "the data directory" : last));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
