// SPDX-License-Identifier: Apache-2.0
package org.labelprop.nn.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh JVM whose JavaCPP cache is an empty folder must extract the natives, run a forward pass and exit 0 (the
 * first run on an empty cache once crashed in Loader.load, see {@link NativeRuntime}).
 */
class NativeCacheTest {
    @TempDir Path cache;

    @Test
    void aFreshJvmWithAnEmptyNativeCacheRunsAForwardPass() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-cp",
            System.getProperty("java.class.path"), ForwardPassMain.class.getName())).redirectErrorStream(true);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as("exit status; output:\n" + out).isZero();
        assertThat(out).contains("forward ok [1, 2, 16, 16]");
        try (var files = Files.list(cache)) {
            assertThat(files.count()).as("natives extracted into the empty cache").isPositive();
        }
    }
}
