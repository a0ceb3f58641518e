package io.facecheck.face.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.face.RgbImage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** face-api's pad-to-square, legacy bilinear resize, box clipping and SSD NMS against its own values. */
class FaceApiImagingTest {
    static final Path GOLDEN = Paths.get("src/test/resources/golden/faceapi");
    static final ObjectMapper JSON = new ObjectMapper();

    static RgbImage png(String name) throws IOException {
        return RgbImage.fromBufferedImage(ImageIO.read(GOLDEN.resolve(name).toFile()));
    }

    static double[] means(RgbImage img) {
        double[] m = new double[3];
        for (int i = 0; i < img.data().length; i++) {
            m[i % 3] += img.data()[i];
        }
        int n = img.width() * img.height();
        return new double[] {m[0] / n, m[1] / n, m[2] / n};
    }

    @Test
    void recognitionInputMatchesFaceApiFloats() throws IOException {
        for (int s = 1; s <= 2; s++) {
            JsonNode g = JSON.readTree(GOLDEN.resolve("sample" + s + "_face0_crop150.json").toFile());
            RgbImage in = FaceApiImaging.toNetInput(png(g.get("alignSlicePng").asText()), 150, true);
            assertThat(in.width()).isEqualTo(150);
            for (JsonNode p : g.get("float150Probes")) {
                int row = p.get(0).asInt();
                int col = p.get(1).asInt();
                for (int c = 0; c < 3; c++) {
                    assertThat((double) in.get(col, row, c)).as("probe %s", p).isCloseTo(p.get(2 + c).asDouble(), offset(3e-4));
                }
            }
            double[] m = means(in);
            for (int c = 0; c < 3; c++) {
                assertThat(m[c]).isCloseTo(g.get("float150ChannelMeans").get(c).asDouble(), offset(1e-4));
            }
        }
    }

    @Test
    void landmarkInputMatchesFaceApiMeans() throws IOException {
        for (int s = 1; s <= 2; s++) {
            JsonNode g = JSON.readTree(GOLDEN.resolve("sample" + s + "_face0_landmarks.json").toFile());
            RgbImage slice = png(g.get("lmkSlicePng").asText());
            RgbImage in = FaceApiImaging.toNetInput(slice, 112, true);
            double[] m = means(in);
            for (int c = 0; c < 3; c++) {
                assertThat(m[c]).isCloseTo(g.get("float112ChannelMeans").get(c).asDouble(), offset(1e-4));
            }
        }
    }

    @Test
    void padToSquarePutsTheOddPixelAfter() {
        RgbImage img = new RgbImage(2, 5, new float[2 * 5 * 3]);
        java.util.Arrays.fill(img.data(), 1f);
        RgbImage c = FaceApiImaging.padToSquare(img, true);
        assertThat(c.width()).isEqualTo(5);
        // diff 3: round(1.5) = 2 columns after, 1 before
        assertThat(c.get(0, 0, 0)).isZero();
        assertThat(c.get(1, 0, 0)).isEqualTo(1f);
        assertThat(c.get(2, 0, 0)).isEqualTo(1f);
        assertThat(c.get(3, 0, 0)).isZero();
        RgbImage b = FaceApiImaging.padToSquare(img, false);
        assertThat(b.get(1, 4, 0)).isEqualTo(1f);
        assertThat(b.get(2, 4, 0)).isZero();
    }

    @Test
    void clipsAndFloorsLikeFaceApi() {
        assertThat(FaceApiImaging.clipAtImageBorders(-3.5, 10.7, 50.2, 30.9, 40, 100))
                .isEqualTo(new FaceApiImaging.IntBox(0, 10, 40, 30));
    }

    @Test
    void nmsSelectsFaceApisAnchors() throws IOException {
        JsonNode g = JSON.readTree(GOLDEN.resolve("sample1_ssd_raw.json").toFile()).get("pipeline");
        JsonNode gb = g.get("boxes");
        float[] boxes = new float[gb.size() * 4];
        float[] scores = new float[gb.size()];
        for (int i = 0; i < gb.size(); i++) {
            for (int k = 0; k < 4; k++) {
                boxes[i * 4 + k] = (float) gb.get(i).get(k).asDouble();
            }
            scores[i] = (float) g.get("scores").get(i).asDouble();
        }
        int[] keep = SsdFaceDetector.nonMaxSuppression(boxes, scores, 100, 0.5, 0.5);
        int[] want = new int[g.get("afterNms").size()];
        for (int i = 0; i < want.length; i++) {
            want[i] = g.get("afterNms").get(i).get("anchorIndex").asInt();
        }
        assertThat(keep).containsExactly(want);
        // a lower threshold finds more candidates but never two overlapping > 0.5
        assertThat(SsdFaceDetector.nonMaxSuppression(boxes, scores, 100, 0.5, 0.05).length).isGreaterThan(want.length);
    }
}
