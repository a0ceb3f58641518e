package io.facecheck.attendance;

import io.facecheck.config.Settings;
import io.facecheck.face.liveness.LivenessSettings;

/** The engine's liveness thresholds from the typed settings. */
public final class LivenessTests {
    private LivenessTests() {
    }

    /** {@code turn-left} / {@code turn-right} as the engine's action. */
    public static io.facecheck.face.liveness.ActiveChallenge.Action action(String id) {
        for (var a : io.facecheck.face.liveness.ActiveChallenge.Action.values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown challenge action " + id);
    }

    public static LivenessSettings of(Settings.LivenessConfig c) {
        return LivenessSettings.DEFAULTS.withLiveNonPlanarity(c.nonPlanarity())
                .withPlanar(c.planarDeformation(), c.planarRatio(), c.planarFrames())
                .withChallenge(c.turnDegrees(), c.challengeTimeout())
                .withContinuity(new LivenessSettings.Continuity(c.cutBoxShift(), c.cutBoxScale(), c.cutCorrelation(),
                        c.discontinuousCuts(), c.discontinuousWindow()));
    }
}
