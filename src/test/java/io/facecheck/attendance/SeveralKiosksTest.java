package io.facecheck.attendance;

import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.KioskRegistry;
import io.facecheck.store.StoreKind;
import io.facecheck.store.TemplateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several kiosks and an admin PC on one database, each with its own connection pool as separate machines have:
 * changes reach a running kiosk's gallery by themselves, and the database decides who logs a check-in.
 * On a real H2 file here; {@link SeveralKiosksPostgresTest} runs the same on PostgreSQL.
 */
class SeveralKiosksTest {
    private static final String MODEL = "test-embedder@1";
    private static final ZoneId ZONE = ZoneId.of("UTC");
    @TempDir
    Path dir;
    private String url;
    private Database admin;
    private Database kioskA;
    private Database kioskB;

    StoreKind store() {
        return StoreKind.H2;
    }

    @BeforeEach
    void open() {
        url = store().newUrl(dir);
        admin = store().open(url);
        kioskA = store().open(url);
        kioskB = store().open(url);
    }

    @AfterEach
    void close() {
        kioskB.close();
        kioskA.close();
        admin.close();
    }

    private static float[] unit(int axis) {
        float[] v = new float[8];
        v[axis] = 1f;
        return v;
    }

    @Test
    void anEraseAtTheAdminSideStopsRecognitionAtARunningKioskWithinTenSeconds() throws Exception {
        EmployeeRepository employees = new EmployeeRepository(admin);
        TemplateRepository templates = new TemplateRepository(admin);
        Employee ada = employees.create("ADA", "Ada", null);
        Employee bob = employees.create("BOB", "Bob", null);
        templates.add(ada.id(), null, MODEL, unit(0), 1, "a");
        templates.add(bob.id(), null, MODEL, unit(1), 1, "b");

        GallerySync kiosk = new GallerySync(new TemplateRepository(kioskA), MODEL, 8);
        assertThat(kiosk.load()).isEqualTo(2);
        OpenSetDecision decision = new OpenSetDecision(0.5, 0.05);
        assertThat(decision.identify(kiosk.gallery(), unit(0)).identity()).contains("ADA");

        try (AutoCloseable polling = kiosk.startPolling(GallerySync.POLL_INTERVAL)) {
            Instant erased = Instant.now();
            templates.deleteForEmployee(ada.id()); // what erase-face does at the admin PC
            Employee cy = employees.create("CY", "Cy", null);
            templates.add(cy.id(), null, MODEL, unit(2), 1, "c"); // and a new enrollment
            Instant seen = waitUntil(() -> decision.identify(kiosk.gallery(), unit(0)).identity().isEmpty()
                    && decision.identify(kiosk.gallery(), unit(2)).identity().equals(Optional.of("CY")));
            assertThat(Duration.between(erased, seen)).isLessThan(Duration.ofSeconds(10));
            assertThat(decision.identify(kiosk.gallery(), unit(1)).identity()).contains("BOB");

            employees.update("BOB", "Bob", null, false); // deactivated: no longer recognised either
            waitUntil(() -> decision.identify(kiosk.gallery(), unit(1)).identity().isEmpty());
        }
        // what the kiosk has left: the one newly enrolled, active employee
        assertThat(kiosk.gallery().identities()).containsExactly("CY");
    }

    private static Instant waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the running kiosk did not see the change within 15 s");
            }
            Thread.sleep(50);
        }
        return Instant.now();
    }

    @Test
    void twoKioskStationsInSeparateThreadsLogEachCheckInOnceAndLoseNone() throws Exception {
        EmployeeRepository employees = new EmployeeRepository(admin);
        for (int i = 0; i < 10; i++) {
            employees.create("E" + i, "Employee " + i, null);
        }
        Duration debounce = Duration.ofMinutes(5);
        // the same 100 arrivals seen by both kiosks at the same instants: person E(k % 10) at minute k, so each
        // person comes back every 10 minutes, after the debounce
        Instant start = Instant.parse("2026-03-02T07:00:00Z");
        List<Decision> arrivals = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            arrivals.add(new Decision(Decision.Kind.CHECK_IN, "E" + (k % 10), (k / 10) % 2 == 0 ? Direction.IN
                    : Direction.OUT, start.plus(Duration.ofMinutes(k)), 0.4, null, 3, null, false));
        }
        CheckInRecorder a = new CheckInRecorder(kioskA, "A", ZONE, debounce);
        CheckInRecorder b = new CheckInRecorder(kioskB, "B", ZONE, debounce);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<CheckInEvent>> fromA = threads.submit(() -> record(a, arrivals, go));
            Future<List<CheckInEvent>> fromB = threads.submit(() -> record(b, arrivals, go));
            go.countDown();
            List<CheckInEvent> logged = new ArrayList<>(fromA.get(120, TimeUnit.SECONDS));
            logged.addAll(fromB.get(120, TimeUnit.SECONDS));

            List<CheckInEvent> stored = new EventRepository(admin).all();
            assertThat(stored).hasSize(100);
            assertThat(logged).hasSize(100);
            Set<String> arrivalKeys = new HashSet<>();
            for (CheckInEvent e : stored) {
                assertThat(arrivalKeys.add(e.code() + "@" + e.at())).as("logged twice: %s", e).isTrue();
            }
            for (Decision d : arrivals) {
                assertThat(arrivalKeys).as("lost: %s", d).contains(d.code() + "@" + d.at());
            }
            // which kiosk wins each race is up to the scheduler (one may win them all); each event names one of them
            assertThat(stored).extracting(CheckInEvent::kioskId).isSubsetOf("A", "B");
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<CheckInEvent> record(CheckInRecorder recorder, List<Decision> arrivals, CountDownLatch go)
            throws InterruptedException {
        go.await();
        List<CheckInEvent> mine = new ArrayList<>();
        for (Decision d : arrivals) {
            recorder.record(d).ifPresent(mine::add);
        }
        return mine;
    }

    @Test
    void kiosksAreListedFromTheirHeartbeats() {
        Instant started = Instant.parse("2026-03-02T06:00:00Z");
        new KioskRegistry(kioskA).beat("A", "0.1.0", 0, started);
        new KioskRegistry(kioskB).beat("B", "0.1.0", 2, started);
        new KioskRegistry(kioskA).beat("A", "0.1.1", 1, started);
        List<KioskRegistry.Kiosk> kiosks = new KioskRegistry(admin).list();
        assertThat(kiosks).extracting(KioskRegistry.Kiosk::id).containsExactly("A", "B");
        assertThat(kiosks.get(0).version()).isEqualTo("0.1.1");
        assertThat(kiosks.get(0).pendingEvents()).isEqualTo(1);
        assertThat(kiosks.get(1).pendingEvents()).isEqualTo(2);
        assertThat(kiosks.get(0).online(Instant.now())).isTrue();
        assertThat(kiosks.get(0).online(Instant.now().plus(Duration.ofMinutes(5)))).isFalse();
    }
}
