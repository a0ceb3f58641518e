package io.facecheck.attendance;

import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.FaceDataScan;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.OfflineStore;
import io.facecheck.store.PgServer;
import io.facecheck.store.ScheduleRepository;
import io.facecheck.store.ShiftRepository;
import io.facecheck.store.StoreException;
import io.facecheck.store.Subprocess;
import io.facecheck.store.TemplateRepository;
import io.facecheck.timesheet.ScheduleAssignment;
import io.facecheck.timesheet.Shift;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A kiosk on a real PostgreSQL server that goes away: the server is stopped (a fast shutdown, as when it is
 * restarted or its machine reboots) and started again in the middle of a check-in stream; the kiosk process is
 * killed while offline. Nothing the kiosk showed as logged is lost, nothing is logged twice.
 */
class OfflineKioskTest {
    private static final String MODEL = "test-embedder@1";
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Duration DEBOUNCE = Duration.ofMinutes(5);
    private static PgServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = PgServer.start(0); // our own: these tests stop and restart it
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Decision arrival(String code, Instant at) {
        return new Decision(Decision.Kind.CHECK_IN, code, Direction.IN, at, 0.4, null, 3, null, false);
    }

    private static float[] unit(int axis) {
        float[] v = new float[8];
        v[axis] = 1f;
        return v;
    }

    @Test
    void aServerStoppedAndRestartedMidStreamLosesNoCheckInAndLogsEachOnceWithItsOriginalTime() {
        streamThroughAnOutage(false);
    }

    @Test
    void aServerKilledMidStreamLosesNoCheckInTheKioskShowedAsLogged() {
        streamThroughAnOutage(true);
    }

    private void streamThroughAnOutage(boolean kill) {
        String url = server.newDatabase();
        FaceKeys keys = FaceKeys.defaults();
        try (Database admin = server.open(url)) {
            EmployeeRepository employees = new EmployeeRepository(admin);
            for (int i = 0; i < 10; i++) {
                employees.create("E" + i, "Employee " + i, null);
            }
        }
        Instant start = Instant.parse("2026-03-02T07:00:00Z");
        List<CheckInEvent> shown = new ArrayList<>();
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(dir.resolve("offline"), keys),
                     Duration.ofMillis(300))) {
            CheckInRecorder recorder = new CheckInRecorder(kiosk, "A", ZONE, DEBOUNCE, false, offline);
            try {
            for (int k = 0; k < 60; k++) {
                if (k == 20) {
                    if (kill) {
                        server.kill();
                    } else {
                        server.stop();
                    }
                }
                if (k == 40) {
                    server.restart();
                    sleep(400); // past the retry interval: the next check-in asks the server again
                    assertThat(recorder.record(arrival("E9", start.plus(Duration.ofMinutes(k)))))
                            .as("within the debounce of E9's journalled check-in at minute 39: not logged").isEmpty();
                    assertThat(offline.online()).as("the server answers again").isTrue();
                    // the kiosk's background sync, now: the journal goes up before any new check-in
                    OfflineKiosk.SyncResult r = offline.sync("A", DEBOUNCE);
                    assertThat(r.uploaded()).isEqualTo(20);
                }
                // person E(k % 10) at minute k: each comes back after the debounce, so every arrival is logged
                Optional<CheckInEvent> e = recorder.record(arrival("E" + (k % 10), start.plus(Duration.ofMinutes(k))));
                assertThat(e).as("arrival %d shown as logged", k).isPresent();
                shown.add(e.get());
            }
            } finally {
                server.restart();
            }
            // what happened while the server was down was journalled, and said so
            assertThat(shown.subList(0, 20)).noneMatch(CheckInEvent::pending);
            assertThat(shown.subList(20, 40)).allMatch(CheckInEvent::pending);
            assertThat(shown.subList(40, 60)).noneMatch(CheckInEvent::pending);
            assertThat(offline.online()).isTrue();
            assertThat(offline.pending("A")).isZero();
            OfflineKiosk.SyncResult again = offline.sync("A", DEBOUNCE);
            assertThat(again.settled()).isZero();
        }
        try (Database admin = server.open(url)) {
            List<CheckInEvent> stored = new EventRepository(admin).all();
            assertThat(stored).hasSize(60);
            assertThat(stored).extracting(CheckInEvent::uuid)
                    .containsExactlyInAnyOrderElementsOf(shown.stream().map(CheckInEvent::uuid).toList());
            Map<String, CheckInEvent> byUuid = stored.stream()
                    .collect(Collectors.toMap(CheckInEvent::uuid, Function.identity()));
            for (CheckInEvent s : shown) {
                CheckInEvent e = byUuid.get(s.uuid());
                assertThat(e.code()).isEqualTo(s.code());
                assertThat(e.at()).as("original time of %s", s.uuid()).isEqualTo(s.at());
                assertThat(e.kioskId()).isEqualTo("A");
            }
            // uploaded in the order they were logged
            List<Long> idsInTimeOrder = stored.stream().map(CheckInEvent::id).toList();
            assertThat(idsInTimeOrder).isSorted();
        }
    }

    @Test
    void anOfflineCheckInWithinTheDebounceOfAnotherKiosksEventIsNotUploadedTwice() {
        String url = server.newDatabase();
        FaceKeys keys = FaceKeys.defaults();
        try (Database admin = server.open(url)) {
            new EmployeeRepository(admin).create("ADA", "Ada", null);
            new EmployeeRepository(admin).create("BOB", "Bob", null);
        }
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        // kiosk A loses the server, logs Ada at 9:00 and Bob at 9:01 in its journal
        try (Database kioskA = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kioskA, OfflineStore.open(dir.resolve("offline-a"), keys),
                     Duration.ofHours(1))) {
            offline.wentDown(new StoreException(StoreException.Kind.CANNOT_OPEN, "cable unplugged",
                    new java.net.ConnectException("cable unplugged")));
            CheckInRecorder a = new CheckInRecorder(kioskA, "A", ZONE, DEBOUNCE, false, offline);
            assertThat(a.record(arrival("ADA", nine))).get().matches(CheckInEvent::pending);
            assertThat(a.record(arrival("BOB", nine.plusSeconds(60)))).get().matches(CheckInEvent::pending);
            // ... while kiosk B, still online, logs Ada at 9:02
            try (Database kioskB = server.open(url)) {
                assertThat(new CheckInRecorder(kioskB, "B", ZONE, DEBOUNCE).record(arrival("ADA",
                        nine.plusSeconds(120)))).get().matches(e -> !e.pending());
            }
            OfflineKiosk.SyncResult r = offline.sync("A", DEBOUNCE);
            assertThat(r.uploaded()).isEqualTo(1);
            assertThat(r.duplicates()).isEqualTo(1);
            assertThat(offline.pending(null)).isZero();
            assertThat(offline.sync("A", DEBOUNCE).settled()).isZero();
            // settled check-ins are pruned after a while; a waiting one never is
            offline.wentDown(new StoreException(StoreException.Kind.CANNOT_OPEN, "cable unplugged",
                    new java.net.ConnectException("cable unplugged")));
            assertThat(a.record(arrival("BOB", nine.plusSeconds(3600)))).get().matches(CheckInEvent::pending);
            assertThat(offline.local().forgetSettledBefore(Instant.now().plusSeconds(60))).isEqualTo(2);
            assertThat(offline.local().entries(offline.server(), null, null)).hasSize(1);
            assertThat(offline.pending("A")).isEqualTo(1);
        }
        try (Database admin = server.open(url)) {
            assertThat(new EventRepository(admin).all())
                    .extracting(e -> e.code() + "@" + e.at() + "/" + e.kioskId())
                    .containsExactly("BOB@" + nine.plusSeconds(60) + "/A", "ADA@" + nine.plusSeconds(120) + "/B");
        }
    }

    @Test
    void offlineANightWorkersSixOClockCheckOutIsAnOutOfTheShiftBegunTheEveningBefore() {
        String url = server.newDatabase();
        FaceKeys keys = FaceKeys.defaults();
        Instant evening = Instant.parse("2026-03-02T21:55:00Z");
        try (Database admin = server.open(url)) {
            new EmployeeRepository(admin).create("ADA", "Ada", "Care");
            new ShiftRepository(admin).create(Shift.fixed("Night", LocalTime.of(22, 0), LocalTime.of(6, 0), 5, 5,
                    30, 30));
            // the department's schedule: the kiosk must know Ada's department offline too
            new ScheduleRepository(admin).assign(new ScheduleAssignment(null, "Care", "Night",
                    EnumSet.allOf(DayOfWeek.class), LocalDate.of(2026, 3, 1)));
            assertThat(new CheckInRecorder(admin, "B", ZONE, DEBOUNCE).record(arrival("ADA", evening))).isPresent();
        }
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(dir.resolve("offline"), keys),
                     Duration.ofHours(1))) {
            // what the kiosk's background sync does while the server answers
            offline.refreshLastEvents(evening.minus(Duration.ofDays(1)));
            offline.refreshSchedules(LocalDate.of(2026, 3, 2));
            server.stop();
            CheckInRecorder recorder = new CheckInRecorder(kiosk, "A", ZONE, DEBOUNCE, false, offline);
            MutableClock clock = new MutableClock(Instant.parse("2026-03-03T06:03:00Z"));
            CheckInPolicy policy = new CheckInPolicy(new CheckInRules(3, 5, Duration.ofSeconds(2), DEBOUNCE,
                    io.facecheck.config.DirectionMode.TOGGLE, false, 0.2, ZONE), clock, recorder);
            Decision d = null;
            for (int f = 0; f < 3; f++) {
                clock.advance(Duration.ofMillis(100));
                d = policy.observe(FrameObservation.known("ADA", 0.4, null));
            }
            assertThat(d.isCheckIn()).isTrue();
            assertThat(d.direction()).as("the end of Monday's night, though the server is away").isEqualTo(Direction.OUT);
            assertThat(recorder.record(d).orElseThrow().pending()).isTrue();
        } finally {
            server.restart();
        }
    }

    @Test
    void offlineInOutTogglingKnowsTheLastEventAnotherKioskLoggedBeforeTheServerWentAway() {
        String url = server.newDatabase();
        FaceKeys keys = FaceKeys.defaults();
        Instant nine = Instant.parse("2026-03-02T09:00:00Z");
        try (Database admin = server.open(url)) {
            new EmployeeRepository(admin).create("ADA", "Ada", null);
            // Ada came in at kiosk B this morning
            assertThat(new CheckInRecorder(admin, "B", ZONE, DEBOUNCE).record(arrival("ADA", nine))).isPresent();
        }
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(dir.resolve("offline"), keys),
                     Duration.ofHours(1))) {
            // what the kiosk's background sync does while the server answers (the last day's events; "today" here)
            offline.refreshLastEvents(nine.minus(Duration.ofDays(1)));
            server.stop();
            CheckInRecorder recorder = new CheckInRecorder(kiosk, "A", ZONE, DEBOUNCE, false, offline);
            MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
            CheckInPolicy policy = new CheckInPolicy(new CheckInRules(3, 5, Duration.ofSeconds(2), DEBOUNCE,
                    io.facecheck.config.DirectionMode.TOGGLE, false, 0.2, ZONE), clock, recorder);
            Decision d = null;
            for (int f = 0; f < 3; f++) {
                clock.advance(Duration.ofMillis(100));
                d = policy.observe(FrameObservation.known("ADA", 0.4, null));
            }
            assertThat(d.isCheckIn()).isTrue();
            assertThat(d.direction()).as("out for lunch, though the server is away").isEqualTo(Direction.OUT);
            // a second kiosk process would not log her again within the debounce of the morning's event either
            assertThat(recorder.record(arrival("ADA", nine.plusSeconds(120)))).as("within the debounce of 9:00")
                    .isEmpty();
            CheckInEvent lunch = recorder.record(d).orElseThrow();
            assertThat(lunch.pending()).isTrue();
            // back from lunch, still offline: the journal's OUT is the latest, so IN
            assertThat(recorder.last("ADA")).get().extracting(LastEvent::direction).isEqualTo(Direction.OUT);
        } finally {
            server.restart();
        }
    }

    @Test
    void aKioskStartedWhileTheServerIsDownRecognisesFromItsEncryptedGalleryCache() {
        String url = server.newDatabase();
        FaceKeys keys = FaceKeys.defaults();
        float[] adaFace = {0.6f, 0.8f, 0, 0, 0, 0, 0, 0};
        try (Database admin = server.open(url)) {
            Employee ada = new EmployeeRepository(admin).create("ADA", "Ada Lovelace", null);
            Employee bob = new EmployeeRepository(admin).create("BOB", "Bob", null);
            new TemplateRepository(admin).add(ada.id(), null, MODEL, adaFace, 1, "a");
            new TemplateRepository(admin).add(bob.id(), null, MODEL, unit(3), 1, "b");
        }
        Path base = dir.resolve("offline");
        // first start with the server up: the gallery is cached
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(base, keys))) {
            GallerySync sync = new GallerySync(new TemplateRepository(kiosk), MODEL, 8);
            sync.cacheIn(offline);
            assertThat(sync.load()).isEqualTo(2);
            assertThat(sync.fromCache()).isFalse();
        }
        assertThat(FaceDataScan.filesContainingVector(dir, adaFace)).as("templates in the clear").isEmpty();

        server.stop();
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(base, keys))) {
            assertThat(kiosk.connected()).isFalse();
            GallerySync sync = new GallerySync(new TemplateRepository(kiosk), MODEL, 8);
            sync.cacheIn(offline);
            assertThat(sync.load()).isEqualTo(2);
            assertThat(sync.fromCache()).isTrue();
            OpenSetDecision decision = new OpenSetDecision(0.5, 0);
            assertThat(decision.identify(sync.gallery(), adaFace).identity()).contains("ADA");
            // and a check-in greets Ada by the cached name
            CheckInRecorder recorder = new CheckInRecorder(kiosk, "A", ZONE, DEBOUNCE, false, offline);
            CheckInEvent e = recorder.record(arrival("ADA", Instant.parse("2026-03-02T08:00:00Z"))).orElseThrow();
            assertThat(e.pending()).isTrue();
            assertThat(e.name()).isEqualTo("Ada Lovelace");
        } finally {
            server.restart();
        }

        // a wrong key does not open the cache: an error, never garbage
        server.stop();
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(base,
                     FaceKeys.resolve(null, Map.of(), dir.resolve("other-key"))))) {
            GallerySync sync = new GallerySync(new TemplateRepository(kiosk), MODEL, 8);
            sync.cacheIn(offline);
            assertThatThrownBy(sync::load).isInstanceOf(StoreException.class)
                    .matches(t -> ((StoreException) t).kind() == StoreException.Kind.KEY);
        } finally {
            server.restart();
        }
    }

    @Test
    void aServerDownAtStartWithNothingCachedIsAClearError() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/facecheck";
        FaceKeys keys = FaceKeys.defaults();
        try (Database kiosk = Database.openWhenReachable(url, server.credentials(), keys);
             OfflineKiosk offline = new OfflineKiosk(kiosk, OfflineStore.open(dir.resolve("offline"), keys))) {
            GallerySync sync = new GallerySync(new TemplateRepository(kiosk), MODEL, 8);
            sync.cacheIn(offline);
            assertThatThrownBy(sync::load).isInstanceOf(StoreException.class)
                    .hasMessageContaining("cannot reach PostgreSQL server 127.0.0.1:")
                    .hasMessageContaining("no cached gallery")
                    .hasMessageNotContaining(server.password());
        }
    }

    @Test
    void aKioskKilledWhileOfflineLosesNoJournalledCheckIn() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + freePort() + "/facecheck"; // nothing listens there
        Path base = dir.resolve("offline");
        int killAfter = 20 + ThreadLocalRandom.current().nextInt(30);
        List<String> reported = Subprocess.linesUntilKilled(
                Subprocess.java(CheckInLoopMain.class, url, base.toString()), killAfter);

        try (OfflineStore local = OfflineStore.open(base, FaceKeys.defaults())) {
            List<OfflineStore.JournalEntry> kept = local.pending(OfflineStore.serverKey(url), "loop");
            Map<String, OfflineStore.JournalEntry> byUuid = kept.stream()
                    .collect(Collectors.toMap(OfflineStore.JournalEntry::uuid, Function.identity()));
            Set<String> seen = new HashSet<>();
            for (String r : reported) {
                String[] f = r.split(" ");
                assertThat(f[6]).as("shown as pending: %s", r).isEqualTo("pending");
                OfflineStore.JournalEntry e = byUuid.get(f[5]);
                assertThat(e).as("journalled check-in %s", r).isNotNull();
                assertThat(e.code()).isEqualTo(f[2]);
                assertThat(e.at()).hasToString(f[3]);
                seen.add(f[5]);
            }
            assertThat(kept.size()).isBetween(seen.size(), seen.size() + 1);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
