// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.labelprop.server.store.AtomicFiles;

/**
 * Uploaded images kept by the plugin's md5 ({@code <md5>.nii.gz}), so a client that finds its hash in
 * {@code /list_hash} may send the annotations only. Persisted on disk; at most {@code capacity} images, the least
 * recently used removed first (use = modification time, touched on every hit).
 */
final class ImageCache {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final String SUFFIX = ".nii.gz";
    private final Path dir;
    private final int capacity;

    ImageCache(Path dir, int capacity) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.capacity = capacity;
    }

    /** Hashes of the cached images, most recently used first. */
    synchronized List<String> hashes() throws IOException {
        return entries().stream().map(p -> p.getFileName().toString().replace(SUFFIX, "")).toList();
    }

    /** The cached image with this hash (marked as used), if any. */
    synchronized Optional<Path> find(String md5) throws IOException {
        if (!MD5.matcher(md5).matches()) return Optional.empty();
        Path f = dir.resolve(md5 + SUFFIX);
        try {
            Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(f);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Keeps a copy of {@code nifti} under {@code md5}, then evicts beyond the capacity. */
    void put(String md5, Path nifti) throws IOException {
        if (!MD5.matcher(md5).matches()) throw new IllegalArgumentException("not an md5: " + md5);
        Path staged = Files.createTempFile(dir, ".incoming-", SUFFIX);
        try {
            Files.copy(nifti, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            synchronized (this) {
                AtomicFiles.move(staged, dir.resolve(md5 + SUFFIX));
                List<Path> all = entries();
                for (Path old : all.subList(Math.min(capacity, all.size()), all.size())) Files.deleteIfExists(old);
            }
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(SUFFIX) && MD5.matcher(n.substring(0, n.length() - SUFFIX.length())).matches();
            }).sorted(Comparator.comparing(ImageCache::modified).reversed()).toList();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
