package io.facecheck.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class RgbImageTest {

    @Test
    void greyImagesKeepTheirStoredLevels() {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        grey.getRaster().setSample(1, 0, 0, 30);
        RgbImage rgb = RgbImage.fromBufferedImage(grey);
        // getRGB() would have given about 167 and 94: a linear-to-sRGB conversion
        assertThat(rgb.data()).containsExactly(100f, 100f, 100f, 30f, 30f, 30f);
    }

    @Test
    void colourSurvivesARoundTripThroughBufferedImage() {
        RgbImage img = new RgbImage(2, 1, new float[] {255, 0, 10, 1, 128, 254});
        assertThat(RgbImage.fromBufferedImage(img.toBufferedImage()).data()).containsExactly(img.data());
    }
}
