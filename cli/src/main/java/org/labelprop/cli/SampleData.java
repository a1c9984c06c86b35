// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds the real MR sample data (Colin27 {@code ch2.nii.gz} and {@code aal.nii.gz} of Debian's mricron-data): an
 * installed package, a folder named by {@code LABELPROP_MRICRON_DIR}, or the cache, where it is obtained with
 * {@code apt-get download mricron-data} and {@code dpkg -x} (no root needed). Empty when none of these works.
 */
final class SampleData {
    static final String PACKAGE = "mricron-data";
    private static final String TEMPLATES = "usr/share/mricron/templates";

    private SampleData() { }

    /** The cache folder: {@code LABELPROP_CACHE}, else {@code $XDG_CACHE_HOME/labelprop}, else {@code ~/.cache/labelprop}. */
    static Path cacheDir() {
        String env = System.getenv("LABELPROP_CACHE");
        if (env != null && !env.isBlank()) return Paths.get(env);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return base.resolve("labelprop");
    }

    /** The templates folder holding ch2.nii.gz and aal.nii.gz, obtaining the package when needed. */
    static Optional<Path> templates(PrintWriter log) {
        String env = System.getenv("LABELPROP_MRICRON_DIR");
        List<Path> candidates = env != null ? List.of(Paths.get(env)) : List.of();
        for (Path p : candidates) if (complete(p)) return Optional.of(p);
        Path system = Paths.get("/", TEMPLATES);
        if (complete(system)) return Optional.of(system);
        Path cached = cacheDir().resolve(PACKAGE).resolve(TEMPLATES);
        if (complete(cached)) return Optional.of(cached);
        try {
            download(cacheDir().resolve(PACKAGE), log);
        } catch (IOException e) {
            log.println("could not obtain the " + PACKAGE + " package: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return complete(cached) ? Optional.of(cached) : Optional.empty();
    }

    private static boolean complete(Path dir) {
        return Files.isRegularFile(dir.resolve("ch2.nii.gz")) && Files.isRegularFile(dir.resolve("aal.nii.gz"));
    }

    private static void download(Path dir, PrintWriter log) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        log.println("obtaining the " + PACKAGE + " package (16 MB) with apt-get download into " + dir + " ...");
        run(dir, "apt-get", "download", PACKAGE);
        Path deb;
        try (Stream<Path> s = Files.list(dir)) {
            deb = s.filter(p -> p.getFileName().toString().startsWith(PACKAGE + "_") && p.toString().endsWith(".deb"))
                .findFirst().orElseThrow(() -> new IOException("apt-get download left no " + PACKAGE + "_*.deb in " + dir));
        }
        run(dir, "dpkg", "-x", deb.getFileName().toString(), ".");
        Files.deleteIfExists(deb);
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(cmd[0] + " is not available (" + e.getMessage() + ")");
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES)) { p.destroyForcibly(); throw new IOException(String.join(" ", cmd) + " timed out"); }
        if (p.exitValue() != 0)
            throw new IOException(String.join(" ", cmd) + " failed with exit code " + p.exitValue() + ": " + out.strip());
    }
}
