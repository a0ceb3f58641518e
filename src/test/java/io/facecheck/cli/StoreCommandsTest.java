package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** employees, report and admin-user on a real H2 file database. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("fc");
    }

    private void seed() {
        try (Database db = Database.open(url())) {
            var employees = new EmployeeRepository(db);
            long id = employees.create("E1", "李娜", "研发").id();
            employees.create("E2", "=cmd|' /C calc'!A0", null);
            new EventRepository(db).insert(EventRepository.NewEvent.kiosk(id, Instant.parse("2026-03-03T01:00:00Z"),
                    ZoneId.of("UTC"), Direction.IN, 0.4, null, "k"));
        }
    }

    @Test
    void theGreetingNameAndReadingAreSetShownAndClearedByEmployeesUpdate() throws Exception {
        seed();
        CliRun set = CliRun.of("employees", "update", "E1", "--greeting-name", "娜娜", "--reading", "lǐ nà",
                "--db", url());
        assertThat(set.exit()).as(set.err()).isZero();
        assertThat(set.out()).contains("E1: name 李娜, department 研发, greeted as 娜娜, reading lǐ nà");
        JsonNode shown = new ObjectMapper().readTree(CliRun.of("employees", "show", "E1", "--db", url(), "--json").out());
        assertThat(shown.get("greetingName").asText()).isEqualTo("娜娜");
        assertThat(shown.get("reading").asText()).isEqualTo("lǐ nà");

        CliRun bad = CliRun.of("employees", "update", "E1", "--greeting-name", "娜\t娜", "--db", url());
        assertThat(bad.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("greeting name contains a control character (a tab at character 2)");

        CliRun clear = CliRun.of("employees", "update", "E1", "--greeting-name", "", "--db", url());
        assertThat(clear.exit()).as(clear.err()).isZero();
        try (Database db = Database.open(url())) {
            Employee e = new EmployeeRepository(db).require("E1");
            assertThat(e.greetingName()).isNull();
            assertThat(e.greeting()).isEqualTo("李娜");
            assertThat(e.reading()).as("kept: not named in the second update").isEqualTo("lǐ nà");
        }
    }

    @Test
    void listsShowsAndDeletesEmployees() throws Exception {
        seed();
        CliRun list = CliRun.of("employees", "list", "--db", url(), "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode arr = new ObjectMapper().readTree(list.out());
        assertThat(arr).hasSize(2);
        assertThat(arr.get(0).get("code").asText()).isEqualTo("E1");
        assertThat(arr.get(0).get("name").asText()).isEqualTo("李娜");
        assertThat(arr.get(0).get("department").asText()).isEqualTo("研发");
        assertThat(arr.get(0).get("templates").asInt()).isZero();

        assertThat(CliRun.of("employees", "show", "E1", "--db", url()).out()).contains("李娜");
        CliRun missing = CliRun.of("employees", "show", "NOPE", "--db", url());
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no employee with code NOPE").doesNotContain("Exception");

        assertThat(CliRun.of("employees", "delete", "E1", "--db", url()).exit()).isZero();
        assertThat(CliRun.of("employees", "delete", "E1", "--db", url()).exit()).isEqualTo(ExitCodes.FAILURE);
        try (Database db = Database.open(url())) {
            assertThat(new EmployeeRepository(db).findByCode("E1")).isEmpty();
            assertThat(new EventRepository(db).all()).isEmpty();
        }
    }

    @Test
    void writesReportsAndRejectsBadDates() throws Exception {
        seed();
        Path out = dir.resolve("march.csv");
        CliRun r = CliRun.of("report", "--db", url(), "--from", "2026-03-01", "--to", "2026-03-31", "--summary",
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFcode,name").contains("李娜");

        Path events = dir.resolve("events.csv");
        assertThat(CliRun.of("report", "--db", url(), "--from", "2026-03-01", "--to", "2026-03-31", "--no-bom",
                "--out", events.toString()).exit()).isZero();
        assertThat(Files.readString(events)).startsWith("id,code");

        CliRun bad = CliRun.of("report", "--db", url(), "--from", "March", "--to", "2026-03-31", "--out",
                out.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("--from March is not a date");
    }

    @Test
    void addsAnAdminWithThePasswordFromStdin() {
        CliRun r = CliRun.withStdin("s3cret-pass\n", "admin-user", "add", "boss", "--db", url());
        assertThat(r.exit()).as(r.err()).isZero();
        try (Database db = Database.open(url())) {
            assertThat(new io.facecheck.store.AdminUsers(db).verify("boss", "s3cret-pass".toCharArray())).isTrue();
        }
        CliRun shortPw = CliRun.withStdin("abc\n", "admin-user", "add", "x", "--db", url());
        assertThat(shortPw.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(shortPw.err()).contains("password too short");
    }

    @Test
    void aLockedDatabaseExitsWithCode5AndSaysSo() throws Exception {
        seed();
        Process holder = io.facecheck.store.Subprocess.java(io.facecheck.store.DbHolderMain.class,
                url() + ";AUTO_SERVER=FALSE");
        try {
            BufferedReader out = io.facecheck.store.Subprocess.stdout(holder);
            assertThat(out.readLine()).isEqualTo("READY");
            CliRun r = CliRun.of("employees", "list", "--db", url() + ";AUTO_SERVER=FALSE");
            assertThat(r.exit()).isEqualTo(ExitCodes.DATABASE);
            assertThat(r.err()).contains("is in use by another process").doesNotContain("\tat ");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(20, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
    }

    @Test
    void aReadOnlyDatabaseExitsWithCode5() {
        seed();
        CliRun r = CliRun.of("employees", "list", "--db", url() + ";ACCESS_MODE_DATA=r");
        assertThat(r.exit()).isEqualTo(ExitCodes.DATABASE);
        assertThat(r.err()).contains("read-only");
    }
}
