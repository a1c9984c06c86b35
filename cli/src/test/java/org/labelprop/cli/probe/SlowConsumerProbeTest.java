// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;

/**
 * Ten event-stream clients that never read (1 KiB receive buffers) follow a training job of 8 s: the job must not wait
 * for them, a reading client must see the end at once, and polling must stay responsive. The figure includes how much
 * the server had queued in the kernel for the slow clients (from {@code ss}): in 8 s the kernel takes all of it (tens
 * of kB), so this end-to-end probe does not by itself make a write block; that a blocked write never holds up the
 * publisher, and that such a client is dropped, is shown deterministically by the server's {@code EventStreamTest}.
 */
@Tag("probe")
class SlowConsumerProbeTest extends ServerProbe {
    private static final int SECONDS = 8;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        serve(tmp, "768m");
        api.put("/api/sessions/" + session + "/image", TestVolumes.imageBytes(dir, true));
        api.put("/api/sessions/" + session + "/labels", TestVolumes.labelBytes(dir, TestVolumes.GRID));
    }


    @Test
    void clientsThatDoNotReadDoNotDelayTheJob() throws Exception {
        String job = api.submit(session, "{\"type\":\"train\",\"training\":{\"seconds\":" + SECONDS + "},\"saveAs\":\"probe\"}");
        List<Socket> slow = new ArrayList<>();
        AtomicLong finalEventAt = new AtomicLong();
        Thread reader = new Thread(() -> follow(job, finalEventAt));
        try {
            for (int i = 0; i < 10; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(1024); // before connecting: a tiny TCP window, so the server's writes block
                s.connect(new InetSocketAddress("127.0.0.1", server.port), 5000);
                s.getOutputStream().write(RawHttp.head(server.port, "GET", "/api/jobs/" + job + "/events", -1, "Accept: text/event-stream"));
                s.getOutputStream().flush();
                slow.add(s);
            }
            reader.start();
            List<Long> polls = new ArrayList<>();
            long trainingSeen = 0, sendQueue = 0;
            JsonNode s;
            long end = System.nanoTime() + Duration.ofSeconds(SECONDS + 60).toNanos();
            do {
                RawHttp.Response r = api.get("/api/jobs/" + job);
                polls.add(r.millis());
                s = ProbeApi.json(r);
                if (trainingSeen == 0 && s.get("message").asText().startsWith("training")) trainingSeen = System.currentTimeMillis();
                sendQueue = Math.max(sendQueue, serverSendQueue());
                Thread.sleep(100);
            } while (!s.get("state").asText().matches("succeeded|failed|cancelled") && System.nanoTime() < end);
            reader.join(10_000);
            assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("succeeded");
            Instant started = Instant.parse(s.get("startedAt").asText()), finished = Instant.parse(s.get("finishedAt").asText());
            long runMs = Duration.between(started, finished).toMillis();
            // loading libtorch and the shipped checkpoint comes first and takes seconds; time the training and what follows
            long trainingMs = finished.toEpochMilli() - trainingSeen;
            long lagMs = finalEventAt.get() == 0 ? -1 : finalEventAt.get() - finished.toEpochMilli();
            Collections.sort(polls);
            long p90 = polls.get((int) (polls.size() * 0.9)), max = polls.get(polls.size() - 1);
            Figures.report("slow SSE consumers (10, never read)", "train job (training.seconds " + SECONDS + ") ran " + runMs + " ms, " + trainingMs
                + " ms from the first 'training' status to its end; reading client got"
                + " the final event " + lagMs + " ms after it ended; polls n=" + polls.size() + " p90 " + p90 + " ms, max " + max + " ms; "
                + server.output().lines().filter(l -> l.contains("event stream dropped")).count() + " slow streams dropped; server send queue"
                + " per slow client up to " + sendQueue / 1024 + " KiB");
            assertThat(trainingMs).as("training to end (ms) with 10 stalled event clients; a blocked write waits 30 s")
                .isBetween(0L, (SECONDS + 6) * 1000L);
            assertThat(lagMs).as("final event delay for a reading client (ms)").isBetween(0L, 2000L);
            // training keeps both cores busy: polls are slower than when idle, but a blocked server would take seconds
            assertThat(p90).as("p90 poll latency (ms) while training").isLessThan(500);
        } finally {
            for (Socket s : slow) s.close();
        }
    }

    /** The largest Send-Q among the server's established connections (bytes the kernel holds for a client), or 0 without {@code ss}. */
    private long serverSendQueue() {
        try {
            Process p = new ProcessBuilder("ss", "-tnH", "state", "established", "( sport = :" + server.port + " )").start();
            long max = 0;
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 1 && f[1].matches("\\d+")) max = Math.max(max, Long.parseLong(f[1]));
            }
            p.waitFor();
            return max;
        } catch (java.io.IOException | InterruptedException e) {
            return 0;
        }
    }

    /** A well-behaved client: reads the stream and notes when the final status arrives. */
    private void follow(String job, AtomicLong finalEventAt) {
        try (Socket s = RawHttp.connect(server.port)) {
            s.setSoTimeout(120_000);
            s.getOutputStream().write(RawHttp.head(server.port, "GET", "/api/jobs/" + job + "/events", -1, "Accept: text/event-stream"));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data:") && line.contains("\"state\":\"succeeded\"")) {
                    finalEventAt.set(System.currentTimeMillis());
                    return;
                }
            }
        } catch (java.io.IOException e) {
            // the test's assertion on finalEventAt reports it
        }
    }
}
