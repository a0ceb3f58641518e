package io.facecheck.models.importer.tflite;

import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first subgraph of a TFLite flatbuffer in plain Java values: tensors (with their constant data, if any)
 * and operators in execution order. Only what the importer needs; anything it cannot read is reported with the
 * file name.
 */
final class TfliteFile {

    /** One tensor; {@code data} is null for activations, little-endian raw bytes for constants. */
    record TensorInfo(int index, String name, int[] shape, byte type, byte[] data) {
        boolean isConstant() {
            return data != null;
        }

        int elements() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        /** Constant float32 values (or float16 decoded to float32). */
        float[] floats() {
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[elements()];
            if (type == TensorType.FLOAT32) {
                b.asFloatBuffer().get(out);
            } else if (type == TensorType.FLOAT16) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float16.toFloat(b.getShort(2 * i));
                }
            } else {
                throw new IllegalStateException("tensor " + name + " is " + TensorType.name(type) + ", not float");
            }
            return out;
        }

        /** Constant int32 values. */
        int[] ints() {
            if (type != TensorType.INT32) {
                throw new IllegalStateException("tensor " + name + " is " + TensorType.name(type) + ", not int32");
            }
            int[] out = new int[elements()];
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
            return out;
        }

        @Override
        public String toString() {
            return "#" + index + " " + name + " " + TensorType.name(type) + Arrays.toString(shape)
                    + (data == null ? "" : " const");
        }
    }

    /** One operator: builtin code, tensor indices (-1 = optional input absent) and the raw operator for options. */
    record Op(int index, int code, int[] inputs, int[] outputs, Operator raw) {
        String codeName() {
            return BuiltinOperator.name(code);
        }
    }

    private final Path file;
    private final List<TensorInfo> tensors;
    private final List<Op> ops;
    private final int[] inputs;
    private final int[] outputs;

    private TfliteFile(Path file, List<TensorInfo> tensors, List<Op> ops, int[] inputs, int[] outputs) {
        this.file = file;
        this.tensors = tensors;
        this.ops = ops;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    static TfliteFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8 || !Model.ModelBufferHasIdentifier(bb)) {
            throw new IOException("not a TFLite flatbuffer (identifier TFL3 missing): " + file.toAbsolutePath());
        }
        Model model = Model.getRootAsModel(bb);
        if (model.subgraphsLength() != 1) {
            throw new IOException("expected one subgraph, found " + model.subgraphsLength() + ": " + file.toAbsolutePath());
        }
        SubGraph g = model.subgraphs(0);
        List<TensorInfo> tensors = new ArrayList<>();
        for (int i = 0; i < g.tensorsLength(); i++) {
            Tensor t = g.tensors(i);
            int[] shape = new int[t.shapeLength()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = t.shape(d);
            }
            byte[] data = null;
            long bufIndex = t.buffer();
            if (bufIndex > 0 && bufIndex < model.buffersLength()) {
                Buffer buf = model.buffers((int) bufIndex);
                if (buf.dataLength() > 0) {
                    data = new byte[buf.dataLength()];
                    buf.dataAsByteBuffer().get(data);
                }
            }
            tensors.add(new TensorInfo(i, t.name(), shape, t.type(), data));
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < g.operatorsLength(); i++) {
            Operator o = g.operators(i);
            OperatorCode oc = model.operatorCodes((int) o.opcodeIndex());
            // Old converters fill only the deprecated byte; new ones both (builtin_code defaults to 0 = ADD).
            int code = Math.max(oc.deprecatedBuiltinCode(), oc.builtinCode());
            if (code == BuiltinOperator.CUSTOM) {
                throw new IOException("custom operator '" + oc.customCode() + "' is not supported: " + file.toAbsolutePath());
            }
            int[] in = new int[o.inputsLength()];
            for (int k = 0; k < in.length; k++) {
                in[k] = o.inputs(k);
            }
            int[] out = new int[o.outputsLength()];
            for (int k = 0; k < out.length; k++) {
                out[k] = o.outputs(k);
            }
            ops.add(new Op(i, code, in, out, o));
        }
        int[] gin = new int[g.inputsLength()];
        for (int k = 0; k < gin.length; k++) {
            gin[k] = g.inputs(k);
        }
        int[] gout = new int[g.outputsLength()];
        for (int k = 0; k < gout.length; k++) {
            gout[k] = g.outputs(k);
        }
        return new TfliteFile(file, List.copyOf(tensors), List.copyOf(ops), gin, gout);
    }

    Path file() {
        return file;
    }

    List<TensorInfo> tensors() {
        return tensors;
    }

    TensorInfo tensor(int index) {
        return tensors.get(index);
    }

    List<Op> ops() {
        return ops;
    }

    int[] inputs() {
        return inputs.clone();
    }

    int[] outputs() {
        return outputs.clone();
    }

    /** The graph output whose tensor is named {@code name}. */
    int outputNamed(String name) {
        for (int o : outputs) {
            if (tensors.get(o).name().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no output tensor named '" + name + "' in " + file.toAbsolutePath()
                + "; outputs are " + Arrays.stream(outputs).mapToObj(i -> tensors.get(i).name()).toList());
    }
}
