package io.facecheck.cli;

import io.facecheck.config.Messages;
import io.facecheck.face.FaceNetworks;
import io.facecheck.app.WebhookService;
import io.facecheck.config.AppDirs;
import io.facecheck.config.LogFiles;
import io.facecheck.config.Settings;
import io.facecheck.models.ModelNames;
import io.facecheck.models.ModelVerifier;
import io.facecheck.models.Models;
import io.facecheck.app.StoreStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code facecheck status}: is this install healthy? One look at the database, models, key, backups, disk, camera. */
@Command(name = "status", mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;
    @Option(names = "--models", paramLabel = "DIR", descriptionKey = "help.status.models")
    Path modelsDir;
    @Option(names = "--json", descriptionKey = "help.status.json")
    boolean json;

    @Override
    public Integer call() {
        Settings settings = store.settings();
        List<String> problems = new ArrayList<>();
        int exit = ExitCodes.OK;
        Map<String, Object> out = new LinkedHashMap<>();

        Map<String, Object> database = new LinkedHashMap<>();
        String url = settings.database().url();
        database.put("url", redact(url));
        StoreStatus health = StoreStatus.check(settings, database);
        health.problems().forEach(p -> problems.add(p.localized()));
        if (health.failed()) {
            exit = ExitCodes.DATABASE;
        }
        out.put("database", database);

        Map<String, Object> models = new LinkedHashMap<>();
        Path dir = modelsDir != null ? modelsDir : Models.defaultDir();
        models.put("dir", dir.toAbsolutePath().toString());
        List<String> names = modelsFor(settings);
        models.put("checked", names);
        List<String> failed = new ArrayList<>();
        for (ModelVerifier.Check c : new ModelVerifier(dir).verifyAll(names)) {
            if (!c.ok()) {
                failed.add(c.name() + ": " + c.problem());
            }
        }
        models.put("ok", failed.isEmpty());
        if (!failed.isEmpty()) {
            models.put("problems", failed);
            failed.forEach(f -> problems.add(Messages.get("cli.status.models", f)));
            if (exit == ExitCodes.OK) {
                exit = ExitCodes.MODEL;
            }
        }
        out.put("models", models);
        out.put("gallery", health.gallery());
        if (!health.webhooks().isEmpty()) {
            out.put("webhooks", health.webhooks());
            if ((int) health.webhooks().get("failing") > 0) {
                // not unhealthy: the events wait in the outbox and are retried until the receiver answers
                problems.add(Messages.get("webhooks.status.failing", health.webhooks().get("pending"),
                        health.webhooks().get("failing")));
            }
        }
        out.put("encryption", health.encryption());
        out.put("lastBackup", health.lastBackup());
        if (health.offline() != null) {
            out.put("offline", health.offline());
        }

        Path dataDir = StoreStatus.dataDir(settings);
        out.put("dataDir", dataDir.toString());
        Long free = freeMb(dataDir);
        out.put("diskFreeMb", free);
        if (free != null && free < MIN_FREE_MB) {
            // the database cannot take check-ins (H2 refuses the commit): as unhealthy as a database that is down
            problems.add(Messages.get("cli.status.diskFull", dataDir, free));
            if (exit == ExitCodes.OK) {
                exit = ExitCodes.DATABASE;
            }
        }
        out.put("logFile", LogFiles.folder(AppDirs.current().dataDir()).resolve(LogFiles.FILE_NAME).toString());

        Map<String, Object> camera = new LinkedHashMap<>();
        List<String> devices = videoDevices();
        camera.put("available", devices == null ? null : !devices.isEmpty());
        camera.put("devices", devices);
        camera.put("required", false);
        out.put("camera", camera);
        out.put("ok", exit == ExitCodes.OK);

        if (json) {
            Json.print(out);
        } else {
            print(out);
        }
        for (String p : problems) {
            CliMessages.warn("cli.status.problem", p);
        }
        if (devices != null && devices.isEmpty()) {
            CliMessages.warn("cli.status.noCamera");
        }
        return exit;
    }

    /** The networks the configured engine needs. */
    static List<String> modelsFor(Settings s) {
        List<String> names = new ArrayList<>();
        names.addAll(FaceNetworks.detector(s.engine().detector()).orElse(FaceNetworks.defaultDetector()).models());
        names.add(FaceNetworks.embedder(s.engine().embedder()).orElse(FaceNetworks.defaultEmbedder()).model());
        switch (s.liveness().mode()) {
            case NET -> names.add(ModelNames.ANTI_SPOOFING);
            case PASSIVE, CHALLENGE -> {
                if (!names.contains(ModelNames.LANDMARK68)) {
                    names.add(ModelNames.LANDMARK68);
                }
            }
            default -> { }
        }
        return names;
    }

    /** A JDBC URL without passwords: {@code PASSWORD=…} settings, {@code password=…} parameters, {@code user:pw@}. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password\\s*=)[^;&]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    /** Below this much free space under the database, check-ins are about to fail: an error, not a figure. */
    static final long MIN_FREE_MB = 32;

    private static Long freeMb(Path dir) {
        try {
            Path p = dir;
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? null : Files.getFileStore(p).getUsableSpace() / (1024 * 1024);
        } catch (IOException e) {
            return null;
        }
    }

    /** Video devices on Linux, null where FaceCheck cannot tell without opening a camera (other systems). */
    private static List<String> videoDevices() {
        Path dev = Path.of("/dev");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux") || !Files.isDirectory(dev)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dev)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("video\\d+")).sorted()
                    .map(n -> "/dev/" + n).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> out) {
        Map<String, Object> db = (Map<String, Object>) out.get("database");
        Map<String, Object> models = (Map<String, Object>) out.get("models");
        Map<String, Object> gallery = (Map<String, Object>) out.get("gallery");
        Map<String, Object> enc = (Map<String, Object>) out.get("encryption");
        Map<String, Object> cam = (Map<String, Object>) out.get("camera");
        // OK/FAIL stay as they are in every language: a script may grep them
        line("cli.status.database.label", ok(db.get("ok")), Messages.get("cli.status.database.value", db.get("url"),
                String.valueOf(db.get("schemaVersion"))));
        line("cli.status.models.label", ok(models.get("ok")), Messages.get("cli.status.models.value",
                models.get("checked"), models.get("dir")));
        line("cli.status.gallery.label", "    ", Messages.get("cli.status.gallery.value", gallery.get("employees"),
                gallery.get("templates")));
        line("cli.status.encryption.label", ok(enc.get("ok")), Messages.get("cli.status.encryption.value",
                enc.get("keyId"), enc.get("key")) + (enc.containsKey("neededKeyIds")
                ? Messages.get("cli.status.encryption.needs", enc.get("neededKeyIds")) : ""));
        Map<String, Object> backup = (Map<String, Object>) out.get("lastBackup");
        line("cli.status.backup.label", backup == null ? "    " : ok(backup.get("restorable")), backup == null
                ? Messages.get("cli.status.backup.never") : Messages.get(Boolean.TRUE.equals(backup.get("restorable"))
                ? "cli.status.backup.restorable" : "cli.status.backup.notRestorable", backup.get("at"),
                backup.get("file")));
        line("cli.status.disk.label", "    ", Messages.get("cli.status.disk.value", out.get("diskFreeMb"),
                out.get("dataDir")));
        line("cli.status.camera.label", "    ", cam.get("available") == null ? Messages.get("cli.status.camera.unknown")
                : Boolean.TRUE.equals(cam.get("available")) ? String.valueOf(cam.get("devices"))
                : Messages.get("cli.status.camera.none"));
        line("cli.status.log.label", "    ", String.valueOf(out.get("logFile")));
        Map<String, Object> hooks = (Map<String, Object>) out.get("webhooks");
        if (hooks != null) {
            System.out.println(Messages.get("webhooks.status.line", hooks.get("count"), hooks.get("pending"),
                    hooks.get("failing"), hooks.get("lastError") == null ? "-" : hooks.get("lastError")));
        }
    }

    private static void line(String label, String mark, String value) {
        System.out.println(DisplayWidth.padRight(Messages.get(label), 12) + mark + "  " + value);
    }

    private static String ok(Object v) {
        return Boolean.TRUE.equals(v) ? "OK  " : "FAIL";
    }
}
