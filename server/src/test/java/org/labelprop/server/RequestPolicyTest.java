// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.labelprop.server.http.SecurityHeaders;

/** Host, Origin and body-type rules, CORS for configured origins, and the security headers on every answer. */
class RequestPolicyTest extends ServerFixture {
    private RawHttp.Response get(String path, String... headers) throws Exception {
        return RawHttp.send(server.port(), "GET", path, null, headers);
    }

    private RawHttp.Response post(String path, String body, String... headers) throws Exception {
        return RawHttp.send(server.port(), "POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Test
    void aForeignHostIs421AndLocalNamesAndAddressesPass() throws Exception {
        start(config().withAllowedHosts(List.of("labelprop.lan")));
        RawHttp.Response r = get("/api/sessions", "Host: evil.example:" + server.port());
        assertThat(r.status()).isEqualTo(421);
        assertThat(r.body()).contains("--allowed-host").doesNotContain("[");
        assertThat(get("/", "Host: attacker.test").status()).as("the UI too").isEqualTo(421);
        assertThat(get("/api/health", "Host: localhost.evil.example").status()).isEqualTo(421);
        for (String ok : List.of("localhost:" + server.port(), "LOCALHOST", "127.0.0.1:" + server.port(), "[::1]:" + server.port(),
            "10.1.2.3", "labelprop.lan", "labelprop.lan."))
            assertThat(get("/api/sessions", "Host: " + ok).status()).as(ok).isEqualTo(200);
    }

    @Test
    void crossSiteSimplePostsAre415AndCreateNothing() throws Exception {
        start();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            RawHttp.Response r = post("/api/sessions", "{\"name\":\"x\"}", "Content-Type: " + type);
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.body()).contains("application/json");
        }
        assertThat(post("/api/sessions", "{}").status()).as("no Content-Type").isEqualTo(415);
        assertThat(RawHttp.send(server.port(), "PUT", "/api/checkpoints/x", new byte[10], "Content-Type: text/plain").status()).isEqualTo(415);
        assertThat(api.get("/api/sessions").body()).isEqualTo("[]");
        assertThat(post("/api/sessions", "{}", "Content-Type: application/json; charset=utf-8").status()).isEqualTo(201);
    }

    @Test
    void aForeignOriginIs403AndTheServersOwnPasses() throws Exception {
        start();
        int port = server.port();
        for (String origin : List.of("https://evil.example", "null", "http://127.0.0.1:" + (port + 1), "http://localhost:" + port + ".evil.example")) {
            RawHttp.Response r = post("/api/sessions", "{}", "Content-Type: application/json", "Origin: " + origin);
            assertThat(r.status()).as(origin).isEqualTo(403);
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        }
        assertThat(get("/api/sessions", "Origin: https://evil.example").status()).as("reads too").isEqualTo(403);
        assertThat(post("/api/sessions", "{}", "Content-Type: application/json", "Origin: http://127.0.0.1:" + port).status()).isEqualTo(201);
        assertThat(post("/api/sessions", "{}", "Content-Type: application/json", "Host: localhost:" + port,
            "Origin: http://localhost:" + port).status()).isEqualTo(201);
    }

    @Test
    void aConfiguredRemoteUiGetsCorsAndItsPreflight() throws Exception {
        start(config().withAllowedOrigins(List.of("https://ui.example.org")));
        RawHttp.Response pre = RawHttp.send(server.port(), "OPTIONS", "/api/sessions", null, "Origin: https://ui.example.org",
            "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type, authorization");
        assertThat(pre.status()).isEqualTo(204);
        assertThat(pre.header("Access-Control-Allow-Origin")).isEqualTo("https://ui.example.org");
        assertThat(pre.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Type");
        RawHttp.Response r = post("/api/sessions", "{}", "Content-Type: application/json", "Origin: https://ui.example.org");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("https://ui.example.org");
        assertThat(r.header("Access-Control-Expose-Headers")).contains("Location");
        assertThat(RawHttp.send(server.port(), "OPTIONS", "/api/sessions", null, "Origin: https://evil.example",
            "Access-Control-Request-Method: POST").status()).isEqualTo(403);
    }

    @Test
    void aPreflightNeedsNoTokenButTheRequestDoes() throws Exception {
        start(config().withToken("secret").withAllowedOrigins(List.of("https://ui.example.org")));
        RawHttp.Response pre = RawHttp.send(server.port(), "OPTIONS", "/api/sessions", null, "Origin: https://ui.example.org",
            "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization");
        assertThat(pre.status()).isEqualTo(204);
        RawHttp.Response without = get("/api/sessions", "Origin: https://ui.example.org");
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.header("Access-Control-Allow-Origin")).as("so the remote page can read the 401").isEqualTo("https://ui.example.org");
        assertThat(get("/api/sessions", "Origin: https://ui.example.org", "Authorization: Bearer secret").status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoneIsHtml() throws Exception {
        start();
        List<RawHttp.Response> answers = List.of(get("/"), get("/api/health"), get("/nope"), get("/api/sessions/zz"),
            get("/%zz"), get("/api/health", "X-Big: " + "a".repeat(20_000)), post("/api/sessions", "{", "Content-Type: application/json"),
            post("/api/sessions", "{}", "Host: evil.example"), RawHttp.send(server.port(), "BREW", "/", null),
            RawHttp.send(server.port(), "DELETE", "/index.html", null));
        for (RawHttp.Response r : answers) {
            SecurityHeaders.always().forEach((name, value) -> assertThat(r.header(name)).as(r.status() + " " + name).isEqualTo(value));
            if (r.status() >= 400) {
                assertThat(r.header("Content-Type")).as(r.status() + " " + r.body()).startsWith("application/json");
                assertThat(r.body()).as(r.status() + "").startsWith("{\"error\":").doesNotContain("<html", "Exception");
            }
        }
        try (java.net.Socket raw = RawHttp.connect(server.port())) { // not HTTP at all: Jetty answers before any handler
            raw.getOutputStream().write("HELLO THERE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            RawHttp.Response r = RawHttp.read(raw.getInputStream(), System.nanoTime());
            assertThat(r.status()).isIn(400, 505);
            assertThat(r.body()).startsWith("{\"error\":").doesNotContain("<html", "internal error");
        }
        assertThat(answers.get(0).body()).contains("<!doctype html>");
        assertThat(answers.get(1).header("Cache-Control")).isEqualTo("no-store");
    }
}
