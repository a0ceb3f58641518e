package io.facecheck.attendance;

import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.RgbImage;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.CheckInEvent;

import java.util.List;
import java.util.Optional;

/**
 * The kiosk's way through one frame, free of any UI: detect → quality gate → align → embed (the largest face
 * only) → open-set match → liveness → check-in policy → store. A check-in is committed before it is returned.
 * The kiosk screen and {@code facecheck checkin} both go through here. One station per kiosk; frames in order,
 * from one thread at a time.
 */
public final class CheckInStation {
    private final FaceEngine engine;
    private final GallerySync gallery;
    private final OpenSetDecision decision;
    private final CheckInPolicy policy;
    private final CheckInRecorder recorder;

    public CheckInStation(FaceEngine engine, GallerySync gallery, OpenSetDecision decision, CheckInPolicy policy,
                          CheckInRecorder recorder) {
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
     */
    public record Outcome(List<Face> faces, Optional<OpenSetDecision.Verdict> verdict, Optional<Decision> decision,
                          Optional<CheckInEvent> logged) {
        public Optional<Face> subject() {
            return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
        }
    }

    public CheckInPolicy policy() {
        return policy;
    }

    public Outcome process(RgbImage frame) {
        List<Face> faces = engine.analyzeLargest(frame);
        if (faces.isEmpty() || !faces.get(0).embedded()) {
            return new Outcome(faces, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Face subject = faces.get(0);
        OpenSetDecision.Verdict v = decision.identify(gallery.gallery(), subject.embedding());
        double distance = v.best().map(m -> m.distance()).orElse(Double.NaN);
        Double live = subject.liveness().isPresent() ? subject.liveness().getAsDouble() : null;
        FrameObservation obs = v.accepted()
                ? FrameObservation.known(v.identity().orElseThrow(), distance, live)
                : FrameObservation.unknown(distance, live);
        Decision d = policy.observe(obs);
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
        return new Outcome(faces, Optional.of(v), Optional.of(d), logged);
    }
}
