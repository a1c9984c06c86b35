// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import io.javalin.http.Context;

/** Plain-text answers, as the original server gives them (no JSON envelope, no trailing newline). */
final class Texts {
    private Texts() { }

    static void ok(Context ctx, String text) { send(ctx, 200, text); }

    static void send(Context ctx, int status, String text) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(text);
    }
}
