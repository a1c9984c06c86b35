// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** An unexpected failure is a 500 with an error id for the log, never the exception's class or message. */
class InternalErrorTest extends ServerFixture {
    @Test
    void aBrokenSessionRecordIs500WithAnErrorIdOnly() throws Exception {
        start();
        String id = api.createSession();
        Files.writeString(dataDir.resolve("sessions").resolve(id).resolve("session.json"), "{\"id\": [broken");
        HttpResponse<String> r = api.get("/api/sessions/" + id);
        assertThat(r.statusCode()).isEqualTo(500);
        String error = Api.json(r).get("error").asText();
        assertThat(error).matches("internal error [0-9a-f]{8}: .*log.*");
        assertThat(error).doesNotContain("Exception", "Json", "session.json", dataDir.toString(), "broken");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
