// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelprop.io.Nifti;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Shape3;

/**
 * Results computed from an upload that has been replaced or deleted since are refused with 409 (and listed as stale);
 * a job queued before a re-upload computes from the upload current when it starts.
 */
class StaleResultsTest extends ServerFixture {
    String id;
    byte[] labels, moreLabels;

    @Override ServerConfig config() { return super.config().withWorkers(1); }

    @BeforeEach
    void up() throws Exception {
        start();
        id = api.createSession();
        labels = TestVolumes.labelBytes(scratch, TestVolumes.GRID);
        moreLabels = labelsWithAThirdLabel();
        assertThat(api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true)).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + id + "/labels", labels).statusCode()).isEqualTo(200);
    }

    @Test
    void resultsOfReplacedLabelsAre409UntilTheJobRunsAgain() throws Exception {
        JsonNode done = run("{\"type\":\"propagate\",\"method\":\"shape\"}");
        // the job records what it read: image and labels (interpolation does not use hints)
        assertThat(fieldNames(done.get("inputs"))).containsExactly("image", "labels");
        assertThat(done.get("inputs").get("labels").asText()).isEqualTo(sha256(labels));
        assertThat(api.get("/api/sessions/" + id + "/results/fused").statusCode()).isEqualTo(200);

        // the same bytes again, or a volume the job did not read: still current
        assertThat(api.put("/api/sessions/" + id + "/labels", labels).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + id + "/hints", TestVolumes.labelBytes(scratch, TestVolumes.GRID)).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/sessions/" + id + "/results/fused").statusCode()).isEqualTo(200);

        assertThat(api.put("/api/sessions/" + id + "/labels", moreLabels).statusCode()).isEqualTo(200);
        for (String path : new String[] {"/results/fused", "/suggestions"}) {
            HttpResponse<String> r = api.get("/api/sessions/" + id + path);
            assertThat(r.statusCode()).as(path).isEqualTo(409);
            String error = Api.json(r).get("error").asText();
            assertThat(error).contains("out of date", "the labels changed since job " + done.get("id").asText()).doesNotContain("\n");
        }
        JsonNode session = Api.json(api.get("/api/sessions/" + id));
        assertThat(session.get("results").toString()).isEqualTo("[]");
        assertThat(session.get("staleResults").toString()).isEqualTo("[\"fused\",\"suggestions\"]");

        run("{\"type\":\"propagate\",\"method\":\"shape\"}");
        assertThat(labelsOf(api.getBytes("/api/sessions/" + id + "/results/fused"))).contains(3);
        session = Api.json(api.get("/api/sessions/" + id));
        assertThat(session.get("results").toString()).isEqualTo("[\"fused\",\"suggestions\"]");
        assertThat(session.get("staleResults").toString()).isEqualTo("[]");

        // a new image upload (here the same voxels uncompressed: other bytes, other SHA-256) or deleted labels outdate it too
        assertThat(api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, false)).statusCode()).isEqualTo(200);
        assertThat(Api.json(api.get("/api/sessions/" + id + "/results/fused")).get("error").asText()).contains("the image changed");
        assertThat(api.delete("/api/sessions/" + id + "/labels").statusCode()).isEqualTo(204);
        assertThat(Api.json(api.get("/api/sessions/" + id + "/results/fused")).get("error").asText())
            .contains("the image and labels changed");
    }

    @Test
    void aJobQueuedBeforeAReuploadComputesFromTheUploadCurrentWhenItStarts() throws Exception {
        String blocker = submit(LoopRunner.body(1000000, 1));
        while (!Api.json(api.get("/api/jobs/" + blocker)).get("state").asText().equals("running")) Thread.sleep(10);
        String queued = submit("{\"type\":\"propagate\",\"method\":\"shape\"}");
        assertThat(api.put("/api/sessions/" + id + "/labels", moreLabels).statusCode()).isEqualTo(200);
        assertThat(api.delete("/api/jobs/" + blocker).statusCode()).isEqualTo(200);

        JsonNode done = api.awaitJob(queued, Duration.ofSeconds(20));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("inputs").get("labels").asText()).isEqualTo(sha256(moreLabels));
        HttpResponse<byte[]> fused = api.getBytes("/api/sessions/" + id + "/results/fused");
        assertThat(fused.statusCode()).isEqualTo(200);
        assertThat(labelsOf(fused)).containsExactly(1, 2, 3);
    }

    private JsonNode run(String body) throws Exception {
        JsonNode s = api.awaitJob(submit(body), Duration.ofSeconds(20));
        assertThat(s.get("state").asText()).as(s.toString()).isEqualTo("succeeded");
        return s;
    }

    private String submit(String body) throws Exception {
        HttpResponse<String> r = api.post("/api/sessions/" + id + "/jobs", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return Api.json(r).get("id").asText();
    }

    /** The test labels plus label 3, a 2x2 square on both annotated slices. */
    private byte[] labelsWithAThirdLabel() throws Exception {
        LabelVolume base = TestVolumes.sparseLabels(TestVolumes.GRID);
        Shape3 s = TestVolumes.SHAPE;
        int[] a = base.array().clone();
        for (int z : new int[] {TestVolumes.LOW, TestVolumes.HIGH})
            for (int y = 0; y < 2; y++)
                for (int x = 0; x < 2; x++) a[s.index(x, y, z)] = 3;
        Path f = scratch.resolve("labels3.nii.gz");
        Nifti.writeLabels(f, new LabelVolume(TestVolumes.GRID, a));
        return Files.readAllBytes(f);
    }

    private int[] labelsOf(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        Path f = Files.createTempFile(scratch, "result-", ".nii.gz");
        Files.write(f, r.body());
        return Nifti.readLabels(f).labels();
    }

    private static java.util.List<String> fieldNames(JsonNode n) {
        java.util.List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
