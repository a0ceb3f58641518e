package io.facecheck.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The TensorFlow graph's triplet loss and its gradient against a hand computation. */
class HeadGraphTest {

    @Test
    void tripletLossAndGradientMatchAHandComputation() {
        // Identity head (W = I, b = 0) on unit vectors: the embedding is the input.
        float[][] x = {{1f, 0f}, {0.8f, 0.6f}, {0.6f, 0.8f}};
        List<SemiHardMining.Triplet> t = List.of(new SemiHardMining.Triplet(0, 1, 2));
        double alpha = 0.5;
        try (HeadGraph g = new HeadGraph(2, 2, HeadGraph.Architecture.LINEAR, HeadGraph.Loss.TRIPLET, alpha,
                HeadGraph.OptimizerKind.ADAGRAD, 0.1f, List.of(new float[]{1, 0, 0, 1}, new float[]{0, 0}))) {
            HeadGraph.LossAndGradient lg = g.tripletLossAndGradient(x, t);
            // |a-p|² = 0.2² + 0.6² = 0.4; |a-n|² = 0.4² + 0.8² = 0.8; loss = 0.4 - 0.8 + 0.5 = 0.1
            assertThat(lg.loss()).isCloseTo(0.1, within(1e-6));

            // By hand: dL/dy_a = 2(y_n - y_p), dL/dy_p = -2(y_a - y_p), dL/dy_n = 2(y_a - y_n); through the
            // normalisation of a unit vector, dL/dh = (I - y yᵀ) dL/dy; h = x W + b, so dL/dW = Σ xᵀ dL/dh and
            // dL/db = Σ dL/dh.
            double[][] dy = {
                {2 * (x[2][0] - x[1][0]), 2 * (x[2][1] - x[1][1])},
                {-2 * (x[0][0] - x[1][0]), -2 * (x[0][1] - x[1][1])},
                {2 * (x[0][0] - x[2][0]), 2 * (x[0][1] - x[2][1])}};
            double[] dW = new double[4], db = new double[2];
            for (int i = 0; i < 3; i++) {
                double yDotDy = x[i][0] * dy[i][0] + x[i][1] * dy[i][1];
                double[] dh = {dy[i][0] - x[i][0] * yDotDy, dy[i][1] - x[i][1] * yDotDy};
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 2; c++) {
                        dW[r * 2 + c] += x[i][r] * dh[c];
                    }
                    db[r] += dh[r];
                }
            }
            float[] gW = lg.gradients().get(0), gb = lg.gradients().get(1);
            for (int k = 0; k < 4; k++) {
                assertThat((double) gW[k]).as("dL/dW[%d]", k).isCloseTo(dW[k], within(1e-5));
            }
            for (int k = 0; k < 2; k++) {
                assertThat((double) gb[k]).as("dL/db[%d]", k).isCloseTo(db[k], within(1e-5));
            }
            // The whole-set loss in Java: triplets (0,1,2) → 0.1 and (1,0,2) → 0.4 - |(0.2,-0.2)|² + 0.5 = 0.82.
            assertThat(Losses.triplet(x, new int[]{0, 0, 1}, alpha)).isCloseTo((0.1 + 0.82) / 2, within(1e-6));
        }
    }

    @Test
    void aTripletOutsideTheMarginHasZeroLossAndZeroGradient() {
        float[][] x = {{1f, 0f}, {0.8f, 0.6f}, {0.6f, 0.8f}};
        try (HeadGraph g = new HeadGraph(2, 2, HeadGraph.Architecture.LINEAR, HeadGraph.Loss.TRIPLET, 0.2,
                HeadGraph.OptimizerKind.ADAM, 0.1f, List.of(new float[]{1, 0, 0, 1}, new float[]{0, 0}))) {
            HeadGraph.LossAndGradient lg = g.tripletLossAndGradient(x, List.of(new SemiHardMining.Triplet(0, 1, 2)));
            assertThat(lg.loss()).isZero();
            for (float v : lg.gradients().get(0)) {
                assertThat(v).isZero();
            }
        }
    }

    @Test
    void graphLossEqualsTheJavaLossOnEveryTripletAndStepsLowerIt() {
        float[][] x = {{1f, 0f, 0f}, {0.9f, 0.1f, 0.42f}, {0.7f, 0.7f, 0.14f}, {0.6f, 0.6f, 0.53f}};
        int[] labels = {0, 0, 1, 1};
        double alpha = 1.0;
        List<SemiHardMining.Triplet> all = List.of(new SemiHardMining.Triplet(0, 1, 2), new SemiHardMining.Triplet(0, 1, 3),
                new SemiHardMining.Triplet(1, 0, 2), new SemiHardMining.Triplet(1, 0, 3),
                new SemiHardMining.Triplet(2, 3, 0), new SemiHardMining.Triplet(2, 3, 1),
                new SemiHardMining.Triplet(3, 2, 0), new SemiHardMining.Triplet(3, 2, 1));
        try (HeadGraph g = new HeadGraph(3, 3, HeadGraph.Architecture.MLP, HeadGraph.Loss.TRIPLET, alpha,
                HeadGraph.OptimizerKind.ADAM, 0.01f, 7L)) {
            double graphLoss = g.tripletLossAndGradient(x, all).loss();
            double javaLoss = Losses.triplet(g.embed(x), labels, alpha);
            assertThat(graphLoss).isCloseTo(javaLoss, within(1e-5));
            for (int i = 0; i < 50; i++) {
                g.stepTriplets(x, all);
            }
            assertThat(Losses.triplet(g.embed(x), labels, alpha)).isLessThan(javaLoss);
        }
    }
}
