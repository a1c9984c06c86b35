// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server.napari;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.labelprop.nn.checkpoint.CheckpointStore;
import org.labelprop.nn.checkpoint.ShippedCheckpoint;

/** The plain routes of the napari-compatible API, its guard, and requests that become failed jobs. */
class NapariRoutesTest extends NapariFixture {
    @Test
    void listRoutesAnswerPlainTextAsTheOriginal() throws Exception {
        start(NapariConfig.on());
        assertThat(client.get("/check").body()).isEqualTo("Hello World!");
        assertThat(client.get("/list_ckpts").body()).isEmpty();
        assertThat(client.get("/list_hash").body()).isEmpty();
        assertThat(client.get("/get_session_list").body()).isEmpty();
        assertThat(client.get("/get_ckpt_dir").body()).isEqualTo(dataDir.toAbsolutePath().resolve("checkpoints").toString());
    }

    @Test
    void routesExistOnlyWhenEnabled() throws Exception {
        start(NapariConfig.off());
        assertThat(client.get("/check").statusCode()).isEqualTo(404);
        // the request policy refuses the plugin's body type before routing when the routes are off
        assertThat(client.post("/inference").statusCode()).isIn(404, 415);
    }

    @Test
    void foreignHostsAndWebPagesAreRefused() throws Exception {
        start(NapariConfig.on().withAllowedHosts(Set.of("LabServer.local")));
        int port = server.port();
        assertThat(client.rawGet("/check", "Host: localhost:" + port)).isEqualTo(200);
        assertThat(client.rawGet("/check", "Host: 127.0.0.1:" + port)).isEqualTo(200);
        assertThat(client.rawGet("/check", "Host: labserver.local:" + port)).isEqualTo(200);
        assertThat(client.rawGet("/check", "Host: attacker.example:" + port)).isEqualTo(421);
        assertThat(client.rawGet("/list_ckpts", "Host: localhost:" + port, "Origin: http://attacker.example")).isEqualTo(403);
        assertThat(client.rawGet("/list_ckpts", "Host: localhost:" + port, "Origin: null")).isEqualTo(403);
        assertThat(client.rawGet("/list_ckpts", "Host: localhost:" + port, "Origin: http://localhost:" + port)).isEqualTo(200);
    }

    @Test
    void badRequestsBecomeFailedJobsThatAreListedAndSurviveARestart() throws Exception {
        start(NapariConfig.on());
        String badAxis = client.postFiles("/inference", "arrays", arrays(true),
            "params", json("{\"z_axis\": 5, \"checkpoint\": \"x.ckpt\", \"criteria\": \"ncc\"}")).body();
        String badNpz = client.postFiles("/training", "arrays", "not a zip".getBytes(), "params", json("{\"z_axis\": 2}")).body();
        String noCkpt = client.postFiles("/inference", "arrays", arrays(true), "params", json("{\"z_axis\": 2, \"checkpoint\": \"nope.ckpt\"}")).body();
        for (String token : new String[] {badAxis, badNpz, noCkpt}) assertThat(token).hasSize(36).matches("[0-9a-f-]{36}");
        assertThat(client.get("/get_session_list").body().split(",")).containsExactly(badAxis, badNpz, noCkpt);
        assertThat(client.get("/download_inference?token=" + badAxis).body()).isEqualTo("failed: z_axis must be 0, 1 or 2 (an axis of the uploaded arrays), got 5");
        assertThat(client.get("/download_inference?token=" + badNpz).body()).startsWith("failed: the 'arrays' upload is not a NumPy .npz archive");
        assertThat(client.get("/download_inference?token=" + noCkpt).body()).contains("checkpoint 'nope.ckpt' is not on this server");
        assertThat(client.get("/get_session_info?token=" + badAxis).body()).isEqualTo("{\"z_axis\":5,\"checkpoint\":\"x.ckpt\",\"criteria\":\"ncc\"}");
        assertThat(client.get("/download_inference?token=unknown").statusCode()).isEqualTo(404);
        // one of our sessions and jobs each, under the token
        assertThat(client.get("/api/jobs/" + badAxis).body()).contains("\"state\":\"failed\"").contains("\"type\":\"napari-inference\"");
        assertThat(client.get("/api/sessions/" + badAxis).statusCode()).isEqualTo(200);

        restart(NapariConfig.on());
        assertThat(client.get("/get_session_list").body().split(",")).containsExactly(badAxis, badNpz, noCkpt);
        assertThat(client.get("/download_inference?token=" + badAxis).body()).contains("z_axis must be 0, 1 or 2");
    }

    @Test
    void checkpointUploadsAreCheckedAndNamed() throws Exception {
        start(NapariConfig.on());
        byte[] lightning = {'P', 'K', 3, 4, 0, 0, 0, 0};
        HttpResponse<String> r = client.postFiles("/send_ckpt", "pretrained.ckpt", lightning);
        assertThat(r.body()).contains("expected a file part named 'ckpt'");
        r = sendCkpt("pretrained.ckpt", lightning);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("is a PyTorch (Lightning) checkpoint of the original LabelProp");
        java.nio.file.Path ours = dataDir.resolve("ours");
        CheckpointStore.write(ShippedCheckpoint.load(), ours);
        assertThat(sendCkpt("../../my model", Files.readAllBytes(ours)).body()).isEqualTo("ok");
        assertThat(sendCkpt("mine.ckpt", Files.readAllBytes(ours)).body()).isEqualTo("ok");
        assertThat(client.get("/list_ckpts").body()).isEqualTo("mine.ckpt,my_model.ckpt");
        assertThat(sendCkpt("mine.ckpt", new byte[] {1, 2}).statusCode()).isEqualTo(422);
        assertThat(client.post("/set_ckpt_dir?ckpt_dir=" + dataDir.toAbsolutePath().resolve("checkpoints")).body()).isEqualTo("ok");
        r = client.post("/set_ckpt_dir?ckpt_dir=/tmp/elsewhere");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).startsWith("Unallowed to create checkpoint directory");
        assertThat(Files.exists(java.nio.file.Path.of("/tmp/elsewhere"))).isFalse();
    }

    @Test
    void aJobPastItsDeadlineEndsFailed() throws Exception {
        start(NapariConfig.on().withTimeoutSeconds(2));
        String token = client.postFiles("/training", "arrays", arrays(true),
            "params", json("{\"z_axis\": 2, \"max_epochs\": 100000, \"time_budget\": 600, \"name\": \"slow\"}")).body();
        client.awaitFinished(token, Duration.ofSeconds(60));
        assertThat(client.get("/download_inference?token=" + token).body()).contains("timed out");
    }

    /** The multipart part 'ckpt' with the given file name, as requests sends {@code files={'ckpt': open(path)}}. */
    private HttpResponse<String> sendCkpt(String fileName, byte[] content) throws Exception {
        byte[] body = MultipartFormTest.body(MultipartFormTest.BOUNDARY, "ckpt", content);
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("filename=\"ckpt\"", "filename=\"" + fileName + "\"");
        return client.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/send_ckpt"))
            .header("Content-Type", "multipart/form-data; boundary=" + MultipartFormTest.BOUNDARY)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
