// SPDX-License-Identifier: Apache-2.0
package org.labelprop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-written openapi.yaml lists exactly the routes the server registers, and it is served. */
class OpenApiSpecTest extends ServerFixture {
    @Test
    void specParsesAndEqualsTheRegisteredRoutes() throws Exception {
        start();
        String yaml = api.get("/openapi.yaml").body();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        OpenAPI spec = parsed.getOpenAPI();
        Set<String> documented = new TreeSet<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap()
            .forEach((method, op) -> documented.add(method.name() + " " + path)));
        assertThat(documented).isEqualTo(new TreeSet<>(server.routes()));
        assertThat(documented).contains("GET /api/health", "POST /api/sessions/{id}/jobs", "GET /api/jobs/{jobId}/events");
        PathItem health = spec.getPaths().get("/api/health");
        assertThat(health.getGet().getSecurity()).isEmpty();
    }
}
