package io.facecheck.app;

import io.facecheck.attendance.CheckInPolicy;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.CheckInRules;
import io.facecheck.attendance.CsvReports;
import io.facecheck.attendance.Decision;
import io.facecheck.config.DirectionMode;
import io.facecheck.config.Settings;
import io.facecheck.store.AuditLog;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.CheckInMethod;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.FaceDataCipher;
import io.facecheck.store.PinEvidence;
import io.facecheck.store.StoreException;
import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PIN fallback's rules on a real H2 file ({@link PinServicePostgresTest}: the same on PostgreSQL): bcrypt-hashed
 * PINs, 5 wrong tries lock a code for 5 minutes (audited), one-time PINs changed at first use, the per-department
 * switch, and a PIN check-in stored with method PIN and its sealed face evidence, purged after pin.evidence-days.
 */
class PinServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-02T07:55:00Z");
    private static final Settings.PinSettings ON = Settings.PinSettings.DEFAULTS;
    @TempDir
    Path dir;
    private Database db;
    private final io.facecheck.attendance.MutableClock clock = new io.facecheck.attendance.MutableClock(T0);

    StoreKind store() {
        return StoreKind.H2;
    }

    @BeforeEach
    void open() {
        db = store().open(store().newUrl(dir));
        EmployeeRepository employees = new EmployeeRepository(db);
        employees.create("TB", "Tony Blair", "Office");
        employees.create("LB", "Lab Worker", "Lab");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private PinService pins(Settings.PinSettings settings) {
        return new PinService(db, settings, clock, Lockout.DEFAULT);
    }

    private void advance(Duration d) {
        clock.advance(d);
    }

    @Test
    void aPinIsKeptAsABcryptHashAndOpensOnlyWithItsDigits() throws Exception {
        PinService pins = pins(ON);
        pins.set("TB", "4711".toCharArray(), "admin");
        String hash = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pin_hash FROM employee_pin");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(hash).startsWith("$2").doesNotContain("4711");
        assertThat(pins.verify("TB", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.ACCEPTED);
        PinService.Attempt wrong = pins.verify("TB", "4712".toCharArray(), "hall");
        assertThat(wrong.verdict()).isEqualTo(PinService.Verdict.WRONG);
        assertThat(wrong.remaining()).isEqualTo(4);
        assertThat(pins.verify("NOPE", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.WRONG);
        assertThat(new AuditLog(db).recent(20)).anyMatch(a -> a.action().equals(AuditLog.PIN_SET)
                && "TB".equals(a.target()) && (a.details() == null || !a.details().contains("4711")));
    }

    @Test
    void fiveWrongPinsLockTheCodeForFiveMinutesAndTheLockIsAudited() {
        PinService pins = pins(ON);
        pins.set("TB", "4711".toCharArray(), "admin");
        for (int i = 1; i <= 4; i++) {
            PinService.Attempt a = pins.verify("TB", "0000".toCharArray(), "hall");
            assertThat(a.verdict()).isEqualTo(PinService.Verdict.WRONG);
            assertThat(a.remaining()).isEqualTo(5 - i);
        }
        PinService.Attempt fifth = pins.verify("TB", "0000".toCharArray(), "hall");
        assertThat(fifth.verdict()).isEqualTo(PinService.Verdict.LOCKED);
        assertThat(fifth.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(new AuditLog(db).recent(50)).filteredOn(a -> a.action().equals(AuditLog.LOCKOUT))
                .singleElement().satisfies(a -> {
                    assertThat(a.target()).isEqualTo("TB");
                    assertThat(a.actor()).isEqualTo("hall");
                });
        // while locked even the right PIN is refused, and not counted
        advance(Duration.ofMinutes(4));
        assertThat(pins.verify("TB", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.LOCKED);
        advance(Duration.ofMinutes(1));
        assertThat(pins.verify("TB", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.ACCEPTED);
        // the right PIN cleared the count: four wrong ones do not lock again
        for (int i = 0; i < 4; i++) {
            assertThat(pins.verify("TB", "0000".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.WRONG);
        }
    }

    @Test
    void aOneTimePinMustBeReplacedAtItsFirstUse() {
        PinService pins = pins(ON);
        String once = pins.issue("TB", "admin");
        assertThat(once).matches("[0-9]{6}");
        assertThat(pins.verify("TB", once.toCharArray(), "hall").verdict())
                .isEqualTo(PinService.Verdict.CHANGE_REQUIRED);
        assertThatThrownBy(() -> pins.change("TB", once.toCharArray(), once.toCharArray(), "hall"))
                .isInstanceOf(StoreException.class);
        assertThat(pins.change("TB", once.toCharArray(), "2468".toCharArray(), "hall").verdict())
                .isEqualTo(PinService.Verdict.ACCEPTED);
        assertThat(pins.verify("TB", once.toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.WRONG);
        assertThat(pins.verify("TB", "2468".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.ACCEPTED);
        assertThat(new AuditLog(db).recent(20)).anyMatch(a -> a.action().equals(AuditLog.PIN_ISSUE)
                && (a.details() == null || !a.details().contains(once)));
    }

    @Test
    void aPinThatIsNotFourToEightDigitsIsRefusedAndNothingIsStored() {
        PinService pins = pins(ON);
        for (String bad : new String[]{"123", "123456789", "12a4", ""}) {
            assertThatThrownBy(() -> pins.set("TB", bad.toCharArray(), "admin"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("4 to 8 digits");
        }
        assertThat(pins.hasPin("TB")).isFalse();
        assertThatThrownBy(() -> pins.set("NOPE", "1234".toCharArray(), "admin")).isInstanceOf(StoreException.class)
                .hasMessageContaining("NOPE");
    }

    @Test
    void theFallbackIsOffEverywhereOrForOneDepartment() {
        pins(ON).set("TB", "4711".toCharArray(), "admin");
        pins(ON).set("LB", "4711".toCharArray(), "admin");
        PinService labOff = pins(new Settings.PinSettings(true, true, 30, Set.of("Lab")));
        assertThat(labOff.verify("LB", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.OFF);
        assertThat(labOff.verify("TB", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.ACCEPTED);
        PinService off = pins(new Settings.PinSettings(false, true, 30, Set.of()));
        assertThat(off.verify("TB", "4711".toCharArray(), "hall").verdict()).isEqualTo(PinService.Verdict.OFF);
    }

    @Test
    void aPinCheckInIsStoredWithMethodPinAndItsSealedEvidenceUntilThePurge() throws Exception {
        // the station's PIN path without the camera: the policy's confirmed check-in through the shared recorder
        CheckInRecorder recorder = new CheckInRecorder(db, "hall", ZoneOffset.UTC, Duration.ofMinutes(5));
        CheckInPolicy policy = new CheckInPolicy(new CheckInRules(3, 5, Duration.ofSeconds(2), Duration.ofMinutes(5),
                DirectionMode.TOGGLE, false, 0.5, ZoneOffset.UTC), clock, recorder);
        byte[] png = Files.readAllBytes(Path.of("src/test/resources/lfw10/Tony_Blair/Tony_Blair_0001.jpg"));
        Decision d = policy.confirmed("TB");
        assertThat(d.isCheckIn()).isTrue();
        CheckInEvent e = recorder.record(d, CheckInMethod.PIN, png).orElseThrow();
        assertThat(e.method()).isEqualTo(CheckInMethod.PIN);
        assertThat(e.distance()).isNull();
        assertThat(e.direction()).isEqualTo(Direction.IN);
        // the same debounce as a face: a second PIN a minute later logs nothing
        advance(Duration.ofMinutes(1));
        assertThat(policy.confirmed("TB").kind()).isEqualTo(Decision.Kind.DEBOUNCED);

        EventRepository events = new EventRepository(db);
        events.insert(EventRepository.NewEvent.kiosk(new EmployeeRepository(db).require("LB").id(), T0, ZoneOffset.UTC,
                Direction.IN, 0.4, null, "hall"));
        assertThat(events.all()).extracting(CheckInEvent::code, CheckInEvent::method)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TB", CheckInMethod.PIN),
                        org.assertj.core.groups.Tuple.tuple("LB", CheckInMethod.FACE));

        byte[] stored = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT png FROM pin_evidence");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
        assertThat(FaceDataCipher.isSealed(stored)).isTrue();
        PinEvidence evidence = new PinEvidence(db);
        assertThat(evidence.of(e.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(png));

        StringWriter csv = new StringWriter();
        new CsvReports(ZoneOffset.UTC, false, ',').writeEvents(events.all(), csv);
        assertThat(csv.toString().split("\r\n")[0]).endsWith(",method,review");
        assertThat(csv.toString().split("\r\n")[1]).startsWith(e.id() + ",TB,").endsWith(",PIN,true");

        PinService pins = pins(ON);
        advance(Duration.ofDays(29));
        assertThat(pins.purgeEvidence()).isZero();
        advance(Duration.ofDays(2));
        assertThat(pins.purgeEvidence()).isEqualTo(1);
        assertThat(evidence.of(e.id())).isEqualTo(Optional.empty());
        assertThat(events.find(e.id())).isPresent(); // the event stays; only the face goes
    }
}
