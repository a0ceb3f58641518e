package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.PgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine commands of issue 3, run in-process on real models and real photos. */
class EngineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LFW = Path.of("src/test/resources/lfw10");
    private static final String BLAIR_1 = LFW.resolve("Tony_Blair/Tony_Blair_0001.jpg").toString();
    private static final String BLAIR_4 = LFW.resolve("Tony_Blair/Tony_Blair_0004.jpg").toString();
    private static final String POWELL_2 = LFW.resolve("Colin_Powell/Colin_Powell_0002.jpg").toString();

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void verifyCallsTwoPhotosOfOnePersonTheSameAndTwoPeopleDifferent() throws IOException {
        JsonNode same = json(CliRun.of("verify", BLAIR_1, BLAIR_4, "--json"));
        JsonNode diff = json(CliRun.of("verify", BLAIR_1, POWELL_2, "--json"));
        assertThat(same.get("same").asBoolean()).isTrue();
        assertThat(diff.get("same").asBoolean()).isFalse();
        assertThat(same.get("distance").asDouble()).isLessThan(same.get("threshold").asDouble())
                .isLessThan(diff.get("distance").asDouble());
        assertThat(same.get("facesInFirst").asInt()).isPositive();
    }

    @Test
    void verifyExitsTwoNamingThePhotoWithoutAFace(@TempDir Path tmp) throws IOException {
        Path blank = tmp.resolve("wall.png");
        BufferedImage grey = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(grey, "png", blank.toFile());
        CliRun r = CliRun.of("verify", BLAIR_1, blank.toString(), "--json");
        assertThat(r.exit()).isEqualTo(ExitCodes.NO_FACE);
        assertThat(r.err()).contains("no face").contains("wall.png");
        assertThat(JSON.readTree(r.out()).get("reason").asText()).isEqualTo("no_face");
    }

    @Test
    void corruptOrMissingPhotoGivesOneLineAndExitOne(@TempDir Path tmp) throws IOException {
        Path truncated = tmp.resolve("cut.jpg");
        byte[] full = Files.readAllBytes(Path.of(BLAIR_1));
        Files.write(truncated, java.util.Arrays.copyOf(full, 600));
        CliRun cut = CliRun.of("detect", truncated.toString());
        assertThat(cut.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cut.err()).contains("cut.jpg").doesNotContain("Exception").doesNotContain("\tat ");

        CliRun missing = CliRun.of("verify", tmp.resolve("nope.jpg").toString(), BLAIR_1);
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("nope.jpg");
    }

    @Test
    void detectFindsEveryFaceOfAGroupPhotoWithBoxesLandmarksAndQuality(@TempDir Path tmp) throws IOException {
        Path annotated = tmp.resolve("out.png");
        JsonNode doc = json(CliRun.of("detect", "src/test/resources/golden/faceapi/samples/sample1.jpg",
                "--out", annotated.toString(), "--json"));
        assertThat(doc.get("faces")).hasSize(3);
        JsonNode f = doc.get("faces").get(0);
        assertThat(f.get("landmarks")).hasSize(5);
        assertThat(f.get("box").get("width").asDouble()).isGreaterThan(100);
        assertThat(f.get("quality").get("ok").asBoolean()).isTrue();
        BufferedImage png = ImageIO.read(annotated.toFile());
        assertThat(png.getWidth()).isEqualTo(doc.get("width").asInt());
    }

    @Test
    void evaluateOnAPairsFileReportsTheLfwFigures(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("pairs.csv");
        Files.writeString(csv, """
                file_x,file_y,Decision
                Tony_Blair/Tony_Blair_0001.jpg,Tony_Blair/Tony_Blair_0002.jpg,Yes
                Tony_Blair/Tony_Blair_0003.jpg,Tony_Blair/Tony_Blair_0004.jpg,1
                Colin_Powell/Colin_Powell_0001.jpg,Colin_Powell/Colin_Powell_0002.jpg,Yes
                Hugo_Chavez/Hugo_Chavez_0001.jpg,Hugo_Chavez/Hugo_Chavez_0003.jpg,Yes
                Tony_Blair/Tony_Blair_0001.jpg,Colin_Powell/Colin_Powell_0001.jpg,No
                Tony_Blair/Tony_Blair_0002.jpg,Hugo_Chavez/Hugo_Chavez_0001.jpg,0
                Colin_Powell/Colin_Powell_0002.jpg,Hugo_Chavez/Hugo_Chavez_0003.jpg,No
                Tony_Blair/Tony_Blair_0003.jpg,Hugo_Chavez/Hugo_Chavez_0001.jpg,No
                """);
        Path roc = tmp.resolve("roc.png");
        JsonNode doc = json(CliRun.of("evaluate", "--pairs", csv.toString(), "--images", LFW.toString(), "--json",
                "--roc", roc.toString()));
        assertThat(doc.get("pairs").asInt()).isEqualTo(8);
        assertThat(doc.get("imagesWithoutFace").asInt()).isZero();
        assertThat(doc.get("bestAccuracy").asDouble()).isEqualTo(1.0);
        assertThat(doc.get("auc").asDouble()).isEqualTo(1.0);
        for (String field : new String[] {"threshold", "accuracyAtThreshold", "tenFoldAccuracy", "tenFoldStd",
                "tarAtFar1e2", "tarAtFar1e3", "detector", "embedder"}) {
            assertThat(doc.has(field)).as(field).isTrue();
        }
        assertThat(doc.has("rank1")).isFalse();
        assertThat(ImageIO.read(roc.toFile())).isNotNull();
    }

    @Test
    void evaluateRejectsAMalformedPairsFileWithItsLine(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "file_x,file_y,Decision\na.jpg,b.jpg,Maybe\n");
        CliRun r = CliRun.of("evaluate", "--pairs", csv.toString(), "--images", LFW.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("bad.csv");
    }

    @Test
    void clusterSeparatesThreePeople(@TempDir Path tmp) throws IOException {
        for (String person : new String[] {"Tony_Blair", "Colin_Powell", "Hugo_Chavez"}) {
            for (int i = 1; i <= 3; i++) {
                String name = person + "_000" + i + ".jpg";
                Files.copy(LFW.resolve(person).resolve(name), tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        JsonNode doc = json(CliRun.of("cluster", tmp.toString(), "--json"));
        assertThat(doc.get("groups")).hasSize(3);
        for (JsonNode g : doc.get("groups")) {
            String first = g.get("files").get(0).asText();
            String person = first.substring(0, first.lastIndexOf('_'));
            assertThat(g.get("files")).allSatisfy(f -> assertThat(f.asText()).startsWith(person));
        }
    }

    @Test
    void benchReportsEveryStage(@TempDir Path tmp) throws IOException {
        Files.copy(Path.of(BLAIR_1), tmp.resolve("a.jpg"));
        PgServer pg = PgServer.shared();
        String pgUrl = pg.newDatabase();
        // in-process runs cannot set the environment: the login goes in the URL's parameters here
        JsonNode doc = json(CliRun.of("bench", "--images", tmp.toString(), "--iterations", "3", "--json",
                "--gallery-templates", "500", "--gallery-db", pgUrl + "?user=" + PgServer.USER + "&password="
                        + pg.password()));
        for (String stage : new String[] {"decode", "detect", "track", "align", "embed", "embedBatch8PerFace",
                "liveness", "match1k", "match10k", "match100k"}) {
            assertThat(doc.get("stages").get(stage).get("medianMs").asDouble()).as(stage).isPositive();
            assertThat(doc.get("stages").get(stage).has("p90Ms")).isTrue();
        }
        assertThat(doc.get("endToEndMs").get("median").asDouble()).isPositive();
        assertThat(doc.get("endToEndTrackedMs").get("median").asDouble()).isPositive();
        assertThat(doc.get("endToEndTrackedMs").has("p90")).isTrue();
        assertThat(doc.get("cpuMsPerFrame").has("endToEndTracked")).isTrue();
        assertThat(doc.get("threads").get("tracking").asBoolean()).isTrue();
        assertThat(doc.get("threads").get("tensorflowIntraOp").asInt()).isEqualTo(1);
        // a kiosk's gallery load from each store: 100 made-up people × 5 templates written, loaded, deleted again
        for (String store : new String[] {"h2", "postgresql"}) {
            assertThat(doc.get("galleryLoad100kMs").get(store).asLong()).as(store).isNotNegative();
            assertThat(doc.get("galleryMemoryMb").get(store).isNumber()).as(store).isTrue();
            JsonNode detail = doc.get("galleryLoad").get(store);
            assertThat(detail.get("templates").asInt()).isEqualTo(500);
            assertThat(detail.get("identities").asInt()).isEqualTo(100);
            assertThat(detail.get("matrixMb").asDouble()).isPositive();
            assertThat(detail.get("fillMs").asLong()).isNotNegative();
        }
        try (Database db = pg.open(pgUrl)) {
            assertThat(new EmployeeRepository(db).list(true)).isEmpty();
        }
    }

    @Test
    void benchRefusesANegativeGallerySizeAndAGalleryDbThatIsNoUrlBeforeTimingAnything() {
        CliRun negative = CliRun.of("bench", "--gallery-templates", "-1");
        assertThat(negative.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(negative.err()).contains("--gallery-templates must be 0 (skip) or more");
        CliRun noUrl = CliRun.of("bench", "--gallery-db", "postgres-host");
        assertThat(noUrl.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(noUrl.err()).contains("--gallery-db postgres-host: not a database URL");
        assertThat(noUrl.out()).isEmpty();
    }

    @Test
    void unknownDetectorIsAClearError() {
        CliRun r = CliRun.of("verify", BLAIR_1, BLAIR_4, "--detector", "yolo");
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("unknown detector 'yolo'");
    }
}
