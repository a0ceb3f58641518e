package io.facecheck.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folder of shipped models and a cache of loaded ones: each network is loaded once per process and its
 * session shared by every caller.
 */
public final class Models implements AutoCloseable {
    public static final String REGENERATE_HINT =
            "restore it with 'git checkout -- models/' or regenerate it with 'models/import.sh'";
    /** System property and environment variable that point at the models folder. */
    public static final String DIR_PROPERTY = "facecheck.models";
    public static final String DIR_ENV = "FACECHECK_MODELS";

    private final Path dir;
    private final TfThreads threads;
    private final Map<String, TfModel> loaded = new ConcurrentHashMap<>();

    public Models(Path dir, TfThreads threads) {
        this.dir = dir;
        this.threads = threads;
    }

    /** The models folder: property, environment, ./models, or models/ beside the jar's folder. */
    public static Path defaultDir() {
        String p = System.getProperty(DIR_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(DIR_ENV);
        }
        if (p != null && !p.isBlank()) {
            return Paths.get(p);
        }
        Path cwd = Paths.get("models");
        if (Files.isDirectory(cwd)) {
            return cwd;
        }
        try {
            Path jar = Paths.get(Models.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = jar.getParent(); d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("models"))) {
                    return d.resolve("models");
                }
            }
        } catch (Exception ignored) {
            // fall through to the working-directory default
        }
        return cwd;
    }

    public Path dir() {
        return dir;
    }

    public Path dirOf(String name) {
        return dir.resolve(name);
    }

    public TfThreads threads() {
        return threads;
    }

    /** The loaded model {@code name}, loading it on first use. */
    public TfModel get(String name) {
        return loaded.computeIfAbsent(name, n -> TfModel.load(dirOf(n), threads));
    }

    @Override
    public void close() {
        loaded.values().forEach(TfModel::close);
        loaded.clear();
    }
}
