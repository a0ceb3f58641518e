package io.facecheck.face.faceapi;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.Point;
import io.facecheck.face.RgbImage;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Paths;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsdFaceDetectorTest {
    static Models models;

    @BeforeAll
    static void load() {
        models = new Models(Paths.get("models"), TfThreads.DEFAULT);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static RgbImage lfw(String person, int n) throws IOException {
        return RgbImage.fromBufferedImage(ImageIO.read(Paths.get("src/test/resources/lfw10", person,
                String.format("%s_%04d.jpg", person, n)).toFile()));
    }

    /** A close-up face that face-api's own pass scores below 0.5 is found by the smaller-scale second pass. */
    @Test
    void closeUpFaceIsFoundByTheSecondPass() throws IOException {
        RgbImage img = lfw("Jacques_Chirac", 7);
        SsdFaceDetector exact = new SsdFaceDetector(models, Double.NaN, false);
        assertThat(exact.detect(img)).isEmpty();
        List<DetectedFace> faces = new SsdFaceDetector(models).detect(img);
        assertThat(faces).hasSize(1);
        BoundingBox b = faces.get(0).box();
        // LFW crops are centred on the face
        assertThat(b.x() + b.width() / 2).isBetween(95.0, 155.0);
        assertThat(b.y() + b.height() / 2).isBetween(95.0, 155.0);
        assertThat(b.width()).isBetween(60.0, 160.0);
        assertThat(faces.get(0).score()).isGreaterThan(0.5);
    }

    @Test
    void fivePointsComeFromThe68InImageOrder() throws IOException {
        DetectedFace f = new SsdFaceDetector(models).detect(lfw("Colin_Powell", 1)).get(0);
        List<Point> p = f.landmarks5();
        assertThat(f.landmarks68()).hasSize(68);
        assertThat(p.get(0).x()).isLessThan(p.get(1).x());          // eye on the image's left first
        assertThat(p.get(3).x()).isLessThan(p.get(4).x());          // mouth corners left, right
        assertThat(p.get(2).y()).isBetween(Math.max(p.get(0).y(), p.get(1).y()), Math.min(p.get(3).y(), p.get(4).y()));
        assertThat(p.get(2)).isEqualTo(f.landmarks68().get(30));
        for (Point q : p) {
            assertThat(f.box().x() - 5 <= q.x() && q.x() <= f.box().right() + 5).isTrue();
        }
    }

    @Test
    void blankImageHasNoFace() {
        assertThat(new SsdFaceDetector(models).detect(RgbImage.blank(320, 240))).isEmpty();
        assertThat(new SsdFaceDetector(models).name()).isEqualTo("ssd");
    }

    @Test
    void rejectsAnImpossibleConfidence() {
        assertThatThrownBy(() -> new SsdFaceDetector(models, 1.5, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    @Test
    void resnetBatchEqualsSingles() throws IOException {
        ResNetEmbedder e = new ResNetEmbedder(models);
        SsdFaceDetector d = new SsdFaceDetector(models);
        List<RgbImage> crops = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            RgbImage img = lfw("Tony_Blair", i);
            crops.add(e.align(img, d.detect(img).get(0)));
        }
        float[][] batch = e.embed(crops);
        for (int i = 0; i < 3; i++) {
            float[] single = e.embed(List.of(crops.get(i)))[0];
            for (int k = 0; k < 128; k++) {
                assertThat(Math.abs(batch[i][k] - single[k])).isLessThan(1e-5f);
            }
        }
        assertThat(e.modelId()).isEqualTo("face-recognition-resnet@face-api-1.7.15");
        assertThat(e.dimension()).isEqualTo(128);
        assertThat(e.inputSize()).isEqualTo(150);
        assertThat(e.name()).isEqualTo("resnet");
        // a crop of another size is resized, not refused
        assertThat(e.embed(List.of(RgbImage.blank(100, 120)))[0]).hasSize(128);
    }

    /** dlib's chip puts the 68 landmarks where dlib's mean face has them (the similarity fit's residual is small). */
    @Test
    void dlibChipMapsLandmarksOntoTheMeanFace() throws IOException {
        RgbImage img = lfw("George_W_Bush", 1);
        DetectedFace f = new SsdFaceDetector(models).detect(img).get(0);
        io.facecheck.face.SimilarityTransform t = io.facecheck.face.SimilarityTransform.estimate(
                java.util.Arrays.stream(ResNetEmbedder.DLIB_POINTS).mapToObj(i -> f.landmarks68().get(i)).toList(),
                java.util.Arrays.stream(ResNetEmbedder.DLIB_POINTS).mapToObj(i -> ResNetEmbedder.dlibTemplate(i, 150)).toList());
        double worst = 0;
        for (int i : ResNetEmbedder.DLIB_POINTS) {
            Point q = new Point(t.applyX(f.landmarks68().get(i).x(), f.landmarks68().get(i).y()),
                    t.applyY(f.landmarks68().get(i).x(), f.landmarks68().get(i).y()));
            worst = Math.max(worst, q.distance(ResNetEmbedder.dlibTemplate(i, 150)));
        }
        assertThat(worst).isLessThan(12);
        // left eye centre: mean of dlib's y for points 36..41 = 0.215990, (0.25 + 0.215990) / 1.5 * 150 = 46.599
        List<Point> t5 = ResNetEmbedder.dlibTemplate5(150);
        assertThat(t5.get(0).x()).isLessThan(t5.get(1).x());
        assertThat(t5.get(0).y()).isCloseTo(t5.get(1).y(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(t5.get(0).y()).isCloseTo(46.599, org.assertj.core.data.Offset.offset(1e-3));
    }
}
