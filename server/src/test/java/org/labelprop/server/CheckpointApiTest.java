// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.checkpoint.Checkpoint;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.checkpoint.TrainingInfo;
import org.labelprop.nn.network.NetworkConfig;

class CheckpointApiTest extends ServerFixture {
    @BeforeEach
    void up() throws Exception { start(); }

    @Test
    void storesListsAndReturnsCheckpointsWithoutSilentOverwrites() throws Exception {
        byte[] v1 = checkpoint(1f), v2 = checkpoint(2f);
        assertThat(api.put("/api/checkpoints/brain-ct_1.pt", v1).statusCode()).isEqualTo(201);
        HttpResponse<String> again = api.put("/api/checkpoints/brain-ct_1.pt", v2);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.json(again).get("error").asText()).contains("overwrite=true");
        assertThat(api.getBytes("/api/checkpoints/brain-ct_1.pt").body()).isEqualTo(v1);
        assertThat(api.put("/api/checkpoints/brain-ct_1.pt?overwrite=true", v2).statusCode()).isEqualTo(200);
        assertThat(api.getBytes("/api/checkpoints/brain-ct_1.pt").body()).isEqualTo(v2);
        assertThat(Api.json(api.get("/api/checkpoints")).findValuesAsText("name")).containsExactly("brain-ct_1.pt");
        assertThat(Api.json(api.get("/api/checkpoints")).get(0).get("bytes").asLong()).isEqualTo(v2.length);
        assertThat(api.get("/api/checkpoints/missing").statusCode()).isEqualTo(404);
    }

    @Test
    void corruptOrTruncatedCheckpointsAre422AndReplaceNothing() throws Exception {
        byte[] good = checkpoint(1f);
        assertThat(api.put("/api/checkpoints/model", good).statusCode()).isEqualTo(201);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 1;
        for (byte[] bad : new byte[][] {"weights v1".getBytes(), java.util.Arrays.copyOf(good, good.length - 9), flipped}) {
            HttpResponse<String> r = api.put("/api/checkpoints/model?overwrite=true", bad);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            // the message names the upload, never the temp file under the data directory
            assertThat(Api.json(r).get("error").asText()).contains("checkpoint upload").doesNotContain(dataDir.toString(), "upload-");
        }
        assertThat(api.getBytes("/api/checkpoints/model").body()).isEqualTo(good);
    }

    /** A small but well-formed checkpoint file (its weights do not fit a network; only the format is checked on upload). */
    static byte[] checkpoint(float value) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        CheckpointStore.write(new Checkpoint(NetworkConfig.defaults(), TrainingInfo.untrained(),
            java.util.Map.of("w", new Checkpoint.Weight(new long[] {2}, new float[] {value, 2 * value}))), out);
        return out.toByteArray();
    }

    @Test
    void badNamesAre400AndWriteNothing() throws Exception {
        for (String name : new String[] {"..", "..%2Fescape", "a..b", ".hidden", "-dash", "a%2Fb", "x".repeat(65), "sp%20ace"}) {
            HttpResponse<String> r = api.put("/api/checkpoints/" + name, "w".getBytes());
            assertThat(r.statusCode()).as(name + " -> " + r.body()).isIn(400, 404);
            assertThat(r.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(v -> assertThat(v).contains("json"));
        }
        assertThat(api.put("/api/checkpoints/a..b", "w".getBytes()).statusCode()).isEqualTo(400);
        assertThat(api.put("/api/checkpoints/.hidden", "w".getBytes()).statusCode()).isEqualTo(400);
        try (var s = Files.list(dataDir.resolve("checkpoints"))) { assertThat(s).isEmpty(); }
        try (var s = Files.list(dataDir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sessions", "jobs", "checkpoints", "tmp", ".lock");
        }
        assertThat(Api.json(api.get("/api/checkpoints"))).isEmpty();
        HttpResponse<String> job = api.post("/api/sessions/" + api.createSession() + "/jobs", "{\"type\":\"test-loop\",\"weights\":\"nope\"}");
        assertThat(job.statusCode()).isEqualTo(422);
    }
}
