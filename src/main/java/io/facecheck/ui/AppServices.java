package io.facecheck.ui;

import io.facecheck.app.HolidayService;
import io.facecheck.app.LeaveService;
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
import io.facecheck.store.AdminUsers;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Backups;
import io.facecheck.store.Database;
import io.facecheck.store.EmployeeRepository;
import io.facecheck.store.EventRepository;
import io.facecheck.store.TemplateRepository;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the screens use, opened once in the background at start: settings, the database and its
 * repositories. The view models call these directly (through {@link BackgroundTask}); there is no extra
 * service layer in between.
 */
public final class AppServices implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AppServices.class);
    /** Key in the user settings file for the kiosk's camera (see {@code FrameSources}). */
    public static final String CAMERA_KEY = "kiosk.camera";

    private final Settings settings;
    private final Path userSettingsFile;
    private final Database db;
    private final AdminUsers adminUsers;
    private final AuditLog audit;
    private final EmployeeRepository employees;
    private final EventRepository events;
    private final TemplateRepository templates;
    private final Reports reports;
    private final AttendanceCorrections corrections;
    private final boolean kiosk;
    private AttendanceEngine engine;
    private AutoCloseable gallerySync;
    private AutoCloseable journalSync;
    private java.util.concurrent.ScheduledExecutorService heartbeat;
    private java.util.concurrent.ScheduledExecutorService backups;
    private java.util.concurrent.ScheduledExecutorService evidencePurge;

    private AppServices(Settings settings, Path userSettingsFile, Database db, boolean kiosk) {
        this.settings = settings;
        this.kiosk = kiosk;
        this.userSettingsFile = userSettingsFile;
        this.db = db;
        this.adminUsers = new AdminUsers(db);
        this.audit = new AuditLog(db);
        this.employees = new EmployeeRepository(db);
        this.events = new EventRepository(db);
        this.templates = new TemplateRepository(db);
        Settings.CheckInSettings c = settings.checkIn();
        this.reports = new Reports(db, c.zone(), c.workStart(), settings.report().bom(), settings.report().delimiter());
        this.corrections = new AttendanceCorrections(db, c.zone());
    }

    /** How often a kiosk uploads the check-ins it journalled while its database server was unreachable. */
    public static final java.time.Duration JOURNAL_SYNC_INTERVAL = java.time.Duration.ofSeconds(5);

    /**
     * Loads settings (defaults, user file, then {@code options}) and opens the database. Slow (migrations,
     * models): call off the FX thread.
     * <p>
     * For the kiosk screen ({@link LaunchOptions.Screen#KIOSK}) a database server that cannot be reached now is not
     * an error ({@link Database#openWhenReachable}): the kiosk then works from its offline store (gallery cache and
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
        io.facecheck.store.FaceKeys keys = io.facecheck.store.FaceKeys.configured(settings.security().keyFile());
        Database db = kiosk ? Database.openWhenReachable(settings.database().url(), credentials(settings), keys)
                : Database.open(settings.database().url(), credentials(settings), keys);
        AppServices services = new AppServices(settings, userSettingsFile, db, kiosk);
        services.scheduleDailyBackups();
        services.scheduleEvidencePurge();
        return services;
    }

    /** The database login from the settings (user file or environment). */
    public static Database.Credentials credentials(Settings settings) {
        return new Database.Credentials(settings.database().user(), settings.database().password());
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

    public Database database() {
        return db;
    }

    public AdminUsers adminUsers() {
        return adminUsers;
    }

    public AuditLog audit() {
        return audit;
    }

    public EmployeeRepository employees() {
        return employees;
    }

    public EventRepository events() {
        return events;
    }

    public TemplateRepository templates() {
        return templates;
    }

    public Reports reports() {
        return reports;
    }

    public AttendanceCorrections corrections() {
        return corrections;
    }

    public ShiftService shifts() {
        return new ShiftService(db);
    }

    public ScheduleService schedules() {
        return new ScheduleService(db);
    }

    public HolidayService holidays() {
        return new HolidayService(db);
    }

    /** Leave of the configured types ({@code timesheet.leave-types}). */
    public LeaveService leave() {
        return new LeaveService(db, settings.timesheet().leaveTypes());
    }

    public TimesheetService timesheets() {
        return new TimesheetService(db);
    }

    /** The kiosk's PIN fallback ({@code pin.*}). */
    public io.facecheck.app.PinService pins() {
        return new io.facecheck.app.PinService(db, settings.pin());
    }

    /** Administrators' password checks, under the PIN's lockout (admin login, the kiosk's unlock dialog). */
    public io.facecheck.app.AdminLoginService adminLogins() {
        return new io.facecheck.app.AdminLoginService(db);
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
     * @throws io.facecheck.store.StoreException {@link io.facecheck.store.StoreException#unreachable()} when the
     *                                           server is down and this kiosk has no cached gallery of it
     */
    public synchronized AttendanceEngine engine() {
        if (engine == null) {
            engine = AttendanceEngine.open(settings, db, AttendanceEngine.options(settings, FaceEngine.Options.defaults()),
                    null, kiosk);
            // changes made at the admin PC or another kiosk reach this gallery within seconds
            gallerySync = engine.gallery().startPolling(io.facecheck.attendance.GallerySync.POLL_INTERVAL);
            engine.offline().ifPresent(o -> journalSync = o.startAutoSync(JOURNAL_SYNC_INTERVAL,
                    settings.checkIn().debounce()));
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
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.facecheck.store.StoreException se && se.unreachable()) {
                return true;
            }
        }
        return false;
    }

    /** The engine if {@link #engine()} has loaded it, else null; never loads. */
    public synchronized AttendanceEngine loadedEngine() {
        return engine;
    }

    /**
     * Deletes the face crops kept as evidence of PIN check-ins once they are {@code pin.evidence-days} old: a minute
     * after the start, then every hour, on a daemon thread (a failure is logged and tried again the next hour).
     */
    private void scheduleEvidencePurge() {
        evidencePurge = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pin-evidence-purge");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        io.facecheck.app.PinService pins = pins();
        evidencePurge.scheduleWithFixedDelay(() -> {
            try {
                int n = pins.purgeEvidence();
                if (n > 0) {
                    LOG.info("purged {} PIN evidence crops older than {} days", n, settings.pin().evidenceDays());
                }
            } catch (RuntimeException e) {
                LOG.warn("purging PIN evidence: {}", e.getMessage());
            }
        }, 1, 60, java.util.concurrent.TimeUnit.MINUTES);
    }

    /**
     * With {@code backup.daily}, checks every hour (the first time a few minutes after the start) whether the newest
     * backup in {@code backup.dir} is a day old, and if so writes one and keeps the newest {@code backup.keep}.
     */
    private void scheduleDailyBackups() {
        Settings.BackupSettings b = settings.backup();
        if (!b.daily() || Database.fileOf(db.url()).isEmpty()) {
            return;
        }
        backups = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daily-backup");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        backups.scheduleWithFixedDelay(() -> {
            try {
                Backups.dailyIfDue(db, b.dir(), b.keep(), java.time.Clock.systemUTC());
            } catch (RuntimeException e) {
                LOG.warn("daily backup into {} failed: {}", b.dir(), e.getMessage());
            }
        }, 3, 60, java.util.concurrent.TimeUnit.MINUTES);
    }

    /**
     * Starts this kiosk's heartbeat: its row in the {@code kiosk} table (id, last seen, version, pending events)
     * is rewritten every {@link io.facecheck.store.KioskRegistry#HEARTBEAT_INTERVAL} on a daemon thread, for the
     * admin's "Kiosks" view and {@code facecheck kiosks}. A failed beat (database unreachable) is logged only; with
     * an offline mode it tells the kiosk it is offline, and no beat is tried while it is (the journal's sync
     * notices the server's return).
     */
    public synchronized void startHeartbeat(java.util.function.IntSupplier pendingEvents) {
        if (heartbeat != null) {
            return;
        }
        String id = settings.checkIn().kioskId();
        java.time.Instant started = java.time.Instant.now();
        var registry = new io.facecheck.store.KioskRegistry(db);
        heartbeat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> {
            var offline = offline();
            if (offline.isPresent() && !offline.get().online()) {
                return;
            }
            try {
                registry.beat(id, io.facecheck.config.AppVersion.current(), pendingEvents.getAsInt(), started);
            } catch (io.facecheck.store.StoreException e) {
                if (offline.isPresent() && e.unreachable()) {
                    offline.get().wentDown(e);
                } else {
                    LOG.warn("kiosk heartbeat: {}", e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("kiosk heartbeat: {}", e.getMessage());
            }
        }, 0, io.facecheck.store.KioskRegistry.HEARTBEAT_INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        if (evidencePurge != null) {
            evidencePurge.shutdownNow();
        }
        if (journalSync != null) {
            try {
                journalSync.close();
            } catch (Exception e) {
                // shutting a scheduler down does not fail
            }
        }
        if (gallerySync != null) {
            try {
                gallerySync.close();
            } catch (Exception e) {
                // shutting a scheduler down does not fail
            }
        }
        if (backups != null) {
            backups.shutdownNow();
        }
        if (engine != null) {
            engine.close();
        }
        db.close();
    }
}
