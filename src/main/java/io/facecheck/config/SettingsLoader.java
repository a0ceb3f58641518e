package io.facecheck.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * Reads settings in layers: the shipped defaults (classpath {@code config/facecheck.properties}), the user's
 * override file, then explicit overrides (command-line flags). Later layers win key by key. Every error names
 * the key and the layer it came from.
 */
public final class SettingsLoader {
    /** Classpath location of the shipped defaults (copied from {@code config/} at build time). */
    public static final String DEFAULTS_RESOURCE = "config/facecheck.properties";
    /** Database login from the environment; wins over {@code database.user} in the files. */
    public static final String ENV_DB_USER = "FACECHECK_DB_USER";
    /** Database password from the environment; wins over {@code database.password} in the files. */
    public static final String ENV_DB_PASSWORD = "FACECHECK_DB_PASSWORD";

    private final AppDirs dirs;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> origin = new LinkedHashMap<>();
    private final java.util.function.UnaryOperator<String> environment = System::getenv;

    private SettingsLoader(AppDirs dirs) {
        this.dirs = dirs;
    }

    /** Settings for this user: defaults, then the user file in {@link AppDirs#current()}, then {@code overrides}. */
    public static Settings load(Map<String, String> overrides) {
        AppDirs dirs = AppDirs.current();
        return load(dirs, dirs.userSettingsFile(), overrides);
    }

    /**
     * Settings from the defaults, then {@code userFile} when it exists (may be null), then {@code overrides}
     * (keys as in the properties file, e.g. {@code database.url}).
     */
    public static Settings load(AppDirs dirs, Path userFile, Map<String, String> overrides) {
        SettingsLoader l = new SettingsLoader(dirs);
        l.addDefaults();
        if (userFile != null && Files.exists(userFile)) {
            l.add(readFile(userFile), userFile.toString());
        }
        l.add(overrides, "command line");
        return l.build();
    }

    /** Reads a properties file as UTF-8. */
    public static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private void addDefaults() {
        Properties p = new Properties();
        try (InputStream in = SettingsLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigException("shipped settings " + DEFAULTS_RESOURCE + " missing from the classpath");
            }
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigException("cannot read shipped settings " + DEFAULTS_RESOURCE, e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        add(m, DEFAULTS_RESOURCE);
    }

    private void add(Map<String, String> layer, String from) {
        if (layer == null) {
            return;
        }
        layer.forEach((k, v) -> {
            if (v != null) {
                values.put(k.trim(), v.trim());
                origin.put(k.trim(), from);
            }
        });
    }

    private Settings build() {
        var db = new Settings.DatabaseSettings(expand(required("database.url")),
                fromEnvOr(ENV_DB_USER, "database.user"), fromEnvOr(ENV_DB_PASSWORD, "database.password"));
        var checkIn = new Settings.CheckInSettings(
                integer("checkin.k"), integer("checkin.n"),
                duration("checkin.window"), duration("checkin.debounce"),
                enumValue("checkin.direction", DirectionMode.class),
                livenessMode() == LivenessMode.NET, optionalDouble("checkin.liveness.threshold"),
                required("checkin.kiosk-id"), time("checkin.work-start"), zone("checkin.zone"),
                bool("checkin.unknown.store-faces"));
        var engine = new Settings.EngineSettings(
                required("engine.detector"), required("engine.embedder"),
                optionalDouble("engine.threshold"), number("engine.margin"), integer("engine.min-face"),
                optionalDouble("engine.quality.min-sharpness"), optionalDouble("engine.quality.max-yaw"),
                optionalDouble("engine.quality.min-brightness"),
                integer("engine.track.redetect-every"), number("engine.track.min-iou"));
        if (engine.trackRedetectEvery() < 1) {
            throw bad("engine.track.redetect-every", "a whole number of at least 1");
        }
        if (!(engine.trackMinIou() > 0 && engine.trackMinIou() < 1)) {
            throw bad("engine.track.min-iou", "a number between 0 and 1");
        }
        String delim = values.getOrDefault("report.delimiter", ",");
        if (delim.length() != 1) {
            throw bad("report.delimiter", "one character");
        }
        var report = new Settings.ReportSettings(bool("report.bom"), delim.charAt(0));
        String offline = expand(values.getOrDefault("kiosk.offline-store", "")).trim();
        var kiosk = new Settings.KioskSettings(duration("kiosk.dim-after"),
                offline.isEmpty() ? null : java.nio.file.Path.of(offline));
        String when = values.getOrDefault("checkin.liveness.challenge", "always").toLowerCase(Locale.ROOT);
        if (!when.equals("always") && !when.equals("unsure")) {
            throw bad("checkin.liveness.challenge", "always or unsure");
        }
        var liveness = new Settings.LivenessConfig(livenessMode(), when.equals("always"),
                positive("liveness.non-planarity"), positive("liveness.planar-deformation"),
                positive("liveness.planar-ratio"), integer("liveness.planar-frames"), positive("liveness.turn-degrees"),
                duration("liveness.challenge-timeout"), challengeActions(), positive("liveness.cut.box-shift"),
                above("liveness.cut.box-scale", 1), correlation("liveness.cut.min-correlation"),
                count("liveness.discontinuous-cuts"), positiveDuration("liveness.discontinuous-window"));
        String keyFile = values.getOrDefault("security.key-file", "");
        var security = new Settings.SecuritySettings(keyFile.isEmpty() ? null : java.nio.file.Path.of(expand(keyFile)));
        var backup = new Settings.BackupSettings(bool("backup.daily"), integer("backup.keep"),
                java.nio.file.Path.of(expand(required("backup.dir"))));
        var timesheet = new Settings.TimesheetSettings(java.util.Arrays.stream(
                values.getOrDefault("timesheet.leave-types", "annual,sick,unpaid").split(","))
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).distinct().toList());
        var pin = new Settings.PinSettings(bool("pin.enabled"), bool("pin.evidence"), integer("pin.evidence-days"),
                java.util.Arrays.stream(values.getOrDefault("pin.off-departments", "").split(","))
                        .map(String::strip).filter(d -> !d.isEmpty()).collect(java.util.stream.Collectors.toSet()));
        return new Settings(db, checkIn, engine, report, kiosk, liveness, security, backup, timesheet, ui(), pin);
    }

    /** {@code ui.language}: empty for the OS locale's, else a tag FaceCheck speaks. */
    private Settings.UiSettings ui() {
        String tag = values.getOrDefault("ui.language", "").trim();
        if (tag.isEmpty()) {
            return Settings.UiSettings.OS;
        }
        try {
            return new Settings.UiSettings(Messages.parse(tag));
        } catch (IllegalArgumentException e) {
            throw bad("ui.language", "empty (the system's language) or one of " + Messages.supportedTags());
        }
    }

    private LivenessMode livenessMode() {
        LivenessMode m = LivenessMode.parse(required("checkin.liveness"));
        if (m == null) {
            throw bad("checkin.liveness", "off, passive, challenge, or net (true/false as before: true = net)");
        }
        return m;
    }

    private java.util.List<String> challengeActions() {
        String key = "liveness.challenge-actions";
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String a : values.getOrDefault(key, String.join(",", Settings.LivenessConfig.ACTIONS)).split(",")) {
            String t = a.strip().toLowerCase(Locale.ROOT);
            if (!Settings.LivenessConfig.ACTIONS.contains(t)) {
                throw bad(key, "a comma-separated list of " + String.join(", ", Settings.LivenessConfig.ACTIONS));
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private Duration positiveDuration(String key) {
        Duration d = duration(key);
        if (d.isNegative() || d.isZero()) {
            throw bad(key, "a positive duration");
        }
        return d;
    }

    private int count(String key) {
        int v = integer(key);
        if (v < 1) {
            throw bad(key, "a whole number of at least 1");
        }
        return v;
    }

    private double above(String key, int min) {
        double v = number(key);
        if (!(v > min)) {
            throw bad(key, "a number above " + min);
        }
        return v;
    }

    private double correlation(String key) {
        double v = number(key);
        if (!(v > -1 && v < 1)) {
            throw bad(key, "a correlation between -1 and 1");
        }
        return v;
    }

    private double positive(String key) {
        double v = number(key);
        if (!(v > 0)) {
            throw bad(key, "a positive number");
        }
        return v;
    }

    /** The environment variable when set (a launcher or service unit keeps the password out of files), else the key. */
    private String fromEnvOr(String env, String key) {
        String e = environment.apply(env);
        if (e != null && !e.isEmpty()) {
            return e;
        }
        String v = values.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    private String expand(String v) {
        return v.replace("${dataDir}", dirs.dataDir().toString().replace('\\', '/'))
                .replace("${configDir}", dirs.configDir().toString().replace('\\', '/'));
    }

    private String required(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            throw new ConfigException("setting " + key + " is missing" + where(key));
        }
        return v;
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(required(key));
        } catch (NumberFormatException e) {
            throw bad(key, "a whole number");
        }
    }

    private double number(String key) {
        try {
            return Double.parseDouble(required(key));
        } catch (NumberFormatException e) {
            throw bad(key, "a number");
        }
    }

    private OptionalDouble optionalDouble(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw bad(key, "a number or empty");
        }
    }

    private boolean bool(String key) {
        String v = required(key).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw bad(key, "true or false");
        };
    }

    private Duration duration(String key) {
        String v = required(key);
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            // also accept plain seconds, e.g. "300"
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e2) {
                throw bad(key, "an ISO-8601 duration such as PT5M, or seconds");
            }
        }
    }

    private LocalTime time(String key) {
        try {
            return LocalTime.parse(required(key));
        } catch (DateTimeParseException e) {
            throw bad(key, "a time such as 09:00");
        }
    }

    private ZoneId zone(String key) {
        String v = values.get(key);
        if (v == null || v.isEmpty()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(v);
        } catch (RuntimeException e) {
            throw bad(key, "a time zone such as Europe/Paris");
        }
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String v = required(key).toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw bad(key, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private ConfigException bad(String key, String expected) {
        return new ConfigException("setting " + key + "=" + values.get(key) + " should be " + expected + where(key));
    }

    private String where(String key) {
        String from = origin.get(key);
        return from == null ? "" : " (in " + from + ")";
    }
}
