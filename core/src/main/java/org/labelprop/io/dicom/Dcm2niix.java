// SPDX-License-Identifier: Apache-2.0
package org.labelprop.io.dicom;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Chris Rorden's dcm2niix (an external program: Debian/Ubuntu package {@code dcm2niix}) to convert the DICOM
 * series below a folder into NIfTI files with BIDS JSON sidecars. The program is the one named by the environment
 * variable {@code LABELPROP_DCM2NIIX} (or system property {@code labelprop.dcm2niix}), else {@code dcm2niix} on the PATH.
 */
public final class Dcm2niix {
    /** How to get the program, for messages. */
    public static final String INSTALL_HINT = "install dcm2niix (Debian/Ubuntu: apt-get install dcm2niix; or set LABELPROP_DCM2NIIX"
        + " to the program's path)";
    private static final int LOG_TAIL_BYTES = 16 << 10;

    private Dcm2niix() {}

    /** The dcm2niix program that would run, if there is one. */
    public static Optional<Path> locate() {
        String configured = System.getProperty("labelprop.dcm2niix", System.getenv("LABELPROP_DCM2NIIX"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "dcm2niix");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Converts every series below {@code input} into {@code output}: uncompressed NIfTI, one JSON sidecar each, named by
     * series number. dcm2niix's own error lines become the message when it fails or converts nothing.
     * @throws Dcm2niixNotFoundException when the program is not installed
     */
    static void convert(Path input, Path output, Path log, Duration timeout) throws IOException {
        Path program = locate().orElseThrow(() -> new Dcm2niixNotFoundException("DICOM input needs dcm2niix, which is not installed: "
            + INSTALL_HINT));
        // absolute paths: a folder named like an option ("-h") must stay a folder
        List<String> command = List.of(program.toString(), "-b", "y", "-z", "n", "-f", "s%s", "-d", "9", "-o",
            output.toAbsolutePath().toString(), input.toAbsolutePath().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new DicomConversionException("DICOM conversion of " + input + " was interrupted", e);
        }
        if (!finished) {
            kill(p);
            throw new DicomConversionException("dcm2niix did not finish converting " + input + " within " + timeout.toSeconds()
                + " s; stopped it");
        }
        int code = p.exitValue();
        boolean converted;
        try (var files = Files.list(output)) {
            converted = files.anyMatch(f -> f.getFileName().toString().endsWith(".nii"));
        }
        // 0: success; 8: some series converted, some not (the good ones are kept)
        if ((code == 0 || code == 8) && converted) return;
        String said = errorLines(log);
        throw new DicomConversionException(code == 2 || !converted && code == 0
            ? "no DICOM series found in " + input + (said.isEmpty() ? "" : " (dcm2niix: " + said + ")")
            : "dcm2niix could not convert " + input + " (exit code " + code + ")" + (said.isEmpty() ? "" : ": " + said));
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lines of dcm2niix's output that report errors (else warnings, else the last line), joined, at most 400 chars. */
    static String errorLines(Path log) throws IOException {
        List<String> lines = tail(log);
        List<String> picked = new ArrayList<>();
        for (String prefix : new String[] {"error", "warning"}) {
            for (String l : lines)
                if (l.toLowerCase(java.util.Locale.ROOT).startsWith(prefix) || l.startsWith("No valid")) picked.add(l.strip());
            if (!picked.isEmpty()) break;
        }
        if (picked.isEmpty() && !lines.isEmpty()) picked.add(lines.get(lines.size() - 1).strip());
        String joined = String.join("; ", picked.stream().distinct().toList());
        return joined.length() > 400 ? joined.substring(0, 400) + "…" : joined;
    }

    private static List<String> tail(Path log) throws IOException {
        if (!Files.exists(log)) return List.of();
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, f.length() - LOG_TAIL_BYTES);
            byte[] b = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
