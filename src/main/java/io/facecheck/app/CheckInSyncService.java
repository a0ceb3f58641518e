package io.facecheck.app;

import io.facecheck.attendance.OfflineKiosk;

import io.facecheck.config.Settings;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.OfflineStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Uploading the check-ins a kiosk journalled while its database server was unreachable: the same policy for a
 * running kiosk (in the background) and for {@code facecheck checkin} (before its own check-ins).
 */
public final class CheckInSyncService {
    /** How often a running kiosk uploads its journal. */
    public static final Duration AUTO_SYNC_INTERVAL = Duration.ofSeconds(5);

    private final OfflineKiosk offline;
    private final String kioskId;
    private final Duration debounce;

    /**
     * @param kioskId  whose journal
     * @param debounce {@code checkin.debounce}: an uploaded check-in this close to one already on the server is a
     *                 duplicate
     */
    public CheckInSyncService(OfflineKiosk offline, String kioskId, Duration debounce) {
        this.offline = offline;
        this.kioskId = kioskId;
        this.debounce = debounce;
    }

    /**
     * What this kiosk journalled goes first, as a running kiosk's background sync would upload it; with the server
     * still down it stays. Also learns what the other kiosks logged lately, so IN/OUT stays right if the server goes
     * away before the next check-in. Returns the upload's result when something was waiting.
     */
    public Optional<OfflineKiosk.SyncResult> uploadWaiting() {
        if (!offline.online()) {
            return Optional.empty();
        }
        offline.refreshLastEvents();
        if (offline.pending(kioskId) == 0) {
            return Optional.empty();
        }
        return Optional.of(offline.sync(kioskId, debounce));
    }

    /**
     * Uploads the journal (and notices the server's return) every {@link #AUTO_SYNC_INTERVAL} on a daemon thread
     * until the handle is closed.
     */
    public AutoCloseable startAutoSync() {
        return offline.startAutoSync(AUTO_SYNC_INTERVAL, debounce);
    }

    /**
     * {@code facecheck sync}: uploads what the kiosks of this machine journalled in {@code journal} (opened with the
     * configured face-data key) while the backend's server was unreachable, {@code kioskId}'s only when given (null:
     * every kiosk's). The result says whether the server could be reached to the end.
     */
    public static OfflineKiosk.SyncResult uploadJournal(Backend backend, Path journal, String kioskId) {
        Settings settings = backend.settings();
        try (OfflineKiosk offline = new OfflineKiosk(backend.database(),
                OfflineStore.open(journal, FaceKeys.configured(settings.security().keyFile())))) {
            return offline.sync(kioskId, settings.checkIn().debounce());
        }
    }
}
