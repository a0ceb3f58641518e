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
    /**
     * Models whose session is run from two threads at once (MTCNN shares each stage between two cores). They get
     * {@link TfThreads#interOp()} concurrent runs; every other session gets one, which TensorFlow then executes on
     * the caller's thread — measurably faster for a network of many small ops such as MobileFaceNet.
     */
    private static final java.util.Set<String> CALLED_CONCURRENTLY =
            java.util.Set.of(ModelNames.PNET, ModelNames.RNET, ModelNames.ONET);

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
        Path jar = null;
        try {
            jar = Paths.get(Models.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception ignored) {
            // no code source: the working-directory default
        }
        return defaultDir(Paths.get("models"), jar);
    }

    /**
     * The models folder: {@code cwdModels} ("models" in the working directory) if it is FaceCheck's (run from a
     * clone) — any other folder of that name (the user's own) must not shadow the installed models — else the
     * nearest FaceCheck models folder above the jar (an installation), else {@code cwdModels}.
     */
    static Path defaultDir(Path cwdModels, Path jar) {
        if (isOurs(cwdModels)) {
            return cwdModels;
        }
        for (Path d = jar == null ? null : jar.getParent(); d != null; d = d.getParent()) {
            if (isOurs(d.resolve("models"))) {
                return d.resolve("models");
            }
        }
        return cwdModels;
    }

    /** Whether {@code d} is a FaceCheck models folder: its index or the default embedder is in it. */
    private static boolean isOurs(Path d) {
        return Files.isRegularFile(d.resolve("MODELS.md")) || Files.isDirectory(d.resolve(ModelNames.MOBILEFACENET));
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
        return loaded.computeIfAbsent(name, n -> TfModel.load(dirOf(n),
                CALLED_CONCURRENTLY.contains(n) ? threads : new TfThreads(threads.intraOp(), 1)));
    }

    @Override
    public void close() {
        loaded.values().forEach(TfModel::close);
        loaded.clear();
    }
}
