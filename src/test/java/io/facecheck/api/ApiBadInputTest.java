package io.facecheck.api;

import io.facecheck.store.AuditLog;
import io.facecheck.store.Direction;
import io.facecheck.store.EventRepository;
import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad requests from the list, each answered with its documented 4xx as JSON {error, message}, and the
 * database exactly as before (employees, events, audit log, tokens). {@link ApiBadInputPostgresTest}: the same on
 * PostgreSQL, which refuses more than H2 does (NUL characters, unpaired surrogates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBadInputTest {
    private static final String JSON = "application/json";
    @TempDir
    static Path tmp;
    ApiFixture api;

    StoreKind kind() {
        return StoreKind.H2;
    }

    @BeforeAll
    void start() {
        api = new ApiFixture(kind(), tmp);
        api.services.employees().add("E1", "Erika One", "Ops", "test");
        api.services.corrections().add("E1", Instant.parse("2025-03-03T08:00:00Z"), Direction.IN, "seed", "test");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    static Stream<Arguments> badRequests() {
        String longText = "x".repeat(5000);
        return Stream.of(
                arguments("malformed JSON", "POST", "/employees", JSON, "{\"code\":\"X1\",", 400),
                arguments("JSON that is not an object", "POST", "/employees", JSON, "[\"X1\"]", 400),
                arguments("trailing data", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"A\"} {}", 400),
                arguments("duplicate key", "POST", "/employees", JSON, "{\"code\":\"X1\",\"code\":\"X2\",\"name\":\"A\"}", 400),
                arguments("a number for a string", "POST", "/employees", JSON, "{\"code\":5,\"name\":\"A\"}", 400),
                arguments("an array for a string", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":[\"A\"]}", 400),
                arguments("an unknown field", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"A\",\"salary\":1}", 400),
                arguments("a missing name", "POST", "/employees", JSON, "{\"code\":\"X1\"}", 400),
                arguments("an overlong code", "POST", "/employees", JSON, "{\"code\":\"" + "C".repeat(65) + "\",\"name\":\"A\"}", 400),
                arguments("an overlong name", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"" + "名".repeat(201) + "\"}", 400),
                arguments("a 5000-character name", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"" + longText + "\"}", 400),
                arguments("a line break in a name", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"A\\nB\"}", 400),
                arguments("a NUL in a name", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"A\\u0000B\"}", 400),
                arguments("an unpaired surrogate", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"A\\ud800B\"}", 400),
                arguments("a right-to-left override (bidi control)", "POST", "/employees", JSON, "{\"code\":\"X1\\u202e\",\"name\":\"A\"}", 400),
                arguments("../ in a new code", "POST", "/employees", JSON, "{\"code\":\"../E1\",\"name\":\"A\"}", 400),
                arguments("a taken code", "POST", "/employees", JSON, "{\"code\":\"E1\",\"name\":\"Someone Else\"}", 409),
                arguments("text/plain", "POST", "/employees", "text/plain", "{\"code\":\"X1\",\"name\":\"A\"}", 415),
                arguments("form encoding", "POST", "/employees", "application/x-www-form-urlencoded", "code=X1&name=A", 415),
                arguments("no content type", "POST", "/employees", null, "{\"code\":\"X1\",\"name\":\"A\"}", 415),
                arguments("an oversize body", "POST", "/employees", JSON, "{\"code\":\"X1\",\"name\":\"" + "a".repeat(70_000) + "\"}", 413),
                arguments("SQL in a code", "GET", "/employees/E1'%20OR%20'1'='1", null, null, 404),
                arguments("SQL in a delete", "DELETE", "/employees/E1';DROP%20TABLE%20employee;--", null, null, 404),
                arguments("SQL in a patch", "PATCH", "/employees/x'%20OR%201=1--", JSON, "{\"name\":\"Hacked\"}", 404),
                arguments("SQL in a correction's code", "POST", "/events", JSON,
                        "{\"code\":\"E1' OR '1'='1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"IN\",\"reason\":\"x\"}", 404),
                arguments("SQL in a query", "GET", "/events?code=E1'%20OR%201=1--&limit=1;DROP", null, null, 400),
                arguments("an encoded ../ in a code", "DELETE", "/employees/..%2FE1", null, null, 404),
                arguments("an encoded .. segment", "DELETE", "/employees/%2E%2E/faces", null, null, 400),
                arguments("a wrong type in a patch", "PATCH", "/employees/E1", JSON, "{\"active\":\"yes\"}", 400),
                arguments("an empty patch", "PATCH", "/employees/E1", JSON, "{}", 400),
                arguments("a blank name in a patch", "PATCH", "/employees/E1", JSON, "{\"name\":\"  \"}", 400),
                arguments("a tab in a department", "PATCH", "/employees/E1", JSON, "{\"department\":\"A\\tB\"}", 400),
                arguments("a direction that is neither", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"SIDEWAYS\",\"reason\":\"x\"}", 400),
                arguments("an instant without offset", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00\",\"direction\":\"IN\",\"reason\":\"x\"}", 400),
                arguments("an instant no database stores", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"+999999999-12-31T23:59:59Z\",\"direction\":\"IN\",\"reason\":\"x\"}", 400),
                arguments("a missing reason", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"IN\"}", 400),
                arguments("a blank reason", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"IN\",\"reason\":\" \"}", 400),
                arguments("an overlong reason", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"IN\",\"reason\":\"" + longText + "\"}", 400),
                arguments("a reason of 1000 emoji (2000 UTF-16 units)", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"IN\",\"reason\":\"" + "😀".repeat(1000) + "\"}", 400),
                arguments("a reason with a NUL", "POST", "/events", JSON,
                        "{\"code\":\"E1\",\"at\":\"2025-03-03T09:00:00Z\",\"direction\":\"IN\",\"reason\":\"a\\u0000b\"}", 400),
                arguments("a correction as text", "POST", "/events", "text/csv", "E1,2025-03-03T09:00:00Z,IN", 415),
                arguments("photos as JSON", "POST", "/employees/E1/faces", JSON, "{\"photo\":\"aGk=\"}", 415),
                arguments("a limit of 0", "GET", "/events?limit=0", null, null, 400),
                arguments("a limit that is not a number", "GET", "/events?limit=ten", null, null, 400),
                arguments("a forged cursor", "GET", "/events?cursor=MTo5OTk5OTk5OTk5OTk5OTk5OTk6MDox", null, null, 400),
                arguments("a date that is not one", "GET", "/events?from=2025-02-30", null, null, 400),
                arguments("a period that ends before it starts", "GET", "/events?from=2025-03-04&to=2025-03-01", null, null, 400),
                arguments("a timesheet without dates", "GET", "/timesheets", null, null, 400),
                arguments("a timesheet of three years", "GET", "/timesheets?from=2023-01-01&to=2025-12-31", null, null, 400),
                arguments("a zone that does not exist", "GET", "/timesheets?from=2025-03-01&to=2025-03-02&zone=Mars/Olympus", null, null, 400),
                arguments("a format that does not exist", "GET", "/timesheets?from=2025-03-01&to=2025-03-02&format=xml", null, null, 400));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @MethodSource("badRequests")
    void badInputGetsItsStatusAndChangesNothing(String what, String method, String path, String type, String body,
                                                int status) {
        String before = snapshot();
        ApiFixture.Reply r = api.send(method, path, api.admin, type, body);
        assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isNotBlank();
        assertThat(r.json().get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(snapshot()).as("database after " + what).isEqualTo(before);
    }

    /** Everything a write could touch, as text: employees, events, the audit log and the tokens' state. */
    private String snapshot() {
        return api.services.employees().list(true) + "\n" + new EventRepository(api.db).all() + "\n"
                + new AuditLog(api.db).recent(10_000).size() + "\n"
                + api.services.tokens().list().stream().map(t -> t.name() + t.scopes() + t.revoked()).toList();
    }

}
