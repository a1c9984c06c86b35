// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.labelprop.server.api.ApiErrors;
import org.labelprop.server.api.Auth;
import org.labelprop.server.api.Json;
import org.labelprop.server.api.UploadReceiver;
import org.labelprop.server.jobs.DefaultRunners;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobRunners;
import org.labelprop.server.napari.NapariCompat;
import org.labelprop.server.napari.NapariConfig;
import org.labelprop.server.store.Datastore;
import org.labelprop.server.store.NiftiInspector;

/**
 * The LabelProp REST server: wires the {@link Datastore}, the {@link JobManager} and the controllers into Javalin
 * ({@link Routes}), serves the browser UI from classpath {@code /public}. {@link #start} returns a running handle.
 */
public final class LabelPropServer implements AutoCloseable {
    private static final org.slf4j.Logger REQUESTS = org.slf4j.LoggerFactory.getLogger("org.labelprop.server.requests");
    private final Javalin app;
    private final JobManager jobs;
    private final Routes wiring;
    private final List<String> routes;
    private final NapariCompat napari;

    private LabelPropServer(Javalin app, JobManager jobs, Routes wiring, List<String> routes, NapariCompat napari) {
        this.app = app;
        this.jobs = jobs;
        this.wiring = wiring;
        this.routes = routes;
        this.napari = napari;
    }

    /**
     * Starts a server with the job types of this build; without a token in {@code config}, {@value ServerConfig#TOKEN_ENV}
     * from the environment is used when set.
     */
    public static LabelPropServer start(ServerConfig config) throws IOException { return start(config, NapariConfig.off()); }

    /** As {@link #start(ServerConfig)}, with the napari-compatible API when {@code napari} enables it. */
    public static LabelPropServer start(ServerConfig config, NapariConfig napari) throws IOException {
        return start(config.withEnvironmentToken(), DefaultRunners.create(Json.shared()), napari);
    }

    /**
     * Starts a server with the given job types and exactly the given configuration (no environment lookup).
     * @throws IllegalArgumentException when binding a non-loopback host without a token
     */
    public static LabelPropServer start(ServerConfig config, JobRunners runners) throws IOException {
        return start(config, runners, NapariConfig.off());
    }

    /** As {@link #start(ServerConfig, JobRunners)}, with the napari-compatible API when {@code napari} enables it. */
    public static LabelPropServer start(ServerConfig config, JobRunners runners, NapariConfig napari) throws IOException {
        if (config.token() == null && !isLoopback(config.host()))
            throw new IllegalArgumentException("refusing to listen on non-loopback host " + config.host()
                + " without a token: pass --token or set " + ServerConfig.TOKEN_ENV + ", or bind 127.0.0.1");
        ObjectMapper json = Json.shared();
        Datastore store = new Datastore(config.dataDir(), json);
        NapariCompat compat = napari.enabled() ? NapariCompat.prepare(napari, store, json, runners) : null;
        JobManager jobs = new JobManager(store, json, runners, config.workers(), config.queueCapacity());
        List<String> routes = new CopyOnWriteArrayList<>();
        Routes wiring = new Routes(store, jobs, new UploadReceiver(store, config.maxUploadBytes()), new NiftiInspector(), version());
        Javalin app = Javalin.create(cfg -> {
            configure(cfg, config, json);
            cfg.events.handlerAdded(h -> {
                if (isEndpoint(h.getHttpMethod())) routes.add(h.getHttpMethod().name() + " " + h.getPath());
            });
            if (config.token() != null) cfg.routes.before("/api/*", new Auth(config.token()));
            ApiErrors.register(cfg.routes, store.root());
            wiring.register(cfg.routes);
            if (compat != null) registerCompat(compat, cfg, jobs, config.maxUploadBytes());
        });
        try {
            app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            if (compat != null) compat.close();
            wiring.close();
            jobs.close();
            throw e;
        }
        return new LabelPropServer(app, jobs, wiring, routes, compat);
    }

    /** The TCP port the server listens on (useful after asking for port 0). */
    public int port() { return app.port(); }

    /** Registered endpoints as "METHOD /path" (path parameters in braces), e.g. "GET /api/health". */
    public List<String> routes() { return List.copyOf(routes); }

    /** Stops accepting requests, then stops the workers (running jobs end as failed). */
    public void stop() {
        app.stop();
        if (napari != null) napari.close();
        wiring.close();
        jobs.close();
    }

    @Override public void close() { stop(); }

    /** The version of this build, e.g. "0.1.0-SNAPSHOT". */
    public static String version() {
        try (InputStream in = LabelPropServer.class.getResourceAsStream("/labelprop-server.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void configure(JavalinConfig cfg, ServerConfig config, ObjectMapper json) {
        cfg.jsonMapper(new JavalinJackson(json, false));
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        // never Content-Encoding: a .nii.gz must reach the browser as the gzip bytes it is
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
        cfg.http.maxRequestSize = 1 << 20; // JSON bodies only; volumes are streamed
        cfg.requestLogger.http((ctx, ms) -> {
            if (ctx.statusCode() >= 500 && ctx.statusCode() != 501) REQUESTS.warn("{} {} -> {} ({} ms)", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            else REQUESTS.debug("{} {} -> {} ({} ms)", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
        });
        cfg.staticFiles.add(s -> {
            s.hostedPath = "/";
            s.directory = "/public";
            s.location = Location.CLASSPATH;
            s.headers = Map.of("Cache-Control", "no-cache");
        });
    }

    private static void registerCompat(NapariCompat compat, JavalinConfig cfg, JobManager jobs, long maxUploadBytes) {
        try {
            compat.register(cfg.routes, jobs, maxUploadBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the napari-compatible API's files", e);
        }
    }

    private static boolean isEndpoint(HandlerType t) {
        return t == HandlerType.GET || t == HandlerType.POST || t == HandlerType.PUT || t == HandlerType.DELETE
            || t == HandlerType.PATCH;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "'", e);
        }
    }
}
