package io.facecheck.cli;

import io.facecheck.app.StoreBench;
import io.facecheck.config.Messages;
import io.facecheck.config.ConfigException;
import io.facecheck.config.Settings;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoadException;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.LivenessScorer;
import io.facecheck.face.RgbImage;
import io.facecheck.face.track.FaceTracker;
import io.facecheck.match.Gallery;
import io.facecheck.match.Vectors;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code facecheck bench}: median and p90 milliseconds per stage on this machine. Speed is measured here, never
 * asserted in tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {
    static final Path DEFAULT_IMAGES = Path.of("src", "test", "resources", "lfw10");

    @Option(names = "--images", paramLabel = "DIR",
            descriptionKey = "help.bench.images")
    Path images;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "30", descriptionKey = "help.bench.iterations")
    int iterations;

    @Option(names = "--json", descriptionKey = "help.bench.json")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--gallery-db", paramLabel = "URL", descriptionKey = "help.bench.gallery-db")
    List<String> galleryDbs = new ArrayList<>();

    @Option(names = "--gallery-templates", paramLabel = "N", defaultValue = "100000",
            descriptionKey = "help.bench.gallery-templates")
    int galleryTemplates;

    @Option(names = "--timesheet", descriptionKey = "help.bench.timesheet")
    boolean timesheet;

    @Option(names = "--greeting", descriptionKey = "help.bench.greeting")
    boolean greeting;

    @Option(names = "--greeting-clip", paramLabel = "VIDEO", descriptionKey = "help.bench.greeting-clip")
    Path greetingClip;

    @Option(names = "--greeting-enrol", paramLabel = "VIDEO", descriptionKey = "help.bench.greeting-enrol")
    Path greetingEnrol;

    @Option(names = "--api", descriptionKey = "help.bench.api")
    boolean api;

    @Option(names = "--api-clients", paramLabel = "N", defaultValue = "50",
            descriptionKey = "help.bench.api-clients")
    int apiClients;

    @Option(names = "--api-seconds", paramLabel = "S", defaultValue = "30",
            descriptionKey = "help.bench.api-seconds")
    int apiSeconds;

    /** One stage's timings. */
    record Stat(double medianMs, double p90Ms) {
        static Stat of(double[] ms) {
            double[] s = ms.clone();
            Arrays.sort(s);
            return new Stat(percentile(s, 0.5), percentile(s, 0.9));
        }

        private static double percentile(double[] sorted, double p) {
            double pos = p * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(sorted.length - 1, lo + 1);
            double v = sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
            return Math.round(v * 1000) / 1000.0;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (timesheet) {
            checkGalleryOptions();
            return timesheetOnly();
        }
        if (greeting) {
            return greetingOnly();
        }
        if (api) {
            checkGalleryOptions();
            return apiOnly();
        }
        Path dir = images != null ? images : DEFAULT_IMAGES;
        if (!Files.isDirectory(dir)) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.noFolder", dir.toAbsolutePath());
        }
        if (iterations < 3) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.iterations");
        }
        checkGalleryOptions();
        List<byte[]> files = readImages(dir);
        ImageLoader loader = new ImageLoader();
        Map<String, Stat> stages = new LinkedHashMap<>();
        Map<String, Object> threads = new LinkedHashMap<>();
        Stat endToEnd;
        Stat endToEndTracked;
        Map<String, Double> cpu = new LinkedHashMap<>();
        int galleryDimension;
        try (FaceEngine engine = engineOptions.open()) {
            engine.warmUp();
            stages.put("decode", time(iterations, i -> decode(loader, files.get(i % files.size()))));
            RgbImage frame = null;
            DetectedFace face = null;
            for (byte[] f : files) {
                RgbImage candidate = frame640x480(decode(loader, f));
                List<Face> found = engine.analyze(candidate, false);
                if (!found.isEmpty() && (frame == null || found.size() == 1)) {
                    frame = candidate;
                    face = found.get(0).detection(); // the largest
                    if (found.size() == 1) {
                        break;
                    }
                }
            }
            if (frame == null) {
                throw CliException.of(ExitCodes.NO_FACE, "cli.bench.noFace", dir);
            }
            RgbImage f0 = frame;
            DetectedFace face0 = face;
            stages.put("detect", time(iterations, i -> engine.detector().detect(f0)));
            stages.put("align", time(iterations, i -> engine.embedder().align(f0, face0)));
            RgbImage crop = engine.embedder().align(frame, face);
            stages.put("embed", time(iterations, i -> engine.embedder().embed(List.of(crop))));
            List<RgbImage> eight = java.util.Collections.nCopies(8, crop);
            Stat batch = time(iterations, i -> engine.embedder().embed(eight));
            stages.put("embedBatch8PerFace", new Stat(batch.medianMs() / 8, batch.p90Ms() / 8));
            LivenessScorer liveness = new LivenessScorer(engine.models());
            stages.put("liveness", time(Math.max(3, iterations / 3), i -> liveness.score(f0, face0)));

            float[] query = engine.embedder().embed(List.of(crop))[0];
            // the whole frame first, against the 1k gallery: timed after the 100k gallery, the collector
            // reclaiming its 77 MB competes for the second core the detector uses
            Gallery g1k = randomGallery(engine.embedder().dimension(), 1_000);
            Run fullFrame = i -> {
                for (Face f : engine.analyzeLargest(f0)) { // the kiosk's path
                    if (f.embedded()) {
                        g1k.search(f.embedding(), 5);
                    }
                }
            };
            endToEnd = time(iterations, fullFrame);
            // tracked: the kiosk between full detections; the first frame is detected in full, every later one is
            // followed by the detector's last stage alone (a detector that cannot track detects every frame)
            FaceTracker tracker = new FaceTracker(engine.detector(), new FaceTracker.Settings(Integer.MAX_VALUE,
                    FaceTracker.Settings.DEFAULTS.minIou()));
            tracker.next(f0);
            stages.put("track", time(iterations, i -> tracker.next(f0)));
            Run trackedFrame = i -> {
                List<DetectedFace> found = new ArrayList<>();
                for (FaceTracker.Tracked t : tracker.next(f0).faces()) {
                    found.add(t.face());
                }
                for (Face f : engine.analyzeFirst(f0, found, false)) { // the kiosk's tracked path
                    if (f.embedded()) {
                        g1k.search(f.embedding(), 5);
                    }
                }
            };
            endToEndTracked = time(iterations, trackedFrame);
            // three times the runs: the process CPU clock may tick in 10 ms steps
            cpu.put("endToEnd", cpuPerRun(3 * iterations, fullFrame));
            cpu.put("endToEndTracked", cpuPerRun(3 * iterations, trackedFrame));
            int gThreads = g1k.searchThreads();
            stages.put("match1k", time(iterations, i -> g1k.search(query, 5)));
            for (int n : new int[] {10_000, 100_000}) {
                Gallery g = randomGallery(engine.embedder().dimension(), n);
                stages.put("match" + (n / 1000) + "k", time(iterations, i -> g.search(query, 5)));
            }
            galleryDimension = engine.embedder().dimension();
            threads.put("tensorflowIntraOp", engine.options().threads().intraOp());
            threads.put("tensorflowInterOp", engine.options().threads().interOp());
            threads.put("gallerySearch", gThreads);
            threads.put("availableProcessors", Runtime.getRuntime().availableProcessors());
            threads.put("detector", engine.detector().name());
            threads.put("embedder", engine.embedder().name());
            threads.put("minFace", engine.options().minFace());
            threads.put("tracking", tracker.tracking());
        }
        Map<String, Object> galleryLoad = galleryLoads(galleryDimension);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("stages", stages);
            if (!galleryLoad.isEmpty()) {
                Map<String, Object> loadMs = new LinkedHashMap<>();
                Map<String, Object> heapMb = new LinkedHashMap<>();
                galleryLoad.forEach((store, r) -> {
                    loadMs.put(store, ((Map<?, ?>) r).get("loadMs"));
                    heapMb.put(store, ((Map<?, ?>) r).get("galleryHeapMb"));
                });
                doc.put("galleryLoad100kMs", loadMs);
                doc.put("galleryMemoryMb", heapMb);
                doc.put("galleryLoad", galleryLoad);
            }
            doc.put("endToEndMs", Map.of("median", endToEnd.medianMs(), "p90", endToEnd.p90Ms()));
            doc.put("endToEndTrackedMs", Map.of("median", endToEndTracked.medianMs(), "p90", endToEndTracked.p90Ms()));
            doc.put("cpuMsPerFrame", cpu);
            doc.put("threads", threads);
            doc.put("iterations", iterations);
            Json.print(doc);
        } else {
            // the stage names are the JSON's keys; the headings and notes are the user's language
            System.out.println(DisplayWidth.padRight(Messages.get("cli.bench.stage"), 20) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.median"), 10) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.p90"), 10));
            stages.forEach((k, v) -> System.out.println(row(k, v)));
            System.out.println(row(Messages.get("cli.bench.endToEnd"), endToEnd) + "   "
                    + Messages.get("cli.bench.endToEndNote"));
            System.out.println(row(Messages.get("cli.bench.endToEndTracked"), endToEndTracked) + "   "
                    + Messages.get("cli.bench.endToEndTrackedNote"));
            CliMessages.out("cli.bench.cpu", cpu);
            CliMessages.out("cli.bench.threads", threads);
            galleryLoad.forEach((store, r) -> {
                Map<?, ?> m = (Map<?, ?>) r;
                CliMessages.out("cli.bench.galleryLoad", store, m.get("templates"), m.get("loadMs"),
                        m.get("galleryHeapMb"), m.get("fillMs"));
            });
        }
        return ExitCodes.OK;
    }

    /**
     * A kiosk's start with {@code --gallery-templates} templates (default 100k): filled into a temporary H2 file and
     * each {@code --gallery-db}, encrypted with a throwaway key, loaded by the kiosk's own gallery code, then
     * deleted. Keyed by store: {@code h2}, {@code postgresql}, or the URL (without credentials) for a second one.
     */
    private Map<String, Object> galleryLoads(int dimension) throws IOException {
        if (galleryTemplates == 0) {
            return new LinkedHashMap<>();
        }
        return perStore(() -> StoreBench.galleryLoads(galleryDbs, dimension, galleryTemplates));
    }

    private interface StoreRun {
        Map<String, Object> run() throws IOException;
    }

    /** A store workload of {@link StoreBench}, its failures as the CLI's. */
    private static Map<String, Object> perStore(StoreRun run) throws IOException {
        try {
            return run.run();
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        } catch (ConfigException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
    }

    private static String row(String label, Stat s) {
        return DisplayWidth.padRight(label, 20) + String.format(Locale.ROOT, " %10.2f %10.2f", s.medianMs(), s.p90Ms());
    }

    /**
     * {@code --timesheet}: a month's timesheet of 200 people on each store ({@link StoreBench#timesheets}), instead of the
     * engine stages.
     */
    private int timesheetOnly() throws IOException {
        Map<String, Object> perStore = perStore(() -> StoreBench.timesheets(galleryDbs));
        if (json) {
            Json.print(Map.of("timesheet", perStore));
        } else {
            perStore.forEach((store, r) -> {
                Map<?, ?> m = (Map<?, ?>) r;
                CliMessages.out("cli.bench.timesheet", m.get("employees"), m.get("events"), m.get("rows"), store,
                        m.get("firstMs"), m.get("medianMs"), m.get("maxMs"), 5, m.get("fillMs"));
            });
        }
        return ExitCodes.OK;
    }

    /** {@code --greeting}: time to greeting per liveness mode ({@link GreetingBench}), instead of the engine stages. */
    private int greetingOnly() throws IOException {
        Path clip = greetingClip != null ? greetingClip : GreetingBench.DEFAULT_CLIP;
        Path enrol = greetingEnrol != null ? greetingEnrol : GreetingBench.DEFAULT_ENROL;
        for (Path p : List.of(clip, enrol)) {
            if (!Files.isRegularFile(p)) {
                throw CliException.of(ExitCodes.FAILURE, "cli.bench.noClip", p.toAbsolutePath());
            }
        }
        Path tmp = Files.createTempDirectory("facecheck-bench");
        Map<String, Object> r;
        try {
            r = GreetingBench.measure(engineOptions, clip, enrol, tmp);
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (json) {
            Json.print(Map.of("timeToCheckInMs", r));
        } else {
            System.out.println(DisplayWidth.padRight(Messages.get("cli.bench.greetingLiveness"), 10) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.median"), 10) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.p90"), 10) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.greetingGreeted"), 9) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.greetingFrames"), 8) + " "
                    + DisplayWidth.padLeft(Messages.get("cli.bench.greetingMsPerFrame"), 11));
            for (String mode : GreetingBench.MODES) {
                Map<?, ?> m = (Map<?, ?>) r.get(mode);
                System.out.printf(Locale.ROOT, "%-10s %10s %10s %9s %8s %11s%n", mode, m.get("medianMs"), m.get("p90Ms"),
                        m.get("greeted") + "/" + m.get("trials"), m.get("framesMedian"), m.get("msPerFrame"));
            }
            Map<?, ?> b = (Map<?, ?>) r.get("bounds");
            CliMessages.out("cli.bench.greetingBounds", b.get("k"), b.get("n"), b.get("frameIntervalMs"), b.get("clip"),
                    b.get("approaches"));
        }
        return ExitCodes.OK;
    }

    /** {@code --api}: the HTTP API under load on each store ({@link ApiBench}), instead of the engine stages. */
    private int apiOnly() throws IOException {
        if (apiClients < 1 || apiSeconds < 1) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.apiClients");
        }
        Map<String, Object> perStore = perStore(() -> StoreBench.onBackends("api", galleryDbs, b -> ApiBench.measure(b, apiClients, apiSeconds)));
        if (json) {
            Json.print(Map.of("api", perStore));
        } else {
            perStore.forEach((store, r) -> {
                Map<?, ?> m = (Map<?, ?>) r;
                CliMessages.out("cli.bench.api", store, String.valueOf(m.get("clients")), String.valueOf(m.get("seconds")),
                        String.valueOf(m.get("requests")), String.valueOf(m.get("reads")),
                        String.valueOf(m.get("corrections")), String.valueOf(m.get("requestsPerSecond")),
                        String.valueOf(m.get("p50Ms")), String.valueOf(m.get("p99Ms")), String.valueOf(m.get("maxMs")),
                        String.valueOf(m.get("errors")), m.containsKey("firstErrors") ? " " + m.get("firstErrors") : "");
            });
        }
        return ExitCodes.OK;
    }

    /** Checks the gallery options before the minute of engine timings. */
    private void checkGalleryOptions() {
        if (galleryTemplates < 0) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.galleryTemplates", galleryTemplates);
        }
        try {
            StoreBench.checkStores(galleryDbs);
        } catch (StoreException e) {
            throw StoreOptions.asCli(e);
        }
    }

    private interface Run {
        void run(int i) throws Exception;
    }

    private static Stat time(int n, Run r) {
        try {
            for (int i = 0; i < 2; i++) {
                r.run(i);
            }
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                r.run(i);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            return Stat.of(ms);
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.failed", String.valueOf(e.getLocalizedMessage()));
        }
    }

    /**
     * Mean CPU milliseconds of the whole process (every thread: the caller, MTCNN's second worker, TensorFlow's)
     * per run. Unlike wall time it hardly changes when other programs compete for the cores; it counts the work
     * of both cores where a stage is shared between them. Empty (NaN) where the JVM cannot tell.
     */
    private static double cpuPerRun(int n, Run r) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
                || os.getProcessCpuTime() < 0) {
            return Double.NaN;
        }
        try {
            r.run(0);
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < n; i++) {
                r.run(i);
            }
            double ms = (os.getProcessCpuTime() - c0) / 1e6 / n;
            return Math.round(ms * 1000) / 1000.0;
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.failed", String.valueOf(e.getLocalizedMessage()));
        }
    }

    private static RgbImage decode(ImageLoader loader, byte[] bytes) {
        try {
            return loader.read(bytes, Path.of("bench-image")).image();
        } catch (ImageLoadException e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
    }

    private static List<byte[]> readImages(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path p : PhotoFiles.list(dir)) {
            out.add(Files.readAllBytes(p));
            if (out.size() == 50) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.noPhotos", dir.toAbsolutePath());
        }
        return out;
    }

    /** The photo centred on a mid-grey 640×480 frame, like one webcam frame with one person. */
    static RgbImage frame640x480(RgbImage photo) {
        RgbImage frame = RgbImage.blank(640, 480);
        float[] d = frame.data();
        Arrays.fill(d, 128f);
        int w = Math.min(photo.width(), 640);
        int h = Math.min(photo.height(), 480);
        int x0 = (640 - w) / 2;
        int y0 = (480 - h) / 2;
        for (int y = 0; y < h; y++) {
            System.arraycopy(photo.data(), y * photo.width() * 3, d, ((y0 + y) * 640 + x0) * 3, w * 3);
        }
        return frame;
    }

    private static Gallery randomGallery(int dim, int n) {
        Gallery g = new Gallery(dim);
        Random rnd = new Random(42);
        int perIdentity = 5;
        for (int id = 0; id < n / perIdentity; id++) {
            List<float[]> vs = new ArrayList<>(perIdentity);
            for (int t = 0; t < perIdentity; t++) {
                float[] v = new float[dim];
                for (int i = 0; i < dim; i++) {
                    v[i] = (float) rnd.nextGaussian();
                }
                vs.add(Vectors.normalized(v));
            }
            g.addAll("id" + id, vs);
        }
        return g;
    }
}
