package io.facecheck.models.importer.faceapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.nio.file.Paths;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed face-api SavedModels reproduce face-api's own outputs (golden/faceapi, computed by face-api
 * 1.7.15 on the tfjs WASM backend) when fed exactly the pixels face-api fed its networks.
 */
class FaceApiNetsGoldenTest {
    static final Path GOLDEN = Paths.get("src/test/resources/golden/faceapi");
    static final ObjectMapper JSON = new ObjectMapper();
    static Models models;

    @BeforeAll
    static void load() {
        models = new Models(Paths.get("models"), TfThreads.DEFAULT);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static RgbImage png(String name) throws IOException {
        return RgbImage.fromBufferedImage(ImageIO.read(GOLDEN.resolve(name).toFile()));
    }

    static JsonNode json(String name) throws IOException {
        return JSON.readTree(GOLDEN.resolve(name).toFile());
    }

    static float[] run(TfModel m, String output, RgbImage img) {
        return Tensors.runOne(m, output, img.data(), 1, img.height(), img.width(), 3);
    }

    static double maxAbs(float[] a, JsonNode b) {
        assertThat(a).hasSize(b.size());
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b.get(i).asDouble()));
        }
        return m;
    }

    static double cosine(float[] a, JsonNode b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b.get(i).asDouble();
            na += a[i] * (double) a[i];
            nb += b.get(i).asDouble() * b.get(i).asDouble();
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void recognitionNetReproducesFaceApiDescriptors() throws IOException {
        TfModel m = models.get(ModelNames.RESNET128);
        for (int s = 1; s <= 2; s++) {
            JsonNode g = json("sample" + s + "_face0_crop150.json");
            float[] d = run(m, "embedding", png(g.get("crop150Png").asText()));
            JsonNode want = g.get("descriptorFromPng");
            assertThat(cosine(d, want)).as("cosine sample%d", s).isGreaterThan(0.9999);
            assertThat(maxAbs(d, want)).as("max-abs sample%d", s).isLessThan(1e-4);
        }
    }

    @Test
    void landmarkNetReproducesFaceApiRawOutput() throws IOException {
        TfModel m = models.get(ModelNames.LANDMARK68);
        for (int s = 1; s <= 2; s++) {
            JsonNode g = json("sample" + s + "_face0_landmarks.json");
            float[] raw = run(m, "landmarks", png("sample" + s + "_face0_lmk112.png"));
            // 1e-4 of the 112 square is ~0.01 px
            assertThat(maxAbs(raw, g.get("raw136FromLmk112Png"))).as("sample%d", s).isLessThan(1e-4);
        }
    }

    @Test
    void ssdReproducesFaceApiRawBoxesAndScores() throws IOException {
        TfModel m = models.get(ModelNames.SSD);
        JsonNode g = json("sample1_ssd_raw.json").get("png");
        RgbImage img = png("sample1_ssd512.png");
        try (TFloat32 in = Tensors.floats(img.data(), 1, 512, 512, 3); Result r = m.run(in)) {
            float[] scores = Tensors.read(Tensors.output(r, "scores", m));
            float[] boxes = Tensors.read(Tensors.output(r, "boxes", m));
            assertThat(maxAbs(scores, g.get("scores"))).isLessThan(1e-4);
            JsonNode gb = g.get("boxes");
            double worst = 0;
            for (int i = 0; i < gb.size(); i++) {
                for (int k = 0; k < 4; k++) {
                    worst = Math.max(worst, Math.abs(boxes[i * 4 + k] - gb.get(i).get(k).asDouble()));
                }
            }
            // relative to the 1920 px square: 1e-5 is 0.02 px
            assertThat(worst).isLessThan(1e-5);
        }
    }
}
