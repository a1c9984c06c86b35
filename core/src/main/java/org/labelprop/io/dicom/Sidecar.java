// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few top-level fields read from a dcm2niix BIDS sidecar (a flat JSON object): strings and whole numbers. */
final class Sidecar {
    private final String json;

    private Sidecar(String json) { this.json = json; }

    /** The sidecar beside {@code nifti} ({@code NAME.json}); empty when there is none or it is larger than 4 MiB. */
    static Sidecar of(Path nifti) throws IOException {
        String name = nifti.getFileName().toString();
        Path json = nifti.resolveSibling(name.substring(0, name.length() - ".nii".length()) + ".json");
        if (!Files.isRegularFile(json) || Files.size(json) > (4 << 20)) return new Sidecar("");
        return new Sidecar(Files.readString(json, StandardCharsets.UTF_8));
    }

    /** A string field, JSON escapes undone; "" when absent. */
    String string(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        if (!m.find()) return "";
        String s = m.group(1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) { sb.append(c); continue; }
            char e = s.charAt(++i);
            switch (e) {
                case 'n', 'r', 't' -> sb.append(' ');
                case 'u' -> {
                    String hex = i + 4 < s.length() ? s.substring(i + 1, i + 5) : "";
                    sb.append(hex.matches("[0-9a-fA-F]{4}") ? (char) Integer.parseInt(hex, 16) : '?');
                    i += hex.length();
                }
                default -> sb.append(e);
            }
        }
        return sb.toString().replaceAll("\\p{Cntrl}", " ").strip();
    }

    /** A whole-number field; -1 when absent. */
    int integer(String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?\\d{1,9})\\b").matcher(json);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
