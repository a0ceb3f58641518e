package io.facecheck.cli;

import io.facecheck.attendance.LivenessTests;
import io.facecheck.camera.CameraException;
import io.facecheck.camera.FrameSource;
import io.facecheck.camera.FrameSources;
import io.facecheck.camera.VideoFrame;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.RgbImage;
import io.facecheck.face.liveness.LandmarkReader;
import io.facecheck.face.liveness.LivenessVerdict;
import io.facecheck.face.liveness.PassiveLiveness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck liveness SOURCE [--seconds S] [--json]}: the passive liveness verdict (plane test over the
 * 68 landmarks, exact frame repeats) on the largest face of a video, a folder of frames or a camera.
 */
@Command(name = "liveness", mixinStandardHelpOptions = true)
final class LivenessCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SOURCE", descriptionKey = "help.liveness.source")
    String source;

    @Option(names = "--seconds", paramLabel = "S",
            descriptionKey = "help.liveness.seconds")
    Double seconds;

    @Option(names = "--json", descriptionKey = "help.liveness.json")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        FrameSource src;
        try {
            src = FrameSources.parse(source);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
        if (seconds != null && !(seconds > 0)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.liveness.seconds", seconds);
        }
        double limit = seconds != null ? seconds : src.live() ? 5 : Double.POSITIVE_INFINITY;
        PassiveLiveness passive = new PassiveLiveness(LivenessTests.of(engineOptions.settings().liveness()));
        int read = 0;
        int withFace = 0;
        double elapsed = 0;
        try (FaceEngine engine = engineOptions.open(); src) {
            LandmarkReader reader = new LandmarkReader(engine.models());
            try {
                src.open();
            } catch (CameraException e) {
                throw CliException.of(ExitCodes.FAILURE, e);
            }
            long firstNanos = -1;
            while (true) {
                VideoFrame f;
                try {
                    f = src.read();
                } catch (CameraException e) {
                    throw CliException.of(ExitCodes.FAILURE, e);
                }
                if (f == null) {
                    break;
                }
                // recorded sources: their own frame rate is the clock; cameras: the capture time
                long nanos = src.live() ? f.capturedNanos() : Math.round(read * 1e9 / src.frameRate());
                if (firstNanos < 0) {
                    firstNanos = nanos;
                }
                elapsed = (nanos - firstNanos) / 1e9;
                if (elapsed > limit) {
                    break;
                }
                read++;
                RgbImage img = f.toRgbImage();
                DetectedFace face = engine.detector().detect(img).stream()
                        .max(Comparator.comparingDouble(d -> d.box().area())).orElse(null);
                if (face != null) {
                    withFace++;
                    passive.add(reader.read(nanos, img, face));
                }
            }
        }
        if (read == 0) {
            throw CliException.of(ExitCodes.FAILURE, "cli.liveness.noFrames", source);
        }
        if (withFace == 0) {
            throw CliException.of(ExitCodes.NO_FACE, "cli.liveness.noFace", source, read);
        }
        LivenessVerdict v = passive.verdict();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("source", src.describe());
            doc.put("verdict", v.verdict().id());
            doc.put("score", v.score());
            doc.put("frames", v.frames());
            doc.put("reasons", v.reasons());
            doc.put("framesRead", read);
            doc.put("framesWithFace", withFace);
            doc.put("nonPlanarity", v.nonPlanarity());
            doc.put("planarFrames", v.planarFrames());
            doc.put("cuts", v.cuts());
            Json.print(doc);
        } else {
            // frames with a face of all read, not v.frames(): that counts only since the last cut
            // the verdict and its reasons are codes (live, spoof, ...), the same as in the JSON
            CliMessages.out("cli.liveness.result", src.describe(), v.verdict().id(), v.score(), withFace, read,
                    v.cuts(), String.join(", ", v.reasons()));
        }
        return ExitCodes.OK;
    }
}
