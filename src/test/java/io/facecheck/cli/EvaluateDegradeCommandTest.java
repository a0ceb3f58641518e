package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code evaluate --degrade} and {@code --plot} on real photos (three lfw10 people, four photos each, to stay fast). */
class EvaluateDegradeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LFW = Path.of("src/test/resources/lfw10");

    private static Path subset(Path tmp) throws IOException {
        Path dir = tmp.resolve("set");
        for (String person : List.of("Tony_Blair", "Colin_Powell", "Hugo_Chavez")) {
            Files.createDirectories(dir.resolve(person));
            for (int i = 1; i <= 4; i++) {
                String name = person + "_000" + i + ".jpg";
                Files.copy(LFW.resolve(person).resolve(name), dir.resolve(person).resolve(name));
            }
        }
        return dir;
    }

    @Test
    void degradeAddsOneRowPerLevelAndPlotWritesAChart(@TempDir Path tmp) throws IOException {
        Path png = tmp.resolve("robustness.png");
        CliRun r = CliRun.of("evaluate", "--folder", subset(tmp).toString(), "--degrade", "jpeg=90,10",
                "--degrade", "pixels=65536,400", "--json", "--plot", png.toString());
        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        JsonNode rows = doc.get("degraded");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("kind").asText()).isEqualTo("jpeg");
        assertThat(rows.get(0).get("level").asInt()).isEqualTo(90);
        for (JsonNode row : rows) {
            assertThat(row.has("imagesWithoutFace")).isTrue();
            assertThat(row.get("accuracyAtThreshold").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("tenFoldAccuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(row.get("tarAtFar1e3").asDouble()).isBetween(0.0, 1.0);
        }
        // LFW faces cover ~10,000 pixels: 65,536 leaves every photo as it is, so the row equals the clean result.
        JsonNode native65536 = rows.get(2);
        assertThat(native65536.get("imagesUnchanged").asInt()).isEqualTo(doc.get("images").asInt());
        assertThat(native65536.get("accuracyAtThreshold").asDouble()).isEqualTo(doc.get("accuracyAtThreshold").asDouble());
        // Every face is larger than 20x20, so pixels=400 degrades every photo.
        assertThat(rows.get(3).get("imagesUnchanged").asInt()).isZero();
        BufferedImage chart = ImageIO.read(png.toFile());
        assertThat(chart.getWidth()).isGreaterThanOrEqualTo(600);
    }

    @Test
    void rejectsAMalformedDegradationAndAPlotWithoutOne(@TempDir Path tmp) throws IOException {
        CliRun bad = CliRun.of("evaluate", "--folder", LFW.toString(), "--degrade", "jpeg=0");
        assertThat(bad.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("--degrade").contains("1..100").doesNotContain("\tat ");
        CliRun plot = CliRun.of("evaluate", "--folder", LFW.toString(), "--plot", tmp.resolve("x.png").toString());
        assertThat(plot.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(plot.err()).contains("--plot needs --degrade");
    }
}
