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

import java.util.List;
import java.util.Random;

/**
 * The landmark liveness rule of {@code checkin.liveness = passive | challenge}, per face track:
 * <ul>
 *   <li>passive: a check-in needs a {@code live} verdict for the track;</li>
 *   <li>challenge: a {@code spoof} verdict refuses; otherwise (every time, or only while the verdict is unsure,
 *       per {@code checkin.liveness.challenge}) a random action is asked once the face is recognised, and the
 *       check-in needs it done. A failed challenge refuses the track until it ends (the face leaves).</li>
 * </ul>
 * The evidence of one track is an {@link Evidence}, kept in the station's {@link TrackState} of that track (so
 * two faces never pool their landmarks, and a face that comes back starts afresh). The gate itself holds only
 * the settings, the landmark reader and the random source; used from the station's thread.
 */
public final class LivenessGate {
    private final LivenessMode mode;
    private final boolean challengeAlways;
    private final LivenessSettings settings;
    private final LandmarkReader reader;
    private final Random random;
    private final List<ActiveChallenge.Action> actions;

    /**
     * What the gate says about the subject after a frame.
     *
     * @param verdict   the passive verdict of the track
     * @param challenge the challenge asked, if any (null otherwise)
     * @param state     its state (null without one)
     * @param allowed   whether a check-in may be logged now
     * @param refusal   why not; null when allowed
     */
    public record Status(LivenessVerdict verdict, ActiveChallenge.Action challenge, ActiveChallenge.State state,
                         boolean allowed, Refusal refusal) {
        /**
         * The evidence behind the refusal: for {@link Refusal#SPOOF} and {@link Refusal#NOT_LIVE} the verdict's
         * reason ({@code planar_motion}, {@code no_depth_motion}, …), else the refusal's id; null when allowed.
         */
        public String cause() {
            if (refusal == null) {
                return null;
            }
            return refusal.fromVerdict && !verdict.reasons().isEmpty() ? verdict.reasons().get(0) : refusal.id();
        }

        /**
         * The refusal as one machine code for scripts and logs ({@code spoof:planar_motion},
         * {@code not_live:no_depth_motion}, {@code challenge_failed}, …); null when allowed.
         */
        public String reason() {
            if (refusal == null) {
                return null;
            }
            return refusal.fromVerdict ? refusal.id() + ":" + cause() : refusal.id();
        }
    }

    /** Why the gate refuses a check-in. */
    public enum Refusal {
        /** The passive verdict is {@code spoof}: a photo or a screen. */
        SPOOF("spoof", true),
        /** The passive verdict is not {@code live} yet (too few frames, no depth in the motion). */
        NOT_LIVE("not_live", true),
        /** A challenge would be asked, but only of a recognised face. */
        NOT_RECOGNISED("not_recognised", false),
        /** The challenge is asked and not done yet. */
        CHALLENGE_PENDING("challenge_pending", false),
        /** The challenge was not done in time, or the head went the other way. */
        CHALLENGE_FAILED("challenge_failed", false);

        private final String id;
        private final boolean fromVerdict;

        Refusal(String id, boolean fromVerdict) {
            this.id = id;
            this.fromVerdict = fromVerdict;
        }

        /** The machine code ({@code spoof}, {@code challenge_failed}, …). */
        public String id() {
            return id;
        }
    }

    /** One track's liveness evidence: its passive accumulator and its challenge, if one was asked. */
    public static final class Evidence {
        private final PassiveLiveness passive;
        private ActiveChallenge challenge;

        Evidence(LivenessSettings settings) {
            this.passive = new PassiveLiveness(settings);
        }

        public LivenessVerdict verdict() {
            return passive.verdict();
        }
    }

    /**
     * @param actions the challenge actions to draw from at random (not empty)
     */
    public LivenessGate(LivenessMode mode, boolean challengeAlways, LivenessSettings settings, LandmarkReader reader,
                        Random random, List<ActiveChallenge.Action> actions) {
        if (mode != LivenessMode.PASSIVE && mode != LivenessMode.CHALLENGE) {
            throw new IllegalArgumentException("the landmark gate serves passive and challenge, not " + mode);
        }
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("no challenge actions to choose from");
        }
        this.mode = mode;
        this.challengeAlways = challengeAlways;
        this.settings = settings;
        this.reader = reader;
        this.random = random;
        this.actions = List.copyOf(actions);
    }

    public LivenessMode mode() {
        return mode;
    }

    /** Fresh evidence for a new track. */
    public Evidence newEvidence() {
        return new Evidence(settings);
    }

    /**
     * Adds the subject's frame to its track's evidence.
     *
     * @param recognised whether the subject was accepted as an employee in this frame (a challenge is only
     *                   asked of a recognised face)
     */
    public Status observe(Evidence e, long nanos, RgbImage image, DetectedFace subject, boolean recognised) {
        LandmarkFrame f = reader.read(nanos, image, subject);
        e.passive.add(f);
        if (e.passive.frames() == 1) {
            e.challenge = null; // the landmarks jumped or paused: the accumulator started over
        }
        LivenessVerdict v = e.passive.verdict();
        if (mode == LivenessMode.PASSIVE) {
            return v.live() ? new Status(v, null, null, true, null)
                    : new Status(v, null, null, false, v.spoof() ? Refusal.SPOOF : Refusal.NOT_LIVE);
        }
        ActiveChallenge c = e.challenge;
        if (v.spoof()) {
            return new Status(v, c == null ? null : c.action(), c == null ? null : c.state(), false,
                    Refusal.SPOOF);
        }
        boolean needed = challengeAlways || !v.live() || c != null;
        if (!needed) {
            return new Status(v, null, null, true, null);
        }
        if (c == null) {
            if (!recognised) {
                return new Status(v, null, null, false, Refusal.NOT_RECOGNISED);
            }
            c = new ActiveChallenge(actions.get(random.nextInt(actions.size())), settings, nanos);
            e.challenge = c;
        }
        ActiveChallenge.State s = c.add(f);
        return switch (s) {
            case PASSED -> new Status(v, c.action(), s, true, null);
            case FAILED -> new Status(v, c.action(), s, false, Refusal.CHALLENGE_FAILED);
            case PENDING -> new Status(v, c.action(), s, false, Refusal.CHALLENGE_PENDING);
        };
    }
}
