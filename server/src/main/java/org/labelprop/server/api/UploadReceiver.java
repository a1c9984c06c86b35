// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.labelprop.server.limits.UploadSlots;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.ReceivedFile;
import org.labelprop.server.store.StorageErrors;

/**
 * Streams a request body to a temp file under the data directory, computing SHA-256 on the way; never buffers the body.
 * The size limit is enforced twice: from {@code Content-Length} before reading, and by counting the bytes actually read.
 * At most {@link UploadSlots} bodies are read at once (503 beyond); a body that stops arriving is cut off by the
 * server's idle timeout (408); one that ends early is 400; a full disk is 507. The temp file is removed on every failure.
 */
public final class UploadReceiver {
    private static final String SERVER_LIMIT_HINT = "start the server with a larger --max-upload";
    private final Datastore store;
    private final long maxBytes;
    private final UploadSlots slots;

    public UploadReceiver(Datastore store, long maxBytes, UploadSlots slots) {
        this.store = store;
        this.maxBytes = maxBytes;
        this.slots = slots;
    }

    /** Receives a body of at most the server's upload limit. */
    public ReceivedFile receive(Context ctx) throws IOException { return receive(ctx, maxBytes, SERVER_LIMIT_HINT); }

    /**
     * @param limit    largest body accepted here (at most the server's limit)
     * @param hint     what to do about the limit, for the 413 message
     * @throws ApiException 413 over the limit, 400 empty or truncated, 408 stalled, 507 disk full
     * @throws org.labelprop.server.limits.ServerBusyException when every upload slot is taken
     */
    public ReceivedFile receive(Context ctx, long limit, String hint) throws IOException {
        long max = Math.min(limit, maxBytes);
        if (max < limit) hint = SERVER_LIMIT_HINT;
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) throw tooLarge(max, declared + " bytes declared", hint);
        try (UploadSlots.Slot slot = slots.acquire()) {
            return read(ctx, declared, max, hint);
        }
    }

    private ReceivedFile read(Context ctx, long declared, long max, String hint) throws IOException {
        Path tmp = store.newTempFile(".upload");
        boolean ok = false;
        try {
            MessageDigest sha = sha256();
            long n = 0;
            byte[] head = new byte[2];
            try (InputStream in = new DigestInputStream(ctx.bodyInputStream(), sha); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = readBody(in, buf, n, declared)) >= 0; ) {
                    if (n < 2) System.arraycopy(buf, 0, head, (int) n, (int) Math.min(r, 2 - n));
                    n += r;
                    if (n > max) throw tooLarge(max, "more than " + max + " bytes sent", hint);
                    out.write(buf, 0, r);
                }
            } catch (IOException e) {
                // writing or closing the temp file (reading the body fails as ApiException, see readBody)
                if (StorageErrors.isFull(e)) throw new ApiException(507, ApiErrors.diskFull());
                throw e;
            }
            if (n == 0) throw new ApiException(400, "empty request body: expected a NIfTI file (.nii or .nii.gz)");
            if (declared >= 0 && n != declared)
                throw new ApiException(400, "upload truncated: Content-Length was " + declared + " bytes but " + n + " arrived");
            boolean gzip = n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            // readers may go by the extension: name the file after its content
            Path named = tmp.resolveSibling(tmp.getFileName().toString().replace(".upload", gzip ? ".nii.gz" : ".nii"));
            Files.move(tmp, named);
            tmp = named;
            ok = true;
            return new ReceivedFile(tmp, n, HexFormat.of().formatHex(sha.digest()), gzip);
        } finally {
            if (!ok) Files.deleteIfExists(tmp);
        }
    }

    /** One read from the client; its failures are the client's (connection closed early, or silent too long), not 500s. */
    private static int readBody(InputStream in, byte[] buf, long received, long declared) {
        try {
            return in.read(buf);
        } catch (IOException e) {
            for (Throwable c = e; c != null; c = c.getCause())
                if (c instanceof java.util.concurrent.TimeoutException)
                    throw new ApiException(408, "upload stalled: no data arrived for the server's idle timeout after " + received
                        + " bytes; nothing was stored");
            throw new ApiException(400, "upload truncated: the connection ended after " + received + " bytes"
                + (declared >= 0 ? " of the " + declared + " announced" : "") + "; nothing was stored");
        }
    }

    private static ApiException tooLarge(long max, String found, String hint) {
        return new ApiException(413, "upload too large: the limit is " + max + " bytes, " + found
            + " (" + hint + ")");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
