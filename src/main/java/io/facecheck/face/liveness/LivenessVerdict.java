package io.facecheck.face.liveness;

import java.util.List;

/**
 * What the liveness tests concluded about one track so far.
 *
 * @param verdict        live, spoof or unsure
 * @param score          the track's non-planarity over {@link LivenessSettings#liveNonPlanarity()}: at least 1
 *                       means the face moved in depth as no flat photo or screen can
 * @param frames         frames since the evidence last started (the track's start, a cut or a pause)
 * @param reasons        why, as short codes ({@code non_planar_motion}, {@code planar_motion},
 *                       {@code static_frame_repeated}, {@code discontinuous}, {@code too_few_frames},
 *                       {@code no_depth_motion})
 * @param nonPlanarity   largest smoothed homography miss (IOD units)
 * @param planarFrames   frames that moved like a flat surface
 * @param cuts           frames of the whole track that did not follow on from the one before (a jump cut)
 */
public record LivenessVerdict(Verdict verdict, double score, int frames, List<String> reasons, double nonPlanarity,
                              int planarFrames, int cuts) {
    public LivenessVerdict {
        reasons = List.copyOf(reasons);
    }

    public enum Verdict {
        LIVE, SPOOF, UNSURE;

        /** Lower-case name for JSON and messages. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean live() {
        return verdict == Verdict.LIVE;
    }

    public boolean spoof() {
        return verdict == Verdict.SPOOF;
    }

    public static LivenessVerdict none() {
        return new LivenessVerdict(Verdict.UNSURE, 0, 0, List.of("too_few_frames"), 0, 0, 0);
    }
}
