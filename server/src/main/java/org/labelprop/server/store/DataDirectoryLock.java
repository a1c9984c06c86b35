// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory ({@code .lock}, held with {@link FileChannel#tryLock()}) for as long as a server
 * uses it: a second server on the same directory refuses to start instead of emptying the first one's {@code tmp/} and
 * re-queueing its jobs. The operating system drops the lock when the process ends, even after {@code kill -9}.
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (created if missing) and writes this process's id into the lock file.
     * @throws FileSystemException with a one-line reason when another server holds the lock
     */
    public static DataDirectoryLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another server in this same JVM
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                throw new FileSystemException(dir.toString(), null, "in use by another labelprop server"
                    + (holder.matches("\\d+") ? " (pid " + holder + ")" : "") + "; stop it or choose another --data-dir");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new DataDirectoryLock(ch, lock);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Releases the lock (the file stays; its content is only a hint for the message above). */
    @Override public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
