// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} archive as {@code np.savez_compressed} does: one deflated {@code NAME.npy} member per
 * array, readable by {@code np.load}. Streams straight to the sink.
 */
public final class NpzWriter implements AutoCloseable {
    private final ZipOutputStream zip;

    /** @param level deflate level 0..9 ({@link Deflater#BEST_SPEED} suits label maps, which compress well anyway) */
    public NpzWriter(OutputStream sink, int level) {
        zip = new ZipOutputStream(sink);
        zip.setLevel(level);
    }

    /**
     * Adds a uint8 array in C order (last axis fastest), {@code data.length} equal to the product of {@code shape}.
     * @throws IllegalArgumentException when the sizes disagree or the name is not a plain identifier
     */
    public void writeUint8(String name, long[] shape, byte[] data) throws IOException {
        NpyHeader h = new NpyHeader(NpyDType.UINT8, ByteOrder.LITTLE_ENDIAN, false, shape);
        if (h.elements() != data.length)
            throw new IllegalArgumentException("array '" + name + "' of shape " + h.describe() + " needs " + h.elements()
                + " bytes, got " + data.length);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("array name must be an identifier, got '" + name + "'");
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(h.encode());
        zip.write(data);
        zip.closeEntry();
    }

    /** Finishes the archive and closes the sink. */
    @Override public void close() throws IOException { zip.close(); }
}
