package io.facecheck.face;

import io.facecheck.eval.Verification;
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

/**
 * The MTCNN → alignment → MobileFaceNet pipeline on the 100 lfw10 photos (detected once for all tests here):
 * detection, landmark plausibility, and verification quality over all 450 same / 4,500 different pairs.
 */
class MtcnnMobileFaceNetLfw10Test {
    static Models models;
    static MtcnnDetector detector;
    static MobileFaceNetEmbedder embedder;
    static final List<Lfw10.Photo> photos = new ArrayList<>();
    static final List<RgbImage> images = new ArrayList<>();
    static final List<List<DetectedFace>> detections = new ArrayList<>();

    @BeforeAll
    static void detectAll() throws Exception {
        models = new Models(Path.of("models"), TfThreads.DEFAULT);
        detector = new MtcnnDetector(models);
        embedder = new MobileFaceNetEmbedder(models);
        ImageLoader loader = new ImageLoader();
        for (Lfw10.Photo p : Lfw10.photos()) {
            RgbImage img = loader.load(p.file());
            photos.add(p);
            images.add(img);
            detections.add(detector.detect(img));
        }
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void settingsComeFromTheCards() {
        assertThat(detector.name()).isEqualTo("mtcnn");
        assertThat(detector.settings()).isEqualTo(new MtcnnSettings(40, 0.709, 0.6, 0.7, 0.7));
    }

    @Test
    void findsNothingInFlatOrTinyImagesAndRejectsBadSettings() {
        RgbImage grey = RgbImage.blank(200, 150);
        java.util.Arrays.fill(grey.data(), 128f);
        assertThat(detector.detect(grey)).isEmpty();
        assertThat(detector.detect(RgbImage.blank(8, 8))).isEmpty();
        assertThat(detector.detect(images.get(0).crop(0, 0, 30, 30))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> detector.settings().withMinFaceSize(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum face size");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MtcnnSettings(40, 1.2, 0.6, 0.7, 0.7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor");
    }

    @Test
    void aLargerMinimumFaceSkipsSmallFaces() {
        MtcnnDetector big = new MtcnnDetector(models, detector.settings().withMinFaceSize(200));
        // lfw10 faces are about 100 px: a 200 px minimum finds none of them at full size
        assertThat(big.detect(images.get(0))).isEmpty();
        assertThat(big.detect(Resize.bilinear(images.get(0), 625, 625))).isNotEmpty();
    }

    @Test
    void findsTheCentralFaceInEveryLfw10Photo() {
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            DetectedFace f = Lfw10.central(detections.get(i), images.get(i));
            BoundingBox b = f == null ? null : f.box();
            if (b != null && b.x() < 125 && b.right() > 125 && b.y() < 125 && b.bottom() > 125 && b.width() >= 40) {
                found++;
            } else {
                missed.add(photos.get(i).file().getFileName().toString());
            }
        }
        System.out.println("MTCNN (min face 40) found the central face in " + found + "/100 lfw10 photos; missed " + missed);
        assertThat(found).as("photos with the central face found; missed %s", missed).isGreaterThanOrEqualTo(98);
    }

    @Test
    void facesComeHighestScoreFirstWithLandmarksInsideTheirBoxes() {
        int faces = 0;
        for (List<DetectedFace> list : detections) {
            for (int k = 0; k < list.size(); k++) {
                DetectedFace f = list.get(k);
                faces++;
                assertThat(f.score()).isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
                if (k > 0) {
                    assertThat(f.score()).isLessThanOrEqualTo(list.get(k - 1).score());
                }
                BoundingBox b = f.box();
                for (Point p : f.landmarks5()) {
                    assertThat(p.x()).isBetween(b.x(), b.right());
                    assertThat(p.y()).isBetween(b.y(), b.bottom());
                }
                List<Point> l = f.landmarks5();
                assertThat(l.get(0).x()).as("left eye left of right eye").isLessThan(l.get(1).x());
                assertThat(l.get(3).x()).as("left mouth corner left of right one").isLessThan(l.get(4).x());
                assertThat(l.get(2).y()).as("nose below the eyes' line")
                        .isGreaterThan(Math.min(l.get(0).y(), l.get(1).y()));
                assertThat(Math.max(l.get(3).y(), l.get(4).y())).as("mouth below the nose").isGreaterThan(l.get(2).y());
            }
        }
        assertThat(faces).isGreaterThanOrEqualTo(100);
    }

    @Test
    void samePersonPairsAreCloserThanDifferentPersonPairs() {
        List<String> people = new ArrayList<>();
        List<RgbImage> crops = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            DetectedFace f = Lfw10.central(detections.get(i), images.get(i));
            if (f != null) {
                people.add(photos.get(i).person());
                crops.add(embedder.align(images.get(i), f));
            }
        }
        float[][] e = embedder.embed(crops);
        int n = e.length;
        double[] d = new double[n * (n - 1) / 2];
        boolean[] same = new boolean[d.length];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++, k++) {
                d[k] = Vectors.squaredDistance(e[i], e[j]);
                same[k] = people.get(i).equals(people.get(j));
            }
        }
        Verification v = new Verification(d, same);
        double auc = v.auc();
        double tar = v.tarAtFar(1e-3);
        double acc = v.accuracy(embedder.threshold());
        System.out.printf("lfw10 MobileFaceNet: %d same / %d different pairs, AUC %.5f, TAR@FAR1e-3 %.4f, "
                + "accuracy at the card threshold %.2f: %.4f%n", v.genuine(), v.impostor(), auc, tar, embedder.threshold(), acc);
        assertThat(v.genuine()).isGreaterThanOrEqualTo(430);
        assertThat(auc).isGreaterThan(0.99);
        assertThat(tar).as("TAR at FAR 1e-3 (without alignment it is about 0.46)").isGreaterThan(0.95);
        assertThat(acc).as("accuracy at the card threshold").isGreaterThan(0.98);
    }
}
