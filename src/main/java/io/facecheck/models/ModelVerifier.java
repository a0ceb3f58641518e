package io.facecheck.models;

import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one model folder: the card is readable, every file matches the SHA-256 on the card (hashed afresh, see
 * {@link ModelIntegrity}), the SavedModel loads and one inference on a grey image gives finite outputs of the shapes
 * the card promises.
 */
public final class ModelVerifier {

    /** Outcome for one model; {@code problem} is null when it is fine. */
    public record Check(String name, boolean ok, String problem, long millis, int outputs) {
    }

    private final Path modelsDir;

    public ModelVerifier(Path modelsDir) {
        this.modelsDir = modelsDir;
    }

    public List<Check> verifyAll(List<String> names) {
        List<Check> out = new ArrayList<>();
        for (String n : names) {
            out.add(verify(n));
        }
        return out;
    }

    public Check verify(String name) {
        long t0 = System.nanoTime();
        Path dir = modelsDir.resolve(name);
        try {
            if (!Files.isDirectory(dir)) {
                return fail(name, "folder missing: " + dir.toAbsolutePath() + " — " + Models.REGENERATE_HINT, t0);
            }
            Path cardFile = dir.resolve(ModelCard.FILE_NAME);
            if (!Files.isRegularFile(cardFile)) {
                return fail(name, "model card missing: " + cardFile.toAbsolutePath() + " — " + Models.REGENERATE_HINT, t0);
            }
            // always hashed: this is the explicit check, whatever the start-up cache says
            ModelIntegrity.check(dir, ModelCard.read(cardFile), VerifiedHashes.shared(), false);
            try (TfModel model = TfModel.load(dir, TfThreads.DEFAULT)) {
                int outputs = smokeRun(model);
                return new Check(name, true, null, (System.nanoTime() - t0) / 1_000_000, outputs);
            }
        } catch (IOException | RuntimeException e) {
            return fail(name, e.getMessage(), t0);
        }
    }

    /** Runs one grey image of the card's input shape (dynamic sizes become 64) and checks the outputs. */
    private static int smokeRun(TfModel model) {
        ModelCard card = model.card();
        long[] dims = card.input().shape().stream().mapToLong(Long::longValue).toArray();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                dims[i] = i == 0 ? 1 : 64;
            }
        }
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(dims))) {
            in.scalars().forEach(s -> s.setFloat(128f));
            try (Result r = model.run(in)) {
                for (ModelCard.Tensor o : card.outputs()) {
                    Tensor t = r.get(o.name()).orElseThrow(
                            () -> new ModelException("output '" + o.name() + "' missing from " + model.dir()));
                    if (t instanceof TFloat32 f) {
                        f.scalars().forEach(s -> {
                            if (!Float.isFinite(s.getFloat())) {
                                throw new ModelException("output '" + o.name() + "' of " + model.dir() + " is not finite");
                            }
                        });
                    }
                }
                return r.size();
            }
        }
    }

    private static Check fail(String name, String problem, long t0) {
        return new Check(name, false, problem, (System.nanoTime() - t0) / 1_000_000, 0);
    }
}
