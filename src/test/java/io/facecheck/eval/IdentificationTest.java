package io.facecheck.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentificationTest {

    private static float[] at(double deg) {
        double r = Math.toRadians(deg);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    @Test
    void rank1LeaveOneOutByHand() {
        // a at 0° and 10°, b at 12° and 40°, c alone at 100°:
        // a0 → a10 ✓; a10 → b12 ✗; b12 → a10 ✗; b40 → b12 (28°, nearer than a10 at 30°) ✓; c is no probe
        List<float[]> e = List.of(at(0), at(10), at(12), at(40),
                at(100));
        Rank1 r = Identification.rank1LeaveOneOut(e, List.of("a", "a", "b", "b", "c"));
        assertThat(r).isEqualTo(new Rank1(2, 4, 0.5));
    }

    @Test
    void perfectlySeparatedPeopleScoreOne() {
        List<float[]> e = List.of(at(0), at(1), at(90), at(91));
        assertThat(Identification.rank1LeaveOneOut(e, List.of("a", "a", "b", "b")).rate()).isEqualTo(1.0);
    }
}
