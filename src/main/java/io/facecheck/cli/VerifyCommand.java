package io.facecheck.cli;

import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.match.Vectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code facecheck verify IMG1 IMG2}: are these the same person? (1:1, the largest face of each). */
@Command(name = "verify", mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG1", descriptionKey = "help.verify.img1")
    Path first;

    @Parameters(index = "1", paramLabel = "IMG2", descriptionKey = "help.verify.img2")
    Path second;

    @Option(names = "--json", descriptionKey = "help.verify.json")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        ImageLoader loader = new ImageLoader();
        RgbImage a = EngineOptions.load(loader, first);
        RgbImage b = EngineOptions.load(loader, second);
        try (FaceEngine engine = engineOptions.open()) {
            List<Face> fa = engine.analyzeLargest(a, true);
            List<Face> fb = engine.analyzeLargest(b, true);
            double t = engineOptions.threshold != null ? engineOptions.threshold : engine.embedder().threshold();
            if (fa.isEmpty() || fb.isEmpty()) {
                if (json) {
                    // a script reading stdout gets its answer too, not only the exit code
                    Json.print(doc(null, t, null, fa.size(), fb.size(), engine, "no_face"));
                }
                throw fa.isEmpty() && fb.isEmpty() ? CliException.of(ExitCodes.NO_FACE, "cli.verify.noFaceInEither", first, second)
                        : CliException.of(ExitCodes.NO_FACE, "cli.error.noFace", fa.isEmpty() ? first : second);
            }
            double d = Vectors.squaredDistance(fa.get(0).embedding(), fb.get(0).embedding());
            boolean same = d < t;
            if (json) {
                Json.print(doc(d, t, same, fa.size(), fb.size(), engine, null));
            } else {
                CliMessages.out(same ? "cli.verify.same" : "cli.verify.different",
                        String.format(Locale.ROOT, "%.4f", d), String.format(Locale.ROOT, "%.4f", t),
                        engine.detector().name(), engine.embedder().name());
                CliMessages.out("cli.verify.faces", fa.size(), first, fb.size(), second);
            }
        }
        return ExitCodes.OK;
    }

    /** The --json answer; {@code reason} says why there is no distance ({@code no_face}), null when compared. */
    private static Map<String, Object> doc(Double distance, double threshold, Boolean same, int facesInFirst,
                                           int facesInSecond, FaceEngine engine, String reason) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("distance", distance);
        doc.put("threshold", threshold);
        doc.put("same", same);
        doc.put("facesInFirst", facesInFirst);
        doc.put("facesInSecond", facesInSecond);
        doc.put("detector", engine.detector().name());
        doc.put("embedder", engine.embedder().name());
        doc.put("reason", reason);
        return doc;
    }
}
