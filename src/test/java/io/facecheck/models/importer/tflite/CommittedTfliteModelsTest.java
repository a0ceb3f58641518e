package io.facecheck.models.importer.tflite;

import io.facecheck.face.RgbImage;
import io.facecheck.models.ModelNames;
import io.facecheck.models.Models;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The five converted networks as committed in {@code models/}, without npm: signatures and shapes, batch
 * consistency, P-Net on odd sizes, and behaviour on real faces from lfw10.
 */
class CommittedTfliteModelsTest {
    static Models models;

    @BeforeAll
    static void open() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static Map<String, float[]> run(String name, float[] image, long... shape) {
        TfModel m = models.get(name);
        Map<String, float[]> out = new HashMap<>();
        try (TFloat32 in = Tensors.floats(image, shape); Result r = m.run(in)) {
            for (var o : m.card().outputs()) {
                var t = Tensors.output(r, o.name(), m);
                out.put(o.name(), Tensors.read(t));
                out.put(o.name() + ".shape", toFloats(t.shape().asArray()));
            }
        }
        return out;
    }

    static float[] toFloats(long[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = v[i];
        }
        return f;
    }

    static float[] random(long seed, int n) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextFloat() * 255f;
        }
        return x;
    }

    static void assertSoftmaxRows(float[] p) {
        for (int i = 0; i < p.length; i += 2) {
            assertThat(p[i] + p[i + 1]).isCloseTo(1f, within(1e-5f));
            assertThat(p[i]).isBetween(0f, 1f);
        }
    }

    /** Batch of 3 gives, per item, what 3 single runs give. */
    static void assertBatchOfThreeEqualsSingles(String name, int size) {
        int per = size * size * 3;
        float[] batch = random(name.hashCode(), 3 * per);
        Map<String, float[]> all = run(name, batch, 3, size, size, 3);
        for (int i = 0; i < 3; i++) {
            float[] one = Arrays.copyOfRange(batch, i * per, (i + 1) * per);
            Map<String, float[]> single = run(name, one, 1, size, size, 3);
            for (var o : models.get(name).card().outputs()) {
                float[] s = single.get(o.name());
                float[] b = Arrays.copyOfRange(all.get(o.name()), i * s.length, (i + 1) * s.length);
                for (int k = 0; k < s.length; k++) {
                    assertThat(b[k]).as(name + " " + o.name() + " item " + i + "[" + k + "]")
                            .isCloseTo(s[k], within(1e-4f * Math.max(1f, Math.abs(s[k]))));
                }
            }
        }
    }

    @Test
    void pnetIsFullyConvolutionalOnOddSizes() {
        int[][] sizes = {{12, 12}, {13, 31}, {57, 20}, {101, 77}};
        for (int[] hw : sizes) {
            int h = hw[0], w = hw[1];
            Map<String, float[]> out = run(ModelNames.PNET, random(h * 1000L + w, 2 * h * w * 3), 2, h, w, 3);
            int oh = (int) Math.ceil((h - 2) / 2.0) - 4, ow = (int) Math.ceil((w - 2) / 2.0) - 4;
            assertThat(out.get("prob.shape")).as("prob shape for %dx%d", h, w).containsExactly(2, oh, ow, 2);
            assertThat(out.get("bbox.shape")).containsExactly(2, oh, ow, 4);
            assertSoftmaxRows(out.get("prob"));
        }
    }

    @Test
    void pnetCellsMapToWindowsInNormalOrientation() {
        // A 12x12 face in a grey 12x40 strip: the face window is cell (0, c) with x = 2c; the transposition is
        // inside the graph, so rows stay rows.
        RgbImage face = resize(lfwFace(), 12, 12);
        int h = 12, w = 40;
        float[] img = new float[h * w * 3];
        Arrays.fill(img, 128f);
        int x0 = 20;
        for (int y = 0; y < 12; y++) {
            System.arraycopy(face.data(), y * 12 * 3, img, (y * w + x0) * 3, 12 * 3);
        }
        Map<String, float[]> out = run(ModelNames.PNET, img, 1, h, w, 3);
        float[] p = out.get("prob");
        int cells = p.length / 2;
        assertThat(cells).isEqualTo(15);
        int best = 0;
        for (int c = 0; c < cells; c++) {
            if (p[2 * c + 1] > p[2 * best + 1]) {
                best = c;
            }
        }
        assertThat(best).as("cell holding the face").isEqualTo(x0 / 2);
        assertThat(p[2 * best + 1]).as("face score").isGreaterThan(0.6f);
        assertThat(p[1]).as("grey background score").isLessThan(0.6f);
    }

    @Test
    void rnetAndOnetSeparateAFaceFromBackground() {
        RgbImage face = lfwFace();
        for (String name : new String[] {ModelNames.RNET, ModelNames.ONET}) {
            int s = name.equals(ModelNames.RNET) ? 24 : 48;
            float[] faceIn = resize(face, s, s).data();
            float[] grey = new float[s * s * 3];
            Arrays.fill(grey, 128f);
            float[] both = new float[2 * s * s * 3];
            System.arraycopy(faceIn, 0, both, 0, faceIn.length);
            System.arraycopy(grey, 0, both, faceIn.length, grey.length);
            float[] p = run(name, both, 2, s, s, 3).get("prob");
            assertSoftmaxRows(p);
            assertThat(p[1]).as(name + " face score").isGreaterThan(0.7f);
            assertThat(p[3]).as(name + " grey score").isLessThan(0.3f);
        }
    }

    @Test
    void onetLandmarksLieWhereEyesNoseAndMouthAre() {
        float[] lm = run(ModelNames.ONET, resize(lfwFace(), 48, 48).data(), 1, 48, 48, 3).get("landmarks");
        float[] x = Arrays.copyOfRange(lm, 0, 5), y = Arrays.copyOfRange(lm, 5, 10);
        assertThat(x[0]).as("left eye left of right eye").isLessThan(x[1] - 0.15f);
        assertThat(x[3]).as("left mouth corner left of right one").isLessThan(x[4] - 0.1f);
        assertThat(x[2]).as("nose between the eyes").isBetween(x[0], x[1]);
        assertThat(y[2]).as("nose below the eyes").isGreaterThan(Math.max(y[0], y[1]));
        assertThat(Math.min(y[3], y[4])).as("mouth below the nose").isGreaterThan(y[2]);
        for (float v : lm) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void batchOfThreeEqualsThreeSingleRuns() {
        assertBatchOfThreeEqualsSingles(ModelNames.RNET, 24);
        assertBatchOfThreeEqualsSingles(ModelNames.ONET, 48);
        assertBatchOfThreeEqualsSingles(ModelNames.MOBILEFACENET, 112);
        assertBatchOfThreeEqualsSingles(ModelNames.ANTI_SPOOFING, 256);
    }

    @Test
    void mobileFaceNetGives192FiniteValuesPerFace() {
        Map<String, float[]> out = run(ModelNames.MOBILEFACENET, random(7, 2 * 112 * 112 * 3), 2, 112, 112, 3);
        assertThat(out.get("embedding.shape")).containsExactly(2, 192);
        double norm = 0;
        for (float v : out.get("embedding")) {
            assertThat(Float.isFinite(v)).isTrue();
            norm += v * v;
        }
        assertThat(norm).isGreaterThan(0);
    }

    @Test
    void antiSpoofingScoreIsTheMaskedLeafSumAndFinite() {
        float[] img = resize(lfwFace(), 256, 256).data();
        Map<String, float[]> out = run(ModelNames.ANTI_SPOOFING, img, 1, 256, 256, 3);
        float[] leaf = out.get("leaf_scores"), mask = out.get("leaf_mask");
        assertThat(out.get("score.shape")).containsExactly(1);
        float ones = 0, expected = 0;
        for (int i = 0; i < 8; i++) {
            assertThat(mask[i]).isIn(0f, 1f);
            ones += mask[i];
            expected += Math.abs(leaf[i]) * mask[i];
        }
        assertThat(ones).as("exactly one leaf taken").isEqualTo(1f);
        assertThat(out.get("score")[0]).isFinite().isCloseTo(expected, within(1e-5f));
    }

    /** The central face region of an lfw10 photo (LFW faces sit roughly in the middle 110x110 of 250x250). */
    static RgbImage lfwFace() {
        try (var in = CommittedTfliteModelsTest.class.getResourceAsStream("/lfw10/Colin_Powell/Colin_Powell_0001.jpg")) {
            RgbImage img = RgbImage.fromBufferedImage(ImageIO.read(in));
            return img.crop(70, 75, 110, 110);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain bilinear resize (pixel centres aligned), enough for test inputs. */
    static RgbImage resize(RgbImage src, int w, int h) {
        float[] d = new float[w * h * 3];
        float sx = (float) src.width() / w, sy = (float) src.height() / h;
        for (int y = 0; y < h; y++) {
            float fy = Math.max(0, (y + 0.5f) * sy - 0.5f);
            int y0 = Math.min((int) fy, src.height() - 1), y1 = Math.min(y0 + 1, src.height() - 1);
            float ay = fy - y0;
            for (int x = 0; x < w; x++) {
                float fx = Math.max(0, (x + 0.5f) * sx - 0.5f);
                int x0 = Math.min((int) fx, src.width() - 1), x1 = Math.min(x0 + 1, src.width() - 1);
                float ax = fx - x0;
                for (int c = 0; c < 3; c++) {
                    float top = src.get(x0, y0, c) * (1 - ax) + src.get(x1, y0, c) * ax;
                    float bot = src.get(x0, y1, c) * (1 - ax) + src.get(x1, y1, c) * ax;
                    d[(y * w + x) * 3 + c] = top * (1 - ay) + bot * ay;
                }
            }
        }
        return new RgbImage(w, h, d);
    }
}
