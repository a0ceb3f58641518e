package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.Main;
import io.facecheck.app.WebhookReceiver;
import io.facecheck.app.WebhookService;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.Decision;
import io.facecheck.store.Database;
import io.facecheck.store.Direction;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.Subprocess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A FaceCheck process (the real {@link Main} in a JVM of its own) killed with SIGKILL while it delivers: one event
 * claimed and in flight to a receiver that has not answered, the others waiting in the outbox. After a restart
 * every check-in arrives, signed: the outbox is in the database, and the dead process's claim lapses.
 */
class WebhooksKillTest {
    private static final byte[] SECRET = "a-payroll-systems-shared-secret-0123".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void nothingWaitingIsLostWhenTheDeliveringProcessIsKilled() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("fc");
        Path key = dir.resolve("facecheck.key");
        Path secret = Files.write(dir.resolve("hook.secret"), SECRET);
        List<String> made = new ArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0)) {
            try (Database db = Database.open(url, FaceKeys.file(key))) {
                new EmployeeRepository(db).create("A", "Ann", null);
                new WebhookService(db).add(receiver.url(), "checkin", secret, "admin");
                CheckInRecorder recorder = new CheckInRecorder(db, "k1", ZoneId.of("UTC"), Duration.ofSeconds(2));
                Instant t = Instant.parse("2026-03-02T08:00:00Z");
                for (int i = 0; i < 5; i++) {
                    made.add(recorder.record(new Decision(Decision.Kind.CHECK_IN, "A", i % 2 == 0 ? Direction.IN
                            : Direction.OUT, t.plus(Duration.ofHours(i)), 0.3, null, 3, null, false))
                            .orElseThrow().uuid());
                }
            }

            receiver.hold();
            Process first = Subprocess.java(Main.class, "webhooks", "deliver", "--db", url, "--key-file",
                    key.toString(), "--wait", "60", "--timeout", "1");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (receiver.received().isEmpty() && first.isAlive() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertThat(receiver.received()).as("the first event reached the receiver").isNotEmpty();
            assertThat(first.isAlive()).as("still delivering").isTrue();
            first.toHandle().destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            assertThat(receiver.accepted()).isEmpty();

            receiver.up();
            Process restart = Subprocess.java(Main.class, "webhooks", "deliver", "--db", url, "--key-file",
                    key.toString(), "--wait", "60", "--json");
            String out = Subprocess.stdout(restart).lines().collect(Collectors.joining("\n"));
            assertThat(restart.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(restart.exitValue()).as(out).isZero();
            JsonNode pass = JSON.readTree(out);
            assertThat(pass.get("pending").asInt()).isZero();

            assertThat(receiver.acceptedData("checkin").stream().map(d -> d.path("eventUuid").asText()))
                    .containsExactlyInAnyOrderElementsOf(made);
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
        }
    }
}
