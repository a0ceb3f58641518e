package io.facecheck.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Per-user folders: settings in the config folder, the database and enrollment data in the data folder
 * (never the working directory). XDG on Linux, %APPDATA% / %LOCALAPPDATA% on Windows, ~/Library on macOS.
 */
public record AppDirs(Path configDir, Path dataDir) {
    private static final String APP = "facecheck";
    private static final String APP_TITLE = "FaceCheck";

    /** The folders for this user on this machine; {@code FACECHECK_HOME} puts both under one folder. */
    public static AppDirs current() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    /** The folders for the given operating system name, environment and home folder. */
    public static AppDirs of(String osName, Map<String, String> env, Path home) {
        String own = blankToNull(env.get("FACECHECK_HOME"));
        if (own != null) {
            Path base = Path.of(own);
            return new AppDirs(base.resolve("config"), base.resolve("data"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve(APP_TITLE), local.resolve(APP_TITLE));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve(APP_TITLE);
            return new AppDirs(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        return new AppDirs(config.resolve(APP), data.resolve(APP));
    }

    /** The user's override file, {@code facecheck.properties} in the config folder. */
    public Path userSettingsFile() {
        return configDir.resolve("facecheck.properties");
    }

    private static Path pathOr(String value, Path fallback) {
        String v = blankToNull(value);
        // XDG says relative paths are invalid and must be ignored
        return v != null && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
