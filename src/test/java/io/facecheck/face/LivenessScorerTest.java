package io.facecheck.face;

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

class LivenessScorerTest {
    static Models models;
    static LivenessScorer scorer;
    static MtcnnDetector detector;

    @BeforeAll
    static void open() {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        scorer = new LivenessScorer(models);
        detector = new MtcnnDetector(models);
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void thresholdComesFromTheCard() {
        assertThat(scorer.threshold()).isEqualTo(0.2);
        assertThat(scorer.isLive(0.05)).isTrue();
        assertThat(scorer.isLive(0.2)).isFalse();
    }

    @Test
    void scoresRealFacesWithFiniteValuesBatchedAsSingly() throws Exception {
        ImageLoader loader = new ImageLoader();
        for (Lfw10.Photo p : Lfw10.photos().subList(0, 30).stream().filter(x -> x.file().toString().endsWith("1.jpg")
                || x.file().toString().endsWith("2.jpg")).toList()) {
            RgbImage img = loader.load(p.file());
            List<DetectedFace> faces = new ArrayList<>(detector.detect(img));
            assertThat(faces).isNotEmpty();
            DetectedFace f = Lfw10.central(faces, img);
            List<DetectedFace> two = List.of(f, f);
            double[] s = scorer.scores(img, two);
            double single = scorer.score(img, f);
            assertThat(s).hasSize(2);
            assertThat(Double.isFinite(single)).as("score of " + p.file()).isTrue();
            assertThat(single).isGreaterThanOrEqualTo(0);
            assertThat(s[0]).isCloseTo(single, within(1e-5));
            assertThat(s[1]).isCloseTo(single, within(1e-5));
        }
    }

    @Test
    void cropIsTheSquaredBoxAt256() throws Exception {
        RgbImage img = new ImageLoader().load(Lfw10.DIR.resolve("Hugo_Chavez/Hugo_Chavez_0001.jpg"));
        DetectedFace f = Lfw10.central(detector.detect(img), img);
        RgbImage crop = LivenessScorer.crop(img, f);
        assertThat(crop.width()).isEqualTo(256);
        assertThat(crop.height()).isEqualTo(256);
        // the centre of the crop is the centre of the face box
        BoundingBox b = f.box();
        int cx = (int) Math.round(b.x() + b.width() / 2), cy = (int) Math.round(b.y() + b.height() / 2);
        float[] want = new float[3];
        for (int c = 0; c < 3; c++) {
            want[c] = img.get(cx, cy, c);
        }
        for (int c = 0; c < 3; c++) {
            assertThat(crop.get(128, 128, c)).isCloseTo(want[c], within(40f));
        }
    }
}
