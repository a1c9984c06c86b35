// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.labelprop.io.ItkSnapLabels;
import org.labelprop.labels.LabelDescription;
import org.labelprop.labels.LabelPalette;

/**
 * Label descriptions are kept per session on the server: every label value present gets one, renames, recolours and
 * ITK-SNAP imports are stored (as an ITK-SNAP file on disk) and come back with the session, also after a restart.
 */
class LabelDescriptionsApiTest extends ServerFixture {
    private String sessionWithLabels() throws Exception {
        String id = api.createSession();
        assertThat(api.put("/api/sessions/" + id + "/image", TestVolumes.imageBytes(scratch, true)).statusCode()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + id + "/labels", TestVolumes.labelBytes(scratch, TestVolumes.GRID)).statusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void everyLabelPresentHasADescriptionInItsPaletteColour() throws Exception {
        start();
        String id = sessionWithLabels();
        JsonNode d = Api.json(api.get("/api/sessions/" + id)).get("labelDescriptions");
        assertThat(d).hasSize(2);
        for (int v = 1; v <= 2; v++) {
            JsonNode e = d.get(v - 1);
            assertThat(e.get("value").asInt()).isEqualTo(v);
            assertThat(e.get("name").asText()).isEqualTo("Label " + v);
            int[] rgb = LabelPalette.colour(v);
            assertThat(e.get("colour").toString()).isEqualTo("[" + rgb[0] + "," + rgb[1] + "," + rgb[2] + "]");
        }
        assertThat(Api.json(api.get("/api/sessions/" + id + "/label-descriptions")).get("labels")).isEqualTo(d);
    }

    @Test
    void renamesAndRecoloursAreStoredAsAnItkSnapFileAndSurviveARestart() throws Exception {
        start();
        String id = sessionWithLabels();
        HttpResponse<String> r = api.post("/api/sessions/" + id + "/label-descriptions",
            "{\"labels\":[{\"value\":1,\"name\":\"Caudate L\",\"colour\":[10,20,30]},{\"value\":7,\"name\":\"Thalamus R\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        // 1 and 7 as given (7 in its palette colour), 2 completed because it is present in the annotations
        assertThat(Api.json(r).get("labels").findValuesAsText("name")).containsExactly("Caudate L", "Label 2", "Thalamus R");
        Path file = dataDir.resolve("sessions").resolve(id).resolve("label-descriptions.txt");
        assertThat(ItkSnapLabels.read(file).entries()).containsExactly(new LabelDescription(1, "Caudate L", 10, 20, 30, 1, true),
            LabelDescription.byDefault(7).withName("Thalamus R"));
        server.stop();
        start();
        JsonNode d = Api.json(api.get("/api/sessions/" + id)).get("labelDescriptions");
        assertThat(d.get(0).get("name").asText()).isEqualTo("Caudate L");
        assertThat(d.get(0).get("colour").toString()).isEqualTo("[10,20,30]");
    }

    @Test
    void anItkSnapFileReplacesTheDescriptionsAndIsServedBackInThatFormat() throws Exception {
        start();
        String id = sessionWithLabels();
        String file = "# ITK-SNAP Label Description File\n    0 0 0 0 0 0 0 \"Clear Label\"\n    2 255 0 0 1 1 1 \"Liver\"\n"
            + "    5 0 128 255 0.5 0 0 \"Left kidney\"\n";
        HttpResponse<String> r = api.put("/api/sessions/" + id + "/label-descriptions.txt", file.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Api.json(r).get("labels").findValuesAsText("name")).containsExactly("Label 1", "Liver", "Left kidney");
        HttpResponse<String> text = api.get("/api/sessions/" + id + "/label-descriptions.txt");
        assertThat(text.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"" + id + ".labels.txt\"");
        Path back = Files.writeString(scratch.resolve("back.txt"), text.body());
        assertThat(ItkSnapLabels.read(back).entries()).containsExactly(LabelDescription.byDefault(1),
            new LabelDescription(2, "Liver", 255, 0, 0, 1, true), new LabelDescription(5, "Left kidney", 0, 128, 255, 0.5, false));
    }

    @Test
    void unusableDescriptionsAreRefusedNamingTheEntryAndNeverAPath() throws Exception {
        start();
        String id = sessionWithLabels();
        String base = "/api/sessions/" + id + "/label-descriptions";
        HttpResponse<String> r = api.post(base, "{\"labels\":[{\"value\":1},{\"value\":2,\"color\":[1,2,3]}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("unknown field \\\"color\\\" in labels[1]");
        r = api.post(base, "{\"labels\":[{\"value\":3,\"colour\":[1,2,300]}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("labels[0].colour must be [red, green, blue] with each from 0 to 255");
        r = api.post(base, "{\"labels\":[{\"value\":3},{\"value\":3}]}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("label 3 is described twice");
        r = api.put(base + ".txt", "1 2 3 \"x\"\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("label description upload line 1: expected IDX R G B A VIS MSH").doesNotContain(dataDir.toString());
        // a text/plain body is what a cross-site form could send: refused by the request policy
        r = api.send(api.request(base + ".txt").header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(api.post("/api/sessions/0123456789abcdef/label-descriptions", "{\"labels\":[]}").statusCode()).isEqualTo(404);
    }

    @Test
    void conventionsServeCoresPaletteAndCoverageTexts() throws Exception {
        start();
        JsonNode c = Api.json(api.get("/api/label-conventions"));
        assertThat(c.get("palette")).hasSize(LabelPalette.size());
        for (int v = 1; v <= LabelPalette.size(); v++) {
            int[] rgb = LabelPalette.colour(v);
            JsonNode e = c.get("palette").get(v - 1);
            assertThat(new int[] {e.get(0).asInt(), e.get(1).asInt(), e.get(2).asInt()}).isEqualTo(rgb);
            // never white, grey or black: the channels differ clearly
            assertThat(Math.max(rgb[0], Math.max(rgb[1], rgb[2])) - Math.min(rgb[0], Math.min(rgb[1], rgb[2]))).isGreaterThanOrEqualTo(60);
        }
        assertThat(c.get("backgroundHint").asInt()).isEqualTo(255);
        assertThat(c.get("coverage").get("single-slice").asText()).contains("annotate one more slice to propagate it");
    }
}
