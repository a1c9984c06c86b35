// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelprop.io.Nifti;
import org.labelprop.volume.LabelVolume;
import org.labelprop.volume.Volume;

/** The real "propagate" job (train on the scan, fields, propagation) over HTTP, on CPU with a tiny budget. */
class PropagateJobTest extends ServerFixture {
    String id;

    @BeforeEach
    void up() throws Exception {
        start();
        id = api.createSession();
        assertThat(api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true)).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID)).statusCode()).isEqualTo(200);
    }

    @Test
    void trainJobPublishesAllFourVolumesOnTheImageGridAndSuggestions() throws Exception {
        HttpResponse<String> r = api.post("/api/sessions/" + id + "/jobs",
            "{\"type\":\"train\",\"axis\":2,\"training\":{\"steps\":2},\"inference\":{\"fusion\":\"distance\"},\"refinement\":{\"steps\":0}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonNode done = api.awaitJob(Api.json(r).get("id").asText(), Duration.ofSeconds(60));
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("message").asText()).contains("trained 2 steps", "saved as checkpoint 'session-" + id + "'");
        // the job record shows the whole request, defaults included, so a result can be reproduced
        assertThat(done.at("/params/inference/fusion").asText()).isEqualTo("distance");
        assertThat(done.at("/params/inference/sliceSmoothing").asDouble()).isEqualTo(1.0);
        for (String name : new String[] {"fused", "up", "down", "uncertainty"}) {
            HttpResponse<byte[]> f = api.getBytes("/api/sessions/" + id + "/results/" + name);
            assertThat(f.statusCode()).as(name).isEqualTo(200);
            Path p = scratch.resolve(name + ".nii.gz");
            Files.write(p, f.body());
            if (name.equals("uncertainty")) {
                Volume u = Nifti.readVolume(p);
                assertThat(TestVolumes.GRID.mismatch(u.grid(), name)).isNull();
            } else {
                LabelVolume v = Nifti.readLabels(p);
                assertThat(TestVolumes.GRID.mismatch(v.grid(), name)).isNull();
                if (name.equals("fused")) {
                    // annotated slices keep their annotation exactly; the disk centre is labelled in between
                    assertThat(v.get(6, 6, TestVolumes.LOW)).isEqualTo(1);
                    assertThat(v.get(6, 6, (TestVolumes.LOW + TestVolumes.HIGH) / 2)).isEqualTo(1);
                    assertThat(v.get(0, 0, TestVolumes.LOW + 1)).isZero();
                }
            }
        }
        JsonNode s = Api.json(api.get("/api/sessions/" + id + "/suggestions"));
        assertThat(s.get("method").asText()).isEqualTo("uncertainty");
        assertThat(s.get("axis").asInt()).isEqualTo(2);
    }

    @Test
    void aRunningTrainingIsCancelledWithinSeconds() throws Exception {
        HttpResponse<String> r = api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"train\",\"training\":{\"seconds\":120}}");
        String job = Api.json(r).get("id").asText();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode s;
        do {
            s = Api.json(api.get("/api/jobs/" + job));
            Thread.sleep(20);
        } while (!(s.get("state").asText().equals("running") && s.get("message").asText().startsWith("training")) && System.nanoTime() < end);
        assertThat(s.get("message").asText()).as(s.toString()).startsWith("training");
        long t0 = System.nanoTime();
        assertThat(api.delete("/api/jobs/" + job).statusCode()).isEqualTo(200);
        JsonNode last = api.awaitJob(job, Duration.ofSeconds(10));
        assertThat(last.get("state").asText()).isEqualTo("cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(api.get("/api/sessions/" + id + "/results/fused").statusCode()).as("nothing published").isEqualTo(404);
    }

    @Test
    void trainSavesACheckpointThatPropagateUsesWithoutTraining() throws Exception {
        String train = Api.json(api.post("/api/sessions/" + id + "/jobs",
            "{\"type\":\"train\",\"training\":{\"steps\":1},\"refinement\":{\"steps\":0},\"saveAs\":\"tiny\"}")).get("id").asText();
        JsonNode t = api.awaitJob(train, Duration.ofSeconds(60));
        assertThat(t.get("state").asText()).as(t.toString()).isEqualTo("succeeded");
        assertThat(t.get("message").asText()).contains("saved as checkpoint 'tiny'", "from the shipped pretrained checkpoint");
        String scratch = Api.json(api.post("/api/sessions/" + id + "/jobs",
            "{\"type\":\"train\",\"training\":{\"steps\":1},\"refinement\":{\"steps\":0},\"saveAs\":\"scratch\",\"weights\":\"none\"}"))
            .get("id").asText();
        JsonNode s = api.awaitJob(scratch, Duration.ofSeconds(60));
        assertThat(s.get("message").asText()).as(s.toString()).contains("from random weights");
        HttpResponse<String> bad = api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"train\",\"fromScratch\":true}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("fromScratch");
        assertThat(Api.json(api.get("/api/checkpoints")).findValuesAsText("name")).containsExactlyInAnyOrder("tiny", "scratch");

        String again = Api.json(api.post("/api/sessions/" + id + "/jobs", "{\"type\":\"train\",\"training\":{\"steps\":1},\"saveAs\":\"tiny\"}"))
            .get("id").asText();
        JsonNode a = api.awaitJob(again, Duration.ofSeconds(60));
        assertThat(a.get("state").asText()).isEqualTo("failed");
        assertThat(a.get("message").asText()).contains("exists", "overwrite");

        String prop = Api.json(api.post("/api/sessions/" + id + "/jobs",
            "{\"type\":\"propagate\",\"weights\":\"tiny\",\"refinement\":{\"steps\":0}}")).get("id").asText();
        JsonNode p = api.awaitJob(prop, Duration.ofSeconds(60));
        assertThat(p.get("state").asText()).as(p.toString()).isEqualTo("succeeded");
        assertThat(p.get("message").asText()).startsWith("segmented with method deep").doesNotContain("trained");
        assertThat(api.getBytes("/api/sessions/" + id + "/results/fused").statusCode()).isEqualTo(200);
    }
}
