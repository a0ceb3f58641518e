package io.facecheck.train;

import io.facecheck.eval.Verification;
import io.facecheck.eval.VerificationReport;
import io.facecheck.match.Vectors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link HeadGraph} on frozen base embeddings, FaceNet style: mini-batches of P identities × K photos,
 * triplets mined online within each batch ({@link SemiHardMining}) or all pairs for the contrastive loss; after
 * each epoch the whole-training-set loss ({@link Losses}) and the validation TAR at FAR 1e-3 on the held-out
 * identities.
 */
public final class HeadTrainer {

    /** Training settings ({@code margin}: α for triplets, m for contrastive). */
    public record Settings(HeadGraph.Loss loss, HeadGraph.OptimizerKind optimizer, HeadGraph.Architecture architecture,
                           double margin, float learningRate, int epochs, int identitiesPerBatch, int imagesPerIdentity,
                           int outputDimension, long seed) {
        public Settings {
            if (epochs < 1 || identitiesPerBatch < 2 || imagesPerIdentity < 2 || outputDimension < 2
                    || !(learningRate > 0) || !(margin > 0)) {
                throw new IllegalArgumentException("bad training settings: epochs >= 1, P >= 2, K >= 2, dimension >= 2,"
                        + " learning rate > 0, margin > 0 (got " + this + ")");
            }
        }
    }

    /** A photo's frozen base embedding and its person. */
    public record Sample(String identity, float[] features) {
    }

    /**
     * One epoch.
     *
     * @param minedLoss  mean loss of the steps (on the mined triplets / the batches' pairs)
     * @param triplets   triplets mined in the epoch (0 for the contrastive loss)
     * @param trainLoss  the loss over the whole training set after the epoch
     * @param valTar     validation TAR at FAR 1e-3 after the epoch
     */
    public record EpochLog(int epoch, double minedLoss, int triplets, double trainLoss, double valTar) {
    }

    /** Called after each epoch (e.g. a progress bar). */
    public interface Listener {
        void epochDone(EpochLog log, int epochs);
    }

    private HeadTrainer() {
    }

    /** Labels as small ints in order of first appearance. */
    static int[] labels(List<Sample> samples) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        int[] l = new int[samples.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = ids.computeIfAbsent(samples.get(i).identity(), k -> ids.size());
        }
        return l;
    }

    static float[][] features(List<Sample> samples) {
        return samples.stream().map(Sample::features).toArray(float[][]::new);
    }

    /** Verification over every pair of {@code embeddings}. */
    public static Verification allPairs(float[][] embeddings, int[] labels) {
        int n = embeddings.length;
        double[] d = new double[n * (n - 1) / 2];
        boolean[] same = new boolean[d.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[k] = Vectors.squaredDistance(embeddings[i], embeddings[j]);
                same[k++] = labels[i] == labels[j];
            }
        }
        return new Verification(d, same);
    }

    /** The whole-set loss of the graph's kind. */
    static double loss(HeadGraph.Loss kind, float[][] e, int[] labels, double margin) {
        return kind == HeadGraph.Loss.TRIPLET ? Losses.triplet(e, labels, margin) : Losses.contrastive(e, labels, margin);
    }

    /** P identities (with ≥ 2 photos) × K photos each, drawn so that an epoch shows about every photo once. */
    static List<int[]> batches(int[] labels, int p, int k, Random random) {
        Map<Integer, List<Integer>> byId = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byId.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
        }
        List<Integer> usable = new ArrayList<>();
        byId.forEach((id, list) -> {
            if (list.size() >= 2) {
                usable.add(id);
            }
        });
        if (usable.size() < 2) {
            throw new IllegalArgumentException("need at least 2 training identities with 2 or more photos");
        }
        int perBatch = Math.min(p, usable.size()) * k;
        int steps = Math.max(1, (int) Math.round((double) labels.length / perBatch));
        List<int[]> out = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            List<Integer> ids = new ArrayList<>(usable);
            Collections.shuffle(ids, random);
            List<Integer> batch = new ArrayList<>();
            for (int id : ids.subList(0, Math.min(p, ids.size()))) {
                List<Integer> photos = new ArrayList<>(byId.get(id));
                Collections.shuffle(photos, random);
                batch.addAll(photos.subList(0, Math.min(k, photos.size())));
            }
            out.add(batch.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /**
     * Trains {@code graph} in place.
     *
     * @return the epoch log
     */
    public static List<EpochLog> train(HeadGraph graph, List<Sample> training, List<Sample> validation,
                                       Settings s, Listener listener) {
        float[][] trainX = features(training);
        int[] trainY = labels(training);
        float[][] valX = features(validation);
        int[] valY = labels(validation);
        Random random = new Random(s.seed());
        List<EpochLog> logs = new ArrayList<>();
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            double sum = 0;
            int steps = 0, mined = 0;
            for (int[] batch : batches(trainY, s.identitiesPerBatch(), s.imagesPerIdentity(), random)) {
                float[][] bx = new float[batch.length][];
                int[] by = new int[batch.length];
                for (int i = 0; i < batch.length; i++) {
                    bx[i] = trainX[batch[i]];
                    by[i] = trainY[batch[i]];
                }
                if (s.loss() == HeadGraph.Loss.TRIPLET) {
                    List<SemiHardMining.Triplet> t = SemiHardMining.mine(graph.embed(bx), by, s.margin(), random);
                    if (t.isEmpty()) {
                        continue;
                    }
                    mined += t.size();
                    sum += graph.stepTriplets(bx, t);
                } else {
                    sum += graph.stepPairs(bx, by);
                }
                steps++;
            }
            double trainLoss = loss(s.loss(), graph.embed(trainX), trainY, s.margin());
            double valTar = allPairs(graph.embed(valX), valY).tarAtFar(1e-3);
            EpochLog log = new EpochLog(epoch, steps == 0 ? 0 : sum / steps, mined, trainLoss, valTar);
            logs.add(log);
            if (listener != null) {
                listener.epochDone(log, s.epochs());
            }
        }
        return logs;
    }

    /** The threshold with the best accuracy on the training identities' pairs (never on validation). */
    public static double calibrate(float[][] trainEmbeddings, int[] trainLabels) {
        return allPairs(trainEmbeddings, trainLabels).bestThreshold().threshold();
    }

    /** The {@code evaluate} figures of {@code embeddings} (all pairs) at {@code threshold}. */
    public static VerificationReport report(float[][] embeddings, int[] labels, double threshold) {
        return allPairs(embeddings, labels).report(threshold);
    }
}
