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
 * @param resetJump         a landmark jump larger than this between consecutive frames starts a new track
 * @param resetGap          so does a pause longer than this
 * @param turnDegrees       active challenge: the head must turn this far (landmark yaw) from where it started
 * @param challengeTimeout  active challenge: time allowed for the action
 */
public record LivenessSettings(double liveNonPlanarity, double planarDeformation, double planarRatio,
                               int planarFrames, int minFrames, int repeatFrames, double resetJump,
                               Duration resetGap, double turnDegrees, Duration challengeTimeout) {

    public static final LivenessSettings DEFAULTS = new LivenessSettings(0.06, 0.03, 0.7, 3, 5, 3, 0.5,
            Duration.ofSeconds(1), 12, Duration.ofSeconds(3));

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
                resetJump, resetGap, turnDegrees, challengeTimeout);
    }

    public LivenessSettings withPlanar(double deformation, double ratio, int frames) {
        return new LivenessSettings(liveNonPlanarity, deformation, ratio, frames, minFrames, repeatFrames,
                resetJump, resetGap, turnDegrees, challengeTimeout);
    }

    public LivenessSettings withChallenge(double degrees, Duration timeout) {
        return new LivenessSettings(liveNonPlanarity, planarDeformation, planarRatio, planarFrames, minFrames,
                repeatFrames, resetJump, resetGap, degrees, timeout);
    }
}
