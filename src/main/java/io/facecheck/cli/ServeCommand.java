package io.facecheck.cli;

import io.facecheck.api.ApiConfig;
import io.facecheck.api.ApiServer;
import io.facecheck.api.ApiServices;
import io.facecheck.app.ApiTokenService;
import io.facecheck.app.CorrectionService;
import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.EventService;
import io.facecheck.app.KioskService;
import io.facecheck.app.PhotoEnrollment;
import io.facecheck.app.TimesheetService;
import io.facecheck.attendance.AttendanceEngine;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.config.Settings;
import io.facecheck.app.Backend;
import io.facecheck.app.OpenMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** {@code facecheck serve}: the HTTP JSON API (docs/api.md) until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false)
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "ADDR", descriptionKey = "help.serve.host")
    String host = "127.0.0.1";
    @Option(names = "--port", paramLabel = "N", descriptionKey = "help.serve.port")
    int port = 8750;
    @Option(names = "--tls-keystore", paramLabel = "FILE", descriptionKey = "help.serve.tls-keystore")
    Path keystore;
    @Option(names = "--tls-password-file", paramLabel = "FILE", descriptionKey = "help.serve.tls-password-file")
    Path passwordFile;
    @Option(names = "--insecure-http", descriptionKey = "help.serve.insecure-http")
    boolean insecureHttp;
    @Option(names = "--max-body-mb", paramLabel = "MB", descriptionKey = "help.serve.max-body-mb")
    int maxBodyMb = (int) (ApiConfig.DEFAULT_MAX_BODY >> 20);
    @Option(names = "--rate-limit", paramLabel = "N", descriptionKey = "help.serve.rate-limit")
    int rateLimit = ApiConfig.DEFAULT_RATE;

    @Mixin
    StoreOptions store;
    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        ApiConfig config = config();
        try {
            config.check(); // before the database is opened: a refused bind fails at once
        } catch (ApiConfig.Refused e) {
            throw CliException.of(ExitCodes.FAILURE, e);
        }
        return store.withBackend(OpenMode.EXISTING, backend -> {
            Settings settings = store.settings();
            LazyEngine engine = new LazyEngine(() -> backend.openEngine(engineOptions.options(),
                    engineOptions.threshold, false));
            try (engine; ApiServer server = start(config, services(backend, settings.checkIn().zone(), engine));
                 io.facecheck.app.WebhookDispatcher hooks = startWebhooks(backend)) {
                CliMessages.out("cli.api.listening", server.baseUri());
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    stopped.countDown();
                }, "facecheck-serve-stop"));
                stopped.await();
                return ExitCodes.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.OK;
            }
        });
    }

    /** The services over one open database; enrollment loads the face engine on first use. */
    static ApiServices services(Backend backend, ZoneId zone, Supplier<EnrollmentService> enrollment) {
        return new ApiServices(backend.employees(), new PhotoEnrollment(enrollment), backend.events(),
                backend.eventCorrections(zone), backend.timesheets(), backend.kiosks(), backend.apiTokens(), zone);
    }

    /** The webhooks' dispatcher, delivering the events the API's writes queue while the server runs. */
    private static io.facecheck.app.WebhookDispatcher startWebhooks(Backend backend) {
        io.facecheck.app.WebhookDispatcher d = backend.webhookDispatcher();
        d.start();
        return d;
    }

    private static ApiServer start(ApiConfig config, ApiServices services) {
        try {
            return ApiServer.start(config, services);
        } catch (RuntimeException e) {
            // Jetty's bind failure (port taken, address not on this machine) as a CLI error, not a trace
            throw CliException.of(ExitCodes.FAILURE, "cli.api.cannotListen", config.host() + ":" + config.port(),
                    e.getMessage());
        }
    }

    private ApiConfig config() {
        if ((keystore == null) != (passwordFile == null)) {
            throw CliException.of(ExitCodes.USAGE, "cli.api.tlsPair");
        }
        char[] password = null;
        if (passwordFile != null) {
            try {
                password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("")
                        .toCharArray();
            } catch (IOException e) {
                throw CliException.of(ExitCodes.FAILURE, "cli.api.passwordFile", passwordFile, e.getMessage());
            }
            if (!Files.isReadable(keystore)) {
                throw CliException.of(ExitCodes.FAILURE, "cli.api.noKeystore", keystore);
            }
        }
        return new ApiConfig(host, port, keystore, password, insecureHttp, (long) maxBodyMb << 20, rateLimit);
    }

    /** The attendance engine, opened on first use and closed with the server. */
    static final class LazyEngine implements Supplier<EnrollmentService>, AutoCloseable {
        private final Supplier<AttendanceEngine> open;
        private AttendanceEngine engine;

        LazyEngine(Supplier<AttendanceEngine> open) {
            this.open = open;
        }

        @Override
        public synchronized EnrollmentService get() {
            if (engine == null) {
                engine = open.get();
            }
            return engine.enrollment();
        }

        @Override
        public synchronized void close() {
            if (engine != null) {
                engine.close();
            }
        }
    }
}
