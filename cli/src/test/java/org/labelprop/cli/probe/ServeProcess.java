// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code labelprop serve} in its own JVM (the test class path, main class {@code org.labelprop.cli.Main}), on a
 * free loopback port, with its output in {@code <dataDir>/../serve-N.log}. Linux only: RSS, threads and file descriptors
 * are read from {@code /proc/<pid>}. {@code -XX:+ExitOnOutOfMemoryError} makes any OutOfMemoryError end the process,
 * so "still alive" proves there was none. Logging is the server's own configuration (logback.xml), not the tests'.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)/");
    private static int started;
    final Process process;
    final Path log;
    int port = -1;

    private ServeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a server and waits until it listens.
     * @param heap        e.g. "512m"
     * @param fileSizeKb  {@code ulimit -f} for the process in KiB, or 0 for none
     * @param args        extra {@code serve} options
     */
    static ServeProcess start(Path dataDir, String heap, long fileSizeKb, String... args) throws IOException, InterruptedException {
        ServeProcess s = launch(dataDir, heap, fileSizeKb, args);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            Matcher m = LISTENING.matcher(s.output());
            if (m.find()) {
                s.port = Integer.parseInt(m.group(1));
                return s;
            }
            if (!s.process.isAlive()) throw new IllegalStateException("labelprop serve exited " + s.process.exitValue() + ":\n" + s.output());
            Thread.sleep(50);
        }
        s.kill9();
        throw new IllegalStateException("labelprop serve did not start within 60 s:\n" + s.output());
    }

    /** Starts {@code serve} without waiting for it to listen (e.g. one expected to refuse to start). */
    static ServeProcess launch(Path dataDir, String heap, long fileSizeKb, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (fileSizeKb > 0) cmd.addAll(List.of("bash", "-c", "ulimit -f " + fileSizeKb + " && exec \"$0\" \"$@\""));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
            "-XX:+ExitOnOutOfMemoryError", "-Dlogback.configurationFile=logback.xml", "-cp", classPath(), "org.labelprop.cli.Main", "serve", "--port", "0",
            "--data-dir", dataDir.toString()));
        cmd.addAll(List.of(args));
        Path log = dataDir.toAbsolutePath().getParent().resolve("serve-" + (++started) + ".log");
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("OMP_NUM_THREADS", "2");
        b.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return new ServeProcess(b.start(), log);
    }

    /** Surefire runs tests from a manifest-only jar; the real class path is in this property. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path").replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }

    long pid() { return process.pid(); }

    /** Resident set size now, in MiB. */
    long rssMb() throws IOException { return status("VmRSS") / 1024; }

    /** Peak resident set size since start (VmHWM), in MiB. */
    long peakRssMb() throws IOException { return status("VmHWM") / 1024; }

    long threads() throws IOException { return status("Threads"); }

    /** Open file descriptors. */
    int fds() {
        String[] l = new File("/proc/" + pid() + "/fd").list();
        return l == null ? -1 : l.length;
    }

    private long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status")))
            if (line.startsWith(key + ":")) return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
        throw new IOException("no " + key + " in /proc/" + pid() + "/status");
    }

    /** The server's output so far. */
    String output() throws IOException { return Files.readString(log); }

    /** {@code kill -9}. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (a graceful stop through the shutdown hook), then SIGKILL after 15 s. */
    @Override public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) kill9();
    }
}
