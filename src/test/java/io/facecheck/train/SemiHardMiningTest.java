package io.facecheck.train;

import io.facecheck.match.Vectors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Online semi-hard triplet selection on fixed embeddings whose distances are known. */
class SemiHardMiningTest {

    /** Points on a line (1-D embeddings): squared distance = squared difference. */
    private static float[][] line(double... xs) {
        float[][] e = new float[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            e[i] = new float[]{(float) xs[i]};
        }
        return e;
    }

    @Test
    void picksOnlyNegativesFartherThanThePositiveButInsideTheMargin() {
        // anchor 0 at 0, positive 1 at 0.5 (d = 0.25); negatives at 0.3 (d 0.09, harder than the positive),
        // 0.6 (d 0.36, semi-hard), 0.65 (d 0.4225, semi-hard), 1.0 (d 1.0, beyond the margin 0.2)
        float[][] e = line(0, 0.5, 0.3, 0.6, 0.65, 1.0);
        int[] labels = {0, 0, 1, 2, 3, 4};
        double alpha = 0.2;
        for (int seed = 0; seed < 20; seed++) {
            List<SemiHardMining.Triplet> t = SemiHardMining.mine(e, labels, alpha, new Random(seed));
            for (SemiHardMining.Triplet x : t) {
                double dap = Vectors.squaredDistance(e[x.anchor()], e[x.positive()]);
                double dan = Vectors.squaredDistance(e[x.anchor()], e[x.negative()]);
                assertThat(labels[x.anchor()]).isEqualTo(labels[x.positive()]).isNotEqualTo(labels[x.negative()]);
                assertThat(dan).isGreaterThan(dap).isLessThan(dap + alpha);
            }
            SemiHardMining.Triplet fromAnchor0 = t.stream().filter(x -> x.anchor() == 0).findFirst().orElseThrow();
            assertThat(fromAnchor0.negative()).isIn(3, 4);
        }
    }

    @Test
    void usesEveryAnchorPositivePairThatHasASemiHardNegativeAndSkipsTheOthers() {
        // identity 0 at 0 and 0.5; identity 1 at 0.75 and 3
        float[][] e = line(0, 0.5, 0.75, 3);
        int[] labels = {0, 0, 1, 1};
        List<SemiHardMining.Triplet> t = SemiHardMining.mine(e, labels, 0.5, new Random(1));
        // (0,1): d 0.25, negative 0.75 at 0.5625 → semi-hard. (1,0): d 0.25, negative 0.75 at 0.0625 → harder than
        // the positive: skipped. (2,3): d 5.06, negatives at 0.5625 and 0.0625 → too hard: skipped. (3,2): d 5.06,
        // negatives at 9 and 6.25 → beyond the margin: skipped.
        assertThat(t).containsExactly(new SemiHardMining.Triplet(0, 1, 2));
    }
}
