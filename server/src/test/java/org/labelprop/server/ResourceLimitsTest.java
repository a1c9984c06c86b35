// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One server per data directory, only its own temp files removed, no leaked files, voxel limits, truncated uploads. */
class ResourceLimitsTest extends ServerFixture {
    @Test
    void aSecondServerOnTheSameDataDirectoryRefusesToStart() throws Exception {
        start();
        assertThatThrownBy(() -> LabelPropServer.start(config(), runners())).isInstanceOf(FileSystemException.class)
            .hasMessageContaining("in use by another labelprop server").hasMessageContaining("pid " + ProcessHandle.current().pid());
        assertThat(api.get("/api/health").statusCode()).as("the first one still serves").isEqualTo(200);
        server.stop();
        start(); // the lock is free again after a stop
        assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void startingRemovesOnlyTheTempFilesTheServerMade() throws Exception {
        Files.createDirectories(dataDir.resolve("tmp"));
        for (String name : new String[] {"notes.txt", "upload-draft.txt", "upload-42.nii.gz", "deleted-7"})
            Files.writeString(dataDir.resolve("tmp").resolve(name), "x");
        start();
        try (Stream<java.nio.file.Path> tmp = Files.list(dataDir.resolve("tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("notes.txt", "upload-draft.txt");
        }
    }

    @Test
    void hugeRangesAre416AndLeakNoFile() throws Exception {
        start();
        String id = api.createSession();
        api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true));
        int before = openFiles();
        for (int i = 0; i < 100; i++) {
            var r = api.getBytes("/api/sessions/" + id + "/image", "Range", "bytes=99999999999999999999-");
            assertThat(r.statusCode()).isEqualTo(416);
        }
        assertThat(api.getBytes("/api/sessions/" + id + "/image", "Range", "bytes=0-9").statusCode()).isEqualTo(206);
        Thread.sleep(200);
        assertThat(openFiles() - before).as("file descriptors leaked by 100 requests").isLessThan(5);
    }

    @Test
    void volumesOverTheVoxelLimitAre413AtUploadAndAtSubmission() throws Exception {
        start();
        String id = api.createSession();
        api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true));
        api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID));
        server.stop();
        start(config().withMaxVoxels(1000)); // the stored 16x12x10 image has 1920 voxels
        var r = api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, false));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Api.json(r).get("error").asText()).contains("1920 voxels", "at most 1000", "--max-voxels");
        var job = api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"propagate\",\"method\":\"shape\"}");
        assertThat(job.statusCode()).as(job.body()).isEqualTo(413);
    }

    @Test
    void aTruncatedUploadIs400AndLeavesNoTempFile() throws Exception {
        start();
        String id = api.createSession();
        try (Socket s = RawHttp.connect(server.port())) {
            s.getOutputStream().write(RawHttp.head(server.port(), "PUT", "/api/sessions/" + id + "/image", 10_000,
                "Content-Type: application/octet-stream"));
            s.getOutputStream().write(new byte[4000]);
            s.shutdownOutput(); // the body ends early; the answer can still be read
            RawHttp.Response r = RawHttp.read(s.getInputStream(), System.nanoTime());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("truncated").doesNotContain("Exception", "EOF");
        }
        try (Stream<java.nio.file.Path> tmp = Files.list(dataDir.resolve("tmp"))) {
            assertThat(tmp).isEmpty();
        }
        assertThat(new String(api.get("/api/sessions/" + id).body().getBytes(StandardCharsets.UTF_8))).contains("\"image\":null");
    }

    private static int openFiles() {
        File[] fds = new File("/proc/self/fd").listFiles();
        return fds == null ? 0 : (int) Arrays.stream(fds).filter(Objects::nonNull).count();
    }
}
