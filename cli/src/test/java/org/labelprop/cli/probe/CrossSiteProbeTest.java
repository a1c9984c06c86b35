// SPDX-License-Identifier: Apache-2.0
package org.labelprop.cli.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelprop.server.RawHttp;
import org.labelprop.server.TestVolumes;

/** What any web page the user visits could try: DNS rebinding, cross-site simple requests; plus headers on every answer. */
@Tag("probe")
class CrossSiteProbeTest extends ServerProbe {

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        serve(tmp, "384m");
        assertThat(api.put("/api/sessions/" + session + "/image", TestVolumes.imageBytes(dir, true)).status()).isEqualTo(200);
        assertThat(api.put("/api/sessions/" + session + "/labels", TestVolumes.labelBytes(dir, TestVolumes.GRID)).status()).isEqualTo(200);
    }


    @Test
    void dnsRebindingHostIsRefused() throws Exception {
        List<String> figures = new ArrayList<>();
        for (String path : List.of("/api/sessions", "/api/sessions/" + session + "/image", "/")) {
            RawHttp.Response r = RawHttp.send(server.port, "GET", path, null, "Host: rebind.evil.example:" + server.port);
            assertThat(r.status()).as(path).isIn(421, 403);
            assertThat(r.body()).doesNotContain(session);
            figures.add(path.replace(session, "{id}") + " " + r.status() + " in " + r.millis() + " ms");
        }
        Figures.report("rebinding Host", String.join(", ", figures));
    }

    @Test
    void crossSiteSimplePostsChangeNothing() throws Exception {
        int sessionsBefore = ProbeApi.json(api.get("/api/sessions")).size();
        List<String> figures = new ArrayList<>();
        String[][] attacks = {
            {"/api/sessions", "text/plain", "{\"name\":\"csrf\"}"},
            {"/api/sessions", "application/x-www-form-urlencoded", "name=csrf"},
            {"/api/sessions", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n"},
            {"/api/sessions/" + session + "/jobs", "text/plain", "{\"type\":\"propagate\",\"method\":\"shape\"}"},
            {"/api/sessions/" + session + "/jobs", "application/x-www-form-urlencoded", "{\"type\":\"propagate\",\"method\":\"shape\"}="},
        };
        for (String[] a : attacks) {
            // what a cross-site form or fetch(no-cors) sends: the attacker's Origin (or none, for old or odd clients)
            for (String origin : new String[] {"Origin: https://attacker.example", null}) {
                RawHttp.Response r = origin == null
                    ? RawHttp.send(server.port, "POST", a[0], a[2].getBytes(StandardCharsets.UTF_8), "Content-Type: " + a[1])
                    : RawHttp.send(server.port, "POST", a[0], a[2].getBytes(StandardCharsets.UTF_8), "Content-Type: " + a[1], origin);
                assertThat(r.status()).as(a[0] + " " + a[1] + " " + origin).isIn(403, 415);
                if (origin == null) figures.add(a[1].replaceAll(";.*", "") + (a[0].endsWith("jobs") ? " job" : " session") + " " + r.status());
            }
        }
        RawHttp.Response json = RawHttp.send(server.port, "POST", "/api/sessions", "{}".getBytes(StandardCharsets.UTF_8),
            "Content-Type: application/json", "Origin: https://attacker.example");
        assertThat(json.status()).as("JSON with a foreign Origin").isEqualTo(403);
        assertThat(RawHttp.send(server.port, "POST", "/api/sessions", "{}".getBytes(StandardCharsets.UTF_8),
            "Content-Type: application/json", "Origin: null").status()).as("Origin null").isEqualTo(403);
        assertThat(ProbeApi.json(api.get("/api/sessions")).size()).as("sessions created").isEqualTo(sessionsBefore);
        assertThat(ProbeApi.json(api.get("/api/jobs")).size()).as("jobs started").isZero();
        figures.add("JSON+foreign Origin " + json.status());
        Figures.report("cross-site simple POSTs", String.join(", ", figures) + "; sessions/jobs created: 0/0");
    }

    @Test
    void everyAnswerHasSecurityHeadersAndNoHtmlError() throws Exception {
        String[][] requests = {{"GET", "/"}, {"GET", "/api/health"}, {"GET", "/no/such/page"}, {"GET", "/%zz"}, {"BREW", "/"},
            {"GET", "/api/sessions/" + session + "/results/fused"}, {"DELETE", "/index.html"}, {"GET", "/..%2f..%2fetc/passwd"}};
        int errors = 0;
        for (String[] q : requests) {
            RawHttp.Response r = RawHttp.send(server.port, q[0], q[1], null);
            assertThat(r.header("Content-Security-Policy")).as(q[1]).contains("frame-ancestors 'none'", "script-src 'self'");
            assertThat(r.header("X-Content-Type-Options")).as(q[1]).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(q[1]).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(q[1]).isEqualTo("no-referrer");
            if (r.status() >= 400) {
                errors++;
                assertThat(r.header("Content-Type")).as(q[0] + " " + q[1]).startsWith("application/json");
                assertThat(r.body()).as(q[0] + " " + q[1]).startsWith("{\"error\":").doesNotContainIgnoringCase("<html");
            }
        }
        Figures.report("security headers, no HTML errors", requests.length + " answers with CSP/nosniff/DENY/no-referrer, "
            + errors + " errors all JSON");
    }
}
