package io.facecheck.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationTest {

    // genuine 0.1 0.2 0.3 0.6, impostor 0.4 0.7 0.8 0.9 (interleaved on purpose)
    private static final double[] D = {0.7, 0.1, 0.4, 0.2, 0.9, 0.6, 0.3, 0.8};
    private static final boolean[] SAME = {false, true, false, true, false, true, true, false};
    private final Verification v = new Verification(D, SAME);

    @Test
    void accuracyAtAThreshold() {
        // at 0.5: genuine 0.1 0.2 0.3 right, 0.6 wrong; impostor 0.4 wrong, 0.7 0.8 0.9 right → 6/8
        assertThat(v.accuracy(0.5)).isEqualTo(0.75);
        assertThat(v.accuracy(0.0)).isEqualTo(0.5);   // all rejected: the 4 impostors right
        assertThat(v.accuracy(0.4)).isEqualTo(0.875); // strictly below: 0.4 rejected
    }

    @Test
    void bestThresholdSitsBetweenTheLastGenuineAndFirstImpostor() {
        ThresholdAccuracy best = v.bestThreshold();
        assertThat(best.accuracy()).isEqualTo(0.875);
        assertThat(best.threshold()).isCloseTo(0.35, within(1e-12)); // midpoint of 0.3 and 0.4, the first 7/8
    }

    @Test
    void aucCountsGenuineBeforeImpostorOrderings() {
        // 0.1, 0.2, 0.3 beat all 4 impostors, 0.6 beats 3 → 15 / 16
        assertThat(v.auc()).isEqualTo(15.0 / 16);
        assertThat(new Verification(new double[] {0.5, 0.5}, new boolean[] {true, false}).auc()).isEqualTo(0.5);
        assertThat(new Verification(new double[] {0.1, 0.9}, new boolean[] {false, true}).auc()).isEqualTo(0.0);
    }

    @Test
    void tarAtFar() {
        // FAR 0.25 of 4 impostors: 1 may pass → threshold 0.7 → all 4 genuine below
        assertThat(v.tarAtFar(0.25)).isEqualTo(1.0);
        // FAR 0.1 → none may pass → threshold 0.4 → 3 of 4 genuine
        assertThat(v.tarAtFar(0.1)).isEqualTo(0.75);
        assertThat(v.tarAtFar(1e-3)).isEqualTo(0.75);
    }

    @Test
    void rocWalksFromOriginToOneOne() {
        List<RocPoint> roc = v.roc();
        assertThat(roc).extracting(RocPoint::far).containsExactly(0.0, 0.0, 0.0, 0.0, 0.25, 0.25, 0.5, 0.75, 1.0);
        assertThat(roc).extracting(RocPoint::tar).containsExactly(0.0, 0.25, 0.5, 0.75, 0.75, 1.0, 1.0, 1.0, 1.0);
        assertThat(roc.get(3).threshold()).isCloseTo(0.35, within(1e-12));
        RocPoint p = roc.get(4);
        assertThat(new Verification(D, SAME).accuracy(p.threshold())).isEqualTo((1 - p.far()) * 0.5 + p.tar() * 0.5);
    }

    /**
     * 10 genuine pairs at 0.10..0.19 except the 4th (fold 3) at 0.95, and 10 impostors at 0.50..0.59: every fold
     * but fold 3 scores 1.0 (its training folds hold the outlier, whose threshold would cost 9 impostors);
     * fold 3 is trained clean and then misses its own outlier: 1/2. Mean 0.95, population std 0.15.
     */
    @Test
    void tenFoldMatchesTheHandComputation() {
        double[] d = new double[20];
        boolean[] s = new boolean[20];
        for (int i = 0; i < 10; i++) {
            d[2 * i] = i == 3 ? 0.95 : 0.10 + i / 100.0;
            s[2 * i] = true;
            d[2 * i + 1] = 0.50 + i / 100.0;
        }
        Verification ver = new Verification(d, s);
        double[] folds = ver.crossValidatedAccuracies(10);
        assertThat(folds).containsExactly(1, 1, 1, 0.5, 1, 1, 1, 1, 1, 1);
        VerificationReport r = ver.report(0.3);
        assertThat(r.tenFoldAccuracy()).isCloseTo(0.95, within(1e-12));
        assertThat(r.tenFoldStd()).isCloseTo(0.15, within(1e-12));
        assertThat(r.pairs()).isEqualTo(20);
        assertThat(r.genuine()).isEqualTo(10);
        assertThat(r.accuracyAtThreshold()).isEqualTo(19 / 20.0);
        assertThat(r.bestAccuracy()).isEqualTo(19 / 20.0);
        assertThat(r.auc()).isEqualTo(90 / 100.0); // the outlier loses to all 10 impostors
        assertThat(r.tarAtFar1e2()).isEqualTo(0.9);
    }

    @Test
    void fromPairsScoresEmbeddingsAndCountsMissingFacesAsDifferent() {
        java.util.Map<String, float[]> e = new java.util.HashMap<>();
        e.put("a/1", new float[] {1, 0});
        e.put("a/2", new float[] {0.6f, 0.8f}); // squared distance to a/1: 0.16 + 0.64 = 0.8
        e.put("b/1", new float[] {-1, 0});      // 4 to a/1
        List<Pair> pairs = List.of(new Pair("a/1", "a/2", true), new Pair("a/1", "b/1", false),
                new Pair("a/1", "a/3", true), new Pair("b/1", "a/3", false)); // a/3 had no face
        Verification ver = Verification.fromPairs(pairs, e);
        // at 1.0: a/1–a/2 accepted (right), a/1–b/1 rejected (right), missing genuine rejected (wrong), missing impostor right
        assertThat(ver.accuracy(1.0)).isEqualTo(0.75);
        assertThat(ver.pairs()).isEqualTo(4);
    }

    @Test
    void smallSetsStillCrossValidate() {
        // 3 genuine (0.1, 0.2, 0.3) and 12 impostors (0.5..1.6): folds 0-2 hold a genuine pair and an impostor,
        // folds 3-9 one impostor (folds 0 and 1 a second one); every training set separates them perfectly
        double[] d = new double[15];
        boolean[] s = new boolean[15];
        for (int i = 0; i < 3; i++) {
            d[i] = 0.1 * (i + 1);
            s[i] = true;
        }
        for (int i = 0; i < 12; i++) {
            d[3 + i] = 0.5 + 0.1 * i;
        }
        assertThat(new Verification(d, s).crossValidatedAccuracies(10)).containsOnly(1.0);
        assertThat(new Verification(d, s).report(0.4).tenFoldStd()).isZero();
    }

    @Test
    void foldsHoldBothKinds() {
        int[] f = v.folds(2);
        assertThat(f).containsExactly(0, 0, 1, 1, 0, 0, 1, 1);
    }

    @Test
    void rejectsUnusableInput() {
        assertThatThrownBy(() -> new Verification(new double[] {0.1}, new boolean[] {true})).hasMessageContaining("both");
        assertThatThrownBy(() -> new Verification(new double[] {0.1, Double.NaN}, new boolean[] {true, false}))
                .hasMessageContaining("not finite");
        assertThatThrownBy(() -> v.crossValidatedAccuracies(10))
                .hasMessage("10-fold cross-validation needs at least 10 genuine or 10 impostor pairs, got 4 genuine and 4 impostor");
    }
}
