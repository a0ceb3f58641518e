package io.facecheck.eval;

import io.facecheck.match.Vectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Closed-set identification figures. */
public final class Identification {

    private Identification() {
    }

    /**
     * Rank-1 leave-one-out: every image in turn is the probe and all the others the gallery; the probe is right
     * when its nearest neighbour shows the same person. People with a single image cannot be probes (their
     * right answer is not in the gallery) but still act as distractors.
     */
    public static Rank1 rank1LeaveOneOut(List<float[]> embeddings, List<String> labels) {
        if (embeddings.size() != labels.size()) {
            throw new IllegalArgumentException(embeddings.size() + " embeddings but " + labels.size() + " labels");
        }
        Map<String, Integer> count = new HashMap<>();
        for (String l : labels) {
            count.merge(l, 1, Integer::sum);
        }
        int probes = 0, correct = 0;
        for (int i = 0; i < embeddings.size(); i++) {
            if (count.get(labels.get(i)) < 2) {
                continue;
            }
            probes++;
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < embeddings.size(); j++) {
                if (j != i) {
                    double d = Vectors.squaredDistance(embeddings.get(i), embeddings.get(j));
                    if (d < best) {
                        best = d;
                        nearest = j;
                    }
                }
            }
            if (labels.get(nearest).equals(labels.get(i))) {
                correct++;
            }
        }
        return new Rank1(correct, probes, probes == 0 ? Double.NaN : (double) correct / probes);
    }
}
