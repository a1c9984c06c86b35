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
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.ReceivedFile;

/**
 * Streams a request body to a temp file under the data directory, computing SHA-256 on the way; never buffers the body.
 * The size limit is enforced twice: from {@code Content-Length} before reading, and by counting the bytes actually read.
 */
public final class UploadReceiver {
    private final Datastore store;
    private final long maxBytes;

    public UploadReceiver(Datastore store, long maxBytes) {
        this.store = store;
        this.maxBytes = maxBytes;
    }

    /**
     * @throws ApiException 413 over the limit, 400 for an empty body or one shorter than its Content-Length;
     *                      the temp file is removed in every failure case
     */
    public ReceivedFile receive(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(declared + " bytes declared");
        Path tmp = store.newTempFile(".upload");
        boolean ok = false;
        try {
            MessageDigest sha = sha256();
            long n = 0;
            byte[] head = new byte[2];
            try (InputStream in = new DigestInputStream(ctx.bodyInputStream(), sha); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) >= 0; ) {
                    if (n < 2) System.arraycopy(buf, 0, head, (int) n, (int) Math.min(r, 2 - n));
                    n += r;
                    if (n > maxBytes) throw tooLarge("more than " + maxBytes + " bytes sent");
                    out.write(buf, 0, r);
                }
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

    private ApiException tooLarge(String found) {
        return new ApiException(413, "upload too large: the limit is " + maxBytes + " bytes, " + found
            + " (start the server with a larger --max-upload)");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
