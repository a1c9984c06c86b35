// SPDX-License-Identifier: Apache-2.0
package org.labelprop.propagation;

/** JSON literals for the few JSON files core writes (core has no JSON library). */
final class JsonText {
    private JsonText() { }

    /** A finite number: integral values without a fraction, others as {@link Double#toString} (valid JSON). */
    static String number(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON numbers must be finite, got " + v);
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A quoted, escaped string. */
    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
