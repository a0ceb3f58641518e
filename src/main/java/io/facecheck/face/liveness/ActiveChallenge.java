package io.facecheck.face.liveness;

import java.util.List;
import java.util.Random;

/**
 * One active liveness challenge: the person is asked for a random action and the landmarks must show it within
 * {@link LivenessSettings#challengeTimeout()}. A pre-recorded replay cannot know which action will be asked.
 * <p>
 * The actions are turning the head slightly left or right: the landmark yaw ({@link io.facecheck.face.HeadPose}
 * from the 68 points) must move at least {@link LivenessSettings#turnDegrees()} the asked way from where the
 * head was when the challenge began, <em>and</em> the landmarks must leave the plane of that first frame by
 * {@link LivenessSettings#liveNonPlanarity()} — a photo swivelled about its vertical axis changes neither the
 * landmark yaw much nor the plane. Turning the other way as far fails the challenge (a replayed video that
 * happens to turn would otherwise pass whichever way was asked). Blinking is not offered: the 68-point net's eye aspect ratio stays between
 * 0.26 and 0.32 through a 53-second webcam video of a person blinking normally (docs/liveness.md), so it cannot
 * see a blink. Not thread-safe: one track, one thread.
 */
public final class ActiveChallenge {

    /** What the person is asked to do. "Left" is the person's own left (the camera sees the nose move right). */
    public enum Action {
        TURN_LEFT("Turn your head slightly to the left", 1),
        TURN_RIGHT("Turn your head slightly to the right", -1);

        private final String instruction;
        private final int sign;

        Action(String instruction, int sign) {
            this.instruction = instruction;
            this.sign = sign;
        }

        /** The instruction shown to the person. */
        public String instruction() {
            return instruction;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** A uniformly random action. */
        public static Action random(Random r) {
            Action[] all = values();
            return all[r.nextInt(all.length)];
        }
    }

    public enum State {
        PENDING, PASSED, FAILED
    }

    private final Action action;
    private final LivenessSettings settings;
    private final long startNanos;
    private LandmarkFrame first;
    private double startYaw;
    private State state = State.PENDING;
    private long decidedNanos;
    private double bestTurn;
    private final double[] misses = new double[3];
    private int seen;

    /**
     * @param startNanos when the instruction was shown (same clock as the frames)
     */
    public ActiveChallenge(Action action, LivenessSettings settings, long startNanos) {
        this.action = action;
        this.settings = settings;
        this.startNanos = startNanos;
    }

    public Action action() {
        return action;
    }

    public State state() {
        return state;
    }

    /** Seconds from the instruction to the decision (NaN while pending). */
    public double seconds() {
        return state == State.PENDING ? Double.NaN : (decidedNanos - startNanos) / 1e9;
    }

    /** The largest turn the asked way seen so far, degrees. */
    public double bestTurn() {
        return bestTurn;
    }

    /** Adds a frame of the track; returns the state after it. */
    public State add(LandmarkFrame f) {
        if (state != State.PENDING) {
            return state;
        }
        FaceShape shape = FaceShape.of(f.points68());
        if (first == null) {
            first = f;
            startYaw = shape.yawDeg();
        } else {
            double turn = action.sign * (shape.yawDeg() - startYaw);
            bestTurn = Math.max(bestTurn, turn);
            List<io.facecheck.face.Point> a = first.points68();
            List<io.facecheck.face.Point> b = f.points68();
            misses[seen++ % 3] = Homography.fit(a, b).rmsError(a, b) / shape.interOcular();
            double[] m = misses.clone();
            java.util.Arrays.sort(m);
            double miss = seen >= 3 ? m[1] : 0; // median of the last three, as the passive test smooths
            if (-turn >= settings.turnDegrees()) {
                // the other way: a replay turning by chance fails half the time instead of passing
                state = State.FAILED;
                decidedNanos = f.nanos();
                return state;
            }
            if (turn >= settings.turnDegrees() && miss >= settings.liveNonPlanarity()) {
                state = State.PASSED;
                decidedNanos = f.nanos();
                return state;
            }
        }
        if (f.nanos() - startNanos > settings.challengeTimeout().toNanos()) {
            state = State.FAILED;
            decidedNanos = f.nanos();
        }
        return state;
    }

    /** Fails the challenge when its time ran out without frames (the face left). */
    public State expireAt(long nanos) {
        if (state == State.PENDING && nanos - startNanos > settings.challengeTimeout().toNanos()) {
            state = State.FAILED;
            decidedNanos = nanos;
        }
        return state;
    }
}
