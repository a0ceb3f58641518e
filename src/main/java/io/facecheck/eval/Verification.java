package io.facecheck.eval;

import io.facecheck.match.ThresholdCalibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verification metrics over scored pairs, as the FaceNet / MobileFaceNets papers report them on LFW. A pair is
 * accepted when its distance is strictly below the threshold. Immutable; all methods are exact (no sampling).
 */
public final class Verification {

    private final double[] distances;
    private final boolean[] same;
    private final int genuine;

    /**
     * @param distances distance of each pair (any finite values; smaller = more alike)
     * @param same      whether each pair shows one person
     */
    public Verification(double[] distances, boolean[] same) {
        if (distances.length != same.length) {
            throw new IllegalArgumentException(distances.length + " distances but " + same.length + " labels");
        }
        int g = 0;
        for (int i = 0; i < same.length; i++) {
            if (!Double.isFinite(distances[i])) {
                throw new IllegalArgumentException("distance " + i + " is not finite: " + distances[i]);
            }
            if (same[i]) {
                g++;
            }
        }
        if (g == 0 || g == same.length) {
            throw new IllegalArgumentException("need both genuine and impostor pairs (got " + g + " genuine of " + same.length + ")");
        }
        this.distances = distances.clone();
        this.same = same.clone();
        this.genuine = g;
    }

    /**
     * Scores {@code pairs} with squared L2 distances between their images' unit embeddings. An image missing
     * from {@code embeddings} (no face found, unreadable) gets distance 4 — the largest possible — in each of
     * its pairs, so it counts as "different people": a genuine pair is then an error, as it would be for a
     * user, rather than silently leaving the evaluation.
     */
    public static Verification fromPairs(java.util.List<Pair> pairs, java.util.Map<String, float[]> embeddings) {
        double[] d = new double[pairs.size()];
        boolean[] s = new boolean[pairs.size()];
        for (int i = 0; i < d.length; i++) {
            Pair p = pairs.get(i);
            float[] x = embeddings.get(p.fileX()), y = embeddings.get(p.fileY());
            d[i] = x == null || y == null ? MISSING_DISTANCE : io.facecheck.match.Vectors.squaredDistance(x, y);
            s[i] = p.same();
        }
        return new Verification(d, s);
    }

    /** Distance given to a pair whose image has no embedding: the maximum between unit vectors. */
    public static final double MISSING_DISTANCE = 4.0;

    public int pairs() {
        return distances.length;
    }

    public int genuine() {
        return genuine;
    }

    public int impostor() {
        return distances.length - genuine;
    }

    public double accuracy(double threshold) {
        return accuracy(threshold, all());
    }

    private int[] all() {
        int[] idx = new int[distances.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return idx;
    }

    private double accuracy(double threshold, int[] idx) {
        int right = 0;
        for (int i : idx) {
            if ((distances[i] < threshold) == same[i]) {
                right++;
            }
        }
        return (double) right / idx.length;
    }

    /** The threshold with the highest accuracy over all pairs and that accuracy. */
    public ThresholdAccuracy bestThreshold() {
        return bestThreshold(all());
    }

    /**
     * Sweeps thresholds between consecutive distinct distances (midpoints), below the smallest and above the
     * largest; among equally accurate thresholds the smallest wins, so the choice is deterministic.
     */
    private ThresholdAccuracy bestThreshold(int[] idx) {
        Integer[] order = new Integer[idx.length];
        for (int i = 0; i < idx.length; i++) {
            order[i] = idx[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
        // threshold below everything: all rejected → right = impostors
        int right = 0;
        for (int i : idx) {
            if (!same[i]) {
                right++;
            }
        }
        int bestRight = right;
        double bestT = distances[order[0]] - 1e-6;
        for (int k = 0; k < order.length; ) {
            double d = distances[order[k]];
            // accepting every pair with this distance
            while (k < order.length && distances[order[k]] == d) {
                right += same[order[k]] ? 1 : -1;
                k++;
            }
            double t = k < order.length ? (d + distances[order[k]]) / 2 : d + 1e-6;
            if (right > bestRight) {
                bestRight = right;
                bestT = t;
            }
        }
        return new ThresholdAccuracy(bestT, (double) bestRight / idx.length);
    }

    /** Fold of each pair: genuine and impostor pairs each dealt round-robin, so every fold has both kinds. */
    int[] folds(int k) {
        int[] fold = new int[distances.length];
        int g = 0, im = 0;
        for (int i = 0; i < distances.length; i++) {
            fold[i] = same[i] ? g++ % k : im++ % k;
        }
        return fold;
    }

    /**
     * Per-fold held-out accuracies: threshold picked (best accuracy) on the other k−1 folds, tested on this one.
     * Small sets are allowed as long as every fold gets a pair; figures from them are correspondingly rough.
     */
    public double[] crossValidatedAccuracies(int k) {
        // every fold must hold at least one pair; a fold without genuine (or impostor) pairs still scores
        if (k < 2 || Math.max(genuine, impostor()) < k) {
            throw new IllegalArgumentException(k + "-fold cross-validation needs at least " + k
                    + " genuine or " + k + " impostor pairs, got " + genuine + " genuine and " + impostor() + " impostor");
        }
        int[] fold = folds(k);
        double[] acc = new double[k];
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                (fold[i] == f ? test : train).add(i);
            }
            double t = bestThreshold(train.stream().mapToInt(Integer::intValue).toArray()).threshold();
            acc[f] = accuracy(t, test.stream().mapToInt(Integer::intValue).toArray());
        }
        return acc;
    }

    /** Genuine-acceptance rate at the threshold whose false-accept rate is at most {@code far}. */
    public double tarAtFar(double far) {
        double t = ThresholdCalibration.thresholdForFar(impostorDistances(), far);
        int accepted = 0;
        for (int i = 0; i < distances.length; i++) {
            if (same[i] && distances[i] < t) {
                accepted++;
            }
        }
        return (double) accepted / genuine;
    }

    private double[] impostorDistances() {
        double[] out = new double[impostor()];
        for (int i = 0, j = 0; i < distances.length; i++) {
            if (!same[i]) {
                out[j++] = distances[i];
            }
        }
        return out;
    }

    /**
     * Area under the ROC curve = probability that a random genuine pair is closer than a random impostor pair,
     * ties counting half (Mann–Whitney), computed exactly from ranks.
     */
    public double auc() {
        Integer[] order = new Integer[distances.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
        double wins = 0;
        int impostorsSeen = 0;
        for (int k = 0; k < order.length; ) {
            double d = distances[order[k]];
            int g = 0, im = 0;
            while (k < order.length && distances[order[k]] == d) {
                if (same[order[k]]) {
                    g++;
                } else {
                    im++;
                }
                k++;
            }
            // genuine pairs at d beat all impostors further away, tie with those at d, lose to those before
            wins += g * ((impostor() - impostorsSeen - im) + 0.5 * im);
            impostorsSeen += im;
        }
        return wins / ((double) genuine * impostor());
    }

    /** The ROC curve: one point per distinct distance (accepting up to and including it), from (0, 0) to (1, 1). */
    public List<RocPoint> roc() {
        Integer[] order = new Integer[distances.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
        List<RocPoint> out = new ArrayList<>();
        out.add(new RocPoint(distances[order[0]], 0, 0));
        int g = 0, im = 0;
        for (int k = 0; k < order.length; ) {
            double d = distances[order[k]];
            while (k < order.length && distances[order[k]] == d) {
                if (same[order[k]]) {
                    g++;
                } else {
                    im++;
                }
                k++;
            }
            double next = k < order.length ? distances[order[k]] : d + 1e-6;
            out.add(new RocPoint((d + next) / 2, (double) im / impostor(), (double) g / genuine));
        }
        return out;
    }

    /** All figures of issue 3 at the given default threshold. */
    public VerificationReport report(double threshold) {
        ThresholdAccuracy best = bestThreshold();
        // LFW uses 10 folds; a small set gets as many as it has pairs of the rarer kind (at least 2)
        int k = Math.min(10, Math.min(genuine, impostor()));
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 same-person and 2 different-person pairs, got "
                    + genuine + " and " + impostor());
        }
        double[] folds = crossValidatedAccuracies(k);
        double mean = Arrays.stream(folds).average().orElseThrow();
        double var = Arrays.stream(folds).map(a -> (a - mean) * (a - mean)).average().orElseThrow();
        return new VerificationReport(pairs(), genuine, impostor(), threshold, accuracy(threshold), best.threshold(),
                best.accuracy(), mean, Math.sqrt(var), tarAtFar(1e-2), tarAtFar(1e-3), auc());
    }
}
