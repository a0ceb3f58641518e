package io.facecheck.train;

import io.facecheck.match.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * FaceNet's online triplet selection within a mini-batch: every anchor-positive pair of the batch, each with a
 * <em>semi-hard</em> negative — farther from the anchor than the positive but still inside the margin,
 * {@code d(a,p) < d(a,n) < d(a,p) + α} (squared L2 distances) — picked at random among those that qualify. Pairs
 * without one are left out: their negatives are either already beyond the margin (loss 0) or harder than the
 * positive, which the paper avoids because the hardest negatives collapse the embedding early in training.
 */
public final class SemiHardMining {
    private SemiHardMining() {
    }

    /** A triplet of batch indices. */
    public record Triplet(int anchor, int positive, int negative) {
    }

    public static List<Triplet> mine(float[][] embeddings, int[] labels, double alpha, Random random) {
        int n = embeddings.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = d[j][i] = Vectors.squaredDistance(embeddings[i], embeddings[j]);
            }
        }
        List<Triplet> out = new ArrayList<>();
        int[] candidates = new int[n];
        for (int a = 0; a < n; a++) {
            for (int p = 0; p < n; p++) {
                if (p == a || labels[p] != labels[a]) {
                    continue;
                }
                int c = 0;
                for (int q = 0; q < n; q++) {
                    if (labels[q] != labels[a] && d[a][q] > d[a][p] && d[a][q] < d[a][p] + alpha) {
                        candidates[c++] = q;
                    }
                }
                if (c > 0) {
                    out.add(new Triplet(a, p, candidates[random.nextInt(c)]));
                }
            }
        }
        return out;
    }
}
