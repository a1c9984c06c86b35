// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.io.Nifti;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;
import org.labelprop.volume.Spacing;
import org.labelprop.volume.Volume;

/** File descriptors after abusive ranges and aborted downloads; a second server on the same data directory; truncated uploads. */
@Tag("probe")
class ResourceProbeTest extends ServerProbe {

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        serve(tmp, "384m");
        Path big = dir.resolve("big.nii");
        Nifti.writeVolume(big, new Volume(Grid.of(new Shape3(128, 128, 128), new Spacing(1, 1, 1)), new float[128 * 128 * 128]));
        assertThat(api.put("/api/sessions/" + session + "/image", Files.readAllBytes(big)).status()).isEqualTo(200);
    }


    @Test
    void overflowingRangesAndAbortedDownloadsLeakNoFile() throws Exception {
        String image = "/api/sessions/" + session + "/image";
        api.get("/api/health");
        int before = server.fds();
        int status = 0;
        for (int i = 0; i < 300; i++) status = api.get(image, "Range: bytes=99999999999999999999-").status();
        assertThat(status).isEqualTo(416);
        int afterRanges = server.fds();
        for (int i = 0; i < 50; i++) {
            try (Socket s = RawHttp.connect(server.port)) {
                s.getOutputStream().write(RawHttp.head(server.port, "GET", image, -1));
                s.getInputStream().readNBytes(64 * 1024); // then hang up in the middle of 8 MiB
            }
        }
        Thread.sleep(1000);
        int afterAborts = server.fds();
        Figures.report("Range overflow / aborted downloads", "fds " + before + " -> " + afterRanges + " after 300 ranges (status "
            + status + ") -> " + afterAborts + " after 50 aborted 8 MiB downloads");
        assertThat(afterRanges - before).as("fds leaked by 300 overflowing ranges").isLessThan(5);
        assertThat(afterAborts - before).as("fds leaked by 50 aborted downloads").isLessThan(5);
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryRefusesAndTouchesNothing() throws Exception {
        try (Socket upload = RawHttp.connect(server.port)) {
            byte[] labels = TestVolumes.labelBytes(dir, TestVolumes.GRID);
            upload.getOutputStream().write(RawHttp.head(server.port, "PUT", "/api/sessions/" + api.createSession() + "/image",
                100_000, "Content-Type: application/octet-stream"));
            upload.getOutputStream().write(labels, 0, 100);
            upload.getOutputStream().flush();
            Thread.sleep(300);
            assertThat(tempFiles()).as("the first server's upload in progress").isEqualTo(1);
            long t0 = System.nanoTime();
            ServeProcess second = ServeProcess.launch(dir.resolve("data"), "256m", 0);
            assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).as("the second server exits").isTrue();
            long ms = Figures.millisSince(t0);
            String out = second.output().strip();
            assertThat(second.process.exitValue()).as(out).isEqualTo(2);
            assertThat(out.lines().filter(l -> !l.isBlank()).count()).as(out).isEqualTo(1);
            assertThat(out).contains("in use by another labelprop server (pid " + server.pid() + ")");
            assertThat(tempFiles()).as("the first server's upload survived").isEqualTo(1);
            assertThat(api.get("/api/health").status()).isEqualTo(200);
            Figures.report("second server on one data dir", "exit " + second.process.exitValue() + " after " + ms + " ms: \"" + out
                + "\"; first server's temp upload kept, health 200");
        }
    }

    @Test
    void aTruncatedUploadIs400AndLeavesNothing() throws Exception {
        try (Socket s = RawHttp.connect(server.port)) {
            s.getOutputStream().write(RawHttp.head(server.port, "PUT", "/api/sessions/" + session + "/labels", 50_000,
                "Content-Type: application/octet-stream"));
            s.getOutputStream().write(new byte[20_000]);
            s.shutdownOutput();
            RawHttp.Response r = RawHttp.read(s.getInputStream(), System.nanoTime());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("truncated").doesNotContain("Exception", "EOF");
            Thread.sleep(200);
            assertThat(tempFiles()).isZero();
            Figures.report("truncated upload", r.status() + " " + r.body());
        }
    }

    private long tempFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("data").resolve("tmp"))) {
            return s.count();
        }
    }
}
