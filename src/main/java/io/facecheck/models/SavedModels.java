package io.facecheck.models;

import com.google.protobuf.CodedOutputStream;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.proto.SavedModel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a graph as a SavedModel with one {@code serving_default} signature, byte for byte the same on every run
 * with the same graph and TensorFlow version: {@code saved_model.pb} is rewritten with protobuf's deterministic
 * serialization (map entries sorted by key; TensorFlow's exporter writes them in hash order). It holds no
 * timestamps.
 */
public final class SavedModels {
    public static final String SIGNATURE = Signature.DEFAULT_KEY;
    public static final String TAG = SavedModelBundle.DEFAULT_TAG;
    public static final String PB = "saved_model.pb";

    private SavedModels() {
    }

    /**
     * Exports the graph behind {@code session} to {@code dir} (which must not hold another model).
     * The file does not depend on the maps' iteration order (signature entries are sorted).
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
        rewriteDeterministically(dir.resolve(PB));
    }

    /** Re-serialises a {@code saved_model.pb} with sorted map entries, in place. */
    public static void rewriteDeterministically(Path pb) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(pb));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        model.writeTo(out);
        out.flush();
        Files.write(pb, bytes.toByteArray());
    }
}
