// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.io.NiftiDataType;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;

/**
 * Memory amplification under a 1.5 GB heap: ten concurrent 4 GB gzip bombs, a tampered gzip trailer, a 900 MB and a
 * 200 MB checkpoint upload; then an ordinary job must still succeed. The voxel limit is raised so that the bombs reach
 * the memory admission instead of stopping at the voxel count.
 */
@Tag("probe")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemoryProbeTest extends ServerProbe {
    private static final long MIB = 1 << 20;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        serve(tmp, "1536m", "--max-voxels", "2000000000");
        assertThat(api.put("/api/sessions/" + session + "/image", TestVolumes.imageBytes(dir, true)).status()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + session + "/labels", TestVolumes.labelBytes(dir, TestVolumes.GRID)).status()).isEqualTo(200);
    }


    @Test @Order(1)
    void tenConcurrentFourGigabyteBombsAreRefusedWithoutOom() throws Exception {
        byte[] bomb = ProbeData.bomb(dir, 1024, 1024, 1024, NiftiDataType.FLOAT32); // 4 GiB of voxels, 4 GiB as floats
        String target = "/api/sessions/" + api.createSession() + "/image";
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) answers.add(pool.submit(() -> api.put(target, bomb)));
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (Future<RawHttp.Response> f : answers) {
            RawHttp.Response r = f.get();
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.status()).as(r.body()).isIn(413, 503);
            if (r.status() == 413) assertThat(r.body()).contains("MiB");
        }
        pool.shutdown();
        long ms = Figures.millisSince(t0);
        assertThat(server.process.isAlive()).as("no OutOfMemoryError (the server runs with -XX:+ExitOnOutOfMemoryError)").isTrue();
        assertThat(server.output()).doesNotContain("OutOfMemoryError");
        long peak = server.peakRssMb();
        assertThat(peak).as("peak RSS (MiB)").isLessThan(1536);
        Figures.report("10 concurrent 4 GB bombs, 1.5 GB heap", "statuses " + statuses + ", " + ProbeData.mib(bomb.length)
            + " each, all answered in " + ms + " ms, peak RSS " + peak + " MiB, no OOM");
    }

    @Test @Order(2)
    void aTamperedGzipTrailerIs422() throws Exception {
        byte[] good = TestVolumes.imageBytes(dir, true);
        String other = api.createSession();
        RawHttp.Response r = api.put("/api/sessions/" + other + "/image", ProbeData.withBadCrc(good));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("CRC").doesNotContain("/tmp", "upload-");
        Figures.report("gzip CRC trailer tampered", r.status() + " " + r.body().substring(0, Math.min(90, r.body().length())) + "...");
    }

    @Test @Order(3)
    void hugeCheckpointUploadsAreStreamedOrRefusedNotHeld() throws Exception {
        long rss0 = server.rssMb();
        long t0 = System.nanoTime();
        RawHttp.Response big = stream("/api/checkpoints/big", 900 * MIB, true);
        long bigMs = Figures.millisSince(t0);
        assertThat(big.status()).as(big.body()).isEqualTo(413);
        t0 = System.nanoTime();
        RawHttp.Response corrupt = stream("/api/checkpoints/corrupt", 200 * MIB, false);
        long corruptMs = Figures.millisSince(t0);
        assertThat(corrupt.status()).as(corrupt.body()).isEqualTo(422);
        long rss1 = server.rssMb();
        assertThat(rss1 - rss0).as("RSS growth (MiB) from checkpoint uploads").isLessThan(150);
        assertThat(ProbeApi.json(api.get("/api/checkpoints")).size()).isZero();
        Figures.report("900 MB / 200 MB checkpoint uploads", "900 MB: " + big.status() + " in " + bigMs + " ms; 200 MB corrupt: "
            + corrupt.status() + " in " + corruptMs + " ms (" + corrupt.body().substring(0, Math.min(70, corrupt.body().length()))
            + "...); RSS " + rss0 + " -> " + rss1 + " MiB");
    }

    @Test @Order(4)
    void anOrdinaryJobSucceedsAfterwards() throws Exception {
        long t0 = System.nanoTime();
        JsonNode s = api.awaitJob(api.submit(session, "{\"type\":\"propagate\",\"method\":\"shape\"}"), Duration.ofSeconds(60));
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("succeeded");
        assertThat(api.get("/api/sessions/" + session + "/results/fused").status()).isEqualTo(200);
        Figures.report("normal job after the attacks", "shape propagation " + s.get("state").asText() + " in " + Figures.millisSince(t0)
            + " ms; RSS " + server.rssMb() + " MiB, peak " + server.peakRssMb() + " MiB");
    }

    /**
     * PUTs {@code bytes} of a checkpoint-looking body (magic, version, then zeros); with {@code declare} the size goes in
     * Content-Length and an answer that comes before the body (413 from the header alone) is read without sending it;
     * otherwise the body is sent chunked.
     */
    private RawHttp.Response stream(String path, long bytes, boolean declare) throws Exception {
        try (Socket s = RawHttp.connect(server.port)) {
            s.setSoTimeout(120_000);
            OutputStream out = s.getOutputStream();
            String[] headers = declare ? new String[] {"Content-Type: application/octet-stream"}
                : new String[] {"Content-Type: application/octet-stream", "Transfer-Encoding: chunked"};
            out.write(RawHttp.head(server.port, "PUT", path, declare ? bytes : -1, headers));
            out.flush();
            long until = System.nanoTime() + 3_000_000_000L;
            while (declare && System.nanoTime() < until) {
                if (s.getInputStream().available() > 0) return RawHttp.read(s.getInputStream(), System.nanoTime());
                Thread.sleep(10);
            }
            byte[] chunk = new byte[1 << 20];
            ByteBuffer.wrap(chunk).put("LPNNCKPT".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(0);
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                if (!declare) out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                if (!declare) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                if (sent == 0) java.util.Arrays.fill(chunk, (byte) 0);
            }
            if (!declare) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return RawHttp.read(s.getInputStream(), System.nanoTime());
        }
    }
}
