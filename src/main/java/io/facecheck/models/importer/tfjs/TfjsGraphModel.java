package io.facecheck.models.importer.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.facecheck.models.importer.faceapi.TfjsWeights;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.proto.VersionDef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A TF.js graph model ({@code model.json} of format {@code graph-model}: a TensorFlow GraphDef written as protobuf
 * JSON, its constants' values in the {@code .bin} shards of its {@code weightsManifest}) turned back into a binary
 * {@link GraphDef} that {@link org.tensorflow.Graph#importGraphDef} takes.
 * <ul>
 *   <li>Every node is copied with its attributes (the JSON mapping of {@code AttrValue}: {@code s} base64, {@code i}
 *       as decimal text, {@code type} as enum name, shapes, tensors, lists); {@code device} is dropped so the graph
 *       runs wherever it is loaded. Ops the converter fused ({@code _FusedConv2D}, {@code _FusedMatMul},
 *       {@code FusedDepthwiseConv2dNative}) are written out as the plain ops they stand for (convolution or product,
 *       {@code BiasAdd}, activation).</li>
 *   <li>A {@code Const} named in the manifest gets its value from the shards: float32 and int32 as stored; float16
 *       weights stay float16 (a {@code DT_HALF} constant {@code NAME/float16} and a {@code Cast} named {@code NAME}:
 *       what tfjs computes with, at the file's size); uint8/uint16-quantised weights become the float32 values tfjs
 *       decodes them to.</li>
 *   <li>Each input of the model's {@code signature} can be replaced ({@link #graphDef(Map)}): the placeholder becomes
 *       a new placeholder under another name followed by a multiplication by a constant, so the SavedModel takes
 *       pixels 0..255 and the graph applies the network's own scaling.</li>
 * </ul>
 */
public final class TfjsGraphModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path modelJson;
    private final JsonNode root;
    private final TfjsWeights weights;
    private final Map<String, String> inputs = new LinkedHashMap<>();
    private final Map<String, String> outputs = new LinkedHashMap<>();

    private TfjsGraphModel(Path modelJson, JsonNode root, TfjsWeights weights) throws IOException {
        this.modelJson = modelJson;
        this.root = root;
        this.weights = weights;
        JsonNode sig = root.path("signature");
        for (Iterator<Map.Entry<String, JsonNode>> it = sig.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            inputs.put(e.getKey(), nodeName(e.getValue().path("name").asText(e.getKey())));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sig.path("outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            outputs.put(e.getKey(), e.getValue().path("name").asText(e.getKey()));
        }
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IOException(modelJson + ": the model's signature names no inputs or no outputs");
        }
    }

    /** Reads {@code model.json} and the weight shards it names (beside it). */
    public static TfjsGraphModel read(Path modelJson) throws IOException {
        if (!Files.isRegularFile(modelJson)) {
            throw new NoSuchFileException(modelJson.toAbsolutePath().toString(), null, "TF.js model.json not found");
        }
        JsonNode root = JSON.readTree(modelJson.toFile());
        if (!"graph-model".equals(root.path("format").asText())) {
            throw new IOException(modelJson + " is not a TF.js graph model (format '" + root.path("format").asText()
                    + "', expected 'graph-model')");
        }
        if (!root.path("modelTopology").path("node").isArray()) {
            throw new IOException(modelJson + ": no modelTopology.node list");
        }
        if (root.path("modelTopology").has("library") && root.path("modelTopology").path("library").size() > 0) {
            throw new IOException(modelJson + ": graphs with a function library (control flow) are not supported");
        }
        return new TfjsGraphModel(modelJson, root, TfjsWeights.read(root.path("weightsManifest"), modelJson));
    }

    /** Signature input key → placeholder node name. */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** Signature output key → tensor name ({@code node:index}). */
    public Map<String, String> outputs() {
        return outputs;
    }

    public TfjsWeights weights() {
        return weights;
    }

    /** A replacement for one signature input: a placeholder {@code newName} whose values are multiplied by {@code scale}. */
    public record InputRewrite(String newName, float scale) {
    }

    /** The binary GraphDef, each signature input (by key) replaced as {@code rewrites} says (others kept). */
    public GraphDef graphDef(Map<String, InputRewrite> rewrites) throws IOException {
        Map<String, InputRewrite> byNode = new LinkedHashMap<>();
        for (Map.Entry<String, InputRewrite> e : rewrites.entrySet()) {
            String node = inputs.get(e.getKey());
            if (node == null) {
                throw new IOException(modelJson + " has no input '" + e.getKey() + "'; its inputs: " + inputs.keySet());
            }
            byNode.put(node, e.getValue());
        }
        JsonNode topo = root.path("modelTopology");
        GraphDef.Builder g = GraphDef.newBuilder();
        if (topo.has("versions")) {
            VersionDef.Builder v = VersionDef.newBuilder();
            v.setProducer(topo.path("versions").path("producer").asInt(0));
            v.setMinConsumer(topo.path("versions").path("minConsumer").asInt(0));
            g.setVersions(v);
        }
        for (JsonNode n : topo.path("node")) {
            String name = n.path("name").asText();
            String op = n.path("op").asText();
            if (name.isEmpty() || op.isEmpty()) {
                throw new IOException(modelJson + ": a node without name or op: " + n);
            }
            InputRewrite rw = byNode.get(name);
            if (rw != null) {
                if (!op.equals("Placeholder")) {
                    throw new IOException(modelJson + ": input " + name + " is a " + op + ", not a Placeholder");
                }
                NodeDef.Builder ph = node(n).setName(rw.newName());
                g.addNode(ph);
                g.addNode(NodeDef.newBuilder().setName(rw.newName() + "/scale").setOp("Const")
                        .putAttr("dtype", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                        .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder()
                                .setDtype(DataType.DT_FLOAT).setTensorShape(TensorShapeProto.getDefaultInstance())
                                .addFloatVal(rw.scale())).build()));
                g.addNode(NodeDef.newBuilder().setName(name).setOp("Mul")
                        .addInput(rw.newName()).addInput(rw.newName() + "/scale")
                        .putAttr("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build()));
                continue;
            }
            if (op.equals("Const") && weights.all().containsKey(name)) {
                addWeight(g, n, weights.get(name));
                continue;
            }
            if (FUSED.containsKey(op)) {
                unfuse(g, n);
                continue;
            }
            g.addNode(node(n));
        }
        return g.build();
    }

    /** The fused ops tfjs's converter writes (grappler's), and the plain op each starts with. */
    private static final Map<String, String> FUSED = Map.of(
            "_FusedConv2D", "Conv2D",
            "_FusedMatMul", "MatMul",
            "FusedDepthwiseConv2dNative", "DepthwiseConv2dNative");

    /** The attributes each plain op takes. */
    private static final Map<String, java.util.Set<String>> BASE_ATTRS = Map.of(
            "Conv2D", java.util.Set.of("T", "strides", "padding", "explicit_paddings", "data_format", "dilations",
                    "use_cudnn_on_gpu"),
            "MatMul", java.util.Set.of("T", "transpose_a", "transpose_b"),
            "DepthwiseConv2dNative", java.util.Set.of("T", "strides", "padding", "explicit_paddings", "data_format",
                    "dilations"));

    /**
     * A fused node written out as the plain ops it stands for: the convolution or product, then {@code BiasAdd},
     * then the activation; the last op carries the node's name, so its consumers are unchanged. (The fused ops as
     * tfjs writes them lack attributes TensorFlow requires, and the CPU kernels do not take every fusion tfjs makes,
     * e.g. Prelu.)
     */
    private void unfuse(GraphDef.Builder g, JsonNode n) throws IOException {
        String name = n.path("name").asText();
        String op = n.path("op").asText();
        String base = FUSED.get(op);
        JsonNode attrs = n.path("attr");
        java.util.List<String> fused = new java.util.ArrayList<>();
        for (JsonNode x : attrs.path("fused_ops").path("list").path("s")) {
            fused.add(new String(Base64.getDecoder().decode(x.asText()), java.nio.charset.StandardCharsets.UTF_8));
        }
        java.util.List<String> in = new java.util.ArrayList<>();
        for (JsonNode x : n.path("input")) {
            in.add(x.asText());
        }
        int numArgs = Integer.parseInt(attrs.path("num_args").path("i").asText("0"));
        if (in.size() != 2 + numArgs) {
            throw new IOException(modelJson + ": fused node " + name + " has " + in.size() + " inputs for num_args " + numArgs);
        }
        String where = name + ".fused_ops " + fused;
        String tType = attrs.path("T").path("type").asText("DT_FLOAT");
        AttrValue t = AttrValue.newBuilder().setType(type(tType, where)).build();
        java.util.List<String> steps = new java.util.ArrayList<>();
        steps.add(base);
        int arg = 2;
        for (String f : fused) {
            switch (f) {
                case "BiasAdd" -> steps.add("BiasAdd:" + in.get(arg++));
                case "Relu", "Relu6", "Elu", "Sigmoid", "Tanh" -> steps.add(f);
                case "LeakyRelu" -> steps.add("LeakyRelu");
                case "Prelu" -> steps.add("Prelu:" + in.get(arg++));
                default -> throw new IOException(modelJson + ": fused node " + name + " uses " + f
                        + ", which this importer cannot write out");
            }
        }
        if (arg != in.size()) {
            throw new IOException(modelJson + ": fused node " + name + " has arguments its fused ops " + fused + " do not use");
        }
        String prev = null;
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            boolean last = i == steps.size() - 1;
            String kind = step.contains(":") ? step.substring(0, step.indexOf(':')) : step;
            String out = last ? name : name + "/" + kind;
            if (i == 0) {
                NodeDef.Builder b = NodeDef.newBuilder().setName(out).setOp(base).addInput(in.get(0)).addInput(in.get(1));
                for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (BASE_ATTRS.get(base).contains(e.getKey())) {
                        b.putAttr(e.getKey(), attr(e.getValue(), name + "." + e.getKey()));
                    }
                }
                g.addNode(b);
            } else if (kind.equals("BiasAdd")) {
                NodeDef.Builder b = NodeDef.newBuilder().setName(out).setOp("BiasAdd").addInput(prev)
                        .addInput(step.substring(step.indexOf(':') + 1)).putAttr("T", t);
                if (attrs.has("data_format")) {
                    b.putAttr("data_format", attr(attrs.get("data_format"), name + ".data_format"));
                }
                g.addNode(b);
            } else if (kind.equals("LeakyRelu")) {
                float alpha = attrs.has("leakyrelu_alpha") ? floatOf(attrs.path("leakyrelu_alpha").path("f")) : 0.2f;
                g.addNode(NodeDef.newBuilder().setName(out).setOp("LeakyRelu").addInput(prev).putAttr("T", t)
                        .putAttr("alpha", AttrValue.newBuilder().setF(alpha).build()));
            } else if (kind.equals("Prelu")) {
                // prelu(x) = relu(x) - alpha * relu(-x)
                String alpha = step.substring(step.indexOf(':') + 1);
                g.addNode(NodeDef.newBuilder().setName(name + "/prelu_pos").setOp("Relu").addInput(prev).putAttr("T", t));
                g.addNode(NodeDef.newBuilder().setName(name + "/prelu_negx").setOp("Neg").addInput(prev).putAttr("T", t));
                g.addNode(NodeDef.newBuilder().setName(name + "/prelu_neg").setOp("Relu").addInput(name + "/prelu_negx").putAttr("T", t));
                g.addNode(NodeDef.newBuilder().setName(name + "/prelu_scaled").setOp("Mul").addInput(alpha)
                        .addInput(name + "/prelu_neg").putAttr("T", t));
                g.addNode(NodeDef.newBuilder().setName(out).setOp("Sub").addInput(name + "/prelu_pos")
                        .addInput(name + "/prelu_scaled").putAttr("T", t));
            } else {
                g.addNode(NodeDef.newBuilder().setName(out).setOp(kind).addInput(prev).putAttr("T", t));
            }
            prev = out;
        }
    }

    private NodeDef.Builder node(JsonNode n) throws IOException {
        NodeDef.Builder b = NodeDef.newBuilder().setName(n.path("name").asText()).setOp(n.path("op").asText());
        for (JsonNode in : n.path("input")) {
            b.addInput(in.asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("attr").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            b.putAttr(e.getKey(), attr(e.getValue(), n.path("name").asText() + "." + e.getKey()));
        }
        return b;
    }

    private void addWeight(GraphDef.Builder g, JsonNode n, TfjsWeights.Weight w) throws IOException {
        String name = w.name();
        TensorShapeProto shape = shape(w.shape());
        switch (w.storage()) {
            case FLOAT16 -> {
                ByteBuffer buf = ByteBuffer.allocate(2 * w.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (short s : w.halfBits()) {
                    buf.putShort(s);
                }
                g.addNode(constNode(name + "/float16", DataType.DT_HALF, shape, buf.array()));
                g.addNode(NodeDef.newBuilder().setName(name).setOp("Cast").addInput(name + "/float16")
                        .putAttr("SrcT", AttrValue.newBuilder().setType(DataType.DT_HALF).build())
                        .putAttr("DstT", AttrValue.newBuilder().setType(DataType.DT_FLOAT).build())
                        .putAttr("Truncate", AttrValue.newBuilder().setB(false).build()));
            }
            case INT32 -> {
                ByteBuffer buf = ByteBuffer.allocate(4 * w.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (int v : w.ints()) {
                    buf.putInt(v);
                }
                g.addNode(constNode(name, DataType.DT_INT32, shape, buf.array()));
            }
            default -> {
                String declared = n.path("attr").path("dtype").path("type").asText("DT_FLOAT");
                if (!declared.equals("DT_FLOAT")) {
                    throw new IOException(modelJson + ": constant " + name + " is " + declared
                            + " in the graph but stored as " + w.storage() + " in the weights");
                }
                float[] v = weights.floats(name);
                ByteBuffer buf = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : v) {
                    buf.putFloat(f);
                }
                g.addNode(constNode(name, DataType.DT_FLOAT, shape, buf.array()));
            }
        }
    }

    private static NodeDef constNode(String name, DataType type, TensorShapeProto shape, byte[] content) {
        return NodeDef.newBuilder().setName(name).setOp("Const")
                .putAttr("dtype", AttrValue.newBuilder().setType(type).build())
                .putAttr("value", AttrValue.newBuilder().setTensor(TensorProto.newBuilder().setDtype(type)
                        .setTensorShape(shape).setTensorContent(ByteString.copyFrom(content))).build())
                .build();
    }

    private static TensorShapeProto shape(long[] dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) {
            s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        }
        return s.build();
    }

    private AttrValue attr(JsonNode v, String where) throws IOException {
        AttrValue.Builder b = AttrValue.newBuilder();
        if (v.has("s")) {
            b.setS(ByteString.copyFrom(Base64.getDecoder().decode(v.get("s").asText())));
        } else if (v.has("i")) {
            b.setI(Long.parseLong(v.get("i").asText()));
        } else if (v.has("f")) {
            b.setF(floatOf(v.get("f")));
        } else if (v.has("b")) {
            b.setB(v.get("b").asBoolean());
        } else if (v.has("type")) {
            b.setType(type(v.get("type").asText(), where));
        } else if (v.has("shape")) {
            b.setShape(shape(v.get("shape")));
        } else if (v.has("tensor")) {
            b.setTensor(tensor(v.get("tensor"), where));
        } else if (v.has("list")) {
            JsonNode l = v.get("list");
            AttrValue.ListValue.Builder lb = AttrValue.ListValue.newBuilder();
            for (JsonNode x : l.path("s")) {
                lb.addS(ByteString.copyFrom(Base64.getDecoder().decode(x.asText())));
            }
            for (JsonNode x : l.path("i")) {
                lb.addI(Long.parseLong(x.asText()));
            }
            for (JsonNode x : l.path("f")) {
                lb.addF(floatOf(x));
            }
            for (JsonNode x : l.path("b")) {
                lb.addB(x.asBoolean());
            }
            for (JsonNode x : l.path("type")) {
                lb.addType(type(x.asText(), where));
            }
            for (JsonNode x : l.path("shape")) {
                lb.addShape(shape(x));
            }
            for (JsonNode x : l.path("tensor")) {
                lb.addTensor(tensor(x, where));
            }
            for (Iterator<String> it = l.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!java.util.Set.of("s", "i", "f", "b", "type", "shape", "tensor").contains(k)) {
                    throw new IOException(modelJson + ": attribute " + where + " has an unsupported list of " + k);
                }
            }
            b.setList(lb);
        } else if (v.has("placeholder")) {
            b.setPlaceholder(v.get("placeholder").asText());
        } else {
            throw new IOException(modelJson + ": attribute " + where + " has an unsupported value " + v);
        }
        return b.build();
    }

    private static float floatOf(JsonNode x) {
        if (x.isNumber()) {
            return x.floatValue();
        }
        return switch (x.asText()) {
            case "NaN" -> Float.NaN;
            case "Infinity" -> Float.POSITIVE_INFINITY;
            case "-Infinity" -> Float.NEGATIVE_INFINITY;
            default -> Float.parseFloat(x.asText());
        };
    }

    private DataType type(String name, String where) throws IOException {
        try {
            return DataType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IOException(modelJson + ": attribute " + where + " has an unknown data type " + name);
        }
    }

    private static TensorShapeProto shape(JsonNode s) {
        TensorShapeProto.Builder b = TensorShapeProto.newBuilder();
        for (JsonNode d : s.path("dim")) {
            b.addDim(TensorShapeProto.Dim.newBuilder().setSize(Long.parseLong(d.path("size").asText("0"))));
        }
        if (s.path("unknownRank").asBoolean(false)) {
            b.setUnknownRank(true);
        }
        return b.build();
    }

    /** An inline tensor value (a constant the converter did not move into the weights). */
    private TensorProto tensor(JsonNode t, String where) throws IOException {
        TensorProto.Builder b = TensorProto.newBuilder();
        b.setDtype(type(t.path("dtype").asText("DT_INVALID"), where));
        if (t.has("tensorShape")) {
            b.setTensorShape(shape(t.get("tensorShape")));
        }
        if (t.has("tensorContent")) {
            b.setTensorContent(ByteString.copyFrom(Base64.getDecoder().decode(t.get("tensorContent").asText())));
        }
        for (JsonNode x : t.path("floatVal")) {
            b.addFloatVal(floatOf(x));
        }
        for (JsonNode x : t.path("doubleVal")) {
            b.addDoubleVal(x.isNumber() ? x.doubleValue() : Double.parseDouble(x.asText()));
        }
        for (JsonNode x : t.path("intVal")) {
            b.addIntVal(Integer.parseInt(x.asText()));
        }
        for (JsonNode x : t.path("int64Val")) {
            b.addInt64Val(Long.parseLong(x.asText()));
        }
        for (JsonNode x : t.path("boolVal")) {
            b.addBoolVal(x.asBoolean());
        }
        for (JsonNode x : t.path("halfVal")) {
            b.addHalfVal(Integer.parseInt(x.asText()));
        }
        for (JsonNode x : t.path("stringVal")) {
            b.addStringVal(ByteString.copyFrom(Base64.getDecoder().decode(x.asText())));
        }
        return b.build();
    }

    static String nodeName(String tensorName) {
        int colon = tensorName.lastIndexOf(':');
        return colon > 0 ? tensorName.substring(0, colon) : tensorName;
    }
}
