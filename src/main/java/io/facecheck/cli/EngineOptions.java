package io.facecheck.cli;

import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.FaceNetworks;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.models.Models;
import io.facecheck.models.TfThreads;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Map;

/** Options every engine command shares: which models, which networks, how many threads. */
final class EngineOptions {
    @Option(names = "--models", paramLabel = "DIR", descriptionKey = "help.engine.models")
    Path modelsDir;

    @Option(names = "--detector", paramLabel = "NAME", completionCandidates = Detectors.class,
            descriptionKey = "help.engine.detector")
    String detector;

    @Option(names = "--embedder", paramLabel = "NAME", completionCandidates = Embedders.class,
            descriptionKey = "help.engine.embedder")
    String embedder;

    /** The names of {@link FaceNetworks}, for --help and shell completion. */
    static final class Detectors implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FaceNetworks.detectorNames().iterator();
        }
    }

    static final class Embedders implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FaceNetworks.embedderNames().iterator();
        }
    }

    @Option(names = "--min-face", paramLabel = "PX", descriptionKey = "help.engine.min-face")
    Integer minFace;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "help.engine.threads")
    Integer threads;

    @Option(names = "--threshold", paramLabel = "D",
            descriptionKey = "help.engine.threshold")
    Double threshold;

    private Settings settings;

    Settings settings() {
        if (settings == null) {
            settings = SettingsLoader.load(Map.of());
        }
        return settings;
    }

    FaceEngine.Options options() {
        Settings.EngineSettings e = settings().engine();
        FaceEngine.Options o = FaceEngine.Options.defaults()
                .withModelsDir(modelsDir != null ? modelsDir : Models.defaultDir())
                .withDetector(detector != null ? detector : e.detector())
                .withEmbedder(embedder != null ? embedder : e.embedder());
        if (minFace != null) {
            if (minFace < 12) {
                throw CliException.of(ExitCodes.FAILURE, "cli.error.minFace", minFace);
            }
            o = o.withMinFace(minFace);
        }
        if (threads != null) {
            o = o.withThreads(TfThreads.intraOp(threads));
        }
        return o;
    }

    FaceEngine open() {
        return FaceEngine.open(options());
    }

    /** Loads a photo or fails the command with the loader's one-line reason. */
    static RgbImage load(ImageLoader loader, Path file) {
        try {
            return loader.load(file);
        } catch (ImageLoadException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
    }
}
