package io.facecheck.face.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.RgbImage;
import io.facecheck.models.Models;
import io.facecheck.models.Sha256;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole face-api pipeline (SSD → 68 landmarks → descriptor) on the 6 sample photos, decoded with ImageIO,
 * against face-api's own outputs on the same pixels (golden/faceapi/imageio).
 */
class SsdPipelineGoldenTest {
    static final Path GOLDEN = Paths.get("src/test/resources/golden/faceapi");
    static Models models;
    static SsdFaceDetector detector;
    static ResNetEmbedder embedder;

    @BeforeAll
    static void load() {
        models = new Models(Paths.get("models"), TfThreads.DEFAULT);
        detector = new SsdFaceDetector(models);
        embedder = new ResNetEmbedder(models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static String rgbSha(RgbImage img) throws Exception {
        byte[] b = new byte[img.data().length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) img.data()[i];
        }
        StringBuilder sb = new StringBuilder();
        for (byte x : MessageDigest.getInstance("SHA-256").digest(b)) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void reproducesFaceApiOnSample(int n) throws Exception {
        JsonNode g = new ObjectMapper().readTree(GOLDEN.resolve("imageio/sample" + n + ".json").toFile());
        RgbImage img = RgbImage.fromBufferedImage(ImageIO.read(GOLDEN.resolve("samples/sample" + n + ".jpg").toFile()));
        assertThat(rgbSha(img)).as("ImageIO decode differs from the golden's").isEqualTo(g.get("decodedRgbSha256").asText());

        List<DetectedFace> faces = detector.detect(img);
        JsonNode want = g.get("faces");
        assertThat(faces).hasSize(want.size());
        double boxErr = 0;
        double scoreErr = 0;
        double lmErr = 0;
        double minCos = 1;
        for (int i = 0; i < faces.size(); i++) {
            DetectedFace f = faces.get(i);
            JsonNode w = want.get(i);
            JsonNode wb = w.get("box");
            BoundingBox ref = new BoundingBox(wb.get("x").asDouble(), wb.get("y").asDouble(), wb.get("w").asDouble(), wb.get("h").asDouble());
            assertThat(f.box().iou(ref)).isGreaterThan(0.5);
            boxErr = Math.max(boxErr, Math.max(Math.max(Math.abs(f.box().x() - ref.x()), Math.abs(f.box().y() - ref.y())),
                    Math.max(Math.abs(f.box().right() - ref.right()), Math.abs(f.box().bottom() - ref.bottom()))));
            scoreErr = Math.max(scoreErr, Math.abs(f.score() - w.get("score").asDouble()));
            JsonNode wl = w.get("landmarks");
            for (int k = 0; k < 68; k++) {
                lmErr = Math.max(lmErr, f.landmarks68().get(k).distance(
                        new io.facecheck.face.Point(wl.get(k).get(0).asDouble(), wl.get(k).get(1).asDouble())));
            }
            BoundingBox chip = ResNetEmbedder.chipBox(img, f);
            JsonNode cb = w.get("descriptorAlignBox");
            assertThat(new double[] {chip.x(), chip.y(), chip.width(), chip.height()}).as("chip box face %d", i)
                    .containsExactly(cb.get("x").asDouble(), cb.get("y").asDouble(), cb.get("w").asDouble(), cb.get("h").asDouble());
            RgbImage crop = embedder.alignFaceApi(img, f);
            float[] raw = embedder.rawDescriptors(crop.data(), 1);
            JsonNode wd = w.get("descriptor");
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int k = 0; k < 128; k++) {
                dot += raw[k] * wd.get(k).asDouble();
                na += raw[k] * (double) raw[k];
                nb += wd.get(k).asDouble() * wd.get(k).asDouble();
            }
            minCos = Math.min(minCos, dot / Math.sqrt(na * nb));
        }
        System.out.printf("sample%d: %d faces, box max err %.2e px, score %.2e, landmarks %.2e px, min descriptor cosine %.8f%n",
                n, faces.size(), boxErr, scoreErr, lmErr, minCos);
        assertThat(boxErr).isLessThan(2e-3);
        assertThat(scoreErr).isLessThan(1e-4);
        assertThat(lmErr).isLessThan(2e-3);
        assertThat(minCos).isGreaterThan(0.999999);
    }
}
