package io.facecheck.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Groups faces that show the same person ("who is in these photos?"), with no gallery. Both methods build
 * the threshold graph — an edge between two faces whose distance is below the verification threshold —
 * and read groups off it:
 * <ul>
 *   <li>{@link #connectedComponents}: exact and deterministic, but one false edge merges two people (chaining);</li>
 *   <li>{@link #chineseWhispers} (Biemann 2006, as in dlib): each face repeatedly takes the label most common
 *       among its neighbours, weighted by similarity, so a single stray edge cannot pull two dense groups
 *       together.</li>
 * </ul>
 * Groups are lists of input indexes, ascending; larger groups first, ties by smallest index.
 */
public final class Clustering {

    private Clustering() {
    }

    public static List<List<Integer>> connectedComponents(List<float[]> embeddings, double threshold) {
        int n = embeddings.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Vectors.squaredDistance(embeddings.get(i), embeddings.get(j)) < threshold) {
                    int a = find(parent, i), b = find(parent, j);
                    if (a != b) {
                        parent[Math.max(a, b)] = Math.min(a, b);
                    }
                }
            }
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = find(parent, i);
        }
        return groups(label);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Chinese whispers with edge weight {@code threshold − distance}; deterministic for a given seed. */
    public static List<List<Integer>> chineseWhispers(List<float[]> embeddings, double threshold, int iterations, long seed) {
        int n = embeddings.size();
        List<List<Integer>> nbr = new ArrayList<>(n);
        List<List<Double>> wts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            nbr.add(new ArrayList<>());
            wts.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = Vectors.squaredDistance(embeddings.get(i), embeddings.get(j));
                if (d < threshold) {
                    nbr.get(i).add(j);
                    wts.get(i).add(threshold - d);
                    nbr.get(j).add(i);
                    wts.get(j).add(threshold - d);
                }
            }
        }
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        Random rnd = new Random(seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int it = 0; it < iterations; it++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            boolean changed = false;
            for (int v : order) {
                if (nbr.get(v).isEmpty()) {
                    continue;
                }
                Map<Integer, Double> score = new HashMap<>();
                for (int k = 0; k < nbr.get(v).size(); k++) {
                    score.merge(label[nbr.get(v).get(k)], wts.get(v).get(k), Double::sum);
                }
                int bestLabel = label[v];
                double best = Double.NEGATIVE_INFINITY;
                for (Map.Entry<Integer, Double> e : score.entrySet()) {
                    if (e.getValue() > best || (e.getValue() == best && e.getKey() < bestLabel)) {
                        best = e.getValue();
                        bestLabel = e.getKey();
                    }
                }
                if (bestLabel != label[v]) {
                    label[v] = bestLabel;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return groups(label);
    }

    private static List<List<Integer>> groups(int[] label) {
        Map<Integer, List<Integer>> byLabel = new HashMap<>();
        for (int i = 0; i < label.length; i++) {
            byLabel.computeIfAbsent(label[i], k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> out = new ArrayList<>(byLabel.values());
        out.sort(Comparator.<List<Integer>>comparingInt(List::size).reversed().thenComparing(g -> g.get(0)));
        return out.stream().map(List::copyOf).toList();
    }
}
