package io.facecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.HeadEmbedder;
import io.facecheck.face.ImageLoader;
import io.facecheck.models.ModelCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code facecheck train} end to end on real photos: 8 lfw10 people × 4 photos, a few tiny epochs. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LFW = Path.of("src/test/resources/lfw10");

    @TempDir
    static Path tmp;
    static Path folder;
    static Path model;
    static CliRun run;

    @BeforeAll
    static void train() throws IOException {
        folder = tmp.resolve("people");
        try (Stream<Path> people = Files.list(LFW)) {
            for (Path person : people.filter(Files::isDirectory).sorted().limit(8).toList()) {
                Path dst = Files.createDirectories(folder.resolve(person.getFileName().toString()));
                try (Stream<Path> photos = Files.list(person)) {
                    for (Path p : photos.sorted().limit(4).toList()) {
                        Files.copy(p, dst.resolve(p.getFileName().toString()));
                    }
                }
            }
        }
        model = tmp.resolve("head");
        // α = 1: with the paper's 0.2 these people are already separated and no triplet is semi-hard.
        run = CliRun.of("train", "--folder", folder.toString(), "--out", model.toString(), "--json", "--epochs", "4",
                "--alpha", "1.0", "--validation", "0.25", "--identities-per-batch", "4", "--images-per-identity", "4");
    }

    private static JsonNode doc() throws IOException {
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void trainsEndToEndLowersTheLossAndPrintsBeforeAndAfter() throws IOException {
        JsonNode d = doc();
        assertThat(d.get("model").asText()).isEqualTo(model.toAbsolutePath().normalize().toString());
        JsonNode epochs = d.get("epochs");
        assertThat(epochs).hasSize(4);
        assertThat(epochs.get(3).get("loss").asDouble()).isLessThan(d.get("lossInitial").asDouble());
        for (String k : List.of("before", "after")) {
            assertThat(d.get(k).get("tarAtFar1e3").asDouble()).isBetween(0.0, 1.0);
            assertThat(d.get(k).get("tenFoldAccuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(d.get(k).get("pairs").asInt()).isEqualTo(8 * 7 / 2); // 2 people x 4 photos: all pairs of 8 photos
        }
        assertThat(run.err()).contains("epoch   4/4 [").contains("validation TAR@1e-3");
    }

    @Test
    void validationPeopleAreNeverInTheTrainingData() throws IOException {
        JsonNode d = doc();
        Set<String> train = new HashSet<>();
        d.get("trainingIdentities").forEach(n -> train.add(n.asText()));
        assertThat(d.get("validationIdentities")).hasSize(2);
        d.get("validationIdentities").forEach(n -> assertThat(train).doesNotContain(n.asText()));
        assertThat(train).hasSize(6);
        assertThat(d.get("trainingImages").asInt()).isEqualTo(24);
        assertThat(d.get("validationImages").asInt()).isEqualTo(8);
        ModelCard card = ModelCard.read(model.resolve(ModelCard.FILE_NAME));
        @SuppressWarnings("unchecked")
        List<String> cardTrain = (List<String>) ((java.util.Map<String, Object>) card.parameters().get("trainingData")).get("identities");
        assertThat(cardTrain).containsExactlyInAnyOrderElementsOf(train);
    }

    @Test
    void theTrainedCardReloadsAndTheEngineEmbedsWithTheHead() throws Exception {
        doc();
        ModelCard card = ModelCard.read(model.resolve(ModelCard.FILE_NAME));
        assertThat(HeadEmbedder.baseOf(card)).isEqualTo("mobilefacenet");
        assertThat(card.embeddingDimension()).isEqualTo(128);
        assertThat(card.threshold()).isPositive();
        assertThat(card.parameters()).containsKeys("before", "after", "lossPerEpoch", "epochs", "loss");
        FaceEngine.Options o = FaceEngine.Options.defaults().withEmbedder(model.toAbsolutePath().toString());
        try (FaceEngine engine = FaceEngine.open(o)) {
            assertThat(engine.embedder()).isInstanceOf(HeadEmbedder.class);
            assertThat(engine.embedder().modelId()).isEqualTo("mobilefacenet+head@" + card.version());
            float[] v = engine.largest(new ImageLoader().load(LFW.resolve("Tony_Blair/Tony_Blair_0001.jpg")))
                    .orElseThrow().embedding();
            assertThat(v).hasSize(128);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(norm).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void refusesANonEmptyOutputFolderAndAnUnknownLoss() throws IOException {
        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("x.txt"), "keep me");
        CliRun r = CliRun.of("train", "--folder", LFW.toString(), "--out", full.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("exists and is not an empty folder");
        assertThat(Files.readString(full.resolve("x.txt"))).isEqualTo("keep me");
        CliRun l = CliRun.of("train", "--folder", LFW.toString(), "--out", tmp.resolve("x").toString(), "--loss", "arcface");
        assertThat(l.exit()).isEqualTo(ExitCodes.FAILURE);
        assertThat(l.err()).contains("--loss must be one of triplet, contrastive");
    }
}
