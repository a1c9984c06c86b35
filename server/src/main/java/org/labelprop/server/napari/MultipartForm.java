// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) streamed part by part to temp files, never held in memory; at most
 * {@code maxBytes} are read (413 beyond), at most 8 parts, 16 KiB of headers each. The first part of a name wins.
 * Closing deletes the files.
 */
final class MultipartForm implements AutoCloseable {
    /** One part: its field name, the file name the client gave (null for a plain field) and its content on disk. */
    record Part(String name, String fileName, Path file, long bytes) { }

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern PARAM = Pattern.compile("(?i);\\s*(name|filename)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))");
    private static final int MAX_PARTS = 8, MAX_HEADER_BYTES = 16 << 10;
    private final Map<String, Part> parts = new LinkedHashMap<>();

    private MultipartForm() { }

    /** Reads the whole body; on failure every file written so far is deleted. */
    static MultipartForm read(InputStream body, String contentType, Path tmpDir, long maxBytes) throws IOException {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data") || !m.find())
            throw new CompatException(415, "expected a multipart/form-data body with a boundary, got Content-Type " + contentType);
        String boundary = m.group(1) != null ? m.group(1) : m.group(2);
        MultipartForm form = new MultipartForm();
        try {
            BoundaryScanner in = new BoundaryScanner(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), maxBytes);
            if (in.copyToDelimiter(OutputStream.nullOutputStream()) < 0) throw bad("no part delimited by the boundary");
            while (true) {
                String after = in.take(2);
                if (after.equals("--")) return form;
                if (!after.equals("\r\n")) throw bad("malformed part delimiter");
                if (form.parts.size() >= MAX_PARTS) throw bad("more than " + MAX_PARTS + " parts");
                form.readPart(in, tmpDir);
            }
        } catch (IOException | RuntimeException e) {
            form.close();
            throw e;
        }
    }

    Optional<Part> part(String name) { return Optional.ofNullable(parts.get(name)); }

    /** A part's content as bytes, refused (400) when longer than {@code max}. */
    byte[] bytes(String name, int max) throws IOException {
        Part p = part(name).orElseThrow(() -> bad("no part named '" + name + "'"));
        if (p.bytes() > max) throw bad("part '" + name + "' has " + p.bytes() + " bytes; at most " + max + " are accepted");
        return Files.readAllBytes(p.file());
    }

    @Override public void close() {
        for (Part p : parts.values()) {
            try {
                Files.deleteIfExists(p.file());
            } catch (IOException ignored) {
                // the data directory's tmp/ is emptied at the next start anyway
            }
        }
    }

    private void readPart(BoundaryScanner in, Path tmpDir) throws IOException {
        String headers = in.headers(MAX_HEADER_BYTES);
        String name = null, fileName = null;
        for (String line : headers.split("\r\n")) {
            if (!line.toLowerCase(java.util.Locale.ROOT).startsWith("content-disposition:")) continue;
            Matcher p = PARAM.matcher(line);
            while (p.find()) {
                String v = p.group(2) != null ? p.group(2).replaceAll("\\\\(.)", "$1") : p.group(3);
                if (p.group(1).equalsIgnoreCase("name")) name = v; else fileName = v;
            }
        }
        if (name == null) throw bad("a part without a Content-Disposition name");
        Path file = Files.createTempFile(tmpDir, "part-", ".bin");
        long n;
        try (OutputStream out = Files.newOutputStream(file)) {
            n = in.copyToDelimiter(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        if (n < 0) {
            Files.deleteIfExists(file);
            throw bad("the body ends inside part '" + name + "' (truncated upload?)");
        }
        if (parts.containsKey(name)) Files.deleteIfExists(file);
        else parts.put(name, new Part(name, fileName, file, n));
    }

    static CompatException bad(String why) { return new CompatException(400, "unreadable multipart body: " + why); }
}
