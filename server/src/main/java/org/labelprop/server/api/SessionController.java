// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.LabelDescriptionStore;
import org.labelprop.server.store.SessionRecord;

/** {@code /api/sessions}: create, list, show and delete annotation sessions. */
public final class SessionController {
    private final Datastore store;
    private final JobManager jobs;
    private final LabelDescriptionStore descriptions;

    public SessionController(Datastore store, JobManager jobs, LabelDescriptionStore descriptions) {
        this.store = store;
        this.jobs = jobs;
        this.descriptions = descriptions;
    }

    /** POST: optional body {@code {"name": "…"}}; 201 with the new session. */
    public void create(Context ctx) throws IOException {
        String name = null;
        if (ctx.contentLength() > 0) {
            Map<String, Object> body = Requests.jsonObject(ctx);
            Object n = body.get("name");
            if (n != null && !(n instanceof String)) throw new ApiException(400, "\"name\" must be a string, got " + n);
            name = (String) n;
            if (name != null && name.length() > 200) throw new ApiException(400, "\"name\" must be at most 200 characters");
        }
        SessionRecord s = store.createSession(name);
        ctx.status(201).header("Location", "/api/sessions/" + s.id()).json(view(s));
    }

    public void list(Context ctx) throws IOException {
        List<SessionView> out = new java.util.ArrayList<>();
        for (SessionRecord s : store.sessions()) out.add(view(s));
        ctx.json(out);
    }

    public void get(Context ctx) throws IOException { ctx.json(view(store.session(ctx.pathParam("id")))); }

    /** DELETE: cancels the session's unfinished jobs, then removes it with its files; 204. */
    public void delete(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        store.session(id);
        jobs.cancelSession(id);
        store.deleteSession(id);
        ctx.status(204);
    }

    private SessionView view(SessionRecord s) throws IOException {
        var stale = store.staleResults(s.id());
        List<String> files = store.results(s.id());
        List<String> current = files.stream().filter(f -> !stale.containsKey(f)).map(ResultController::resultName).toList();
        List<String> outdated = files.stream().filter(stale::containsKey).map(ResultController::resultName).toList();
        return SessionView.of(s, jobs.forSession(s.id()), current, outdated, LabelDescriptionView.of(descriptions.completed(s)));
    }
}
