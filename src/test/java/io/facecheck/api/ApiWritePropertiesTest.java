package io.facecheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.facecheck.store.StoreKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies, JSON objects of the routes' own fields with values of any type and raw text alike, sent to
 * every write route of a real server: whatever comes, the answer is JSON {error, message} with a 4xx, or a success,
 * never a 5xx. (The photo route gets its bodies as multipart that never parses into a photo: enrolling a real one
 * is {@link ApiFacesTest}'s.)
 */
class ApiWritePropertiesTest {
    private static final List<String> FIELDS = List.of("code", "name", "department", "greetingName", "active", "at",
            "direction", "reason", "zone", "id", "");
    private static Path dir;
    private static ApiFixture api;

    @BeforeContainer
    static void start() throws IOException {
        dir = Files.createTempDirectory("facecheck-api-props");
        api = new ApiFixture(StoreKind.H2, dir);
        api.services.employees().add("E1", "Erika One", null, "test");
    }

    @AfterContainer
    static void stop() throws IOException {
        api.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 150)
    void addingAnEmployeeNeverFailsTheServer(@ForAll("bodies") String body) {
        assertNoServerError("POST", "/employees", "application/json", body);
    }

    @Property(tries = 150)
    void changingAnEmployeeNeverFailsTheServer(@ForAll("bodies") String body, @ForAll("codes") String code) {
        assertNoServerError("PATCH", "/employees/" + Params.encode(code), "application/json", body);
    }

    @Property(tries = 150)
    void aCorrectionNeverFailsTheServer(@ForAll("bodies") String body) {
        assertNoServerError("POST", "/events", "application/json", body);
    }

    @Property(tries = 60)
    void aPhotoUploadThatIsNoMultipartNeverFailsTheServer(@ForAll("bodies") String body, @ForAll("codes") String code) {
        assertNoServerError("POST", "/employees/" + Params.encode(code) + "/faces",
                "multipart/form-data; boundary=facecheck", body);
    }

    @Property(tries = 40)
    void deletesOfAnyCodeNeverFailTheServer(@ForAll("codes") String code) {
        assertNoServerError("DELETE", "/employees/" + Params.encode(code) + "/faces", null, null);
        if (!code.equals("E1")) {
            assertNoServerError("DELETE", "/employees/" + Params.encode(code), null, null);
        }
    }

    private static void assertNoServerError(String method, String path, String type, String body) {
        ApiFixture.Reply r = api.send(method, path, api.admin, type, body);
        assertThat(r.status()).as("%s %s %s -> %s", method, path, body, r.body()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.json().has("error") && r.json().has("message")).as(r.body()).isTrue();
        }
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(Arbitraries.of("E1", "..", "E1/../E1", "E1'--", "%00", " "),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(s -> (Object) s),
                Arbitraries.strings().withChars("E1'\";-/\\.\u0000\u202e\ud800😀名 \t\n").ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of("IN", "OUT", "in", "sideways", "2025-03-03T09:00:00Z", "2025-03-03T09:00:00+02:00",
                        "+999999999-12-31T23:59:59Z", "E1", "Europe/Paris").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.just(Instant.EPOCH.toString()).map(s -> (Object) List.of(s, 1)));
        Arbitrary<String> objects = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(FIELDS),
                        Arbitraries.strings().ofMaxLength(20)), leaf).ofMaxSize(8)
                .map(ApiWritePropertiesTest::json);
        return Arbitraries.oneOf(objects, objects, objects, Arbitraries.strings().ofMaxLength(400),
                Arbitraries.of("", "null", "[]", "{", "{}", "\"x\"", "1e999", "{\"code\":{\"code\":{}}}"));
    }

    private static String json(Map<String, Object> fields) {
        try {
            return ApiFixture.JSON.writeValueAsString(new LinkedHashMap<>(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
