package io.facecheck.attendance;

import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.RgbImage;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.CheckInEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The kiosk's way through one frame, free of any UI: detect → quality gate → align → embed (the largest face
 * only) → open-set match → liveness → check-in policy → store. A check-in is committed before it is returned.
 * The kiosk screen and {@code facecheck checkin} both go through here. One station per kiosk; frames in order,
 * from one thread at a time.
 * <p>
 * With {@code checkin.liveness = passive | challenge} a {@link LivenessGate} follows the subject's landmarks:
 * a check-in the K-of-N rule would log is held back (decision {@code LIVENESS_FAILED}, the rule asked again on
 * the next frame) until the gate allows it; {@link Outcome#liveness()} says why.
 */
public final class CheckInStation {
    private final FaceEngine engine;
    private final GallerySync gallery;
    private final OpenSetDecision decision;
    private final CheckInPolicy policy;
    private final CheckInRecorder recorder;
    private final LivenessGate gate;
    private final Clock clock;

    public CheckInStation(FaceEngine engine, GallerySync gallery, OpenSetDecision decision, CheckInPolicy policy,
                          CheckInRecorder recorder) {
        this(engine, gallery, decision, policy, recorder, null, Clock.systemUTC());
    }

    /**
     * @param gate  the landmark liveness gate ({@code passive}/{@code challenge}), or null
     * @param clock the frames' clock (the policy's), for the gate's timing
     */
    public CheckInStation(FaceEngine engine, GallerySync gallery, OpenSetDecision decision, CheckInPolicy policy,
                          CheckInRecorder recorder, LivenessGate gate, Clock clock) {
        this.gate = gate;
        this.clock = clock;
        this.engine = engine;
        this.gallery = gallery;
        this.decision = decision;
        this.policy = policy;
        this.recorder = recorder;
        if (policy.rules().liveness() && engine.liveness().isEmpty()) {
            throw new IllegalArgumentException("liveness is required by the settings but no anti-spoofing model is loaded");
        }
    }

    /**
     * What one frame did.
     *
     * @param faces    every face found, largest (the subject) first; empty when none
     * @param verdict  the open-set verdict on the subject, empty when it failed the quality gate or there was none
     * @param decision the policy's decision, empty as for {@code verdict}
     * @param logged   the check-in committed because of this frame, if any
     * @param liveness the landmark liveness gate's status for the subject (empty without a gate or a face)
     */
    public record Outcome(List<Face> faces, Optional<OpenSetDecision.Verdict> verdict, Optional<Decision> decision,
                          Optional<CheckInEvent> logged, Optional<LivenessGate.Status> liveness) {
        public Optional<Face> subject() {
            return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
        }
    }

    public CheckInPolicy policy() {
        return policy;
    }

    /** The landmark liveness gate, if {@code passive} or {@code challenge} is on. */
    public Optional<LivenessGate> livenessGate() {
        return Optional.ofNullable(gate);
    }

    public Outcome process(RgbImage frame) {
        List<Face> faces = engine.analyzeLargest(frame);
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (faces.isEmpty()) {
            if (gate != null) {
                gate.noFace(nanos);
            }
            return new Outcome(faces, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Face subject = faces.get(0);
        if (!subject.embedded()) {
            Optional<LivenessGate.Status> status = gate == null ? Optional.empty()
                    : Optional.of(gate.observe(nanos, frame, subject.detection(), false));
            return new Outcome(faces, Optional.empty(), Optional.empty(), Optional.empty(), status);
        }
        OpenSetDecision.Verdict v = decision.identify(gallery.gallery(), subject.embedding());
        Optional<LivenessGate.Status> status = gate == null ? Optional.empty()
                : Optional.of(gate.observe(nanos, frame, subject.detection(), v.accepted()));
        double distance = v.best().map(m -> m.distance()).orElse(Double.NaN);
        Double live = subject.liveness().isPresent() ? subject.liveness().getAsDouble() : null;
        FrameObservation obs = v.accepted()
                ? FrameObservation.known(v.identity().orElseThrow(), distance, live)
                : FrameObservation.unknown(distance, live);
        Decision d = policy.observe(obs);
        if (d.isCheckIn() && status.isPresent() && !status.get().allowed()) {
            policy.notRecorded(d);
            d = new Decision(Decision.Kind.LIVENESS_FAILED, d.code(), null, d.at(), d.distance(), d.liveness(),
                    d.agreeing(), null, false);
        }
        Optional<CheckInEvent> logged = Optional.empty();
        if (d.isCheckIn()) {
            try {
                logged = recorder.record(d);
            } catch (RuntimeException e) {
                policy.notRecorded(d);
                throw e;
            }
        } else {
            recorder.recordUnknown(d, () -> EnrollmentCrops.png(subject.aligned()));
        }
        return new Outcome(faces, Optional.of(v), Optional.of(d), logged, status);
    }
}
