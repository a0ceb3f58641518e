package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.AuditEntry;
import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.HolidayRepository;
import io.facecheck.store.LeaveRepository;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.store.StoreKind;
import io.facecheck.timesheet.Holiday;
import io.facecheck.timesheet.Leave;
import io.facecheck.timesheet.RosterEntry;
import io.facecheck.timesheet.ScheduleAssignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timesheet commands end to end, in-process on a real H2 file ({@link TimesheetCommandsPostgresTest}: the same on
 * PostgreSQL): what they write, what they print, their audit entries, and bad input refused with exit 1, a message
 * that names the problem, and nothing written.
 */
class TimesheetCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    String url;

    StoreKind store() {
        return StoreKind.H2;
    }

    /** The --db value for the command line (PostgreSQL: with the login in the URL). */
    String cliDb() {
        return url;
    }

    @BeforeEach
    void newDatabase() {
        url = store().newUrl(dir);
    }

    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(cliDb());
        return CliRun.of(all.toArray(String[]::new));
    }

    CliRun ok(String... args) {
        CliRun r = cli(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    /** Runs a command that must fail with exit 1 and a one-line message containing {@code message}. */
    void refused(String message, String... args) {
        CliRun r = cli(args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }

    <T> T inDb(Function<Database, T> read) {
        try (Database db = store().open(url)) {
            return read.apply(db);
        }
    }

    Path file(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    Optional<Employee> employee(String code) {
        return inDb(db -> new EmployeeRepository(db).findByCode(code));
    }

    List<ScheduleAssignment> assignments() {
        return inDb(db -> new ScheduleRepository(db).assignments(MAR_2.plusDays(365)));
    }

    List<RosterEntry> roster() {
        return inDb(db -> new ScheduleRepository(db).roster(MAR_2.minusDays(365), MAR_2.plusDays(365)));
    }

    List<Holiday> holidays() {
        return inDb(db -> new HolidayRepository(db).between(MAR_2.minusDays(365), MAR_2.plusDays(365)));
    }

    List<Leave> leave() {
        return inDb(db -> new LeaveRepository(db).between(MAR_2.minusDays(365), MAR_2.plusDays(365)));
    }

    List<CheckInEvent> events() {
        return inDb(db -> new EventRepository(db).all());
    }

    List<AuditEntry> audit() {
        return inDb(db -> new AuditLog(db).recent(100));
    }

    @Test
    void employeesAreAddedAndImportedAndAMalformedFileChangesNothing() throws Exception {
        JsonNode added = JSON.readTree(ok("employees", "add", "--code", "A1", "--name", "Ann", "--department", "Ops",
                "--actor", "hr", "--json").out());
        assertThat(added.get("code").asText()).isEqualTo("A1");
        assertThat(added.get("templates").asInt()).isZero();
        refused("employee code A1 already exists", "employees", "add", "--code", "A1", "--name", "Other");

        Path csv = file("staff.csv", "\uFEFFcode,name,department\r\nA1,Ann Smith,Ops\r\nB2,王小明,研发部\r\n\r\nC3,Cy,\r\n");
        JsonNode imported = JSON.readTree(ok("employees", "import", csv.toString(), "--actor", "hr", "--json").out());
        assertThat(imported.get("added")).extracting(JsonNode::asText).containsExactly("B2", "C3");
        assertThat(imported.get("updated")).extracting(JsonNode::asText).containsExactly("A1");
        assertThat(employee("A1").orElseThrow().name()).isEqualTo("Ann Smith");
        assertThat(employee("B2").orElseThrow().department()).isEqualTo("研发部");
        assertThat(employee("C3").orElseThrow().department()).isNull();
        // again: nothing to do
        JsonNode again = JSON.readTree(ok("employees", "import", csv.toString(), "--json").out());
        assertThat(again.get("unchanged")).hasSize(3);

        Path bad = file("bad.csv", "code,name,department\nD4,Dee,Ops\nE5,Eve\n");
        refused("bad.csv line 3: expected 3 fields (code,name,department), found 2", "employees", "import",
                bad.toString());
        refused("line 2: empty name for F6", "employees", "import", file("noname.csv", "G7,Gee,\nF6,,Ops\n").toString());
        assertThat(employee("D4")).isEmpty();
        assertThat(employee("G7")).isEmpty();

        List<AuditEntry> log = audit();
        assertThat(log).filteredOn(e -> e.action().equals(AuditLog.EMPLOYEE_ADD)).extracting(AuditEntry::target)
                .containsExactlyInAnyOrder("A1", "B2", "C3");
        AuditEntry update = log.stream().filter(e -> e.action().equals(AuditLog.UPDATE)).findFirst().orElseThrow();
        assertThat(update.actor()).isEqualTo("hr");
        assertThat(update.details()).contains("before: name=Ann, department=Ops")
                .contains("after: name=Ann Smith, department=Ops");
    }

    @Test
    void shiftsAreAddedListedAndBadShiftsRefused() throws Exception {
        ok("shifts", "add", "Day", "--start", "09:00", "--end", "17:00", "--grace-in", "5", "--grace-out", "5",
                "--break", "30");
        ok("shifts", "add", "Night", "--start", "22:00", "--end", "06:00");
        ok("shifts", "add", "Flexi", "--flexible", "--hours", "7.5", "--earliest", "07:00", "--latest", "19:00",
                "--break", "30");
        JsonNode list = JSON.readTree(ok("shifts", "list", "--json").out());
        assertThat(list).extracting(s -> s.get("name").asText()).containsExactly("Day", "Flexi", "Night");
        JsonNode day = list.get(0);
        assertThat(day.get("start").asText()).isEqualTo("09:00");
        assertThat(day.get("end").asText()).isEqualTo("17:00");
        assertThat(day.get("graceInMinutes").asInt()).isEqualTo(5);
        assertThat(day.get("graceOutMinutes").asInt()).isEqualTo(5);
        assertThat(day.get("breakMinutes").asInt()).isEqualTo(30);
        assertThat(day.get("overtimeAfterMinutes").asInt()).isEqualTo(30);
        assertThat(day.get("flexible").asBoolean()).isFalse();
        assertThat(list.get(1).get("flexible").asBoolean()).isTrue();
        assertThat(list.get(1).get("requiredMinutes").asInt()).isEqualTo(450);

        refused("shift Same: the end equals the start (08:00)", "shifts", "add", "Same", "--start", "08:00",
                "--end", "08:00");
        refused("shift Day already exists", "shifts", "add", "Day", "--start", "08:00", "--end", "16:00");
        refused("--start 25:00 is not a time like 09:00", "shifts", "add", "X", "--start", "25:00", "--end", "16:00");
        refused("--break -5 must not be negative", "shifts", "add", "X", "--start", "08:00", "--end", "16:00",
                "--break", "-5");
        refused("a flexible shift needs --hours, --earliest and --latest", "shifts", "add", "F", "--flexible",
                "--hours", "8");
        refused("a fixed shift needs --start and --end", "shifts", "add", "X");
        assertThat(JSON.readTree(ok("shifts", "list", "--json").out())).hasSize(3);
        assertThat(audit()).filteredOn(e -> e.action().equals(AuditLog.SHIFT_ADD)).hasSize(3)
                .allSatisfy(e -> assertThat(e.details()).startsWith("before: none; after: Shift[name="));
    }

    @Test
    void schedulesAreAssignedAndRostersImportedAllOrNothing() throws Exception {
        ok("employees", "add", "--code", "A1", "--name", "Ann", "--department", "Ops");
        ok("employees", "add", "--code", "B2", "--name", "Bo", "--department", "Ops");
        ok("shifts", "add", "Day", "--start", "09:00", "--end", "17:00");
        ok("shifts", "add", "Night", "--start", "22:00", "--end", "06:00");

        JsonNode a = JSON.readTree(ok("schedule", "assign", "--department", "Ops", "--shift", "Day", "--days",
                "MON,TUE,WED,THU,FRI", "--from", "2026-03-01", "--json").out());
        assertThat(a.get("department").asText()).isEqualTo("Ops");
        assertThat(a.get("days")).extracting(JsonNode::asText).containsExactly("MON", "TUE", "WED", "THU", "FRI");
        ok("schedule", "assign", "--code", "A1", "--shift", "OFF", "--days", "FRI", "--from", "2026-03-01");
        assertThat(assignments()).hasSize(2);

        refused("no employee with code ZZ", "schedule", "assign", "--code", "ZZ", "--shift", "Day", "--days", "MON",
                "--from", "2026-03-01");
        refused("no shift named Late", "schedule", "assign", "--code", "A1", "--shift", "Late", "--days", "MON",
                "--from", "2026-03-01");
        refused("no employee in department Sales", "schedule", "assign", "--department", "Sales", "--shift", "Day",
                "--days", "MON", "--from", "2026-03-01");
        refused("--days MON,XYZ is not weekdays like MON,TUE", "schedule", "assign", "--code", "A1", "--shift", "Day",
                "--days", "MON,XYZ", "--from", "2026-03-01");
        assertThat(assignments()).hasSize(2);

        Path roster = file("roster.csv", "code,date,shift\nA1,2026-03-02,Night\nA1,2026-03-03,off\nB2,2026-03-02,Night\n");
        JsonNode r = JSON.readTree(ok("schedule", "import", roster.toString(), "--json").out());
        assertThat(r.get("added").asInt()).isEqualTo(3);
        Path changed = file("roster2.csv", "A1,2026-03-02,Day\nA1,2026-03-03,OFF\n");
        JsonNode r2 = JSON.readTree(ok("schedule", "import", changed.toString(), "--json").out());
        assertThat(r2.get("changed").asInt()).isEqualTo(1);
        assertThat(r2.get("unchanged").asInt()).isEqualTo(1);

        Path unknown = file("unknown.csv", "A1,2026-03-09,Night\nZZ,2026-03-09,Night\n");
        refused("unknown.csv line 2: no employee with code ZZ (no row of the file was applied)", "schedule", "import",
                unknown.toString());
        refused("line 1: no shift named Late", "schedule", "import", file("late.csv", "A1,2026-03-10,Late\n").toString());
        refused("line 1: '2026-02-30' is not a date", "schedule", "import",
                file("date.csv", "A1,2026-02-30,Day\n").toString());
        assertThat(roster()).containsExactly(
                new RosterEntry("A1", MAR_2, "Day"), new RosterEntry("B2", MAR_2, "Night"),
                new RosterEntry("A1", MAR_2.plusDays(1), "OFF"));

        AuditEntry rosterAudit = audit().stream().filter(e -> e.action().equals(AuditLog.ROSTER)).findFirst()
                .orElseThrow(); // newest first: the second import
        assertThat(rosterAudit.details()).contains("A1 2026-03-02: Night -> Day");
        assertThat(audit()).filteredOn(e -> e.action().equals(AuditLog.SCHEDULE)).extracting(AuditEntry::target)
                .containsExactly("A1", "department Ops");
    }

    @Test
    void holidaysAreAddedAndImportedFromICalendar() throws Exception {
        JsonNode h = JSON.readTree(ok("holidays", "add", "2026-05-01", "Tag der Arbeit", "--json").out());
        assertThat(h.get("date").asText()).isEqualTo("2026-05-01");
        refused("2026-05-01 already is a holiday (Tag der Arbeit)", "holidays", "add", "2026-05-01", "May Day");
        refused("DATE 1 May is not a date like 2026-03-01", "holidays", "add", "1 May", "May Day");

        Path ics = file("holidays.ics", String.join("\r\n",
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Holidays//EN",
                "BEGIN:VEVENT", "UID:1@test", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20260501",
                "DTEND;VALUE=DATE:20260502", "SUMMARY:Labour Day", "END:VEVENT",
                "BEGIN:VEVENT", "UID:2@test", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20261001",
                "DTEND;VALUE=DATE:20261004", "SUMMARY:国庆节", "END:VEVENT",
                "BEGIN:VEVENT", "UID:3@test", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20261225",
                "SUMMARY:Christmas Day", "END:VEVENT",
                "BEGIN:VEVENT", "UID:4@test", "DTSTAMP:20260101T000000Z", "DTSTART:20260310T090000Z",
                "DTEND:20260310T100000Z", "SUMMARY:Staff meeting", "END:VEVENT",
                "END:VCALENDAR", ""));
        JsonNode imported = JSON.readTree(ok("holidays", "import", ics.toString(), "--json").out());
        assertThat(imported.get("added")).extracting(n -> n.get("date").asText())
                .containsExactly("2026-10-01", "2026-10-02", "2026-10-03", "2026-12-25");
        assertThat(imported.get("alreadyThere")).extracting(n -> n.get("name").asText()).containsExactly("Labour Day");
        assertThat(imported.get("timedEventsIgnored").asInt()).isEqualTo(1);
        assertThat(holidays())
                .extracting(Holiday::name)
                .containsExactly("Tag der Arbeit", "国庆节", "国庆节", "国庆节", "Christmas Day");

        Path broken = file("broken.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026\r\n");
        refused("broken.ics is not a valid iCalendar file", "holidays", "import", broken.toString());
        refused("not-a-calendar.ics is not a valid iCalendar file", "holidays", "import",
                file("not-a-calendar.ics", "code,date\nA1,2026-01-01\n").toString());
        assertThat(audit()).filteredOn(e -> e.action().equals(AuditLog.HOLIDAY)).hasSize(2);
    }

    @Test
    void leaveIsAddedAndOverlappingLeaveRefused() throws Exception {
        ok("employees", "add", "--code", "A1", "--name", "Ann");
        JsonNode full = JSON.readTree(ok("leave", "add", "--code", "A1", "--from", "2026-03-02", "--to", "2026-03-06",
                "--type", "Annual", "--json").out());
        assertThat(full.get("type").asText()).isEqualTo("annual");
        assertThat(full.get("minutes").isNull()).isTrue();
        JsonNode hourly = JSON.readTree(ok("leave", "add", "--code", "A1", "--from", "2026-03-09", "--to", "2026-03-09",
                "--type", "sick", "--hours", "2.5", "--json").out());
        assertThat(hourly.get("minutes").asInt()).isEqualTo(150);

        refused("overlaps their annual leave 2026-03-02..2026-03-06", "leave", "add", "--code", "A1",
                "--from", "2026-03-06", "--to", "2026-03-07", "--type", "sick");
        refused("no employee with code ZZ", "leave", "add", "--code", "ZZ", "--from", "2026-03-02",
                "--to", "2026-03-02", "--type", "sick");
        refused("unknown leave type 'holiday'; the configured types are annual, sick, unpaid", "leave", "add",
                "--code", "A1", "--from", "2026-04-01", "--to", "2026-04-01", "--type", "holiday");
        refused("hourly leave is for one day", "leave", "add", "--code", "A1", "--from", "2026-04-01",
                "--to", "2026-04-02", "--type", "sick", "--hours", "2");
        refused("leave ends (2026-03-31) before it starts (2026-04-01)", "leave", "add", "--code", "A1",
                "--from", "2026-04-01", "--to", "2026-03-31", "--type", "sick");
        assertThat(leave()).containsExactly(
                new Leave("A1", MAR_2, MAR_2.plusDays(4), "annual", null),
                new Leave("A1", MAR_2.plusDays(7), MAR_2.plusDays(7), "sick", 150));
        assertThat(audit()).filteredOn(e -> e.action().equals(AuditLog.LEAVE)).hasSize(2);
    }

    @Test
    void eventsAreAddedByHandAndImportedOnce() throws Exception {
        ok("employees", "add", "--code", "A1", "--name", "Ann");
        JsonNode e = JSON.readTree(ok("events", "add", "--code", "A1", "--at", "2026-03-02T09:10:00+01:00",
                "--direction", "in", "--reason", "kiosk was down", "--actor", "boss", "--json").out());
        assertThat(e.get("at").asText()).isEqualTo("2026-03-02T08:10:00Z");
        assertThat(e.get("direction").asText()).isEqualTo("IN");
        assertThat(e.get("reason").asText()).isEqualTo("kiosk was down");
        refused("a correction needs a reason", "events", "add", "--code", "A1", "--at", "2026-03-02T17:00:00Z",
                "--direction", "OUT", "--reason", " ");
        refused("--direction SIDEWAYS is not IN or OUT", "events", "add", "--code", "A1", "--at",
                "2026-03-02T17:00:00Z", "--direction", "SIDEWAYS", "--reason", "x");
        refused("--at 2026-03-02 17:00 is not an instant", "events", "add", "--code", "A1", "--at",
                "2026-03-02 17:00", "--direction", "OUT", "--reason", "x");

        Path csv = file("terminal.csv", "code,at,direction\nA1,2026-03-02T16:00:00Z,OUT\nA1,2026-03-03T08:00:00Z,IN\n");
        JsonNode first = JSON.readTree(ok("events", "import", csv.toString(), "--json").out());
        assertThat(first.get("added").asInt()).isEqualTo(2);
        JsonNode second = JSON.readTree(ok("events", "import", csv.toString(), "--json").out());
        assertThat(second.get("added").asInt()).isZero();
        assertThat(second.get("alreadyThere").asInt()).isEqualTo(2);
        refused("bad.csv line 2: no employee with code ZZ (no row of the file was applied)", "events", "import",
                file("bad.csv", "A1,2026-03-04T08:00:00Z,IN\nZZ,2026-03-04T08:00:00Z,IN\n").toString());
        refused("line 1: direction 'UP' is not IN or OUT", "events", "import",
                file("dir.csv", "A1,2026-03-04T08:00:00Z,UP\n").toString());
        assertThat(events()).hasSize(3)
                .allSatisfy(ev -> assertThat(ev.correctionReason()).isNotBlank());
        assertThat(audit()).filteredOn(a -> a.action().equals(AuditLog.CORRECTION)).singleElement()
                .satisfies(a -> assertThat(a.actor()).isEqualTo("boss"));
        assertThat(audit()).filteredOn(a -> a.action().equals(AuditLog.IMPORT)).hasSize(2);
    }
}
