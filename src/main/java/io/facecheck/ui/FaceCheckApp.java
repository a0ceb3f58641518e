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

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.fromNamed(getParameters().getNamed());
        LOG.info("starting FaceCheck: {}", options);
        window = new MainWindow(options);
        Scene scene = new Scene(window.root(), 1280, 720);
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("FaceCheck");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        if (options.fullscreen()) {
            stage.setFullScreenExitHint("");
            stage.setFullScreen(true);
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
