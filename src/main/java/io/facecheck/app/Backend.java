package io.facecheck.app;

import io.facecheck.attendance.AttendanceCorrections;
import io.facecheck.attendance.AttendanceEngine;
import io.facecheck.attendance.Reports;
import io.facecheck.config.Settings;
import io.facecheck.face.FaceEngine;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.StoreException;

import java.nio.file.Path;

/**
 * The database of one process and the use-case services over it: what a front end opens once and asks for its
 * services. Front ends reach the store only through these services (and its value types); the layers below
 * ({@code attendance}) get the {@link Database} itself.
 */
public final class Backend implements AutoCloseable {
    private final Settings settings;
    private final Database db;

    private Backend(Settings settings, Database db) {
        this.settings = settings;
        this.db = db;
    }

    /**
     * Opens the configured database (with the configured face-data key). With {@code whenReachable} a database
     * server that cannot be reached now is not an error ({@link Database#openWhenReachable}): a kiosk then works from
     * its offline store. Wrong credentials, a newer schema or a missing key fail either way.
     */
    public static Backend open(Settings settings, boolean whenReachable) {
        return open(settings, OpenMode.CREATE, whenReachable);
    }

    /** As {@link #open(Settings, boolean)}, saying whether a missing database (and key) may be created. */
    public static Backend open(Settings settings, OpenMode mode, boolean whenReachable) {
        FaceKeys keys = FaceKeys.configured(settings.security().keyFile());
        Database.Credentials login = login(settings);
        Database db = whenReachable ? Database.openWhenReachable(settings.database().url(), login, keys, mode.store())
                : Database.open(settings.database().url(), login, keys, mode.store());
        return new Backend(settings, db);
    }

    static Database.Credentials login(Settings settings) {
        return new Database.Credentials(settings.database().user(), settings.database().password());
    }

    /** Over a database opened elsewhere; closing the backend closes it. */
    public static Backend on(Settings settings, Database db) {
        return new Backend(settings, db);
    }

    public Settings settings() {
        return settings;
    }

    /** The database, for the layers below the services and for tests; front ends use the services. */
    public Database database() {
        return db;
    }

    /** Asks the database server with one quick connection whether it answers; throws when it does not. */
    public void probe() {
        db.probe();
    }

    /** Whether {@code e} (or what it wraps) says the database server cannot be reached, as opposed to any other failure. */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException se && se.unreachable()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The face engine joined to this database (networks, gallery, open-set rule, enrollment, check-in stations)
     * with the detector and embedder of the settings over {@code base}. Seconds: never on the FX thread.
     *
     * @param kiosk whether it serves a kiosk, which keeps working from its offline store while the server is down
     */
    public AttendanceEngine openEngine(FaceEngine.Options base, boolean kiosk) {
        return AttendanceEngine.open(settings, db, AttendanceEngine.options(settings, base), null, kiosk);
    }

    /**
     * As {@link #openEngine(FaceEngine.Options, boolean)} with the networks of {@code options} as given (the
     * command line's engine flags) and, when not null, a match threshold that overrides the settings.
     */
    public AttendanceEngine openEngine(FaceEngine.Options options, Double threshold, boolean kiosk) {
        return AttendanceEngine.open(settings, db, options, threshold, kiosk);
    }

    /** Where the database is, for messages: a file path or a server URL without its password. */
    public String displayName() {
        return db.displayName();
    }

    public AdminAccountService admins() {
        return new AdminAccountService(db);
    }

    public AuditService audit() {
        return new AuditService(db);
    }

    public EmployeeAdminService employees() {
        return new EmployeeAdminService(db);
    }

    /** The webhooks and how their deliveries stand. */
    public WebhookService webhooks() {
        return new WebhookService(db);
    }

    /** A dispatcher of the webhooks' outbox on this database (start it, or call deliverDue once). */
    public WebhookDispatcher webhookDispatcher() {
        return new WebhookDispatcher(db);
    }

    /** The kiosk's PIN fallback under {@code pin}'s settings. */
    public PinService pins(Settings.PinSettings pin) {
        return new PinService(db, pin);
    }

    /** Re-embedding the kept enrollment crops with another embedder ({@code templates rebuild}); audited. */
    public io.facecheck.attendance.TemplateRebuilder templates() {
        return new io.facecheck.attendance.TemplateRebuilder(db);
    }

    /** The HTTP API's tokens. */
    public ApiTokenService apiTokens() {
        return new ApiTokenService(db);
    }

    /** The HTTP API's paged reading of the events. */
    public EventService events() {
        return new EventService(db);
    }

    /** A dispatcher of the webhooks' outbox with {@code options} (back-off, timeout). */
    public WebhookDispatcher webhookDispatcher(WebhookDispatcher.Options options) {
        return new WebhookDispatcher(db, options);
    }

    public KioskService kiosks() {
        return new KioskService(db);
    }

    /** The face-data keyring: list, rotate, retire. */
    public FaceKeyService faceKeys() {
        return new FaceKeyService(db);
    }

    public BackupService backups() {
        return new BackupService(db);
    }

    /** The settings an administrator changes, kept in {@code userSettingsFile}. */
    public SettingsService settingsService(Path userSettingsFile) {
        return new SettingsService(db, userSettingsFile);
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

    /** Reports in the check-in zone and the configured CSV format. */
    public Reports reports() {
        Settings.CheckInSettings c = settings.checkIn();
        return new Reports(db, c.zone(), c.workStart(), settings.report().bom(), settings.report().delimiter());
    }

    /** Check-in events added by hand or imported from another terminal, in the check-in zone. */
    public CorrectionService eventCorrections() {
        return new CorrectionService(db, settings.checkIn().zone());
    }

    /** Check-in events added by hand, in {@code zone}. */
    public CorrectionService eventCorrections(java.time.ZoneId zone) {
        return new CorrectionService(db, zone);
    }

    /** Reports with the days in {@code zone} and the CSV format {@code csv} (a command's own choices). */
    public Reports reports(java.time.ZoneId zone, io.facecheck.attendance.CsvReports csv) {
        return new Reports(db, zone, settings.checkIn().workStart(), csv);
    }

    public AttendanceCorrections corrections() {
        return new AttendanceCorrections(db, settings.checkIn().zone());
    }

    @Override
    public void close() {
        db.close();
    }
}
