// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literal of a {@code .npy} header: dicts, tuples, lists, quoted strings, integers (an old {@code L}
 * suffix allowed), {@code True}, {@code False}, {@code None}. Dicts become {@link Map}, tuples and lists {@link List},
 * integers {@link Long}. Nothing is evaluated.
 */
final class PyLiteral {
    private final String s;
    private int pos;

    private PyLiteral(String s) { this.s = s; }

    /** The single literal in {@code text} (surrounding white space allowed). */
    static Object parse(String text) throws NpyFormatException {
        PyLiteral p = new PyLiteral(text);
        Object v = p.value();
        p.skipSpace();
        if (p.pos != text.length()) throw p.error("end of header");
        return v;
    }

    private Object value() throws NpyFormatException {
        skipSpace();
        if (pos >= s.length()) throw error("a value");
        char c = s.charAt(pos);
        if (c == '{') return dict();
        if (c == '(') return sequence(')');
        if (c == '[') return sequence(']');
        if (c == '\'' || c == '"') return string(c);
        if (c == '-' || Character.isDigit(c)) return integer();
        if (s.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
        if (s.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
        if (s.startsWith("None", pos)) { pos += 4; return null; }
        throw error("a value");
    }

    private Map<Object, Object> dict() throws NpyFormatException {
        Map<Object, Object> out = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek('}')) { pos++; return out; }
            Object key = value();
            skipSpace();
            expect(':');
            out.put(key, value());
            skipSpace();
            if (peek(',')) pos++;
            else if (!peek('}')) throw error("',' or '}'");
        }
    }

    private List<Object> sequence(char close) throws NpyFormatException {
        List<Object> out = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (peek(close)) { pos++; return out; }
            out.add(value());
            skipSpace();
            if (peek(',')) pos++;
            else if (!peek(close)) throw error("',' or '" + close + "'");
        }
    }

    private String string(char quote) throws NpyFormatException {
        int end = s.indexOf(quote, pos + 1);
        if (end < 0) throw error("a closing quote");
        String v = s.substring(pos + 1, end);
        pos = end + 1;
        return v;
    }

    private Long integer() throws NpyFormatException {
        int start = pos;
        if (peek('-')) pos++;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
        try {
            long v = Long.parseLong(s.substring(start, pos));
            if (peek('L')) pos++;
            return v;
        } catch (NumberFormatException e) {
            throw error("an integer within the 64-bit range");
        }
    }

    private void expect(char c) throws NpyFormatException {
        if (!peek(c)) throw error("'" + c + "'");
        pos++;
    }

    private boolean peek(char c) { return pos < s.length() && s.charAt(pos) == c; }

    private void skipSpace() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

    private NpyFormatException error(String expected) {
        String near = s.substring(Math.min(pos, s.length()), Math.min(s.length(), pos + 20));
        return new NpyFormatException("unreadable .npy header: expected " + expected + " at character " + pos + ", found '" + near
            + "' in " + (s.length() > 200 ? s.substring(0, 200) + "..." : s));
    }
}
