package io.facecheck.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecheck.store.AuditEntry;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Direction;
import io.facecheck.store.KioskRegistry;
import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API end to end on a real server and a real H2 file ({@link ApiServerPostgresTest}: PostgreSQL): employees,
 * events paged, corrections, timesheets, kiosks, tokens and scopes, the audit actor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {
    @TempDir
    static Path tmp;
    ApiFixture api;

    StoreKind kind() {
        return StoreKind.H2;
    }

    @BeforeAll
    void start() {
        api = new ApiFixture(kind(), tmp);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void healthNeedsNoTokenAndSaysNothingElse() {
        ApiFixture.Reply r = api.send("GET", "/health", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void employeesAreAddedReadChangedAndDeletedWithTheTokenAsActor() {
        ApiFixture.Reply added = api.json("POST", "/employees",
                "{\"code\":\"E100\",\"name\":\"Zoë Ångström\",\"department\":\"Lab\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("name").asText()).isEqualTo("Zoë Ångström");

        JsonNode one = api.get("/employees/E100").json();
        assertThat(one.get("department").asText()).isEqualTo("Lab");
        assertThat(one.has("templates") || one.has("embedding") || one.has("crop")).isFalse();

        ApiFixture.Reply changed = api.json("PATCH", "/employees/E100",
                "{\"department\":\"\",\"greetingName\":\"Zoë\",\"active\":false}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("department").isNull()).isTrue();
        assertThat(changed.json().get("active").asBoolean()).isFalse();
        assertThat(codes(api.get("/employees").json())).doesNotContain("E100");
        assertThat(codes(api.get("/employees?all=true").json())).contains("E100");

        assertThat(api.json("POST", "/employees", "{\"code\":\"E100\",\"name\":\"Other\"}").status()).isEqualTo(409);
        assertThat(api.send("DELETE", "/employees/E100", api.admin, null, null).status()).isEqualTo(204);
        ApiFixture.Reply gone = api.get("/employees/E100");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("error").asText()).isEqualTo("not_found");

        List<AuditEntry> audit = new AuditLog(api.db).recent(20).stream().filter(a -> "E100".equals(a.target()))
                .toList();
        assertThat(audit).extracting(AuditEntry::action)
                .contains(AuditLog.EMPLOYEE_ADD, AuditLog.UPDATE, AuditLog.DELETE);
        assertThat(audit).extracting(AuditEntry::actor).containsOnly("payroll");
    }

    @Test
    void eventsComeInPagesInAStableOrderWithoutGapsOrRepeats() {
        api.services.employees().add("P1", "Paging One", null, "test");
        api.services.employees().add("P2", "Paging Two", null, "test");
        Instant base = Instant.parse("2025-05-05T06:00:00Z");
        for (int i = 0; i < 23; i++) {
            // pairs at the same instant: only the id breaks the tie, which a cursor must keep
            api.services.corrections().add(i % 2 == 0 ? "P1" : "P2", base.plusSeconds(60L * (i / 2)),
                    i % 4 < 2 ? Direction.IN : Direction.OUT, "seed", "test");
        }
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/events?from=2025-05-05&to=2025-05-05&limit=5"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("events").forEach(e -> ids.add(e.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(pages).isEqualTo(5);
        assertThat(ids).hasSize(23).doesNotHaveDuplicates();
        List<Long> all = new ArrayList<>();
        api.get("/events?from=2025-05-05T00:00:00Z&to=2025-05-06T00:00:00Z&limit=1000").json().get("events")
                .forEach(e -> all.add(e.get("id").asLong()));
        assertThat(ids).isEqualTo(all);

        JsonNode p2 = api.get("/events?from=2025-05-05&to=2025-05-05&code=P2").json();
        assertThat(p2.get("events")).hasSize(11).allMatch(e -> e.get("code").asText().equals("P2"));
        assertThat(api.get("/events?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
    }

    @Test
    void aCorrectionIsAddedWithItsReasonAndAudited() {
        api.services.employees().add("C1", "Corrected", null, "test");
        ApiFixture.Reply r = api.json("POST", "/events",
                "{\"code\":\"C1\",\"at\":\"2025-06-02T08:55:00+02:00\",\"direction\":\"in\",\"reason\":\"badge at home\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode e = r.json();
        assertThat(e.get("at").asText()).isEqualTo("2025-06-02T06:55:00Z");
        assertThat(e.get("localTime").asText()).isEqualTo("2025-06-02T08:55");
        assertThat(e.get("manual").asBoolean()).isTrue();
        assertThat(e.get("correctedBy").asText()).isEqualTo("payroll");
        assertThat(new AuditLog(api.db).recent(5)).anyMatch(a -> a.action().equals(AuditLog.CORRECTION)
                && a.actor().equals("payroll") && a.details().contains("badge at home"));
    }

    @Test
    void theTimesheetComesAsJsonAndAsCsv() {
        api.services.employees().add("T1", "Timesheet One", "Ops", "test");
        LocalDate day = LocalDate.of(2025, 7, 1);
        api.services.corrections().add("T1", day.atTime(8, 0).atZone(ApiFixture.ZONE).toInstant(), Direction.IN,
                "seed", "test");
        api.services.corrections().add("T1", day.atTime(16, 30).atZone(ApiFixture.ZONE).toInstant(), Direction.OUT,
                "seed", "test");
        ApiFixture.Reply r = api.get("/timesheets?from=2025-07-01&to=2025-07-01&zone=Europe/Paris");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode d : r.json().get("days")) {
            if (d.get("code").asText().equals("T1")) {
                row = d;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("date").asText()).isEqualTo("2025-07-01");
        assertThat(row.get("first_in").asText()).isEqualTo("2025-07-01T08:00");
        assertThat(row.get("last_out").asText()).isEqualTo("2025-07-01T16:30");
        assertThat(r.json().get("totals")).anyMatch(t -> t.get("code").asText().equals("T1"));

        ApiFixture.Reply csv = api.get("/timesheets?from=2025-07-01&to=2025-07-01&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("code,name,department,date,shift,status,first_in,last_out,worked_hours")
                .contains("T1,Timesheet One,Ops,2025-07-01,");
    }

    @Test
    void theTimesheetCsvKeepsANameThatLooksLikeAFormulaAsText() {
        api.services.employees().add("F1", "=HYPERLINK(\"http://x\",\"pay\")", "@Ops", "test");
        LocalDate day = LocalDate.of(2025, 7, 2);
        api.services.corrections().add("F1", day.atTime(9, 0).atZone(ApiFixture.ZONE).toInstant(), Direction.IN,
                "seed", "test");
        ApiFixture.Reply csv = api.get("/timesheets?from=2025-07-02&to=2025-07-02&zone=Europe/Paris&format=csv");
        assertThat(csv.body()).contains("F1,\"'=HYPERLINK(\"\"http://x\"\",\"\"pay\"\")\",'@Ops,2025-07-02,");
    }

    @Test
    void kiosksAreListedFromTheirHeartbeats() {
        new KioskRegistry(api.db).beat("hall-1", "0.1.0", 2, Instant.now());
        JsonNode k = api.get("/kiosks").json().get("kiosks").get(0);
        assertThat(k.get("id").asText()).isEqualTo("hall-1");
        assertThat(k.get("online").asBoolean()).isTrue();
        assertThat(k.get("pendingEvents").asInt()).isEqualTo(2);
    }

    @Test
    void aTokenWithoutTheScopeGets403AndChangesNothing() {
        int before = api.services.employees().list(true).size();
        ApiFixture.Reply r = api.send("POST", "/employees", api.reader, "application/json",
                "{\"code\":\"NOPE\",\"name\":\"Nope\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("message").asText()).contains("employees:write");
        assertThat(api.send("GET", "/events", api.reader, null, null).status()).isEqualTo(403);
        assertThat(api.send("GET", "/employees", api.reader, null, null).status()).isEqualTo(200);
        assertThat(api.services.employees().list(true)).hasSize(before);
    }

    @Test
    void missingUnknownAndRevokedTokensGet401() {
        assertThat(api.send("GET", "/employees", null, null, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/employees", "fct_notatoken", null, null).status()).isEqualTo(401);
        String secret = api.services.tokens().create("leaver", Set.of(io.facecheck.app.ApiScope.EMPLOYEES_READ),
                "test").secret();
        assertThat(api.send("GET", "/employees", secret, null, null).status()).isEqualTo(200);
        api.services.tokens().revoke("leaver", "test");
        ApiFixture.Reply r = api.send("GET", "/employees", secret, null, null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("unauthorized");
        assertThat(api.services.tokens().list()).anyMatch(t -> t.name().equals("leaver") && t.lastUsed() != null
                && !t.active());
    }

    @Test
    void theOpenApiDocumentIsServedWithoutAToken() {
        ApiFixture.Reply r = api.send("GET", "/openapi.json", null, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("openapi").asText()).startsWith("3.");
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        ApiFixture.Reply none = api.get("/nothing-here");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("error").asText()).isEqualTo("not_found");
        ApiFixture.Reply put = api.json("PUT", "/employees", "{}");
        assertThat(put.status()).isIn(404, 405);
        assertThat(put.json().has("error")).isTrue();
    }

    private static Set<String> codes(JsonNode list) {
        Set<String> out = new HashSet<>();
        list.get("employees").forEach(e -> out.add(e.get("code").asText()));
        return out;
    }
}
