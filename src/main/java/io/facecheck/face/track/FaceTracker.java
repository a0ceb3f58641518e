package io.facecheck.face.track;

import io.facecheck.face.BoundingBox;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceDetector;
import io.facecheck.face.FaceRelocator;
import io.facecheck.face.RgbImage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Follows the faces of a video from frame to frame so that most frames skip the full detector. After a full
 * detection each face becomes a track with a stable integer id; on the next frames only the detector's last stage
 * (MTCNN's O-Net, {@link FaceRelocator}) runs on the square around each track's previous box — about 1 ms instead
 * of 25–40 ms. A track is lost when that stage no longer scores a face there (at or below the model card's O-Net
 * threshold) or its box jumps (IoU with the previous box below {@link Settings#minIou()}); the full detector then
 * runs on the same frame. The full detector also runs every {@link Settings#redetectEvery()} frames, which is how
 * a face that has just entered the view is found, and on every frame for a detector that cannot relocate (SSD).
 * After a full detection each face keeps the id of the previous track it overlaps most (IoU at least
 * {@code minIou}, each track at most once) or gets a new id; the tracks left over have ended.
 * <p>
 * Not thread-safe: one tracker per camera, frames in order.
 */
public final class FaceTracker {
    /**
     * @param redetectEvery run the full detector at least every this many frames (1 = every frame: no tracking)
     * @param minIou        a face keeps its track only while its box overlaps the previous one at least this much
     */
    public record Settings(int redetectEvery, double minIou) {
        /** As shipped in {@code config/facecheck.properties}. */
        public static final Settings DEFAULTS = new Settings(10, 0.3);

        public Settings {
            if (redetectEvery < 1) {
                throw new IllegalArgumentException("engine.track.redetect-every must be at least 1, got "
                        + redetectEvery);
            }
            if (!(minIou > 0 && minIou < 1)) {
                throw new IllegalArgumentException("engine.track.min-iou must be between 0 and 1, got " + minIou);
            }
        }

        /** Full detection on every frame; ids are still given, by overlap. */
        public Settings withoutTracking() {
            return new Settings(1, minIou);
        }
    }

    /** A face of the current frame and the track it belongs to. */
    public record Tracked(int id, DetectedFace face) {
    }

    /**
     * What one frame gave.
     *
     * @param faces    the faces with their track ids, largest first
     * @param ended    ids of the tracks that ended with this frame (their face was not found again)
     * @param detected whether the full detector ran on this frame (false: every face was relocated)
     */
    public record Step(List<Tracked> faces, List<Integer> ended, boolean detected) {
        public Step {
            faces = List.copyOf(faces);
            ended = List.copyOf(ended);
        }
    }

    /**
     * A second relocation pass runs when the first moved the box's centre by more than this share of its side:
     * O-Net's landmarks are best when the face sits where R-Net would have put it, so a face that moved is looked
     * at again from where it now is (measured on lfw10 faces of ~100 px moved 20–30 px: landmarks within 1.3–1.5 px
     * of a full detection's instead of 2.5–5.4 px).
     */
    static final double SECOND_PASS_SHIFT = 0.05;

    /** Above this overlap two relocated boxes are one face; the older track keeps it. */
    static final double DUPLICATE_IOU = 0.5;

    private static final Comparator<Tracked> LARGEST_FIRST =
            Comparator.comparingDouble((Tracked t) -> t.face().box().area()).reversed();

    private final FaceDetector detector;
    private final FaceRelocator relocator;
    private final Settings settings;
    private List<Tracked> tracks = List.of();
    private int nextId = 1;
    private int sinceDetection;

    public FaceTracker(FaceDetector detector, Settings settings) {
        this.detector = detector;
        this.relocator = detector instanceof FaceRelocator r ? r : null;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** Whether faces are followed by the detector's last stage between full detections. */
    public boolean tracking() {
        return relocator != null && settings.redetectEvery() > 1;
    }

    /** The faces of the newest frame. */
    public Step next(RgbImage frame) {
        if (!tracks.isEmpty() && tracking() && sinceDetection + 1 < settings.redetectEvery()) {
            List<Tracked> moved = relocate(frame);
            if (moved != null) {
                sinceDetection++;
                List<Integer> ended = new ArrayList<>();
                tracks = withoutDuplicates(moved, ended);
                return new Step(tracks, ended, false);
            }
        }
        return detect(frame);
    }

    /** Forgets every track without reporting them ended (the next frame is detected in full, with new ids). */
    public void reset() {
        tracks = List.of();
        sinceDetection = 0;
    }

    /**
     * Ends track {@code id} and gives its face a new id, for a caller that found a different person in it (e.g. by
     * the embedding). Returns the new id, or -1 when there is no such track.
     */
    public int split(int id) {
        List<Tracked> out = new ArrayList<>(tracks.size());
        int given = -1;
        for (Tracked t : tracks) {
            if (t.id() == id) {
                given = nextId++;
                out.add(new Tracked(given, t.face()));
            } else {
                out.add(t);
            }
        }
        tracks = out;
        return given;
    }

    /** The detector's last stage on every track; null when any track is lost (the caller then detects in full). */
    private List<Tracked> relocate(RgbImage frame) {
        List<BoundingBox> previous = tracks.stream().map(t -> t.face().box()).toList();
        List<DetectedFace> first = relocator.relocate(frame, previous, 1.0);
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            DetectedFace f = first.get(i);
            if (f == null || f.box().iou(previous.get(i)) < settings.minIou()) {
                return null;
            }
            if (centreShift(previous.get(i), f.box()) > SECOND_PASS_SHIFT) {
                again.add(i);
            }
        }
        List<DetectedFace> faces = new ArrayList<>(first);
        if (!again.isEmpty()) {
            List<DetectedFace> second = relocator.relocate(frame,
                    again.stream().map(i -> first.get(i).box()).toList(), 1.0);
            for (int j = 0; j < again.size(); j++) {
                DetectedFace f = second.get(j);
                int i = again.get(j);
                if (f == null || f.box().iou(previous.get(i)) < settings.minIou()) {
                    return null;
                }
                faces.set(i, f);
            }
        }
        List<Tracked> out = new ArrayList<>(faces.size());
        for (int i = 0; i < faces.size(); i++) {
            out.add(new Tracked(tracks.get(i).id(), faces.get(i)));
        }
        out.sort(LARGEST_FIRST);
        return out;
    }

    /** Two tracks that converged on one face: the older one (smaller id) keeps it, the other ends. */
    private static List<Tracked> withoutDuplicates(List<Tracked> moved, List<Integer> ended) {
        List<Tracked> byAge = new ArrayList<>(moved);
        byAge.sort(Comparator.comparingInt(Tracked::id));
        List<Tracked> survivors = new ArrayList<>();
        for (Tracked t : byAge) {
            if (survivors.stream().anyMatch(s -> s.face().box().iou(t.face().box()) > DUPLICATE_IOU)) {
                ended.add(t.id());
            } else {
                survivors.add(t);
            }
        }
        return moved.stream().filter(survivors::contains).toList();
    }

    private Step detect(RgbImage frame) {
        List<DetectedFace> found = detector.detect(frame);
        List<Tracked> previous = tracks;
        int[] given = new int[found.size()];
        boolean[] taken = new boolean[previous.size()];
        // greedy by overlap: the best-overlapping (detection, track) pairs first
        List<double[]> pairs = new ArrayList<>();
        for (int d = 0; d < found.size(); d++) {
            for (int t = 0; t < previous.size(); t++) {
                double iou = found.get(d).box().iou(previous.get(t).face().box());
                if (iou >= settings.minIou()) {
                    pairs.add(new double[] {iou, d, t});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble((double[] p) -> p[0]).reversed());
        for (double[] p : pairs) {
            int d = (int) p[1], t = (int) p[2];
            if (given[d] == 0 && !taken[t]) {
                given[d] = previous.get(t).id();
                taken[t] = true;
            }
        }
        List<Tracked> now = new ArrayList<>(found.size());
        for (int d = 0; d < found.size(); d++) {
            now.add(new Tracked(given[d] != 0 ? given[d] : nextId++, found.get(d)));
        }
        now.sort(LARGEST_FIRST);
        List<Integer> ended = new ArrayList<>();
        for (int t = 0; t < previous.size(); t++) {
            if (!taken[t]) {
                ended.add(previous.get(t).id());
            }
        }
        tracks = now;
        sinceDetection = 0;
        return new Step(now, ended, true);
    }

    private static double centreShift(BoundingBox a, BoundingBox b) {
        double dx = (a.x() + a.width() / 2) - (b.x() + b.width() / 2);
        double dy = (a.y() + a.height() / 2) - (b.y() + b.height() / 2);
        return Math.hypot(dx, dy) / Math.max(1, Math.max(a.width(), a.height()));
    }
}
