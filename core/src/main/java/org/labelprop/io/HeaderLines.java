// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the lines of a text header (NRRD, MetaImage) from the start of a file, byte by byte so that the stream stops
 * exactly where the data starts; UTF-8, line ends "\n" or "\r\n". At most {@link #MAX_BYTES} bytes: binary data or a
 * file that is not a text header fails fast with a format exception instead of filling memory.
 */
final class HeaderLines {
    /** Headers are small; even a segmentation with a thousand segments needs well under this. */
    static final int MAX_BYTES = 8 << 20;

    private final InputStream in;
    private final String where;
    private long position;

    HeaderLines(InputStream in, String where) {
        this.in = in;
        this.where = where;
    }

    /** The next line without its line end, or null at the end of the file. */
    String next() throws IOException {
        byte[] line = new byte[128];
        int n = 0;
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                if (n == 0) return null;
                break;
            }
            position++;
            if (c == '\n') break;
            if (c == 0)
                throw new VolumeFormatException(where + ": a zero byte at byte " + (position - 1) + " of the text header;"
                    + " expected text lines (is the header's end missing?)");
            if (position > MAX_BYTES)
                throw new VolumeFormatException(where + ": the text header runs past " + MAX_BYTES + " bytes; expected it to end"
                    + " (a blank line in NRRD, the ElementDataFile line in MetaImage)");
            if (n == line.length) line = Arrays.copyOf(line, 2 * n);
            line[n++] = (byte) c;
        }
        if (n > 0 && line[n - 1] == '\r') n--;
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }

    /** Parses a header from the start of a stream. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(InputStream in, String where) throws IOException;
    }

    /** Opens {@code file} and parses its text header; a missing file is named as a {@code kind} file. */
    static <T> T parse(Path file, String kind, Parser<T> parser) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return parser.parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, kind + " file not found");
        }
    }

    /** Bytes read so far: where the data starts once the header's last line has been read. */
    long position() { return position; }
}
