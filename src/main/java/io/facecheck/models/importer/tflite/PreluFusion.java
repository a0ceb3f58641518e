package io.facecheck.models.importer.tflite;

import io.facecheck.models.importer.tflite.TfliteFile.Op;
import io.facecheck.models.importer.tflite.TfliteFile.TensorInfo;
import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the PReLU activations the TFLite files spell out in plain ops, so the graph builder can emit each as one
 * {@code maximum(x, α·x)} (or {@code relu(x) + α·min(x, 0)}) instead of five or six element-wise passes:
 * <ul>
 *   <li>MTCNN: {@code relu(x) + a·(−relu(−x))}, i.e. α = a;</li>
 *   <li>MobileFaceNet: {@code relu(x) + m·(x − |x|)}, i.e. α = 2m.</li>
 * </ul>
 * Both forms and their replacement give bit-identical results: for x ≥ 0 every form yields x (the maximum form
 * needs α ≤ 1, negative slopes included); for x &lt; 0 the original rounds the real number α·x once (m·(2x) with 2x
 * exact), and so does α·x (2m exact). A pattern is only taken when none of its intermediate tensors is used
 * elsewhere.
 */
final class PreluFusion {

    /** One PReLU: {@code x} its input tensor, {@code alpha} the per-channel slope for negative inputs. */
    record Match(int x, float[] alpha, int[] alphaShape) {
        /** max(x, α·x) is exact for α ≤ 1, negative slopes included. */
        boolean slopesAtMostOne() {
            for (float a : alpha) {
                if (!(a <= 1)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final TfliteFile file;
    private final Map<Integer, Op> producer = new HashMap<>();
    private final Map<Integer, Integer> uses = new HashMap<>();
    /** ADD op index → the PReLU it completes. */
    final Map<Integer, Match> roots = new HashMap<>();
    /** Op indices absorbed into a PReLU (not emitted). */
    final Set<Integer> absorbed = new HashSet<>();

    private PreluFusion(TfliteFile file) {
        this.file = file;
        for (Op op : file.ops()) {
            for (int o : op.outputs()) {
                producer.put(o, op);
            }
            for (int i : op.inputs()) {
                if (i >= 0) {
                    uses.merge(i, 1, Integer::sum);
                }
            }
        }
        for (int o : file.outputs()) {
            uses.merge(o, 1, Integer::sum);
        }
    }

    static PreluFusion find(TfliteFile file) {
        PreluFusion f = new PreluFusion(file);
        for (Op op : file.ops()) {
            if (op.code() == BuiltinOperator.ADD && !fused(op)) {
                int[] in = op.inputs();
                if (!f.tryMatch(op, in[0], in[1])) {
                    f.tryMatch(op, in[1], in[0]);
                }
            }
        }
        return f;
    }

    private boolean tryMatch(Op add, int reluOut, int mulOut) {
        Op relu = single(reluOut, BuiltinOperator.RELU);
        Op mul = single(mulOut, BuiltinOperator.MUL);
        if (relu == null || mul == null || fused(mul)) {
            return false;
        }
        int x = relu.inputs()[0];
        int[] mi = mul.inputs();
        int c = constant(mi[0]) ? mi[0] : constant(mi[1]) ? mi[1] : -1;
        if (c < 0) {
            return false;
        }
        int t = c == mi[0] ? mi[1] : mi[0];
        Set<Integer> parts = new HashSet<>(Set.of(relu.index(), mul.index()));
        float scale;
        Op sub = single(t, BuiltinOperator.SUB);
        Op neg2 = single(t, BuiltinOperator.NEG);
        if (sub != null && !fused(sub) && sub.inputs()[0] == x) {
            // m·(x − |x|)
            Op abs = single(sub.inputs()[1], BuiltinOperator.ABS);
            if (abs == null || abs.inputs()[0] != x) {
                return false;
            }
            parts.add(sub.index());
            parts.add(abs.index());
            scale = 2;
        } else if (neg2 != null) {
            // a·(−relu(−x))
            Op relu2 = single(neg2.inputs()[0], BuiltinOperator.RELU);
            Op neg1 = relu2 == null ? null : single(relu2.inputs()[0], BuiltinOperator.NEG);
            if (neg1 == null || neg1.inputs()[0] != x) {
                return false;
            }
            parts.add(neg2.index());
            parts.add(relu2.index());
            parts.add(neg1.index());
            scale = 1;
        } else {
            return false;
        }
        TensorInfo ct = file.tensor(c);
        float[] alpha = ct.floats();
        for (int k = 0; k < alpha.length; k++) {
            alpha[k] *= scale; // times 2 is exact
        }
        roots.put(add.index(), new Match(x, alpha, ct.shape()));
        absorbed.addAll(parts);
        return true;
    }

    /** The op of {@code code} producing {@code tensor}, when that tensor has no other consumer. */
    private Op single(int tensor, int code) {
        Op p = producer.get(tensor);
        return p != null && p.code() == code && uses.getOrDefault(tensor, 0) == 1 ? p : null;
    }

    private boolean constant(int tensor) {
        TensorInfo t = file.tensor(tensor);
        return t.isConstant() && (t.type() == org.tensorflow.lite.schema.TensorType.FLOAT32
                || t.type() == org.tensorflow.lite.schema.TensorType.FLOAT16);
    }

    private static boolean fused(Op op) {
        // ADD/SUB/MUL options all start with fused_activation_function (field 0)
        var o = op.raw().builtinOptions(new AddOptions());
        return o != null && ((AddOptions) o).fusedActivationFunction() != ActivationFunctionType.NONE;
    }
}
