// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.labelprop.io.Nifti;
import org.labelprop.server.store.AtomicFiles;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;

/**
 * Bounded load test, not part of {@code mvn test} (tag "load", excluded by default): N concurrent clients each create a
 * session, upload a ~10 MB NIfTI volume and poll the session status M times; prints latency percentiles, errors and the
 * server's heap, and fails on any error, a poll p95 over {@value #MAX_POLL_P95_MS} ms or any request over
 * {@value #MAX_REQUEST_MS} ms. Run: {@code mvn -o -pl server -am test -Dtest=LoadTest -Dload.excluded=none -Dsurefire.failIfNoSpecifiedTests=false}
 * or call {@link #main} with optional arguments {@code clients polls}.
 */
@Tag("load")
class LoadTest {
    /** Bounds that a stalled or serialised server would break (measured: p95 about 150 ms, slowest upload about 16 s). */
    static final double MAX_POLL_P95_MS = 1000, MAX_REQUEST_MS = 60_000;

    @Test
    void fiftyClientsUploadAndPoll() throws Exception { main(new String[0]); }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int polls = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path data = Files.createTempDirectory("labelprop-load");
        Path volume = data.resolve("volume.nii");
        Grid grid = Grid.of(new Shape3(160, 160, 100), new Spacing(1, 1, 2));
        Nifti.writeVolume(volume, TestVolumes.image(grid));
        byte[] body = Files.readAllBytes(volume);
        Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        AtomicLong peakHeap = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try { Thread.sleep(20); } catch (InterruptedException e) { return; }
            }
        });
        try (LabelPropServer server = LabelPropServer.start(ServerConfig.defaults().withPort(0).withDataDir(data.resolve("store")))) {
            String base = "http://127.0.0.1:" + server.port();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Thread t = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                    try {
                        go.await();
                        HttpResponse<String> r = timed(latencies, "create", http, HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
                        String id = Api.JSON.readTree(r.body()).get("id").asText();
                        check(r, 201, errors, errorSamples);
                        check(timed(latencies, "upload 10 MB", http, HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/image"))
                            .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body))), 200, errors, errorSamples);
                        for (int i = 0; i < polls; i++)
                            check(timed(latencies, "poll status", http, HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id)).GET()),
                                200, errors, errorSamples);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        errorSamples.add(e.toString());
                    }
                });
                threads.add(t);
                t.start();
            }
            sampler.start();
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread t : threads) t.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.interrupt();
            System.gc();
            long after = memory.getHeapMemoryUsage().getUsed();
            System.out.printf("load test: %d clients, %d B volume, %d polls each, wall time %.1f s%n", clients, body.length, polls, seconds);
            for (String op : List.of("create", "upload 10 MB", "poll status")) {
                List<Long> l = new ArrayList<>(latencies.getOrDefault(op, new ConcurrentLinkedQueue<>()));
                Collections.sort(l);
                System.out.printf("  %-13s n=%5d  p50=%8.1f ms  p95=%8.1f ms  max=%8.1f ms%n", op, l.size(), pct(l, 50), pct(l, 95),
                    l.isEmpty() ? 0 : l.get(l.size() - 1) / 1e6);
            }
            System.out.printf("  errors=%d %s%n", errors.get(), errorSamples.stream().limit(3).toList());
            System.out.printf("  heap (server and clients share this JVM): peak used %d MB, after GC %d MB, max %d MB%n",
                peakHeap.get() >> 20, after >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
            if (errors.get() != 0) throw new AssertionError(errors.get() + " errors, e.g. " + errorSamples.stream().limit(3).toList());
            List<Long> pollTimes = new ArrayList<>(latencies.get("poll status"));
            Collections.sort(pollTimes);
            if (pct(pollTimes, 95) > MAX_POLL_P95_MS) throw new AssertionError("poll p95 " + pct(pollTimes, 95) + " ms > " + MAX_POLL_P95_MS + " ms");
            for (var e : latencies.entrySet())
                for (long nanos : e.getValue())
                    if (nanos / 1e6 > MAX_REQUEST_MS) throw new AssertionError(e.getKey() + " took " + nanos / 1_000_000 + " ms > " + MAX_REQUEST_MS);
        } finally {
            AtomicFiles.deleteTree(data);
        }
    }

    private static HttpResponse<String> timed(Map<String, ConcurrentLinkedQueue<Long>> lat, String op, HttpClient http,
                                              HttpRequest.Builder b) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
        lat.computeIfAbsent(op, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - t);
        return r;
    }

    private static void check(HttpResponse<String> r, int expected, AtomicInteger errors, ConcurrentLinkedQueue<String> samples) {
        if (r.statusCode() != expected) {
            errors.incrementAndGet();
            samples.add(r.statusCode() + " " + r.body());
        }
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
