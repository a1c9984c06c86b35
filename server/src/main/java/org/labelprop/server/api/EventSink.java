// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.api;

import io.javalin.http.sse.SseClient;

/** Where an {@link EventStream} writes: one server-sent event connection. Writes may block on a slow client. */
interface EventSink {
    void event(String name, String data);

    void comment(String text);

    /** Whether the connection is gone (a write failed or it was closed). */
    boolean closed();

    void close();

    static EventSink of(SseClient client) {
        return new EventSink() {
            @Override public void event(String name, String data) { client.sendEvent(name, data, null); }

            @Override public void comment(String text) { client.sendComment(text); }

            @Override public boolean closed() { return client.terminated(); }

            @Override public void close() { client.close(); }
        };
    }
}
