// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import org.labelprop.server.json.Json;
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
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.labelprop.server.api.ApiErrors;
import org.labelprop.server.api.Auth;

import org.labelprop.server.api.UploadReceiver;
import org.labelprop.server.http.JsonErrorHandler;
import org.labelprop.server.http.JsonServletErrorHandler;
import org.labelprop.server.http.RequestPolicy;
import org.labelprop.server.jobs.DefaultRunners;
import org.labelprop.server.jobs.JobManager;
import org.labelprop.server.jobs.JobMemory;
import org.labelprop.server.jobs.JobRunners;
import org.labelprop.server.limits.MemoryBudget;
import org.labelprop.server.limits.UploadSlots;
import org.labelprop.server.limits.VolumeAdmission;
import org.labelprop.server.store.DataDirectoryLock;
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
    private final DataDirectoryLock lock;
    private final NapariCompat napari;

    private LabelPropServer(Javalin app, JobManager jobs, Routes wiring, List<String> routes, DataDirectoryLock lock,
                            NapariCompat napari) {
        this.app = app;
        this.jobs = jobs;
        this.wiring = wiring;
        this.routes = routes;
        this.lock = lock;
        this.napari = napari;
    }

    /**
     * Starts a server with the job types of this build; without a token in {@code config}, {@value ServerConfig#TOKEN_ENV}
     * from the environment is used when set.
     */
    public static LabelPropServer start(ServerConfig config) throws IOException { return start(config, NapariConfig.off()); }

    /** As {@link #start(ServerConfig)}, with the napari-compatible API when {@code napari} enables it. */
    public static LabelPropServer start(ServerConfig config, NapariConfig napari) throws IOException {
        return start(config.withEnvironmentToken(), DefaultRunners.create(0), napari);
    }

    /**
     * Starts a server with the given job types and exactly the given configuration (no environment lookup).
     * @throws IllegalArgumentException when binding a non-loopback host without a token
     * @throws java.nio.file.FileSystemException when another server uses the data directory ({@link DataDirectoryLock})
     */
    public static LabelPropServer start(ServerConfig config, JobRunners runners) throws IOException {
        return start(config, runners, NapariConfig.off());
    }

    /** As {@link #start(ServerConfig, JobRunners)}, with the napari-compatible API when {@code napari} enables it. */
    public static LabelPropServer start(ServerConfig config, JobRunners runners, NapariConfig napari) throws IOException {
        if (config.token() == null && !isLoopback(config.host()))
            throw new org.labelprop.UserInputException("refusing to listen on non-loopback host " + config.host()
                + " without a token: pass --token or set " + ServerConfig.TOKEN_ENV + ", or bind 127.0.0.1");
        // Host, Origin and body-type rules for every request; routes of another client protocol get exemptions here
        RequestPolicy policy = new RequestPolicy(napari.enabled() ? config.withAllowedHosts(union(config.allowedHosts(),
            napari.allowedHosts())) : config);
        // the napari plugin posts multipart/form-data and bodiless commands (its routes check Host and Origin themselves too)
        if (napari.enabled()) {
            policy.acceptBodyType("multipart/form-data", List.of("/inference", "/training", "/send_ckpt"));
            policy.acceptEmptyPost(List.of("/set_ckpt_dir", "/download_inference"));
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDir());
        JobManager jobs = null;
        Routes wiring = null;
        NapariCompat compat = null;
        try {
            ObjectMapper json = Json.shared();
            Datastore store = new Datastore(config.dataDir(), json);
            VolumeAdmission admission = new VolumeAdmission(MemoryBudget.ofHeap(), config.maxVoxels());
            NapariCompat c = compat = napari.enabled() ? NapariCompat.prepare(napari, store, json, runners) : null;
            jobs = new JobManager(store, json, runners, new JobMemory(admission), config.workers(), config.queueCapacity());
            JobManager j = jobs;
            List<String> routes = new CopyOnWriteArrayList<>();
            UploadReceiver receiver = new UploadReceiver(store, config.maxUploadBytes(), new UploadSlots(UploadSlots.DEFAULT));
            Routes w = wiring = new Routes(store, jobs, receiver, new NiftiInspector(), admission, config.idleTimeout(), version());
            Javalin app = Javalin.create(cfg -> {
                configure(cfg, config, json);
                cfg.events.handlerAdded(h -> {
                    if (isEndpoint(h.getHttpMethod())) routes.add(h.getHttpMethod().name() + " " + h.getPath());
                });
                cfg.routes.before(policy);
                if (config.token() != null) cfg.routes.before("/api/*", new Auth(config.token()));
                ApiErrors.register(cfg, store.root());
                w.register(cfg.routes);
                if (c != null) registerCompat(c, cfg, j, config.maxUploadBytes());
            });
            app.start();
            return new LabelPropServer(app, jobs, wiring, routes, lock, compat);
        } catch (IOException | RuntimeException e) {
            if (compat != null) compat.close();
            if (wiring != null) wiring.close();
            if (jobs != null) jobs.close();
            lock.close();
            throw e;
        }
    }

    /** The TCP port the server listens on (useful after asking for port 0). */
    public int port() { return app.port(); }

    /** Registered endpoints as "METHOD /path" (path parameters in braces), e.g. "GET /api/health". */
    public List<String> routes() { return List.copyOf(routes); }

    /** Stops accepting requests, then stops the workers (running jobs end as failed) and frees the data directory. */
    public void stop() {
        app.stop();
        if (napari != null) napari.close();
        wiring.close();
        jobs.close();
        try {
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        cfg.jetty.addConnector((server, http) -> {
            ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
            c.setHost(config.host());
            c.setPort(config.port());
            c.setIdleTimeout(config.idleTimeout().toMillis()); // a stalled upload or silent client is cut off after this
            c.setAcceptQueueSize(1024); // a burst of connections waits in the kernel instead of being dropped (1 s SYN retries)
            return c;
        });
        // Jetty's own answers (malformed requests, errors escaping the application) are JSON too, never HTML pages
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JsonServletErrorHandler()));
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

    private static List<String> union(List<String> a, java.util.Collection<String> b) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
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
            throw new org.labelprop.UserInputException("cannot resolve host '" + host + "'", e);
        }
    }
}
