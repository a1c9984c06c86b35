// SPDX-License-Identifier: Apache-2.0
package org.labelprop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The templates folder of Debian's mricron-data for tests on real MR data, found where the CLI finds it:
 * {@code LABELPROP_MRICRON_DIR}, the installed package, or the CLI's cache ({@code LABELPROP_CACHE},
 * {@code $XDG_CACHE_HOME/labelprop} or {@code ~/.cache/labelprop}, then {@code mricron-data/usr/share/mricron/templates}).
 * Tests never download it; they skip with a message when it is absent.
 */
public final class SampleTemplates {
    private static final String TEMPLATES = "usr/share/mricron/templates";

    private SampleTemplates() { }

    public static Optional<Path> dir() {
        String env = System.getenv("LABELPROP_MRICRON_DIR");
        String cache = System.getenv("LABELPROP_CACHE");
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cacheDir = cache != null && !cache.isBlank() ? Paths.get(cache)
            : (xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache")).resolve("labelprop");
        return Stream.of(env == null || env.isBlank() ? null : Paths.get(env), Paths.get("/", TEMPLATES),
                cacheDir.resolve("mricron-data").resolve(TEMPLATES))
            .filter(p -> p != null && Files.isRegularFile(p.resolve("ch2.nii.gz")))
            .findFirst();
    }

    /** The folder, or skips the calling test saying how to provide it. */
    public static Path require() {
        Optional<Path> d = dir();
        Assumptions.assumeTrue(d.isPresent(), "mricron-data templates not found (set LABELPROP_MRICRON_DIR, or run "
            + "'labelprop benchmark' once to cache them); real-data test skipped");
        return d.get();
    }
}
