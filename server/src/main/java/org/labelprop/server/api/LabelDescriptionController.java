// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.labelprop.io.ItkSnapLabels;
import org.labelprop.io.VolumeFormatException;
import org.labelprop.labels.LabelDescriptions;
import org.labelprop.server.json.LabelDescriptionsBinding;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.LabelDescriptionStore;
import org.labelprop.server.store.PathNames;
import org.labelprop.server.store.ReceivedFile;

/**
 * {@code /api/sessions/{id}/label-descriptions} (JSON) and {@code .../label-descriptions.txt} (the same as an ITK-SNAP
 * label description file): the names and colours of a session's labels, kept with the session on the server so that
 * every browser and every user sees the same. Reads answer the stored descriptions completed with "Label N" in its
 * palette colour for each value present in the annotations or hints ({@link LabelDescriptionStore#completed}).
 */
public final class LabelDescriptionController {
    /** Largest ITK-SNAP file accepted: 1 MiB (a full brain atlas table has about 10 kB). */
    static final long MAX_TEXT_BYTES = 1 << 20;
    private final Datastore store;
    private final LabelDescriptionStore descriptions;
    private final UploadReceiver receiver;

    public LabelDescriptionController(Datastore store, LabelDescriptionStore descriptions, UploadReceiver receiver) {
        this.store = store;
        this.descriptions = descriptions;
        this.receiver = receiver;
    }

    /** GET: {@code {"labels": [...]}}, completed for the values present. */
    public void get(Context ctx) throws IOException { answer(ctx, ctx.pathParam("id")); }

    /** POST {@code {"labels": [...]}}: replaces the session's descriptions; 422 naming the entry and field at fault. */
    public void replace(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        store.session(id);
        descriptions.replace(id, LabelDescriptionsBinding.bind(Requests.jsonTree(ctx)));
        answer(ctx, id);
    }

    /** GET .txt: the completed descriptions as an ITK-SNAP label description file, named {@code <id>.labels.txt}. */
    public void getText(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        String text = ItkSnapLabels.format(descriptions.completed(store.session(id)));
        ctx.header("Content-Disposition", "attachment; filename=\"" + id + ".labels.txt\"")
            .contentType("text/plain; charset=utf-8").result(text);
    }

    /** PUT .txt (application/octet-stream): replaces the descriptions with an ITK-SNAP file's; 422 naming the line at fault. */
    public void putText(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        store.session(id);
        if (ctx.contentLength() == 0) throw new ApiException(400, "empty request body: expected an ITK-SNAP label description file");
        ReceivedFile f = receiver.receive(ctx, MAX_TEXT_BYTES, "an ITK-SNAP label description file has a few kB");
        try {
            LabelDescriptions read;
            try {
                read = ItkSnapLabels.read(f.path());
            } catch (VolumeFormatException e) {
                throw new VolumeFormatException(PathNames.name(e.getMessage(), Map.of(f.path(), "label description upload")));
            }
            descriptions.replace(id, read);
        } finally {
            Files.deleteIfExists(f.path());
        }
        answer(ctx, id);
    }

    private void answer(Context ctx, String id) throws IOException {
        List<LabelDescriptionView> labels = LabelDescriptionView.of(descriptions.completed(store.session(id)));
        ctx.json(Map.of("labels", labels));
    }
}
