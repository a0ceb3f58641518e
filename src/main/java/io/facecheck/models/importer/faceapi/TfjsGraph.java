package io.facecheck.models.importer.faceapi;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds TensorFlow ops from TF.js weights, keeping the stored form in the graph: uint8 codes stay uint8
 * constants and are turned into float32 by an exact 256-entry lookup table ({@code Gather}), float16 stays
 * float16 and is cast. So a SavedModel is about as small as the {@code .bin} and computes with exactly the
 * float32 weights tfjs would use.
 */
final class TfjsGraph {
    final Ops tf;
    private final TfjsWeights weights;
    private final Map<String, Operand<TFloat32>> cache = new HashMap<>();

    TfjsGraph(Ops tf, TfjsWeights weights) {
        this.tf = tf;
        this.weights = weights;
    }

    /** The weight {@code name} as a float32 operand of its manifest shape. */
    Operand<TFloat32> w(String name) {
        Operand<TFloat32> op = cache.get(name);
        if (op == null) {
            op = build(weights.get(name));
            cache.put(name, op);
        }
        return op;
    }

    private Operand<TFloat32> build(TfjsWeights.Weight w) {
        Shape shape = Shape.of(w.shape());
        Ops s = tf;
        for (String part : w.name().split("/")) {
            s = s.withSubScope(part.replaceAll("[^A-Za-z0-9_.-]", "_"));
        }
        switch (w.storage()) {
            case UINT8 -> {
                byte[] codes = new byte[w.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = (byte) w.codes()[i];
                }
                Constant<TUint8> q = s.withName("codes").constant(shape, DataBuffers.of(codes, true, false));
                Constant<TFloat32> table = s.withName("table").constant(Shape.of(256), DataBuffers.of(w.lookupTable(), true, false));
                return s.withName("dequantised").gather(table, s.dtypes.cast(q, TInt32.class), s.constant(0));
            }
            case FLOAT16 -> {
                float[] v = weights.floats(w.name());
                try (TFloat16 t = TFloat16.tensorOf(shape, DataBuffers.of(v, true, false))) {
                    return s.withName("float32").dtypes.cast(s.withName("float16").constantOf(t), TFloat32.class);
                }
            }
            default -> {
                return s.withName("value").constant(shape, DataBuffers.of(weights.floats(w.name()), true, false));
            }
        }
    }

    Operand<TFloat32> c(float v) {
        return tf.constant(v);
    }

    Operand<TInt32> ints(int... v) {
        return tf.constant(v);
    }

    Operand<TFloat32> conv(Operand<TFloat32> x, String filters, int stride, String padding) {
        return tf.nn.conv2d(x, w(filters), List.of(1L, (long) stride, (long) stride, 1L), padding);
    }

    Operand<TFloat32> depthwise(Operand<TFloat32> x, String filters, int stride) {
        return tf.nn.depthwiseConv2dNative(x, w(filters), List.of(1L, (long) stride, (long) stride, 1L), "SAME");
    }

    Operand<TFloat32> add(Operand<TFloat32> a, Operand<TFloat32> b) {
        return tf.math.add(a, b);
    }

    Operand<TFloat32> relu(Operand<TFloat32> x) {
        return tf.nn.relu(x);
    }

    /** tfjs {@code clipByValue(x, 0, 6)}. */
    Operand<TFloat32> relu6(Operand<TFloat32> x) {
        return tf.clipByValue(x, c(0f), c(6f));
    }

    /** face-api's {@code normalize(x, meanRgb)} then {@code div(255)}. */
    Operand<TFloat32> subMeanDiv255(Operand<TFloat32> x, float[] meanRgb) {
        Operand<TFloat32> mean = tf.constant(Shape.of(3), DataBuffers.of(meanRgb.clone(), true, false));
        return tf.math.div(tf.math.sub(x, mean), c(255f));
    }

    static long dim(Operand<?> x, int i) {
        return x.shape().size(i);
    }
}
