package io.facecheck.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** The lfw10 fixture (10 people x 10 photos) and the verification measures computed over its pairs. */
public final class Lfw10 {
    public record Photo(String person, Path file) {
    }

    public static final Path DIR = Path.of("src/test/resources/lfw10");

    private Lfw10() {
    }

    public static List<Photo> photos() throws IOException {
        List<Photo> out = new ArrayList<>();
        try (Stream<Path> people = Files.list(DIR)) {
            for (Path p : (Iterable<Path>) people.filter(Files::isDirectory).sorted()::iterator) {
                try (Stream<Path> files = Files.list(p)) {
                    files.filter(f -> f.toString().endsWith(".jpg")).sorted()
                            .forEach(f -> out.add(new Photo(p.getFileName().toString(), f)));
                }
            }
        }
        return out;
    }

    /** The detected face nearest the image centre (LFW centres the named person), or null. */
    public static DetectedFace central(List<DetectedFace> faces, RgbImage image) {
        double cx = image.width() / 2.0, cy = image.height() / 2.0;
        return faces.stream().min(Comparator.comparingDouble(f -> Math.hypot(
                f.box().x() + f.box().width() / 2 - cx, f.box().y() + f.box().height() / 2 - cy))).orElse(null);
    }

    public static double squaredL2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /** Squared distances of all same-person (index 0) and different-person (index 1) pairs of embedded photos. */
    public static double[][] pairDistances(List<String> people, List<float[]> emb) {
        List<Double> same = new ArrayList<>(), diff = new ArrayList<>();
        for (int i = 0; i < emb.size(); i++) {
            for (int j = i + 1; j < emb.size(); j++) {
                double d = squaredL2(emb.get(i), emb.get(j));
                (people.get(i).equals(people.get(j)) ? same : diff).add(d);
            }
        }
        return new double[][] {same.stream().mapToDouble(Double::doubleValue).toArray(),
                diff.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** Probability that a random same pair is closer than a random different pair (ties count half). */
    public static double auc(double[] same, double[] diff) {
        double wins = 0;
        for (double s : same) {
            for (double d : diff) {
                wins += s < d ? 1 : s == d ? 0.5 : 0;
            }
        }
        return wins / ((double) same.length * diff.length);
    }

    /** Share of same pairs accepted at the largest threshold that accepts at most far·|diff| different pairs. */
    public static double tarAtFar(double[] same, double[] diff, double far) {
        double[] d = diff.clone();
        java.util.Arrays.sort(d);
        int allowed = (int) Math.floor(far * d.length);
        double thr = d[allowed]; // accept dist < thr: exactly `allowed` different pairs below it (no ties assumed)
        long acc = java.util.Arrays.stream(same).filter(s -> s < thr).count();
        return acc / (double) same.length;
    }

    public static double accuracy(double[] same, double[] diff, double thr) {
        long ok = java.util.Arrays.stream(same).filter(s -> s < thr).count()
                + java.util.Arrays.stream(diff).filter(s -> s >= thr).count();
        return ok / (double) (same.length + diff.length);
    }

    public static double bestThreshold(double[] same, double[] diff) {
        double best = 0, bestAcc = -1;
        for (double t = 0.01; t < 4; t += 0.005) {
            double a = accuracy(same, diff, t);
            if (a > bestAcc) {
                bestAcc = a;
                best = t;
            }
        }
        return best;
    }

    /** Mean and standard deviation of accuracy over 10 folds, the threshold chosen on the other 9 each time. */
    public static double[] tenFold(double[] same, double[] diff, long seed) {
        int[] fs = folds(same.length, seed), fd = folds(diff.length, seed + 1);
        double[] acc = new double[10];
        for (int k = 0; k < 10; k++) {
            final int fk = k;
            double[] trS = filter(same, fs, fk, false), trD = filter(diff, fd, fk, false);
            double t = bestThreshold(trS, trD);
            acc[k] = accuracy(filter(same, fs, fk, true), filter(diff, fd, fk, true), t);
        }
        double mean = java.util.Arrays.stream(acc).average().orElse(0);
        double var = java.util.Arrays.stream(acc).map(a -> (a - mean) * (a - mean)).sum() / 10;
        return new double[] {mean, Math.sqrt(var)};
    }

    private static int[] folds(int n, long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        java.util.Collections.shuffle(idx, new Random(seed));
        int[] f = new int[n];
        for (int i = 0; i < n; i++) {
            f[idx.get(i)] = i % 10;
        }
        return f;
    }

    private static double[] filter(double[] v, int[] fold, int k, boolean in) {
        return java.util.stream.IntStream.range(0, v.length).filter(i -> (fold[i] == k) == in).mapToDouble(i -> v[i]).toArray();
    }
}
