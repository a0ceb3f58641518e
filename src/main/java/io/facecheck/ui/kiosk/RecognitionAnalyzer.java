package io.facecheck.ui.kiosk;

import io.facecheck.attendance.CheckInPolicy;
import io.facecheck.attendance.CheckInRecorder;
import io.facecheck.attendance.Decision;
import io.facecheck.attendance.FrameObservation;
import io.facecheck.camera.VideoFrame;
import io.facecheck.face.DetectedFace;
import io.facecheck.face.FaceDetector;
import io.facecheck.face.FaceEmbedder;
import io.facecheck.face.Quality;
import io.facecheck.face.QualityIssue;
import io.facecheck.face.QualityReport;
import io.facecheck.face.RgbImage;
import io.facecheck.match.Gallery;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.EmployeeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The kiosk's way through one frame: detect → quality gate → align → embed → open-set match → liveness →
 * check-in policy → store. Only the largest face is matched (one person at a time at a kiosk); the others are
 * drawn but not identified. A check-in is committed to the store before it is reported to the screen.
 */
public final class RecognitionAnalyzer implements FrameAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(RecognitionAnalyzer.class);

    private final FaceDetector detector;
    private final FaceEmbedder embedder;
    private final Quality quality;
    private final Gallery gallery;
    private final OpenSetDecision decision;
    private final CheckInPolicy policy;
    private final CheckInRecorder recorder;
    private final EmployeeRepository employees;
    private final BiFunction<RgbImage, DetectedFace, Double> liveness;
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /**
     * @param liveness anti-spoofing score of a face (lower is live), or null when liveness is off
     */
    public RecognitionAnalyzer(FaceDetector detector, FaceEmbedder embedder, Quality quality, Gallery gallery,
                               OpenSetDecision decision, CheckInPolicy policy, CheckInRecorder recorder,
                               EmployeeRepository employees, BiFunction<RgbImage, DetectedFace, Double> liveness) {
        this.detector = Objects.requireNonNull(detector);
        this.embedder = Objects.requireNonNull(embedder);
        this.quality = Objects.requireNonNull(quality);
        this.gallery = Objects.requireNonNull(gallery);
        this.decision = Objects.requireNonNull(decision);
        this.policy = Objects.requireNonNull(policy);
        this.recorder = Objects.requireNonNull(recorder);
        this.employees = Objects.requireNonNull(employees);
        this.liveness = liveness;
        if (policy.rules().liveness() && liveness == null) {
            throw new IllegalArgumentException("liveness is required by the settings but no anti-spoofing model is loaded");
        }
    }

    @Override
    public KioskUpdate analyze(VideoFrame frame) {
        RgbImage image = frame.toRgbImage();
        List<DetectedFace> faces = new ArrayList<>(detector.detect(image));
        if (faces.isEmpty()) {
            return KioskUpdate.empty(frame.sequence(), frame.width(), frame.height());
        }
        faces.sort(Comparator.comparingDouble((DetectedFace f) -> f.box().area()).reversed());
        List<KioskFace> drawn = new ArrayList<>();
        for (int i = 1; i < faces.size(); i++) {
            drawn.add(new KioskFace(faces.get(i).box(), "", KioskFace.Kind.POOR));
        }
        DetectedFace subject = faces.get(0);
        QualityReport q = quality.assess(image, subject);
        if (!q.ok()) {
            KioskUpdate.Message m = guidance(q);
            drawn.add(0, new KioskFace(subject.box(), m.text(), KioskFace.Kind.POOR));
            return new KioskUpdate(frame.sequence(), frame.width(), frame.height(), drawn, List.of(), m);
        }
        float[] embedding = embedder.embed(List.of(embedder.align(image, subject)))[0];
        OpenSetDecision.Verdict v = decision.identify(gallery, embedding);
        double distance = v.best().map(b -> b.distance()).orElse(Double.NaN);
        Double live = liveness == null ? null : liveness.apply(image, subject);
        FrameObservation obs = v.accepted()
                ? FrameObservation.known(v.identity().orElseThrow(), distance, live)
                : FrameObservation.unknown(distance, live);
        Decision d = policy.observe(obs);
        List<KioskUpdate.CheckIn> checkIns = new ArrayList<>();
        KioskUpdate.Message message = KioskUpdate.Message.NONE;
        switch (d.kind()) {
            case UNKNOWN -> {
                drawn.add(0, new KioskFace(subject.box(), "Unknown", KioskFace.Kind.UNKNOWN));
                message = d.agreeing() >= policy.rules().k() ? KioskUpdate.Message.NOT_RECOGNISED : KioskUpdate.Message.NONE;
            }
            case LIVENESS_FAILED -> {
                drawn.add(0, new KioskFace(subject.box(), "", KioskFace.Kind.POOR));
                message = KioskUpdate.Message.LIVENESS_FAILED;
            }
            case CHECK_IN -> {
                drawn.add(0, new KioskFace(subject.box(), name(d.code()), KioskFace.Kind.KNOWN));
                Optional<CheckInEvent> e;
                try {
                    e = recorder.record(d);
                } catch (RuntimeException ex) {
                    policy.notRecorded(d);
                    throw ex;
                }
                if (e.isPresent()) {
                    CheckInEvent ev = e.get();
                    checkIns.add(new KioskUpdate.CheckIn(ev.code(), ev.name(), ev.direction().name(), ev.localTime()));
                } else {
                    LOG.debug("check-in of {} was already logged by another kiosk", d.code());
                }
            }
            default -> drawn.add(0, new KioskFace(subject.box(), name(d.code()), KioskFace.Kind.KNOWN));
        }
        return new KioskUpdate(frame.sequence(), frame.width(), frame.height(), drawn, checkIns, message);
    }

    private String name(String code) {
        return names.computeIfAbsent(code, c -> employees.findByCode(c).map(e -> e.name()).orElse(c));
    }

    /** Forget cached names (after an employee was renamed). */
    public void forgetNames() {
        names.clear();
    }

    static KioskUpdate.Message guidance(QualityReport q) {
        List<QualityIssue> issues = q.issues();
        if (issues.contains(QualityIssue.TOO_SMALL)) {
            return KioskUpdate.Message.COME_CLOSER;
        }
        if (issues.contains(QualityIssue.TOO_DARK)) {
            return KioskUpdate.Message.MORE_LIGHT;
        }
        return KioskUpdate.Message.LOOK_AT_CAMERA;
    }
}
