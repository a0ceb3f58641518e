package io.facecheck.ui;

import io.facecheck.ui.admin.AdminView;
import io.facecheck.ui.admin.AttendanceViewModel;
import io.facecheck.ui.admin.AuditView;
import io.facecheck.ui.admin.KiosksView;
import io.facecheck.ui.admin.WebhooksView;
import io.facecheck.ui.admin.HolidaysLeaveView;
import io.facecheck.ui.admin.HolidaysLeaveViewModel;
import io.facecheck.ui.admin.SchedulesView;
import io.facecheck.ui.admin.SchedulesViewModel;
import io.facecheck.ui.admin.TodayView;
import io.facecheck.ui.admin.TodayViewModel;
import io.facecheck.ui.admin.EmployeesView;
import io.facecheck.ui.admin.EmployeesViewModel;
import io.facecheck.ui.admin.EnrollmentView;
import io.facecheck.ui.admin.EnrollmentViewModel;
import io.facecheck.ui.admin.LoginView;
import io.facecheck.ui.admin.LoginViewModel;
import io.facecheck.ui.admin.SettingsView;
import io.facecheck.ui.admin.SettingsViewModel;
import io.facecheck.ui.kiosk.FrameAnalyzer;
import io.facecheck.ui.kiosk.KioskDimmer;
import io.facecheck.ui.kiosk.KioskView;
import io.facecheck.ui.kiosk.KioskViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.facecheck.attendance.AttendanceEngine;
import io.facecheck.camera.FrameCapture;
import io.facecheck.camera.FrameSources;
import io.facecheck.ui.kiosk.RecognitionAnalyzer;

import io.facecheck.config.Messages;
import io.facecheck.ui.I18n.Text;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Switches the window between the kiosk and the admin screens; the admin screens are reachable only
 * through the login. Opens the services in the background first, showing progress.
 */
public final class MainWindow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final LaunchOptions options;
    private final Supplier<AppServices> opener;
    private final Executor executor = UiExecutors.background();
    private final StackPane root = new StackPane();
    private final Clock clock;
    private AppServices services;
    private KioskViewModel kiosk;
    private KioskDimmer dimmer;
    private String admin;
    private AdminView adminView;
    private EnrollmentViewModel lastEnrollment;
    private EmployeesViewModel employeesVm;
    private FrameCapture adminCamera;
    private PauseTransition retryTimer;
    private java.util.concurrent.ScheduledExecutorService offlineWatch;
    private boolean closed;

    /** How long a kiosk that could not load its gallery (server down, nothing cached) waits before trying again. */
    public static final java.time.Duration RETRY_INTERVAL = io.facecheck.attendance.OfflineKiosk.RETRY_INTERVAL;
    /** How often the kiosk's offline banner is brought up to date from the local journal. */
    static final java.time.Duration OFFLINE_WATCH_INTERVAL = java.time.Duration.ofSeconds(1);

    public MainWindow(LaunchOptions options) {
        this(options, () -> AppServices.open(options));
    }

    /** @param opener opens the services; runs in the background */
    public MainWindow(LaunchOptions options, Supplier<AppServices> opener) {
        this(options, opener, Clock.systemUTC());
    }

    /**
     * @param clock the kiosk's clock: the time its check-ins are recorded at, the time of day its greetings fit and
     *              the time its header shows (tests put the kiosk at a chosen hour)
     */
    public MainWindow(LaunchOptions options, Supplier<AppServices> opener, Clock clock) {
        this.options = options;
        this.opener = opener;
        this.clock = clock;
        root.setId("main-root");
    }

    public StackPane root() {
        return root;
    }

    public void start() {
        ProgressIndicator p = new ProgressIndicator();
        Label l = new Label();
        l.textProperty().bind(I18n.text("app.starting"));
        VBox box = new VBox(16, p, l);
        box.setAlignment(Pos.CENTER);
        box.setId("starting");
        root.getChildren().setAll(box);
        BackgroundTask.wrap(() -> {
                    UiFonts.load(); // the kiosk and admin screens, built next, use the bundled family
                    return opener.get();
                })
                .onSuccess(s -> {
                    services = s;
                    s.settings().ui().languageIfSet().ifPresent(Messages::setLocale);
                    io.facecheck.ui.admin.Localized.useFormatLocale();
                    if (options.screen() == LaunchOptions.Screen.ADMIN) {
                        showLogin();
                    } else {
                        showKiosk();
                    }
                })
                .onFailure(e -> {
                    LOG.error("cannot start", e);
                    Label err = new Label();
                    err.textProperty().bind(I18n.text("app.cannot-start", e.getMessage()));
                    err.setId("startup-error");
                    err.getStyleClass().add("error-text");
                    err.setWrapText(true);
                    err.setMaxWidth(800);
                    root.getChildren().setAll(err);
                })
                .executeWith(executor);
    }

    public void showKiosk() {
        if (kiosk == null) {
            kiosk = new KioskViewModel(this::analyzer, clock.withZone(services.settings().checkIn().zone()));
            String camera = options.camera() != null ? options.camera() : services.configuredCamera();
            loadRecognition(camera, false);
        }
        dimmer = new KioskDimmer(kiosk.lastUpdateProperty(), services.settings().kiosk().dimAfter());
        show(dimmer.wrap(new KioskView(kiosk, this::showLogin, pinPad())));
    }

    /**
     * Loads the engine in the background, then starts the camera with recognition. When the database server is
     * unreachable and this kiosk has no cached gallery of it, the camera runs as a preview, the screen says so, and
     * it tries again every {@link #RETRY_INTERVAL} (asking the server with one quick connection first, so the
     * models are not reloaded for nothing).
     */
    private void loadRecognition(String camera, boolean retry) {
        BackgroundTask.wrap(() -> {
                    if (retry) {
                        services.backend().probe();
                    }
                    services.engine().engine().warmUp(); // the first real frame is not 300 ms late
                    services.startHeartbeat(services::pendingCheckIns);
                    return services.engine();
                })
                .onSuccess(e -> {
                    if (kiosk == null || closed) {
                        return;
                    }
                    kiosk.showError(Text.NONE);
                    kiosk.useCamera(camera);
                    e.offline().ifPresent(this::watchOffline);
                })
                .onFailure(e -> {
                    if (kiosk == null || closed) {
                        return;
                    }
                    if (!retry) {
                        kiosk.useCamera(camera); // a preview: the person sees the kiosk is alive
                    }
                    if (AppServices.unreachable(e)) {
                        LOG.warn("recognition unavailable, trying again in {} s: {}", RETRY_INTERVAL.toSeconds(),
                                e.getMessage());
                        if (!retry || kiosk.errorProperty().get().isEmpty()) {
                            kiosk.showError(serverDownMessage(e.getMessage())); // the first words say the most
                        }
                        retryTimer = new PauseTransition(javafx.util.Duration.millis(RETRY_INTERVAL.toMillis()));
                        retryTimer.setOnFinished(x -> loadRecognition(camera, true));
                        retryTimer.play();
                    } else {
                        LOG.error("recognition unavailable", e);
                        kiosk.showError(unavailableMessage(e));
                    }
                })
                .executeWith(executor);
    }

    /** The kiosk screen's words for a database server that cannot be reached while nothing is cached. */
    static Text serverDownMessage(String cause) {
        return Text.of("kiosk.error.server-down", cause, RETRY_INTERVAL.toSeconds());
    }

    /** The kiosk screen's words for recognition that cannot start: damaged or missing models say so. */
    static Text unavailableMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.facecheck.models.ModelException) {
                return Text.of("kiosk.error.models", e.getMessage());
            }
        }
        return Text.of("kiosk.error.unavailable", e.getMessage());
    }

    /**
     * Keeps the kiosk's offline banner up to date: whether the server answers and how many check-ins wait for it
     * (read from this kiosk's own journal every {@link #OFFLINE_WATCH_INTERVAL}, never from the server), handed to
     * the FX thread when it changes.
     */
    private void watchOffline(io.facecheck.attendance.OfflineKiosk offline) {
        if (offlineWatch != null) {
            return;
        }
        String kioskId = services.settings().checkIn().kioskId();
        KioskViewModel vm = kiosk;
        offlineWatch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                UiExecutors.named("kiosk-offline-watch"));
        String[] shown = {null};
        offlineWatch.scheduleWithFixedDelay(() -> {
            try {
                boolean online = offline.online();
                int waiting = offline.pending(kioskId);
                String state = online + "/" + waiting;
                if (!state.equals(shown[0])) {
                    shown[0] = state;
                    Platform.runLater(() -> vm.showConnection(online, waiting));
                }
            } catch (RuntimeException e) {
                LOG.warn("offline journal: {}", e.getMessage());
            }
        }, 0, OFFLINE_WATCH_INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * The PIN keypad, or null with {@code pin.enabled=false}: code and PIN checked by the {@link io.facecheck.app.PinService},
     * the check-in made by the station of the camera running now (its debounce and direction), the person greeted
     * as a recognised face is.
     */
    private io.facecheck.ui.kiosk.PinPadViewModel pinPad() {
        if (!services.settings().pin().enabled()) {
            return null;
        }
        io.facecheck.app.PinService pins = services.pins();
        String kioskId = services.settings().checkIn().kioskId();
        KioskViewModel vm = kiosk;
        return new io.facecheck.ui.kiosk.PinPadViewModel(new io.facecheck.ui.kiosk.PinPadViewModel.Backend() {
            @Override
            public io.facecheck.app.PinService.Result checkIn(String code, char[] pin) {
                io.facecheck.attendance.CheckInStation station = currentStation;
                if (station == null) {
                    throw new IllegalStateException(Messages.get("pin.error.not-ready"));
                }
                return pins.checkIn(code, pin, station, kioskId);
            }

            @Override
            public io.facecheck.app.PinService.Attempt change(String code, char[] oldPin, char[] newPin) {
                return pins.change(code, oldPin, newPin, kioskId);
            }
        }, executor, services.settings().checkIn().zone(), e -> vm.greet(new io.facecheck.ui.kiosk.KioskUpdate.CheckIn(
                e.code(), e.name(), e.direction().name(), e.localTime())));
    }

    /** The check-in station of the camera running now (the PIN keypad checks in through it), or null. */
    private volatile io.facecheck.attendance.CheckInStation currentStation;

    /** A fresh analyser (its own check-in station: K-of-N memory, debounce) per camera source; preview only without an engine. */
    private FrameAnalyzer analyzer() {
        AttendanceEngine engine = services.loadedEngine();
        if (engine == null) {
            return FrameAnalyzer.PREVIEW_ONLY;
        }
        io.facecheck.attendance.CheckInStation station = engine.station(null, clock);
        currentStation = station;
        return new RecognitionAnalyzer(station, services.employees(), engine.offline().orElse(null));
    }


    /** Leaving the admin screens always logs out: the kiosk is a public terminal. */
    private void logout() {
        if (admin != null) {
            String who = admin;
            BackgroundTask.wrap(() -> services.admins().logOut(who)).executeWith(executor);
        }
        admin = null;
        adminView = null;
        if (adminCamera != null) {
            adminCamera.close(); // a webcam can be opened once: give it back before the kiosk takes it
            adminCamera = null;
        }
    }

    public void showLogin() {
        LoginViewModel vm = new LoginViewModel(services.admins(), services.settings().checkIn().zone(), executor,
                name -> {
            admin = name;
            showAdmin();
        });
        show(new LoginView(vm, this::showKiosk));
        vm.load();
    }

    private void showAdmin() {
        EmployeesViewModel employees = new EmployeesViewModel(services, admin, executor);
        employeesVm = employees;
        AttendanceViewModel attendance = new AttendanceViewModel(services, admin, executor);
        AttendanceEngine engine = services.loadedEngine();
        SettingsViewModel settings = new SettingsViewModel(services, admin, executor,
                engine == null ? Double.NaN : engine.engine().embedder().threshold());
        AuditView audit = new AuditView(services.audit(), services.settings().checkIn().zone(), executor);
        adminView = new AdminView(admin, new EmployeesView(employees, () -> openEnrollment(employees)), attendance,
                new SettingsView(settings), audit, () -> {
                    logout();
                    showKiosk();
                }, () -> {
                    logout();
                    showLogin();
                });
        KiosksView kiosks = new KiosksView(services.kiosks(), services.settings().checkIn().zone(),
                executor);
        SchedulesViewModel schedules = new SchedulesViewModel(services, admin, executor);
        adminView.addPage("admin.tab.schedules", new SchedulesView(schedules), schedules::reload);
        HolidaysLeaveViewModel holidays = new HolidaysLeaveViewModel(services, admin, executor);
        adminView.addPage("admin.tab.holidays", new HolidaysLeaveView(holidays), holidays::reload);
        TodayViewModel today = new TodayViewModel(services, executor);
        adminView.addPage("admin.tab.today", new TodayView(today), today::reload);
        adminView.addPage("admin.tab.kiosks", kiosks, kiosks::reload);
        WebhooksView webhooks = new WebhooksView(services.webhooks(), services.settings().checkIn().zone(), executor);
        adminView.addPage("admin.tab.webhooks", webhooks, webhooks::reload);
        show(adminView);
        employees.reload();
        attendance.reload();
    }

    private void openEnrollment(EmployeesViewModel employees) {
        AdminView view = adminView;
        EnrollmentView[] page = new EnrollmentView[1];
        EnrollmentViewModel vm = new EnrollmentViewModel(services, admin, executor, enrollmentCamera(),
                code -> employees.reload());
        page[0] = new EnrollmentView(vm, () -> view.closeTab(page[0]));
        view.openTab("admin.tab.enroll", page[0]);
        lastEnrollment = vm;
    }

    /** The employees tab's view model while an administrator is logged in. */
    public EmployeesViewModel employeesViewModel() {
        return employeesVm;
    }

    /**
     * The camera for enrollment samples: the kiosk's when it runs, else the configured camera opened for the
     * admin screens (closed with the window).
     */
    private FrameCapture enrollmentCamera() {
        if (kiosk != null && kiosk.captureProperty().get() != null) {
            return kiosk.captureProperty().get();
        }
        if (adminCamera == null) {
            String spec = options.camera() != null ? options.camera() : services.configuredCamera();
            try {
                adminCamera = new FrameCapture(FrameSources.parse(spec)).start();
            } catch (IllegalArgumentException e) {
                LOG.warn("no camera for enrollment: {}", e.getMessage());
                return null;
            }
        }
        return adminCamera;
    }

    /** The view model of the enrollment wizard opened last (for tests and screenshots). */
    public EnrollmentViewModel lastEnrollment() {
        return lastEnrollment;
    }

    private void show(Node n) {
        root.getChildren().setAll(n);
    }

    public KioskViewModel kiosk() {
        return kiosk;
    }

    /** The screen-saver dimming of the kiosk screen shown last, null before the kiosk was shown. */
    public KioskDimmer dimmer() {
        return dimmer;
    }

    /** The admin screens while an administrator is logged in, else null. */
    public AdminView adminView() {
        return adminView;
    }

    public AppServices services() {
        return services;
    }

    @Override
    public void close() {
        closed = true;
        if (retryTimer != null) {
            retryTimer.stop();
        }
        if (offlineWatch != null) {
            offlineWatch.shutdownNow();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        if (adminCamera != null) {
            adminCamera.close();
        }
        if (services != null) {
            services.close();
        }
    }
}
