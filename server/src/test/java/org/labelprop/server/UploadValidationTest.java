// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelprop.io.Nifti;
import org.labelprop.volume.Affine;
import org.labelprop.volume.Grid;
import org.labelprop.volume.Shape3;

/** Every rejected upload gets its 4xx with a JSON message and leaves the stored volumes exactly as they were. */
class UploadValidationTest extends ServerFixture {
    String id;
    byte[] image, labels;

    @BeforeEach
    void up() throws Exception {
        start(config().withMaxUploadBytes(64 * 1024));
        id = api.createSession();
        image = TestVolumes.imageBytes(scratch, true);
        labels = TestVolumes.labelBytes(scratch, TestVolumes.GRID);
        assertThat(api.put("/api/sessions/" + id + "/image", image).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + id + "/labels", labels).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedFilesAre422AndChangeNothing() throws Exception {
        byte[] raw = TestVolumes.imageBytes(scratch, false);
        for (byte[] bad : new byte[][] {Arrays.copyOf(image, image.length / 2), Arrays.copyOf(raw, raw.length - 100),
            Arrays.copyOf(raw, 200), "not a nifti file at all".getBytes()}) {
            HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", bad);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(Api.json(r).get("error").asText()).isNotBlank();
            assertUnchanged();
        }
    }

    @Test
    void labelsOffTheImageGridAre422WithTheGridMismatch() throws Exception {
        Grid otherShape = Grid.of(new Shape3(16, 12, 9), TestVolumes.GRID.affine());
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, otherShape));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).contains("shape 16x12x9", "16x12x10");
        Grid shifted = Grid.of(TestVolumes.SHAPE, TestVolumes.GRID.affine().multiply(Affine.of(1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)));
        r = api.put("/api/sessions/" + id + "/hints", TestVolumes.labelBytes(scratch, shifted));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Api.json(r).get("error").asText()).contains("affine");
        assertUnchanged();
        assertThat(api.get("/api/sessions/" + id + "/hints").statusCode()).isEqualTo(404);
    }

    @Test
    void messagesNameTheUploadNeverAPathOnTheServer() throws Exception {
        Grid otherShape = Grid.of(new Shape3(16, 12, 9), TestVolumes.GRID.affine());
        byte[] offGrid = TestVolumes.labelBytes(scratch, otherShape);
        Path raw = scratch.resolve("labels.nii");
        Nifti.writeLabels(raw, TestVolumes.sparseLabels(TestVolumes.GRID));
        byte[] plain = Files.readAllBytes(raw);
        byte[] truncated = Arrays.copyOf(plain, plain.length - 100);
        String[][] cases = {
            {"labels", "labels upload has shape 16x12x9 but the image has shape 16x12x10"},
            {"labels", "labels upload: file ends after"},
            {"image", "image upload: file ends after"}};
        byte[][] bodies = {offGrid, truncated, Arrays.copyOf(TestVolumes.imageBytes(scratch, false), plain.length)};
        for (int i = 0; i < cases.length; i++) {
            HttpResponse<String> r = api.put("/api/sessions/" + id + "/" + cases[i][0], bodies[i]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            String error = Api.json(r).get("error").asText();
            assertThat(error).contains(cases[i][1]).doesNotContain(dataDir.toString(), "/tmp", "upload-", ".upload");
            if (i > 0) assertThat(error).as("what was expected and what was found").containsPattern("after \\d+ of \\d+");
        }
        assertUnchanged();
    }

    @Test
    void oversizedUploadsAre413AndChangeNothing() throws Exception {
        byte[] big = new byte[200 * 1024];
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Api.json(r).get("error").asText()).contains("limit");
        // without Content-Length (chunked), the byte counter stops it
        r = api.send(api.request("/api/sessions/" + id + "/image").header("Content-Type", "application/octet-stream")
            .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertThat(r.statusCode()).isEqualTo(413);
        assertUnchanged();
        try (Stream<java.nio.file.Path> tmp = Files.list(dataDir.resolve("tmp"))) {
            assertThat(tmp).as("temp files left behind").isEmpty();
        }
    }

    @Test
    void labelsBeforeAnImageAre409AndEmptyBodiesAre400() throws Exception {
        String fresh = api.createSession();
        HttpResponse<String> r = api.put("/api/sessions/" + fresh + "/labels", labels);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Api.json(r).get("error").asText()).contains("no image");
        assertThat(api.put("/api/sessions/" + id + "/image", new byte[0]).statusCode()).isEqualTo(400);
        assertUnchanged();
    }

    @Test
    void aPlainNiiReplacesAGzippedOne() throws Exception {
        byte[] raw = TestVolumes.imageBytes(scratch, false);
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/image", raw);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Api.json(r).get("fileName").asText()).isEqualTo("image.nii");
        assertThat(api.getBytes("/api/sessions/" + id + "/image").body()).isEqualTo(raw);
        assertThat(Files.exists(dataDir.resolve("sessions").resolve(id).resolve("image.nii.gz"))).isFalse();
    }

    private void assertUnchanged() throws Exception {
        assertThat(api.getBytes("/api/sessions/" + id + "/image").body()).isEqualTo(image);
        assertThat(api.getBytes("/api/sessions/" + id + "/labels").body()).isEqualTo(labels);
        JsonNode s = Api.json(api.get("/api/sessions/" + id));
        assertThat(s.get("image").get("sha256").asText()).isEqualTo(sha256(image));
        assertThat(s.get("labels").toString()).isEqualTo("[1,2]");
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
