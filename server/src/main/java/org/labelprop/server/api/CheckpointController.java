// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.labelprop.nn.checkpoint.CheckpointVerifier;
import org.labelprop.server.store.CheckpointNames;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.ReceivedFile;

/**
 * {@code /api/checkpoints}: trained model weights by name, in the nn module's checkpoint format (checked completely on
 * upload, streaming: 422 when corrupt or truncated; 413 above {@link #MAX_BYTES}). Names match {@link CheckpointNames} (no path
 * separators, no ".."); an existing checkpoint is replaced only with {@code ?overwrite=true}.
 */
public final class CheckpointController {
    /** Largest checkpoint accepted: 256 MiB (the shipped one has 0.5 MB; jobs load a checkpoint whole). */
    public static final long MAX_BYTES = 256L << 20;

    /** One stored checkpoint. */
    public record CheckpointInfo(String name, long bytes, Instant modifiedAt) { }

    private final Datastore store;
    private final UploadReceiver receiver;

    public CheckpointController(Datastore store, UploadReceiver receiver) {
        this.store = store;
        this.receiver = receiver;
    }

    public void list(Context ctx) throws IOException {
        List<CheckpointInfo> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(store.checkpointsDir())) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (CheckpointNames.isValid(n) && Files.isRegularFile(p))
                    out.add(new CheckpointInfo(n, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
            }
        }
        ctx.json(out);
    }

    /** PUT: 201 created, 200 replaced (with ?overwrite=true), 409 exists, 400 bad name, 413 too large, 422 not a checkpoint. */
    public void put(Context ctx) throws IOException {
        String name = name(ctx);
        Path target = store.checkpointsDir().resolve(name);
        boolean overwrite = Requests.flag(ctx, "overwrite");
        if (!overwrite && Files.exists(target)) throw exists(name);
        ReceivedFile f = receiver.receive(ctx, MAX_BYTES, "checkpoints are at most 256 MiB; the shipped one has 0.5 MB");
        try {
            // 422 unless a complete, intact checkpoint, named as the upload; streamed, never held in memory
            CheckpointVerifier.verify(f.path(), "checkpoint upload");
            boolean existed;
            synchronized (this) {
                existed = Files.exists(target);
                if (existed && !overwrite) throw exists(name);
                AtomicFiles.move(f.path(), target);
            }
            ctx.status(existed ? 200 : 201).json(new CheckpointInfo(name, f.bytes(), Files.getLastModifiedTime(target).toInstant()));
        } finally {
            Files.deleteIfExists(f.path());
        }
    }

    public void get(Context ctx) throws IOException {
        String name = name(ctx);
        Path f = store.checkpointsDir().resolve(name);
        if (!Files.isRegularFile(f)) throw new ApiException(404, "no checkpoint '" + name + "'");
        Downloads.send(ctx, f, name);
    }

    public void delete(Context ctx) throws IOException {
        String name = name(ctx);
        if (!Files.deleteIfExists(store.checkpointsDir().resolve(name))) throw new ApiException(404, "no checkpoint '" + name + "'");
        ctx.status(204);
    }

    private static String name(Context ctx) {
        String name = ctx.pathParam("name");
        if (!CheckpointNames.isValid(name))
            throw new ApiException(400, "invalid checkpoint name '" + name + "': expected " + CheckpointNames.rule()
                + " without '..'");
        return name;
    }

    private static ApiException exists(String name) {
        return new ApiException(409, "checkpoint '" + name + "' exists; PUT with ?overwrite=true to replace it");
    }
}
