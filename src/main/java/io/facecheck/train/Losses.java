package io.facecheck.train;

import io.facecheck.match.Vectors;

/**
 * The two losses computed in plain Java over a whole labelled set (every valid triplet, every pair): the
 * figure printed per epoch to show that training lowers the loss on the training set itself, not only on the
 * triplets mined from the current embedding. The graph in {@link HeadGraph} computes the same formulas.
 */
public final class Losses {
    private Losses() {
    }

    /** FaceNet: mean over all (a, p, n) of max(0, ‖a−p‖² − ‖a−n‖² + α). */
    public static double triplet(float[][] e, int[] labels, double alpha) {
        double sum = 0;
        long count = 0;
        for (int a = 0; a < e.length; a++) {
            for (int p = 0; p < e.length; p++) {
                if (p == a || labels[p] != labels[a]) {
                    continue;
                }
                double dap = Vectors.squaredDistance(e[a], e[p]);
                for (int n = 0; n < e.length; n++) {
                    if (labels[n] != labels[a]) {
                        sum += Math.max(0, dap - Vectors.squaredDistance(e[a], e[n]) + alpha);
                        count++;
                    }
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /**
     * Contrastive (Hadsell, Chopra, LeCun 2006): mean over same-person pairs of ‖x−y‖² plus mean over
     * different-person pairs of max(0, m − ‖x−y‖)², the two kinds weighted equally.
     */
    public static double contrastive(float[][] e, int[] labels, double margin) {
        double pos = 0, neg = 0;
        long np = 0, nn = 0;
        for (int i = 0; i < e.length; i++) {
            for (int j = i + 1; j < e.length; j++) {
                double d2 = Vectors.squaredDistance(e[i], e[j]);
                if (labels[i] == labels[j]) {
                    pos += d2;
                    np++;
                } else {
                    double h = Math.max(0, margin - Math.sqrt(d2));
                    neg += h * h;
                    nn++;
                }
            }
        }
        return (np == 0 ? 0 : pos / np) + (nn == 0 ? 0 : neg / nn);
    }
}
