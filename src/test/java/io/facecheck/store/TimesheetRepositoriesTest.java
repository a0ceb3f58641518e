package io.facecheck.store;

import io.facecheck.timesheet.Holiday;
import io.facecheck.timesheet.Leave;
import io.facecheck.timesheet.RosterEntry;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The timesheet tables (V7) on a real H2 file: shifts, schedule assignments, rosters, holidays and leave round-trip
 * through a reopened database, and the store refuses what would make a schedule ambiguous.
 * {@link TimesheetRepositoriesPostgresTest} runs the same tests on PostgreSQL.
 */
class TimesheetRepositoriesTest {
    private static final LocalDate MAR_2 = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private String url;
    private Database db;

    StoreKind store() {
        return StoreKind.H2;
    }

    @BeforeEach
    void open() {
        url = store().newUrl(dir);
        db = store().open(url);
        new EmployeeRepository(db).create("A1", "Ann", "Ops");
        new EmployeeRepository(db).create("B2", "王小明", "研发部");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void reopen() {
        db.close();
        db = store().open(url);
    }

    @Test
    void shiftsRoundTripWithEveryField() {
        ShiftRepository shifts = new ShiftRepository(db);
        Shift night = Shift.fixed("Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 5, 10, 30, 45);
        Shift flexi = Shift.flexible("Flexi", 450, LocalTime.of(7, 0), LocalTime.of(19, 0), 30, 30);
        shifts.create(night);
        shifts.create(flexi);
        reopen();
        shifts = new ShiftRepository(db);
        assertThat(shifts.list()).containsExactly(flexi, night);
        assertThat(shifts.require("Night").crossesMidnight()).isTrue();
        assertThat(shifts.find("Day")).isEmpty();
    }

    @Test
    void aShiftNameIsUniqueAndOffIsNoName() {
        ShiftRepository shifts = new ShiftRepository(db);
        shifts.create(Shift.fixed("Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 0, 0, 0, 30));
        assertThatThrownBy(() -> shifts.create(Shift.fixed("Day", LocalTime.of(8, 0), LocalTime.of(16, 0), 0, 0, 0, 30)))
                .isInstanceOf(StoreException.class).hasMessage("shift Day already exists")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> shifts.create(Shift.fixed("off", LocalTime.of(8, 0), LocalTime.of(16, 0), 0, 0, 0, 30)))
                .isInstanceOf(StoreException.class).hasMessageContaining("rest day");
        assertThatThrownBy(() -> shifts.require("Late")).hasMessage("no shift named Late");
    }

    @Test
    void assignmentsRoundTripPerEmployeeAndDepartmentWithOff() {
        ShiftRepository shifts = new ShiftRepository(db);
        shifts.create(Shift.fixed("Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 0, 0, 0, 30));
        ScheduleRepository schedules = new ScheduleRepository(db);
        ScheduleAssignment own = new ScheduleAssignment("A1", null, "Day", EnumSet.of(MONDAY, TUESDAY), MAR_2);
        ScheduleAssignment dept = new ScheduleAssignment(null, "研发部", "Day", EnumSet.range(MONDAY, FRIDAY), MAR_2);
        ScheduleAssignment off = new ScheduleAssignment("A1", null, Shift.OFF, Set.of(SATURDAY), MAR_2.plusDays(7));
        schedules.assign(own);
        schedules.assign(dept);
        schedules.assign(off);
        reopen();
        schedules = new ScheduleRepository(db);
        assertThat(schedules.assignments(MAR_2.plusDays(30))).containsExactly(own, dept, off);
        // an assignment that starts after the period is not needed for it
        assertThat(schedules.assignments(MAR_2)).containsExactly(own, dept);
    }

    @Test
    void aLaterAssignmentOfTheSameDateTakesItsWeekdaysOverSoOnlyOneApplies() {
        new ShiftRepository(db).create(Shift.fixed("Day", LocalTime.of(9, 0), LocalTime.of(17, 0), 0, 0, 0, 30));
        new ShiftRepository(db).create(Shift.fixed("Late", LocalTime.of(13, 0), LocalTime.of(21, 0), 0, 0, 0, 30));
        ScheduleRepository schedules = new ScheduleRepository(db);
        schedules.assign(new ScheduleAssignment("A1", null, "Day", EnumSet.range(MONDAY, FRIDAY), MAR_2));
        ScheduleRepository.Assigned second = schedules.assign(
                new ScheduleAssignment("A1", null, "Late", EnumSet.of(TUESDAY), MAR_2));
        assertThat(second.narrowed()).hasSize(1);
        assertThat(second.narrowed().get(0).after().orElseThrow().days()).doesNotContain(TUESDAY).contains(MONDAY);
        // a third one covering all the first one's remaining days removes it
        ScheduleRepository.Assigned third = schedules.assign(
                new ScheduleAssignment("A1", null, Shift.OFF, EnumSet.range(MONDAY, FRIDAY), MAR_2));
        assertThat(third.narrowed()).hasSize(2).allSatisfy(n -> assertThat(n.after()).isEmpty());
        assertThat(schedules.assignments(MAR_2)).containsExactly(
                new ScheduleAssignment("A1", null, Shift.OFF, EnumSet.range(MONDAY, FRIDAY), MAR_2));
    }

    @Test
    void anAssignmentForAnUnknownEmployeeOrShiftIsRefused() {
        ScheduleRepository schedules = new ScheduleRepository(db);
        assertThatThrownBy(() -> schedules.assign(new ScheduleAssignment("ZZ", null, Shift.OFF, Set.of(MONDAY), MAR_2)))
                .hasMessage("no employee with code ZZ");
        assertThatThrownBy(() -> schedules.assign(new ScheduleAssignment("A1", null, "Nope", Set.of(MONDAY), MAR_2)))
                .hasMessage("no shift named Nope");
        assertThat(schedules.assignments(MAR_2)).isEmpty();
    }

    @Test
    void rosterEntriesAreOnePerEmployeeAndDateAndAllOrNothing() {
        new ShiftRepository(db).create(Shift.fixed("Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 0, 0, 0, 30));
        ScheduleRepository schedules = new ScheduleRepository(db);
        List<ScheduleRepository.RosterChange> first = schedules.putRoster(List.of(
                new RosterEntry("A1", MAR_2, "Night"), new RosterEntry("B2", MAR_2, "off")));
        assertThat(first).allSatisfy(c -> assertThat(c.before()).isEmpty());
        List<ScheduleRepository.RosterChange> again = schedules.putRoster(List.of(new RosterEntry("A1", MAR_2, "OFF")));
        assertThat(again.get(0).before()).contains(new RosterEntry("A1", MAR_2, "Night"));
        // one unknown code: none of the rows is written
        assertThatThrownBy(() -> schedules.putRoster(List.of(new RosterEntry("A1", MAR_2.plusDays(1), "Night"),
                new RosterEntry("ZZ", MAR_2.plusDays(1), "Night")))).hasMessage("no employee with code ZZ");
        reopen();
        assertThat(new ScheduleRepository(db).roster(MAR_2, MAR_2.plusDays(5))).containsExactly(
                new RosterEntry("A1", MAR_2, Shift.OFF), new RosterEntry("B2", MAR_2, Shift.OFF));
    }

    @Test
    void holidaysAreOnePerDate() {
        HolidayRepository holidays = new HolidayRepository(db);
        holidays.add(new Holiday(LocalDate.of(2026, 5, 1), "Tag der Arbeit"));
        holidays.add(new Holiday(LocalDate.of(2026, 10, 1), "国庆节"));
        assertThatThrownBy(() -> holidays.add(new Holiday(LocalDate.of(2026, 5, 1), "May Day")))
                .hasMessage("2026-05-01 already is a holiday (Tag der Arbeit)");
        reopen();
        assertThat(new HolidayRepository(db).between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .containsExactly(new Holiday(LocalDate.of(2026, 5, 1), "Tag der Arbeit"),
                        new Holiday(LocalDate.of(2026, 10, 1), "国庆节"));
        assertThat(new HolidayRepository(db).between(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 9, 30))).isEmpty();
    }

    @Test
    void leaveRoundTripsAndOverlappingLeaveIsRefused() {
        LeaveRepository leave = new LeaveRepository(db);
        Leave week = new Leave("A1", MAR_2, MAR_2.plusDays(4), "annual", null);
        Leave doctor = new Leave("A1", MAR_2.plusDays(7), MAR_2.plusDays(7), "sick", 120);
        leave.add(week);
        leave.add(doctor);
        leave.add(new Leave("B2", MAR_2, MAR_2, "unpaid", null)); // someone else's leave may overlap
        assertThatThrownBy(() -> leave.add(new Leave("A1", MAR_2.plusDays(4), MAR_2.plusDays(8), "sick", null)))
                .isInstanceOf(StoreException.class)
                .hasMessage("leave of A1 2026-03-06..2026-03-10 overlaps their annual leave 2026-03-02..2026-03-06")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> leave.add(new Leave("A1", MAR_2.plusDays(7), MAR_2.plusDays(7), "annual", 60)))
                .hasMessageContaining("overlaps their sick leave on 2026-03-09 (120 min)");
        assertThatThrownBy(() -> leave.add(new Leave("ZZ", MAR_2, MAR_2, "annual", null)))
                .hasMessage("no employee with code ZZ");
        reopen();
        assertThat(new LeaveRepository(db).between(MAR_2.plusDays(3), MAR_2.plusDays(7)))
                .containsExactly(week, doctor);
        assertThat(new LeaveRepository(db).between(MAR_2.minusDays(9), MAR_2.minusDays(1))).isEmpty();
    }

    @Test
    void deletingAnEmployeeTakesTheirScheduleRosterAndLeaveWithThem() {
        new ScheduleRepository(db).assign(new ScheduleAssignment("A1", null, Shift.OFF, Set.of(MONDAY), MAR_2));
        new ScheduleRepository(db).putRoster(List.of(new RosterEntry("A1", MAR_2, Shift.OFF)));
        new LeaveRepository(db).add(new Leave("A1", MAR_2, MAR_2, "annual", null));
        assertThat(new EmployeeRepository(db).delete("A1")).isTrue();
        assertThat(new ScheduleRepository(db).assignments(MAR_2)).isEmpty();
        assertThat(new ScheduleRepository(db).roster(MAR_2, MAR_2)).isEmpty();
        assertThat(new LeaveRepository(db).between(MAR_2, MAR_2)).isEmpty();
    }
}
