package io.facecheck.models.importer.tfjs;

import io.facecheck.models.ModelCard;
import io.facecheck.models.SavedModels;
import io.facecheck.models.TfLogging;
import io.facecheck.models.importer.ImportSupport;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes any TF.js graph model as a SavedModel: {@link TfjsGraphModel}'s GraphDef is imported into a fresh
 * {@link Graph} ({@code Graph.importGraphDef}), each signature output gets an {@code Identity} under the name
 * FaceCheck gives it, and the graph is exported with one {@code serving_default} signature (deterministic bytes,
 * {@link SavedModels#export}). The folder is built beside the target and swapped in only when complete.
 */
public final class TfjsGraphImporter {
    private TfjsGraphImporter() {
    }

    /** One signature input of the SavedModel: the TF.js signature key it replaces, its name and the scale applied. */
    public record Input(String tfjsKey, String name, float scale) {
    }

    /**
     * @param modelJson the TF.js {@code model.json} (shards beside it)
     * @param dir       the SavedModel folder to write (replaced)
     * @param input     the one input (pixels 0..255 scaled by {@code input.scale()} in the graph)
     * @param outputs   FaceCheck output name → TF.js signature output key
     * @param card      the card to write beside it (file hashes are added)
     */
    public static void write(Path modelJson, Path dir, Input input, Map<String, String> outputs, ModelCard card)
            throws IOException {
        TfjsGraphModel model = TfjsGraphModel.read(modelJson);
        var graphDef = model.graphDef(Map.of(input.tfjsKey(), new TfjsGraphModel.InputRewrite(input.name(), input.scale())));
        Path tmp = dir.resolveSibling("." + dir.getFileName() + ".importing");
        ImportSupport.clean(tmp);
        try {
            TfLogging.beforeFirstUse();
            try (Graph graph = new Graph(); Session session = new Session(graph)) {
                try {
                    graph.importGraphDef(graphDef);
                } catch (IllegalArgumentException e) {
                    throw new IOException(modelJson + ": TensorFlow does not take its graph: " + e.getMessage(), e);
                }
                Ops tf = Ops.create(graph);
                Map<String, Operand<?>> ins = new LinkedHashMap<>();
                ins.put(input.name(), graph.operationOrThrow(input.name()).output(0));
                Map<String, Operand<?>> outs = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : outputs.entrySet()) {
                    String tensor = model.outputs().get(e.getValue());
                    if (tensor == null) {
                        throw new IOException(modelJson + " has no output '" + e.getValue() + "'; its outputs: "
                                + model.outputs().keySet());
                    }
                    GraphOperation op = graph.operationOrThrow(TfjsGraphModel.nodeName(tensor));
                    int index = tensor.contains(":") ? Integer.parseInt(tensor.substring(tensor.lastIndexOf(':') + 1)) : 0;
                    Output<?> out = op.output(index);
                    outs.put(e.getKey(), tf.withName(e.getKey()).identity(out));
                }
                SavedModels.export(session, tmp, ins, outs);
            }
            ImportSupport.writeCard(tmp, card);
            ImportSupport.clean(dir);
            Files.move(tmp, dir);
        } finally {
            ImportSupport.clean(tmp);
        }
    }
}
