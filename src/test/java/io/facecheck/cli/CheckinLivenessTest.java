package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code checkin --liveness}: the landmark liveness gate on the command line's path through the station. */
class CheckinLivenessTest {
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("fc");
    }

    private static String photo(int n) {
        return LFW.resolve("Tony_Blair").resolve(String.format("Tony_Blair_%04d.jpg", n)).toString();
    }

    @Test
    void passiveLivenessRefusesTheSamePhotoRepeatedAndSaysWhyWhileOffLogsIt() throws Exception {
        CliRun enroll = CliRun.of("enroll", "--db", db(), "--code", "TB", "--name", "Tony Blair",
                photo(1), photo(2), photo(3), photo(4), photo(5));
        assertThat(enroll.exit()).as(enroll.err()).isZero();
        String still = photo(6);

        CliRun passive = CliRun.of("checkin", "--db", db(), "--at", "2026-03-02T08:55:00Z", "--liveness", "passive",
                "--json", still, still, still, still, still);
        assertThat(passive.exit()).as(passive.err()).isZero();
        JsonNode doc = JSON.readTree(passive.out());
        assertThat(doc.get("events")).isEmpty();
        assertThat(doc.get("liveness").get("mode").asText()).isEqualTo("passive");
        assertThat(doc.get("liveness").get("verdict").asText()).isEqualTo("spoof");
        assertThat(doc.get("liveness").get("refused").asText()).isEqualTo("spoof:static_frame_repeated");
        assertThat(passive.err()).contains("no check-in logged")
                .contains("the same picture was shown again and again");

        CliRun text = CliRun.of("checkin", "--db", db(), "--at", "2026-03-02T08:56:00Z", "--liveness", "passive",
                still, still, still, still, still);
        assertThat(text.out()).contains("no check-in logged");
        assertThat(text.err()).contains("[spoof:static_frame_repeated]");

        // today's behaviour: the same frames check Tony in
        CliRun off = CliRun.of("checkin", "--db", db(), "--at", "2026-03-02T08:57:00Z", "--liveness", "off", "--json",
                still, still, still, still, still);
        JsonNode logged = JSON.readTree(off.out());
        assertThat(logged.get("events")).hasSize(1);
        assertThat(logged.get("events").get(0).get("code").asText()).isEqualTo("TB");
        assertThat(logged.has("liveness")).isFalse();
    }

    @Test
    void rejectsAnUnknownLivenessMode() {
        CliRun r = CliRun.of("checkin", "--db", db(), "--liveness", "maybe", photo(6));
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("--liveness maybe is not one of off, passive, challenge, net");
    }
}
