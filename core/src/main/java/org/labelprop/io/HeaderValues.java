// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.util.Locale;

/** Numbers in text headers (NRRD, MetaImage): parsed with messages that name the field, written so they read back exactly. */
final class HeaderValues {
    private HeaderValues() {}

    /** The shortest text that parses back to {@code v} exactly; whole numbers without ".0". */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** Whitespace-separated finite numbers, exactly {@code count} of them. */
    static double[] numbers(String text, int count, String field, String where) throws VolumeFormatException {
        String[] t = tokens(text);
        if (t.length != count)
            throw new VolumeFormatException(where + ": " + field + " is " + shown(text) + ", expected " + count + " numbers");
        double[] r = new double[count];
        for (int i = 0; i < count; i++) r[i] = number(t[i], field, where);
        return r;
    }

    static double number(String token, String field, String where) throws VolumeFormatException {
        double v;
        try {
            v = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || token.endsWith("d") || token.endsWith("f") || token.endsWith("D") || token.endsWith("F"))
            throw new VolumeFormatException(where + ": " + field + " has " + shown(token) + ", expected a finite number");
        return v;
    }

    /** Whitespace-separated whole numbers within [min, max], exactly {@code count} of them (any count when -1). */
    static long[] integers(String text, int count, long min, long max, String field, String where) throws VolumeFormatException {
        String[] t = tokens(text);
        if (count >= 0 && t.length != count || t.length == 0)
            throw new VolumeFormatException(where + ": " + field + " is " + shown(text) + ", expected " + (count >= 0 ? count : "some")
                + " whole numbers");
        long[] r = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            try {
                r[i] = Long.parseLong(t[i]);
            } catch (NumberFormatException e) {
                throw new VolumeFormatException(where + ": " + field + " has " + shown(t[i]) + ", expected a whole number");
            }
            if (r[i] < min || r[i] > max)
                throw new VolumeFormatException(where + ": " + field + " has " + r[i] + ", expected a whole number from " + min + " to " + max);
        }
        return r;
    }

    static long integer(String text, long min, long max, String field, String where) throws VolumeFormatException {
        return integers(text, 1, min, max, field, where)[0];
    }

    static String[] tokens(String text) {
        String s = text.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    /** A value shown in a message: quoted, cut at 80 characters. */
    static String shown(String value) {
        return "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
    }

    static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
