// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelprop.io.Nifti;
import org.labelprop.volume.LabelVolume;

class InterpolateEndToEndTest extends ServerFixture {
    @BeforeEach
    void up() throws Exception { start(); }

    @Test
    void uploadInterpolatePollDownloadGivesLabelsOnTheImageGrid() throws Exception {
        String id = api.createSession();
        byte[] image = TestVolumes.imageBytes(scratch, true);
        HttpResponse<String> put = api.put("/api/sessions/" + id + "/image", image);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Api.json(put).get("fileName").asText()).isEqualTo("image.nii.gz");
        assertThat(Api.json(api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID)))
            .get("labels").toString()).isEqualTo("[1,2]");

        JsonNode session = Api.json(api.get("/api/sessions/" + id));
        assertThat(session.get("shape").toString()).isEqualTo("[16,12,10]");
        assertThat(session.get("axisCodes").asText()).isEqualTo(TestVolumes.GRID.axisCodes()).isEqualTo("LPS");
        assertThat(session.get("spacingMm").get(2).asDouble()).isEqualTo(2.5);
        assertThat(session.get("labels").toString()).isEqualTo("[1,2]");

        HttpResponse<String> submit = api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"propagate\",\"method\":\"shape\",\"axis\":2}");
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(202);
        String jobId = Api.json(submit).get("id").asText();
        assertThat(submit.headers().firstValue("Location")).contains("/api/jobs/" + jobId);

        JsonNode done = api.awaitJob(jobId, Duration.ofSeconds(20));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        for (String field : new String[] {"id", "session", "type", "state", "progress", "queuePosition", "message", "createdAt",
            "startedAt", "finishedAt"})
            assertThat(done.has(field)).as(field).isTrue();

        HttpResponse<byte[]> fused = api.getBytes("/api/sessions/" + id + "/results/fused");
        assertThat(fused.statusCode()).isEqualTo(200);
        assertThat(fused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/gzip"));
        assertThat(fused.headers().firstValue("Content-Encoding")).isEmpty();
        Path f = scratch.resolve("fused.nii.gz");
        Files.write(f, fused.body());
        LabelVolume result = Nifti.readLabels(f);
        assertThat(TestVolumes.GRID.mismatch(result.grid(), "result")).isNull();
        LabelVolume sparse = TestVolumes.sparseLabels(TestVolumes.GRID);
        int[] s = sparse.array(), r = result.array();
        int n = TestVolumes.SHAPE.nx() * TestVolumes.SHAPE.ny();
        // annotated slices unchanged, slices in between now hold label 1 (the disk centre) and label 2
        assertThat(Arrays.copyOfRange(r, TestVolumes.LOW * n, (TestVolumes.LOW + 1) * n))
            .isEqualTo(Arrays.copyOfRange(s, TestVolumes.LOW * n, (TestVolumes.LOW + 1) * n));
        for (int z = TestVolumes.LOW + 1; z < TestVolumes.HIGH; z++) {
            assertThat(result.get(6, 6, z)).as("disk centre on slice " + z).isEqualTo(1);
            assertThat(result.get(14, 10, z)).as("square on slice " + z).isEqualTo(2);
        }
        assertThat(result.get(6, 6, 0)).isZero();

        JsonNode sugg = Api.json(api.get("/api/sessions/" + id + "/suggestions"));
        assertThat(sugg.get("slices").get(0).get("slice").asInt()).isEqualTo((TestVolumes.LOW + TestVolumes.HIGH) / 2);
        assertThat(Api.json(api.get("/api/sessions/" + id)).get("results").toString()).contains("fused", "suggestions");
    }

    @Test
    void downloadsSupportRangeRequests() throws Exception {
        String id = api.createSession();
        byte[] image = TestVolumes.imageBytes(scratch, false);
        assertThat(api.put("/api/sessions/" + id + "/image", image).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> whole = api.getBytes("/api/sessions/" + id + "/image");
        assertThat(whole.body()).isEqualTo(image);
        assertThat(whole.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/octet-stream"));
        HttpResponse<byte[]> part = api.getBytes("/api/sessions/" + id + "/image", "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(image, 100, 200));
    }

    @Test
    void unknownRoutesAndResourcesAnswerJson404() throws Exception {
        for (String path : new String[] {"/api/nothing", "/nothing.html", "/api/sessions/0123456789abcdef", "/api/jobs/0123456789abcdef",
            "/api/sessions/../../etc/passwd"}) {
            HttpResponse<String> r = api.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(Api.json(r).get("error").asText()).as(path).isNotBlank();
        }
        String id = api.createSession();
        assertThat(api.get("/api/sessions/" + id + "/results/fused").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/sessions/" + id + "/results/secret").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/sessions/" + id + "/suggestions").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIndexAndSessionLifecycle() throws Exception {
        JsonNode health = Api.json(api.get("/api/health"));
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("version").asText()).isNotBlank().isNotEqualTo("unknown");
        assertThat(api.get("/").body()).contains("LabelProp");
        String a = api.createSession(), b = api.createSession();
        assertThat(ids(api.get("/api/sessions"))).containsExactly(a, b);
        assertThat(api.delete("/api/sessions/" + a).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/sessions/" + a).statusCode()).isEqualTo(404);
        assertThat(ids(api.get("/api/sessions"))).containsExactly(b);
    }

    private static java.util.List<String> ids(java.net.http.HttpResponse<String> r) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        Api.json(r).forEach(n -> out.add(n.get("id").asText()));
        return out;
    }
}
