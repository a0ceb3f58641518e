package io.facecheck.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MTCNN at its card settings on face-api's six 1920-px group photos against the boxes face-api's SSD detector drew
 * (golden/faceapi/sampleN.json): every frontal face found with IoU >= 0.5. Two faces of sample2 are not frontal
 * and sit at the edge of what MTCNN does (see docs/accuracy.md): a full profile (face-api 0.76), which MTCNN finds
 * with a box that takes in the back of the head (IoU about 0.5), and a face looking down with closed eyes (face-api
 * 0.885), which O-Net scores 0.35–0.70 depending on the pyramid, under its 0.7 threshold.
 */
class MtcnnGroupPhotoTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/faceapi");
    /** sampleN:index of the two non-frontal reference faces (index in the golden file's face list). */
    static final Set<String> NOT_FRONTAL = Set.of("2:1", "2:2");
    static Models models;
    static MtcnnDetector detector;

    @BeforeAll
    static void open() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        detector = new MtcnnDetector(models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void findsEveryFrontalFaceFaceApiFound(int sample) throws Exception {
        List<DetectedFace> faces = detector.detect(image(sample));
        List<String> missed = new ArrayList<>();
        int checked = 0;
        List<BoundingBox> refs = references(sample);
        for (int i = 0; i < refs.size(); i++) {
            if (NOT_FRONTAL.contains(sample + ":" + i)) {
                continue;
            }
            checked++;
            double iou = bestIou(faces, refs.get(i));
            if (iou < 0.5) {
                missed.add(refs.get(i) + " (best IoU " + iou + ")");
            }
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(missed).as("face-api faces MTCNN missed in sample%d (MTCNN found %s)", sample, faces).isEmpty();
    }

    @Test
    void findsTheProfileFaceOfSample2WithAWiderBox() throws Exception {
        List<DetectedFace> faces = detector.detect(image(2));
        BoundingBox profile = references(2).get(2);
        assertThat(bestIou(faces, profile)).as("overlap with face-api's profile box").isGreaterThan(0.4);
    }

    private static RgbImage image(int sample) throws Exception {
        return new ImageLoader().load(GOLDEN.resolve("samples/sample" + sample + ".jpg"));
    }

    private static List<BoundingBox> references(int sample) throws Exception {
        JsonNode golden = new ObjectMapper().readTree(GOLDEN.resolve("sample" + sample + ".json").toFile());
        List<BoundingBox> out = new ArrayList<>();
        for (JsonNode f : golden.get("faces")) {
            JsonNode b = f.get("box");
            out.add(new BoundingBox(b.get("x").asDouble(), b.get("y").asDouble(), b.get("w").asDouble(),
                    b.get("h").asDouble()));
        }
        return out;
    }

    private static double bestIou(List<DetectedFace> faces, BoundingBox ref) {
        return faces.stream().mapToDouble(f -> f.box().iou(ref)).max().orElse(0);
    }
}
