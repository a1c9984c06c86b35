// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link LabelPropServer} runs: where it listens, where it keeps its data, who may call it and how much work it
 * accepts. Defaults: 127.0.0.1:6000, data in {@code ~/.labelprop/server}, no token, 1 worker, 16 queued jobs, 2 GiB uploads,
 * volumes up to {@value #DEFAULT_MAX_VOXELS} voxels, no extra host names or origins, 30 s idle timeout.
 *
 * @param host           interface to bind; a non-loopback host requires a token
 * @param port           TCP port, 0 = pick a free one
 * @param dataDir        sessions, results, job records and checkpoints live here
 * @param token          bearer token required on every /api call but health; null = no authentication
 * @param workers        jobs that run at once
 * @param queueCapacity  jobs that may wait; beyond that a submission gets 429
 * @param maxUploadBytes largest accepted upload body; larger gets 413
 * @param maxVoxels      largest volume (nx·ny·nz) an upload or job may decode; larger gets 413
 * @param allowedHosts   host names accepted in the {@code Host} header besides localhost, IP addresses and {@code host}
 *                       (for a server reached by name, e.g. behind a reverse proxy); others get 421
 * @param allowedOrigins web origins (e.g. {@code https://ui.example.org}) of a remote UI that may call the API (CORS);
 *                       requests from any other foreign origin get 403
 * @param idleTimeout    how long a connection may stay silent (e.g. a stalled upload) before it is closed
 */
public record ServerConfig(String host, int port, Path dataDir, String token, int workers, int queueCapacity,
                           long maxUploadBytes, long maxVoxels, List<String> allowedHosts, List<String> allowedOrigins,
                           Duration idleTimeout) {
    public static final String TOKEN_ENV = "LABELPROP_TOKEN";
    /** Default voxel limit: 2^28 (e.g. 1024 x 1024 x 256), 1 GiB as float32. */
    public static final long DEFAULT_MAX_VOXELS = 1L << 28;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        if (port < 0 || port > 65535) throw new org.labelprop.UserInputException("port must be within 0..65535, got " + port);
        if (workers < 1) throw new org.labelprop.UserInputException("workers must be at least 1, got " + workers);
        if (queueCapacity < 0) throw new org.labelprop.UserInputException("queue capacity must be >= 0, got " + queueCapacity);
        if (maxUploadBytes < 1) throw new org.labelprop.UserInputException("max upload must be positive, got " + maxUploadBytes + " bytes");
        if (maxVoxels < 1) throw new org.labelprop.UserInputException("max voxels must be positive, got " + maxVoxels);
        if (idleTimeout == null || idleTimeout.toMillis() < 1000)
            throw new org.labelprop.UserInputException("idle timeout must be at least 1 s, got " + idleTimeout);
        if (token != null && token.isBlank()) token = null;
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 6000, Path.of(System.getProperty("user.home"), ".labelprop", "server"), null,
            1, 16, 2L << 30, DEFAULT_MAX_VOXELS, List.of(), List.of(), Duration.ofSeconds(30));
    }

    public ServerConfig withHost(String h) { return new ServerConfig(h, port, dataDir, token, workers, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withPort(int p) { return new ServerConfig(host, p, dataDir, token, workers, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withDataDir(Path d) { return new ServerConfig(host, port, d, token, workers, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withToken(String t) { return new ServerConfig(host, port, dataDir, t, workers, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withWorkers(int w) { return new ServerConfig(host, port, dataDir, token, w, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withQueueCapacity(int q) { return new ServerConfig(host, port, dataDir, token, workers, q, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withMaxUploadBytes(long m) { return new ServerConfig(host, port, dataDir, token, workers, queueCapacity, m, maxVoxels, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withMaxVoxels(long v) { return new ServerConfig(host, port, dataDir, token, workers, queueCapacity, maxUploadBytes, v, allowedHosts, allowedOrigins, idleTimeout); }
    public ServerConfig withAllowedHosts(List<String> h) { return new ServerConfig(host, port, dataDir, token, workers, queueCapacity, maxUploadBytes, maxVoxels, h, allowedOrigins, idleTimeout); }
    public ServerConfig withAllowedOrigins(List<String> o) { return new ServerConfig(host, port, dataDir, token, workers, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, o, idleTimeout); }
    public ServerConfig withIdleTimeout(Duration t) { return new ServerConfig(host, port, dataDir, token, workers, queueCapacity, maxUploadBytes, maxVoxels, allowedHosts, allowedOrigins, t); }

    /** This configuration with the token taken from {@value #TOKEN_ENV} when none is set. */
    public ServerConfig withEnvironmentToken() {
        return token != null ? this : withToken(System.getenv(TOKEN_ENV));
    }

    /**
     * Parses a size such as {@code 512M}, {@code 2G}, {@code 1048576} or {@code 10KB} (binary units: K = 1024).
     * @throws IllegalArgumentException naming the text when it is not a positive size
     */
    public static long parseSize(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replaceAll("I?B$", "");
        long unit = 1;
        if (!s.isEmpty()) {
            char last = s.charAt(s.length() - 1);
            int shift = switch (last) { case 'K' -> 10; case 'M' -> 20; case 'G' -> 30; case 'T' -> 40; default -> 0; };
            if (shift > 0) { unit = 1L << shift; s = s.substring(0, s.length() - 1).trim(); }
        }
        try {
            long n = Long.parseLong(s);
            if (n < 1 || n > Long.MAX_VALUE / unit) throw new NumberFormatException();
            return n * unit;
        } catch (NumberFormatException e) {
            throw new org.labelprop.UserInputException("expected a positive size such as 512M, 2G or 1048576, got '" + text + "'");
        }
    }
}
