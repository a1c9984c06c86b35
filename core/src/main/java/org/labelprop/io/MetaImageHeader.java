// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Key = Value} lines of a MetaImage header as written, up to and including {@code ElementDataFile} (always
 * the last), before they are given meaning (see {@link MetaImageFile}). Keys are matched without regard to case.
 *
 * @param dataOffset bytes from the file's start to the byte after the ElementDataFile line
 */
record MetaImageHeader(Map<String, String> values, long dataOffset) {
    MetaImageHeader {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static MetaImageHeader read(InputStream in, String where) throws IOException {
        HeaderLines lines = new HeaderLines(in, where);
        Map<String, String> values = new LinkedHashMap<>();
        int count = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            count++;
            if (line.isBlank()) continue;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new VolumeFormatException(where + ": " + (count == 1 ? "not a MetaImage file: first line" : "header line " + count)
                    + " is " + HeaderValues.shown(line) + ", expected \"Key = Value\"");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (values.put(key, line.substring(eq + 1).strip()) != null)
                throw new VolumeFormatException(where + ": " + line.substring(0, eq).strip() + " is given twice; expected it once");
            if (key.equals("elementdatafile")) return new MetaImageHeader(values, lines.position());
        }
        throw new VolumeFormatException(where + ": the MetaImage header ends without an ElementDataFile line"
            + (count == 0 ? " (the file is empty)" : "") + "; expected ElementDataFile = LOCAL or a data file name last");
    }

    /** The value of {@code key} (any case), or null. */
    String get(String key) { return values.get(key.toLowerCase(Locale.ROOT)); }

    /** The first of the keys present (MetaIO accepts synonyms, e.g. Offset, Position, Origin), or null. */
    String first(String... keys) {
        for (String k : keys)
            if (get(k) != null) return get(k);
        return null;
    }

    /** A True/False value; {@code fallback} when absent. */
    boolean flag(String key, boolean fallback, String where) throws VolumeFormatException {
        String v = get(key);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new VolumeFormatException(where + ": " + key + " is " + HeaderValues.shown(v) + ", expected True or False");
        };
    }
}
