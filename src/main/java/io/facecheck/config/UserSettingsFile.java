package io.facecheck.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Writes the user's override file (a settings screen's "save"), merging with what is there, atomically. */
public final class UserSettingsFile {
    private UserSettingsFile() {
    }

    /** Sets {@code changes} in {@code file} (a null value removes the key); other keys are kept. */
    public static void update(Path file, Map<String, String> changes) {
        Map<String, String> merged = new TreeMap<>(Files.exists(file) ? SettingsLoader.readFile(file) : Map.of());
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        Properties p = new Properties();
        p.putAll(merged);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "facecheck", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "FaceCheck user settings (overrides config/facecheck.properties)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot write settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
