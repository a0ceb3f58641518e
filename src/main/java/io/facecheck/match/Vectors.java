package io.facecheck.match;

/**
 * Small vector helpers. Embeddings are L2-normalised, so squared Euclidean distance is {@code 2 − 2·dot}: the
 * dot product is all a search needs, and distances stay in [0, 4].
 */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product, with independent partial sums so the JIT can pipeline (and vectorise) the loop. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
            s2 += a[aOff + i + 2] * b[bOff + i + 2];
            s3 += a[aOff + i + 3] * b[bOff + i + 3];
            s4 += a[aOff + i + 4] * b[bOff + i + 4];
            s5 += a[aOff + i + 5] * b[bOff + i + 5];
            s6 += a[aOff + i + 6] * b[bOff + i + 6];
            s7 += a[aOff + i + 7] * b[bOff + i + 7];
        }
        for (; i < n; i++) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        return dot(a, 0, b, 0, a.length);
    }

    /** Squared Euclidean distance (exact, not via the dot product, so it is right for vectors of any length). */
    public static double squaredDistance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    /**
     * A unit-length copy of {@code v}.
     *
     * @throws IllegalArgumentException when {@code v} is zero or holds NaN/infinity
     */
    public static float[] normalized(float[] v) {
        float[] out = new float[v.length];
        scaleInto(v, inverseNorm(v), out, 0);
        return out;
    }

    /**
     * 1 / |v|, the factor that makes {@code v} unit-length.
     *
     * @throws IllegalArgumentException when {@code v} is zero or holds NaN/infinity
     */
    public static double inverseNorm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("cannot normalise a zero or non-finite vector");
        }
        return 1 / Math.sqrt(s);
    }

    /** Writes {@code v} times {@code factor} into {@code out} from {@code offset} ({@link #normalized}'s rounding). */
    public static void scaleInto(float[] v, double factor, float[] out, int offset) {
        for (int i = 0; i < v.length; i++) {
            out[offset + i] = (float) (v[i] * factor);
        }
    }
}
