package io.facecheck.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document against the running server: the same routes both ways, the same scope per route,
 * and for every route the statuses it really answers (no token, a token without the scope, a normal call) are
 * among those it documents, with the documented error shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    @TempDir
    static Path tmp;
    ApiFixture api;
    JsonNode doc;
    String noScope;

    @BeforeAll
    void start() throws Exception {
        api = new ApiFixture(StoreKind.H2, tmp);
        api.services.employees().add("E1", "Erika One", null, "test");
        // a token with only kiosks:read lacks the scope of every other route, and for /kiosks the reader lacks it
        noScope = api.services.tokens().create("kiosk-only", Set.of(io.facecheck.app.ApiScope.KIOSKS_READ), "test")
                .secret();
        ApiFixture.Reply r = api.send("GET", "/openapi.json", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        doc = r.json();
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void theDocumentIsOpenApi3WithTheServersBase() {
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("servers").get(0).get("url").asText()).endsWith(ApiServer.BASE);
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualToIgnoringCase("bearer");
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) {
                documented.add(m.toUpperCase(Locale.ROOT) + " " + ApiServer.BASE + p.getKey());
            }
        }));
        assertThat(new TreeSet<>(api.server.registered())).isEqualTo(documented);
    }

    @Test
    void everyRouteDocumentsTheScopeItChecks() {
        for (Route r : ApiServer.routes(api.services)) {
            JsonNode security = operation(r).get("security");
            if (r.scope() == null) {
                assertThat(security).as(r.path()).isNotNull();
                assertThat(security.isEmpty()).as("%s needs no token", r.path()).isTrue();
            } else {
                assertThat(security.get(0).get("bearer").get(0).asText()).as(r.method() + " " + r.path())
                        .isEqualTo(r.scope().word());
            }
        }
    }

    @Test
    void theStatusesEveryRouteAnswersAreDocumented() {
        List<String> undocumented = new ArrayList<>();
        for (Route r : ApiServer.routes(api.services)) {
            JsonNode responses = operation(r).get("responses");
            String path = r.path().replace("{code}", "E1");
            String type = r.method().name().equals("POST") || r.method().name().equals("PATCH")
                    ? (r.path().endsWith("/faces") ? "multipart/form-data; boundary=x" : "application/json") : null;
            String body = type == null ? null : type.startsWith("multipart") ? "--x--\r\n" : "{}";
            List<ApiFixture.Reply> replies = new ArrayList<>();
            replies.add(api.send(r.method().name(), path, null, type, body));
            replies.add(api.send(r.method().name(), path, api.admin, type, body));
            if (type != null) {
                replies.add(api.send(r.method().name(), path, api.admin, "text/plain", "x")); // 415
            }
            if (r.scope() != null) {
                String without = r.scope() == io.facecheck.app.ApiScope.KIOSKS_READ ? api.reader : noScope;
                ApiFixture.Reply forbidden = api.send(r.method().name(), path, without, type, body);
                assertThat(forbidden.status()).as(r.path()).isEqualTo(403);
                replies.add(forbidden);
            }
            for (ApiFixture.Reply reply : replies) {
                String status = Integer.toString(reply.status());
                if (!responses.has(status)) {
                    undocumented.add(r.method() + " " + r.path() + " answered " + status + ": " + reply.body());
                } else if (reply.status() >= 400) {
                    assertThat(resolved(responses.get(status)).at("/content/application~1json/schema/$ref").asText())
                            .as(r.path() + " " + status).isEqualTo("#/components/schemas/Error");
                    assertThat(reply.json().has("error") && reply.json().has("message")).as(reply.body()).isTrue();
                }
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(doc.at("/components/schemas/Error/required").toString()).contains("error").contains("message");
    }

    /** A response object, or the component it refers to ({@code $ref: #/components/responses/400}). */
    private JsonNode resolved(JsonNode response) {
        return response.has("$ref") ? doc.at(response.get("$ref").asText().substring(1)) : response;
    }

    private JsonNode operation(Route r) {
        JsonNode op = doc.get("paths").path(r.path()).path(r.method().name().toLowerCase(Locale.ROOT));
        assertThat(op.isMissingNode()).as("%s %s in openapi.json", r.method(), r.path()).isFalse();
        return op;
    }
}
