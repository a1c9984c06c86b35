// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue, cancellation, events and parameter checks, driven by the test-only "test-loop" job. */
class JobsApiTest extends ServerFixture {
    String id;

    @Override ServerConfig config() { return super.config().withWorkers(1).withQueueCapacity(2); }

    @Override org.labelprop.server.jobs.JobRunners runners() { return super.runners().unavailable("gpu-only", "no GPU here"); }

    @BeforeEach
    void up() throws Exception {
        start();
        id = api.createSession();
    }

    @Test
    void aRunningJobIsCancelledWithinSeconds() throws Exception {
        String job = submit(LoopRunner.body(1000000, 1));
        awaitState(job, "running");
        long t0 = System.nanoTime();
        HttpResponse<String> del = api.delete("/api/jobs/" + job);
        assertThat(del.statusCode()).isEqualTo(200);
        JsonNode end = api.awaitJob(job, Duration.ofSeconds(5));
        assertThat(end.get("state").asText()).isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(end.get("progress").asDouble()).isBetween(0.0, 1.0);
        assertThat(api.delete("/api/jobs/" + job).statusCode()).as("cancelling a finished job").isEqualTo(409);
        // the worker is free again
        String next = submit(LoopRunner.body(3, 1));
        assertThat(api.awaitJob(next, Duration.ofSeconds(5)).get("state").asText()).isEqualTo("succeeded");
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterAndShowsPositions() throws Exception {
        String running = submit(LoopRunner.body(1000000, 1));
        awaitState(running, "running");
        String first = submit(LoopRunner.body(10000, 5)), second = submit(LoopRunner.body(10000, 5));
        assertThat(Api.json(api.get("/api/jobs/" + first)).get("queuePosition").asInt()).isEqualTo(1);
        assertThat(Api.json(api.get("/api/jobs/" + second)).get("queuePosition").asInt()).isEqualTo(2);
        assertThat(Api.json(api.get("/api/jobs/" + running)).get("queuePosition").isNull()).isTrue();
        HttpResponse<String> full = api.post("/api/sessions/" + id + "/jobs", LoopRunner.body(10000, 5));
        assertThat(full.statusCode()).isEqualTo(429);
        assertThat(full.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(Api.json(full).get("error").asText()).contains("queue is full");
        // cancelling a queued job frees its place and moves the next one up
        assertThat(Api.json(api.delete("/api/jobs/" + first)).get("state").asText()).isEqualTo("cancelled");
        assertThat(Api.json(api.get("/api/jobs/" + second)).get("queuePosition").asInt()).isEqualTo(1);
        assertThat(api.post("/api/sessions/" + id + "/jobs", LoopRunner.body(10000, 5)).statusCode()).isEqualTo(202);
    }

    @Test
    void serverSentEventsFollowTheJobToTheEnd() throws Exception {
        String job = submit(LoopRunner.body(200, 2));
        HttpResponse<Stream<String>> r = api.http.send(api.request("/api/jobs/" + job + "/events").header("Accept", "text/event-stream")
            .GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        try (Stream<String> lines = r.body()) {
            for (String line : (Iterable<String>) lines::iterator)
                if (line.startsWith("data:")) events.add(Api.JSON.readTree(line.substring(5)));
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(2);
        assertThat(events.get(events.size() - 1).get("state").asText()).isEqualTo("succeeded");
        assertThat(events).allSatisfy(e -> assertThat(e.get("id").asText()).isEqualTo(job));
        List<Double> progress = events.stream().map(e -> e.get("progress").asDouble()).toList();
        assertThat(progress).isSorted();
        assertThat(api.get("/api/jobs/" + job + "/events").statusCode()).as("without Accept").isEqualTo(406);
    }

    @Test
    void badJobRequestsGetTheirStatusAndAMessage() throws Exception {
        expect(422, "{\"type\":\"sculpt\"}", "unknown job type");
        expect(422, "{\"type\":\"propagate\",\"axis\":3}", "axis");
        expect(422, "{\"type\":\"propagate\",\"axis\":\"up\"}", "axis");
        expect(422, "{\"axis\":2}", "type");
        expect(400, "not json", "JSON");
        expect(400, "[1, 2]", "JSON object");
        expect(422, "{\"type\":\"propagate\",\"inference\":{\"fusion\":\"max\"}}", "inference.fusion");
        expect(422, "{\"type\":\"propagate\",\"weights\":\"../x\"}", "weights");
        // a misspelt or unknown field is never silently ignored: the answer names it
        expect(422, "{\"type\":\"propagate\",\"metod\":\"shape\"}", "\"metod\"");
        expect(422, "{\"type\":\"train\",\"training\":{\"maxSecond\":5}}", "training.maxSecond");
        expect(422, "{\"type\":\"propagate\",\"training\":{\"steps\":5}}", "train jobs only");
        expect(422, "{\"type\":\"propagate\",\"refinement\":{\"annotationWieght\":2}}", "refinement.annotationWieght");
        expect(422, "{\"type\":\"propagate\",\"refinement\":{\"annotationWeight\":-1}}", "annotationWeight");
        expect(422, "{\"type\":\"propagate\",\"refinement\":{\"flowBlend\":2}}", "flowBlend");
        expect(422, "{\"type\":\"propagate\",\"seed\":1.5}", "seed");
        expect(422, "{\"type\":\"propagate\",\"inference\":{\"fieldSmoothing\":11}}", "fieldSmoothing");
        expect(422, "{\"type\":\"propagate\",\"inference\":{\"backgroundWeight\":0}}", "backgroundWeight");
        expect(422, "{\"type\":\"train\",\"method\":\"shape\"}", "deep method only");
        expect(409, "{\"type\":\"propagate\",\"method\":\"shape\"}", "image");
        expect(409, "{\"type\":\"train\"}", "image");
        expect(501, "{\"type\":\"gpu-only\"}", "no GPU here");
        expect(409, "{\"type\":\"propagate\"}", "image");
        assertThat(api.post("/api/sessions/0123456789abcdef/jobs", LoopRunner.body(10000, 5)).statusCode()).isEqualTo(404);
        assertThat(Api.json(api.get("/api/jobs?session=" + id))).isEmpty();
    }

    private void expect(int status, String body, String inMessage) throws Exception {
        HttpResponse<String> r = api.post("/api/sessions/" + id + "/jobs", body);
        assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(status);
        assertThat(Api.json(r).get("error").asText()).containsIgnoringCase(inMessage);
    }

    private String submit(String body) throws Exception {
        HttpResponse<String> r = api.post("/api/sessions/" + id + "/jobs", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Api.json(r).get("id").asText();
    }

    private void awaitState(String job, String state) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!Api.json(api.get("/api/jobs/" + job)).get("state").asText().equals(state)) {
            if (System.nanoTime() > end) throw new AssertionError("job " + job + " never reached " + state);
            Thread.sleep(10);
        }
    }
}
