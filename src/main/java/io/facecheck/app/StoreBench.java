package io.facecheck.app;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.config.Settings;
import io.facecheck.config.SettingsLoader;
import io.facecheck.store.Database;
import io.facecheck.store.FaceKeys;
import io.facecheck.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code bench}'s store figures: a workload filled into a temporary H2 file and into each database given (which
 * must hold no employees), with a throwaway face-data key, timed, then deleted again. Keyed by store: {@code h2},
 * {@code postgresql}, or the URL (without credentials) for a second one of a kind.
 */
public final class StoreBench {
    private StoreBench() {
    }

    /**
     * Refuses a URL that names no database FaceCheck supports, before any timing starts.
     *
     * @throws StoreException {@code INVALID} naming the URL (without its password)
     */
    public static void checkStores(List<String> urls) {
        for (String url : urls) {
            if (Database.Vendor.of(url).isEmpty()) {
                throw new StoreException(StoreException.Kind.INVALID,
                        LocalizedMessage.of("cli.bench.galleryDb", Database.redactUrl(url)));
            }
        }
    }

    /** A kiosk's start with a gallery of {@code templates} templates of {@code dimension} floats ({@link GalleryLoadBench}). */
    public static Map<String, Object> galleryLoads(List<String> urls, int dimension, int templates) throws IOException {
        return perStore("gallery", urls, db -> GalleryLoadBench.measure(db, dimension, templates));
    }

    /** A month's timesheet of 200 people ({@link TimesheetBench}). */
    public static Map<String, Object> timesheets(List<String> urls) throws IOException {
        return perStore("timesheet", urls, TimesheetBench::measure);
    }

    /** {@code measure} on the services of a temporary H2 file and of each of {@code urls} (the HTTP API's load). */
    public static Map<String, Object> onBackends(String tmpName, List<String> urls, Function<Backend, Map<String, Object>> measure)
            throws IOException {
        Settings settings = SettingsLoader.load(Map.of());
        return perStore(tmpName, urls, db -> measure.apply(Backend.on(settings, db)));
    }

    /**
     * {@code measure} on a temporary H2 file (named {@code tmpName}) and on each of {@code urls}, with a throwaway
     * face-data key; the login for the servers comes from the settings.
     */
    private static Map<String, Object> perStore(String tmpName, List<String> urls,
                                                Function<Database, Map<String, Object>> measure) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Path tmp = Files.createTempDirectory("facecheck-bench");
        try {
            FaceKeys keys = FaceKeys.resolve(null, Map.of(), tmp);
            try (Database db = Database.open("jdbc:h2:file:" + tmp.resolve(tmpName).toAbsolutePath(), keys)) {
                out.put("h2", measure.apply(db));
            }
            Settings.DatabaseSettings login = urls.isEmpty() ? null : SettingsLoader.load(Map.of()).database();
            for (String url : urls) {
                try (Database db = Database.open(url, new Database.Credentials(login.user(), login.password()), keys)) {
                    String name = db.vendor() == Database.Vendor.POSTGRESQL ? "postgresql" : "h2";
                    out.put(out.containsKey(name) ? Database.redactUrl(url) : name, measure.apply(db));
                }
            }
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return out;
    }
}
