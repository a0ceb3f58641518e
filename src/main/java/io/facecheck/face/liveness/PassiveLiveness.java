package io.facecheck.face.liveness;

import io.facecheck.face.Point;
import io.facecheck.face.SimilarityTransform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Passive liveness of one face track, accumulated frame by frame with no action from the person.
 * <p>
 * The plane test: the 68 landmarks of each frame are compared with those of earlier frames of the track (half a
 * second back and the track's start, at most {@value #REFERENCE_SECONDS} s back). However a printed photo or a
 * screen is moved, tilted or brought closer, its landmarks stay related by one homography; a real head that
 * turns, nods or talks moves its nose, jaw line and mouth out of any plane. So
 * <ul>
 *   <li>a homography miss of at least {@link LivenessSettings#liveNonPlanarity()} inter-ocular distances
 *       (smoothed over three frames so one bad landmark set does not count) says live;</li>
 *   <li>frames whose landmarks changed shape clearly (a similarity transform misses them) while one homography
 *       still explains them say "moved like a flat surface": enough of them, and no live evidence, say spoof;</li>
 *   <li>the same face crop repeated exactly in consecutive frames says spoof (a still image fed as frames: a
 *       camera's sensor noise never repeats);</li>
 *   <li>the evidence needs continuous video: a frame that does not follow on from the previous one
 *       ({@link FrameContinuity}: the box, the landmarks or the aligned pixels jumped) is a cut and starts the
 *       evidence again, since the landmarks of two unrelated photos never fit one homography; a track that cuts
 *       again and again (a slideshow of photos) says spoof, before anything else: the short stretches between the
 *       cuts of a slideshow shown on a screen can look live from landmark noise alone;</li>
 *   <li>otherwise (too few frames, or a face held so still that nothing can be told) unsure.</li>
 * </ul>
 * A replayed video of a real person passes the plane test (the person on the screen moves in depth); the active
 * challenge ({@link ActiveChallenge}) is the answer to replays. Not thread-safe: one track, one thread.
 */
public final class PassiveLiveness {
    static final double REFERENCE_SECONDS = 3;
    private static final long HALF_SECOND = 500_000_000L;

    private final LivenessSettings settings;
    private final Deque<Sample> history = new ArrayDeque<>();
    /** Of the whole track, kept across cuts: how often consecutive frames did not follow on, and when lately. */
    private int cuts;
    private final Deque<Long> recentCuts = new ArrayDeque<>();
    private final double[] lastH = new double[3];
    private final double[] lastS = new double[3];
    private int frames;
    private int recent;
    private double nonPlanarity;
    private int planarFrames;
    private int repeatRun;
    private boolean repeated;
    private Sample previous;

    private record Sample(long nanos, List<Point> points, double iod, long hash, LandmarkFrame frame) {
    }

    public PassiveLiveness(LivenessSettings settings) {
        this.settings = settings;
    }

    public LivenessSettings settings() {
        return settings;
    }

    /** Forgets the track (a new person). */
    public void reset() {
        restart();
        cuts = 0;
        recentCuts.clear();
    }

    /** Starts the evidence again after a cut or a pause, remembering how many cuts the track had. */
    private void restart() {
        history.clear();
        frames = 0;
        recent = 0;
        nonPlanarity = 0;
        planarFrames = 0;
        repeatRun = 0;
        repeated = false;
        previous = null;
    }

    /** Adds the next frame of the track; a cut or a pause starts the evidence again first. */
    public void add(LandmarkFrame f) {
        double iod = FaceShape.of(f.points68()).interOcular();
        Sample s = new Sample(f.nanos(), f.points68(), iod, f.cropHash(), f);
        FrameContinuity.Step step = previous == null ? FrameContinuity.Step.CONTINUOUS
                : FrameContinuity.between(previous.frame, f, iod, settings);
        if (step == FrameContinuity.Step.CUT) {
            cuts++;
            recentCuts.addLast(f.nanos());
        }
        if (step != FrameContinuity.Step.CONTINUOUS) {
            restart();
        }
        while (!recentCuts.isEmpty() && f.nanos() - recentCuts.peekFirst() > settings.continuity().window().toNanos()) {
            recentCuts.removeFirst();
        }
        frames++;
        if (previous != null && previous.hash == s.hash) {
            repeatRun++;
            if (repeatRun + 1 >= settings.repeatFrames()) {
                repeated = true;
            }
        } else {
            repeatRun = 0;
        }
        double rh = 0;
        double rs = 0;
        for (Sample ref : references(s.nanos)) {
            double h = Homography.fit(ref.points, s.points).rmsError(ref.points, s.points) / iod;
            double sim = similarityMiss(ref.points, s.points) / iod;
            if (h > rh) {
                rh = h;
                rs = sim;
            }
        }
        if (!history.isEmpty()) {
            lastH[recent % 3] = rh;
            lastS[recent % 3] = rs;
            recent++;
            if (recent >= 3) {
                double h = median3(lastH);
                double sim = median3(lastS);
                nonPlanarity = Math.max(nonPlanarity, h);
                if (sim >= settings.planarDeformation() && h <= settings.planarRatio() * sim) {
                    planarFrames++;
                }
            }
        }
        history.addLast(s);
        while (history.size() > 1 && s.nanos - history.peekFirst().nanos > REFERENCE_SECONDS * 1e9) {
            history.removeFirst();
        }
        previous = s;
    }

    /** The track's oldest kept frame and the frame about half a second back. */
    private List<Sample> references(long now) {
        if (history.isEmpty()) {
            return List.of();
        }
        List<Sample> refs = new ArrayList<>(2);
        refs.add(history.peekFirst());
        Sample half = null;
        for (Sample h : history) {
            if (now - h.nanos >= HALF_SECOND) {
                half = h;
            } else {
                break;
            }
        }
        if (half != null && half != history.peekFirst()) {
            refs.add(half);
        }
        return refs;
    }

    /** Root-mean-square miss of the least-squares similarity transform from {@code a} to {@code b}. */
    static double similarityMiss(List<Point> a, List<Point> b) {
        SimilarityTransform t = SimilarityTransform.estimate(a, b);
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            Point p = t.apply(a.get(i));
            double dx = p.x() - b.get(i).x();
            double dy = p.y() - b.get(i).y();
            sum += dx * dx + dy * dy;
        }
        return Math.sqrt(sum / a.size());
    }

    private static double median3(double[] v) {
        double[] c = Arrays.copyOf(v, 3);
        Arrays.sort(c);
        return c[1];
    }

    /** Frames since the evidence last started (the track's start, a cut or a pause). */
    public int frames() {
        return frames;
    }

    /** The verdict so far. */
    public LivenessVerdict verdict() {
        if (repeated) {
            return verdict(LivenessVerdict.Verdict.SPOOF, "static_frame_repeated");
        }
        if (recentCuts.size() >= settings.continuity().cuts()) {
            return verdict(LivenessVerdict.Verdict.SPOOF, "discontinuous");
        }
        if (nonPlanarity >= settings.liveNonPlanarity()) {
            return verdict(LivenessVerdict.Verdict.LIVE, "non_planar_motion");
        }
        if (planarFrames >= settings.planarFrames()) {
            return verdict(LivenessVerdict.Verdict.SPOOF, "planar_motion");
        }
        return verdict(LivenessVerdict.Verdict.UNSURE, frames < settings.minFrames() ? "too_few_frames"
                : "no_depth_motion");
    }

    private LivenessVerdict verdict(LivenessVerdict.Verdict v, String reason) {
        return new LivenessVerdict(v, nonPlanarity / settings.liveNonPlanarity(), frames, List.of(reason),
                nonPlanarity, planarFrames, cuts);
    }
}
