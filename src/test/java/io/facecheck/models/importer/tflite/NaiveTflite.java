package io.facecheck.models.importer.tflite;

import io.facecheck.models.importer.tflite.TfliteFile.Op;
import io.facecheck.models.importer.tflite.TfliteFile.TensorInfo;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.LeakyReluOptions;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.StridedSliceOptions;
import org.tensorflow.lite.schema.TensorType;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A deliberately plain interpreter of the TFLite operators the five expo networks use, written from the TFLite
 * operator semantics and working directly on the file's own layouts (OHWI filters, [1,H,W,C*M] depthwise filters,
 * [out,in] dense weights, float16 constants decoded with {@link Float16}). Loops over every output element;
 * slow, but independent of TensorFlow, which is the point.
 */
final class NaiveTflite {

    /** A dense float tensor, row-major. */
    record T(int[] shape, float[] d) {
        int size() {
            return d.length;
        }

        int dim(int i) {
            return shape[i];
        }
    }

    private final TfliteFile file;

    NaiveTflite(TfliteFile file) {
        this.file = file;
    }

    /** Runs the graph on {@code input} (any batch/spatial size the ops allow) and returns every output tensor. */
    Map<Integer, T> run(T input) {
        Map<Integer, T> v = new HashMap<>();
        v.put(file.inputs()[0], input);
        for (Op op : file.ops()) {
            T out = eval(op, v);
            v.put(op.outputs()[0], out);
        }
        Map<Integer, T> outs = new HashMap<>();
        for (int o : file.outputs()) {
            outs.put(o, v.get(o));
        }
        return outs;
    }

    private T get(Map<Integer, T> v, int index) {
        T t = v.get(index);
        if (t != null) {
            return t;
        }
        TensorInfo info = file.tensor(index);
        if (!info.isConstant()) {
            throw new IllegalStateException("tensor not computed: " + info);
        }
        float[] d;
        if (info.type() == TensorType.INT32) {
            int[] ints = info.ints();
            d = new float[ints.length];
            for (int i = 0; i < ints.length; i++) {
                d[i] = ints[i];
            }
        } else {
            d = info.floats();
        }
        T c = new T(info.shape(), d);
        v.put(index, c);
        return c;
    }

    private T eval(Op op, Map<Integer, T> v) {
        int[] in = op.inputs();
        return switch (op.code()) {
            case BuiltinOperator.DEQUANTIZE -> get(v, in[0]); // float16 constants were decoded by get()
            case BuiltinOperator.CONV_2D -> {
                Conv2DOptions o = (Conv2DOptions) op.raw().builtinOptions(new Conv2DOptions());
                yield act(conv(get(v, in[0]), get(v, in[1]), in.length > 2 && in[2] >= 0 ? get(v, in[2]) : null,
                        o.strideH(), o.strideW(), o.padding(), false), o.fusedActivationFunction());
            }
            case BuiltinOperator.DEPTHWISE_CONV_2D -> {
                DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) op.raw().builtinOptions(new DepthwiseConv2DOptions());
                yield act(conv(get(v, in[0]), get(v, in[1]), in.length > 2 && in[2] >= 0 ? get(v, in[2]) : null,
                        o.strideH(), o.strideW(), o.padding(), true), o.fusedActivationFunction());
            }
            case BuiltinOperator.FULLY_CONNECTED -> {
                T x = get(v, in[0]);
                T w = get(v, in[1]);
                T b = in.length > 2 && in[2] >= 0 ? get(v, in[2]) : null;
                int outs = w.dim(0);
                int ins = w.dim(1);
                int rows = x.size() / ins;
                float[] y = new float[rows * outs];
                for (int r = 0; r < rows; r++) {
                    for (int o = 0; o < outs; o++) {
                        double s = b == null ? 0 : b.d()[o];
                        for (int i = 0; i < ins; i++) {
                            s += (double) x.d()[r * ins + i] * w.d()[o * ins + i];
                        }
                        y[r * outs + o] = (float) s;
                    }
                }
                yield new T(new int[] {rows, outs}, y);
            }
            case BuiltinOperator.MAX_POOL_2D, BuiltinOperator.AVERAGE_POOL_2D -> {
                Pool2DOptions o = (Pool2DOptions) op.raw().builtinOptions(new Pool2DOptions());
                yield act(pool(get(v, in[0]), o, op.code() == BuiltinOperator.MAX_POOL_2D), o.fusedActivationFunction());
            }
            case BuiltinOperator.RELU -> map(get(v, in[0]), x -> Math.max(x, 0f));
            case BuiltinOperator.LEAKY_RELU -> {
                float a = ((LeakyReluOptions) op.raw().builtinOptions(new LeakyReluOptions())).alpha();
                yield map(get(v, in[0]), x -> x >= 0 ? x : a * x);
            }
            case BuiltinOperator.NEG -> map(get(v, in[0]), x -> -x);
            case BuiltinOperator.ABS -> map(get(v, in[0]), Math::abs);
            case BuiltinOperator.EXP -> map(get(v, in[0]), x -> (float) Math.exp(x));
            case BuiltinOperator.ADD -> act(zip(get(v, in[0]), get(v, in[1]), Float::sum), fused(op));
            case BuiltinOperator.SUB -> act(zip(get(v, in[0]), get(v, in[1]), (a, b) -> a - b), fused(op));
            case BuiltinOperator.MUL -> act(zip(get(v, in[0]), get(v, in[1]), (a, b) -> a * b), fused(op));
            case BuiltinOperator.DIV -> act(zip(get(v, in[0]), get(v, in[1]), (a, b) -> a / b), fused(op));
            case BuiltinOperator.GREATER_EQUAL -> zip(get(v, in[0]), get(v, in[1]), (a, b) -> a >= b ? 1f : 0f);
            case BuiltinOperator.LESS -> zip(get(v, in[0]), get(v, in[1]), (a, b) -> a < b ? 1f : 0f);
            case BuiltinOperator.CAST -> get(v, in[0]); // booleans are already 0/1 floats here
            case BuiltinOperator.REDUCE_MAX, BuiltinOperator.SUM -> {
                ReducerOptions o = (ReducerOptions) op.raw().builtinOptions(new ReducerOptions());
                yield reduceLast(get(v, in[0]), get(v, in[1]), o.keepDims(), op.code() == BuiltinOperator.SUM);
            }
            case BuiltinOperator.RESHAPE -> {
                T x = get(v, in[0]);
                int[] s = toInts(get(v, in[1]));
                // the file's fixed batch is whatever it was converted with; keep ours
                int known = 1;
                int free = -1;
                if (s[0] > 0 && Arrays.stream(s).reduce(1, (p, q) -> p * q) != x.size()) {
                    s[0] = -1;
                }
                for (int i = 0; i < s.length; i++) {
                    if (s[i] < 0) {
                        free = i;
                    } else {
                        known *= s[i];
                    }
                }
                if (free >= 0) {
                    s[free] = x.size() / known;
                }
                yield new T(s, x.d());
            }
            case BuiltinOperator.STRIDED_SLICE -> stridedSlice(get(v, in[0]), toInts(get(v, in[1])), toInts(get(v, in[2])),
                    toInts(get(v, in[3])), (StridedSliceOptions) op.raw().builtinOptions(new StridedSliceOptions()));
            case BuiltinOperator.CONCATENATION -> {
                ConcatenationOptions o = (ConcatenationOptions) op.raw().builtinOptions(new ConcatenationOptions());
                T[] parts = new T[in.length];
                for (int i = 0; i < in.length; i++) {
                    parts[i] = get(v, in[i]);
                }
                yield act(concat(parts, o.axis()), o.fusedActivationFunction());
            }
            default -> throw new IllegalStateException("naive interpreter lacks " + op.codeName());
        };
    }

    private static byte fused(Op op) {
        AddOptions o = (AddOptions) op.raw().builtinOptions(new AddOptions());
        return o == null ? ActivationFunctionType.NONE : o.fusedActivationFunction();
    }

    private static T act(T t, byte fn) {
        return switch (fn) {
            case ActivationFunctionType.NONE -> t;
            case ActivationFunctionType.RELU -> map(t, x -> Math.max(0f, x));
            case ActivationFunctionType.RELU6 -> map(t, x -> Math.min(6f, Math.max(0f, x)));
            default -> throw new IllegalStateException("activation " + fn);
        };
    }

    /** Output size and leading padding of one spatial axis, as TFLite computes them. */
    private static int[] outAndPad(int in, int k, int stride, byte padding) {
        if (padding == Padding.SAME) {
            int out = (in + stride - 1) / stride;
            int total = Math.max((out - 1) * stride + k - in, 0);
            return new int[] {out, total / 2};
        }
        return new int[] {(in - k) / stride + 1, 0};
    }

    private static T conv(T x, T f, T bias, int sh, int sw, byte padding, boolean depthwise) {
        int n = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3);
        int kh = f.dim(1), kw = f.dim(2);
        int oc = depthwise ? f.dim(3) : f.dim(0);
        int mult = depthwise ? oc / c : 0;
        int[] hp = outAndPad(h, kh, sh, padding);
        int[] wp = outAndPad(w, kw, sw, padding);
        int oh = hp[0], ow = wp[0];
        float[] y = new float[n * oh * ow * oc];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int o = 0; o < oc; o++) {
                        double s = bias == null ? 0 : bias.d()[o];
                        for (int di = 0; di < kh; di++) {
                            int yi = i * sh - hp[1] + di;
                            if (yi < 0 || yi >= h) {
                                continue;
                            }
                            for (int dj = 0; dj < kw; dj++) {
                                int xj = j * sw - wp[1] + dj;
                                if (xj < 0 || xj >= w) {
                                    continue;
                                }
                                int base = ((b * h + yi) * w + xj) * c;
                                if (depthwise) {
                                    int ic = o / mult;
                                    s += (double) x.d()[base + ic] * f.d()[(di * kw + dj) * oc + o];
                                } else {
                                    int fb = ((o * kh + di) * kw + dj) * c;
                                    for (int ic = 0; ic < c; ic++) {
                                        s += (double) x.d()[base + ic] * f.d()[fb + ic];
                                    }
                                }
                            }
                        }
                        y[((b * oh + i) * ow + j) * oc + o] = (float) s;
                    }
                }
            }
        }
        return new T(new int[] {n, oh, ow, oc}, y);
    }

    private static T pool(T x, Pool2DOptions o, boolean max) {
        int n = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3);
        int[] hp = outAndPad(h, o.filterHeight(), o.strideH(), o.padding());
        int[] wp = outAndPad(w, o.filterWidth(), o.strideW(), o.padding());
        float[] y = new float[n * hp[0] * wp[0] * c];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < hp[0]; i++) {
                for (int j = 0; j < wp[0]; j++) {
                    for (int ch = 0; ch < c; ch++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int count = 0;
                        for (int di = 0; di < o.filterHeight(); di++) {
                            int yi = i * o.strideH() - hp[1] + di;
                            for (int dj = 0; dj < o.filterWidth(); dj++) {
                                int xj = j * o.strideW() - wp[1] + dj;
                                if (yi < 0 || yi >= h || xj < 0 || xj >= w) {
                                    continue;
                                }
                                float val = x.d()[((b * h + yi) * w + xj) * c + ch];
                                acc = max ? Math.max(acc, val) : acc + val;
                                count++;
                            }
                        }
                        y[((b * hp[0] + i) * wp[0] + j) * c + ch] = (float) (max ? acc : acc / count);
                    }
                }
            }
        }
        return new T(new int[] {n, hp[0], wp[0], c}, y);
    }

    interface F1 {
        float f(float x);
    }

    interface F2 {
        float f(float a, float b);
    }

    private static T map(T t, F1 f) {
        float[] y = new float[t.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = f.f(t.d()[i]);
        }
        return new T(t.shape(), y);
    }

    /** Elementwise with numpy broadcasting. */
    private static T zip(T a, T b, F2 f) {
        int rank = Math.max(a.shape().length, b.shape().length);
        int[] as = pad(a.shape(), rank), bs = pad(b.shape(), rank), os = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (as[i] != bs[i] && as[i] != 1 && bs[i] != 1) {
                throw new IllegalStateException("shapes do not broadcast: " + Arrays.toString(a.shape()) + " "
                        + Arrays.toString(b.shape()));
            }
            os[i] = Math.max(as[i], bs[i]);
        }
        int total = 1;
        for (int d : os) {
            total *= d;
        }
        float[] y = new float[total];
        int[] idx = new int[rank];
        for (int k = 0; k < total; k++) {
            int ai = 0, bi = 0;
            for (int i = 0; i < rank; i++) {
                ai = ai * as[i] + (as[i] == 1 ? 0 : idx[i]);
                bi = bi * bs[i] + (bs[i] == 1 ? 0 : idx[i]);
            }
            y[k] = f.f(a.d()[ai], b.d()[bi]);
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < os[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return new T(os, y);
    }

    private static int[] pad(int[] s, int rank) {
        int[] p = new int[rank];
        Arrays.fill(p, 1);
        System.arraycopy(s, 0, p, rank - s.length, s.length);
        return p;
    }

    /** Reduction over the last axis only (all the networks need). */
    private static T reduceLast(T x, T axes, boolean keepDims, boolean sum) {
        int rank = x.shape().length;
        int axis = (int) axes.d()[0];
        if (axes.size() != 1 || (axis != rank - 1 && axis != -1)) {
            throw new IllegalStateException("naive interpreter reduces the last axis only");
        }
        int last = x.dim(rank - 1);
        int rows = x.size() / last;
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            double acc = sum ? 0 : Double.NEGATIVE_INFINITY;
            for (int i = 0; i < last; i++) {
                float val = x.d()[r * last + i];
                acc = sum ? acc + val : Math.max(acc, val);
            }
            y[r] = (float) acc;
        }
        int[] s = keepDims ? x.shape().clone() : Arrays.copyOf(x.shape(), rank - 1);
        if (keepDims) {
            s[rank - 1] = 1;
        }
        return new T(s, y);
    }

    private static int[] toInts(T t) {
        int[] r = new int[t.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) t.d()[i];
        }
        return r;
    }

    private static T stridedSlice(T x, int[] begin, int[] end, int[] strides, StridedSliceOptions o) {
        if (o.ellipsisMask() != 0 || o.newAxisMask() != 0) {
            throw new IllegalStateException("naive interpreter: ellipsis/new-axis masks unsupported");
        }
        int rank = x.shape().length;
        int[] b = new int[rank], e = new int[rank], st = new int[rank], len = new int[rank];
        for (int i = 0; i < rank; i++) {
            int dim = x.dim(i);
            st[i] = i < strides.length ? strides[i] : 1;
            if (st[i] <= 0) {
                throw new IllegalStateException("naive interpreter: negative strides unsupported");
            }
            int bi = i < begin.length ? begin[i] : 0;
            int ei = i < end.length ? end[i] : dim;
            if ((o.beginMask() >> i & 1) != 0 || i >= begin.length) {
                bi = 0;
            }
            if ((o.endMask() >> i & 1) != 0 || i >= end.length) {
                ei = dim;
            }
            if (bi < 0) {
                bi += dim;
            }
            if (ei < 0) {
                ei += dim;
            }
            bi = Math.max(0, Math.min(dim, bi));
            ei = Math.max(0, Math.min(dim, ei));
            if ((o.shrinkAxisMask() >> i & 1) != 0) {
                ei = bi + 1;
            }
            b[i] = bi;
            e[i] = ei;
            len[i] = Math.max(0, (ei - bi + st[i] - 1) / st[i]);
        }
        int total = 1;
        for (int l : len) {
            total *= l;
        }
        float[] y = new float[total];
        int[] idx = new int[rank];
        for (int k = 0; k < total; k++) {
            int src = 0;
            for (int i = 0; i < rank; i++) {
                src = src * x.dim(i) + b[i] + idx[i] * st[i];
            }
            y[k] = x.d()[src];
            for (int i = rank - 1; i >= 0; i--) {
                if (++idx[i] < len[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        int[] shape = Arrays.stream(java.util.stream.IntStream.range(0, rank)
                .filter(i -> (o.shrinkAxisMask() >> i & 1) == 0).map(i -> len[i]).toArray()).toArray();
        return new T(shape, y);
    }

    private static T concat(T[] parts, int axis) {
        int rank = parts[0].shape().length;
        if (axis < 0) {
            axis += rank;
        }
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= parts[0].dim(i);
        }
        int[] shape = parts[0].shape().clone();
        shape[axis] = 0;
        int[] inner = new int[parts.length];
        for (int p = 0; p < parts.length; p++) {
            shape[axis] += parts[p].dim(axis);
            inner[p] = parts[p].size() / outer;
        }
        float[] y = new float[Arrays.stream(inner).sum() * outer];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (int p = 0; p < parts.length; p++) {
                System.arraycopy(parts[p].d(), o * inner[p], y, pos, inner[p]);
                pos += inner[p];
            }
        }
        return new T(shape, y);
    }
}
