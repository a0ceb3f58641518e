package io.facecheck.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    /** R = x, G = y, B = 100 — bilinear interpolation reproduces a linear ramp exactly. */
    static RgbImage ramp(int w, int h) {
        float[] d = new float[w * h * 3];
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[i++] = x;
                d[i++] = y;
                d[i++] = 100;
            }
        }
        return new RgbImage(w, h, d);
    }

    @Test
    void translationWarpSamplesBetweenPixels() {
        RgbImage img = ramp(40, 30);
        // image→output shifts by (−10.5, −3.25): output (u, v) reads image (u + 10.5, v + 3.25)
        RgbImage out = Alignment.warp(img, SimilarityTransform.of(1, 0, -10.5, -3.25), 8, 6);
        for (int v = 0; v < 6; v++) {
            for (int u = 0; u < 8; u++) {
                assertThat(out.get(u, v, 0)).isCloseTo(u + 10.5f, within(1e-4f));
                assertThat(out.get(u, v, 1)).isCloseTo(v + 3.25f, within(1e-4f));
                assertThat(out.get(u, v, 2)).isCloseTo(100f, within(1e-4f));
            }
        }
    }

    @Test
    void rotationAndScaleWarpMapsPatternAsComputedByHand() {
        RgbImage img = ramp(50, 50);
        // output = 2·R(90°)·image + (60, 0): output (u, v) reads image x = v / 2, y = (60 − u) / 2
        RgbImage out = Alignment.warp(img, SimilarityTransform.of(2, Math.PI / 2, 60, 0), 20, 20);
        for (int v = 0; v < 20; v++) {
            for (int u = 0; u < 20; u++) {
                assertThat(out.get(u, v, 0)).isCloseTo(v / 2f, within(1e-4f));
                assertThat(out.get(u, v, 1)).isCloseTo((60 - u) / 2f, within(1e-4f));
            }
        }
    }

    @Test
    void outsideTheImageIsBlack() {
        RgbImage img = ramp(10, 10);
        RgbImage out = Alignment.warp(img, SimilarityTransform.of(1, 0, 5, 0), 20, 10);
        for (int v = 0; v < 10; v++) {
            for (int u = 0; u < 4; u++) {   // reads x = u − 5 ≤ −1: wholly outside
                assertThat(out.get(u, v, 2)).isZero();
            }
            assertThat(out.get(5, v, 2)).isEqualTo(100f); // reads x = 0 exactly
            assertThat(out.get(14, v, 0)).isEqualTo(9f);  // reads x = 9, the last column
            assertThat(out.get(16, v, 2)).isZero();       // reads x = 11
        }
    }

    @Test
    void align112PutsTheLandmarksOnTheTemplate() {
        // A face-like pattern: bright dots at landmarks of a face rotated by 20°, scaled 1.8, placed at (150, 90).
        SimilarityTransform templateToImage = SimilarityTransform.of(1.8, Math.toRadians(20), 150, 90);
        List<Point> landmarks = new ArrayList<>();
        for (Point p : Alignment.TEMPLATE_112) {
            landmarks.add(templateToImage.apply(p));
        }
        RgbImage img = ramp(400, 400);
        RgbImage crop = Alignment.align112(img, landmarks);
        assertThat(crop.width()).isEqualTo(112);
        assertThat(crop.height()).isEqualTo(112);
        // Crop pixel (u, v) must show image point templateToImage(u, v); the ramp encodes that point in R, G.
        for (int v = 0; v < 112; v += 13) {
            for (int u = 0; u < 112; u += 11) {
                Point want = templateToImage.apply(new Point(u, v));
                assertThat(crop.get(u, v, 0)).isCloseTo((float) want.x(), within(1e-2f));
                assertThat(crop.get(u, v, 1)).isCloseTo((float) want.y(), within(1e-2f));
            }
        }
    }

    @Test
    void alignOfTemplateSizedImageAtTemplateIsTheImage() {
        RgbImage img = ramp(112, 112);
        RgbImage crop = Alignment.align112(img, Alignment.TEMPLATE_112);
        for (int i = 0; i < img.data().length; i++) {
            assertThat(crop.data()[i]).isCloseTo(img.data()[i], within(1e-3f));
        }
    }
}
