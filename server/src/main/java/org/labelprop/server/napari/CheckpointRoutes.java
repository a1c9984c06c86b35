// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.labelprop.nn.checkpoint.CheckpointFormatException;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.server.store.Datastore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /check}, {@code /get_ckpt_dir}, {@code /set_ckpt_dir}, {@code /list_ckpts}, {@code /send_ckpt}. The checkpoint
 * folder is the data directory's {@code checkpoints/}, shared with the REST API and the browser UI; it is server
 * configuration, so {@code /set_ckpt_dir} accepts only that folder.
 */
final class CheckpointRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRoutes.class);
    private static final long MAX_CHECKPOINT_BYTES = 256L << 20;
    private final Datastore store;

    CheckpointRoutes(Datastore store) { this.store = store; }

    void check(Context ctx) { Texts.ok(ctx, "Hello World!"); }

    void getDir(Context ctx) { Texts.ok(ctx, store.checkpointsDir().toString()); }

    /** Answers "ok" for the server's own checkpoint folder; refuses any other, as the original does when it cannot create one. */
    void setDir(Context ctx) {
        String asked = ctx.queryParam("ckpt_dir");
        if (asked == null) throw new CompatException(400, "missing query parameter ckpt_dir");
        Path p;
        try {
            p = Path.of(asked.strip()).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            p = null;
        }
        if (store.checkpointsDir().equals(p)) {
            Texts.ok(ctx, "ok");
            return;
        }
        LOG.info("refused /set_ckpt_dir {}: checkpoints stay in {}", asked, store.checkpointsDir());
        Texts.send(ctx, 403, "Unallowed to create checkpoint directory: this server keeps its checkpoints in "
            + store.checkpointsDir() + " (inside its --data-dir), shared with its browser UI");
    }

    /** Checkpoint names ending in ".ckpt", comma-joined, sorted ("" when none). */
    void list(Context ctx) throws IOException {
        try (Stream<Path> s = Files.list(store.checkpointsDir())) {
            Texts.ok(ctx, s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".ckpt") && !n.startsWith(".")).sorted().collect(Collectors.joining(",")));
        }
    }

    /**
     * Multipart file {@code ckpt}: stored under its file name made safe (folders dropped, characters other than letters,
     * digits, '.', '_', '-' replaced, ".ckpt" appended when missing) if it is a checkpoint of this server.
     */
    void send(Context ctx) throws IOException {
        try (MultipartForm form = MultipartForm.read(ctx.bodyInputStream(), ctx.contentType(), store.root().resolve("tmp"),
            MAX_CHECKPOINT_BYTES)) {
            MultipartForm.Part part = form.part("ckpt").orElseThrow(() -> new CompatException(400, "expected a file part named 'ckpt'"));
            String name = part.fileName() == null ? "" : part.fileName();
            if (name.isBlank()) throw new CompatException(400, "the 'ckpt' part has no file name");
            String safe = PluginRequest.saveAs(name, "unnamed0"); // folders dropped, odd characters replaced, NAME.ckpt
            try (InputStream in = Files.newInputStream(part.file())) {
                CheckpointStore.read(in, "'" + safe + "'");
            } catch (CheckpointFormatException e) {
                throw new CompatException(422, originalCheckpoint(part.file()) ? "'" + safe + "' is a PyTorch (Lightning) checkpoint of"
                    + " the original LabelProp; this server runs LabelProp for Java and uses its own checkpoints: train one with the"
                    + " Training widget (saved here as NAME.ckpt), or upload one made by 'labelprop train'" : e.getMessage());
            }
            Path target = store.checkpointsDir().resolve(safe);
            synchronized (this) {
                if (Files.exists(target) && Files.mismatch(target, part.file()) != -1)
                    throw new CompatException(409, "a different checkpoint named '" + safe + "' exists on the server; rename the file");
                AtomicFiles.move(part.file(), target);
            }
            Texts.ok(ctx, "ok");
        }
    }

    /** PyTorch's zip format ("PK") or a bare pickle (protocol 2+ starts with 0x80). */
    private static boolean originalCheckpoint(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(4);
            return head.length >= 2 && (Arrays.equals(Arrays.copyOf(head, 4), new byte[] {'P', 'K', 3, 4}) || (head[0] & 0xff) == 0x80);
        }
    }
}
