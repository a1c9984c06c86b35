// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import org.labelprop.server.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import org.labelprop.server.jobs.DefaultRunners;
import org.labelprop.server.jobs.JobRunners;

/** Base class: a real server on an ephemeral loopback port with its data in a temp dir, stopped after each test. */
abstract class ServerFixture {
    @TempDir Path dataDir;
    @TempDir Path scratch;
    LabelPropServer server;
    Api api;

    ServerConfig config() {
        return ServerConfig.defaults().withPort(0).withDataDir(dataDir).withMaxUploadBytes(1 << 20);
    }

    JobRunners runners() { return DefaultRunners.create(0).register("test-loop", new LoopRunner()); }

    void start() throws IOException { start(config()); }

    void start(ServerConfig c) throws IOException {
        server = LabelPropServer.start(c, runners());
        api = new Api(server.port());
        api.token = c.token();
    }

    @AfterEach
    void stopServer() {
        if (server != null) server.stop();
    }
}
