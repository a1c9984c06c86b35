// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.labelprop.server.store.Datastore;

/**
 * {@code /api/sessions/{id}/results/{name}} (label maps on the image grid, .nii.gz) and
 * {@code /api/sessions/{id}/suggestions} (slices to annotate next, JSON), as the last successful job published them.
 * A result computed from an image, labels or hints upload that has since been replaced or deleted is refused with 409.
 */
public final class ResultController {
    /** Volume results a job may publish, each as {@code <name>.nii.gz}. */
    public static final Set<String> VOLUMES = Set.of("fused", "up", "down", "uncertainty");
    public static final String SUGGESTIONS_FILE = "suggestions.json";

    private final Datastore store;

    public ResultController(Datastore store) { this.store = store; }

    public void volume(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String name = ctx.pathParam("name");
        store.session(id);
        if (!VOLUMES.contains(name)) throw new ApiException(404, "unknown result '" + name + "'; expected one of " + new java.util.TreeSet<>(VOLUMES));
        Path f = store.resultsDir(id).resolve(name + ".nii.gz");
        if (!Files.isRegularFile(f)) throw new ApiException(404, "session " + id + " has no '" + name + "' result yet; run a job first");
        refuseStale(id, name, f);
        Downloads.send(ctx, f, id + "-" + name + ".nii.gz");
    }

    public void suggestions(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        store.session(id);
        Path f = store.resultsDir(id).resolve(SUGGESTIONS_FILE);
        if (!Files.isRegularFile(f)) throw new ApiException(404, "session " + id + " has no suggestions yet; run a job first");
        refuseStale(id, "suggestions", f);
        ctx.contentType("application/json").result(Files.readAllBytes(f));
    }

    /** 409 when the result was computed from a volume that has been replaced or deleted since. */
    private void refuseStale(String id, String name, Path f) throws IOException {
        String why = store.staleResults(id).get(f.getFileName().toString());
        if (why != null)
            throw new ApiException(409, "result '" + name + "' is out of date: " + why + "; run the job again");
    }

    /** Result name as clients see it: the file name without its extension. */
    static String resultName(String fileName) { return fileName.replaceFirst("\\.nii\\.gz$|\\.json$", ""); }
}
