// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Sessions and finished results survive a restart; jobs that were queued run after it, in their order; jobs that were
 * running are reported failed, with the reason.
 */
class RestartTest extends ServerFixture {
    @Test
    void afterACrashQueuedJobsRunInTheirOrderAndTheRunningOneIsReportedFailed() throws Exception {
        start(config().withWorkers(1));
        String id = api.createSession();
        byte[] image = TestVolumes.imageBytes(scratch, true);
        api.put("/api/sessions/" + id + "/image", image);
        api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID));
        String running = jobId(api.post("/api/sessions/" + id + "/jobs", LoopRunner.body(1000000, 1)).body());
        while (!Api.json(api.get("/api/jobs/" + running)).get("state").asText().equals("running")) Thread.sleep(10);
        String first = jobId(api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"propagate\",\"method\":\"nearest\"}").body());
        String second = jobId(api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"propagate\",\"method\":\"shape\"}").body());
        assertThat(Api.json(api.get("/api/jobs/" + second)).get("queuePosition").asInt()).isEqualTo(2);

        // kill -9 now would leave the job records exactly as they are on disk (each written by an atomic rename):
        // keep that picture, let the process go, and put the picture back before the next start
        Path crashed = Files.createDirectories(scratch.resolve("jobs-at-crash"));
        try (var records = Files.list(dataDir.resolve("jobs"))) {
            for (Path f : records.toList()) Files.copy(f, crashed.resolve(f.getFileName()));
        }
        assertThat(Api.JSON.readTree(crashed.resolve(running + ".json").toFile()).get("state").asText()).isEqualTo("running");
        server.stop();
        server = null;
        try (var records = Files.list(crashed)) {
            for (Path f : records.toList()) Files.copy(f, dataDir.resolve("jobs").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }

        start(config().withWorkers(1));
        JsonNode r = Api.json(api.get("/api/jobs/" + running));
        assertThat(r.get("state").asText()).isEqualTo("failed");
        assertThat(r.get("message").asText()).isEqualTo("interrupted by server restart");
        JsonNode a = api.awaitJob(first, Duration.ofSeconds(20)), b = api.awaitJob(second, Duration.ofSeconds(20));
        assertThat(a.get("state").asText()).as(a.toString()).isEqualTo("succeeded");
        assertThat(b.get("state").asText()).as(b.toString()).isEqualTo("succeeded");
        assertThat(a.get("message").asText()).contains("method nearest");
        // one worker, original order: the second started only after the first had finished
        assertThat(Instant.parse(b.get("startedAt").asText())).isAfterOrEqualTo(Instant.parse(a.get("finishedAt").asText()));
        // the session is as it was, and the re-queued jobs published their results into it
        JsonNode s = Api.json(api.get("/api/sessions/" + id));
        assertThat(s.get("image").get("bytes").asLong()).isEqualTo(image.length);
        assertThat(s.get("labels").toString()).isEqualTo("[1,2]");
        assertThat(s.get("results").toString()).contains("fused", "suggestions");
        assertThat(api.getBytes("/api/sessions/" + id + "/results/fused").statusCode()).isEqualTo(200);
        assertThat(b.get("inputs").get("labels").asText()).isEqualTo(s.get("annotations").get("sha256").asText());
    }

    @Test
    void aGracefulStopKeepsQueuedJobsForTheNextStart() throws Exception {
        start(config().withWorkers(1));
        String id = api.createSession();
        api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true));
        api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID));
        String running = jobId(api.post("/api/sessions/" + id + "/jobs", LoopRunner.body(1000000, 1)).body());
        while (!Api.json(api.get("/api/jobs/" + running)).get("state").asText().equals("running")) Thread.sleep(10);
        String queued = jobId(api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"propagate\",\"method\":\"shape\"}").body());

        server.stop();
        assertThat(Api.JSON.readTree(dataDir.resolve("jobs").resolve(queued + ".json").toFile()).get("state").asText()).isEqualTo("queued");
        start(config().withWorkers(1));

        assertThat(Api.json(api.get("/api/jobs/" + running)).get("message").asText()).isEqualTo("interrupted by server shutdown");
        assertThat(api.awaitJob(queued, Duration.ofSeconds(20)).get("state").asText()).isEqualTo("succeeded");
    }

    /** A session, its finished shape job and the fused result it served. */
    private record Finished(String session, String job, byte[] fused) { }

    private Finished startWithAFinishedJob() throws Exception {
        start();
        String id = api.createSession();
        api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true));
        api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID));
        String done = jobId(api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"propagate\",\"method\":\"shape\"}").body());
        assertThat(api.awaitJob(done, Duration.ofSeconds(20)).get("state").asText()).isEqualTo("succeeded");
        return new Finished(id, done, api.getBytes("/api/sessions/" + id + "/results/fused").body());
    }

    @Test
    void aGracefulRestartKeepsSessionsResultsAndFailsTheRunningJob() throws Exception {
        Finished f = startWithAFinishedJob();
        String id = f.session(), done = f.job();
        byte[] fused = f.fused();
        String running = jobId(api.post("/api/sessions/" + id + "/jobs", LoopRunner.body(1000000, 1)).body());
        while (!Api.json(api.get("/api/jobs/" + running)).get("state").asText().equals("running")) Thread.sleep(10);

        server.stop();
        start();

        assertThat(api.getBytes("/api/sessions/" + id + "/results/fused").body()).isEqualTo(fused);
        JsonNode s = Api.json(api.get("/api/sessions/" + id));
        assertThat(s.get("labels").toString()).isEqualTo("[1,2]");
        assertThat(Api.json(api.get("/api/jobs/" + done)).get("state").asText()).isEqualTo("succeeded");
        JsonNode r = Api.json(api.get("/api/jobs/" + running));
        assertThat(r.get("state").asText()).isEqualTo("failed");
        assertThat(r.get("message").asText()).contains("interrupted");
    }

    @Test
    void afterAKillTheJobLeftRunningOnDiskIsReportedFailedAndNothingHalfWrittenIsServed() throws Exception {
        Finished f = startWithAFinishedJob();
        String id = f.session(), done = f.job();
        byte[] fused = f.fused();
        server.stop();
        server = null;

        // what kill -9 leaves behind: a record still "running", its half-written output, a stray temp record and upload
        Path jobs = dataDir.resolve("jobs");
        ObjectNode rec = (ObjectNode) Api.JSON.readTree(jobs.resolve(done + ".json").toFile());
        String killed = "00000000000000aa";
        rec.put("id", killed).put("state", "running").put("progress", 0.4).put("message", "training 4/10").putNull("finishedAt");
        Files.writeString(jobs.resolve(killed + ".json"), rec.toString());
        String orphan = "00000000000000dd"; // queued for a session that is gone: nothing to run it on
        rec.put("id", orphan).put("session", "00000000000000ee").put("state", "queued").put("progress", 0).putNull("startedAt");
        Files.writeString(jobs.resolve(orphan + ".json"), rec.toString());
        Files.writeString(jobs.resolve(".tmp-0000000000000bb.json123"), "{\"id\":\"0000");
        Path work = Files.createDirectories(dataDir.resolve("sessions").resolve(id).resolve("work").resolve(killed));
        Files.write(work.resolve("fused.nii.gz"), new byte[] {31, (byte) 139, 8});
        Files.write(dataDir.resolve("tmp").resolve("upload-1.nii"), new byte[100]);
        Files.createDirectories(dataDir.resolve("sessions").resolve("0000000000000ccc")); // create cut short before its record

        start();
        JsonNode r = Api.json(api.get("/api/jobs/" + killed));
        assertThat(r.get("state").asText()).isEqualTo("failed");
        assertThat(r.get("message").asText()).isEqualTo("interrupted by server restart");
        assertThat(r.get("finishedAt").isNull()).isFalse();
        JsonNode o = Api.json(api.get("/api/jobs/" + orphan));
        assertThat(o.get("state").asText() + ": " + o.get("message").asText()).isEqualTo("failed: session 00000000000000ee was deleted");
        assertThat(api.getBytes("/api/sessions/" + id + "/results/fused").body()).isEqualTo(fused);
        assertThat(ids(api.get("/api/sessions"))).containsExactly(id);
        assertThat(Files.exists(work)).as("stale work directory").isFalse();
        try (var tmp = Files.list(dataDir.resolve("tmp"))) { assertThat(tmp).isEmpty(); }
        // the record on disk says failed too, so a second restart agrees
        assertThat(Api.JSON.readTree(jobs.resolve(killed + ".json").toFile()).get("state").asText()).isEqualTo("failed");
    }

    private static String jobId(String body) throws Exception { return Api.JSON.readTree(body).get("id").asText(); }

    private static java.util.List<String> ids(java.net.http.HttpResponse<String> r) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        Api.json(r).forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
