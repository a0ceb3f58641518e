package io.facecheck.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.facecheck.attendance.AttendanceCorrections;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.Decision;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.Outbox;
import io.facecheck.store.StoreKind;
import io.facecheck.store.TemplateRepository;
import io.facecheck.store.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks end to end on a real H2 file ({@link WebhookDeliveryPostgresTest}: on PostgreSQL): real check-ins
 * through the kiosk's recorder, a real HTTP receiver that fails before it accepts, the real dispatcher.
 */
class WebhookDeliveryTest {
    static final byte[] SECRET = "s3cret-for-the-payroll-receiver".getBytes(StandardCharsets.UTF_8);
    /** Fast retries: a test waits milliseconds where production waits seconds to hours. */
    static final WebhookDispatcher.Options FAST = new WebhookDispatcher.Options(Duration.ofMillis(20),
            Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(50));
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;
    Database db;
    Path secretFile;

    StoreKind store() {
        return StoreKind.H2;
    }

    @BeforeEach
    void open() throws Exception {
        db = store().open(store().newUrl(dir));
        secretFile = Files.write(dir.resolve("secret"), (new String(SECRET, StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        EmployeeRepository employees = new EmployeeRepository(db);
        for (int i = 0; i < 3; i++) {
            employees.create("E" + i, "Employee " + i, "Ops");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Decision checkIn(String code, Instant at) {
        return new Decision(Decision.Kind.CHECK_IN, code, Direction.IN, at, 0.31, 0.97, 3, null, false);
    }

    /** Passes until nothing waits, at most 20 s. */
    static void deliverAll(WebhookDispatcher dispatcher, WebhookService service) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (service.counts().pending() > 0 && System.nanoTime() < end) {
            dispatcher.deliverDue(Duration.ofSeconds(5));
            Thread.sleep(20);
        }
        assertThat(service.counts().pending()).as("events still waiting").isZero();
    }

    @Test
    void everyCheckInArrivesSignedAfterTheReceiverRecovers() throws Exception {
        WebhookService service = new WebhookService(db);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 4)) {
            service.add(receiver.url(), "checkin", secretFile, "admin");
            CheckInRecorder recorder = new CheckInRecorder(db, "kiosk-1", ZONE, Duration.ofMinutes(1));
            List<CheckInEvent> made = new ArrayList<>();
            Instant t = Instant.parse("2026-03-02T07:55:00Z");
            for (int i = 0; i < 6; i++) {
                made.add(recorder.record(checkIn("E" + (i % 3), t.plus(Duration.ofMinutes(2L * i)))).orElseThrow());
            }
            WebhookDispatcher dispatcher = new WebhookDispatcher(db, FAST);
            WebhookDispatcher.Pass first = dispatcher.deliverDue(Duration.ofSeconds(5));
            assertThat(first.failed()).as("the receiver is failing at first").isPositive();
            Webhook failing = service.list().get(0);
            assertThat(failing.failing()).isPositive();
            assertThat(failing.lastError()).contains("503");

            deliverAll(dispatcher, service);

            Map<String, WebhookReceiver.Received> accepted = receiver.accepted();
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
            Set<String> arrived = receiver.acceptedData(Outbox.CHECKIN).stream()
                    .map(d -> d.path("eventUuid").asText()).collect(Collectors.toSet());
            assertThat(arrived).containsExactlyInAnyOrderElementsOf(made.stream().map(CheckInEvent::uuid).toList());
            WebhookReceiver.Received one = accepted.values().iterator().next();
            assertThat(one.eventIdHeader()).isEqualTo(one.id());
            assertThat(one.body().path("occurredAt").asText()).isNotEmpty();
            JsonNode data = one.body().path("data");
            assertThat(data.path("kioskId").asText()).isEqualTo("kiosk-1");
            assertThat(data.path("direction").asText()).isEqualTo("IN");
            assertThat(data.path("zone").asText()).isEqualTo("Europe/Berlin");
            assertThat(service.list().get(0).delivered()).isEqualTo(6);
            assertThat(service.list().get(0).failing()).isZero();
        }
    }

    @Test
    void aCheckInWhoseTransactionFailsLeavesNoOutboxRow() throws Exception {
        WebhookService service = new WebhookService(db);
        service.add("http://127.0.0.1:9/hook", "checkin", secretFile, "admin");
        CheckInRecorder recorder = new CheckInRecorder(db, "kiosk-1", ZONE, Duration.ofMinutes(1));
        assertThatThrownBy(() -> db.run(c -> {
            recorder.record(checkIn("E0", Instant.parse("2026-03-02T07:55:00Z")));
            throw new IllegalStateException("the kiosk's transaction fails after the check-in was written");
        })).hasMessageContaining("fails after");
        assertThat(new EventRepository(db).all()).isEmpty();
        assertThat(rows("outbox")).isZero();
        assertThat(rows("outbox_delivery")).isZero();
        // and one that commits has its row
        recorder.record(checkIn("E0", Instant.parse("2026-03-02T07:56:00Z")));
        assertThat(rows("outbox")).isEqualTo(1);
        assertThat(service.counts().pending()).isEqualTo(1);
    }

    @Test
    void correctionsAndEmployeeChangesReachOnlyTheWebhooksThatAskedForThem() throws Exception {
        WebhookService service = new WebhookService(db);
        try (WebhookReceiver hr = new WebhookReceiver(SECRET, 0);
             WebhookReceiver payroll = new WebhookReceiver(SECRET, 0)) {
            service.add(hr.url(), "employee.changed", secretFile, "admin");
            service.add(payroll.url(), "checkin,correction", secretFile, "admin");
            EmployeeRepository employees = new EmployeeRepository(db);
            employees.create("E9", "New Hire", "Ops");
            employees.update("E9", "New Hire", "Sales", true);
            employees.update("E9", "New Hire", "Sales", false);
            new TemplateRepository(db).deleteForEmployee(employees.require("E1").id());
            AttendanceCorrections corrections = new AttendanceCorrections(db, ZONE);
            CheckInEvent added = corrections.add("E0", Instant.parse("2026-03-02T08:00:00Z"), Direction.IN,
                    "badge reader was down", "admin");
            corrections.edit(added.id(), Instant.parse("2026-03-02T08:05:00Z"), Direction.IN, "typo", "admin");
            corrections.remove(added.id(), "wrong person", "admin");

            deliverAll(new WebhookDispatcher(db, FAST), service);

            assertThat(hr.acceptedData(Outbox.EMPLOYEE_CHANGED)).extracting(d -> d.path("change").asText())
                    .containsExactlyInAnyOrder("added", "updated", "deactivated", "faces-erased");
            assertThat(hr.acceptedData(Outbox.EMPLOYEE_CHANGED)).allMatch(d -> !d.has("templates")
                    && !d.has("embedding"));
            assertThat(hr.accepted().values()).allMatch(r -> r.type().equals(Outbox.EMPLOYEE_CHANGED));
            assertThat(payroll.acceptedData(Outbox.CORRECTION)).extracting(d -> d.path("change").asText())
                    .containsExactlyInAnyOrder("added", "edited", "removed");
            assertThat(payroll.acceptedData(Outbox.CORRECTION).get(0).path("reason").asText())
                    .isEqualTo("badge reader was down");
            assertThat(payroll.accepted()).hasSize(3);
        }
    }

    @Test
    void aClaimedEventWhoseDispatcherDiedIsDeliveredOnceItsClaimLapses() throws Exception {
        WebhookService service = new WebhookService(db);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0)) {
            service.add(receiver.url(), "checkin", secretFile, "admin");
            new CheckInRecorder(db, "kiosk-1", ZONE, Duration.ofMinutes(1))
                    .record(checkIn("E2", Instant.parse("2026-03-02T07:55:00Z")));
            Outbox outbox = new Outbox(db);
            Outbox.Delivery d = outbox.due(Instant.now(), 10).get(0);
            // claimed by a dispatcher that dies before it answers: its claim holds for 1 s
            assertThat(outbox.claim(d, Instant.now(), Duration.ofSeconds(1))).isTrue();
            assertThat(outbox.claim(d, Instant.now(), Duration.ofSeconds(1))).as("a claim is taken once").isFalse();
            assertThat(outbox.due(Instant.now(), 10)).as("not due while claimed").isEmpty();
            assertThat(outbox.due(Instant.now().plusSeconds(2), 10)).as("due once the claim lapsed").hasSize(1);
            Thread.sleep(1100);
            WebhookDispatcher survivor = new WebhookDispatcher(db, FAST);
            deliverAll(survivor, service);
            assertThat(receiver.accepted()).hasSize(1);
        }
    }

    @Test
    void badWebhooksAreRefusedWithTheReasonAndNothingIsWritten() throws Exception {
        WebhookService service = new WebhookService(db);
        Path shortSecret = Files.writeString(dir.resolve("short"), "abc\n");
        assertThatThrownBy(() -> service.add("ftp://example.com/x", "checkin", secretFile, "a"))
                .hasMessageContaining("ftp://example.com/x");
        assertThatThrownBy(() -> service.add("https://example.com/x", "checkin,payday", secretFile, "a"))
                .hasMessageContaining("payday");
        assertThatThrownBy(() -> service.add("https://example.com/x", "checkin", shortSecret, "a"))
                .hasMessageContaining("short").hasMessageContaining("16");
        assertThatThrownBy(() -> service.add("https://example.com/x", "checkin", dir.resolve("none"), "a"))
                .hasMessageContaining("none");
        assertThatThrownBy(() -> service.remove(42, "a")).hasMessageContaining("42");
        assertThat(service.list()).isEmpty();
    }

    @Test
    void theSecretIsStoredSealedNotInTheClear() throws Exception {
        new WebhookService(db).add("https://example.com/x", "checkin", secretFile, "admin");
        String stored = db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT secret FROM webhook")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).doesNotContain("s3cret");
        assertThat(new String(java.util.Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1))
                .doesNotContain("s3cret");
        assertThat(db.faceDataKeyIds()).as("the key it needs is known to the key checks").isNotEmpty();
    }

    private int rows(String table) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
