package io.facecheck.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the app was asked to start, passed to JavaFX as named parameters ({@code --screen=kiosk}).
 *
 * @param screen     which screen opens first
 * @param camera     camera spec for the kiosk (see {@code FrameSources}), null for the configured one
 * @param fullscreen kiosk in full screen, without window decorations
 * @param kioskId    recorded with each check-in, null for the configured one
 * @param database   JDBC URL overriding the configured database, null for the configured one
 * @param liveness   {@code checkin.liveness} for this run ({@code off}, {@code passive}, {@code challenge},
 *                   {@code net}), null for the configured one
 * @param keyFile    face-data key file overriding {@code security.key-file}, null for the configured one
 */
public record LaunchOptions(Screen screen, String camera, boolean fullscreen, String kioskId, String database,
                            String liveness, String keyFile) {

    public LaunchOptions(Screen screen, String camera, boolean fullscreen, String kioskId, String database) {
        this(screen, camera, fullscreen, kioskId, database, null);
    }

    public LaunchOptions(Screen screen, String camera, boolean fullscreen, String kioskId, String database,
                         String liveness) {
        this(screen, camera, fullscreen, kioskId, database, liveness, null);
    }

    public enum Screen { KIOSK, ADMIN }

    public static final LaunchOptions DEFAULT = new LaunchOptions(Screen.KIOSK, null, false, null, null);

    public LaunchOptions withDatabase(String url) {
        return new LaunchOptions(screen, camera, fullscreen, kioskId, url, liveness, keyFile);
    }

    public List<String> toArgs() {
        List<String> a = new ArrayList<>();
        a.add("--screen=" + screen.name().toLowerCase(java.util.Locale.ROOT));
        if (camera != null) {
            a.add("--camera=" + camera);
        }
        if (fullscreen) {
            a.add("--fullscreen=true");
        }
        if (kioskId != null) {
            a.add("--kiosk-id=" + kioskId);
        }
        if (database != null) {
            a.add("--db=" + database);
        }
        if (liveness != null) {
            a.add("--liveness=" + liveness);
        }
        if (keyFile != null) {
            a.add("--key-file=" + keyFile);
        }
        return a;
    }

    public static LaunchOptions fromNamed(Map<String, String> named) {
        String s = named.getOrDefault("screen", "kiosk");
        Screen screen = "admin".equalsIgnoreCase(s) ? Screen.ADMIN : Screen.KIOSK;
        return new LaunchOptions(screen, named.get("camera"), Boolean.parseBoolean(named.get("fullscreen")),
                named.get("kiosk-id"), named.get("db"), named.get("liveness"), named.get("key-file"));
    }
}
