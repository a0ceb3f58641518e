package io.facecheck.face.liveness;

import io.facecheck.face.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plane test on landmark sets projected from a 3-D face-like point cloud (pinhole camera): a head turning
 * in depth is live, the same landmarks printed flat and tilted are spoof, a repeated frame is spoof.
 */
class PassiveLivenessTest {
    private static final long FRAME = 80_000_000L; // 12.5 frames a second

    /** 68 points: eyes at 36–47 one unit apart, a nose ridge standing out at 27–35, the rest on a curved face. */
    private static double[][] face(boolean flat) {
        Random r = new Random(3);
        double[][] p = new double[68][3];
        for (int i = 0; i < 68; i++) {
            double x = r.nextDouble() * 2 - 1;
            double y = r.nextDouble() * 2.2 - 1;
            if (i >= 36 && i < 42) {
                x = -0.5 + 0.15 * Math.cos(i);
                y = -0.3 + 0.05 * Math.sin(i);
            } else if (i >= 42 && i < 48) {
                x = 0.5 + 0.15 * Math.cos(i);
                y = -0.3 + 0.05 * Math.sin(i);
            } else if (i >= 27 && i < 36) {
                x = 0.05 * (i - 31);
                y = -0.2 + 0.08 * (i - 27);
            }
            double z = -0.4 * (x * x) + (i >= 27 && i < 36 ? 0.5 : 0);
            p[i] = new double[] {x, y, flat ? 0 : z};
        }
        return p;
    }

    private static List<Point> project(double[][] pts, double yaw, double pitch, double tx, double noise, Random r) {
        List<Point> out = new ArrayList<>(68);
        for (double[] q : pts) {
            double x = q[0] * Math.cos(yaw) + q[2] * Math.sin(yaw);
            double z = -q[0] * Math.sin(yaw) + q[2] * Math.cos(yaw);
            double y = q[1] * Math.cos(pitch) - z * Math.sin(pitch);
            z = q[1] * Math.sin(pitch) + z * Math.cos(pitch);
            double depth = 6 - z; // z towards the camera: the nose stands out
            out.add(new Point(200 + 300 * (x + tx) / depth + noise * r.nextGaussian(),
                    150 + 300 * y / depth + noise * r.nextGaussian()));
        }
        return out;
    }

    private static LivenessVerdict run(boolean flat, double yawAmp, double pitchAmp) {
        PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
        Random r = new Random(1);
        double[][] pts = face(flat);
        for (int i = 0; i < 40; i++) {
            double t = i * FRAME / 1e9;
            List<Point> lm = project(pts, yawAmp * Math.sin(2 * Math.PI * 0.4 * t),
                    pitchAmp * Math.sin(2 * Math.PI * 0.3 * t), 0.1 * Math.sin(t), 0.3, r);
            p.add(new LandmarkFrame(i * FRAME, lm, i));
        }
        return p.verdict();
    }

    @Test
    void headTurningInDepthIsLive() {
        LivenessVerdict v = run(false, Math.toRadians(20), Math.toRadians(5));
        assertThat(v.verdict()).isEqualTo(LivenessVerdict.Verdict.LIVE);
        assertThat(v.reasons()).containsExactly("non_planar_motion");
        assertThat(v.score()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void flatPictureTiltedTheSameWayIsSpoof() {
        LivenessVerdict v = run(true, Math.toRadians(25), Math.toRadians(10));
        assertThat(v.verdict()).isEqualTo(LivenessVerdict.Verdict.SPOOF);
        assertThat(v.reasons()).containsExactly("planar_motion");
        assertThat(v.nonPlanarity()).isLessThan(LivenessSettings.DEFAULTS.liveNonPlanarity());
    }

    @Test
    void stillFaceIsUnsureNotSpoof() {
        LivenessVerdict v = run(false, 0, 0);
        assertThat(v.verdict()).isEqualTo(LivenessVerdict.Verdict.UNSURE);
        assertThat(v.reasons()).containsExactly("no_depth_motion");
    }

    @Test
    void identicalCropsInARowAreSpoof() {
        PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
        List<Point> lm = project(face(false), 0, 0, 0, 0, new Random(1));
        p.add(new LandmarkFrame(0, lm, 7));
        p.add(new LandmarkFrame(FRAME, lm, 7));
        assertThat(p.verdict().verdict()).isEqualTo(LivenessVerdict.Verdict.UNSURE);
        assertThat(p.verdict().reasons()).containsExactly("too_few_frames");
        p.add(new LandmarkFrame(2 * FRAME, lm, 7));
        assertThat(p.verdict().verdict()).isEqualTo(LivenessVerdict.Verdict.SPOOF);
        assertThat(p.verdict().reasons()).containsExactly("static_frame_repeated");
    }

    @Test
    void jumpToAnotherFaceStartsANewTrack() {
        PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
        Random r = new Random(2);
        double[][] pts = face(false);
        for (int i = 0; i < 5; i++) {
            p.add(new LandmarkFrame(i * FRAME, project(pts, 0, 0, 0, 0.3, r), i));
        }
        assertThat(p.frames()).isEqualTo(5);
        p.add(new LandmarkFrame(5 * FRAME, project(pts, 0, 0, 2.0, 0.3, r), 5));
        assertThat(p.frames()).isEqualTo(1);
        p.add(new LandmarkFrame(5 * FRAME + 2_000_000_000L, project(pts, 0, 0, 2.0, 0.3, r), 6));
        assertThat(p.frames()).as("a pause longer than the reset gap").isEqualTo(1);
    }

    /** A grey patch: {@code base} plus noise of {@code noise} grey levels (a camera's next frame of one face). */
    private static FacePatch patch(float[] base, double noise, Random r) {
        float[] g = new float[base.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (base[i] + noise * r.nextGaussian());
        }
        return new FacePatch(g);
    }

    private static float[] texture(Random r) {
        float[] g = new float[FacePatch.SIZE * FacePatch.SIZE];
        for (int i = 0; i < g.length; i++) {
            g[i] = 60 + 120 * r.nextFloat();
        }
        return g;
    }

    private static final io.facecheck.face.BoundingBox BOX = new io.facecheck.face.BoundingBox(150, 90, 100, 120);

    @Test
    void aSlideshowOfDifferentPhotosIsDiscontinuousNotLive() {
        PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
        Random r = new Random(5);
        double[][] head = face(false);
        for (int i = 0; i < 10; i++) {
            // each photo: the same person in another pose (the landmarks alone would look like a head moving in
            // depth) with other pixels
            List<Point> lm = project(head, Math.toRadians(20 * Math.sin(i)), Math.toRadians(8 * Math.cos(i)), 0, 0.3, r);
            p.add(new LandmarkFrame(i * FRAME, lm, i, BOX, patch(texture(r), 0, r)));
        }
        LivenessVerdict v = p.verdict();
        assertThat(v.verdict()).isEqualTo(LivenessVerdict.Verdict.SPOOF);
        assertThat(v.reasons()).containsExactly("discontinuous");
        assertThat(v.cuts()).isEqualTo(9);
        assertThat(v.frames()).as("every cut starts the evidence again").isEqualTo(1);
    }

    @Test
    void aGlitchInAVideoStartsTheEvidenceAgainAndSaysSpoofOnlyWhileItsCutsAreRecent() {
        PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
        Random r = new Random(6);
        double[][] head = face(false);
        float[] skin = texture(r);
        long window = LivenessSettings.DEFAULTS.continuity().window().toNanos();
        for (int i = 0; i < 90; i++) {
            double t = i * FRAME / 1e9;
            List<Point> lm = project(head, Math.toRadians(20) * Math.sin(2 * Math.PI * 0.4 * t), 0, 0, 0.3, r);
            // frame 30: one frame of other pixels (a glitch): a cut into it and one out of it
            FacePatch px = i == 30 ? patch(texture(r), 0, r) : patch(skin, 4, r);
            p.add(new LandmarkFrame(i * FRAME, lm, i, BOX, px));
            if (i == 29) {
                assertThat(p.verdict().verdict()).isEqualTo(LivenessVerdict.Verdict.LIVE);
            }
            if (i == 31) {
                assertThat(p.frames()).as("the cuts start the evidence again").isEqualTo(1);
                assertThat(p.verdict().reasons()).containsExactly("discontinuous");
            }
            if (i * FRAME > 31 * FRAME + window) {
                assertThat(p.verdict().verdict()).as("frame %d: the cuts are %d ms old", i,
                        (i - 31) * FRAME / 1_000_000).isEqualTo(LivenessVerdict.Verdict.LIVE);
            }
        }
        assertThat(p.verdict().cuts()).isEqualTo(2);
    }

    @Test
    void aJumpOfTheFaceBoxIsACut() {
        PassiveLiveness p = new PassiveLiveness(LivenessSettings.DEFAULTS);
        Random r = new Random(7);
        List<Point> lm = project(face(false), 0, 0, 0, 0.3, r);
        float[] skin = texture(r);
        p.add(new LandmarkFrame(0, lm, 1, BOX, patch(skin, 2, r)));
        p.add(new LandmarkFrame(FRAME, lm, 2, BOX, patch(skin, 2, r)));
        assertThat(p.verdict().cuts()).isZero();
        var moved = new io.facecheck.face.BoundingBox(BOX.x() + BOX.width(), BOX.y(), BOX.width(), BOX.height());
        p.add(new LandmarkFrame(2 * FRAME, lm, 3, moved, patch(skin, 2, r)));
        assertThat(p.verdict().cuts()).as("a box a whole width away").isEqualTo(1);
        var grown = new io.facecheck.face.BoundingBox(moved.x(), moved.y(), moved.width() * 2, moved.height() * 2);
        p.add(new LandmarkFrame(3 * FRAME, lm, 4, grown, patch(skin, 2, r)));
        assertThat(p.verdict().cuts()).as("a box twice the size").isEqualTo(2);
        assertThat(p.frames()).isEqualTo(1);
    }

    @Test
    void challengePassesOnlyForATurnTheAskedWayInDepth() {
        double[][] head = face(false);
        double[][] print = face(true);
        for (ActiveChallenge.Action a : ActiveChallenge.Action.values()) {
            // the subject's left is the camera's right: a turn to the subject's left brings the nose towards +x,
            // which this projection gives for positive yaw
            double sign = a == ActiveChallenge.Action.TURN_LEFT ? 1 : -1;
            assertThat(challenge(a, head, sign * Math.toRadians(25))).as(a + " real head").isEqualTo(ActiveChallenge.State.PASSED);
            assertThat(challenge(a, head, -sign * Math.toRadians(25))).as(a + " wrong way").isEqualTo(ActiveChallenge.State.FAILED);
            assertThat(challenge(a, print, sign * Math.toRadians(35))).as(a + " flat print").isEqualTo(ActiveChallenge.State.FAILED);
        }
    }

    private static ActiveChallenge.State challenge(ActiveChallenge.Action a, double[][] pts, double yawEnd) {
        ActiveChallenge c = new ActiveChallenge(a, LivenessSettings.DEFAULTS, 0);
        Random r = new Random(4);
        for (int i = 0; i < 50 && c.state() == ActiveChallenge.State.PENDING; i++) {
            double k = Math.min(1, i / 10.0);
            c.add(new LandmarkFrame(i * FRAME, project(pts, yawEnd * k, 0, 0, 0.3, r), i));
        }
        return c.state();
    }
}
