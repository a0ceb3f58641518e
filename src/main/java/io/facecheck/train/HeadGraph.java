package io.facecheck.train;

import io.facecheck.models.SavedModels;
import io.facecheck.models.Tensors;
import io.facecheck.models.TfLogging;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.AdaGrad;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The trainable embedding head in a TensorFlow graph: base features {@code [n, in]} → linear map (or a one-hidden-
 * layer ReLU MLP) → {@code out}-D → L2 normalisation; the triplet or contrastive loss on rows picked from the
 * batch; gradients by the graph ({@code Optimizer.minimize}, TensorFlow's C++ gradient registry) and an
 * AdaGrad or Adam update from {@code tensorflow-framework}. Rows are picked by one-hot selection matrices fed
 * with each step (a MatMul, whose gradient every TensorFlow build has). Not thread-safe.
 */
public final class HeadGraph implements AutoCloseable {

    public enum Architecture { LINEAR, MLP }

    public enum Loss { TRIPLET, CONTRASTIVE }

    public enum OptimizerKind { ADAGRAD, ADAM }

    /** Hidden width of the MLP head. */
    public static final int HIDDEN = 256;

    private final int in;
    private final int out;
    private final Architecture architecture;
    private final Loss lossKind;
    private final Graph graph;
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> selA;
    private final Placeholder<TFloat32> selB;
    private final Placeholder<TFloat32> selC;
    private final Operand<TFloat32> embedding;
    private final Operand<TFloat32> loss;
    private final Op train;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private final Operand<?>[] gradients;

    /**
     * @param margin α of the triplet loss (squared distances) or m of the contrastive loss (distances)
     * @param seed   initial weights (Gaussian, scaled by fan-in)
     */
    public HeadGraph(int in, int out, Architecture architecture, Loss lossKind, double margin,
                     OptimizerKind optimizer, float learningRate, long seed) {
        this(in, out, architecture, lossKind, margin, optimizer, learningRate, initialWeights(in, out, architecture, seed));
    }

    /** As above with given initial weights (in the order of {@link #weights()}). */
    public HeadGraph(int in, int out, Architecture architecture, Loss lossKind, double margin,
                     OptimizerKind optimizer, float learningRate, List<float[]> initial) {
        TfLogging.beforeFirstUse();
        this.graph = new Graph();
        this.in = in;
        this.out = out;
        this.architecture = architecture;
        this.lossKind = lossKind;
        Ops tf = Ops.create(graph);
        x = tf.withName("features").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, in)));
        long[][] shapes = shapes(in, out, architecture);
        for (int i = 0; i < shapes.length; i++) {
            variables.add(tf.withName("w" + i).variable(tf.constant(Shape.of(shapes[i]),
                    org.tensorflow.ndarray.buffer.DataBuffers.of(initial.get(i), true, false))));
        }
        embedding = normalise(tf, forward(tf, x, variables, architecture));
        selA = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        selB = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        selC = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        Operand<TFloat32> a = tf.linalg.matMul(selA, embedding);
        Operand<TFloat32> b = tf.linalg.matMul(selB, embedding);
        if (lossKind == Loss.TRIPLET) {
            // selC picks the negatives: mean of max(0, |a-p|² - |a-n|² + α)
            Operand<TFloat32> n = tf.linalg.matMul(selC, embedding);
            Operand<TFloat32> dap = tf.reduceSum(tf.math.square(tf.math.sub(a, b)), tf.constant(1));
            Operand<TFloat32> dan = tf.reduceSum(tf.math.square(tf.math.sub(a, n)), tf.constant(1));
            loss = tf.withName("loss").math.mean(tf.nn.relu(tf.math.add(tf.math.sub(dap, dan),
                    tf.constant((float) margin))), tf.constant(0));
        } else {
            // selC is [pairs, 2]: column 0 the weight of a same-person pair, column 1 of a different-person pair
            Operand<TFloat32> d2 = tf.reduceSum(tf.math.square(tf.math.sub(a, b)), tf.constant(1));
            Operand<TFloat32> d = tf.math.sqrt(tf.math.add(d2, tf.constant(1e-12f)));
            Operand<TFloat32> hinge = tf.math.square(tf.nn.relu(tf.math.sub(tf.constant((float) margin), d)));
            Operand<TFloat32> terms = tf.concat(List.of(tf.expandDims(d2, tf.constant(1)),
                    tf.expandDims(hinge, tf.constant(1))), tf.constant(1));
            loss = tf.withName("loss").reduceSum(tf.math.mul(terms, selC), tf.constant(new int[]{0, 1}));
        }
        Optimizer opt = optimizer == OptimizerKind.ADAM ? new Adam(graph, learningRate) : new AdaGrad(graph, learningRate);
        train = opt.minimize(loss);
        gradients = new Operand<?>[variables.size()];
        var g = tf.gradients(loss, variables);
        for (int i = 0; i < variables.size(); i++) {
            gradients[i] = g.dy(i);
        }
        session = new Session(graph);
        session.initialize();
    }

    private static long[][] shapes(int in, int out, Architecture architecture) {
        return architecture == Architecture.LINEAR
                ? new long[][]{{in, out}, {out}}
                : new long[][]{{in, HIDDEN}, {HIDDEN}, {HIDDEN, out}, {out}};
    }

    /** Gaussian weights with variance 1/fan-in (2/fan-in before a ReLU), zero biases. */
    public static List<float[]> initialWeights(int in, int out, Architecture architecture, long seed) {
        Random r = new Random(seed);
        List<float[]> w = new ArrayList<>();
        long[][] shapes = shapes(in, out, architecture);
        for (int i = 0; i < shapes.length; i++) {
            long[] s = shapes[i];
            float[] v = new float[(int) (s.length == 2 ? s[0] * s[1] : s[0])];
            if (s.length == 2) {
                double scale = Math.sqrt((architecture == Architecture.MLP && i == 0 ? 2.0 : 1.0) / s[0]);
                for (int k = 0; k < v.length; k++) {
                    v[k] = (float) (r.nextGaussian() * scale);
                }
            }
            w.add(v);
        }
        return w;
    }

    private static Operand<TFloat32> forward(Ops tf, Operand<TFloat32> x, List<? extends Operand<TFloat32>> w,
                                             Architecture architecture) {
        Operand<TFloat32> h = tf.math.add(tf.linalg.matMul(x, w.get(0)), w.get(1));
        if (architecture == Architecture.MLP) {
            h = tf.math.add(tf.linalg.matMul(tf.nn.relu(h), w.get(2)), w.get(3));
        }
        return h;
    }

    private static Operand<TFloat32> normalise(Ops tf, Operand<TFloat32> h) {
        Operand<TFloat32> norm2 = tf.reduceSum(tf.math.square(h), tf.constant(1), org.tensorflow.op.core.ReduceSum.keepDims(true));
        return tf.math.mul(h, tf.math.rsqrt(tf.math.add(norm2, tf.constant(1e-12f))));
    }

    public Loss lossKind() {
        return lossKind;
    }

    /** Unit embeddings of {@code features} under the current weights. */
    public float[][] embed(float[][] features) {
        if (features.length == 0) {
            return new float[0][];
        }
        try (TFloat32 t = Tensors.floats(flatten(features, in), features.length, in);
             Result r = session.runner().feed(x, t).fetch(embedding).run()) {
            return unflatten(Tensors.read(r.get(0)), out);
        }
    }

    /** One optimiser step on triplets of rows of {@code features}; returns the loss before the step. */
    public double stepTriplets(float[][] features, List<SemiHardMining.Triplet> triplets) {
        int n = features.length, t = triplets.size();
        float[] a = new float[t * n], p = new float[t * n], q = new float[t * n];
        for (int i = 0; i < t; i++) {
            a[i * n + triplets.get(i).anchor()] = 1;
            p[i * n + triplets.get(i).positive()] = 1;
            q[i * n + triplets.get(i).negative()] = 1;
        }
        return run(features, a, p, q, t, n, true);
    }

    /** One optimiser step on every pair of {@code features} (same-person and different-person pairs weighted equally). */
    public double stepPairs(float[][] features, int[] labels) {
        int n = features.length;
        List<int[]> pairs = new ArrayList<>();
        int same = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new int[]{i, j});
                if (labels[i] == labels[j]) {
                    same++;
                }
            }
        }
        int m = pairs.size(), diff = m - same;
        float[] a = new float[m * n], b = new float[m * n], w = new float[m * 2];
        for (int k = 0; k < m; k++) {
            int i = pairs.get(k)[0], j = pairs.get(k)[1];
            a[k * n + i] = 1;
            b[k * n + j] = 1;
            if (labels[i] == labels[j]) {
                w[k * 2] = 1f / same;
            } else {
                w[k * 2 + 1] = 1f / diff;
            }
        }
        return runPairs(features, a, b, w, m, n, true);
    }

    private double run(float[][] features, float[] a, float[] p, float[] q, int t, int n, boolean step) {
        try (TFloat32 fx = Tensors.floats(flatten(features, in), n, in);
             TFloat32 ta = Tensors.floats(a, t, n); TFloat32 tp = Tensors.floats(p, t, n); TFloat32 tq = Tensors.floats(q, t, n)) {
            var runner = session.runner().feed(x, fx).feed(selA, ta).feed(selB, tp).feed(selC, tq).fetch(loss);
            if (step) {
                runner.addTarget(train);
            }
            try (Result r = runner.run()) {
                return Tensors.read(r.get(0))[0];
            }
        }
    }

    private double runPairs(float[][] features, float[] a, float[] b, float[] w, int m, int n, boolean step) {
        try (TFloat32 fx = Tensors.floats(flatten(features, in), n, in);
             TFloat32 ta = Tensors.floats(a, m, n); TFloat32 tb = Tensors.floats(b, m, n); TFloat32 tw = Tensors.floats(w, m, 2)) {
            var runner = session.runner().feed(x, fx).feed(selA, ta).feed(selB, tb).feed(selC, tw).fetch(loss);
            if (step) {
                runner.addTarget(train);
            }
            try (Result r = runner.run()) {
                return Tensors.read(r.get(0))[0];
            }
        }
    }

    /**
     * The triplet loss and its gradient with respect to each weight (in {@link #weights()} order), without a
     * step: for checking the graph against a hand computation.
     */
    public LossAndGradient tripletLossAndGradient(float[][] features, List<SemiHardMining.Triplet> triplets) {
        int n = features.length, t = triplets.size();
        float[] a = new float[t * n], p = new float[t * n], q = new float[t * n];
        for (int i = 0; i < t; i++) {
            a[i * n + triplets.get(i).anchor()] = 1;
            p[i * n + triplets.get(i).positive()] = 1;
            q[i * n + triplets.get(i).negative()] = 1;
        }
        try (TFloat32 fx = Tensors.floats(flatten(features, in), n, in);
             TFloat32 ta = Tensors.floats(a, t, n); TFloat32 tp = Tensors.floats(p, t, n); TFloat32 tq = Tensors.floats(q, t, n)) {
            var runner = session.runner().feed(x, fx).feed(selA, ta).feed(selB, tp).feed(selC, tq).fetch(loss);
            for (Operand<?> g : gradients) {
                runner.fetch(g);
            }
            try (Result r = runner.run()) {
                List<float[]> gs = new ArrayList<>();
                for (int i = 0; i < gradients.length; i++) {
                    gs.add(Tensors.read(r.get(i + 1)));
                }
                return new LossAndGradient(Tensors.read(r.get(0))[0], gs);
            }
        }
    }

    /** A loss value and the gradients of each weight. */
    public record LossAndGradient(double loss, List<float[]> gradients) {
    }

    /** Current weights: W (in×out), b (out) for the linear head; W1, b1, W2, b2 for the MLP (row-major). */
    public List<float[]> weights() {
        var runner = session.runner();
        variables.forEach(runner::fetch);
        try (Result r = runner.run()) {
            List<float[]> w = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                w.add(Tensors.read(r.get(i)));
            }
            return w;
        }
    }

    /**
     * Writes the head with its current weights frozen into constants as a SavedModel: input {@code features}
     * {@code [-1, in]}, output {@code embedding} {@code [-1, out]} (not yet normalised, as the base embedders'
     * cards say of theirs). No variables, so it loads like every other FaceCheck model.
     */
    public void export(Path dir) throws IOException {
        List<float[]> w = weights();
        long[][] shapes = shapes(in, out, architecture);
        TfLogging.beforeFirstUse();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> features = tf.withName("features").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, in)));
            List<Operand<TFloat32>> consts = new ArrayList<>();
            for (int i = 0; i < w.size(); i++) {
                consts.add(tf.constant(Shape.of(shapes[i]), org.tensorflow.ndarray.buffer.DataBuffers.of(w.get(i), true, false)));
            }
            Operand<TFloat32> y = tf.withName("embedding").identity(forward(tf, features, consts, architecture));
            SavedModels.export(s, dir, Map.of("features", features), Map.of("embedding", y));
        }
    }

    static float[] flatten(float[][] rows, int width) {
        float[] f = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * width, width);
        }
        return f;
    }

    static float[][] unflatten(float[] f, int width) {
        float[][] rows = new float[f.length / width][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[width];
            System.arraycopy(f, i * width, rows[i], 0, width);
        }
        return rows;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
