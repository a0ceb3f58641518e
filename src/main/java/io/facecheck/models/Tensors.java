package io.facecheck.models;

import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Float tensors in and out of a {@link TfModel}: one copy each way, no per-element calls. The caller closes
 * every tensor it creates (try-with-resources) and every {@link Result} it gets.
 */
public final class Tensors {
    private Tensors() {
    }

    /** A float32 tensor of {@code shape} holding {@code data} (row-major). */
    public static TFloat32 floats(float[] data, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /** All values of a float32 tensor, row-major. */
    public static float[] read(Tensor t) {
        if (!(t instanceof TFloat32 f)) {
            throw new ModelException("expected a float32 tensor, got " + t.dataType());
        }
        float[] out = new float[(int) f.shape().size()];
        f.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    /** Shape of a tensor as a plain array. */
    public static long[] shape(Tensor t) {
        return t.shape().asArray();
    }

    /** The named output of {@code r}, or a {@link ModelException} naming the model. */
    public static Tensor output(Result r, String name, TfModel model) {
        return r.get(name).orElseThrow(() -> new ModelException("output '" + name + "' missing from " + model.dir()));
    }

    /** Runs {@code model} on one float input and copies out one named output. */
    public static float[] runOne(TfModel model, String output, float[] input, long... shape) {
        try (TFloat32 in = floats(input, shape); Result r = model.run(in)) {
            return read(output(r, output, model));
        }
    }
}
