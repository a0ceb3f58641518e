package io.facecheck.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one window that shows the kiosk or the admin screens. Start it via {@link FaceCheckLauncher}. */
public final class FaceCheckApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(FaceCheckApp.class);
    public static final String STYLESHEET = FaceCheckApp.class.getResource("facecheck.css").toExternalForm();

    /** Services opened before the window by {@link FaceCheckLauncher#launch(LaunchOptions, AppServices)}. */
    private static final java.util.concurrent.atomic.AtomicReference<AppServices> PREOPENED =
            new java.util.concurrent.atomic.AtomicReference<>();

    private MainWindow window;

    static void preopened(AppServices services) {
        PREOPENED.set(services);
    }

    /** Runs on the launcher thread, before {@link #start}: the fonts are in place when the first screen is built. */
    @Override
    public void init() {
        UiFonts.load();
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.fromNamed(getParameters().getNamed());
        LOG.info("starting FaceCheck: {}", options);
        AppServices opened = PREOPENED.getAndSet(null);
        window = opened == null ? new MainWindow(options) : new MainWindow(options, () -> opened);
        KioskLock lock = options.fullscreen() ? new KioskLock(window::services) : null;
        Scene scene = new Scene(lock == null ? window.root() : lock.wrap(window.root()), 1280, 720);
        scene.getStylesheets().add(STYLESHEET);
        stage.titleProperty().bind(I18n.text("app.name"));
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        if (lock != null) {
            lock.lock(stage); // full screen; Escape and Alt+F4 ask for an administrator's password
        }
        stage.show();
        window.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        Platform.exit();
    }
}
