package io.facecheck.eval;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The degradations of the robustness study, on a real LFW photo. */
class DegradationTest {
    private static RgbImage photo;

    @BeforeAll
    static void load() throws Exception {
        photo = new ImageLoader().load(Path.of("src/test/resources/lfw10/Tony_Blair/Tony_Blair_0001.jpg"));
    }

    private static double meanAbsDifference(RgbImage a, RgbImage b) {
        double s = 0;
        for (int i = 0; i < a.data().length; i++) {
            s += Math.abs(a.data()[i] - b.data()[i]);
        }
        return s / a.data().length;
    }

    private static double highFrequencyEnergy(RgbImage a) {
        double s = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 1; x < a.width(); x++) {
                double d = a.get(x, y, 1) - a.get(x - 1, y, 1);
                s += d * d;
            }
        }
        return s;
    }

    @Test
    void parsesRepeatedAndCombinedSpecsInOrderWithoutDuplicates() {
        List<Degradation> d = Degradation.parse(List.of("jpeg=90,20,10", "pixels=6400, 1600,jpeg=20,blur=1.5"));
        assertThat(d).extracting(Degradation::label)
                .containsExactly("jpeg=90", "jpeg=20", "jpeg=10", "pixels=6400", "pixels=1600", "blur=1.5");
    }

    @Test
    void rejectsUnknownKindsBadLevelsAndSpecsWithoutAKind() {
        assertThatThrownBy(() -> Degradation.parse(List.of("noise=3"))).hasMessageContaining("unknown degradation 'noise'");
        assertThatThrownBy(() -> Degradation.parse(List.of("jpeg=0"))).hasMessageContaining("1..100");
        assertThatThrownBy(() -> Degradation.parse(List.of("jpeg=ninety"))).hasMessageContaining("'ninety'");
        assertThatThrownBy(() -> Degradation.parse(List.of("90,20"))).hasMessageContaining("KIND=");
    }

    @Test
    void lowerJpegQualityLosesMoreOfThePhoto() {
        double q90 = meanAbsDifference(photo, Degradation.jpeg(photo, 90));
        double q10 = meanAbsDifference(photo, Degradation.jpeg(photo, 10));
        assertThat(q90).isPositive();
        assertThat(q10).isGreaterThan(2 * q90);
    }

    @Test
    void facePixelsKeepsTheFrameSizeButRemovesDetailAndLeavesSmallerFacesAlone() {
        BoundingBox face = new BoundingBox(70, 70, 110, 110);
        RgbImage small = new Degradation("pixels", 1600).apply(photo, face);
        assertThat(small.width()).isEqualTo(photo.width());
        assertThat(small.height()).isEqualTo(photo.height());
        assertThat(highFrequencyEnergy(small)).isLessThan(0.5 * highFrequencyEnergy(photo));
        Degradation big = new Degradation("pixels", 65536);
        assertThat(big.changes(face)).isFalse();
        assertThat(big.apply(photo, face)).isSameAs(photo);
        assertThat(new Degradation("pixels", 1600).apply(photo, null)).isSameAs(photo);
    }

    @Test
    void blurSmoothsAndGammaDarkens() {
        assertThat(highFrequencyEnergy(Degradation.gaussianBlur(photo, 2))).isLessThan(0.3 * highFrequencyEnergy(photo));
        RgbImage dark = Degradation.gamma(photo, 2);
        double before = 0, after = 0;
        for (int i = 0; i < photo.data().length; i++) {
            before += photo.data()[i];
            after += dark.data()[i];
        }
        assertThat(after).isLessThan(0.8 * before);
    }
}
