package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.app.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code facecheck webhooks} and {@code checkin}'s deliveries on a real H2 file, the real models and a real HTTP
 * receiver on a loopback port that checks every signature as docs/webhooks.md tells receivers to.
 */
class WebhooksCommandTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SECRET = "a-payroll-systems-shared-secret-0123".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("fc");
    }

    private static String photo(int n) {
        return LFW.resolve("George_W_Bush").resolve(String.format("George_W_Bush_%04d.jpg", n)).toString();
    }

    private CliRun ok(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    private List<String> checkin(String at) throws Exception {
        CliRun r = ok("checkin", "--db", db(), "--at", at, "--json", photo(6), photo(7), photo(8));
        List<String> uuids = new ArrayList<>();
        JSON.readTree(r.out()).get("events").forEach(e -> uuids.add(e.get("uuid").asText()));
        assertThat(uuids).as(r.out()).hasSize(1);
        return uuids;
    }

    @Test
    void eachCheckInOfTheCheckinCommandReachesTheReceiverSignedAndFailuresShowInListAndStatus() throws Exception {
        ok("enroll", "--db", db(), "--code", "GWB", "--name", "George W. Bush", photo(1), photo(2), photo(3));
        Path secret = Files.write(dir.resolve("hook.secret"), SECRET);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 0)) {
            CliRun added = ok("webhooks", "add", receiver.url(), "--events", "checkin,employee.changed",
                    "--secret-file", secret.toString(), "--db", db());
            assertThat(added.out()).contains("webhook 1 added: " + receiver.url() + " receives checkin,employee.changed");

            List<String> made = new ArrayList<>(checkin("2026-03-02T08:55:00Z"));
            made.addAll(checkin("2026-03-02T17:05:00Z"));
            Set<String> arrived = receiver.acceptedData("checkin").stream().map(d -> d.path("eventUuid").asText())
                    .collect(Collectors.toSet());
            assertThat(arrived).as("each check-in delivered by the command that made it")
                    .containsExactlyInAnyOrderElementsOf(made);
            assertThat(receiver.received()).isNotEmpty().allMatch(WebhookReceiver.Received::signatureValid);
            JsonNode data = receiver.acceptedData("checkin").get(0);
            assertThat(data.path("code").asText()).isEqualTo("GWB");

            // the receiver is down: the check-in is kept, and the failure shows in list and status
            receiver.down();
            List<String> third = checkin("2026-03-03T08:50:00Z");
            CliRun list = ok("webhooks", "list", "--db", db());
            assertThat(list.out()).contains("1 waiting, 1 failing, 2 delivered").contains("last error: HTTP 503");
            JsonNode listed = JSON.readTree(ok("webhooks", "list", "--json", "--db", db()).out()).get(0);
            assertThat(listed.get("failing").asInt()).isEqualTo(1);
            assertThat(listed.get("nextAttemptAt").asText()).isNotEmpty();
            CliRun status = CliRun.of("status", "--json", "--db", db());
            JsonNode hooks = JSON.readTree(status.out()).get("webhooks");
            assertThat(hooks.get("count").asInt()).isEqualTo(1);
            assertThat(hooks.get("pending").asInt()).isEqualTo(1);
            assertThat(hooks.get("failing").asInt()).isEqualTo(1);
            assertThat(hooks.get("lastError").asText()).contains("HTTP 503");
            assertThat(status.err()).contains("webhooks: 1 events not delivered, the last attempt of 1 failed");
            assertThat(CliRun.of("status", "--db", db()).out()).contains("1 events waiting, 1 failing");

            // back up: deliver sends it at once, back-off or not
            receiver.up();
            JsonNode delivered = JSON.readTree(ok("webhooks", "deliver", "--json", "--db", db()).out());
            assertThat(delivered.get("delivered").asInt()).isEqualTo(1);
            assertThat(delivered.get("pending").asInt()).isZero();
            assertThat(receiver.acceptedData("checkin").stream().map(d -> d.path("eventUuid").asText()))
                    .containsAll(third);

            ok("webhooks", "remove", "1", "--db", db());
            assertThat(ok("webhooks", "list", "--db", db()).out()).contains("no webhooks");
        }
    }

    @Test
    void badInputSaysWhatIsWrongAndAddsNothing() throws Exception {
        ok("employees", "add", "--code", "A", "--name", "Ann", "--db", db());
        Path shortSecret = Files.writeString(dir.resolve("short"), "abc\n");
        Path secret = Files.write(dir.resolve("ok"), SECRET);
        CliRun ftp = CliRun.of("webhooks", "add", "ftp://example.com/x", "--events", "checkin", "--secret-file",
                secret.toString(), "--db", db());
        assertThat(ftp.exit()).isNotZero();
        assertThat(ftp.err()).contains("'ftp://example.com/x' is not an http:// or https:// address")
                .doesNotContain("\tat ");
        CliRun type = CliRun.of("webhooks", "add", "https://example.com/x", "--events", "checkin,punch",
                "--secret-file", secret.toString(), "--db", db());
        assertThat(type.exit()).isNotZero();
        assertThat(type.err()).contains("unknown event type 'punch'");
        CliRun tooShort = CliRun.of("webhooks", "add", "https://example.com/x", "--events", "checkin",
                "--secret-file", shortSecret.toString(), "--db", db());
        assertThat(tooShort.err()).contains("too short: 3 bytes, at least 16");
        CliRun gone = CliRun.of("webhooks", "remove", "7", "--db", db());
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("no webhook with id 7");
        CliRun zh = CliRun.of("--lang", "zh-CN", "webhooks", "remove", "7", "--db", db());
        assertThat(zh.err()).contains("没有编号为 7 的 Webhook");
        assertThat(CliRun.of("webhooks", "deliver", "--wait", "0", "--db", db()).exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(ok("webhooks", "list", "--json", "--db", db()).out().strip()).isEqualTo("[ ]");
    }
}
