package io.facecheck.attendance;

import io.facecheck.config.LivenessMode;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.RgbImage;
import io.facecheck.face.liveness.ActiveChallenge;
import io.facecheck.face.liveness.LandmarkFrame;
import io.facecheck.face.liveness.LandmarkReader;
import io.facecheck.face.liveness.LivenessSettings;
import io.facecheck.face.liveness.LivenessVerdict;
import io.facecheck.face.liveness.PassiveLiveness;

import java.util.Random;

/**
 * The landmark liveness rule of {@code checkin.liveness = passive | challenge} for the subject's track:
 * <ul>
 *   <li>passive: a check-in needs a {@code live} verdict for the track;</li>
 *   <li>challenge: a {@code spoof} verdict refuses; otherwise (every time, or only while the verdict is unsure,
 *       per {@code checkin.liveness.challenge}) a random action is asked once the face is recognised, and the
 *       check-in needs it done. A failed challenge refuses the track until the face leaves.</li>
 * </ul>
 * A track ends when the face jumps, leaves for longer than the reset gap, or {@link #reset()} is called. One
 * gate per station; frames in order from one thread.
 */
public final class LivenessGate {
    private final LivenessMode mode;
    private final boolean challengeAlways;
    private final LivenessSettings settings;
    private final LandmarkReader reader;
    private final Random random;
    private final java.util.List<ActiveChallenge.Action> actions;
    private final PassiveLiveness passive;
    private ActiveChallenge challenge;
    private long lastFaceNanos = Long.MIN_VALUE;

    /**
     * What the gate says about the subject after a frame.
     *
     * @param verdict   the passive verdict of the track
     * @param challenge the challenge asked, if any (null otherwise)
     * @param state     its state (null without one)
     * @param allowed   whether a check-in may be logged now
     * @param reason    why not ({@code spoof:planar_motion}, {@code not_live:no_depth_motion},
     *                  {@code challenge_pending}, {@code challenge_failed}); null when allowed
     */
    public record Status(LivenessVerdict verdict, ActiveChallenge.Action challenge, ActiveChallenge.State state,
                         boolean allowed, String reason) {
    }

    /**
     * @param actions the challenge actions to draw from at random (not empty)
     */
    public LivenessGate(LivenessMode mode, boolean challengeAlways, LivenessSettings settings, LandmarkReader reader,
                        Random random, java.util.List<ActiveChallenge.Action> actions) {
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("no challenge actions to choose from");
        }
        this.actions = java.util.List.copyOf(actions);
        if (mode != LivenessMode.PASSIVE && mode != LivenessMode.CHALLENGE) {
            throw new IllegalArgumentException("the landmark gate serves passive and challenge, not " + mode);
        }
        this.mode = mode;
        this.challengeAlways = challengeAlways;
        this.settings = settings;
        this.reader = reader;
        this.random = random;
        this.passive = new PassiveLiveness(settings);
    }

    public LivenessMode mode() {
        return mode;
    }

    public void reset() {
        passive.reset();
        challenge = null;
    }

    /** No face in this frame: a long absence ends the track. */
    public void noFace(long nanos) {
        if (lastFaceNanos != Long.MIN_VALUE && nanos - lastFaceNanos > settings.resetGap().toNanos()) {
            reset();
            lastFaceNanos = Long.MIN_VALUE;
        }
    }

    /**
     * Adds the subject's frame.
     *
     * @param recognised whether the subject was accepted as an employee in this frame (a challenge is only
     *                   asked of a recognised face)
     */
    public Status observe(long nanos, RgbImage image, DetectedFace subject, boolean recognised) {
        LandmarkFrame f = reader.read(nanos, image, subject);
        lastFaceNanos = nanos;
        passive.add(f);
        if (passive.frames() == 1) {
            challenge = null; // a new track
        }
        LivenessVerdict v = passive.verdict();
        if (mode == LivenessMode.PASSIVE) {
            return v.live() ? new Status(v, null, null, true, null)
                    : new Status(v, null, null, false, (v.spoof() ? "spoof:" : "not_live:") + v.reasons().get(0));
        }
        if (v.spoof()) {
            return new Status(v, challenge == null ? null : challenge.action(),
                    challenge == null ? null : challenge.state(), false, "spoof:" + v.reasons().get(0));
        }
        boolean needed = challengeAlways || !v.live() || challenge != null;
        if (!needed) {
            return new Status(v, null, null, true, null);
        }
        if (challenge == null) {
            if (!recognised) {
                return new Status(v, null, null, false, "not_recognised");
            }
            challenge = new ActiveChallenge(actions.get(random.nextInt(actions.size())), settings, nanos);
        }
        ActiveChallenge.State s = challenge.add(f);
        return switch (s) {
            case PASSED -> new Status(v, challenge.action(), s, true, null);
            case FAILED -> new Status(v, challenge.action(), s, false, "challenge_failed");
            case PENDING -> new Status(v, challenge.action(), s, false, "challenge_pending");
        };
    }
}
