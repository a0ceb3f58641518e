package io.facecheck.attendance;

import io.facecheck.store.AuditEntry;
import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.StoreKind;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.StoreException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a real H2 file; {@link ReportsPostgresTest} runs the same tests on PostgreSQL. */
class ReportsTest {
    /** The store these tests run on. */
    StoreKind store() {
        return StoreKind.H2;
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    @TempDir
    Path dir;
    private Database db;
    private EventRepository events;
    private long wang;
    private long evil;

    @BeforeEach
    void open() {
        db = store().open(store().newUrl(dir));
        var employees = new EmployeeRepository(db);
        wang = employees.create("W01", "王小明", "研发部, \"核心\"").id();
        evil = employees.create("X1", "=HYPERLINK(\"http://evil\",\"x\")", "+1, line two").id();
        events = new EventRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void event(long employee, String instant, Direction d) {
        events.insert(EventRepository.NewEvent.kiosk(employee, Instant.parse(instant), SHANGHAI, d, 0.5, null, "k1"));
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }

    @Test
    void summaryCsvRoundTripsChineseNamesWithBomQuotingAndLocalTimes() throws Exception {
        // 08:55 and 17:40 in Shanghai on 3 March; 09:20 on 4 March with no checkout
        event(wang, "2026-03-03T00:55:00Z", Direction.IN);
        event(wang, "2026-03-03T04:00:00Z", Direction.OUT);
        event(wang, "2026-03-03T05:00:00Z", Direction.IN);
        event(wang, "2026-03-03T09:40:00Z", Direction.OUT);
        event(wang, "2026-03-04T01:20:00Z", Direction.IN);
        // outside the range: 5 March local
        event(wang, "2026-03-04T16:30:00Z", Direction.IN);

        Reports reports = new Reports(db, SHANGHAI, LocalTime.of(9, 0), true, ',');
        Path out = dir.resolve("out/summary.csv");
        assertThat(reports.exportSummary(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4), out, "admin"))
                .isEqualTo(2);

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("code,name,department,date,first_in,last_out,worked_hours,late,"
                + "missing_checkout\r\n");
        assertThat(text).contains("\"研发部, \"\"核心\"\"\"");
        List<CSVRecord> rows = parse(text);
        assertThat(rows).hasSize(2);
        CSVRecord day1 = rows.get(0);
        assertThat(day1.get("name")).isEqualTo("王小明");
        assertThat(day1.get("department")).isEqualTo("研发部, \"核心\"");
        assertThat(day1.get("date")).isEqualTo("2026-03-03");
        assertThat(day1.get("first_in")).isEqualTo("08:55:00");
        assertThat(day1.get("last_out")).isEqualTo("17:40:00");
        assertThat(day1.get("worked_hours")).isEqualTo("7.75");
        assertThat(day1.get("late")).isEqualTo("false");
        assertThat(day1.get("missing_checkout")).isEqualTo("false");
        CSVRecord day2 = rows.get(1);
        assertThat(day2.get("date")).isEqualTo("2026-03-04");
        assertThat(day2.get("first_in")).isEqualTo("09:20:00");
        assertThat(day2.get("last_out")).isEmpty();
        assertThat(day2.get("late")).isEqualTo("true");
        assertThat(day2.get("missing_checkout")).isEqualTo("true");

        assertThat(new AuditLog(db).recent(1).get(0).action()).isEqualTo(AuditLog.EXPORT);
        assertThat(Files.list(out.getParent())).containsExactly(out);
    }

    @Test
    void formulaLikeCellsAreNeutralisedAndMultiLineCellsQuoted() throws Exception {
        event(evil, "2026-03-03T01:00:00Z", Direction.IN);
        var csv = new CsvReports(SHANGHAI, false, ',');
        var w = new java.io.StringWriter();
        csv.writeEvents(events.all(), w);
        String text = w.toString();
        assertThat(text).doesNotStartWith("\uFEFF");
        CSVRecord r = parse(text).get(0);
        assertThat(r.get("name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(r.get("department")).isEqualTo("'+1, line two");
        assertThat(r.get("timestamp")).isEqualTo("2026-03-03T09:00+08:00");
        assertThat(r.get("date")).isEqualTo("2026-03-03");
        assertThat(r.get("time")).isEqualTo("09:00:00");

        for (String bad : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvReports.neutralise(bad)).isEqualTo("'" + bad);
        }
        assertThat(CsvReports.neutralise("Ana-Maria")).isEqualTo("Ana-Maria");
        assertThat(CsvReports.neutralise("")).isEmpty();
    }

    @Test
    void dailySummaryPairsInsWithOutsAndKeepsTheEarliestOpenIn() {
        Instant day = Instant.parse("2026-03-03T00:00:00Z");
        List<CheckInEvent> list = List.of(
                ev(1, day.plus(Duration.ofHours(9)), Direction.IN),
                ev(2, day.plus(Duration.ofHours(10)), Direction.IN),
                ev(3, day.plus(Duration.ofHours(12)), Direction.OUT),
                ev(4, day.plus(Duration.ofHours(13)), Direction.OUT),
                ev(5, day.plus(Duration.ofHours(14)), Direction.IN),
                ev(6, day.plus(Duration.ofHours(15).plusMinutes(30)), Direction.OUT));
        DaySummary s = DailySummaries.of(list, ZoneId.of("UTC"), LocalTime.of(9, 0)).get(0);
        assertThat(s.worked()).isEqualTo(Duration.ofMinutes(3 * 60 + 90));
        assertThat(s.firstIn()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.lastOut()).isEqualTo(LocalTime.of(15, 30));
        assertThat(s.late()).isFalse();
        assertThat(s.missingCheckout()).isFalse();
    }

    private static CheckInEvent ev(long id, Instant at, Direction d) {
        return new CheckInEvent(id, 1, "A", "Ada", null, at, ZoneId.of("UTC"), d, null, null, null, null, null, at, null,
                false);
    }

    @Test
    void correctionsNeedAReasonAndAreAudited() {
        var corrections = new AttendanceCorrections(db, SHANGHAI);
        assertThatThrownBy(() -> corrections.add("W01", Instant.parse("2026-03-03T10:00:00Z"), Direction.OUT, " ",
                "admin")).isInstanceOf(StoreException.class).hasMessage("a correction needs a reason");
        assertThatThrownBy(() -> corrections.add("NOPE", Instant.parse("2026-03-03T10:00:00Z"), Direction.OUT,
                "x", "admin")).hasMessage("no employee with code NOPE");

        CheckInEvent added = corrections.add("W01", Instant.parse("2026-03-03T10:00:00Z"), Direction.OUT,
                "forgot to check out", "admin");
        assertThat(added.correctionReason()).isEqualTo("forgot to check out");
        assertThat(added.correctedBy()).isEqualTo("admin");
        CheckInEvent edited = corrections.edit(added.id(), Instant.parse("2026-03-03T10:30:00Z"), Direction.OUT,
                "left at half past", "admin");
        assertThat(edited.at()).isEqualTo(Instant.parse("2026-03-03T10:30:00Z"));
        corrections.remove(added.id(), "duplicate", "boss");
        assertThat(events.all()).isEmpty();

        List<AuditEntry> audit = new AuditLog(db).recent(10);
        assertThat(audit).extracting(AuditEntry::action).containsOnly(AuditLog.CORRECTION).hasSize(3);
        assertThat(audit.get(0).actor()).isEqualTo("boss");
        assertThat(audit.get(0).details()).contains("duplicate");
        assertThat(audit.get(1).details()).contains("left at half past").contains("->");
    }
}
