// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A view of a stream whose {@code close()} only flushes, so a compressor can finish inside a file that goes on. */
final class NonClosingOutput extends FilterOutputStream {
    NonClosingOutput(OutputStream out) { super(out); }

    @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

    @Override public void close() throws IOException { out.flush(); }
}
