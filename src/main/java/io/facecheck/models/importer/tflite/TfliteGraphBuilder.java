package io.facecheck.models.importer.tflite;

import io.facecheck.models.importer.tflite.TfliteFile.Op;
import io.facecheck.models.importer.tflite.TfliteFile.TensorInfo;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.LeakyReluOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.StridedSliceOptions;
import org.tensorflow.lite.schema.TensorType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-creates the operators of a {@link TfliteFile} as TensorFlow ops in a graph. Weights become graph constants
 * in TensorFlow's layouts (CONV_2D filters OHWI → HWIO, depthwise {@code [1,H,W,C·M]} → {@code [H,W,C,M]},
 * FULLY_CONNECTED {@code [out,in]} used with {@code transpose_b}); float16 weights stay float16 constants followed
 * by a cast, exactly what TFLite's DEQUANTIZE does, which keeps the SavedModel as small as the original.
 * RESHAPE targets whose first dimension is the file's fixed batch size get {@code -1}, so the batch is dynamic.
 * PReLUs written out as five or six element-wise ops become one {@code maximum(x, α·x)} ({@link PreluFusion}),
 * with bit-identical results.
 */
final class TfliteGraphBuilder {

    /** A constant not yet in the graph: raw little-endian bytes of a float32 or float16 tensor. */
    private record Const(int[] shape, byte type, byte[] data) {
        int elementSize() {
            return type == TensorType.FLOAT16 ? 2 : 4;
        }
    }

    private final Ops tf;
    private final TfliteFile file;
    private final int fileBatch;
    private final Map<Integer, Operand<?>> values = new HashMap<>();
    private final Map<Integer, Const> consts = new HashMap<>();
    private final Map<String, Operand<TFloat32>> materialised = new HashMap<>();

    private TfliteGraphBuilder(Ops tf, TfliteFile file) {
        this.tf = tf;
        this.file = file;
        int[] inShape = file.tensor(file.inputs()[0]).shape();
        this.fileBatch = inShape.length > 0 ? inShape[0] : 1;
    }

    /**
     * Adds the file's operators to {@code tf}'s graph with {@code input} in place of the file's (single) input
     * and returns the graph outputs by tensor index.
     */
    static Map<Integer, Operand<TFloat32>> build(Ops tf, TfliteFile file, Operand<TFloat32> input) throws IOException {
        TfliteGraphBuilder b = new TfliteGraphBuilder(tf, file);
        int[] ins = file.inputs();
        if (ins.length != 1) {
            throw new IOException("expected one input, found " + ins.length + ": " + file.file().toAbsolutePath());
        }
        b.values.put(ins[0], input);
        for (TensorInfo t : file.tensors()) {
            if (t.isConstant() && (t.type() == TensorType.FLOAT32 || t.type() == TensorType.FLOAT16)) {
                b.consts.put(t.index(), new Const(t.shape(), t.type(), t.data()));
            }
        }
        PreluFusion prelus = PreluFusion.find(file);
        for (Op op : file.ops()) {
            if (prelus.absorbed.contains(op.index())) {
                continue;
            }
            try {
                PreluFusion.Match prelu = prelus.roots.get(op.index());
                if (prelu != null) {
                    b.emitPrelu(op, prelu);
                } else {
                    b.emit(op);
                }
            } catch (RuntimeException e) {
                throw new IOException("cannot convert operator #" + op.index() + " " + op.codeName() + " of "
                        + file.file().toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        Map<Integer, Operand<TFloat32>> out = new HashMap<>();
        for (int o : file.outputs()) {
            out.put(o, b.floatValue(o));
        }
        return out;
    }

    private void emit(Op op) {
        int[] in = op.inputs();
        int out = op.outputs()[0];
        switch (op.code()) {
            case BuiltinOperator.DEQUANTIZE -> {
                Const c = consts.get(in[0]);
                if (c != null) {
                    consts.put(out, c); // stays a constant; cast happens when it is materialised
                } else {
                    values.put(out, tf.dtypes.cast(value(in[0]), TFloat32.class));
                }
            }
            case BuiltinOperator.CONV_2D -> {
                Conv2DOptions o = (Conv2DOptions) op.raw().builtinOptions(new Conv2DOptions());
                if (o.dilationHFactor() != 1 || o.dilationWFactor() != 1) {
                    throw new IllegalStateException("dilated convolution is not supported");
                }
                Operand<TFloat32> filter = constant(in[1], new int[] {1, 2, 3, 0}); // OHWI -> HWIO
                Operand<TFloat32> y = tf.nn.conv2d(floatValue(in[0]), filter,
                        List.of(1L, (long) o.strideH(), (long) o.strideW(), 1L), padding(o.padding()));
                put(out, activation(bias(y, in), o.fusedActivationFunction()));
            }
            case BuiltinOperator.DEPTHWISE_CONV_2D -> {
                DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) op.raw().builtinOptions(new DepthwiseConv2DOptions());
                if (o.dilationHFactor() != 1 || o.dilationWFactor() != 1) {
                    throw new IllegalStateException("dilated convolution is not supported");
                }
                int channels = shapeOf(in[0])[3];
                Const f = requireConst(in[1]);
                int m = f.shape()[3] / channels;
                // [1,H,W,C*M] holds, in order, c*M+m: a plain reshape to [H,W,C,M]
                Const hwcm = new Const(new int[] {f.shape()[1], f.shape()[2], channels, m}, f.type(), f.data());
                Operand<TFloat32> filter = materialise("dw" + in[1], hwcm);
                Operand<TFloat32> y = tf.nn.depthwiseConv2dNative(floatValue(in[0]), filter,
                        List.of(1L, (long) o.strideH(), (long) o.strideW(), 1L), padding(o.padding()));
                put(out, activation(bias(y, in), o.fusedActivationFunction()));
            }
            case BuiltinOperator.FULLY_CONNECTED -> {
                FullyConnectedOptions o = (FullyConnectedOptions) op.raw().builtinOptions(new FullyConnectedOptions());
                if (o.keepNumDims()) {
                    throw new IllegalStateException("keep_num_dims is not supported");
                }
                Const w = requireConst(in[1]);
                int inputs = w.shape()[1];
                Operand<TFloat32> x = tf.reshape(floatValue(in[0]), tf.constant(new int[] {-1, inputs}));
                Operand<TFloat32> y = tf.linalg.matMul(x, materialise("w" + in[1], w), MatMul.transposeB(true));
                put(out, activation(bias(y, in), o.fusedActivationFunction()));
            }
            case BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D -> {
                Pool2DOptions o = (Pool2DOptions) op.raw().builtinOptions(new Pool2DOptions());
                List<Long> k = List.of(1L, (long) o.filterHeight(), (long) o.filterWidth(), 1L);
                List<Long> s = List.of(1L, (long) o.strideH(), (long) o.strideW(), 1L);
                Operand<TFloat32> y = op.code() == BuiltinOperator.MAX_POOL_2D
                        ? maxPool(floatValue(in[0]), k, s, padding(o.padding()))
                        : tf.nn.avgPool(floatValue(in[0]), k, s, padding(o.padding()));
                put(out, activation(y, o.fusedActivationFunction()));
            }
            case BuiltinOperator.RELU -> put(out, tf.nn.relu(floatValue(in[0])));
            case BuiltinOperator.LEAKY_RELU -> {
                LeakyReluOptions o = (LeakyReluOptions) op.raw().builtinOptions(new LeakyReluOptions());
                put(out, tf.nn.leakyRelu(floatValue(in[0]), LeakyRelu.alpha(o.alpha())));
            }
            case BuiltinOperator.NEG -> put(out, tf.math.neg(floatValue(in[0])));
            case BuiltinOperator.ABS -> put(out, tf.math.abs(floatValue(in[0])));
            case BuiltinOperator.EXP -> put(out, tf.math.exp(floatValue(in[0])));
            case BuiltinOperator.ADD -> put(out, activation(tf.math.add(floatValue(in[0]), floatValue(in[1])),
                    fused(op)));
            case BuiltinOperator.SUB -> put(out, activation(tf.math.sub(floatValue(in[0]), floatValue(in[1])),
                    fused(op)));
            case BuiltinOperator.MUL -> put(out, activation(tf.math.mul(floatValue(in[0]), floatValue(in[1])),
                    fused(op)));
            case BuiltinOperator.DIV -> put(out, activation(tf.math.div(floatValue(in[0]), floatValue(in[1])),
                    fused(op)));
            case BuiltinOperator.REDUCE_MAX, BuiltinOperator.SUM -> {
                ReducerOptions o = (ReducerOptions) op.raw().builtinOptions(new ReducerOptions());
                Operand<TInt32> axes = tf.constant(file.tensor(in[1]).ints());
                put(out, op.code() == BuiltinOperator.SUM
                        ? tf.sum(floatValue(in[0]), axes, Sum.keepDims(o.keepDims()))
                        : tf.max(floatValue(in[0]), axes, Max.keepDims(o.keepDims())));
            }
            case BuiltinOperator.RESHAPE -> {
                int[] shape = file.tensor(in[1]).ints().clone();
                if (shape.length > 0 && shape[0] == fileBatch) {
                    shape[0] = -1;
                }
                values.put(out, tf.reshape(value(in[0]), tf.constant(shape)));
            }
            case BuiltinOperator.STRIDED_SLICE -> {
                StridedSliceOptions o = (StridedSliceOptions) op.raw().builtinOptions(new StridedSliceOptions());
                if (o.offset()) {
                    throw new IllegalStateException("strided slice with offset=true is not supported");
                }
                values.put(out, tf.stridedSlice(value(in[0]),
                        tf.constant(file.tensor(in[1]).ints()), tf.constant(file.tensor(in[2]).ints()),
                        tf.constant(file.tensor(in[3]).ints()),
                        StridedSlice.beginMask((long) o.beginMask()), StridedSlice.endMask((long) o.endMask()),
                        StridedSlice.ellipsisMask((long) o.ellipsisMask()),
                        StridedSlice.newAxisMask((long) o.newAxisMask()),
                        StridedSlice.shrinkAxisMask((long) o.shrinkAxisMask())));
            }
            case BuiltinOperator.GREATER_EQUAL -> values.put(out, tf.math.greaterEqual(floatValue(in[0]), floatValue(in[1])));
            case BuiltinOperator.LESS -> values.put(out, tf.math.less(floatValue(in[0]), floatValue(in[1])));
            case BuiltinOperator.CAST -> {
                byte to = file.tensor(out).type();
                if (to != TensorType.FLOAT32) {
                    throw new IllegalStateException("cast to " + TensorType.name(to) + " is not supported");
                }
                values.put(out, tf.dtypes.cast(value(in[0]), TFloat32.class));
            }
            case BuiltinOperator.CONCATENATION -> {
                ConcatenationOptions o = (ConcatenationOptions) op.raw().builtinOptions(new ConcatenationOptions());
                List<Operand<TFloat32>> parts = new ArrayList<>();
                for (int i : in) {
                    parts.add(floatValue(i));
                }
                put(out, activation(tf.concat(parts, tf.constant(o.axis())), o.fusedActivationFunction()));
            }
            default -> throw new IllegalStateException("operator " + op.codeName() + " is not supported");
        }
    }

    /**
     * {@code maximum(x, α·x)} when no slope exceeds 1, else {@code relu(x) + α·min(x, 0)}. (A 1×1 depthwise
     * convolution in place of the broadcast multiply was measured too: no faster.)
     */
    private void emitPrelu(Op add, PreluFusion.Match m) {
        Operand<TFloat32> x = floatValue(m.x());
        ByteBuffer bytes = ByteBuffer.allocate(4 * m.alpha().length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(m.alpha());
        Operand<TFloat32> alpha = materialise("prelu" + add.index(),
                new Const(m.alphaShape(), TensorType.FLOAT32, bytes.array()));
        put(add.outputs()[0], m.slopesAtMostOne()
                ? tf.math.maximum(x, tf.math.mul(alpha, x))
                : tf.math.add(tf.nn.relu(x), tf.math.mul(alpha, tf.math.minimum(x, tf.constant(0f)))));
    }

    /**
     * MaxPool with ksize and strides as attributes. TensorFlow Java's {@code nn.maxPool} makes MaxPoolV2, whose
     * sizes are tensors; oneDNN's graph rewrite takes only the plain op, and MTCNN detects 3–5 % faster with it
     * (same results to the last bit).
     */
    @SuppressWarnings("unchecked")
    private Operand<TFloat32> maxPool(Operand<TFloat32> x, List<Long> k, List<Long> s, String pad) {
        long[] ka = k.stream().mapToLong(Long::longValue).toArray();
        long[] sa = s.stream().mapToLong(Long::longValue).toArray();
        org.tensorflow.GraphOperation op = (org.tensorflow.GraphOperation) tf.scope().opBuilder("MaxPool", "MaxPool")
                .addInput(x.asOutput())
                .setAttr("ksize", ka)
                .setAttr("strides", sa)
                .setAttr("padding", pad)
                .build();
        return (Operand<TFloat32>) (Operand<?>) op.output(0);
    }

    private byte fused(Op op) {
        // ADD/SUB/MUL/DIV options all start with fused_activation_function (field 0).
        var t = op.raw().builtinOptions(new org.tensorflow.lite.schema.AddOptions());
        return t == null ? ActivationFunctionType.NONE : ((org.tensorflow.lite.schema.AddOptions) t).fusedActivationFunction();
    }

    private Operand<TFloat32> bias(Operand<TFloat32> y, int[] in) {
        if (in.length < 3 || in[2] < 0) {
            return y;
        }
        return tf.nn.biasAdd(y, constant(in[2], null));
    }

    private Operand<TFloat32> activation(Operand<TFloat32> y, byte fn) {
        return switch (fn) {
            case ActivationFunctionType.NONE -> y;
            case ActivationFunctionType.RELU -> tf.nn.relu(y);
            case ActivationFunctionType.RELU6 -> tf.nn.relu6(y);
            default -> throw new IllegalStateException("fused activation " + ActivationFunctionType.name(fn)
                    + " is not supported");
        };
    }

    private static String padding(byte p) {
        return switch (p) {
            case Padding.SAME -> "SAME";
            case Padding.VALID -> "VALID";
            default -> throw new IllegalStateException("padding " + p + " is not supported");
        };
    }

    private void put(int index, Operand<TFloat32> v) {
        values.put(index, v);
    }

    private int[] shapeOf(int index) {
        return file.tensor(index).shape();
    }

    private Const requireConst(int index) {
        Const c = consts.get(index);
        if (c == null) {
            throw new IllegalStateException("tensor " + file.tensor(index).name() + " must be a constant");
        }
        return c;
    }

    /** The constant {@code index}, its axes permuted by {@code perm} (null = as stored). */
    private Operand<TFloat32> constant(int index, int[] perm) {
        Const c = requireConst(index);
        String key = index + (perm == null ? "" : java.util.Arrays.toString(perm));
        if (perm == null) {
            return materialise(key, c);
        }
        return materialise(key, permute(c, perm));
    }

    private Operand<TFloat32> materialise(String key, Const c) {
        Operand<TFloat32> cached = materialised.get(key);
        if (cached != null) {
            return cached;
        }
        long[] dims = new long[c.shape().length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = c.shape()[i];
        }
        Operand<TFloat32> v;
        if (c.type() == TensorType.FLOAT16) {
            Operand<TFloat16> half = tf.constant(TFloat16.class, Shape.of(dims), DataBuffers.of(c.data(), true, false));
            v = tf.dtypes.cast(half, TFloat32.class);
        } else {
            v = tf.constant(TFloat32.class, Shape.of(dims), DataBuffers.of(c.data(), true, false));
        }
        materialised.put(key, v);
        return v;
    }

    /** Moves axis {@code perm[k]} of {@code c} to position k, on the raw bytes. */
    static Const permute(Const c, int[] perm) {
        int rank = c.shape().length;
        int[] src = c.shape();
        int[] dst = new int[rank];
        for (int k = 0; k < rank; k++) {
            dst[k] = src[perm[k]];
        }
        int[] srcStride = new int[rank];
        int s = 1;
        for (int k = rank - 1; k >= 0; k--) {
            srcStride[k] = s;
            s *= src[k];
        }
        int es = c.elementSize();
        byte[] out = new byte[c.data().length];
        int[] idx = new int[rank];
        for (int o = 0; o < s; o++) {
            int from = 0;
            for (int k = 0; k < rank; k++) {
                from += idx[k] * srcStride[perm[k]];
            }
            System.arraycopy(c.data(), from * es, out, o * es, es);
            for (int k = rank - 1; k >= 0; k--) {
                if (++idx[k] < dst[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return new Const(dst, c.type(), out);
    }

    private Operand<?> value(int index) {
        Operand<?> v = values.get(index);
        if (v != null) {
            return v;
        }
        if (consts.containsKey(index)) {
            return constant(index, null);
        }
        TensorInfo t = file.tensor(index);
        if (t.isConstant() && t.type() == TensorType.INT32) {
            return tf.constant(t.ints());
        }
        throw new IllegalStateException("tensor " + t + " is used before it is computed");
    }

    @SuppressWarnings("unchecked")
    private Operand<TFloat32> floatValue(int index) {
        Operand<?> v = value(index);
        if (v.type() == TFloat32.class) {
            return (Operand<TFloat32>) v;
        }
        if (v.type() == TBool.class) {
            throw new IllegalStateException("tensor " + file.tensor(index).name() + " is boolean where float is needed");
        }
        return tf.dtypes.cast((Operand<? extends TType>) v, TFloat32.class);
    }
}
