package io.facecheck.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MTCNN on face-api's 1920-px group photos finds every face face-api's SSD detector is sure of (score >= 0.9,
 * golden/faceapi/sampleN.json); the two detectors draw boxes differently, so a match is a box overlapping with
 * IoU >= 0.3 whose centre lies inside the other.
 */
class MtcnnGroupPhotoTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/faceapi");
    static Models models;
    static MtcnnDetector detector;

    @BeforeAll
    static void open() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        MtcnnDetector defaults = new MtcnnDetector(models);
        detector = new MtcnnDetector(models, defaults.settings().withMinFaceSize(80));
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5})
    void findsTheFacesFaceApiIsSureOf(int sample) throws Exception {
        RgbImage img = new ImageLoader().load(GOLDEN.resolve("samples/sample" + sample + ".jpg"));
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("sample" + sample + ".json").toFile());
        List<DetectedFace> faces = detector.detect(img);
        List<BoundingBox> missed = new ArrayList<>();
        int sure = 0;
        for (JsonNode f : golden.get("faces")) {
            if (f.get("score").asDouble() < 0.9) {
                continue;
            }
            sure++;
            JsonNode b = f.get("box");
            BoundingBox ref = new BoundingBox(b.get("x").asDouble(), b.get("y").asDouble(), b.get("w").asDouble(),
                    b.get("h").asDouble());
            boolean matched = faces.stream().map(DetectedFace::box).anyMatch(m -> m.iou(ref) >= 0.3
                    && inside(m, ref) && inside(ref, m));
            if (!matched) {
                missed.add(ref);
            }
        }
        assertThat(sure).isGreaterThan(0);
        assertThat(missed).as("face-api faces MTCNN missed in sample%d (MTCNN found %s)", sample, faces).isEmpty();
    }

    /** Centre of {@code a} inside {@code b}. */
    private static boolean inside(BoundingBox a, BoundingBox b) {
        double cx = a.x() + a.width() / 2, cy = a.y() + a.height() / 2;
        return cx > b.x() && cx < b.right() && cy > b.y() && cy < b.bottom();
    }
}
