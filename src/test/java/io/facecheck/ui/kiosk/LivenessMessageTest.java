package io.facecheck.ui.kiosk;

import io.facecheck.attendance.LivenessGate;
import io.facecheck.attendance.LivenessGate.Refusal;
import io.facecheck.face.liveness.LivenessVerdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The kiosk's words for the gate's refusal come from its {@link Refusal}, not from parsing a reason string. */
class LivenessMessageTest {
    private static LivenessGate.Status refused(LivenessVerdict.Verdict v, String cause, Refusal refusal) {
        return new LivenessGate.Status(new LivenessVerdict(v, 0.1, 12, List.of(cause), 0, 0, 0), null, null, false,
                refusal);
    }

    @Test
    void aSpoofVerdictSaysLivenessFailedAndKeepsItsCodeForScripts() {
        LivenessGate.Status s = refused(LivenessVerdict.Verdict.SPOOF, "planar_motion", Refusal.SPOOF);
        assertThat(RecognitionAnalyzer.livenessMessage(s)).isEqualTo(KioskUpdate.Message.LIVENESS_FAILED);
        assertThat(s.reason()).isEqualTo("spoof:planar_motion");
        assertThat(s.cause()).isEqualTo("planar_motion");
    }

    @Test
    void aVerdictNotLiveYetAsksToMoveTheHead() {
        LivenessGate.Status s = refused(LivenessVerdict.Verdict.UNSURE, "no_depth_motion", Refusal.NOT_LIVE);
        assertThat(RecognitionAnalyzer.livenessMessage(s)).isEqualTo(KioskUpdate.Message.MOVE_HEAD);
        assertThat(s.reason()).isEqualTo("not_live:no_depth_motion");
    }

    @Test
    void anUnrecognisedFaceGetsNoLivenessWordsAndAnAllowedOneNone() {
        LivenessGate.Status s = refused(LivenessVerdict.Verdict.UNSURE, "too_few_frames", Refusal.NOT_RECOGNISED);
        assertThat(RecognitionAnalyzer.livenessMessage(s)).isNull();
        assertThat(s.reason()).isEqualTo("not_recognised");
        LivenessGate.Status ok = new LivenessGate.Status(LivenessVerdict.none(), null, null, true, null);
        assertThat(RecognitionAnalyzer.livenessMessage(ok)).isNull();
        assertThat(ok.reason()).isNull();
    }
}
