package io.facecheck.attendance;

import io.facecheck.config.Settings;
import io.facecheck.face.FaceEngine;
import io.facecheck.face.ImageLoader;
import io.facecheck.face.QualitySettings;
import io.facecheck.face.track.FaceTracker;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.Database;
import io.facecheck.store.TemplateRepository;

/**
 * The face engine joined to the store, as the kiosk, the admin screens and the attendance commands all need it:
 * networks and quality gate from the settings, the gallery of the active embedder's templates loaded from the
 * database (and kept in step by {@link GallerySync}), the open-set rule and the enrollment service. The caller
 * owns the {@link Database}; closing this closes the networks only.
 */
public final class AttendanceEngine implements AutoCloseable {
    private final Settings settings;
    private final Database db;
    private final FaceEngine engine;
    private final GallerySync gallery;
    private final OpenSetDecision decision;
    private final OfflineKiosk offline;

    private AttendanceEngine(Settings settings, Database db, FaceEngine engine, GallerySync gallery,
                             OpenSetDecision decision, OfflineKiosk offline) {
        this.offline = offline;
        this.settings = settings;
        this.db = db;
        this.engine = engine;
        this.gallery = gallery;
        this.decision = decision;
    }

    /**
     * Loads the networks ({@code base} says which, where and with how many threads; the quality gate and liveness
     * come from {@code settings}) and the gallery. Slow (seconds): never on the FX thread.
     */
    public static AttendanceEngine open(Settings settings, Database db, FaceEngine.Options base) {
        return open(settings, db, base, null);
    }

    /** As {@link #open(Settings, Database, FaceEngine.Options)}, with a decision threshold that beats the settings'. */
    public static AttendanceEngine open(Settings settings, Database db, FaceEngine.Options base, Double threshold) {
        return open(settings, db, base, threshold, false);
    }

    /**
     * As {@link #open(Settings, Database, FaceEngine.Options, Double)}; with {@code kiosk} and a database server
     * (and {@code kiosk.offline-store} set), the engine keeps working while the server is unreachable: the gallery
     * is cached locally (and loaded from there when the server is down at the start) and the stations journal
     * their check-ins ({@link OfflineKiosk}). {@code db} may then come from {@link Database#openWhenReachable}.
     */
    public static AttendanceEngine open(Settings settings, Database db, FaceEngine.Options base, Double threshold,
                                        boolean kiosk) {
        if (threshold != null && !(threshold > 0)) {
            throw new IllegalArgumentException("the decision threshold must be positive, got " + threshold);
        }
        FaceEngine.Options o = base
                .withQuality(quality(settings.engine()))
                .withLiveness(settings.checkIn().liveness());
        FaceEngine engine = FaceEngine.open(o);
        OfflineKiosk offline = null;
        try {
            if (kiosk && OfflineKiosk.appliesTo(db) && settings.kiosk().offline().isPresent()) {
                offline = OfflineKiosk.open(db, settings.kiosk().offline().get(),
                        io.facecheck.store.FaceKeys.configured(settings.security().keyFile()));
            }
            GallerySync gallery = new GallerySync(new TemplateRepository(db), engine.embedder().modelId(),
                    engine.embedder().dimension());
            if (offline != null) {
                gallery.cacheIn(offline);
            }
            gallery.load();
            double t = threshold != null ? threshold
                    : settings.engine().threshold().orElse(engine.embedder().threshold());
            return new AttendanceEngine(settings, db, engine, gallery,
                    new OpenSetDecision(t, settings.engine().margin()), offline);
        } catch (RuntimeException e) {
            engine.close();
            if (offline != null) {
                offline.close();
            }
            throw e;
        }
    }

    /** Engine options named by the settings (detector, embedder) over {@code base}. */
    public static FaceEngine.Options options(Settings settings, FaceEngine.Options base) {
        return base.withDetector(settings.engine().detector()).withEmbedder(settings.engine().embedder());
    }

    /** The quality gate from the settings' raw numbers over the engine's calibrated defaults. */
    public static QualitySettings quality(Settings.EngineSettings e) {
        QualitySettings q = QualitySettings.DEFAULTS.withMinFaceSize(e.minFace());
        if (e.minSharpness().isPresent()) {
            q = q.withMinSharpness(e.minSharpness().getAsDouble());
        }
        if (e.maxYaw().isPresent()) {
            q = q.withMaxYawDeg(e.maxYaw().getAsDouble());
        }
        if (e.minBrightness().isPresent()) {
            q = q.withMinBrightness(e.minBrightness().getAsDouble());
        }
        return q;
    }

    public Settings settings() {
        return settings;
    }

    public Database db() {
        return db;
    }

    public FaceEngine engine() {
        return engine;
    }

    public GallerySync gallery() {
        return gallery;
    }

    public OpenSetDecision decision() {
        return decision;
    }

    /** The offline mode (journal, gallery cache), when this engine was opened for a kiosk on a server. */
    public java.util.Optional<OfflineKiosk> offline() {
        return java.util.Optional.ofNullable(offline);
    }

    public EnrollmentService enrollment() {
        return new EnrollmentService(db, engine.detector(), engine.embedder(), engine.quality(), new ImageLoader(),
                gallery, decision.threshold());
    }

    /**
     * A check-in station for one kiosk: its own face tracker (settings {@code engine.track.*}), K-of-N memory per
     * track and debounce, recording into this database.
     *
     * @param kioskId stored with each event; null: the configured one
     */
    public CheckInStation station(String kioskId, java.time.Clock clock) {
        return station(kioskId, clock, new java.util.Random());
    }

    /** As {@link #station(String, java.time.Clock)} with the liveness challenges drawn from {@code random}. */
    public CheckInStation station(String kioskId, java.time.Clock clock, java.util.Random random) {
        Settings.CheckInSettings cs = settings.checkIn();
        double livenessThreshold = engine.liveness().map(l -> l.threshold()).orElse(Double.NaN);
        CheckInRules rules = CheckInRules.from(cs, livenessThreshold);
        CheckInRecorder recorder = new CheckInRecorder(db, kioskId != null ? kioskId : cs.kioskId(), cs.zone(),
                rules.debounce(), cs.storeUnknownFaces(), offline);
        Settings.EngineSettings es = settings.engine();
        return new CheckInStation(engine, gallery, decision, new CheckInPolicy(rules, clock, recorder), recorder,
                livenessGate(random), clock, new FaceTracker.Settings(es.trackRedetectEvery(), es.trackMinIou()));
    }

    private LivenessGate livenessGate(java.util.Random random) {
        Settings.LivenessConfig c = settings.liveness();
        if (c.mode() != io.facecheck.config.LivenessMode.PASSIVE && c.mode() != io.facecheck.config.LivenessMode.CHALLENGE) {
            return null;
        }
        return new LivenessGate(c.mode(), c.challengeAlways(), LivenessTests.of(c),
                new io.facecheck.face.liveness.LandmarkReader(engine.models()), random,
                c.challengeActions().stream().map(LivenessTests::action).toList());
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            if (offline != null) {
                offline.close();
            }
        }
    }
}
