// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.io.NiftiDataType;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;

/**
 * A small server: 256 MB heap and a 20 MiB file size limit ({@code ulimit -f}, standing in for a full disk). Gzip bombs
 * must be refused or admitted one at a time, never decoded into an OutOfMemoryError; a write that hits the limit is 507.
 */
@Tag("probe")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallHeapProbeTest {
    Path dir;
    ServeProcess server;
    ProbeApi api;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        server = ServeProcess.start(dir.resolve("data"), "256m", 20 * 1024);
        api = new ProbeApi(server.port);
    }

    @AfterAll
    void stop() throws Exception { server.close(); }

    @Test
    void aBombTooLargeForThisHeapIs413WithSizeAndLimit() throws Exception {
        byte[] bomb = ProbeData.bomb(dir, 1024, 1024, 192, NiftiDataType.FLOAT32); // 805 MB of voxels
        RawHttp.Response r = api.put("/api/sessions/" + api.createSession() + "/image", bomb);
        assertThat(r.status()).as(r.body()).isEqualTo(413);
        assertThat(r.body()).contains("768 MiB").contains("at most");
        assertThat(server.process.isAlive()).isTrue();
        Figures.report("gzip bomb, 256 MB heap", ProbeData.mib(bomb.length) + " -> 805 MB: " + r.status() + " in " + r.millis()
            + " ms (" + r.body().replaceAll("^\\{\"error\":\"|\"}$", "") + ")");
    }

    @Test
    void concurrentBombsThatFitAloneAreAdmittedOneByOneOrBusy() throws Exception {
        byte[] bomb = ProbeData.bomb(dir, 512, 512, 40, NiftiDataType.FLOAT32); // 40 MiB decoded each
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            String target = "/api/sessions/" + api.createSession() + "/image";
            answers.add(pool.submit(() -> api.put(target, bomb)));
        }
        TreeMap<Integer, Integer> statuses = new TreeMap<>();
        for (Future<RawHttp.Response> f : answers) {
            RawHttp.Response r = f.get();
            statuses.merge(r.status(), 1, Integer::sum);
            assertThat(r.status()).as(r.body()).isIn(200, 503);
            if (r.status() == 503) assertThat(r.header("Retry-After")).isNotNull();
        }
        pool.shutdown();
        assertThat(server.process.isAlive()).as("no OutOfMemoryError").isTrue();
        assertThat(server.output()).doesNotContain("OutOfMemoryError");
        Figures.report("8 concurrent 40 MiB bombs, 256 MB heap", "statuses " + statuses + " in " + Figures.millisSince(t0)
            + " ms, peak RSS " + server.peakRssMb() + " MiB, no OOM");
    }

    @Test
    void aFullDiskIs507AndLeavesNothingBehind() throws Exception {
        String id = api.createSession();
        byte[] big = new byte[30 << 20]; // beyond the 20 MiB file size limit
        RawHttp.Response r = api.put("/api/sessions/" + id + "/image", big);
        assertThat(r.status()).as(r.body()).isEqualTo(507);
        assertThat(r.body()).contains("disk is full").doesNotContain("IOException", "File too large");
        try (Stream<Path> tmp = Files.list(dir.resolve("data").resolve("tmp"))) {
            assertThat(tmp).as("temp files left").isEmpty();
        }
        assertThat(api.get("/api/health").status()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(dir, true)).status()).as("small uploads still work")
            .isEqualTo(200);
        Figures.report("full disk (ulimit -f 20 MiB)", "30 MiB upload: " + r.status() + " in " + r.millis() + " ms, tmp/ empty, "
            + "server up, next upload 200");
    }
}
