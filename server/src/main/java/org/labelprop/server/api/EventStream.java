// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One client's server-sent event stream behind a bounded queue: {@link #offer} never blocks (the job worker calls it),
 * a sender thread writes the queue out. A client that does not read fills its socket, then its queue; it is then
 * dropped (queue discarded, stream closed once the pending write ends, at the latest by the server's idle timeout)
 * instead of being waited for.
 */
final class EventStream {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventStream.class);
    /** Events that may wait for one client; status events come at most 10 a second. */
    static final int CAPACITY = 64;
    private final EventSink client;
    private final Executor sender;
    private final Runnable onEnd;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean ended;

    /** An event ({@code name} non-null) or a comment; {@code last} closes the stream after it. */
    record Item(String name, String data, boolean last) { }

    /** @param onEnd runs once when the stream ends (finished, dropped or closed by the client) */
    EventStream(EventSink client, Executor sender, Runnable onEnd) {
        this.client = client;
        this.sender = sender;
        this.onEnd = onEnd;
    }

    /** Queues an item without waiting; false when the stream has ended (or ends now because the queue is full). */
    boolean offer(Item item) {
        synchronized (this) {
            if (ended) return false;
            if (queue.size() >= CAPACITY) {
                queue.clear();
                ended = true; // dropped: the client does not read
                LOG.info("event stream dropped: its client left {} events unread", CAPACITY);
            } else {
                queue.addLast(item);
            }
            if (draining) return !ended;
            draining = true;
        }
        sender.execute(this::drain);
        return true;
    }

    /** Whether the stream has ended (finished, dropped, or its client went away). */
    synchronized boolean ended() { return ended; }

    private void drain() {
        while (true) {
            Item next;
            synchronized (this) {
                next = ended ? null : queue.pollFirst();
                if (next == null) {
                    draining = false;
                    if (!ended) return;
                }
            }
            if (next == null || !write(next)) {
                finish();
                return;
            }
        }
    }

    /** Writes one item (may block on a slow client: only this sender thread waits); false when the stream is over. */
    private boolean write(Item item) {
        if (client.closed()) return false;
        if (item.name() == null) client.comment(item.data());
        else client.event(item.name(), item.data());
        return !item.last() && !client.closed();
    }

    private void finish() {
        synchronized (this) {
            ended = true;
            queue.clear();
            draining = false;
        }
        try {
            client.close();
        } finally {
            onEnd.run();
        }
    }
}
