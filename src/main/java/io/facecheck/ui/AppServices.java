package io.facecheck.ui;

import io.facecheck.app.AdminAccountService;
import io.facecheck.app.AuditService;
import io.facecheck.app.Backend;
import io.facecheck.app.CheckInSyncService;
import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.HolidayService;
import io.facecheck.app.KioskService;
import io.facecheck.app.LeaveService;
import io.facecheck.app.SettingsService;
import io.facecheck.app.ScheduleService;
import io.facecheck.app.ShiftService;
import io.facecheck.app.TimesheetService;
import io.facecheck.app.TodayService;
import io.facecheck.attendance.AttendanceCorrections;
import io.facecheck.attendance.AttendanceEngine;
import io.facecheck.face.FaceEngine;
import io.facecheck.attendance.Reports;
import io.facecheck.config.AppDirs;
import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the screens use, opened once in the background at start: settings, the {@link Backend} (the database
 * and the use-case services of {@code io.facecheck.app} over it) and, on first use, the face engine. The view
 * models call the services (through {@link BackgroundTask}); the rules live there, not here.
 */
public final class AppServices implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppServices.class);
    /** Key in the user settings file for the kiosk's camera (see {@code FrameSources}). */
    public static final String CAMERA_KEY = "kiosk.camera";

    private final Settings settings;
    private final Path userSettingsFile;
    private final Backend backend;
    private final Reports reports;
    private final AttendanceCorrections corrections;
    private final boolean kiosk;
    private AttendanceEngine engine;
    private AutoCloseable gallerySync;
    private AutoCloseable journalSync;
    private AutoCloseable heartbeat;
    private AutoCloseable backups;
    /** Delivers the webhooks' events while the app runs (kiosk and admin screens both make events). */
    private final io.facecheck.app.WebhookDispatcher webhookDispatcher;
    private AutoCloseable evidencePurge;

    private AppServices(Settings settings, Path userSettingsFile, Backend backend, boolean kiosk) {
        this.settings = settings;
        this.kiosk = kiosk;
        this.userSettingsFile = userSettingsFile;
        this.backend = backend;
        this.reports = backend.reports();
        this.corrections = backend.corrections();
        this.webhookDispatcher = backend.webhookDispatcher();
    }

    /** How often a kiosk uploads the check-ins it journalled while its database server was unreachable. */
    public static final java.time.Duration JOURNAL_SYNC_INTERVAL = CheckInSyncService.AUTO_SYNC_INTERVAL;

    /**
     * Loads settings (defaults, user file, then {@code options}) and opens the database. Slow (migrations,
     * models): call off the FX thread.
     * <p>
     * For the kiosk screen ({@link LaunchOptions.Screen#KIOSK}) a database server that cannot be reached now is not
     * an error ({@link Backend#open}): the kiosk then works from its offline store (gallery cache and
     * journal, see {@link io.facecheck.attendance.OfflineKiosk}) and connects when the server answers. The admin
     * screens alone need the server and open it strictly. Wrong credentials, a newer schema or a missing key fail
     * here in both cases.
     */
    public static AppServices open(LaunchOptions options) {
        AppDirs dirs = AppDirs.current();
        return open(dirs.userSettingsFile(), options);
    }

    /** As {@link #open(LaunchOptions)} with an explicit user settings file (tests use a temporary one). */
    public static AppServices open(Path userSettingsFile, LaunchOptions options) {
        Map<String, String> overrides = new HashMap<>();
        if (options.database() != null) {
            overrides.put("database.url", options.database());
        }
        if (options.kioskId() != null) {
            overrides.put("checkin.kiosk-id", options.kioskId());
        }
        if (options.liveness() != null) {
            overrides.put("checkin.liveness", options.liveness());
        }
        if (options.keyFile() != null) {
            overrides.put("security.key-file", options.keyFile());
        }
        Settings settings = SettingsLoader.load(AppDirs.current(), userSettingsFile, overrides);
        boolean kiosk = options.screen() == LaunchOptions.Screen.KIOSK;
        AppServices services = new AppServices(settings, userSettingsFile, Backend.open(settings, kiosk), kiosk);
        services.backups = services.backend.backups().scheduleDaily(settings.backup()).orElse(null);
        services.webhookDispatcher.start();
        services.evidencePurge = services.backend.pins(settings.pin()).scheduleEvidencePurge();
        return services;
    }

    public Settings settings() {
        return settings;
    }

    public Path userSettingsFile() {
        return userSettingsFile;
    }

    /** The camera configured for the kiosk, or "0". */
    public String configuredCamera() {
        if (userSettingsFile != null && java.nio.file.Files.exists(userSettingsFile)) {
            String c = SettingsLoader.readFile(userSettingsFile).get(CAMERA_KEY);
            if (c != null && !c.isBlank()) {
                return c;
            }
        }
        return "0";
    }

    /** The database and the services over it; the screens use the services below. */
    public Backend backend() {
        return backend;
    }

    public AdminAccountService admins() {
        return backend.admins();
    }

    public AuditService audit() {
        return backend.audit();
    }

    public EmployeeAdminService employees() {
        return backend.employees();
    }

    public KioskService kiosks() {
        return backend.kiosks();
    }

    /** The settings the admin screens change, kept in the user settings file. */
    public SettingsService settingsService() {
        return backend.settingsService(userSettingsFile);
    }

    public Reports reports() {
        return reports;
    }

    public AttendanceCorrections corrections() {
        return corrections;
    }

    public ShiftService shifts() {
        return backend.shifts();
    }

    public ScheduleService schedules() {
        return backend.schedules();
    }

    public HolidayService holidays() {
        return backend.holidays();
    }

    /** Leave of the configured types ({@code timesheet.leave-types}). */
    public LeaveService leave() {
        return backend.leave();
    }

    public TimesheetService timesheets() {
        return backend.timesheets();
    }

    /** The kiosk's PIN fallback ({@code pin.*}). */
    public io.facecheck.app.PinService pins() {
        return backend.pins(settings.pin());
    }

    /** The live board of the Today page, on the timesheet of today. */
    public TodayService today() {
        return new TodayService(timesheets(), shifts());
    }

    /** The CSV format of the exports ({@code report.*}), in the check-in zone. */
    public io.facecheck.attendance.CsvReports csv() {
        return new io.facecheck.attendance.CsvReports(settings.checkIn().zone(), settings.report().bom(),
                settings.report().delimiter());
    }

    /**
     * The face engine joined to the store (networks, gallery, open-set rule, enrollment, check-in stations),
     * loaded on first use with the detector and embedder of the settings. Seconds: call off the FX thread.
     * <p>
     * In a kiosk on a database server (with {@code kiosk.offline-store}) the engine survives the server: its gallery
     * is cached locally and loaded from there when the server is down at the start, its check-ins are journalled
     * while the server is unreachable, and the journal is uploaded every {@link #JOURNAL_SYNC_INTERVAL} once it
     * answers again.
     *
     * Fails with a store error that {@link #unreachable} recognises when the server is down and this kiosk has no
     * cached gallery of it.
     */
    public synchronized AttendanceEngine engine() {
        if (engine == null) {
            engine = backend.openEngine(FaceEngine.Options.defaults(), kiosk);
            // changes made at the admin PC or another kiosk reach this gallery within seconds
            gallerySync = engine.gallery().startPolling(io.facecheck.attendance.GallerySync.POLL_INTERVAL);
            engine.offline().ifPresent(o -> journalSync = new CheckInSyncService(o, settings.checkIn().kioskId(),
                    settings.checkIn().debounce()).startAutoSync());
        }
        return engine;
    }

    /** Whether this process shows the kiosk (its database server may be unreachable; see {@link #open}). */
    public boolean kiosk() {
        return kiosk;
    }

    /** The kiosk's offline mode (journal, gallery cache) once the engine is loaded, when it has one. */
    public synchronized java.util.Optional<io.facecheck.attendance.OfflineKiosk> offline() {
        return engine == null ? java.util.Optional.empty() : engine.offline();
    }

    /** This kiosk's check-ins journalled while the server was unreachable and not uploaded yet (local; never asks the server). */
    public int pendingCheckIns() {
        return offline().map(o -> o.pending(settings.checkIn().kioskId())).orElse(0);
    }

    /** Whether {@code e} (or what it wraps) says the database server cannot be reached, as opposed to any other failure. */
    public static boolean unreachable(Throwable e) {
        return Backend.unreachable(e);
    }

    /** The engine if {@link #engine()} has loaded it, else null; never loads. */
    public synchronized AttendanceEngine loadedEngine() {
        return engine;
    }

    /**
     * Starts this kiosk's heartbeat (see {@link KioskService#startHeartbeat}), for the admin's "Kiosks" view and
     * {@code facecheck kiosks}; with an offline mode no beat is tried while the server is unreachable.
     */
    public synchronized void startHeartbeat(java.util.function.IntSupplier pendingEvents) {
        if (heartbeat == null) {
            heartbeat = backend.kiosks().startHeartbeat(settings.checkIn().kioskId(), pendingEvents, this::offline);
        }
    }

    /** The webhooks and how their deliveries stand (the admin's Webhooks page). */
    public io.facecheck.app.WebhookService webhooks() {
        return backend.webhooks();
    }

    @Override
    public synchronized void close() {
        webhookDispatcher.close();
        stop(heartbeat);
        stop(journalSync);
        stop(gallerySync);
        stop(backups);
        stop(evidencePurge);
        if (engine != null) {
            engine.close();
        }
        backend.close();
    }

    private static void stop(AutoCloseable chore) {
        if (chore == null) {
            return;
        }
        try {
            chore.close();
        } catch (Exception e) {
            // shutting a scheduler down does not fail
        }
    }
}
