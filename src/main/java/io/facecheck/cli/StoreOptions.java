package io.facecheck.cli;

import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import io.facecheck.config.ConfigException;
import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;
import io.facecheck.store.StoreException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --db URL} and the settings, shared by every command that uses the attendance database. */
final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL",
            descriptionKey = "help.store.db")
    String db;

    @Option(names = "--key-file", paramLabel = "FILE",
            descriptionKey = "help.store.key-file")
    Path keyFile;

    private Settings settings;
    private final Map<String, String> extra = new HashMap<>();

    /** A setting given by another flag of the command (before the settings are first read). */
    void override(String key, String value) {
        if (settings != null) {
            throw new IllegalStateException("settings already read");
        }
        extra.put(key, value);
    }

    Settings settings() {
        if (settings == null) {
            Map<String, String> overrides = new HashMap<>(extra);
            if (db != null) {
                overrides.put("database.url", databaseUrl());
            }
            if (keyFile != null) {
                overrides.put("security.key-file", keyFilePath());
            }
            try {
                settings = SettingsLoader.load(overrides);
            } catch (ConfigException e) {
                throw CliException.of(ExitCodes.FAILURE, e);
            }
        }
        return settings;
    }

    /** {@code --db} as a JDBC URL (a bare path is an H2 file), or null when not given. */
    String databaseUrl() {
        return db == null || db.startsWith("jdbc:") ? db : "jdbc:h2:file:" + stripMvDb(db);
    }

    /** {@code --key-file} as an absolute path, or null when not given. */
    String keyFilePath() {
        return keyFile == null ? null : keyFile.toAbsolutePath().toString();
    }

    /**
     * Opens the database, runs {@code work} on its services and closes it; a store failure fails the command with
     * exit 5 and the store's message. The one shape of every command that opens the database once.
     */
    int withBackend(OpenMode mode, java.util.function.ToIntFunction<Backend> work) {
        try (Backend backend = open(mode)) {
            return work.applyAsInt(backend);
        } catch (StoreException e) {
            throw asCli(e);
        }
    }

    /**
     * Opens (and migrates) the database and hands out the services over it, or fails the command with exit 5 and
     * the store's message. Each command says whether it may create a missing database (and key):
     * {@link OpenMode#CREATE} only for those meant to set one up; a command that reads or changes what is there
     * passes {@link OpenMode#EXISTING}, so that a mistyped {@code --db} fails with "no FaceCheck database at …".
     */
    Backend open(OpenMode mode) {
        return open(mode, false);
    }

    /**
     * For a kiosk ({@code checkin}, {@code kiosk}): as {@link #open(OpenMode)}, but a database server that cannot be
     * reached is not an error; the kiosk then works from its offline store.
     */
    Backend openWhenReachable(OpenMode mode) {
        return open(mode, true);
    }

    private Backend open(OpenMode mode, boolean whenReachable) {
        try {
            return Backend.open(settings(), mode, whenReachable);
        } catch (StoreException e) {
            throw asCli(e);
        }
    }

    /** A store error as a CLI error: database problems exit 5, unknown codes and bad values exit 1. */
    static CliException asCli(StoreException e) {
        int code = switch (e.kind()) {
            case IN_USE, READ_ONLY, CANNOT_OPEN, NO_DATABASE, KEY -> ExitCodes.DATABASE;
            default -> ExitCodes.FAILURE;
        };
        return CliException.of(code, e);
    }

    /** {@code --db data/fc.mv.db} means the database {@code data/fc}. */
    private static String stripMvDb(String path) {
        return path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
    }
}
