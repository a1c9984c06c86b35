// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;

/**
 * {@code kill -9} during an upload, then during a job, each followed by a restart on the same data directory: the
 * directory lock is free again, sessions and stored volumes are intact, the partial upload and the job's work are gone,
 * the job is reported failed, and files the server did not make (a user's {@code tmp/notes.txt}) are kept.
 */
@Tag("probe")
class CrashProbeTest {
    @TempDir Path dir;

    @Test
    void killDuringUploadAndDuringJobThenRestart() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("tmp"));
        Files.writeString(data.resolve("tmp").resolve("notes.txt"), "mine");
        Files.writeString(data.resolve("tmp").resolve("upload-draft.txt"), "mine too");
        byte[] labels = TestVolumes.labelBytes(dir, TestVolumes.GRID);
        String session;
        String figures;

        ServeProcess first = ServeProcess.start(data, "384m", 0);
        try {
            ProbeApi api = new ProbeApi(first.port);
            session = api.createSession();
            api.put("/api/sessions/" + session + "/image", TestVolumes.imageBytes(dir, true));
            assertThat(api.put("/api/sessions/" + session + "/labels", labels).status()).isEqualTo(200);
            try (Socket s = RawHttp.connect(first.port)) {
                s.getOutputStream().write(RawHttp.head(first.port, "PUT", "/api/sessions/" + session + "/labels", 10_000_000,
                    "Content-Type: application/octet-stream"));
                s.getOutputStream().write(new byte[3_000_000]);
                s.getOutputStream().flush();
                Thread.sleep(500);
                long partial = ownTempFiles(data);
                assertThat(partial).as("the upload in progress").isEqualTo(1);
                first.kill9();
                figures = "kill -9 during a 10 MB upload (" + partial + " partial temp file)";
            }
        } finally {
            first.close();
        }

        ServeProcess second = ServeProcess.start(data, "384m", 0);
        String job;
        try {
            ProbeApi api = new ProbeApi(second.port);
            JsonNode s = ProbeApi.json(api.get("/api/sessions/" + session));
            assertThat(s.get("labels").toString()).isEqualTo("[1,2]");
            RawHttp.Response stored = api.get("/api/sessions/" + session + "/labels");
            assertThat(stored.status()).isEqualTo(200);
            assertThat(ownTempFiles(data)).as("partial upload removed at restart").isZero();
            assertThat(userFiles(data)).as("files the server did not make").isEqualTo(2);
            job = api.submit(session, "{\"type\":\"train\",\"training\":{\"seconds\":60},\"saveAs\":\"crash\"}");
            JsonNode running = api.job(job);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!running.get("state").asText().equals("running") && System.nanoTime() < end) {
                Thread.sleep(20);
                running = api.job(job);
            }
            assertThat(running.get("state").asText()).isEqualTo("running");
            Thread.sleep(300);
            second.kill9();
            figures += "; restart: labels intact (" + stored.body().length() + " chars served), partial upload gone, user files kept; "
                + "kill -9 during job (running: '" + running.get("message").asText() + "')";
        } finally {
            second.close();
        }

        ServeProcess third = ServeProcess.start(data, "384m", 0);
        try {
            ProbeApi api = new ProbeApi(third.port);
            JsonNode j = api.job(job);
            assertThat(j.get("state").asText()).isEqualTo("failed");
            assertThat(j.get("message").asText()).isEqualTo("interrupted by server restart");
            assertThat(Files.exists(data.resolve("checkpoints").resolve("crash"))).as("no checkpoint from the killed job").isFalse();
            assertThat(Files.exists(data.resolve("sessions").resolve(session).resolve("work"))).as("work removed").isFalse();
            JsonNode after = api.awaitJob(api.submit(session, "{\"type\":\"propagate\",\"method\":\"shape\"}"), Duration.ofSeconds(60));
            assertThat(after.get("state").asText()).as(after.toString()).isEqualTo("succeeded");
            assertThat(userFiles(data)).isEqualTo(2);
            Figures.report("kill -9 during upload and job", figures + "; restart: job " + j.get("state").asText() + " ('"
                + j.get("message").asText() + "'), no checkpoint, work gone, next job " + after.get("state").asText());
        } finally {
            third.close();
        }
    }

    private static long ownTempFiles(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("tmp"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("upload-") && !p.getFileName().toString().endsWith(".txt")).count();
        }
    }

    private static long userFiles(Path data) throws Exception {
        try (Stream<Path> s = Files.list(data.resolve("tmp"))) {
            return s.filter(p -> Arrays.asList("notes.txt", "upload-draft.txt").contains(p.getFileName().toString())).count();
        }
    }
}
