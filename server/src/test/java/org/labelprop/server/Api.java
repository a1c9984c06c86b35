// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small java.net.http client for one test server: JSON in and out, bytes for volumes, optional bearer token. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    String token;

    Api(int port) { this.base = "http://127.0.0.1:" + port; }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException { return send(request(path).GET()); }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException { return send(request(path).DELETE()); }

    static JsonNode json(HttpResponse<String> r) throws IOException { return JSON.readTree(r.body()); }

    /** Creates a session and returns its id. */
    String createSession() throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/sessions", "{\"name\":\"test\"}");
        if (r.statusCode() != 201) throw new AssertionError("create session: " + r.statusCode() + " " + r.body());
        return json(r).get("id").asText();
    }

    /** Polls a job until it reaches a final state or the timeout passes; returns the last status. */
    JsonNode awaitJob(String jobId, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode s;
        do {
            s = json(get("/api/jobs/" + jobId));
            String state = s.get("state").asText();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) return s;
            Thread.sleep(20);
        } while (System.nanoTime() < end);
        return s;
    }
}
