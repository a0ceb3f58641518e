package io.facecheck.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {

    // ten impostor distances, deliberately unsorted
    private static final double[] IMPOSTORS = {1.2, 0.4, 1.9, 0.8, 1.5, 1.1, 0.6, 1.7, 1.3, 1.0};

    @Test
    void thresholdForFarIsTheHandPickedOrderStatistic() {
        // sorted: 0.4 0.6 0.8 1.0 1.1 1.2 1.3 1.5 1.7 1.9
        assertThat(ThresholdCalibration.thresholdForFar(IMPOSTORS, 0.0)).isEqualTo(0.4);   // accept none
        assertThat(ThresholdCalibration.thresholdForFar(IMPOSTORS, 0.1)).isEqualTo(0.6);   // 1 of 10 below
        assertThat(ThresholdCalibration.thresholdForFar(IMPOSTORS, 0.15)).isEqualTo(0.6);  // ⌊1.5⌋ = 1
        assertThat(ThresholdCalibration.thresholdForFar(IMPOSTORS, 0.3)).isEqualTo(1.0);
        assertThat(ThresholdCalibration.thresholdForFar(IMPOSTORS, 1.0)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void farAtCountsStrictlyBelow() {
        assertThat(ThresholdCalibration.farAt(IMPOSTORS, 0.4)).isEqualTo(0.0);
        assertThat(ThresholdCalibration.farAt(IMPOSTORS, 0.41)).isEqualTo(0.1);
        assertThat(ThresholdCalibration.farAt(IMPOSTORS, 1.0)).isEqualTo(0.3);
        assertThat(ThresholdCalibration.farAt(IMPOSTORS, 5)).isEqualTo(1.0);
        for (double far : new double[] {0, 0.1, 0.2, 0.5, 0.9}) {
            double t = ThresholdCalibration.thresholdForFar(IMPOSTORS, far);
            assertThat(ThresholdCalibration.farAt(IMPOSTORS, t)).isLessThanOrEqualTo(far);
        }
    }

    @Test
    void tiesNeverPushTheRateOverTheTarget() {
        double[] tied = {0.5, 0.5, 0.5, 0.9};
        double t = ThresholdCalibration.thresholdForFar(tied, 0.5); // m = 2 → 3rd smallest = 0.5
        assertThat(t).isEqualTo(0.5);
        assertThat(ThresholdCalibration.farAt(tied, t)).isZero();
    }

    @Test
    void pairDistancesSplitByLabel() {
        List<float[]> e = List.of(GalleryTest.at(0), GalleryTest.at(10), GalleryTest.at(90));
        List<String> l = List.of("a", "a", "b");
        assertThat(ThresholdCalibration.genuineDistances(e, l)).hasSize(1);
        double[] imp = ThresholdCalibration.impostorDistances(e, l);
        assertThat(imp).hasSize(2);
        assertThat(imp[0]).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-6));
        assertThatThrownBy(() -> ThresholdCalibration.thresholdForFar(new double[0], 0.1)).hasMessageContaining("at least one");
    }
}
