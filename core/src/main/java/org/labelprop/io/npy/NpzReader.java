// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a NumPy {@code .npz} archive ({@code np.savez}, {@code np.savez_compressed}): a zip file whose members
 * {@code NAME.npy} are arrays, stored or deflated, with the ZIP64 extra fields NumPy always writes. Members are streamed
 * from disk one at a time; an array's size is checked against the caller's limit from its header, before allocation,
 * and no more bytes than the header declares are ever decompressed.
 */
public final class NpzReader implements AutoCloseable {
    private final ZipFile zip;
    private final String where;
    private final Map<String, ZipEntry> members = new LinkedHashMap<>();

    private NpzReader(ZipFile zip, String where) {
        this.zip = zip;
        this.where = where;
        zip.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".npy"))
            .forEach(e -> members.put(e.getName().substring(0, e.getName().length() - 4), e));
    }

    /**
     * Opens an archive.
     * @param where how messages name it, e.g. "the 'arrays' upload"
     * @throws NpyFormatException when the file is not a zip archive
     */
    public static NpzReader open(Path file, String where) throws IOException {
        try {
            return new NpzReader(new ZipFile(file.toFile()), where);
        } catch (ZipException | java.io.EOFException e) {
            String why = e.getMessage() == null ? "it ends too early" : e.getMessage();
            throw new NpyFormatException(where + " is not a NumPy .npz archive (a zip file): " + why, e);
        }
    }

    /** Array names, as {@code np.load(...).files} lists them (member names without ".npy"). */
    public Set<String> names() { return Collections.unmodifiableSet(members.keySet()); }

    public boolean contains(String name) { return members.containsKey(name); }

    public NpyHeader header(String name) throws IOException {
        try (InputStream in = open(name)) {
            return NpyHeader.read(in);
        } catch (IOException e) {
            throw named(name, e);
        }
    }

    /** Array {@code name} as floats in {@code order}; see {@link NpyReader#floats}. */
    public float[] floats(String name, NpyOrder order, long maxElements) throws IOException {
        try (InputStream in = open(name)) {
            return NpyReader.floats(in, NpyHeader.read(in), order, maxElements);
        } catch (IOException e) {
            throw named(name, e);
        }
    }

    /** Array {@code name} as ints in {@code order}; see {@link NpyReader#ints}. */
    public int[] ints(String name, NpyOrder order, long maxElements) throws IOException {
        try (InputStream in = open(name)) {
            return NpyReader.ints(in, NpyHeader.read(in), order, maxElements);
        } catch (IOException e) {
            throw named(name, e);
        }
    }

    @Override public void close() throws IOException { zip.close(); }

    private InputStream open(String name) throws IOException {
        ZipEntry e = members.get(name);
        if (e == null) throw new NpyFormatException(where + " has no array '" + name + "'; it holds " + names());
        try {
            return new BufferedInputStream(zip.getInputStream(e), 1 << 16);
        } catch (ZipException ex) {
            throw new NpyFormatException("array '" + name + "' of " + where + " cannot be read: " + ex.getMessage(), ex);
        }
    }

    /** Names the array in the message; a zip or inflater failure (corrupt archive) becomes a format error too. */
    private NpyFormatException named(String name, IOException e) {
        if (e instanceof NpyFormatException && e.getMessage().startsWith(where + " has no array")) return (NpyFormatException) e;
        String why = e instanceof NpyFormatException ? e.getMessage()
            : "corrupt archive (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
        return new NpyFormatException("array '" + name + "' of " + where + ": " + why, e);
    }
}
