package io.facecheck.face.faceapi;

import io.facecheck.face.DetectedFace;
import io.facecheck.face.RgbImage;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** SSD + landmarks + ResNet on lfw10 (10 people × 10 photos): same-person pairs are closer than different ones. */
class ResNetLfwTest {

    @Test
    void separatesSameFromDifferentPeople() throws Exception {
        Path root = Paths.get("src/test/resources/lfw10");
        List<Path> people;
        try (Stream<Path> s = Files.list(root)) {
            people = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(people).hasSize(10);
        List<Integer> labels = new ArrayList<>();
        List<RgbImage> crops = new ArrayList<>();
        int missing = 0;
        try (Models models = new Models(Paths.get("models"), TfThreads.DEFAULT)) {
            SsdFaceDetector detector = new SsdFaceDetector(models);
            ResNetEmbedder embedder = new ResNetEmbedder(models);
            for (int p = 0; p < people.size(); p++) {
                List<Path> files;
                try (Stream<Path> s = Files.list(people.get(p))) {
                    files = s.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
                }
                for (Path f : files) {
                    RgbImage img = RgbImage.fromBufferedImage(ImageIO.read(f.toFile()));
                    List<DetectedFace> faces = detector.detect(img);
                    if (faces.isEmpty()) {
                        missing++;
                        continue;
                    }
                    DetectedFace largest = faces.stream().max(Comparator.comparingDouble(d -> d.box().area())).orElseThrow();
                    crops.add(embedder.align(img, largest));
                    labels.add(p);
                }
            }
            float[][] e = embedder.embed(crops);
            for (float[] v : e) {
                double n = 0;
                for (float x : v) {
                    n += x * (double) x;
                }
                assertThat(Math.sqrt(n)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            }
            List<Double> same = new ArrayList<>();
            List<Double> diff = new ArrayList<>();
            for (int i = 0; i < e.length; i++) {
                for (int j = i + 1; j < e.length; j++) {
                    double d = 0;
                    for (int k = 0; k < e[i].length; k++) {
                        double t = e[i][k] - e[j][k];
                        d += t * t;
                    }
                    (labels.get(i).equals(labels.get(j)) ? same : diff).add(d);
                }
            }
            // AUC = P(same distance < different distance)
            double[] s = same.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] dd = diff.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double wins = 0;
            int j = 0;
            for (double x : s) {
                while (j < dd.length && dd[j] <= x) {
                    j++;
                }
                wins += dd.length - j;
            }
            double auc = wins / ((double) s.length * dd.length);
            long correct = same.stream().filter(d -> d < embedder.threshold()).count()
                    + diff.stream().filter(d -> d >= embedder.threshold()).count();
            System.out.printf("lfw10 ssd+resnet: %d images without a face, %d same / %d different pairs, AUC %.5f,"
                            + " accuracy at threshold %.3f: %.4f%n", missing, s.length, dd.length, auc,
                    embedder.threshold(), correct / (double) (s.length + dd.length));
            assertThat(missing).as("lfw10 images without a face").isZero();
            assertThat(auc).isGreaterThan(0.97);
        }
    }
}
