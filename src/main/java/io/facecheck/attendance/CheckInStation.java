package io.facecheck.attendance;

import io.facecheck.face.DetectedFace;
import io.facecheck.face.Face;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.RgbImage;
import io.facecheck.face.track.FaceTracker;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.match.Vectors;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.CheckInMethod;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The kiosk's way through one frame, free of any UI: find the faces (a full detection, or between full detections
 * the {@link FaceTracker} following each face with the detector's last stage) → quality gate → align → embed (the
 * largest face only) → open-set match → liveness → check-in policy → store. A check-in is committed before it is
 * returned. The kiosk screen and {@code facecheck checkin} both go through here. One station per kiosk; frames in
 * order, from one thread at a time.
 * <p>
 * Every face has a track id. Per-track state lives in one place, the {@link TrackState} of each live track
 * ({@link #track(int)}): the policy's K-of-N votes, the subject's last embedding, and whatever a per-track check
 * attaches to it. A state is created when its track is first seen and dropped when the tracker ends the track.
 * <p>
 * With {@code checkin.liveness = passive | challenge} a {@link LivenessGate} follows the subject's landmarks:
 * a check-in the K-of-N rule would log is held back (decision {@code LIVENESS_FAILED}, the rule asked again on
 * the next frame) until the gate allows it; {@link Outcome#liveness()} says why. The gate's evidence (landmark
 * history, challenge) belongs to one face: it is a {@link LivenessGate.Evidence} attached to that track's
 * {@link TrackState}, so two faces never pool landmarks and a face that comes back starts afresh.
 */
public final class CheckInStation {
    private final FaceEngine engine;
    private final GallerySync gallery;
    private final OpenSetDecision decision;
    private final CheckInPolicy policy;
    private final CheckInRecorder recorder;
    private final FaceTracker tracker;
    private final Map<Integer, TrackState> tracks = new LinkedHashMap<>();
    private final LivenessGate gate;
    private final Clock clock;

    /** No landmark liveness gate; the shipped tracking settings ({@link FaceTracker.Settings#DEFAULTS}). */
    public CheckInStation(FaceEngine engine, GallerySync gallery, OpenSetDecision decision, CheckInPolicy policy,
                          CheckInRecorder recorder) {
        this(engine, gallery, decision, policy, recorder, null, Clock.systemUTC(), FaceTracker.Settings.DEFAULTS);
    }

    /**
     * @param gate     the landmark liveness gate ({@code passive}/{@code challenge}), or null
     * @param clock    the frames' clock (the policy's), for the gate's timing
     * @param tracking the face tracker's settings ({@code engine.track.*})
     */
    public CheckInStation(FaceEngine engine, GallerySync gallery, OpenSetDecision decision, CheckInPolicy policy,
                          CheckInRecorder recorder, LivenessGate gate, Clock clock, FaceTracker.Settings tracking) {
        this.gate = gate;
        this.clock = clock;
        this.engine = engine;
        this.gallery = gallery;
        this.decision = decision;
        this.policy = policy;
        this.recorder = recorder;
        this.tracker = new FaceTracker(engine.detector(), tracking);
        if (policy.rules().liveness() && engine.liveness().isEmpty()) {
            throw new IllegalArgumentException("liveness is required by the settings but no anti-spoofing model is loaded");
        }
    }

    /**
     * What one frame did.
     *
     * @param faces    every face found, largest (the subject) first; empty when none
     * @param trackIds the track id of each face, in the same order
     * @param verdict  the open-set verdict on the subject, empty when it failed the quality gate or there was none
     * @param decision the policy's decision, empty as for {@code verdict}
     * @param logged   the check-in committed because of this frame, if any
     * @param liveness the landmark liveness gate's status for the subject (empty without a gate or a face)
     * @param detected whether the full detector ran on this frame (false: the faces were tracked)
     */
    public record Outcome(List<Face> faces, List<Integer> trackIds, Optional<OpenSetDecision.Verdict> verdict,
                          Optional<Decision> decision, Optional<CheckInEvent> logged,
                          Optional<LivenessGate.Status> liveness, boolean detected) {
        public Outcome {
            faces = List.copyOf(faces);
            trackIds = List.copyOf(trackIds);
            if (faces.size() != trackIds.size()) {
                throw new IllegalArgumentException(faces.size() + " faces but " + trackIds.size() + " track ids");
            }
        }

        public Optional<Face> subject() {
            return faces.isEmpty() ? Optional.empty() : Optional.of(faces.get(0));
        }

        /** The subject's track id; empty when there is no face. */
        public OptionalInt trackId() {
            return trackIds.isEmpty() ? OptionalInt.empty() : OptionalInt.of(trackIds.get(0));
        }
    }

    public CheckInPolicy policy() {
        return policy;
    }

    /** The landmark liveness gate, if {@code passive} or {@code challenge} is on. */
    public Optional<LivenessGate> livenessGate() {
        return Optional.ofNullable(gate);
    }

    /** The state of live track {@code id}, if the track has not ended. */
    public Optional<TrackState> track(int id) {
        return Optional.ofNullable(tracks.get(id));
    }

    /** The live tracks' states, oldest first. */
    public Collection<TrackState> tracks() {
        return Collections.unmodifiableCollection(tracks.values());
    }

    /**
     * The check-in of a person who proved who they are without their face (the PIN fallback): the policy's debounce
     * and direction rules, written through the same recorder as {@link #process}, with {@code method} and the crop
     * of the last face this station saw within {@code evidenceWithin} as evidence (none when {@code evidenceWithin}
     * is null or no face was seen that recently).
     *
     * @return the policy's decision (CHECK_IN or DEBOUNCED) and the committed event, if one was logged
     */
    public Confirmed checkInConfirmed(String code, CheckInMethod method, java.time.Duration evidenceWithin) {
        Decision d = policy.confirmed(code);
        if (!d.isCheckIn()) {
            return new Confirmed(d, Optional.empty());
        }
        byte[] png = evidenceWithin == null ? null : lastFace(evidenceWithin).orElse(null);
        try {
            return new Confirmed(d, recorder.record(d, method, png));
        } catch (RuntimeException e) {
            policy.notRecorded(d);
            throw e;
        }
    }

    /** What {@link #checkInConfirmed} did. */
    public record Confirmed(Decision decision, Optional<CheckInEvent> logged) {
    }

    /** The aligned crop (PNG) of the last subject this station saw, if it was seen within {@code within}. */
    public Optional<byte[]> lastFace(java.time.Duration within) {
        SeenFace seen = lastSeen;
        if (seen == null || Duration.between(seen.at(), clock.instant()).compareTo(within) > 0) {
            return Optional.empty();
        }
        return Optional.of(EnrollmentCrops.png(seen.aligned()));
    }

    /** The last subject's aligned face and when it was seen; written by the frames' thread, read by a PIN entry's. */
    private record SeenFace(RgbImage aligned, Instant at) {
    }

    private volatile SeenFace lastSeen;

    public Outcome process(RgbImage frame) {
        FaceTracker.Step step = tracker.next(frame);
        step.ended().forEach(tracks::remove);
        List<Integer> ids = new ArrayList<>(step.faces().size());
        List<DetectedFace> found = new ArrayList<>(step.faces().size());
        for (FaceTracker.Tracked t : step.faces()) {
            ids.add(t.id());
            found.add(t.face());
        }
        List<Face> faces = engine.analyzeFirst(frame, found, false);
        Instant now = clock.instant();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (faces.isEmpty()) {
            return new Outcome(faces, ids, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    step.detected());
        }
        Face subject = faces.get(0);
        if (subject.aligned() != null) {
            lastSeen = new SeenFace(subject.aligned(), now);
        }
        if (subject.embedded()) {
            TrackState previous = tracks.get(ids.get(0));
            if (previous != null && previous.lastEmbedding != null
                    && Vectors.squaredDistance(previous.lastEmbedding, subject.embedding()) > decision.threshold()) {
                // another person now stands where the track was (two people swapped places between frames)
                tracks.remove(previous.id());
                ids.set(0, tracker.split(previous.id()));
            }
        }
        ids.forEach(id -> tracks.computeIfAbsent(id, TrackState::new).seen());
        TrackState track = tracks.get(ids.get(0));
        // the gate's evidence belongs to the track: kept while the track lives, dropped with it
        LivenessGate.Evidence evidence = gate == null ? null
                : track.attachment(LivenessGate.Evidence.class, gate::newEvidence);
        if (!subject.embedded()) {
            Optional<LivenessGate.Status> status = gate == null ? Optional.empty()
                    : Optional.of(gate.observe(evidence, nanos, frame, subject.detection(), false));
            return new Outcome(faces, ids, Optional.empty(), Optional.empty(), Optional.empty(), status,
                    step.detected());
        }
        track.lastEmbedding = subject.embedding();
        OpenSetDecision.Verdict v = decision.identify(gallery.gallery(), subject.embedding());
        Optional<LivenessGate.Status> status = gate == null ? Optional.empty()
                : Optional.of(gate.observe(evidence, nanos, frame, subject.detection(), v.accepted()));
        double distance = v.best().map(m -> m.distance()).orElse(Double.NaN);
        Double live = subject.liveness().isPresent() ? subject.liveness().getAsDouble() : null;
        FrameObservation obs = v.accepted()
                ? FrameObservation.known(v.identity().orElseThrow(), distance, live)
                : FrameObservation.unknown(distance, live);
        Decision d = policy.observe(track, obs);
        if (d.isCheckIn() && status.isPresent() && !status.get().allowed()) {
            policy.notRecorded(d);
            d = new Decision(Decision.Kind.LIVENESS_FAILED, d.code(), null, d.at(), d.distance(), d.liveness(),
                    d.agreeing(), null, false);
        } else if (d.isCheckIn() && status.isPresent() && d.liveness() == null) {
            // the gate let it in: its plane-test score is what the event's liveness column records (the
            // anti-spoofing network, when it runs, gives the frame's own score instead)
            d = d.withLiveness(status.get().verdict().score());
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
        final Decision decided = d;
        return new Outcome(faces, ids, Optional.of(v), Optional.of(decided), logged, status, step.detected());
    }
}
