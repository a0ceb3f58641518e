package io.facecheck.cli;

import io.facecheck.face.Face;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.RgbImage;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.app.OpenMode;
import io.facecheck.store.Employee;
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

/** {@code facecheck identify IMG [--json]}: who is the largest face, against the enrolled gallery. */
@Command(name = "identify", mixinStandardHelpOptions = true)
final class IdentifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IMG", descriptionKey = "help.identify.img")
    Path photo;

    @Option(names = "--json", descriptionKey = "help.identify.json")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        RgbImage image = EngineOptions.load(new ImageLoader(), photo);
        try (AttendanceContext ctx = AttendanceContext.open(store, engineOptions, OpenMode.EXISTING)) {
            List<Face> faces = ctx.engine.analyzeLargest(image, true);
            if (faces.isEmpty()) {
                if (json) {
                    // a script reading stdout gets its answer too, not only the exit code
                    Json.print(doc(null, null, null, null, "no_face", null, 0));
                }
                throw CliException.of(ExitCodes.NO_FACE, "cli.error.noFace", photo);
            }
            OpenSetDecision.Verdict v = ctx.decision.identify(ctx.gallery.gallery(), faces.get(0).embedding());
            String code = v.identity().orElse(null);
            String name = code == null ? null
                    : ctx.backend.employees().find(code).map(Employee::name).orElse(null);
            Double distance = v.best().map(m -> m.distance()).orElse(null);
            Double margin = Double.isFinite(v.margin()) ? v.margin() : null;
            if (json) {
                Json.print(doc(code, name, distance, margin, v.reason().code(),
                        v.best().map(m -> m.identity()).orElse(null), faces.size()));
            } else if (code != null) {
                // the figures as a script reads them, whatever the language
                CliMessages.out("cli.identify.match", code, name, String.format(Locale.ROOT, "%.4f", distance),
                        margin == null ? "-" : String.format(Locale.ROOT, "%.4f", margin));
            } else {
                if (distance == null) {
                    CliMessages.out("cli.identify.unknown", v.reason().code());
                } else {
                    CliMessages.out("cli.identify.unknownNearest", v.reason().code(), v.best().get().identity(),
                            String.format(Locale.ROOT, "%.4f", distance));
                }
            }
            System.out.flush();
            return ExitCodes.OK;
        }
    }

    private static Map<String, Object> doc(String code, String name, Double distance, Double margin, String reason,
                                           String nearest, int faces) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("identity", code);
        doc.put("name", name);
        doc.put("distance", distance);
        doc.put("margin", margin);
        doc.put("reason", reason);
        doc.put("nearest", nearest);
        doc.put("faces", faces);
        return doc;
    }
}
