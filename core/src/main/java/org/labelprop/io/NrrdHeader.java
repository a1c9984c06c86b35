// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields and key/value pairs of a NRRD header as written, before they are given meaning (see {@link NrrdFile}).
 * Field names are stored normalised: lower case without spaces ("space directions" → "spacedirections"), as teem
 * accepts either spelling. Key/value pairs ({@code key:=value}) keep their order and are unescaped ("\n", "\\").
 *
 * @param attached   whether a blank line ends the header, so that data may follow in the same file
 * @param dataOffset bytes from the file's start to the byte after that blank line
 */
record NrrdHeader(int version, Map<String, String> fields, Map<String, String> keyValues, boolean attached, long dataOffset) {
    NrrdHeader {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        keyValues = Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
    }

    /** Reads the header from the start of {@code in}, leaving the stream at the first data byte. */
    static NrrdHeader read(InputStream in, String where) throws IOException {
        HeaderLines lines = new HeaderLines(in, where);
        String magic = lines.next();
        if (magic == null || !magic.matches("NRRD000[1-5]"))
            throw new VolumeFormatException(where + ": not a NRRD file: first line is " + (magic == null ? "missing" : HeaderValues.shown(magic))
                + ", expected \"NRRD0001\" .. \"NRRD0005\"");
        Map<String, String> fields = new LinkedHashMap<>(), keyValues = new LinkedHashMap<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isEmpty()) return new NrrdHeader(magic.charAt(7) - '0', fields, keyValues, true, lines.position());
            if (line.startsWith("#")) continue;
            int kv = line.indexOf(":="), field = line.indexOf(": ");
            if (field < 0 && line.endsWith(":")) field = line.length() - 1;      // a field with an empty value
            if (kv > 0 && (field < 0 || kv < field)) {
                keyValues.put(unescape(line.substring(0, kv)), unescape(line.substring(kv + 2)));
            } else if (field > 0) {
                String name = HeaderValues.lower(line.substring(0, field)).replace(" ", "");
                if (fields.put(name, line.substring(Math.min(field + 2, line.length())).strip()) != null)
                    throw new VolumeFormatException(where + ": field \"" + line.substring(0, field) + "\" is given twice; expected it once");
            } else {
                throw new VolumeFormatException(where + ": header line " + HeaderValues.shown(line)
                    + " is neither \"field: value\" nor \"key:=value\" nor a \"#\" comment");
            }
        }
        return new NrrdHeader(magic.charAt(7) - '0', fields, keyValues, false, lines.position());
    }

    /** The field's value, or null when absent; {@code name} as in the specification ("space directions"). */
    String field(String name) { return fields.get(name.replace(" ", "")); }

    /** The field's value; a missing required field is named. */
    String require(String name, String where) throws VolumeFormatException {
        String v = field(name);
        if (v == null) throw new VolumeFormatException(where + ": the NRRD header has no \"" + name + "\" field, which is required");
        return v;
    }

    static String escape(String s) { return s.replace("\\", "\\\\").replace("\n", "\\n"); }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'n' || s.charAt(i + 1) == '\\'))
                sb.append(s.charAt(++i) == 'n' ? '\n' : '\\');
            else sb.append(c);
        }
        return sb.toString();
    }
}
