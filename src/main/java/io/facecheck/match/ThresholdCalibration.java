package io.facecheck.match;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses a decision threshold from measured impostor distances (pairs of different people), for a target
 * false-accept rate — the way face systems are specified ("1 in 1000 strangers accepted"), instead of a
 * number copied from a paper measured on other data. A pair is accepted when its distance is strictly below
 * the threshold.
 */
public final class ThresholdCalibration {

    private ThresholdCalibration() {
    }

    /**
     * The largest threshold whose false-accept rate on {@code impostorDistances} does not exceed
     * {@code targetFar}: with the distances sorted ascending and {@code m = ⌊targetFar·n⌋}, it is the (m+1)-th
     * smallest distance, so at most {@code m} impostors lie strictly below it. With {@code m ≥ n} every
     * impostor may be accepted and the answer is {@code +∞}.
     */
    public static double thresholdForFar(double[] impostorDistances, double targetFar) {
        if (impostorDistances.length == 0) {
            throw new IllegalArgumentException("need at least one impostor distance");
        }
        if (!(targetFar >= 0 && targetFar <= 1)) {
            throw new IllegalArgumentException("target FAR must be in [0, 1], got " + targetFar);
        }
        double[] s = impostorDistances.clone();
        Arrays.sort(s);
        long m = (long) Math.floor(targetFar * s.length + 1e-9);
        return m >= s.length ? Double.POSITIVE_INFINITY : s[(int) m];
    }

    /** Fraction of impostor distances strictly below {@code threshold}: the expected false-accept rate. */
    public static double farAt(double[] impostorDistances, double threshold) {
        if (impostorDistances.length == 0) {
            throw new IllegalArgumentException("need at least one impostor distance");
        }
        long below = Arrays.stream(impostorDistances).filter(d -> d < threshold).count();
        return (double) below / impostorDistances.length;
    }

    /** Squared distances of every pair of embeddings whose labels differ (the impostor pairs of a labelled set). */
    public static double[] impostorDistances(List<float[]> embeddings, List<String> labels) {
        return pairDistances(embeddings, labels, false);
    }

    /** Squared distances of every pair of embeddings with the same label (the genuine pairs). */
    public static double[] genuineDistances(List<float[]> embeddings, List<String> labels) {
        return pairDistances(embeddings, labels, true);
    }

    private static double[] pairDistances(List<float[]> e, List<String> labels, boolean same) {
        if (e.size() != labels.size()) {
            throw new IllegalArgumentException(e.size() + " embeddings but " + labels.size() + " labels");
        }
        int n = e.size();
        double[] out = new double[(int) Math.min(Integer.MAX_VALUE - 8, (long) n * (n - 1) / 2)];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (labels.get(i).equals(labels.get(j)) == same) {
                    out[k++] = Vectors.squaredDistance(e.get(i), e.get(j));
                }
            }
        }
        return Arrays.copyOf(out, k);
    }
}
