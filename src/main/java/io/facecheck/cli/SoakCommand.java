package io.facecheck.cli;

import io.facecheck.attendance.CheckInStation;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.FrameSource;
import io.facecheck.camera.FrameSources;
import io.facecheck.camera.PlaybackRate;
import io.facecheck.config.LivenessMode;
import io.facecheck.eval.ProcessProbe;
import io.facecheck.eval.SoakChart;
import io.facecheck.eval.SoakLog;
import io.facecheck.eval.SoakSample;
import io.facecheck.eval.SoakVerdict;
import io.facecheck.app.OpenMode;
import io.facecheck.store.StoreException;
import io.facecheck.ui.kiosk.HeadlessKiosk;
import io.facecheck.ui.kiosk.RecognitionAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facecheck soak --camera file:VIDEO (--frames N | --minutes M | --hours H) [--enrol CODE=PATH] [--out DIR]}:
 * the kiosk's own camera and inference threads ({@link HeadlessKiosk}) and check-in station (tracking, liveness
 * {@code passive} by default, check-ins committed to a real store) run over a looping clip as fast as the machine
 * goes, while the process's RSS, heap, threads and descriptors are sampled into a CSV and a plot. Ends with the
 * verdict of {@link SoakVerdict}; exit 1 on a clear leak.
 */
@Command(name = "soak", mixinStandardHelpOptions = true)
final class SoakCommand implements Callable<Integer> {
    @Option(names = "--camera", paramLabel = "SPEC", descriptionKey = "help.soak.camera")
    String camera;

    @Option(names = "--frames", paramLabel = "N", descriptionKey = "help.soak.frames")
    Long frames;

    @Option(names = "--minutes", paramLabel = "M", descriptionKey = "help.soak.minutes")
    Double minutes;

    @Option(names = "--hours", paramLabel = "H", descriptionKey = "help.soak.hours")
    Double hours;

    @Option(names = "--sample-seconds", paramLabel = "S", descriptionKey = "help.soak.sample-seconds")
    Integer sampleSeconds;

    @Option(names = "--feed-fps", paramLabel = "F", defaultValue = "100", descriptionKey = "help.soak.feed-fps")
    double feedFps;

    @Option(names = "--enrol", paramLabel = "CODE=PATH", descriptionKey = "help.soak.enrol")
    List<String> enrol = new ArrayList<>();

    @Option(names = "--liveness", paramLabel = "MODE", defaultValue = "passive",
            descriptionKey = "help.soak.liveness")
    String liveness;

    @Option(names = "--kiosk", paramLabel = "ID", defaultValue = "soak", descriptionKey = "help.soak.kiosk")
    String kiosk;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "soak",
            descriptionKey = "help.soak.out")
    Path out;

    @Option(names = "--report", paramLabel = "CSV", descriptionKey = "help.soak.report")
    Path report;

    @Option(names = "--json", descriptionKey = "help.soak.json")
    boolean json;

    @Mixin
    StoreOptions store;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        if (report != null) {
            return reportOnly();
        }
        FrameSource source = source();
        double limitSeconds = limitSeconds();
        int every = sampleSeconds != null ? sampleSeconds : limitSeconds < 1800 ? 10 : 60;
        if (every < 1) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.badSample", every);
        }
        if (LivenessMode.parse(liveness) == null) {
            throw CliException.of(ExitCodes.FAILURE, "cli.checkin.badLiveness", liveness);
        }
        Map<String, Path> people = enrolments();
        Files.createDirectories(out);
        store.override("checkin.liveness", liveness);
        if (!people.isEmpty() && store.db == null) {
            // a throwaway database and key of its own: the run never touches the configured people or events
            store.override("database.url", "jdbc:h2:file:" + out.resolve("db").resolve("facecheck").toAbsolutePath());
            if (store.keyFile == null) {
                store.override("security.key-file", out.resolve("facecheck.key").toAbsolutePath().toString());
            }
        }
        Path csv = out.resolve("soak.csv");
        Path png = out.resolve("soak.png");
        List<SoakSample> samples;
        long errors;
        try (AttendanceContext ctx = people.isEmpty() ? AttendanceContext.openForKiosk(store, engineOptions)
                : AttendanceContext.open(store, engineOptions, OpenMode.CREATE)) {
            for (Map.Entry<String, Path> p : people.entrySet()) {
                enrol(ctx, p.getKey(), p.getValue());
            }
            CheckInStation station = ctx.attendance.station(kiosk, Clock.system(ctx.settings.checkIn().zone()));
            RecognitionAnalyzer analyzer = RecognitionAnalyzer.of(ctx.attendance, station);
            CliMessages.warn("cli.soak.started", source.describe(), csv.toAbsolutePath(), every);
            try (SoakLog log = new SoakLog(csv);
                 HeadlessKiosk k = HeadlessKiosk.start(source, FrameCapture.Options.DEFAULT, analyzer)) {
                run(k, log, png, limitSeconds, every);
                samples = log.samples();
                errors = k.errors();
                if (k.frames() == 0) {
                    throw CliException.of(ExitCodes.FAILURE, "cli.soak.noFrames", source.describe());
                }
                if (errors > 0) {
                    CliMessages.warn("cli.soak.errors", errors, k.lastError());
                }
            }
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
        return verdict(samples, png, errors);
    }

    /** Samples every {@code every} seconds (and once at the end) until a limit is reached. */
    private void run(HeadlessKiosk k, SoakLog log, Path png, double limitSeconds, int every) throws IOException {
        long t0 = System.nanoTime();
        long nextSample = t0;
        while (true) {
            long now = System.nanoTime();
            double elapsed = (now - t0) / 1e9;
            boolean done = elapsed >= limitSeconds || (frames != null && k.frames() >= frames) || !k.capturing();
            if (now >= nextSample || done) {
                SoakSample s = ProcessProbe.sample(elapsed, k.frames(), k.checkIns());
                log.add(s);
                SoakChart.write(log.samples(), title(), png);
                CliMessages.warn("cli.soak.progress", String.format(Locale.ROOT, "%.0f", elapsed), s.frames(),
                        s.checkIns(), String.format(Locale.ROOT, "%.0f", s.rssMb()),
                        String.format(Locale.ROOT, "%.0f", s.heapMb()), s.threads(), s.fds());
                nextSample += every * 1_000_000_000L;
            }
            if (done) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(200, (nextSample - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String title() {
        return "facecheck soak: " + camera + ", liveness " + liveness;
    }

    private int reportOnly() throws IOException {
        if (!Files.isRegularFile(report)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.noCsv", report);
        }
        List<SoakSample> samples = SoakLog.read(report);
        Path png = report.resolveSibling("soak.png");
        SoakChart.write(samples, "facecheck soak: " + report.getFileName(), png);
        return verdict(samples, png, 0);
    }

    private int verdict(List<SoakSample> samples, Path png, long errors) throws IOException {
        SoakVerdict v;
        try {
            v = SoakVerdict.of(samples);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.tooShort", e.getMessage());
        }
        SoakSample last = samples.get(samples.size() - 1);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("seconds", round(last.seconds()));
        doc.put("frames", last.frames());
        doc.put("framesPerSecond", round(last.seconds() > 0 ? last.frames() / last.seconds() : 0));
        doc.put("checkIns", last.checkIns());
        doc.put("analysisErrors", errors);
        doc.put("warmupSeconds", round(v.warmupSeconds()));
        doc.put("samplesAfterWarmup", v.samples());
        doc.put("rssStartMb", round(v.rssStartMb()));
        doc.put("rssGrowthMb", round(v.rssGrowthMb()));
        doc.put("rssGrowthPercent", round(v.rssGrowthPercent()));
        doc.put("rssMbPerHour", round(v.rssMbPerHour()));
        doc.put("threads", Map.of("min", v.threadsMin(), "max", v.threadsMax(), "growth", round(v.threadsGrowth())));
        doc.put("fds", Map.of("min", v.fdsMin(), "max", v.fdsMax(), "growth", round(v.fdsGrowth())));
        doc.put("leak", v.leak());
        doc.put("meetsTarget", v.meetsTarget());
        doc.put("findings", v.findings());
        doc.put("csv", png.resolveSibling("soak.csv").toAbsolutePath().toString());
        doc.put("plot", png.toAbsolutePath().toString());
        Files.writeString(png.resolveSibling("verdict.json"), Json.text(doc));
        if (json) {
            Json.print(doc);
        } else {
            CliMessages.out("cli.soak.run", round(last.seconds() / 60), last.frames(), doc.get("framesPerSecond"),
                    last.checkIns());
            CliMessages.out("cli.soak.rss", (int) v.warmupSeconds(), round(v.rssStartMb()), round(v.rssGrowthMb()),
                    round(v.rssGrowthPercent()), round(v.rssMbPerHour()));
            CliMessages.out(v.threadsGrowth() < 1 ? "cli.soak.threadsConstant" : "cli.soak.threadsChanging",
                    v.threadsMin(), v.threadsMax(), round(v.threadsGrowth()));
            CliMessages.out(v.fdsGrowth() < 1 ? "cli.soak.fdsConstant" : "cli.soak.fdsChanging", v.fdsMin(),
                    v.fdsMax(), round(v.fdsGrowth()));
            CliMessages.out(v.leak() ? "cli.soak.leak" : v.meetsTarget() ? "cli.soak.target" : "cli.soak.noLeak",
                    String.join("; ", v.findings()));
            CliMessages.out("cli.soak.files", png.resolveSibling("soak.csv").toAbsolutePath(), png.toAbsolutePath());
        }
        return v.leak() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private FrameSource source() {
        if (camera == null) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.noCamera", FrameSources.FORMS);
        }
        try {
            FrameSource s = FrameSources.parse(camera);
            return s.live() ? s : PlaybackRate.of(s, feedFps);
        } catch (IllegalArgumentException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
    }

    /** The time limit in seconds, or infinity with {@code --frames} alone. */
    private double limitSeconds() {
        if (frames == null && minutes == null && hours == null) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.noLimit");
        }
        if ((frames != null && frames < 1) || (minutes != null && !(minutes > 0)) || (hours != null && !(hours > 0))) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.badLimit");
        }
        double limit = Double.POSITIVE_INFINITY;
        if (minutes != null) {
            limit = Math.min(limit, minutes * 60);
        }
        if (hours != null) {
            limit = Math.min(limit, hours * 3600);
        }
        return limit;
    }

    private Map<String, Path> enrolments() {
        Map<String, Path> people = new LinkedHashMap<>();
        for (String e : enrol) {
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw CliException.of(ExitCodes.FAILURE, "cli.soak.badEnrol", e);
            }
            Path p = Path.of(e.substring(eq + 1));
            if (!Files.exists(p)) {
                throw CliException.of(ExitCodes.FAILURE, "cli.soak.noEnrolPath", p, e.substring(0, eq));
            }
            people.put(e.substring(0, eq), p);
        }
        return people;
    }

    /** Enrols {@code code} from a photo, a folder of photos or frames of a video; fails the command if refused. */
    private void enrol(AttendanceContext ctx, String code, Path path) throws IOException {
        List<Path> photos;
        if (Files.isDirectory(path)) {
            photos = PhotoFiles.list(path);
        } else if (VideoStills.isVideo(path)) {
            photos = VideoStills.write(path, out.resolve("enrol").resolve(code));
        } else {
            photos = List.of(path);
        }
        EnrollmentService.Result r = ctx.enrollment().enroll(code, code, "soak", photos,
                EnrollmentService.Options.defaults("soak"));
        if (!r.enrolled()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.soak.enrolFailed", code, path, r);
        }
        CliMessages.warn("cli.soak.enrolled", code, r.added(), path);
    }
}
