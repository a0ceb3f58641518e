package io.facecheck.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QualityTest {

    private static final Path LFW = Paths.get("src/test/resources/lfw10");
    private static final Path GOLDEN = Paths.get("src/test/resources/golden/faceapi");
    /**
     * LFW photos are 250×250 crops centred by their makers' face detector at one scale, so every face sits
     * within a few pixels of these mean landmarks — close enough for sharpness and exposure, which are
     * measured over the face region (not for pose, which is tested on real and on projected landmarks).
     */
    private static final List<Point> LFW_MEAN_LANDMARKS = List.of(new Point(105, 113), new Point(145, 113),
            new Point(125, 137), new Point(108, 158), new Point(142, 158));
    private static final BoundingBox LFW_BOX = new BoundingBox(78, 78, 94, 110);

    private final ImageLoader loader = new ImageLoader();
    private final Quality quality = new Quality();

    private static List<RgbImage> lfwCache;

    private synchronized List<RgbImage> lfw() throws Exception {
        if (lfwCache != null) {
            return lfwCache;
        }
        List<RgbImage> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(LFW)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
                out.add(loader.load(p));
            }
        }
        assertThat(out).hasSize(100);
        lfwCache = out;
        return out;
    }

    private QualityReport lfwReport(RgbImage img) {
        return quality.assess(img, new DetectedFace(LFW_BOX, 1, LFW_MEAN_LANDMARKS, List.of()));
    }

    @Test
    void lfwPhotosAreSharpAndWellExposedAtDefaults() throws Exception {
        for (RgbImage img : lfw()) {
            QualityReport r = lfwReport(img);
            assertThat(r.issues()).isEmpty();
            assertThat(r.sharpness()).isGreaterThan(QualitySettings.DEFAULTS.minSharpness());
        }
    }

    @Test
    void blurredDarkenedAndOverexposedCopiesAreNamed() throws Exception {
        List<RgbImage> all = lfw();
        for (RgbImage img : List.of(all.get(0), all.get(37), all.get(99))) {
            QualityReport sharp = lfwReport(img);
            QualityReport blurred = lfwReport(gaussianBlur(img, 2.0));
            assertThat(blurred.issues()).containsExactly(QualityIssue.BLURRY);
            assertThat(blurred.sharpness()).isLessThan(sharp.sharpness() / 4);

            QualityReport dark = lfwReport(map(img, 0.15f, 0));
            assertThat(dark.issues()).containsExactly(QualityIssue.TOO_DARK);
            assertThat(dark.brightness()).isCloseTo(sharp.brightness() * 0.15, within(0.5));

            QualityReport bright = lfwReport(map(img, 1.0f, 150));
            assertThat(bright.issues()).contains(QualityIssue.TOO_BRIGHT).doesNotContain(QualityIssue.TOO_DARK);
        }
    }

    @Test
    void smallFacesAreTooSmall() throws Exception {
        RgbImage img = lfw().get(5);
        QualityReport r = quality.assess(img, new DetectedFace(new BoundingBox(100, 100, 50, 60), 1, LFW_MEAN_LANDMARKS, List.of()));
        assertThat(r.faceSize()).isEqualTo(50);
        assertThat(r.issueCodes()).contains("too_small");
        assertThat(new Quality(QualitySettings.DEFAULTS.withMinFaceSize(40)).assess(img,
                new DetectedFace(new BoundingBox(100, 100, 50, 60), 1, LFW_MEAN_LANDMARKS, List.of())).issues())
                .doesNotContain(QualityIssue.TOO_SMALL);
    }

    /** A 3-D face: eyes ±e at depth 0, nose tip e in front, mouth corners below; turned by yaw then pitch. */
    private static List<Point> projected(double yawDeg, double pitchDeg, double rollDeg) {
        double e = 30, span = 60;
        double fraction = (71.7366 - (51.6963 + 51.5014) / 2) / ((92.3655 + 92.2041) / 2 - (51.6963 + 51.5014) / 2);
        double[][] p3 = {
            {-e, 0, 0}, {e, 0, 0}, {0, fraction * span, e}, {-0.8 * e, span, 0}, {0.8 * e, span, 0}};
        double ya = Math.toRadians(yawDeg), pa = Math.toRadians(pitchDeg), ra = Math.toRadians(rollDeg);
        List<Point> out = new ArrayList<>();
        for (double[] p : p3) {
            double x = p[0] * Math.cos(ya) + p[2] * Math.sin(ya);
            double z = -p[0] * Math.sin(ya) + p[2] * Math.cos(ya);
            double y = p[1];
            // pitch: looking up moves the (protruding) nose up the image
            double y2 = y * Math.cos(pa) - z * Math.sin(pa) * (0.4 * span / e);
            out.add(new Point(300 + x * Math.cos(ra) - y2 * Math.sin(ra), 200 + x * Math.sin(ra) + y2 * Math.cos(ra)));
        }
        return out;
    }

    @Test
    void yawOfAProjectedFaceIsRecoveredWhateverTheRoll() {
        for (double yaw : new double[] {-60, -30, 0, 20, 50}) {
            for (double roll : new double[] {-25, 0, 40}) {
                HeadPose pose = HeadPose.of(projected(yaw, 0, roll));
                assertThat(pose.yawDeg()).isCloseTo(yaw, within(1e-6));
                assertThat(pose.rollDeg()).isCloseTo(roll, within(1e-6));
                assertThat(pose.pitchDeg()).isCloseTo(0, within(1e-6));
            }
        }
    }

    @Test
    void pitchOfAProjectedFaceIsRecovered() {
        for (double pitch : new double[] {-40, -10, 0, 25}) {
            assertThat(HeadPose.of(projected(0, pitch, 10)).pitchDeg()).isCloseTo(pitch, within(1e-6));
        }
        assertThat(HeadPose.of(Alignment.TEMPLATE_112).yawDeg()).isCloseTo(0, within(0.5));
        assertThat(HeadPose.of(Alignment.TEMPLATE_112).pitchDeg()).isCloseTo(0, within(1e-4));
    }

    @Test
    void realProfileFaceIsTurnedAwayAndFrontalFacesAreNot() throws Exception {
        // sample2 face 2 is a profile; sample6 faces 1 and 2 look at the camera (face-api's 68 landmarks → 5)
        RgbImage s2 = loader.load(GOLDEN.resolve("samples/sample2.jpg"));
        RgbImage s6 = loader.load(GOLDEN.resolve("samples/sample6.jpg"));
        QualityReport profile = quality.assess(s2, goldenFace(2, 2));
        assertThat(profile.issues()).containsExactly(QualityIssue.TURNED_AWAY);
        assertThat(profile.yawDeg()).isLessThan(-45);
        for (int i : new int[] {1, 2}) {
            QualityReport frontal = quality.assess(s6, goldenFace(6, i));
            assertThat(frontal.issues()).isEmpty();
            assertThat(Math.abs(frontal.yawDeg())).isLessThan(15);
        }
    }

    private static DetectedFace goldenFace(int sample, int index) throws Exception {
        JsonNode d = new ObjectMapper().readTree(GOLDEN.resolve("imageio/sample" + sample + ".json").toFile());
        JsonNode f = d.get("faces").get(index);
        JsonNode lm = f.get("landmarks");
        List<Point> l5 = List.of(mean(lm, 36, 42), mean(lm, 42, 48), pt(lm.get(30)), pt(lm.get(48)), pt(lm.get(54)));
        JsonNode b = f.get("box");
        return new DetectedFace(new BoundingBox(b.get("x").asDouble(), b.get("y").asDouble(), b.get("w").asDouble(),
                b.get("h").asDouble()), f.get("score").asDouble(), l5, List.of());
    }

    private static Point pt(JsonNode p) {
        return new Point(p.get(0).asDouble(), p.get(1).asDouble());
    }

    private static Point mean(JsonNode lm, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i < to; i++) {
            x += lm.get(i).get(0).asDouble();
            y += lm.get(i).get(1).asDouble();
        }
        return new Point(x / (to - from), y / (to - from));
    }

    private static RgbImage map(RgbImage img, float gain, float offset) {
        float[] d = img.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.min(255, d[i] * gain + offset);
        }
        return new RgbImage(img.width(), img.height(), d);
    }

    static RgbImage gaussianBlur(RgbImage im, double sigma) {
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            s += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        int w = im.width(), h = im.height();
        float[] d = im.data(), t = new float[d.length], o = new float[d.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int i = -r; i <= r; i++) {
                        v += k[i + r] * d[(y * w + Math.max(0, Math.min(w - 1, x + i))) * 3 + c];
                    }
                    t[(y * w + x) * 3 + c] = (float) v;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    double v = 0;
                    for (int i = -r; i <= r; i++) {
                        v += k[i + r] * t[(Math.max(0, Math.min(h - 1, y + i)) * w + x) * 3 + c];
                    }
                    o[(y * w + x) * 3 + c] = (float) v;
                }
            }
        }
        return new RgbImage(w, h, o);
    }
}
