package io.facecheck.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The program's version, from the project version the build writes into {@code io/facecheck/version.properties}:
 * the one source for {@code facecheck -V} and the version a kiosk reports in {@code facecheck kiosks}. It is on the
 * class path in the jar and in the build folder alike (the jar manifest is not, so tests saw "dev" there).
 */
public final class AppVersion {
    private static final String RESOURCE = "/io/facecheck/version.properties";
    private static final String CURRENT = read();

    private AppVersion() {
    }

    /** E.g. {@code 0.1.0}; without Maven's {@code -SNAPSHOT}, as the installer names the package. */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource inside our own jar: report the version as unknown rather than fail
        }
        String v = p.getProperty("version", "");
        if (v.isBlank() || v.startsWith("${")) {
            return "unknown"; // not built by Maven (resource not filtered)
        }
        return v.endsWith("-SNAPSHOT") ? v.substring(0, v.length() - "-SNAPSHOT".length()) : v;
    }
}
