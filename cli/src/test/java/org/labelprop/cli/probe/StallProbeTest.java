// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;

/**
 * 300 uploads that send 100 bytes and then nothing: most are refused at once (upload slots), the rest are cut off by the
 * idle timeout (5 s here), and all the while health and job polling answer in under 100 ms.
 */
@Tag("probe")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StallProbeTest {
    Path dir;
    ServeProcess server;
    ProbeApi api;
    String session;
    String job;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        server = ServeProcess.start(dir.resolve("data"), "512m", 0, "--idle-timeout", "5");
        api = new ProbeApi(server.port);
        session = api.createSession();
        api.put("/api/sessions/" + session + "/image", TestVolumes.imageBytes(dir, true));
        api.put("/api/sessions/" + session + "/labels", TestVolumes.labelBytes(dir, TestVolumes.GRID));
        job = api.submit(session, "{\"type\":\"interpolate\"}");
    }

    @AfterAll
    void stop() throws Exception { server.close(); }

    @Test
    void threeHundredStalledUploadsLeaveTheServerResponsive() throws Exception {
        long threads0 = server.threads();
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = RawHttp.connect(server.port);
                s.getOutputStream().write(RawHttp.head(server.port, "PUT", "/api/sessions/" + session + "/hints", 10_000_000,
                    "Content-Type: application/octet-stream"));
                s.getOutputStream().write(new byte[100]);
                s.getOutputStream().flush();
                stalled.add(s);
            }
            Thread.sleep(500);
            List<Long> health = new ArrayList<>(), polls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RawHttp.Response h = api.get("/api/health"), p = api.get("/api/jobs/" + job);
                assertThat(h.status()).isEqualTo(200);
                assertThat(p.status()).isEqualTo(200);
                health.add(h.millis());
                polls.add(p.millis());
            }
            long threads = server.threads();
            TreeMap<Integer, Integer> early = answers(stalled, 2000);
            Collections.sort(health);
            Collections.sort(polls);
            long t0 = System.nanoTime();
            TreeMap<Integer, Integer> late = answers(stalled, 15_000);
            long cutMs = Figures.millisSince(t0);
            RawHttp.Response after = api.put("/api/sessions/" + session + "/hints", TestVolumes.labelBytes(dir, TestVolumes.GRID));
            Figures.report("300 stalled uploads", "at once " + early + ", after idle timeout " + late + " within " + cutMs + " ms; health p50/p90/max "
                + health.get(10) + "/" + health.get(17) + "/" + health.get(19) + " ms, job poll " + polls.get(10) + "/" + polls.get(17) + "/"
                + polls.get(19) + " ms; threads " + threads0 + " -> " + threads + " -> " + server.threads() + "; next upload " + after.status());
            assertThat(health.get(17)).as("p90 health latency, ms").isLessThan(100);
            assertThat(polls.get(17)).as("p90 job poll latency, ms").isLessThan(100);
            assertThat(early.getOrDefault(503, 0)).as("refused at once (no upload slot)").isGreaterThanOrEqualTo(200);
            assertThat(late.keySet()).as("held uploads end with 408 (idle timeout) or a closed connection (-1)").isSubsetOf(408, -1);
            assertThat(after.status()).as(after.body()).isEqualTo(200);
            try (Stream<Path> tmp = Files.list(dir.resolve("data").resolve("tmp"))) {
                assertThat(tmp).as("temp files of cut uploads").isEmpty();
            }
        } finally {
            for (Socket s : stalled) s.close();
        }
    }

    /** Reads what each still-open connection has been answered within {@code waitMs} (status, or -1 when closed without one). */
    private static TreeMap<Integer, Integer> answers(List<Socket> sockets, int waitMs) throws IOException {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        long end = System.currentTimeMillis() + waitMs;
        for (Socket s : sockets) {
            if (s.isClosed()) continue;
            s.setSoTimeout((int) Math.max(1, end - System.currentTimeMillis()));
            try {
                InputStream in = s.getInputStream();
                byte[] head = in.readNBytes(12);
                int status = head.length < 12 ? -1 : Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
                out.merge(status, 1, Integer::sum);
                s.close();
            } catch (SocketTimeoutException e) {
                // still held: answered later
            } catch (IOException e) {
                out.merge(-1, 1, Integer::sum);
                s.close();
            }
        }
        return out;
    }
}
