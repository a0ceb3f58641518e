package io.facecheck.models;

import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a graph as a SavedModel with one {@code serving_default} signature. */
public final class SavedModels {
    public static final String SIGNATURE = Signature.DEFAULT_KEY;
    public static final String TAG = SavedModelBundle.DEFAULT_TAG;

    private SavedModels() {
    }

    /**
     * Exports the graph behind {@code session} to {@code dir} (which must not hold another model).
     * Map iteration order is the signature order, so pass ordered maps for a stable file.
     */
    public static void export(Session session, Path dir, Map<String, ? extends Operand<?>> inputs,
                              Map<String, ? extends Operand<?>> outputs) throws IOException {
        Signature.Builder b = Signature.builder().key(SIGNATURE).methodName("tensorflow/serving/predict");
        inputs.forEach(b::input);
        outputs.forEach(b::output);
        Files.createDirectories(dir);
        SavedModelBundle.exporter(dir.toString())
                .withTags(TAG)
                .withFunction(SessionFunction.create(b.build(), session))
                .export();
    }
}
