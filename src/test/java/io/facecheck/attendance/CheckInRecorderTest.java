package io.facecheck.attendance;

import io.facecheck.config.DirectionMode;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.StoreKind;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.store.ShiftRepository;
import io.facecheck.store.StoreException;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a real H2 file; {@link CheckInRecorderPostgresTest} runs the same tests on PostgreSQL. */
class CheckInRecorderTest {
    /** The store these tests run on. */
    StoreKind store() {
        return StoreKind.H2;
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    @TempDir
    Path dir;
    private Database db;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T00:30:00Z"));
    private final CheckInRules rules = new CheckInRules(2, 3, Duration.ofSeconds(2), Duration.ofMinutes(5),
            DirectionMode.TOGGLE, false, 0.2, ZONE);

    @BeforeEach
    void open() {
        db = store().open(store().newUrl(dir));
        var employees = new EmployeeRepository(db);
        employees.create("W1", "王芳", "财务");
        employees.create("W2", "Old", null);
        employees.update("W2", "Old", null, false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Optional<CheckInEvent> present(CheckInPolicy policy, CheckInRecorder recorder, String code) {
        Optional<CheckInEvent> result = Optional.empty();
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMillis(100));
            Decision d = policy.observe(FrameObservation.known(code, 0.5, null));
            if (d.isCheckIn()) {
                result = recorder.record(d);
            }
        }
        return result;
    }

    @Test
    void logsCommittedEventsAndTogglesDirectionFromTheStore() {
        var recorder = new CheckInRecorder(db, "gate", ZONE, rules.debounce());
        var policy = new CheckInPolicy(rules, clock, recorder);
        CheckInEvent in = present(policy, recorder, "W1").orElseThrow();
        assertThat(in.direction()).isEqualTo(Direction.IN);
        assertThat(in.name()).isEqualTo("王芳");
        assertThat(in.kioskId()).isEqualTo("gate");
        assertThat(in.zone()).isEqualTo(ZONE);

        clock.advance(Duration.ofHours(8));
        // a fresh policy (app restarted) learns the last event from the store
        var restarted = new CheckInPolicy(rules, clock, recorder);
        assertThat(present(restarted, recorder, "W1").orElseThrow().direction()).isEqualTo(Direction.OUT);
        assertThat(new EventRepository(db).all()).hasSize(2);
    }

    @Test
    void aNightWorkersSixOClockCheckOutIsAnOutOfTheShiftBegunAtTenTheEveningBefore() {
        new ShiftRepository(db).create(Shift.fixed("Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 5, 5, 30, 30));
        new ScheduleRepository(db).assign(new ScheduleAssignment("W1", null, "Night", EnumSet.allOf(DayOfWeek.class),
                LocalDate.of(2026, 1, 1)));
        var recorder = new CheckInRecorder(db, "gate", ZONE, rules.debounce());
        clock.set(LocalDate.of(2026, 2, 2).atTime(21, 55).atZone(ZONE).toInstant());
        assertThat(present(new CheckInPolicy(rules, clock, recorder), recorder, "W1").orElseThrow().direction())
                .isEqualTo(Direction.IN);
        // 06:03 the next calendar day, still in Monday's shift-day (its window runs to Tuesday 14:00)
        clock.set(LocalDate.of(2026, 2, 3).atTime(6, 3).atZone(ZONE).toInstant());
        assertThat(present(new CheckInPolicy(rules, clock, recorder), recorder, "W1").orElseThrow().direction())
                .isEqualTo(Direction.OUT);
        // Tuesday 21:58: Tuesday's shift-day, nothing in its window yet
        clock.set(LocalDate.of(2026, 2, 3).atTime(21, 58).atZone(ZONE).toInstant());
        assertThat(present(new CheckInPolicy(rules, clock, recorder), recorder, "W1").orElseThrow().direction())
                .isEqualTo(Direction.IN);
    }

    @Test
    void anUnscheduledPersonTogglesByTheCalendarDay() {
        var recorder = new CheckInRecorder(db, "gate", ZONE, rules.debounce());
        clock.set(LocalDate.of(2026, 2, 2).atTime(21, 55).atZone(ZONE).toInstant());
        assertThat(present(new CheckInPolicy(rules, clock, recorder), recorder, "W1").orElseThrow().direction())
                .isEqualTo(Direction.IN);
        clock.set(LocalDate.of(2026, 2, 2).atTime(23, 59).atZone(ZONE).toInstant());
        assertThat(present(new CheckInPolicy(rules, clock, recorder), recorder, "W1").orElseThrow().direction())
                .isEqualTo(Direction.OUT);
        clock.set(LocalDate.of(2026, 2, 3).atTime(6, 3).atZone(ZONE).toInstant());
        assertThat(present(new CheckInPolicy(rules, clock, recorder), recorder, "W1").orElseThrow().direction())
                .as("a rest day's window is its calendar day").isEqualTo(Direction.IN);
    }

    @Test
    void twoKiosksSharingTheDatabaseLogAPersonOnce() {
        var recorderA = new CheckInRecorder(db, "A", ZONE, rules.debounce());
        var recorderB = new CheckInRecorder(db, "B", ZONE, rules.debounce());
        // kiosk B's policy does not consult the store, so only the recorder's check stands between
        var policyA = new CheckInPolicy(rules, clock, LastEventLookup.none());
        var policyB = new CheckInPolicy(rules, clock, LastEventLookup.none());
        assertThat(present(policyA, recorderA, "W1")).isPresent();
        clock.advance(Duration.ofSeconds(30));
        assertThat(present(policyB, recorderB, "W1")).isEmpty();
        assertThat(new EventRepository(db).all()).hasSize(1);
    }

    @Test
    void countsUnknownSightingsAndKeepsTheirFacesOnlyWhenConfigured() {
        var counting = new CheckInRecorder(db, "gate", ZONE, rules.debounce());
        var keeping = new CheckInRecorder(db, "gate", ZONE, rules.debounce(), true);
        var policy = new CheckInPolicy(rules, clock, counting);
        int sightings = 0;
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(100));
            Decision d = policy.observe(FrameObservation.unknown(1.4, null));
            assertThat(d.isCheckIn()).isFalse();
            if (counting.recordUnknown(d, () -> {
                throw new AssertionError("no crop is taken unless configured");
            })) {
                sightings++;
            }
        }
        assertThat(sightings).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofMillis(100));
            keeping.recordUnknown(policy.observe(FrameObservation.unknown(1.2, null)), () -> new byte[]{1, 2});
        }
        var log = new io.facecheck.store.UnknownFaceLog(db);
        assertThat(log.countWithCrops()).isEqualTo(1);
        var reports = new Reports(db, ZONE, java.time.LocalTime.of(9, 0), true, ',');
        java.time.LocalDate day = clock.instant().atZone(ZONE).toLocalDate();
        assertThat(reports.unknownSightings(day, day)).isEqualTo(2);
        assertThat(new EventRepository(db).all()).isEmpty();
        assertThat(log.eraseCrops()).isEqualTo(1);
        assertThat(log.countWithCrops()).isZero();
    }

    @Test
    void refusesUnknownAndInactiveEmployees() {
        var recorder = new CheckInRecorder(db, "gate", ZONE, rules.debounce());
        var policy = new CheckInPolicy(rules, clock, LastEventLookup.none());
        assertThatThrownBy(() -> present(policy, recorder, "NOPE"))
                .isInstanceOf(StoreException.class).hasMessage("no employee with code NOPE");
        assertThatThrownBy(() -> present(policy, recorder, "W2"))
                .isInstanceOf(StoreException.class).hasMessage("employee W2 is inactive");
        assertThat(new EventRepository(db).all()).isEmpty();
    }
}
