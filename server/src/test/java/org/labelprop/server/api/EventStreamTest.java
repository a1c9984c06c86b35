// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The publisher never waits for a client: events queue, a sender writes them, a client that stops reading is dropped. */
class EventStreamTest {
    private final ExecutorService sender = Executors.newCachedThreadPool();

    /** Records writes; with {@code stuck} set, every write blocks until it is released (a client that does not read). */
    private static final class Sink implements EventSink {
        final List<String> written = new CopyOnWriteArrayList<>();
        final CountDownLatch stuck;
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger closes = new AtomicInteger();

        Sink(boolean stuck) { this.stuck = new CountDownLatch(stuck ? 1 : 0); }

        @Override public void event(String name, String data) {
            entered.countDown();
            try {
                stuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(name + ":" + data);
        }

        @Override public void comment(String text) { written.add(":" + text); }

        @Override public boolean closed() { return closes.get() > 0; }

        @Override public void close() { closes.incrementAndGet(); }
    }

    @AfterEach
    void stop() { sender.shutdownNow(); }

    @Test
    void eventsArriveInOrderAndTheLastClosesTheStream() throws Exception {
        Sink sink = new Sink(false);
        CountDownLatch ended = new CountDownLatch(1);
        EventStream s = new EventStream(sink, sender, ended::countDown);
        for (int i = 0; i < 5; i++) assertThat(s.offer(new EventStream.Item("status", "" + i, false))).isTrue();
        s.offer(new EventStream.Item(null, "heartbeat", false));
        s.offer(new EventStream.Item("status", "done", true));
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.written).containsExactly("status:0", "status:1", "status:2", "status:3", "status:4", ":heartbeat", "status:done");
        assertThat(sink.closes.get()).isEqualTo(1);
        assertThat(s.offer(new EventStream.Item("status", "late", false))).isFalse();
    }

    @Test
    void aClientThatDoesNotReadNeverBlocksThePublisherAndIsDropped() throws Exception {
        Sink sink = new Sink(true);
        CountDownLatch ended = new CountDownLatch(1);
        EventStream s = new EventStream(sink, sender, ended::countDown);
        assertThat(s.offer(new EventStream.Item("status", "first", false))).isTrue();
        assertThat(sink.entered.await(5, TimeUnit.SECONDS)).as("the sender is now stuck writing").isTrue();
        long t0 = System.nanoTime();
        int accepted = 1;
        for (int i = 0; i < 10_000; i++) if (s.offer(new EventStream.Item("status", "" + i, false))) accepted++;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("10000 offers to a stuck client (ms)").isLessThan(500);
        assertThat(accepted).as("queued before the drop").isEqualTo(EventStream.CAPACITY + 1);
        assertThat(s.ended()).isTrue();
        assertThat(ended.getCount()).as("still writing the first event").isEqualTo(1);
        sink.stuck.countDown(); // the pending write ends (in a server: the idle timeout)
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(sink.written).as("the queue was discarded").hasSize(1);
        assertThat(sink.closes.get()).isEqualTo(1);
    }
}
