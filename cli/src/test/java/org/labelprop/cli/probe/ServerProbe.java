// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** A probe class against one {@code labelprop serve} process with one session, stopped after the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerProbe {
    Path dir;
    ServeProcess server;
    ProbeApi api;
    String session;

    /** Starts the server in {@code tmp}/data with {@code heap} and {@code args}, and creates a session. */
    void serve(Path tmp, String heap, String... args) throws Exception {
        dir = tmp;
        server = ServeProcess.start(dir.resolve("data"), heap, 0, args);
        api = new ProbeApi(server.port);
        session = api.createSession();
    }

    @AfterAll
    void stop() throws Exception { server.close(); }
}
