// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthTest extends ServerFixture {
    @Test
    void withATokenEveryApiCallButHealthNeedsIt() throws Exception {
        start(config().withToken("s3cret"));
        String id = api.createSession();
        api.token = null;
        assertThat(api.get("/api/health").statusCode()).isEqualTo(200);
        for (HttpResponse<String> r : java.util.List.of(api.get("/api/sessions"), api.get("/api/sessions/" + id),
            api.post("/api/sessions", "{}"), api.put("/api/sessions/" + id + "/image", new byte[10]),
            api.delete("/api/sessions/" + id), api.get("/api/nothing"))) {
            assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()).isEqualTo(401);
            assertThat(Api.json(r).get("error").asText()).contains("token");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        api.token = "wrong";
        assertThat(api.get("/api/sessions").statusCode()).isEqualTo(401);
        api.token = "s3cret";
        assertThat(api.get("/api/sessions/" + id).statusCode()).isEqualTo(200);
        api.token = null;
        assertThat(api.get("/api/sessions/" + id + "?token=s3cret").statusCode()).as("query token on GET").isEqualTo(200);
        assertThat(api.delete("/api/sessions/" + id + "?token=s3cret").statusCode()).as("query token only on GET").isEqualTo(401);
    }

    @Test
    void withoutATokenNothingIsAsked() throws Exception {
        start();
        api.token = null;
        assertThat(api.get("/api/sessions").statusCode()).isEqualTo(200);
        assertThat(api.post("/api/sessions", "").statusCode()).isEqualTo(201);
    }

    @Test
    void refusesANonLoopbackHostWithoutAToken() {
        assertThatThrownBy(() -> start(config().withHost("0.0.0.0")))
            .isInstanceOf(org.labelprop.UserInputException.class).hasMessageContaining("non-loopback").hasMessageContaining("token");
    }
}
