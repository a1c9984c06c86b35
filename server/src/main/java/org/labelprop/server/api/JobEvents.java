// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import org.labelprop.server.json.Json;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobStatus;
import org.labelprop.server.limits.ServerBusyException;

/**
 * {@code GET /api/jobs/{jobId}/events}: job status as server-sent events. The job worker only queues events
 * ({@link EventStream}); sender threads write them, so a client that does not read never delays a job.
 */
public final class JobEvents implements AutoCloseable {
    /** Event streams open at once; each may hold a sender thread while its client is slow. */
    static final int MAX_STREAMS = 256;
    private final JobManager jobs;
    private final long heartbeatSeconds;
    private final AtomicInteger openStreams = new AtomicInteger();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("labelprop-sse-heartbeat"));
    private final ExecutorService sender = Executors.newCachedThreadPool(daemon("labelprop-sse-sender"));

    /**
     * @param idleTimeout the server's idle timeout: a comment line goes out at half this interval (at most every 15 s), so
     *                    that idle event streams stay open through it and through proxies
     */
    public JobEvents(JobManager jobs, Duration idleTimeout) {
        this.jobs = jobs;
        this.heartbeatSeconds = Math.max(1, Math.min(15, idleTimeout.toSeconds() / 2));
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * GET events: a "status" server-sent event on every change, ending after the final state; 503 when
     * {@value #MAX_STREAMS} streams are open. Events go through a bounded per-client queue ({@link EventStream}).
     */
    public void handle(Context ctx) throws Exception {
        String id = ctx.pathParam("jobId");
        jobs.status(id);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.trim().equals("text/event-stream"))
            throw new ApiException(406, "this is a server-sent event stream: send 'Accept: text/event-stream'");
        if (openStreams.incrementAndGet() > MAX_STREAMS) {
            openStreams.decrementAndGet();
            throw new ServerBusyException("the server is busy: " + MAX_STREAMS + " event streams are open; poll GET /api/jobs/" + id
                + " or retry later", 5);
        }
        boolean started = false;
        try {
            new SseHandler(client -> stream(client, id)).handle(ctx);
            started = true;
        } finally {
            if (!started) openStreams.decrementAndGet();
        }
    }

    private void stream(SseClient client, String id) {
        client.keepAlive();
        AtomicReference<Runnable> unsubscribe = new AtomicReference<>(() -> { });
        AtomicReference<ScheduledFuture<?>> beat = new AtomicReference<>();
        AtomicBoolean over = new AtomicBoolean();
        Runnable cleanup = () -> {
            if (!over.compareAndSet(false, true)) return;
            unsubscribe.get().run();
            ScheduledFuture<?> b = beat.get();
            if (b != null) b.cancel(false);
            openStreams.decrementAndGet();
        };
        EventStream stream = new EventStream(EventSink.of(client), sender, cleanup);
        client.onClose(cleanup);
        unsubscribe.set(jobs.subscribe(id, s -> {
            if (!stream.offer(status(s))) throw new IllegalStateException("event stream ended"); // JobManager drops this listener
        }));
        beat.set(heartbeat.scheduleAtFixedRate(() -> stream.offer(new EventStream.Item(null, "heartbeat", false)),
            heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS));
        if (over.get()) { // ended while being set up: undo what the cleanup could not see yet
            unsubscribe.get().run();
            beat.get().cancel(false);
        }
        stream.offer(status(jobs.status(id)));
    }

    /** Stops the heartbeat and sender threads. */
    @Override public void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
    }

    private static EventStream.Item status(JobStatus s) {
        try {
            return new EventStream.Item("status", Json.shared().writeValueAsString(s), s.state().isFinal());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
