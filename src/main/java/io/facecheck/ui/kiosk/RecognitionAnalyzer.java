package io.facecheck.ui.kiosk;

import io.facecheck.app.EmployeeAdminService;
import io.facecheck.attendance.CheckInStation;
import io.facecheck.attendance.OfflineKiosk;
import io.facecheck.attendance.LivenessGate;
import io.facecheck.face.liveness.ActiveChallenge;
import io.facecheck.attendance.Decision;
import io.facecheck.camera.VideoFrame;
import io.facecheck.face.Face;
import io.facecheck.face.QualityIssue;
import io.facecheck.face.QualityReport;
import io.facecheck.store.CheckInEvent;
import io.facecheck.store.StoreException;
import io.facecheck.ui.I18n.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Presents the kiosk's {@link CheckInStation} (detect → quality gate → embed → open-set match → liveness →
 * check-in policy → store, UI-free and shared with {@code facecheck checkin}) as boxes, names and the banner
 * message. Only the largest face is matched (one person at a time at a kiosk); the others are drawn but not
 * identified.
 */
public final class RecognitionAnalyzer implements FrameAnalyzer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecognitionAnalyzer.class);
    private final CheckInStation station;
    private final EmployeeAdminService employees;
    private final OfflineKiosk offline;
    private final Map<String, Who> names = new ConcurrentHashMap<>();

    /** The name drawn beside a face and the one the greeting uses (null: the name). */
    record Who(String name, String greetingName) {
    }

    public RecognitionAnalyzer(CheckInStation station, EmployeeAdminService employees) {
        this(station, employees, null);
    }

    /**
     * @param offline the kiosk's offline mode, or null: while the server is unreachable, names come from its gallery
     *                cache
     */
    public RecognitionAnalyzer(CheckInStation station, EmployeeAdminService employees, OfflineKiosk offline) {
        this.station = Objects.requireNonNull(station);
        this.employees = Objects.requireNonNull(employees);
        this.offline = offline;
    }

    /** The analyser of a kiosk on {@code engine}'s database, with its offline mode where it has one. */
    public static RecognitionAnalyzer of(io.facecheck.attendance.AttendanceEngine engine, CheckInStation station) {
        return new RecognitionAnalyzer(station, EmployeeAdminService.of(engine), engine.offline().orElse(null));
    }

    @Override
    public KioskUpdate analyze(VideoFrame frame) {
        CheckInStation.Outcome o = station.process(frame.toRgbImage());
        if (o.faces().isEmpty()) {
            return KioskUpdate.empty(frame.sequence(), frame.width(), frame.height());
        }
        List<KioskFace> drawn = new ArrayList<>();
        for (int i = 1; i < o.faces().size(); i++) {
            drawn.add(new KioskFace(o.faces().get(i).detection().box(), Text.NONE, KioskFace.Kind.POOR));
        }
        Face subject = o.faces().get(0);
        var box = subject.detection().box();
        if (o.decision().isEmpty()) {
            KioskUpdate.Message m = guidance(subject.quality());
            drawn.add(0, new KioskFace(box, m.text(), KioskFace.Kind.POOR));
            return new KioskUpdate(frame.sequence(), frame.width(), frame.height(), drawn, List.of(), m);
        }
        Decision d = o.decision().get();
        KioskUpdate.Message message = KioskUpdate.Message.NONE;
        switch (d.kind()) {
            case UNKNOWN -> {
                drawn.add(0, new KioskFace(box, Text.of("kiosk.face.unknown"), KioskFace.Kind.UNKNOWN));
                // one odd frame is not enough to tell someone they are not recognised
                if (d.agreeing() >= station.policy().rules().k()) {
                    message = KioskUpdate.Message.NOT_RECOGNISED;
                }
            }
            case LIVENESS_FAILED -> {
                drawn.add(0, new KioskFace(box, Text.NONE, KioskFace.Kind.POOR));
                message = KioskUpdate.Message.LIVENESS_FAILED;
            }
            default -> drawn.add(0, new KioskFace(box, Text.verbatim(who(d.code()).name()), KioskFace.Kind.KNOWN));
        }
        o.liveness().ifPresent(l -> LOG.debug("liveness {} challenge {} {} allowed {} reason {}", l.verdict().verdict(),
                l.challenge(), l.state(), l.allowed(), l.reason()));
        if (d.kind() != Decision.Kind.UNKNOWN && o.logged().isEmpty() && o.liveness().isPresent()) {
            KioskUpdate.Message m = livenessMessage(o.liveness().get());
            if (m != null) {
                message = m;
            }
        }
        List<KioskUpdate.CheckIn> checkIns = new ArrayList<>();
        Optional<CheckInEvent> logged = o.logged();
        logged.ifPresent(ev -> checkIns.add(new KioskUpdate.CheckIn(ev.code(), ev.name(), ev.direction().name(),
                ev.localTime(), who(ev.code()).greetingName())));
        return new KioskUpdate(frame.sequence(), frame.width(), frame.height(), drawn, checkIns, message);
    }

    /** What to tell the person about the landmark liveness gate, or null when it has nothing to say. */
    static KioskUpdate.Message livenessMessage(LivenessGate.Status s) {
        if (s.allowed()) {
            return null;
        }
        if (s.state() == ActiveChallenge.State.PENDING && s.challenge() != null) {
            return s.challenge() == ActiveChallenge.Action.TURN_LEFT ? KioskUpdate.Message.TURN_LEFT
                    : KioskUpdate.Message.TURN_RIGHT;
        }
        if (s.state() == ActiveChallenge.State.FAILED) {
            return KioskUpdate.Message.CHALLENGE_FAILED;
        }
        if (s.refusal() == LivenessGate.Refusal.SPOOF) {
            return KioskUpdate.Message.LIVENESS_FAILED;
        }
        if (s.refusal() == LivenessGate.Refusal.NOT_LIVE) {
            return KioskUpdate.Message.MOVE_HEAD;
        }
        return null;
    }

    /**
     * The names of a recognised person: from the server, or while it is unreachable from the gallery cache (which
     * keeps the greeting name too, so an offline kiosk greets people as the online one does).
     */
    private Who who(String code) {
        Who known = names.get(code);
        if (known != null) {
            return known;
        }
        Optional<Who> name;
        if (offline != null && !offline.online()) {
            name = cachedName(code);
        } else {
            try {
                name = employees.find(code).map(e -> new Who(e.name(), e.greetingName()));
            } catch (StoreException e) {
                if (offline == null || !e.unreachable()) {
                    throw e;
                }
                offline.wentDown(e);
                name = cachedName(code);
            }
        }
        name.ifPresent(n -> names.put(code, n));
        return name.orElse(new Who(code, null));
    }

    private Optional<Who> cachedName(String code) {
        return offline.cachedPerson(code).map(p -> new Who(p[0], p.length > 2 ? p[2] : null));
    }

    static KioskUpdate.Message guidance(QualityReport q) {
        if (q == null) {
            return KioskUpdate.Message.LOOK_AT_CAMERA;
        }
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
