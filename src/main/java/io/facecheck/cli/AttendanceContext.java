package io.facecheck.cli;

import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import io.facecheck.attendance.AttendanceEngine;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.attendance.GallerySync;
import io.facecheck.config.Settings;
import io.facecheck.face.FaceEngine;
import io.facecheck.match.OpenSetDecision;
import io.facecheck.store.StoreException;

/**
 * What the attendance commands share: settings (with {@code --db}), the database, and the
 * {@link AttendanceEngine} (networks from the settings and engine flags, gallery loaded from the store, open-set
 * rule).
 */
final class AttendanceContext implements AutoCloseable {
    final Settings settings;
    final Backend backend;
    final AttendanceEngine attendance;
    final FaceEngine engine;
    final GallerySync gallery;
    final OpenSetDecision decision;

    private AttendanceContext(Settings settings, Backend backend, AttendanceEngine attendance) {
        this.settings = settings;
        this.backend = backend;
        this.attendance = attendance;
        this.engine = attendance.engine();
        this.gallery = attendance.gallery();
        this.decision = attendance.decision();
    }

    /**
     * Opens the database first (a locked or missing database fails fast), then the models, then loads the gallery.
     *
     * @param mode {@link OpenMode#CREATE} for enrollment, which sets a database up; EXISTING otherwise
     */
    static AttendanceContext open(StoreOptions store, EngineOptions engineOptions, OpenMode mode) {
        return open(store, engineOptions, mode, false);
    }

    /**
     * For the check-in commands: as {@link #open(StoreOptions, EngineOptions, OpenMode)} on an existing
     * database, and on a database server the kiosk's offline mode (a server that cannot be reached is worked around
     * with the local gallery cache and journal; with nothing cached it still fails with exit 5).
     */
    static AttendanceContext openForKiosk(StoreOptions store, EngineOptions engineOptions) {
        return open(store, engineOptions, OpenMode.EXISTING, true);
    }

    private static AttendanceContext open(StoreOptions store, EngineOptions engineOptions, OpenMode mode,
                                          boolean kiosk) {
        Settings settings = store.settings();
        Backend backend = kiosk ? store.openWhenReachable(mode) : store.open(mode);
        try {
            return new AttendanceContext(settings, backend, backend.openEngine(engineOptions.options(),
                    engineOptions.threshold, kiosk));
        } catch (StoreException e) {
            backend.close();
            throw StoreOptions.asCli(e);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    EnrollmentService enrollment() {
        return attendance.enrollment();
    }

    @Override
    public void close() {
        try {
            attendance.close();
        } finally {
            backend.close();
        }
    }
}
