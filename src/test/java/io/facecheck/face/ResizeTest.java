package io.facecheck.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResizeTest {

    @Test
    void bilinearHalvingUsesPixelCentreGeometry() {
        RgbImage img = AlignmentTest.ramp(8, 4);
        RgbImage out = Resize.bilinear(img, 4, 2);
        // output u samples x = (u + 0.5)·2 − 0.5 = 2u + 0.5
        for (int u = 0; u < 4; u++) {
            assertThat(out.get(u, 0, 0)).isCloseTo(2 * u + 0.5f, within(1e-5f));
            assertThat(out.get(u, 1, 1)).isCloseTo(2.5f, within(1e-5f));
        }
    }

    @Test
    void bilinearEnlargingReplicatesEdges() {
        RgbImage img = AlignmentTest.ramp(2, 2);
        RgbImage out = Resize.bilinear(img, 4, 4);
        // u = 0 samples x = 0.5·0.5 − 0.5 < 0 → clamped to 0; u = 1 → x = 0.25; u = 2 → 0.75; u = 3 → 1
        float[] want = {0f, 0.25f, 0.75f, 1f};
        for (int u = 0; u < 4; u++) {
            assertThat(out.get(u, 2, 0)).isCloseTo(want[u], within(1e-6f));
            assertThat(out.get(u, 2, 2)).isEqualTo(100f);
        }
    }

    @Test
    void cropInsideTheImageMatchesResizeOfTheCopiedRectangle() {
        RgbImage img = AlignmentTest.ramp(30, 20);
        RgbImage a = Resize.crop(img, 5, 4, 12, 10, 24, 24);
        RgbImage b = Resize.bilinear(img.crop(5, 4, 12, 10), 24, 24);
        for (int i = 0; i < a.data().length; i++) {
            assertThat(a.data()[i]).isCloseTo(b.data()[i], within(1e-4f));
        }
    }

    @Test
    void cropOutsideTheImageIsBlack() {
        RgbImage img = AlignmentTest.ramp(10, 10);
        // 20×20 box at (−10, −10) scaled 1:1: the top-left quadrant lies outside
        RgbImage out = Resize.crop(img, -10, -10, 20, 20, 20, 20);
        assertThat(out.get(0, 0, 2)).isZero();
        assertThat(out.get(9, 15, 2)).isZero();
        assertThat(out.get(15, 9, 2)).isZero();
        assertThat(out.get(10, 10, 2)).isEqualTo(100f);
        assertThat(out.get(15, 12, 0)).isEqualTo(5f);
        assertThat(out.get(15, 12, 1)).isEqualTo(2f);
    }

    @Test
    void areaAveragesBlocks() {
        float[] d = new float[4 * 4 * 3];
        for (int i = 0; i < 16; i++) {
            d[i * 3] = i; // R = 0..15 row-major
        }
        RgbImage out = Resize.area(new RgbImage(4, 4, d), 2, 2);
        assertThat(out.get(0, 0, 0)).isCloseTo((0 + 1 + 4 + 5) / 4f, within(1e-5f));
        assertThat(out.get(1, 0, 0)).isCloseTo((2 + 3 + 6 + 7) / 4f, within(1e-5f));
        assertThat(out.get(1, 1, 0)).isCloseTo((10 + 11 + 14 + 15) / 4f, within(1e-5f));
        // non-integer factor 3 → 2: output 0 covers source [0, 1.5): weights 2/3, 1/3 of rows and columns
        RgbImage ramp = AlignmentTest.ramp(3, 3);
        RgbImage o2 = Resize.area(ramp, 2, 2);
        assertThat(o2.get(0, 0, 0)).isCloseTo(1f / 3f, within(1e-5f));
        assertThat(o2.get(1, 0, 0)).isCloseTo(5f / 3f, within(1e-5f));
    }

    @Test
    void areaCropInsideTheImageIsTheAreaResizeOfTheCopiedRectangle() {
        RgbImage img = AlignmentTest.ramp(60, 50);
        RgbImage a = Resize.areaCrop(img, 7, 3, 37, 41, 24, 24);
        RgbImage b = Resize.area(img.crop(7, 3, 37, 41), 24, 24);
        for (int i = 0; i < a.data().length; i++) {
            assertThat(a.data()[i]).isCloseTo(b.data()[i], within(1e-3f));
        }
    }

    @Test
    void areaCropBlendsBlackWhereTheBoxLeavesTheImage() {
        float[] d = new float[4 * 4 * 3];
        java.util.Arrays.fill(d, 100f);
        // 8×8 box at (−4, 0) halved: output column 0 and 1 lie left of the image, 2 and 3 inside
        RgbImage out = Resize.areaCrop(new RgbImage(4, 4, d), -4, 0, 8, 8, 4, 4);
        assertThat(out.get(0, 0, 0)).isZero();
        assertThat(out.get(1, 1, 1)).isZero();
        assertThat(out.get(2, 1, 1)).isEqualTo(100f);
        // rows 2 and 3 cover source rows 4..7, below the image
        assertThat(out.get(3, 2, 2)).isZero();
        // a box smaller than the output is enlarged bilinearly, as crop() does
        RgbImage up = Resize.areaCrop(AlignmentTest.ramp(30, 20), 5, 4, 12, 10, 24, 24);
        RgbImage ref = Resize.crop(AlignmentTest.ramp(30, 20), 5, 4, 12, 10, 24, 24);
        assertThat(up.data()).containsExactly(ref.data());
    }
}
