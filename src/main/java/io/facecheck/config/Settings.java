package io.facecheck.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.OptionalDouble;

/**
 * All of FaceCheck's settings, typed. Built by {@link SettingsLoader} from the shipped
 * {@code config/facecheck.properties}, the user's override file and command-line flags, in that order.
 */
public record Settings(DatabaseSettings database, CheckInSettings checkIn, EngineSettings engine,
                       ReportSettings report, KioskSettings kiosk, LivenessConfig liveness,
                       SecuritySettings security, BackupSettings backup, TimesheetSettings timesheet,
                       UiSettings ui, PinSettings pin) {

    /**
     * The kiosk's PIN fallback ({@code pin.*}).
     *
     * @param enabled        {@code pin.enabled}: whether the kiosk offers "Use PIN" at all
     * @param evidence       {@code pin.evidence}: keep a face crop of whoever used a PIN, if a face was seen
     * @param evidenceDays   {@code pin.evidence-days}: how long such a crop is kept
     * @param offDepartments {@code pin.off-departments}: departments whose employees may not use a PIN
     */
    public record PinSettings(boolean enabled, boolean evidence, int evidenceDays,
                              java.util.Set<String> offDepartments) {
        public static final PinSettings DEFAULTS = new PinSettings(true, true, 30, java.util.Set.of());

        public PinSettings {
            if (evidenceDays < 1) {
                throw new ConfigException("pin.evidence-days must be at least 1, got " + evidenceDays);
            }
            offDepartments = java.util.Set.copyOf(offDepartments);
        }

        /** Whether an employee of {@code department} (null: none) may check in with a PIN. */
        public boolean allowedFor(String department) {
            return enabled && (department == null || !offDepartments.contains(department.strip()));
        }
    }

    /**
     * @param language {@code ui.language}: the language of the screens (one of {@link Messages#SUPPORTED}); null: the
     *                 OS locale's ({@link Messages#supportedOrEnglish})
     */
    public record UiSettings(java.util.Locale language) {
        /** No language set: the OS locale's. */
        public static final UiSettings OS = new UiSettings(null);

        public java.util.Optional<java.util.Locale> languageIfSet() {
            return java.util.Optional.ofNullable(language);
        }
    }

    /**
     * @param url      JDBC URL: {@code jdbc:h2:file:PATH} (embedded) or {@code jdbc:postgresql://HOST:PORT/DB}
     * @param user     login for a server database ({@code database.user} or {@code FACECHECK_DB_USER}); null: none
     * @param password its password ({@code database.password} or {@code FACECHECK_DB_PASSWORD}); null: none.
     *                 Never printed: {@link #toString()} hides it
     */
    public record DatabaseSettings(String url, String user, String password) {
        public DatabaseSettings(String url) {
            this(url, null, null);
        }

        @Override
        public String toString() {
            return "DatabaseSettings[url=" + url + ", user=" + user + ", password="
                    + (password == null ? "none" : "***") + "]";
        }
    }

    /**
     * @param k                 frames that must agree on the identity ...
     * @param n                 ... among the last n frames
     * @param window            ... all within this time
     * @param debounce          the same person is not logged twice within this time
     * @param direction         kiosk direction mode
     * @param liveness          whether the anti-spoofing network's check must pass ({@code checkin.liveness} is
     *                          {@code net}/{@code true}; see {@link LivenessConfig#mode()} for the others)
     * @param livenessThreshold live when the score is below this; empty: the model card's value
     * @param kioskId           id of this kiosk, stored with each event
     * @param workStart         local start of the working day, for the late flag
     * @param zone              zone of days, reports and the late flag
     * @param storeUnknownFaces whether crops of unknown faces may be kept (default false)
     */
    public record CheckInSettings(int k, int n, Duration window, Duration debounce, DirectionMode direction,
                                  boolean liveness, OptionalDouble livenessThreshold, String kioskId,
                                  LocalTime workStart, ZoneId zone, boolean storeUnknownFaces) {
        public CheckInSettings {
            if (k < 1 || n < k) {
                throw new ConfigException("checkin.k and checkin.n must satisfy 1 <= k <= n, got k=" + k + ", n=" + n);
            }
            if (window.isNegative() || window.isZero()) {
                throw new ConfigException("checkin.window must be positive, got " + window);
            }
            if (debounce.isNegative()) {
                throw new ConfigException("checkin.debounce must not be negative, got " + debounce);
            }
        }
    }

    /**
     * @param detector      detector id ({@code mtcnn}, {@code ssd})
     * @param embedder      embedder id ({@code mobilefacenet}, {@code resnet})
     * @param threshold     decision threshold override; empty: the embedder's model card
     * @param margin        open-set margin between the best and second-best identity
     * @param minFace       smallest accepted face box side in pixels
     * @param minSharpness  quality gate raw number; empty: the engine's default
     * @param maxYaw        quality gate raw number (degrees); empty: the engine's default
     * @param minBrightness quality gate raw number (0..255); empty: the engine's default
     * @param trackRedetectEvery the kiosk runs the full face detector at least every this many frames and follows
     *                      the faces with the detector's last stage in between (1: full detection on every frame)
     * @param trackMinIou   a face keeps its track id only while its box overlaps its previous box at least this much
     */
    public record EngineSettings(String detector, String embedder, OptionalDouble threshold, double margin,
                                 int minFace, OptionalDouble minSharpness, OptionalDouble maxYaw,
                                 OptionalDouble minBrightness, int trackRedetectEvery, double trackMinIou) {
    }

    /**
     * @param bom       start CSV files with a UTF-8 byte-order mark (for Excel)
     * @param delimiter CSV field delimiter
     */
    public record ReportSettings(boolean bom, char delimiter) {
    }

    /**
     * @param dimAfter     the kiosk screen dims after this long without a face in view; zero: never
     * @param offlineStore base path (no {@code .mv.db}) of the kiosk's offline store (gallery cache and journal)
     *                     for a database server; null: no offline mode
     */
    public record KioskSettings(Duration dimAfter, java.nio.file.Path offlineStore) {
        public KioskSettings(Duration dimAfter) {
            this(dimAfter, null);
        }

        public java.util.Optional<java.nio.file.Path> offline() {
            return java.util.Optional.ofNullable(offlineStore);
        }

        public KioskSettings {
            if (dimAfter.isNegative()) {
                throw new ConfigException("kiosk.dim-after must not be negative, got " + dimAfter);
            }
        }
    }

    /**
     * {@code checkin.liveness} and the thresholds of the landmark liveness tests (docs/liveness.md; distances in
     * inter-ocular distances).
     *
     * @param mode              off, net (the old anti-spoofing network), passive or challenge
     * @param challengeAlways   with {@code challenge}: challenge every check-in ({@code always}) or only when the
     *                          passive verdict is unsure ({@code unsure})
     * @param nonPlanarity      live once the landmarks leave the best homography by this much
     * @param planarDeformation a frame "moved like a flat surface" when a similarity misses it by this much ...
     * @param planarRatio       ... and the homography by at most this fraction of that
     * @param planarFrames      spoof after this many such frames
     * @param turnDegrees       challenge: head turn needed, degrees of landmark yaw
     * @param challengeTimeout  challenge: time allowed for the action
     * @param challengeActions  challenge: the actions drawn from at random ({@code turn-left}, {@code turn-right})
     * @param cutBoxShift       a cut between consecutive frames when the face box moved more than this many box
     *                          widths ...
     * @param cutBoxScale       ... or grew or shrank by more than this factor ...
     * @param cutCorrelation    ... or the aligned grey face patches correlate less than this
     * @param discontinuousCuts spoof once this many cuts fall within {@code discontinuousWindow} ...
     * @param discontinuousWindow ... (a slideshow of photos, not a camera filming a person)
     */
    public record LivenessConfig(LivenessMode mode, boolean challengeAlways, double nonPlanarity,
                                 double planarDeformation, double planarRatio, int planarFrames, double turnDegrees,
                                 Duration challengeTimeout, java.util.List<String> challengeActions,
                                 double cutBoxShift, double cutBoxScale, double cutCorrelation,
                                 int discontinuousCuts, Duration discontinuousWindow) {
        public static final java.util.List<String> ACTIONS = java.util.List.of("turn-left", "turn-right");

        public LivenessConfig {
            challengeActions = java.util.List.copyOf(challengeActions);
        }
    }

    /**
     * @param keyFile the face-data key file ({@code security.key-file}); null: {@code FACECHECK_KEY} when set, else
     *                {@code facecheck.key} in the user config folder
     */
    public record SecuritySettings(java.nio.file.Path keyFile) {
    }

    /**
     * @param daily whether the desktop app makes a backup once a day
     * @param keep  how many daily backups are kept (older ones are deleted)
     * @param dir   where daily backups go
     */
    public record BackupSettings(boolean daily, int keep, java.nio.file.Path dir) {
        public BackupSettings {
            if (keep < 1) {
                throw new ConfigException("backup.keep must be at least 1, got " + keep);
            }
        }
    }

    /** @param leaveTypes the leave types HR records (lower case, in the order configured) */
    public record TimesheetSettings(java.util.List<String> leaveTypes) {
        public TimesheetSettings {
            if (leaveTypes == null || leaveTypes.isEmpty()) {
                throw new ConfigException("timesheet.leave-types must name at least one leave type");
            }
            leaveTypes = java.util.List.copyOf(leaveTypes);
        }
    }
}
