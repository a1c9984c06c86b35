// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;
import org.labelprop.server.limits.UploadSlots;

/**
 * 300 uploads that send 100 bytes and then nothing: most are refused at once (upload slots), the rest are cut off by the
 * idle timeout (10 s here), and meanwhile health and job polling answer in under 100 ms (p90 of 20 each).
 */
@Tag("probe")
class StallProbeTest extends ServerProbe {
    String job;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        serve(tmp, "512m", "--idle-timeout", "10");
        api.put("/api/sessions/" + session + "/image", TestVolumes.imageBytes(dir, true));
        api.put("/api/sessions/" + session + "/labels", TestVolumes.labelBytes(dir, TestVolumes.GRID));
        job = api.submit(session, "{\"type\":\"propagate\",\"method\":\"shape\"}");
    }


    @Test
    void threeHundredStalledUploadsLeaveTheServerResponsive() throws Exception {
        long threads0 = server.threads();
        List<Socket> stalled = new ArrayList<>();
        long opening = System.nanoTime();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = RawHttp.connect(server.port);
                s.getOutputStream().write(RawHttp.head(server.port, "PUT", "/api/sessions/" + session + "/hints", 10_000_000,
                    "Content-Type: application/octet-stream"));
                s.getOutputStream().write(new byte[100]);
                s.getOutputStream().flush();
                stalled.add(s);
            }
            long openMs = Figures.millisSince(opening);
            // the refusals first (236 answers at once; on a busy machine they take a moment), then the steady state:
            // 64 uploads hold their slots and threads, and the server must still answer everything else at once
            TreeMap<Integer, Integer> early = answers(stalled, 300 - UploadSlots.DEFAULT, 5000);
            List<Long> health = new ArrayList<>(), polls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                RawHttp.Response h = api.get("/api/health"), p = api.get("/api/jobs/" + job);
                assertThat(h.status()).isEqualTo(200);
                assertThat(p.status()).isEqualTo(200);
                health.add(h.millis());
                polls.add(p.millis());
            }
            long threads = server.threads();
            Collections.sort(health);
            Collections.sort(polls);
            long t0 = System.nanoTime();
            TreeMap<Integer, Integer> late = answers(stalled, UploadSlots.DEFAULT, 20_000);
            long cutMs = Figures.millisSince(t0);
            RawHttp.Response after = api.put("/api/sessions/" + session + "/hints", TestVolumes.labelBytes(dir, TestVolumes.GRID));
            Figures.report("300 stalled uploads", "opened in " + openMs + " ms; at once " + early + ", after idle timeout " + late + " within " + cutMs + " ms; health p50/p90/max "
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

    /**
     * Collects the answers that arrive on the still-open connections (status, or -1 when closed without one) until
     * {@code wanted} have arrived or {@code waitMs} have passed; answered connections are closed.
     */
    private static TreeMap<Integer, Integer> answers(List<Socket> sockets, int wanted, int waitMs) throws Exception {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        long end = System.currentTimeMillis() + waitMs;
        int got = 0;
        while (got < wanted && System.currentTimeMillis() < end) {
            for (Socket s : sockets) {
                if (s.isClosed()) continue;
                int status;
                try {
                    if (s.getInputStream().available() == 0) {
                        s.setSoTimeout(1);
                        try {
                            int b = s.getInputStream().read(); // detects a closed connection, which available() does not
                            if (b >= 0) throw new IOException("unexpected byte before the status line");
                            status = -1;
                        } catch (SocketTimeoutException e) {
                            continue;
                        }
                    } else {
                        byte[] head = s.getInputStream().readNBytes(12);
                        status = head.length < 12 ? -1 : Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    status = -1;
                }
                out.merge(status, 1, Integer::sum);
                s.close();
                got++;
            }
            Thread.sleep(20);
        }
        return out;
    }
}
