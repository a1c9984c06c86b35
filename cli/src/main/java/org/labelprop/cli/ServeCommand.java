// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.labelprop.server.LabelPropServer;
import org.labelprop.server.ServerConfig;
import org.labelprop.server.napari.NapariConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labelprop serve}: the REST server for training and propagation jobs, with the browser UI at {@code /}. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs the REST server (training and propagation jobs, sessions, results) and the browser annotation UI "
        + "at http://HOST:PORT/. Stop it with Ctrl-C; sessions, results and job records persist in the data folder."})
class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = {"--host", "-a", "--addr"}, defaultValue = "127.0.0.1", description = "Interface to listen on. "
        + "Default: ${DEFAULT-VALUE}. Any other than loopback needs a token.")
    String host;

    @Option(names = {"--port", "-p"}, defaultValue = "6000", description = "TCP port (0 = any free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", description = "Where sessions, results, jobs and checkpoints live. Default: ~/.labelprop/server.")
    Path dataDir;

    @Option(names = "--token", description = "Bearer token every /api call (but health) must carry. Default: $LABELPROP_TOKEN.")
    String token;

    @Option(names = "--workers", defaultValue = "1", description = "Jobs run at once. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue", defaultValue = "16", description = "Jobs that may wait; more get HTTP 429. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--max-upload", defaultValue = "2G", description = "Largest accepted upload, e.g. 512M, 2G. Default: ${DEFAULT-VALUE}.")
    String maxUpload;

    @Option(names = "--max-voxels", description = "Largest volume (voxels) an upload or job may decode; larger get HTTP 413. "
        + "Default: ${DEFAULT-VALUE} (e.g. 1024x1024x256).", defaultValue = "268435456")
    long maxVoxels;

    @Option(names = "--allowed-host", paramLabel = "NAME", description = "A host name the server may be reached by, besides "
        + "localhost, IP addresses and --host (e.g. behind a reverse proxy). Other names in the Host header get HTTP 421 "
        + "(DNS rebinding). Repeatable.")
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Web origin of a remote UI allowed to call the API "
        + "(CORS), e.g. https://ui.example.org. Requests from other sites get HTTP 403. Repeatable.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--idle-timeout", defaultValue = "30", paramLabel = "SECONDS", description = "Seconds a connection may stay "
        + "silent (e.g. a stalled upload) before it is closed. Default: ${DEFAULT-VALUE}.")
    int idleTimeoutSeconds;

    @Option(names = "--napari-compat", description = "Also serve the original LabelProp's HTTP API at the root, for the "
        + "napari-labelprop-remote plugin (no token: requests must name this machine as localhost or an --allowed-host).")
    boolean napariCompat;

    @Option(names = "--napari-timeout", paramLabel = "SECONDS", defaultValue = "3600", description = "A napari job not finished "
        + "this long after its request ends failed. Default: ${DEFAULT-VALUE}.")
    long napariTimeout;

    /** Whether the napari-compatible API is on. */
    boolean napariCompat() { return napariCompat; }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig cfg = ServerConfig.defaults().withHost(host).withPort(port).withToken(token).withWorkers(workers)
            .withQueueCapacity(queue).withMaxUploadBytes(ServerConfig.parseSize(maxUpload)).withMaxVoxels(maxVoxels)
            .withAllowedHosts(allowedHosts).withAllowedOrigins(allowedOrigins)
            .withIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds)).withEnvironmentToken();
        if (dataDir != null) cfg = cfg.withDataDir(dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        NapariConfig napari = NapariConfig.off().withEnabled(napariCompat()).withAllowedHosts(new java.util.HashSet<>(allowedHosts))
            .withTimeoutSeconds(napariTimeout);
        try (LabelPropServer server = LabelPropServer.start(cfg, napari)) {
            String shown = host.contains(":") ? "[" + host + "]" : host;
            out.printf("labelprop server %s listening on http://%s:%d/ (data in %s%s)%n", LabelPropServer.version(), shown,
                server.port(), cfg.dataDir(), cfg.token() != null ? ", token required" : "");
            if (napari.enabled())
                out.printf("napari-labelprop-remote: set host %s and port %d in its Configuration widget%n", host, server.port());
            out.println("open http://" + shown + ":" + server.port() + "/ in a browser; Ctrl-C stops the server");
            if (cfg.allowedHosts().isEmpty() && !host.matches("127\\.0\\.0\\.1|localhost|::1"))
                out.println("other machines must reach it by IP address (or as " + shown + "); add --allowed-host NAME to allow a host"
                    + " name (other names get HTTP 421: DNS-rebinding protection)");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> { server.stop(); stopped.countDown(); }, "labelprop-shutdown"));
            stopped.await();
        }
        return ExitCodes.OK;
    }
}
