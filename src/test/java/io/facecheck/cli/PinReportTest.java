package io.facecheck.cli;

import io.facecheck.attendance.CheckInPolicy;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.CheckInRules;
import io.facecheck.config.DirectionMode;
import io.facecheck.store.CheckInMethod;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PIN check-in in the reports, on a real H2 file through the real commands: the events CSV and the timesheet XLSX
 * say {@code method = PIN} and flag it for review, where a face check-in is {@code FACE} and not flagged.
 */
class PinReportTest {
    private static final Instant AT = Instant.parse("2026-03-02T08:55:00Z");
    @TempDir
    Path dir;
    private String url;

    @BeforeEach
    void twoCheckIns() throws Exception {
        url = StoreKind.H2.newUrl(dir);
        try (Database db = StoreKind.H2.open(url)) {
            EmployeeRepository employees = new EmployeeRepository(db);
            employees.create("TB", "Tony Blair", "Office");
            employees.create("CP", "Colin Powell", "Office");
            // the kiosk's path below the camera: the policy's decision, written by the recorder
            Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
            CheckInRecorder recorder = new CheckInRecorder(db, "hall", ZoneOffset.UTC, Duration.ofMinutes(5));
            CheckInPolicy policy = new CheckInPolicy(new CheckInRules(3, 5, Duration.ofSeconds(2),
                    Duration.ofMinutes(5), DirectionMode.TOGGLE, false, 0.5, ZoneOffset.UTC), clock, recorder);
            byte[] face = Files.readAllBytes(Path.of("src/test/resources/lfw10/Tony_Blair/Tony_Blair_0001.jpg"));
            assertThat(recorder.record(policy.confirmed("TB"), CheckInMethod.PIN, face)).isPresent();
            assertThat(recorder.record(policy.confirmed("CP"))).isPresent();
        }
    }

    private CliRun ok(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--db");
        all.add(url);
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    @Test
    void theEventsCsvSaysPinAndFlagsItForReview() throws Exception {
        Path csv = dir.resolve("events.csv");
        ok("report", "--from", "2026-03-01", "--to", "2026-03-03", "--out", csv.toString());
        List<List<String>> rows = TimesheetFiles.csv(csv);
        List<String> header = rows.get(0);
        int method = header.indexOf("method");
        int review = header.indexOf("review");
        int code = header.indexOf("code");
        assertThat(method).isPositive();
        assertThat(review).isPositive();
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(code) + " " + r.get(method) + " " + r.get(review))
                .containsExactlyInAnyOrder("TB PIN true", "CP FACE false");
    }

    @Test
    void theTimesheetXlsxSaysPinInItsLanguageAndFlagsItForReview() throws Exception {
        Path en = dir.resolve("march.xlsx");
        ok("report", "--timesheet", "--from", "2026-03-01", "--to", "2026-03-03", "--zone", "UTC", "--out",
                en.toString());
        List<List<String>> events = TimesheetFiles.xlsx(en).text("Events");
        int method = events.get(0).indexOf("Method");
        int review = events.get(0).indexOf("Review");
        assertThat(method).isPositive();
        assertThat(review).isPositive();
        assertThat(events.subList(1, events.size()))
                .extracting(r -> r.get(1) + " " + r.get(method) + " " + (review < r.size() ? r.get(review) : ""))
                .containsExactlyInAnyOrder("TB PIN Check", "CP Face ");

        Path ja = dir.resolve("march-ja.xlsx");
        ok("--lang", "ja", "report", "--timesheet", "--from", "2026-03-01", "--to", "2026-03-03", "--zone", "UTC",
                "--out", ja.toString());
        List<List<String>> jaEvents = TimesheetFiles.xlsx(ja).text(sheet(ja, 2));
        int jaMethod = jaEvents.get(0).indexOf("打刻方法");
        assertThat(jaMethod).isPositive();
        assertThat(jaEvents.subList(1, jaEvents.size())).extracting(r -> r.get(1) + " " + r.get(jaMethod))
                .containsExactlyInAnyOrder("TB PIN", "CP 顔認証");
    }

    /** The name of the {@code index}-th sheet (0-based): the sheets are named in the report's language. */
    private static String sheet(Path xlsx, int index) throws Exception {
        return TimesheetFiles.xlsx(xlsx).sheetNames().get(index);
    }
}
