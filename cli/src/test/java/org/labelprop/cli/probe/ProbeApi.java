// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.labelprop.server.RawHttp;

/** The ordinary API calls the probes need, as a well-behaved client makes them (own Host, proper types). */
final class ProbeApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private final int port;

    ProbeApi(int port) { this.port = port; }

    RawHttp.Response get(String path, String... headers) throws IOException { return RawHttp.send(port, "GET", path, null, headers); }

    RawHttp.Response postJson(String path, String json) throws IOException {
        return RawHttp.send(port, "POST", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type: application/json");
    }

    RawHttp.Response put(String path, byte[] body) throws IOException {
        return RawHttp.send(port, "PUT", path, body, "Content-Type: application/octet-stream");
    }

    static JsonNode json(RawHttp.Response r) throws IOException { return JSON.readTree(r.body()); }

    String createSession() throws IOException {
        RawHttp.Response r = postJson("/api/sessions", "{}");
        if (r.status() != 201) throw new AssertionError("create session: " + r.status() + " " + r.body());
        return json(r).get("id").asText();
    }

    /** Submits a job and returns its id (202 expected). */
    String submit(String session, String job) throws IOException {
        RawHttp.Response r = postJson("/api/sessions/" + session + "/jobs", job);
        if (r.status() != 202) throw new AssertionError("submit " + job + ": " + r.status() + " " + r.body());
        return json(r).get("id").asText();
    }

    JsonNode job(String id) throws IOException { return json(get("/api/jobs/" + id)); }

    /** Polls until the job is final or {@code timeout} passes; returns its last status. */
    JsonNode awaitJob(String id, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode s;
        do {
            s = job(id);
            if (s.get("state").asText().matches("succeeded|failed|cancelled")) return s;
            Thread.sleep(50);
        } while (System.nanoTime() < end);
        return s;
    }

    /** Polls until the job is running and its message starts with {@code stage}. */
    void awaitRunning(String id, String stage, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode s = job(id);
            if (s.get("state").asText().equals("running") && s.get("message").asText().startsWith(stage)) return;
            if (s.get("state").asText().matches("succeeded|failed|cancelled")) throw new AssertionError("job ended: " + s);
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " not running '" + stage + "' within " + timeout + ": " + job(id));
    }
}
