package io.facecheck.face.liveness;

import java.time.Duration;

/**
 * The thresholds of the landmark liveness tests (see docs/liveness.md for how they were chosen; the defaults are
 * the values chosen on the development part of the attack set, repeated with comments in
 * {@code config/facecheck.properties}). Distances are in units of the inter-ocular distance (IOD) of the frame.
 *
 * @param liveNonPlanarity  live once the landmarks, compared with an earlier frame of the track, miss the best
 *                          homography by at least this much (root-mean-square, smoothed over 3 frames)
 * @param planarDeformation a frame counts as "moved like a flat surface" when a similarity transform misses its
 *                          landmarks by at least this much (the face was tilted or foreshortened) ...
 * @param planarRatio       ... while the homography misses them by at most this fraction of that
 * @param planarFrames      spoof after this many such frames (and no live evidence)
 * @param minFrames         fewer frames in the track than this: unsure
 * @param repeatFrames      spoof when this many consecutive frames show the identical face crop (a camera's
 *                          sensor noise never repeats; a still image fed as frames does)
 * @param resetJump         a landmark jump larger than this between consecutive frames is a cut (see
 *                          {@link Continuity}): the evidence starts again
 * @param resetGap          a pause longer than this starts the evidence again too (not counted as a cut)
 * @param turnDegrees       active challenge: the head must turn this far (landmark yaw) from where it started
 * @param challengeTimeout  active challenge: time allowed for the action
 * @param continuity        what else makes a cut between consecutive frames, and when cuts make a spoof
 */
public record LivenessSettings(double liveNonPlanarity, double planarDeformation, double planarRatio,
                               int planarFrames, int minFrames, int repeatFrames, double resetJump,
                               Duration resetGap, double turnDegrees, Duration challengeTimeout,
                               Continuity continuity) {

    public static final LivenessSettings DEFAULTS = new LivenessSettings(0.06, 0.03, 0.7, 3, 5, 3, 0.5,
            Duration.ofSeconds(1), 12, Duration.ofSeconds(3), new Continuity(0.25, 1.3, 0.6, 2, Duration.ofSeconds(3)));

    /**
     * The continuity test between consecutive frames of a track (docs/liveness.md: chosen on the development
     * split). A frame that breaks it is a cut: the plane test's evidence starts again from that frame.
     *
     * @param boxShift       a cut when the face box's centre moved more than this many box widths
     * @param boxScale       a cut when the box grew or shrank by more than this factor
     * @param minCorrelation a cut when the aligned grey face patches correlate (normalised cross-correlation) less
     *                       than this
     * @param cuts           spoof ({@code discontinuous}) once this many cuts fall within {@code window}: a
     *                       slideshow of different photos, not a camera filming a person
     * @param window         see {@code cuts}
     */
    public record Continuity(double boxShift, double boxScale, double minCorrelation, int cuts, Duration window) {
        public Continuity {
            if (!(boxShift > 0) || !(boxScale > 1) || !(minCorrelation > -1 && minCorrelation < 1) || cuts < 1
                    || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("continuity thresholds out of range: box shift " + boxShift
                        + " (> 0), box scale " + boxScale + " (> 1), correlation " + minCorrelation
                        + " (between -1 and 1), cuts " + cuts + " (at least 1), window " + window + " (positive)");
            }
        }
    }

    public LivenessSettings {
        if (!(liveNonPlanarity > 0) || !(planarDeformation > 0) || !(planarRatio > 0 && planarRatio < 1)) {
            throw new IllegalArgumentException("liveness thresholds must be positive (planar ratio below 1)");
        }
        if (planarFrames < 1 || minFrames < 2 || repeatFrames < 2) {
            throw new IllegalArgumentException("liveness frame counts too small: planar " + planarFrames
                    + ", min " + minFrames + ", repeat " + repeatFrames);
        }
        if (!(turnDegrees > 0) || challengeTimeout.isNegative() || challengeTimeout.isZero()) {
            throw new IllegalArgumentException("challenge turn must be positive and its timeout positive");
        }
    }

    public LivenessSettings withLiveNonPlanarity(double v) {
        return new LivenessSettings(v, planarDeformation, planarRatio, planarFrames, minFrames, repeatFrames,
                resetJump, resetGap, turnDegrees, challengeTimeout, continuity);
    }

    public LivenessSettings withPlanar(double deformation, double ratio, int frames) {
        return new LivenessSettings(liveNonPlanarity, deformation, ratio, frames, minFrames, repeatFrames,
                resetJump, resetGap, turnDegrees, challengeTimeout, continuity);
    }

    public LivenessSettings withChallenge(double degrees, Duration timeout) {
        return new LivenessSettings(liveNonPlanarity, planarDeformation, planarRatio, planarFrames, minFrames,
                repeatFrames, resetJump, resetGap, degrees, timeout, continuity);
    }

    public LivenessSettings withContinuity(Continuity c) {
        return new LivenessSettings(liveNonPlanarity, planarDeformation, planarRatio, planarFrames, minFrames,
                repeatFrames, resetJump, resetGap, turnDegrees, challengeTimeout, c);
    }
}
